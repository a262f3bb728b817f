// SPDX-License-Identifier: MIT
// The parser's domain words, read once from data/outline.json.
#pragma once

#include <plancmp/model/jurisdiction.hpp>
#include <plancmp/model/outline.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace plancmp::inline v0::parse::detail {

/// A list of words from outline.json with one automaton over all of them, so that
/// "does this line hold any of them" is one pass over the line, not one per word (a
/// plain find() of a CJK word stops at every character that shares its first byte).
///
/// "Does this name end with any of them" looks up the name's last n bytes for each
/// distinct word length n, instead of comparing with every word (agency names are tested
/// against some forty endings, several times per clause).
struct word_list {
  std::vector<std::string> words;
  plancmp::detail::aho_corasick matcher;

  word_list() = default;
  explicit word_list(std::vector<std::string> w) : words(std::move(w)), matcher(words) {
    for (const auto& word : words) {
      last_bytes_[static_cast<unsigned char>(word.back())] = true;
      by_bytes_.insert(word);
      if (std::find(lengths_.begin(), lengths_.end(), word.size()) == lengths_.end()) lengths_.push_back(word.size());
    }
  }
  word_list(const word_list& other) : word_list(other.words) {}  // by_bytes_ views its own words
  word_list& operator=(const word_list& other) {
    if (this != &other) *this = word_list(other.words);
    return *this;
  }
  word_list(word_list&&) noexcept = default;  // moving a vector keeps its strings in place
  word_list& operator=(word_list&&) noexcept = default;
  ~word_list() = default;

  [[nodiscard]] auto begin() const { return words.begin(); }
  [[nodiscard]] auto end() const { return words.end(); }
  /// Whether some word ends with the last byte of `s`: most names end with none of them.
  [[nodiscard]] bool may_end(std::string_view s) const {
    return !s.empty() && last_bytes_[static_cast<unsigned char>(s.back())];
  }
  [[nodiscard]] bool is_ending_of(std::string_view s) const {
    if (!may_end(s)) return false;
    for (const std::size_t n : lengths_) {
      if (n <= s.size() && by_bytes_.contains(s.substr(s.size() - n))) return true;
    }
    return false;
  }

 private:
  std::unordered_set<std::string_view> by_bytes_;  // views into `words`
  std::vector<std::size_t> lengths_;               // distinct word sizes
  std::array<bool, 256> last_bytes_{};             // the last byte of some word
};

struct outline_rules {
  std::vector<std::pair<section_kind, std::string>> section_kinds;
  /// Title endings that give a kind (招生原则, 清理整顿的原则; 补贴对象, 招生对象).
  std::vector<std::pair<section_kind, std::string>> section_kind_endings;
  /// A numbered item that only says when the document takes effect (七、本通知自…起施行).
  std::vector<std::string> effective_opens;
  word_list effective_words;
  /// 所称: after an opener (本意见所称X，是指…), a definition, not a task.
  std::string defines_word;
  // Labels of a page's metadata table (标题 / 发文机关 / 成文日期 / 发文字号).
  word_list title_labels, issuer_labels, issued_labels, doc_number_labels;
  /// Words that show a plan's level (全省, 各市人民政府 …), per level.
  std::vector<std::pair<level, word_list>> level_words;
  word_list level_prefix_exceptions;  ///< 市场监管总局 does not start with the level prefix 市
  word_list province_level_cities;    ///< 北京市 上海市 天津市 重庆市
  std::size_t min_articles = 5;       ///< 第X条 lines that make a document a regulation
  // A regulation's labels: 第 + numeral + 条 (article) or 章 / 节 (chapter); 第一条 opens it.
  std::string ordinal, article, first_article;
  /// A question-and-answer page: lines opening with these labels (问：, 答：).
  std::vector<std::string> question_labels, answer_labels;
  /// A first line ending so makes an unstructured file a notice (…的通知).
  word_list notice_endings;
  /// Articles that are measures: the title names measures and no rules; provisions are not.
  word_list article_measure_titles, article_rule_titles, article_provisions;
  std::vector<std::string> chapter;
  // Central bodies: a name opening with a national prefix (after the party prefix 中共), or
  // ending with a body ending without a place name, is national (national_name).
  std::string national_name, party_prefix;
  std::vector<std::string> national_prefixes, national_body_endings;
  /// Place suffixes of an issuer (衡水市 → city), in the order tried.
  std::vector<std::pair<std::string, level>> place_suffixes;
  /// Characters a place name may have before its suffix; more before 自治区/州/县/旗.
  std::size_t max_place_characters = 6, max_autonomous_place_characters = 10;
  /// Level prefixes of a unit's name (区市场监管局 → district), in the order tried, and
  /// the key national bodies are counted under.
  std::vector<std::pair<std::string, level>> unit_prefixes;
  std::string national_unit_prefix;
  std::string notice_title_about;      ///< 关于: the notice title follows the issuer
  word_list issuing_notice_words;      ///< 印发, 转发: a 标题 that issues another document
  std::vector<std::string> title_history_words;  ///< 发布, 修订 …: a regulation's adoption note
  // The signature block: 抄送…, …印发, (此件…) of at most closing_note_max_chars.
  std::string closing_copied_to, closing_printed, closing_note_open;
  std::size_t closing_note_max_chars = 12;
  std::vector<std::string> empty_cells;  ///< a table cell that means no value (-, —, /)
  /// A table cell that repeats the cell above (〃, 同上; text::ditto_mark for a merged cell).
  std::vector<std::string> ditto_cells;
  word_list plan_title_words;
  word_list title_words;
  std::vector<std::string> issuer_injections;
  /// A page's source line naming the office (来源: 广州市民政局): labels, site suffixes to
  /// strip (官网), the longest name taken.
  std::vector<std::string> source_labels, source_site_suffixes;
  std::size_t source_max_chars = 30;
  std::vector<std::string> speaker_before, speaker_after;
  word_list notice_title_endings;
  word_list draft_markers;
  /// Whole lines that open a web page's own matter after the body (相关附件, 相关新闻, the
  /// share widget): the body ends before the first of them.
  std::vector<std::string> page_tail_lines;
  /// Labels of procedural fields (申领方式, 网址): a paragraph opening with one and ':'
  /// continues the paragraph before it.
  std::vector<std::string> procedure_labels;
  /// A lead-in announcing a list of conditions (符合下列要求的…, 有以下情况之一的): its last
  /// list word (下列, 以下) after a verb (符合, 存在, 有) and before a noun (条件, 情况) within
  /// condition_max_gap characters. The numbered items under it are its conditions.
  std::vector<std::string> condition_verbs, condition_lists, condition_nouns;
  std::size_t condition_max_gap = 4;
  /// 情况, 情形: numbered items all ending so name situations (what a unit examines).
  std::vector<std::string> condition_situations;
  /// A table of contents: lines ending in min_leaders or more leader characters (with a
  /// page number or not), and a title line (目录) just before them.
  std::vector<std::string> contents_titles, contents_leaders;
  std::size_t contents_min_leaders = 6;
  word_list clause_prefixes;
  // Labelled fields of a clause (牵头单位：…；配合单位：…；责任单位：…), longest first.
  word_list lead_labels;
  word_list support_labels;
  word_list responsible_labels;
  word_list lead_markers;      // longest first
  word_list support_suffixes;  // longest first
  word_list group_suffixes;    // longest first
  word_list accompany_words;   // A会同B: A leads, B supports
  word_list name_conjunctions; // join two names in a list: A等和B, A及各B
  /// name_conjunctions split once at their '|': the word that joins two names (dropped)
  /// and what must follow it; one automaton over the joining words, pattern id = index.
  struct conjunction {
    std::string joins, next;
  };
  std::vector<conjunction> conjunctions;
  plancmp::detail::aho_corasick conjunction_matcher;
  word_list not_agency_markers;
  word_list clause_words;
  /// clause_words and clause_prefixes in one automaton: "holds a clause word or a clause
  /// prefix" is one pass over a measure's text, not two.
  word_list clause_markers;
  word_list deadline_ongoing;
  word_list deadline_recurring;
  word_list deadline_markers;
  std::vector<std::string> closing_lead_in, closing_within, closing_then;
  std::string deadline_prose_marker;  ///< 底前: 2019年4月底前 in a measure's prose
  /// 到: 到2021年年底，… opens a clause with its time limit.
  std::vector<std::string> deadline_openers;
  /// A schedule's date: after one of schedule_after (于, 为 …), its end after schedule_range.
  std::vector<std::string> schedule_after, schedule_range;
  std::vector<std::vector<std::string>> first_listed_leads;  ///< each group: words all in one line
  word_list agency_endings;
  word_list collective_markers;
  word_list table_header_words;
  // Columns of a task-assignment table (序号 / 工作事项 / 牵头单位 / 配合单位 / 完成时限).
  word_list task_columns;
  word_list lead_columns;
  word_list support_columns;
  word_list deadline_columns;
};

/// The rules embedded from data/outline.json (parsed on first use).
const outline_rules& rules();

/// Whether a lead-in announces a list of conditions (outline.json condition_list: 符合下列
/// 要求的…予以保留。 有以下情况之一的，…): its last list word (下列, 以下) follows a verb
/// (符合, 存在, 有) and comes before a condition noun (条件, 情况) within a few characters,
/// nothing but a count between (以下3个条件之一). The items it announces are conditions of
/// its one measure, and their figures are thresholds, not targets.
bool announces_conditions(std::string_view t);

// ---- small UTF-8 string helpers used across the parser

using text::detail::find;
using text::detail::rfind;
inline bool contains(std::string_view s, std::string_view needle) {
  return find(s, needle) != std::string_view::npos;
}
inline bool contains_any(std::string_view s, const word_list& words) { return words.matcher.contains_any(s); }
inline bool ends_with_any(std::string_view s, const word_list& endings) { return endings.is_ending_of(s); }
/// Strips ASCII whitespace (the text layer turned NBSP and U+3000 into spaces).
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}
using text::detail::sequence_length;
/// Number of code points.
inline std::size_t char_count(std::string_view s) { return text::detail::count_code_points(s); }

}  // namespace plancmp::inline v0::parse::detail
