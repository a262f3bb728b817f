// SPDX-License-Identifier: MIT
// Plan parser: cover notice and metadata, title block, outline, measures and goals,
// responsibility clauses, boxes, flattened tables, annexes. Works line by line on the
// document's simplified view and takes every printed string and span from the
// document's maps, so names stay as printed and every fact points at its bytes.
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/detail/cover_lines.hpp>
#include <plancmp/text/detail/heading_shape.hpp>
#include <plancmp/text/formats.hpp>

#include <plancmp/hash.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/parse/clause.hpp>
#include <plancmp/parse/heading.hpp>
#include <plancmp/parse/targets.hpp>

#include "plan_targets.hpp"
#include "rules.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <map>
#include <set>

namespace plancmp::inline v0::parse {

std::string_view to_string(line_role r) noexcept {
  switch (r) {
    case line_role::blank: return "blank";
    case line_role::noise: return "noise";
    case line_role::cover: return "cover";
    case line_role::title: return "title";
    case line_role::preamble: return "preamble";
    case line_role::heading: return "heading";
    case line_role::measure: return "measure";
    case line_role::goal: return "goal";
    case line_role::section_text: return "section_text";
    case line_role::box: return "box";
    case line_role::table: return "table";
    case line_role::annex: return "annex";
    case line_role::closing: return "closing";
    case line_role::unparsed: return "unparsed";
  }
  return "unparsed";
}

namespace {

using detail::char_count;
using detail::contains;
using detail::contains_any;
using detail::rules;
using detail::trim;

constexpr std::size_t npos = static_cast<std::size_t>(-1);

/// A content line: its index in document::lines and its trimmed simplified text.
struct content_line {
  std::size_t index = 0;
  std::size_t begin = 0;  ///< trimmed range in document::simplified
  std::size_t end = 0;
  std::string_view text;  ///< doc.simplified[begin, end)
  bool cell = false;      ///< one cell of a tab-joined table row
};

/// A node of the numbered outline while parsing.
struct node {
  heading head;
  int rank = 0;
  std::size_t parent = npos;
  std::vector<std::string> path;
  std::string id;
  std::size_t first = 0;             ///< content-line index of the heading
  std::vector<std::size_t> own;      ///< content lines of its own text (heading line first)
  std::size_t children = 0;
  std::size_t last = 0;              ///< last content line under it (descendants included)
};

bool ends_sentence(std::string_view s) {
  s = trim(s);
  return s.ends_with("。") || s.ends_with(";") || s.ends_with("；") || s.ends_with(")") ||
         s.ends_with("]") || s.ends_with("】") || s.ends_with("!") || s.ends_with("?") ||
         s.ends_with("”") || s.ends_with(":");
}

using text::detail::has_sentence_punctuation;

/// Han characters and ASCII digits only: a key that survives spacing, quotes and
/// bracket differences between a notice title and the plan title.
std::string title_key(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto len = detail::sequence_length(static_cast<unsigned char>(s[i]));
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c >= '0' && c <= '9') || (len == 3 && c >= 0xE4 && c <= 0xE9)) out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

/// A line that is only a date (text::detail::date_line), as the plan's date type.
std::optional<date> date_line(std::string_view s) {
  if (const auto d = text::detail::date_line(s)) return date{d->year, d->month, d->day};
  return std::nullopt;
}

using text::detail::doc_number_match;
using text::detail::find_doc_number;

/// Calls `emit(bigram)` for each pair of adjacent Han characters of `s` (repeats included).
template <typename Emit>
void for_each_bigram(std::string_view s, Emit&& emit) {
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto len = detail::sequence_length(static_cast<unsigned char>(s[i]));
    if (len == 3 && i + 3 <= s.size() && static_cast<unsigned char>(s[i]) >= 0xE4 &&
        static_cast<unsigned char>(s[i]) <= 0xE9) {
      const std::uint32_t c = (std::uint32_t{static_cast<unsigned char>(s[i])} << 16) |
                              (std::uint32_t{static_cast<unsigned char>(s[i + 1])} << 8) |
                              std::uint32_t{static_cast<unsigned char>(s[i + 2])};
      if (previous != 0) emit((std::uint64_t{previous} << 32) | c);
      previous = c;
    } else {
      previous = 0;
    }
    i += len;
  }
}

/// The home slot of a bigram in a power-of-two table: Fibonacci hashing, taking the
/// product's top bits, which every bit of the key affects (the low bits would depend on
/// the second character alone).
std::size_t bigram_slot(std::uint64_t gram, std::size_t capacity) noexcept {
  return static_cast<std::size_t>((gram * 0x9E3779B97F4A7C15ULL) >> (64 - std::countr_zero(capacity)));
}

/// A set of bigrams emptied in O(1) (entries carry the generation that added them), for
/// counting the distinct bigrams of one text after another without sorting.
class bigram_set {
 public:
  /// Empties the set for a text of at most `expected` bigrams.
  void reset(std::size_t expected) {
    if (++generation_ == 0 || 2 * expected > keys_.size()) {
      std::size_t capacity = 64;
      while (capacity < 2 * expected) capacity *= 2;
      keys_.assign(std::max(capacity, keys_.size()), 0);
      generations_.assign(keys_.size(), 0);
      generation_ = 1;
    }
  }
  /// Adds `gram`; false if it was already there.
  bool insert(std::uint64_t gram) noexcept {
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t slot = bigram_slot(gram, keys_.size());; slot = (slot + 1) & mask) {
      if (generations_[slot] != generation_) {
        keys_[slot] = gram;
        generations_[slot] = generation_;
        return true;
      }
      if (keys_[slot] == gram) return false;
    }
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> generations_;
  std::uint32_t generation_ = 0;
};

/// Numbers distinct bigrams 0, 1, 2 … in a flat open-addressing table: linear time,
/// where sorting the bigrams of a whole plan would cost more than parsing it.
class bigram_ids {
 public:
  explicit bigram_ids(std::size_t expected) {
    std::size_t capacity = 64;
    while (capacity < 2 * expected) capacity *= 2;
    keys_.assign(capacity, 0);
    ids_.assign(capacity, 0);
  }
  [[nodiscard]] std::size_t home(std::uint64_t gram) const noexcept { return bigram_slot(gram, keys_.size()); }
  /// The id of `gram`, adding it if `insert`; npos if absent and not inserted.
  std::size_t find(std::uint64_t gram, bool insert) {
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t slot = home(gram);; slot = (slot + 1) & mask) {
      if (keys_[slot] == gram) return ids_[slot];
      if (keys_[slot] == 0) {
        if (!insert) return npos;
        if (2 * (size_ + 1) > keys_.size()) {
          grow();
          return find(gram, insert);
        }
        keys_[slot] = gram;
        ids_[slot] = static_cast<std::uint32_t>(size_);
        return size_++;
      }
    }
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  void grow() {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> ids;
    keys.swap(keys_);
    ids.swap(ids_);
    keys_.assign(2 * keys.size(), 0);
    ids_.assign(2 * keys.size(), 0);
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) continue;
      std::size_t slot = home(keys[i]);
      while (keys_[slot] != 0) slot = (slot + 1) & mask;
      keys_[slot] = keys[i];
      ids_[slot] = ids[i];
    }
  }
  std::vector<std::uint64_t> keys_;  // 0 marks an empty slot (no bigram is 0)
  std::vector<std::uint32_t> ids_;
  std::size_t size_ = 0;
};

class parser {
 public:
  parser(const text::document& doc, const parse_options& options) : doc_(doc), options_(options) {}

  plan run() {
    collect_lines();
    source_metadata();
    first_listed_ = document_states_first_listed_leads();
    p_.first_listed_leads = first_listed_;
    std::size_t first_article = find_regulation();
    std::size_t first_heading = npos;
    if (first_article != npos && articles_name_measures(first_article)) {
      // A document in articles whose title names measures (若干措施 in 第X条): its articles
      // are its measures, read as an outline whose top level is the article.
      articles_as_measures_ = true;
      first_heading = first_article;
      first_article = npos;
    } else if (first_article == npos) {
      first_heading = find_first_section();
      // A plan numbered in decimals (1 发展基础 / 2.1 加强… / 2.1.1 …) and nothing else.
      if (first_heading == npos) first_heading = find_decimal_outline();
      // A notice whose body is a task-assignment table (序号 / 工作任务 / 牵头单位 …) and no
      // numbered outline: the table is the body, its rows the measures.
      if (first_heading == npos) first_heading = find_task_table();
    }
    drop_page_tail(first_article != npos ? first_article : first_heading);
    if (const std::size_t first_question = find_questions(); first_question != npos) {
      questions(first_question);
    } else if (first_article != npos) {
      regulation(first_article);
    } else if (first_heading == npos) {
      no_structure();
    } else {
      std::size_t title_begin = find_title_block(first_heading);
      // A PDF or Word plan that prints its title once, above its table of contents
      // (“十四五”智能制造发展规划 / 目录 …), and opens its text with lines broken mid-sentence
      // that give no title block: the line above the contents, when it names a kind of
      // document, is the title.
      if (title_begin == title_end_ && above_contents_ != npos && above_contents_ < title_begin &&
          title_like(lines_[above_contents_].text) && contains_any(lines_[above_contents_].text, rules().title_words)) {
        title_begin = above_contents_;
        title_end_ = above_contents_ + 1;
      }
      cover_metadata(title_begin);
      body(first_heading);
      if (task_measures_) {
        // Rows of task tables were read before the outline's own measures.
        std::stable_sort(content_.measures.begin(), content_.measures.end(),
                         [](const measure& a, const measure& b) { return a.where.begin < b.where.begin; });
      }
    }
    labelled_metadata(first_article != npos ? first_article : first_heading);
    if (p_.issuer.empty()) source_issuer(first_article != npos ? first_article : first_heading);
    jurisdiction_level();
    if (options_.read_targets && p_.kind == document_kind::plan)
      content_.targets = detail::plan_targets(doc_, p_, content_, options_.targets);
    finish_accounting();
    // set_content keeps the flag of an agency listed under a name the measures mention.
    for (const std::string& name : collective_names_) content_.agencies.push_back({name, true, std::nullopt});
    p_.set_content(std::move(content_));
    return std::move(p_);
  }

 private:
  // ------------------------------------------------------------------ lines
  void collect_lines() {
    roles_.assign(doc_.lines.size(), {line_role::blank, 0});
    owners_.assign(1, std::string());
    for (std::size_t i = 0; i < doc_.lines.size(); ++i) {
      const auto& l = doc_.lines[i];
      if (l.blank) continue;
      if (l.noise) {
        roles_[i].first = line_role::noise;
        p_.diagnostics.push_back({l.number, l.source, fmt::format("noise.{}", text::to_string(l.noise.kind)),
                                  fmt::format("web-page noise ({}), not part of the document", l.noise.rule)});
        continue;
      }
      std::size_t b = l.simplified_begin, e = l.simplified_end;
      const std::string_view s = doc_.simplified;
      while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
      while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
      push_cells(i, b, e);
    }
    drop_contents();
  }

  /// A line of a table of contents: text, then a run of leader characters (……, ......),
  /// then a page number or nothing.
  static bool contents_entry(std::string_view t) {
    std::size_t e = t.size();
    while (e > 0 && ((t[e - 1] >= '0' && t[e - 1] <= '9') || t[e - 1] == ' ')) --e;
    for (const auto& leader : rules().contents_leaders) {
      std::size_t k = e, run = 0;
      while (k >= leader.size() && t.substr(k - leader.size(), leader.size()) == leader) {
        k -= leader.size();
        ++run;
      }
      if (run >= rules().contents_min_leaders && k > 0) return true;
    }
    return false;
  }

  /// Takes a table of contents (its entries and the 目录 line above them) out of the
  /// content lines, so that its entries are not read as headings of a second outline.
  void drop_contents() {
    std::vector<bool> entry(lines_.size(), false);
    bool any = false;
    const auto unspaced = [&](std::size_t j) {
      std::string t(lines_[j].text);
      std::erase(t, ' ');
      return t;
    };
    const auto contents_title = [&](std::size_t j) {
      constexpr std::size_t longest = 24;  // bytes: 目录, 目  录, 目　　录 …
      if (lines_[j].text.size() > longest) return false;
      const auto& titles = rules().contents_titles;
      return std::find(titles.begin(), titles.end(), unspaced(j)) != titles.end();
    };
    for (std::size_t j = 0; j < lines_.size(); ++j) {
      if (lines_[j].cell || !contents_entry(lines_[j].text)) continue;
      entry[j] = any = true;
      if (j > 0 && !entry[j - 1] && contents_title(j - 1)) entry[j - 1] = true;
    }
    // Contents without leaders or page numbers (a web page's or a Word file's): under 目录,
    // a run of bare headings (第一章 发展基础, 一、总体要求 — a title, no sentence) that
    // ends where the body repeats its first entry.
    const auto bare_heading = [&](std::size_t i) {
      const auto t = lines_[i].text;
      const auto h = recognize_heading(t);
      return !lines_[i].cell && h && char_count(t) <= 40 &&
             !has_sentence_punctuation(t.substr(h->text_begin));
    };
    for (std::size_t j = 0; j + 1 < lines_.size(); ++j) {
      if (entry[j] || lines_[j].cell || !contents_title(j)) continue;
      const std::size_t first = j + 1;
      const std::string opening = unspaced(first);
      std::size_t k = first;
      while (k < lines_.size() && bare_heading(k) && (k == first || unspaced(k) != opening)) ++k;
      if (k >= first + 2 && k < lines_.size() && unspaced(k) == opening) {
        for (std::size_t e = j; e < k; ++e) entry[e] = any = true;
      }
    }
    if (!any) return;
    std::size_t kept = 0;
    for (std::size_t j = 0; j < lines_.size(); ++j) {
      if (!entry[j]) {
        lines_[kept++] = lines_[j];
        continue;
      }
      if (above_contents_ == npos && kept > 0) above_contents_ = kept - 1;
      const auto& l = doc_.lines[lines_[j].index];
      roles_[lines_[j].index].first = line_role::preamble;
      p_.diagnostics.push_back(
          {l.number, l.source, "contents", "a line of the table of contents, not read as a heading"});
    }
    lines_.resize(kept);
  }

  /// A web page's own matter after the body (相关附件, 相关新闻, the share widget, then the
  /// site's footer and menus): from the first whole line of `page_tail` after the body's
  /// first heading (`from`, a content line) to the end, every content line is page matter —
  /// role noise with a `noise.page_tail` diagnostic — so that the last measure does not run
  /// on into it.
  void drop_page_tail(std::size_t from) {
    if (from == npos || from >= lines_.size()) return;
    const auto& markers = rules().page_tail_lines;
    const std::string_view s = doc_.simplified;
    for (std::size_t i = lines_[from].index + 1; i < doc_.lines.size(); ++i) {
      const auto& l = doc_.lines[i];
      if (l.blank) continue;
      const auto t = trim(s.substr(l.simplified_begin, l.simplified_end - l.simplified_begin));
      if (std::find(markers.begin(), markers.end(), t) == markers.end()) continue;
      std::size_t keep = lines_.size();
      while (keep > from + 1 && lines_[keep - 1].index >= i) --keep;
      if (keep == lines_.size()) return;  // nothing of the document's text follows
      // One diagnostic per line, as for other noise: every line of the file stays accounted.
      const std::string message =
          fmt::format("web-page matter after the document (from '{}' on line {}), not part of the document", t,
                      l.number);
      for (std::size_t j = keep; j < lines_.size(); ++j) {
        const std::size_t index = lines_[j].index;
        if (roles_[index].first == line_role::noise) continue;  // another cell of the same line
        roles_[index].first = line_role::noise;
        p_.diagnostics.push_back({doc_.lines[index].number, doc_.lines[index].source, "noise.page_tail", message});
      }
      lines_.resize(keep);
      return;
    }
  }

  /// A line of three or more tab-separated cells (a table row from HTML, DOCX or a
  /// spreadsheet) becomes one content line per cell, the form flattened tables take, so
  /// that one table reader serves both; empty cells keep their column.
  void push_cells(std::size_t index, std::size_t b, std::size_t e) {
    const std::string_view s = doc_.simplified;
    const std::string_view line = s.substr(b, e - b);
    if (std::count(line.begin(), line.end(), '\t') < 2) {
      lines_.push_back({index, b, e, line});
      return;
    }
    for (std::size_t cb = b; cb <= e;) {
      std::size_t ce = cb;
      while (ce < e && s[ce] != '\t') ++ce;
      std::size_t tb = cb, te = ce;
      while (tb < te && s[tb] == ' ') ++tb;
      while (te > tb && s[te - 1] == ' ') --te;
      lines_.push_back({index, tb, te, s.substr(tb, te - tb), true});
      cb = ce + 1;
    }
  }

  /// The columns of a task-assignment table (序号 / 工作事项 / 牵头单位 / 配合单位
  /// [/ 完成时限]), found by the header words of `task_table_columns`; nullopt when the
  /// header has no task column or no lead column.
  struct task_columns {
    std::size_t task = npos, lead = npos, support = npos, due = npos;
  };
  std::optional<task_columns> find_task_columns(const std::vector<std::size_t>& header_lines) const {
    std::vector<std::string_view> header;
    header.reserve(header_lines.size());
    for (const auto c : header_lines) header.push_back(lines_[c].text);
    auto find_column = [&](const detail::word_list& words, std::size_t skip) {
      for (std::size_t c = 0; c < header.size(); ++c) {
        if (c != skip && contains_any(header[c], words)) return c;
      }
      return npos;
    };
    task_columns k;
    k.support = find_column(rules().support_columns, npos);
    k.lead = find_column(rules().lead_columns, k.support);
    k.task = find_column(rules().task_columns, npos);
    if (k.task == npos || k.lead == npos || k.task == k.lead) return std::nullopt;
    k.due = find_column(rules().deadline_columns, npos);
    return k;
  }

  /// The widest marked-up table read as a table (a plan's tables have a dozen columns).
  static constexpr std::size_t max_table_columns = 64;

  /// A task-assignment table: each row read as a measure `<parent path>.<table id>.<序号>`
  /// with the lead and support units and the deadline of its row, waiting for the body's
  /// measures (`assign_task_rows` decides whether it assigns one or is one).
  void add_task_measures(const table_block& t, const task_columns& k,
                         const std::vector<std::vector<std::size_t>>& rows,
                         const std::vector<std::string>& parent_path, bool in_annex) {
    std::size_t row_number = 0;
    for (const auto& row : rows) {
      ++row_number;
      if (row.size() <= std::max(k.task, k.lead) || lines_[row[k.task]].text.empty()) continue;
      measure m;
      const std::string number = row.size() > 0 && !lines_[row[0]].text.empty() &&
                                         row[0] != row[k.task] && all_digits(lines_[row[0]].text)
                                     ? std::string(lines_[row[0]].text)
                                     : std::to_string(row_number);
      m.path = parent_path;
      m.path.push_back(t.id);
      m.path.push_back(number);
      m.id = fmt::format("{}", fmt::join(m.path, "."));
      const auto& cell = lines_[row[k.task]];
      m.text = printed_line(row[k.task]);
      const auto stop = detail::find(cell.text, "。");
      m.title = stop != std::string_view::npos && char_count(cell.text.substr(0, stop)) <= 40
                    ? printed(cell.begin, cell.begin + stop)
                    : (char_count(cell.text) <= 40 ? m.text : std::string());
      m.where = {line_span(row.front()).begin, line_span(row.back()).end};
      auto take = [&](std::size_t column, role part) {
        if (column == npos || column >= row.size()) return;
        const auto& l = lines_[row[column]];
        for (const auto& a : parse_clause(l.text, false).agencies) {
          agency_mention mention{printed(l.begin + a.begin, l.begin + a.end), part,
                                 source(l.begin + a.begin, l.begin + a.end)};
          if (a.collective) collective_names_.insert(mention.name);
          (part == role::lead ? m.lead : m.support).push_back(std::move(mention));
        }
      };
      take(k.lead, role::lead);
      take(k.support, role::support);
      if (k.due != npos && k.due < row.size()) {
        const auto& l = lines_[row[k.due]];
        if (auto d = parse_deadline(l.text)) {
          d->text = printed_line(row[k.due]);
          d->where = line_span(row[k.due]);
          m.due = std::move(d);
        }
      }
      // What the row says beyond its number and its units: the text that names the body
      // measure it assigns (a merged 重点任务 cell, the 具体工作 cell, or both).
      std::string says;
      for (std::size_t c = 0; c < row.size(); ++c) {
        const auto cell_text = lines_[row[c]].text;
        if (c == k.lead || c == k.support || c == k.due || all_digits(cell_text)) continue;
        says += cell_text;
      }
      task_rows_.push_back({content_.tables.size(), row_number - 1, row.front(), in_annex,
                            std::move(says), std::move(m)});
    }
  }

  /// Whether `t` is ASCII digits only (a row's number; true for an empty cell).
  static bool all_digits(std::string_view t) noexcept {
    return std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  }

  /// Task rows, once the body is read. A table in an annex, or in the body when most of its
  /// rows restate measures of the outline, assigns them: each row goes to the measure whose
  /// text covers it best (its units and deadline to a measure that names none of its own; a
  /// row that matches none is a `table.unlinked` diagnostic). Otherwise — a body table of
  /// tasks of its own, or no outline measures at all — the rows are measures.
  void assign_task_rows() {
    if (task_rows_.empty()) return;
    for (auto& r : task_rows_) {
      auto& t = content_.tables[r.table];
      t.row_measures.resize(t.rows.size());
    }
    std::vector<std::string_view> says;
    says.reserve(task_rows_.size());
    for (const auto& r : task_rows_) says.push_back(r.says);
    const auto best = best_restated_measures(says);  // against the outline's measures only
    const auto links = [&](std::size_t i) {
      return best[i].first != npos && best[i].second >= options_.restates_threshold;
    };
    // Per table: assign the body's measures (an annex's table, or a body table most of whose
    // rows restate measures of the outline), or be measures (no outline measures at all, or
    // a body table of tasks of its own).
    std::map<std::size_t, std::pair<std::size_t, std::size_t>> linked_of;  // table → (linked, rows)
    for (std::size_t i = 0; i < task_rows_.size(); ++i) {
      auto& [linked, rows] = linked_of[task_rows_[i].table];
      linked += links(i), ++rows;
    }
    const bool outline_measures = !content_.measures.empty();
    const auto assigns = [&](const task_row& r) {
      const auto [linked, rows] = linked_of[r.table];
      return outline_measures && (r.in_annex || 2 * linked > rows);
    };
    std::vector<bool> own_units(content_.measures.size()), own_due(content_.measures.size());
    for (std::size_t k = 0; k < content_.measures.size(); ++k) {
      own_units[k] = !content_.measures[k].lead.empty() || !content_.measures[k].support.empty();
      own_due[k] = content_.measures[k].due.has_value();
    }
    std::vector<measure> rows_as_measures;
    for (std::size_t i = 0; i < task_rows_.size(); ++i) {
      auto& r = task_rows_[i];
      auto& t = content_.tables[r.table];
      if (!assigns(r)) {
        t.row_measures[r.row] = r.m.id;
        rows_as_measures.push_back(std::move(r.m));
        continue;
      }
      const auto [which, score] = best[i];
      if (!links(i)) {
        p_.diagnostics.push_back(
            {line_number(r.first_line), r.m.where, "table.unlinked",
             fmt::format("{}: row {} assigns no measure of the body (best text overlap {:.2f})", t.id,
                         r.row + 1, score)});
        continue;
      }
      measure& m = content_.measures[which];
      t.row_measures[r.row] = m.id;
      if (!own_units[which]) {
        auto add = [](std::vector<agency_mention>& to, std::vector<agency_mention>& from) {
          for (auto& a : from) {
            if (std::none_of(to.begin(), to.end(),
                             [&](const agency_mention& b) { return b.name == a.name; }))
              to.push_back(std::move(a));
          }
        };
        add(m.lead, r.m.lead);
        add(m.support, r.m.support);
        std::erase_if(m.support, [&](const agency_mention& s) {
          return std::any_of(m.lead.begin(), m.lead.end(),
                             [&](const agency_mention& l) { return l.name == s.name; });
        });
      }
      if (!own_due[which] && !m.due && r.m.due) m.due = std::move(r.m.due);
    }
    if (!rows_as_measures.empty()) {
      for (auto& m : rows_as_measures) content_.measures.push_back(std::move(m));
      task_measures_ = true;
    }
    task_rows_.clear();
  }

  /// Whether some content line states the first-listed-leads rule. Rather than testing
  /// every line, each group's longest word is searched in the whole text (it is rare:
  /// 第一位, 排名第一 …) and only the lines holding it are tested.
  bool document_states_first_listed_leads() const {
    const std::string_view text = doc_.simplified;
    for (const auto& group : rules().first_listed_leads) {
      const auto key = *std::max_element(group.begin(), group.end(),
                                         [](const auto& a, const auto& b) { return a.size() < b.size(); });
      for (std::size_t pos = detail::find(text, key); pos != std::string_view::npos;
           pos = detail::find(text, key, pos + 1)) {
        const auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                                         [](std::size_t p, const content_line& l) { return p < l.begin; });
        if (it == lines_.begin()) continue;
        const content_line& l = *std::prev(it);
        if (pos + key.size() <= l.end && states_first_listed_leads(l.text)) return true;
      }
    }
    return false;
  }

  void mark(std::size_t content_index, line_role role, const std::string& owner) {
    auto& r = roles_[lines_[content_index].index];
    r.first = role;
    if (owner.empty()) {
      r.second = 0;
      return;
    }
    // Lines of one owner are marked one after another: keep each owner's name once.
    if (owners_.back() != owner) owners_.push_back(owner);
    r.second = static_cast<std::uint32_t>(owners_.size() - 1);
  }

  std::string printed(std::size_t sb, std::size_t se) const {
    return std::string(trim(doc_.printed_of_simplified(sb, se)));
  }
  std::string printed_line(std::size_t ci) const { return printed(lines_[ci].begin, lines_[ci].end); }
  span source(std::size_t sb, std::size_t se) const { return doc_.source_of_simplified(sb, se); }
  span line_span(std::size_t ci) const { return source(lines_[ci].begin, lines_[ci].end); }
  std::uint32_t line_number(std::size_t ci) const { return doc_.lines[lines_[ci].index].number; }

  // ------------------------------------------------------------------ metadata
  void source_metadata() {
    p_.source.path = doc_.path;
    p_.source.sha256 = sha256_hex(doc_.original);
    p_.source.encoding = std::string(text::to_string(doc_.source_encoding));
    p_.source.script = std::string(text::to_string(doc_.source_script));
    p_.source.bytes = doc_.original.size();
  }

  /// The first `第一篇` (else `第一章`, `一、`, `(一)`, `1.`) heading numbered 1; a `一、`
  /// numbered 1 before any part or chapter is the answer at once. The cover notice may
  /// list feedback channels as 1、2、; a plan's first heading is followed by a second one of
  /// the same style (`一、` alone may stand for itself). One pass at most.
  std::size_t find_first_section() const {
    static constexpr std::array styles{numbering::part, numbering::chapter, numbering::chinese_comma,
                                       numbering::chinese_paren, numbering::arabic_dot};
    std::array<std::size_t, styles.size()> first_one, last_two;
    first_one.fill(npos);
    last_two.fill(npos);
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const auto h = recognize_heading(lines_[i].text);
      if (!h || (h->number != 1 && h->number != 2)) continue;
      const auto k =
          static_cast<std::size_t>(std::find(styles.begin(), styles.end(), h->style) - styles.begin());
      if (k == styles.size()) continue;
      if (h->number == 1 && first_one[k] == npos) first_one[k] = i;
      if (h->number == 2) last_two[k] = i;
      // A 一、 numbered 1 with no part or chapter above it is the answer: stop reading.
      if (styles[k] == numbering::chinese_comma && h->number == 1 && first_one[0] == npos &&
          first_one[1] == npos) {
        return i;
      }
    }
    for (std::size_t k = 0; k < styles.size(); ++k) {
      if (first_one[k] == npos) continue;
      // The first heading numbered 1 that a 2 follows is the first that any 2 follows.
      if (styles[k] == numbering::chinese_comma ||
          (last_two[k] != npos && last_two[k] > first_one[k])) {
        return first_one[k];
      }
    }
    return npos;
  }

  bool title_like(std::string_view s) const {
    if (s.empty() || char_count(s) > 60) return false;
    if (s.ends_with("。") || s.ends_with(":") || s.ends_with(";") || s.ends_with(",")) return false;
    if (contains(s, ",")) return false;  // a sentence broken over lines, not a title
    if (date_line(s) || find_doc_number(s)) return false;
    if (contains(s, "。")) return false;
    return !recognize_heading(s).has_value();
  }

  /// A title without the note of its adoption that regulations print under it:
  /// 专利代理条例(1991年3月4日…发布 2018年…修订通过) → 专利代理条例.
  static std::string without_history(const std::string& title) {
    if (!title.ends_with(")")) return title;
    const auto open = title.find('(');
    if (open == std::string::npos || open == 0) return title;
    const std::string_view note = std::string_view(title).substr(open);
    for (const auto& w : rules().title_history_words) {
      if (contains(note, w) && contains(note, "年")) return title.substr(0, open);
    }
    // The note of origin a forwarded document prints under its title, the office and the
    // day it was written: 关于清理整顿社会团体的意见 / (民政部 一九九七年一月二十八日). A
    // period in the title (2021—2025年) names no day and stays.
    if (note.ends_with("日)") && contains(note, "年") && contains(note, "月")) return title.substr(0, open);
    return title;
  }

  bool is_draft_marker(std::string_view s) const {
    return char_count(s) <= 12 && contains_any(s, rules().draft_markers);
  }

  /// A line that opens with a date standing as a word (2022-11-16, 2022-11-16 来源: …).
  static bool date_led(std::string_view t) {
    t = trim(t);
    return date_line(t.substr(0, t.find(' '))).has_value();
  }

  /// The plan's own title block, just above the preamble that precedes the first section.
  std::size_t find_title_block(std::size_t first_heading) {
    std::size_t i = first_heading;
    // Skip the preamble: sentences, upward.
    while (i > 0 && !title_like(lines_[i - 1].text)) {
      // A date or a 文号 standing alone ends the cover; the preamble may cite 文号s.
      const auto& t = lines_[i - 1].text;
      if (date_line(t) || (find_doc_number(t) && char_count(t) <= 30)) break;
      --i;
    }
    const std::size_t preamble_begin = i;
    std::size_t top = i;
    while (top > 0 && preamble_begin - top < 4 && title_like(lines_[top - 1].text) && !date_led(lines_[top - 1].text))
      --top;
    // A web page's article header: the title, the posting date under it (with the source
    // on its line or after it), then the page's controls (广州市…实施办法 / 2022-11-16 来源:
    // 广州市民政局 / 分享). When the lines found name no kind of document, the title is the
    // line right above the date.
    if (top > 1 && date_led(lines_[top - 1].text) && title_like(lines_[top - 2].text) &&
        contains_any(lines_[top - 2].text, rules().title_words) &&
        std::none_of(lines_.begin() + static_cast<std::ptrdiff_t>(top),
                     lines_.begin() + static_cast<std::ptrdiff_t>(preamble_begin),
                     [](const content_line& l) { return contains_any(l.text, rules().title_words); })) {
      title_end_ = top - 1;
      posting_date_ = top - 1;
      return top - 2;
    }
    if (top == preamble_begin) {
      title_end_ = preamble_begin;
      return preamble_begin;
    }
    // A group heading (面向单位的扶持政策) between a page's introduction and its first
    // section: when the article header (the title over its posting date, 广东省…政策清单 /
    // 2026-08-03) stands a few lines above the introduction, its title is the document's
    // and the introduction and the group heading are its preamble. A notice's title over a
    // date is left to the notice rules below.
    if (top > 1 && !title_like(lines_[top - 1].text)) {
      for (std::size_t k = top - 1; k >= 1 && top - k <= 8; --k) {
        const auto header = lines_[k - 1].text;
        if (date_led(lines_[k].text) && title_like(header) && contains_any(header, rules().title_words) &&
            !detail::ends_with_any(header, rules().notice_title_endings)) {
          title_end_ = k;
          posting_date_ = k;
          return k - 1;
        }
      }
    }
    // Keep the lowest lines whose joined text appears in the notice title (when there is
    // one): the lines above them are the issuer or the addressees.
    const std::string notice = title_key(find_notice_title(top).first);
    std::size_t chosen = preamble_begin - 1;
    while (chosen > top && is_draft_marker(lines_[chosen].text)) --chosen;
    std::size_t best = chosen;
    bool in_notice = false;
    if (!notice.empty()) {
      for (std::size_t k = top; k <= chosen && !in_notice; ++k) {
        std::string joined;
        for (std::size_t j = k; j <= chosen; ++j) {
          if (!is_draft_marker(lines_[j].text)) joined += title_key(lines_[j].text);
        }
        if (!joined.empty() && notice.find(joined) != std::string::npos) {
          best = k;
          in_notice = true;
        }
      }
    }
    if (!in_notice) {
      // No notice, or one that words the title differently (…有关问题请示的通知 above
      // …有关问题的请示): at most two lines, the upper only if it is not an office's name (a line
      // opening with 关于 begins a title: 关于内地西藏班(校) / 扩大规模有关问题的请示).
      const auto& upper = lines_[chosen > top ? chosen - 1 : chosen].text;
      best = chosen > top && (upper.starts_with(rules().notice_title_about) || !contains_any(upper, rules().agency_endings)) ? chosen - 1
                                                                                                      : chosen;
      // A lone line naming no kind of document (方案, 意见, 通知, 报告 …) above running text
      // is the first line of a paragraph broken by a PDF's line wrap, not a title.
      if (best == chosen && best == top && !contains_any(lines_[best].text, rules().title_words)) {
        title_end_ = best;
        return best;
      }
    }
    title_end_ = preamble_begin;
    return best;
  }

  /// The cover notice's title among content lines [0, limit): `…关于印发…的通知`, possibly
  /// broken over two lines. Returns the simplified text and its first/last line.
  std::pair<std::string, std::pair<std::size_t, std::size_t>> find_notice_title(std::size_t limit) const {
    for (std::size_t i = 0; i < limit; ++i) {
      const auto t = lines_[i].text;
      if (!contains(t, rules().notice_title_about)) continue;
      if (detail::ends_with_any(t, rules().notice_title_endings)) return {std::string(t), {i, i}};
      if (i + 1 < limit && detail::ends_with_any(lines_[i + 1].text, rules().notice_title_endings) &&
          char_count(lines_[i + 1].text) < 40) {
        return {std::string(t) + std::string(lines_[i + 1].text), {i, i + 1}};
      }
    }
    return {{}, {npos, npos}};
  }

  void cover_metadata(std::size_t title_begin) {
    // Title block.
    std::string title;
    span title_span{};
    for (std::size_t i = title_begin; i < title_end_; ++i) {
      mark(i, line_role::title, "");
      if (is_draft_marker(lines_[i].text)) {
        p_.draft = true;
        continue;
      }
      title += printed_line(i);
      const auto s = line_span(i);
      title_span = title_span.empty() && title_span.begin == 0 ? s : span{title_span.begin, s.end};
    }
    p_.title = without_history(title);
    p_.title_span = title_span;
    if (title_begin > 0) {
      p_.cover = {line_span(0).begin, line_span(title_begin - 1).end};
    }
    if (title_begin < lines_.size()) p_.body = {line_span(title_begin).begin, line_span(lines_.size() - 1).end};
    for (std::size_t i = 0; i < title_begin; ++i) mark(i, line_role::cover, "");

    const auto [notice, notice_lines] = find_notice_title(title_begin);
    if (!notice.empty()) {
      for (std::size_t i = notice_lines.first; i <= notice_lines.second; ++i) p_.notice_title += printed_line(i);
      if (contains_any(notice, rules().draft_markers)) p_.draft = true;
      const auto about = detail::find(notice, rules().notice_title_about);
      if (about > 0 && about != std::string::npos) {
        const auto& l = lines_[notice_lines.first];
        p_.issuer = printed(l.begin, l.begin + about);
        issuer_at_ = {l.begin, l.begin + about};
      }
    }
    if (p_.title.empty() && !notice.empty()) {
      // No title block: take the title from the notice, 关于印发《X》的通知 → X.
      const auto b = detail::find(notice, "《");
      const auto e = detail::rfind(notice, "》");
      if (b != std::string::npos && e != std::string::npos && e > b) {
        p_.title = printed(lines_[notice_lines.first].begin + b + 3, lines_[notice_lines.first].begin + e);
      }
    }
    // Date: the last date-only line of the cover (the signature date).
    std::size_t date_index = npos;
    for (std::size_t i = 0; i < title_begin; ++i) {
      if (const auto d = date_line(lines_[i].text)) {
        p_.issued = d;
        p_.issued_text = printed_line(i);
        date_index = i;
      }
    }
    if (!p_.issued) {
      for (std::size_t i = lines_.size(); i-- > title_end_ && lines_.size() - i <= 8;) {
        if (i == posting_date_) continue;  // the page's posting date, under its title
        if (const auto d = date_line(lines_[i].text)) {
          p_.issued = d;
          p_.issued_text = printed_line(i);
          break;
        }
      }
    }
    if (!p_.issued) {
      // A page that goes on after the document (attachment lists, a hidden copy of the
      // body): the first signature below the title, an office's name over a date.
      for (std::size_t i = title_end_ + 1; i < lines_.size(); ++i) {
        const auto& above = lines_[i - 1].text;
        if (char_count(above) > 25 || has_sentence_punctuation(above) ||
            !detail::ends_with_any(above, rules().agency_endings)) {
          continue;
        }
        if (const auto d = date_line(lines_[i].text)) {
          p_.issued = d;
          p_.issued_text = printed_line(i);
          break;
        }
      }
    }
    // Issuer from the signature when the notice title does not name it.
    if (p_.issuer.empty() && date_index != npos) {
      std::size_t b = date_index;
      while (b > 0 && date_index - b < 2 && title_like(lines_[b - 1].text) &&
             !contains(lines_[b - 1].text, rules().notice_title_about)) {
        --b;
      }
      for (std::size_t i = b; i < date_index; ++i) {
        if (lines_[i].text.starts_with("(")) continue;  // (…代章)
        if (p_.issuer.empty()) issuer_at_ = {lines_[i].begin, lines_[i].end};
        p_.issuer += printed_line(i);
      }
    }
    // A report read to a congress names its issuer in its opening: 我代表上海市人民政府，
    // 向大会报告工作 (outline.json speaker_issuer).
    for (std::size_t i = 0; p_.issuer.empty() && i < lines_.size() && i < 6; ++i) {
      const std::string_view t = lines_[i].text;
      for (const auto& before : rules().speaker_before) {
        const auto at = detail::find(t, before);
        if (at == std::string_view::npos) continue;
        const std::size_t b = at + before.size();
        const auto comma = t.find(',', b);
        if (comma == std::string_view::npos || char_count(t.substr(b, comma - b)) > 20) continue;
        const std::string_view after = t.substr(comma + 1);
        if (std::none_of(rules().speaker_after.begin(), rules().speaker_after.end(),
                         [&](const std::string& w) { return after.starts_with(w); })) {
          continue;
        }
        p_.issuer = printed(lines_[i].begin + b, lines_[i].begin + comma);
        issuer_at_ = {lines_[i].begin + b, lines_[i].begin + comma};
        break;
      }
    }
    // A signature overwritten by text injected into a hacked page (XX官方网站 before the
    // office's name): the office is what follows the injection.
    for (const auto& w : rules().issuer_injections) {
      const auto at = detail::rfind(p_.issuer, w);
      if (at == std::string::npos) continue;
      const std::size_t cut = at + w.size();
      if (issuer_at_.second - issuer_at_.first > cut) issuer_at_.first += cut;
      p_.issuer = std::string(trim(std::string_view(p_.issuer).substr(cut)));
      while (issuer_at_.first < issuer_at_.second && doc_.simplified[issuer_at_.first] == ' ') ++issuer_at_.first;
    }
    // Document number: on a line of its own or in the cover's header, not the 文号 of a
    // superior document the notice's sentences cite (按照《…》(武知战办〔2023〕4号)).
    for (std::size_t i = 0; i < title_begin && !p_.doc_number; ++i) {
      const auto& l = lines_[i];
      if (contains(l.text, "。")) continue;
      if (const auto m = find_doc_number(l.text)) {
        p_.doc_number = document_number_at(l.begin, *m);
      }
    }
    jurisdiction_from_issuer();
  }

  /// A page that names its office only as its source (2022-11-16 来源: 广州市民政局;
  /// 来源：…厅官网, the name on the next line when the label stands alone): the first such
  /// value above content line `limit`, without a site suffix, when it ends as an office's
  /// name. Noise lines count: a page's source line is page matter, its value is not.
  void source_issuer(std::size_t limit) {
    const auto& r = rules();
    const std::size_t stop = limit < lines_.size() ? lines_[limit].begin : doc_.simplified.size();
    const std::string_view all(doc_.simplified);
    const auto value_of = [&](std::size_t b, std::size_t e) -> std::pair<std::size_t, std::size_t> {
      while (b < e && all[b] == ' ') ++b;
      std::size_t end = b;
      while (end < e && all[end] != ' ' && all[end] != '\t') ++end;
      return {b, end};
    };
    for (std::size_t li = 0; li < doc_.lines.size(); ++li) {
      const auto& l = doc_.lines[li];
      if (l.blank) continue;
      if (l.simplified_begin >= stop) break;
      const std::string_view t = all.substr(l.simplified_begin, l.simplified_end - l.simplified_begin);
      for (const auto& label : r.source_labels) {
        const auto at = detail::find(t, label);
        if (at == std::string_view::npos || t.substr(at + label.size()).find(':') != 0) continue;
        auto [b, e] = value_of(l.simplified_begin + at + label.size() + 1, l.simplified_end);
        if (b == e) {  // 来源： alone; the name on the next line
          std::size_t next = li + 1;
          while (next < doc_.lines.size() && doc_.lines[next].blank) ++next;
          if (next == doc_.lines.size()) return;
          std::tie(b, e) = value_of(doc_.lines[next].simplified_begin, doc_.lines[next].simplified_end);
        }
        std::string_view name = all.substr(b, e - b);
        for (const auto& suffix : r.source_site_suffixes) {
          if (name.size() > suffix.size() && name.ends_with(suffix)) {
            name.remove_suffix(suffix.size());
            break;
          }
        }
        if (name.empty() || char_count(name) > r.source_max_chars || has_sentence_punctuation(name) ||
            !detail::ends_with_any(name, r.agency_endings)) {
          return;
        }
        p_.issuer = printed(b, b + name.size());
        issuer_at_ = {b, b + name.size()};
        if (p_.issuing_jurisdiction.name.empty()) jurisdiction_from_issuer();
        return;
      }
    }
  }

  /// A 文号 found at `at` in the simplified text: as printed, and repaired with both
  /// brackets (知战办发2020〕3号 → 知战办发〔2020〕3号).
  document_number document_number_at(std::size_t at, const doc_number_match& m) const {
    document_number dn;
    dn.printed = printed(at + m.begin, at + m.end);
    dn.repaired = printed(at + m.begin, at + m.prefix_end) + "〔" + printed(at + m.year_begin, at + m.year_end) +
                  "〕" + printed(at + m.serial_begin, at + m.end);
    dn.where = source(at + m.begin, at + m.end);
    return dn;
  }

  /// The jurisdiction from the issuer's place name: 衡水市人民政府办公室 → 衡水市 (city).
  void jurisdiction_from_issuer() {
    const auto [begin, end] = issuer_at_;
    const std::string_view s = std::string_view(doc_.simplified).substr(begin, end - begin);
    const auto& r = rules();
    std::size_t skip = 0;
    if (s.starts_with(r.party_prefix)) skip = r.party_prefix.size();
    if (national_prefix(s.substr(skip))) {
      p_.issuing_jurisdiction = {r.national_name, level::national, p_.issuer};
      return;
    }
    const auto& suffixes = r.place_suffixes;
    std::size_t best = npos;
    level lv = level::unknown;
    std::size_t suffix_len = 0;
    for (const auto& [suffix, l] : suffixes) {
      const auto pos = detail::find(s, suffix, skip);
      // A place name is 2–6 characters before its suffix, at the start of the issuer (up to
      // 10 before an autonomous suffix: 黔东南苗族侗族自治州).
      const std::size_t max_chars =
          suffix.starts_with("自治") ? r.max_autonomous_place_characters : r.max_place_characters;
      if (pos != std::string_view::npos && pos >= skip + 6 &&
          char_count(s.substr(skip, pos - skip)) <= max_chars && pos < best) {
        best = pos;
        lv = l;
        suffix_len = suffix.size();
      }
    }
    if (best == npos) {
      // No place name: a ministry or commission of the State Council (工业和信息化部,
      // 市场监管总局) is national.
      if (national_body(s.substr(skip))) p_.issuing_jurisdiction = {r.national_name, level::national, p_.issuer};
      return;
    }
    // A place inside the place: 广州市天河区教育局 is the district's, 青岛市崂山区 too.
    for (bool deeper = true; deeper;) {
      deeper = false;
      const std::size_t after = best + suffix_len;
      for (const auto& [suffix, l] : suffixes) {
        if (l <= lv || l == level::unknown) continue;
        const auto pos = detail::find(s, suffix, after + 6);
        if (pos != std::string_view::npos && pos <= after + 12) {
          best = pos, lv = l, suffix_len = suffix.size(), deeper = true;
          break;
        }
      }
    }
    const std::string place = printed(begin + skip, begin + best + suffix_len);
    // The province-level municipalities (北京市, 上海市, 天津市, 重庆市) are provinces.
    const std::string_view simplified_place = s.substr(skip, best + suffix_len - skip);
    if (lv == level::city && contains_any(simplified_place, rules().province_level_cities) &&
        char_count(simplified_place) == 3) {
      lv = level::province;
    }
    p_.issuing_jurisdiction = {place, lv, p_.issuer};
  }

  /// A central body named without a place: 国务院…, 国家…, a ministry (…部) or a
  /// commission or administration (…委, …总局, …署) whose name does not begin with a level
  /// prefix (市场监管总局 begins with 市场, not with the prefix 市).
  static bool national_body(std::string_view name) {
    if (national_prefix(name)) return true;
    if (!has_level_prefix(name).empty() || contains_any(name, rules().collective_markers)) return false;
    if (char_count(name) > 12) return false;
    const auto& endings = rules().national_body_endings;
    return std::any_of(endings.begin(), endings.end(), [&](const std::string& e) { return name.ends_with(e); });
  }
  /// Whether a name opens with a national prefix (国务院, 国家, 中央, 全国, 中共中央).
  static bool national_prefix(std::string_view name) {
    const auto& prefixes = rules().national_prefixes;
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return name.starts_with(p); });
  }
  /// The level prefix a unit's name begins with (省, 市, 区, 县 and their traditional
  /// forms), not counting words such as 市场 or 省级; empty when none.
  static std::string_view has_level_prefix(std::string_view name) {
    for (const auto& [prefix, lv] : rules().unit_prefixes) {
      if (name.starts_with(prefix) && !contains_any(name.substr(0, 6), rules().level_prefix_exceptions)) {
        return prefix;
      }
    }
    return {};
  }

  /// Without a place name, the level shows in how the plan names its units (区市场监管局,
  /// 全区) — count the prefixes of the agencies it assigns, then the words of its scope.
  void jurisdiction_level() {
    if (p_.issuing_jurisdiction.admin_level != level::unknown) return;
    std::map<std::string, int> counts;
    for (const auto& m : content_.measures) {
      for (const auto* list : {&m.lead, &m.support}) {
        for (const auto& a : *list) {
          if (const auto prefix = has_level_prefix(a.name); !prefix.empty()) {
            counts[std::string(prefix)]++;
          } else if (national_body(a.name)) {
            counts[rules().national_unit_prefix]++;
          }
        }
      }
    }
    int best = 0;
    level lv = level::unknown;
    std::string which;
    const auto count = [&](const std::string& prefix, level l) {
      const int n = counts.count(prefix) ? counts[prefix] : 0;
      if (n > best) best = n, lv = l, which = prefix;
    };
    count(rules().national_unit_prefix, level::national);
    for (const auto& [prefix, l] : rules().unit_prefixes) count(prefix, l);
    std::string evidence = fmt::format("{} agencies named with the prefix {}", best, which);
    if (lv == level::unknown) {
      // No agencies either: the scope the text speaks of (全省, 各市人民政府 …).
      const std::string_view text = doc_.simplified;
      for (const auto& [l, words] : rules().level_words) {
        int n = 0;
        words.matcher.for_each_match_any_order(text, [&n](const auto&) { ++n; });
        if (n > best) best = n, lv = l, evidence = fmt::format("{} words of a {} scope (全省, 全市 …)", n, to_string(l));
      }
      if (lv == level::unknown) return;
    }
    p_.issuing_jurisdiction.admin_level = lv;
    p_.issuing_jurisdiction.evidence = evidence;
    if (p_.issuing_jurisdiction.name.empty()) {
      p_.diagnostics.push_back({0, p_.cover, "metadata.jurisdiction_name",
                                fmt::format("the issuing body ('{}') does not name a place; the level ({}) "
                                            "comes from {}",
                                            p_.issuer, to_string(lv), evidence)});
    }
  }

  /// The first question of a question-and-answer page (政策解读: 问：…？ then 答：…), when
  /// the document holds at least two of each; npos otherwise.
  std::size_t find_questions() const {
    const auto& r = rules();
    // Every line is looked at: first a table of the labels' first bytes.
    std::array<bool, 256> opens{};
    for (const auto* labels : {&r.question_labels, &r.answer_labels}) {
      for (const auto& w : *labels) opens[static_cast<unsigned char>(w.front())] = true;
    }
    std::size_t questions = 0, answers = 0, first = npos;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      std::string_view t = lines_[i].text;
      while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
      if (t.empty() || !opens[static_cast<unsigned char>(t.front())]) continue;
      if (std::any_of(r.question_labels.begin(), r.question_labels.end(),
                      [&](const std::string& w) { return t.starts_with(w); })) {
        ++questions;
        if (first == npos) first = i;
      } else if (std::any_of(r.answer_labels.begin(), r.answer_labels.end(),
                             [&](const std::string& w) { return t.starts_with(w); })) {
        ++answers;
      }
    }
    return questions >= 2 && answers >= 2 ? first : npos;
  }

  /// A question-and-answer page: its title and cover are read as for a plan; its questions
  /// and answers are kept as text, not measures (a `document.qa` diagnostic says so).
  void questions(std::size_t first_question) {
    p_.kind = document_kind::qa;
    const std::size_t title_begin = find_title_block(first_question);
    cover_metadata(title_begin);
    for (std::size_t i = title_end_; i < first_question; ++i) mark(i, line_role::preamble, "");
    const std::size_t end = find_closing(first_question);
    for (std::size_t i = first_question; i < end; ++i) mark(i, line_role::section_text, "");
    mark_closing(end);
    p_.diagnostics.push_back(
        {line_number(first_question), line_span(first_question), "document.qa",
         "a question-and-answer page (问… 答…): its answers are not read as measures"});
  }

  void no_structure() {
    // What the file is, when it has no outline: a notice (its first line names one: …的通知)
    // or something else.
    if (!lines_.empty()) {
      p_.kind = detail::ends_with_any(trim(lines_.front().text), rules().notice_endings)
                    ? document_kind::notice
                    : document_kind::other;
    }
    if (lines_.empty()) {
      // Nothing to place, but an empty scrape must not pass for an empty plan.
      p_.diagnostics.push_back({0, {0, doc_.original.size()}, "document.empty",
                                doc_.original.empty() ? "the file is empty"
                                                      : "the file holds no text (only white space or noise)"});
      return;
    }
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      mark(i, line_role::unparsed, "");
      p_.diagnostics.push_back({line_number(i), line_span(i), "structure.none",
                                "no numbered outline (一、 / (一) / 1.) was found; line not placed"});
    }
  }

  // ------------------------------------------------------------------ body
  void body(std::size_t first_heading) {
    // Preamble.
    if (first_heading > title_end_) {
      p_.preamble_span = {line_span(title_end_).begin, line_span(first_heading - 1).end};
      for (std::size_t i = title_end_; i < first_heading; ++i) {
        mark(i, line_role::preamble, "");
        if (!p_.preamble.empty()) p_.preamble += '\n';
        p_.preamble += printed_line(i);
      }
    }
    std::vector<std::size_t> stack;  // open nodes
    std::map<int, int> last_number_at_rank;
    std::size_t box_index = npos;
    numbering box_list_style = numbering::arabic_dot;
    int box_list_next = 0;  // the number the box's own list expects next (0: none yet)
    std::size_t annex_index = npos;
    bool annex_list = false;
    const std::size_t end = find_closing(first_heading);
    for (std::size_t i = first_heading; i < end; ++i) {
      const auto& l = lines_[i];
      auto h = line_heading(l.text);
      // ---- annexes: after the first annex heading, everything belongs to annexes
      if (h && h->style == numbering::annex) {
        const auto rest = trim(l.text.substr(h->text_begin));
        if (h->number == 0 && !rest.empty()) {
          annex_list = true;  // 附件:1.… — the list of annexes
          mark(i, line_role::annex, "annexes");
          continue;
        }
        annex out;
        out.id = h->label;
        out.where = line_span(i);
        content_.annexes.push_back(out);
        annex_index = content_.annexes.size() - 1;
        box_index = npos;
        mark(i, line_role::annex, out.id);
        continue;
      }
      if (annex_index != npos) {
        // A task-assignment table in the annex: its rows assign the body's measures.
        if (const std::size_t consumed = try_table(i, stack, &content_.annexes[annex_index]);
            consumed > 0) {
          auto& a = content_.annexes[annex_index];
          for (std::size_t c = i; c < i + consumed; ++c) {
            if (!a.text.empty()) a.text += '\n';
            a.text += printed_line(c);
          }
          a.where.end = line_span(i + consumed - 1).end;
          i += consumed - 1;
          continue;
        }
        auto& a = content_.annexes[annex_index];
        const auto text = printed_line(i);
        if (a.title.empty() && title_like(l.text) && char_count(l.text) <= 40) {
          a.title = text;
        } else if (a.text.empty() && !a.title.empty() && title_like(l.text) && char_count(l.text) <= 20 &&
                   !contains_any(l.text, rules().table_header_words)) {
          a.title += text;  // a title broken over two lines
        } else {
          if (!a.text.empty()) a.text += '\n';
          a.text += text;
        }
        a.where.end = line_span(i).end;
        mark(i, line_role::annex, a.id);
        continue;
      }
      if (annex_list) {
        if (h && h->style == numbering::arabic_dot && !contains(l.text, "。") && char_count(l.text) <= 60) {
          mark(i, line_role::annex, "annexes");
          continue;
        }
        annex_list = false;
      }
      // ---- dot-lost item numbers count only in sequence
      if (h && h->style == numbering::arabic_bare) {
        const int expected_continued = last_number_at_rank.count(2) ? last_number_at_rank[2] + 1 : 1;
        const bool restart = h->number == 1;
        if (h->number != expected_continued && !restart) h.reset();
      }
      // ---- boxes
      if (h && h->style == numbering::box) {
        box b;
        b.id = h->label;
        b.title = printed(l.begin + h->text_begin, l.end);
        b.parent = stack.empty() ? "" : nodes_[stack.back()].id;
        b.where = line_span(i);
        content_.boxes.push_back(b);
        box_index = content_.boxes.size() - 1;
        box_list_next = 0;
        mark(i, line_role::box, b.id);
        continue;
      }
      // A box's own numbered list (专栏1 then 1. 2. … or 01 02 …) belongs to the box: it
      // runs while the numbers follow on in one style; any other heading ends the box.
      if (h && box_index != npos && rank(h->style) >= 2 &&
          ((box_list_next == 0 && h->number == 1) || (h->style == box_list_style && h->number == box_list_next))) {
        box_list_style = h->style;
        box_list_next = h->number + 1;
        add_box_item(box_index, i, true);
        continue;
      }
      if (h && rank(h->style) != outside_outline) {
        box_index = npos;
        // A group heading (面向毕业生的扶持政策) before a top-level series that starts again
        // at 一: a short line with no sentence punctuation, closing the open unit after a
        // finished paragraph. It heads the series, it is no paragraph of the unit above.
        if (h->number == 1 && !stack.empty() && nodes_[stack.front()].rank == rank(h->style)) {
          auto& open = nodes_[stack.back()];
          const std::size_t g = open.own.back();
          const auto t = trim(lines_[g].text);
          if (open.own.size() > 2 && char_count(t) <= 20 && !has_sentence_punctuation(t) &&
              !ends_sentence(t) && ends_sentence(lines_[open.own[open.own.size() - 2]].text)) {
            open.own.pop_back();
            mark(g, line_role::heading, "");
          }
        }
        open_node(*h, i, stack, last_number_at_rank);
        continue;
      }
      // ---- not a heading
      // A box's list numbered with two digits and a space (`01 智能场景`, `02 智能车间`):
      // such numbers stand only in boxes and tables.
      if (box_index != npos) {
        const int padded = padded_item_number(l.text);
        if (padded > 0 && (box_list_next == 0
                               ? padded == 1
                               : box_list_style == numbering::arabic_bare && padded == box_list_next)) {
          box_list_style = numbering::arabic_bare;
          box_list_next = padded + 1;
          add_box_item(box_index, i, true);
          continue;
        }
      }
      // A box with a numbered list ends where an unnumbered paragraph with a run-in title and
      // a body follows its finished last item (`…的供应链。` then `推进中小企业数字化转型。加快…`):
      // a box's items are numbered, the body's topic paragraphs are not. Printed boxes have
      // no closing line; in extracted text the body goes on right after the box's last line.
      if (box_index != npos && box_list_next > 0 && !stack.empty() &&
          ends_sentence(last_item_simplified_) && text::detail::opens_with_run_in_title(l.text) &&
          topic_body_follows(l.text)) {
        box_index = npos;
      }
      if (box_index != npos) {
        add_box_item(box_index, i, false, box_list_next > 0);
        continue;
      }
      if (const std::size_t consumed = try_table(i, stack); consumed > 0) {
        i += consumed - 1;
        continue;
      }
      if (stack.empty()) {
        mark(i, line_role::unparsed, "");
        continue;
      }
      // Unnumbered lines continue the open unit up to the next numbered heading: further
      // paragraphs of a measure, also after a responsibility clause (a clause covers the
      // sentences before it; the next paragraph may carry its own).
      nodes_[stack.back()].own.push_back(i);
      for (auto s : stack) nodes_[s].last = i;
    }
    mark_closing(end);
    build_elements();
    link_boxes();
    assign_task_rows();
  }

  /// Whether the title above the articles names measures or a plan and no rules.
  bool articles_name_measures(std::size_t first_article) {
    const std::size_t saved_end = title_end_;
    const std::size_t title_begin = find_title_block(first_article);
    std::string title;
    for (std::size_t i = title_begin; i < title_end_; ++i) title += lines_[i].text;
    title_end_ = saved_end;
    return contains_any(title, rules().article_measure_titles) &&
           !contains_any(title, rules().article_rule_titles);
  }

  /// Whether an article states a provision about the document (its purpose, when it takes
  /// effect, who interprets it, what its terms mean): at most two sentences holding one of
  /// regulation.provisions.
  bool states_provision(const node& n) const {
    std::size_t sentences = 0;
    bool provision = false;
    for (const std::size_t c : n.own) {
      const auto t = lines_[c].text;
      for (auto at = detail::find(t, "。"); at != std::string_view::npos;
           at = detail::find(t, "。", at + 1))
        ++sentences;
      provision = provision || contains_any(t, rules().article_provisions);
    }
    return provision && sentences <= 2;
  }

  /// A decimal outline number opening `t`: its components (`2.1` → {2, 1}) and where the
  /// heading text starts, when a space or a Han character follows (2.1 加强…, 2.1加强…) and
  /// not a digit, a unit or a date (2.5万, 0.56, 2025年 are no headings). Empty otherwise.
  static std::pair<std::vector<int>, std::size_t> decimal_number(std::string_view t) {
    std::vector<int> parts;
    std::size_t i = 0;
    while (i < t.size() && t[i] == ' ') ++i;
    while (true) {
      const std::size_t from = i;
      int v = 0;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9' && i - from < 2) v = v * 10 + (t[i++] - '0');
      if (i == from || v == 0 || (i < t.size() && t[i] >= '0' && t[i] <= '9')) return {};
      parts.push_back(v);
      if (i + 1 < t.size() && t[i] == '.' && t[i + 1] >= '0' && t[i + 1] <= '9' && parts.size() < 4) {
        ++i;
        continue;
      }
      break;
    }
    const std::size_t number_end = i;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i >= t.size() || static_cast<unsigned char>(t[i]) < 0x80) return {};
    if (i == number_end && parts.size() == 1) return {};  // 13加快: a bare number needs its space
    for (const std::string_view unit :
         {"年", "月", "日", "个", "万", "亿", "家", "项", "%", "元", "倍", "人", "次"}) {
      if (t.substr(i).starts_with(unit)) return {};
    }
    return {std::move(parts), i};
  }

  /// The first line of a decimal outline, when the document has one and no other: at least
  /// three second-level headings (2.1 …) whose first numbers also stand as top-level
  /// headings (2 重点任务), each a short title; npos otherwise.
  std::size_t find_decimal_outline() {
    std::set<int> tops, parents;
    std::size_t seconds = 0, first = npos;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const auto [parts, text_begin] = decimal_number(lines_[i].text);
      if (parts.empty()) continue;
      const auto title = lines_[i].text.substr(text_begin);
      const bool short_title = char_count(title) <= 30 && !has_sentence_punctuation(title);
      if (parts.size() == 1 && short_title) {
        tops.insert(parts[0]);
        if (first == npos) first = i;
      } else if (parts.size() == 2) {
        ++seconds;
        parents.insert(parts[0]);
        if (first == npos) first = i;
      }
    }
    const bool outline =
        seconds >= 3 && !parents.empty() &&
        std::all_of(parents.begin(), parents.end(), [&](int p) { return tops.count(p) > 0; });
    if (!outline) return npos;
    decimal_outline_ = true;
    return first;
  }

  /// The heading a line opens with; in a document whose articles are its measures, an
  /// article (第五条) is a heading of the top level.
  std::optional<heading> line_heading(std::string_view t) const {
    if (articles_as_measures_) {
      std::size_t start = 0;
      while (start < t.size() && t[start] == ' ') ++start;
      if (const auto label = article_label(t.substr(start)); !label.empty()) {
        heading h;
        h.style = numbering::chinese_comma;
        h.label = std::string(label);
        const std::size_t digits = label.size() - rules().ordinal.size() - rules().article.size();
        h.number = chinese_numeral_value(label.substr(rules().ordinal.size(), digits)).value_or(0);
        h.marker_begin = start;
        h.text_begin = start + label.size();
        while (h.text_begin < t.size() && t[h.text_begin] == ' ') ++h.text_begin;
        return h;
      }
    }
    if (decimal_outline_) {
      // 2 重点任务 / 2.1 加强… / 2.1.1 …: a level per component, the last one the label.
      const auto [parts, text_begin] = decimal_number(t);
      if (parts.empty()) {
        // Boxes and annexes stand outside the outline: they keep their own headings.
        auto h = recognize_heading(t);
        if (h && h->style != numbering::box && h->style != numbering::annex) h.reset();
        return h;
      }
      static constexpr std::array levels{numbering::chinese_comma, numbering::chinese_paren,
                                         numbering::arabic_dot, numbering::arabic_paren};
      heading h;
      h.style = levels[parts.size() - 1];
      h.number = parts.back();
      h.label = std::to_string(parts.back());
      h.marker_begin = 0;
      h.text_begin = text_begin;
      return h;
    }
    return recognize_heading(t);
  }

  /// `第十二条…` with unit 条: the label 第十二条 at the start of a line, or empty.
  static std::string_view ordinal_label(std::string_view t, std::string_view unit) {
    const std::size_t n = rules().ordinal.size();
    if (!t.starts_with(rules().ordinal)) return {};
    std::size_t i = n;
    while (i + 3 <= t.size() && chinese_numeral_value(t.substr(i, 3))) i += 3;
    if (i == n || !t.substr(i).starts_with(unit)) return {};
    return t.substr(0, i + unit.size());
  }
  static std::string_view article_label(std::string_view t) { return ordinal_label(t, rules().article); }
  static std::string_view chapter_label(std::string_view t) {
    for (const auto& unit : rules().chapter) {
      if (const auto label = ordinal_label(t, unit); !label.empty()) return label;
    }
    return {};
  }
  static bool chapter_line(std::string_view t) { return !chapter_label(t).empty(); }

  /// The first line of a regulation's articles (its first 第X章 or 第一条), when the
  /// document is written in articles (at least `min_articles` 第X条 lines); else npos.
  std::size_t find_regulation() const {
    std::size_t articles = 0, first = npos;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const auto t = lines_[i].text;
      const bool article = !article_label(t).empty();
      if (article) ++articles;
      if (first == npos && (chapter_line(t) || (article && t.starts_with(rules().first_article)))) first = i;
    }
    return articles >= rules().min_articles && first != npos ? first : npos;
  }

  /// A regulation (条例, 办法 in articles): the title and cover are read as for a plan; the
  /// articles are the document's text, kept by article, but they are not measures.
  void regulation(std::size_t first_article) {
    p_.kind = document_kind::regulation;
    const std::size_t title_begin = find_title_block(first_article);
    cover_metadata(title_begin);
    for (std::size_t i = title_end_; i < first_article; ++i) mark(i, line_role::preamble, "");
    const std::size_t end = find_closing(first_article);
    std::string owner;
    std::size_t articles = 0;
    for (std::size_t i = first_article; i < end; ++i) {
      const auto t = lines_[i].text;
      if (const auto chapter = chapter_label(t); !chapter.empty() && article_label(t.substr(chapter.size())).empty()) {
        owner = std::string(chapter);
        mark(i, line_role::heading, owner);
        continue;
      }
      if (const auto label = article_label(t); !label.empty()) owner = std::string(label), ++articles;
      mark(i, line_role::section_text, owner);
    }
    mark_closing(end);
    p_.diagnostics.push_back({line_number(first_article), line_span(first_article), "document.regulation",
                              fmt::format("a regulation in {} articles (第X条): its articles are not read as "
                                          "measures",
                                          articles)});
  }

  /// The metadata table of a government page (标题 / 发文机关 / 成文日期 / 发文字号, label
  /// and value in cells side by side): the document's own metadata, preferred to what the
  /// cover text suggests.
  void labelled_metadata(std::size_t limit) {
    if (limit == npos) limit = lines_.size();
    auto label_of = [](std::string_view t, const detail::word_list& labels) {
      if (!t.ends_with(":") || char_count(t) > 12) return false;
      std::string key;
      for (char c : t.substr(0, t.size() - 1)) {
        if (c != ' ') key += c;
      }
      return std::find(labels.begin(), labels.end(), key) != labels.end();
    };
    for (std::size_t i = 0; i + 1 < limit; ++i) {
      const std::string_view row = lines_[i].text;
      if (row.find('\t') == std::string_view::npos) {
        read_labelled(row, lines_[i + 1], label_of);
        continue;
      }
      read_row(lines_[i].index, lines_[i].begin, row, label_of, false);
    }
    // The noise filter takes a row that also holds 发布日期 for the page's publication line;
    // its 发文字号 cell is still the document's 文号.
    const std::size_t end = limit < lines_.size() ? lines_[limit].begin : doc_.simplified.size();
    for (std::size_t i = 0; i < doc_.lines.size() && !p_.doc_number; ++i) {
      const auto& l = doc_.lines[i];
      if (l.simplified_begin >= end) break;
      if (l.blank || l.is_content()) continue;
      const std::string_view row =
          std::string_view(doc_.simplified).substr(l.simplified_begin, l.simplified_end - l.simplified_begin);
      if (row.find('\t') != std::string_view::npos) read_row(i, l.simplified_begin, row, label_of, true);
    }
  }

  /// A table row kept as one line, cells tab-joined, a label and its value side by side:
  /// one pair (标题:<tab>国务院关于…) or two (发文字号:<tab>国令第706号<tab>发布日期:<tab>…).
  template <typename LabelOf>
  void read_row(std::size_t index, std::size_t begin, std::string_view row, const LabelOf& label_of,
                bool doc_number_only) {
    std::vector<std::string_view> cells;
    for (std::size_t b = 0;;) {
      const auto tab = row.find('\t', b);
      cells.push_back(trim(row.substr(b, tab == std::string_view::npos ? std::string_view::npos : tab - b)));
      if (tab == std::string_view::npos) break;
      b = tab + 1;
    }
    for (std::size_t k = 0; k + 1 < cells.size(); ++k) {
      if (doc_number_only && !label_of(cells[k], rules().doc_number_labels)) continue;
      const std::size_t at = begin + static_cast<std::size_t>(cells[k + 1].data() - row.data());
      read_labelled(cells[k], content_line{index, at, at + cells[k + 1].size(), cells[k + 1], true}, label_of);
    }
  }

  template <typename LabelOf>
  void read_labelled(std::string_view t, const content_line& v, const LabelOf& label_of) {
    const auto& r = rules();
    {
      if (v.text.empty() || v.text.ends_with(":")) return;
      if (label_of(t, r.title_labels)) {
        const std::string value = printed(v.begin, v.end);
        // 关于印发《X》的通知 names the notice; the plan's title is X (or its own heading).
        const bool notice = contains_any(v.text, r.issuing_notice_words);
        if (notice) {
          p_.notice_title = value;
          if (p_.title.empty()) {
            const auto b = detail::find(v.text, "《");
            const auto e = detail::rfind(v.text, "》");
            if (b != std::string_view::npos && e != std::string_view::npos && e > b) {
              p_.title = printed(v.begin + b + 3, v.begin + e);
            }
          }
        } else {
          p_.title = value;
          p_.title_span = source(v.begin, v.end);
        }
      } else if (label_of(t, r.issuer_labels)) {
        p_.issuer = printed(v.begin, v.end);
        issuer_at_ = {v.begin, v.end};
        p_.issuing_jurisdiction = {};
        jurisdiction_from_issuer();
      } else if (label_of(t, r.issued_labels)) {
        if (const auto d = date_line(v.text)) {
          p_.issued = d;
          p_.issued_text = printed(v.begin, v.end);
        }
      } else if (label_of(t, r.doc_number_labels)) {
        if (const auto m = find_doc_number(v.text)) {
          p_.doc_number = document_number_at(v.begin, *m);
        } else if (char_count(v.text) <= 20 && contains(v.text, "号")) {
          p_.doc_number = document_number{printed(v.begin, v.end), printed(v.begin, v.end), source(v.begin, v.end)};
        }
      }
    }
  }

  /// A line of the signature block: a date, `抄送…`, `XX办公厅 2020年12月10日印发`,
  /// `(此件公开发布)`.
  static bool closing_line(std::string_view t) {
    const auto& r = rules();
    if (date_line(t) || t.starts_with(r.closing_copied_to)) return true;
    if (t.starts_with(r.closing_note_open) && t.ends_with(")") && char_count(t) <= r.closing_note_max_chars) return true;
    return t.ends_with(r.closing_printed) && printed_at_date(t).has_value();
  }
  /// `山东省人民政府办公厅 2020年12月10日印发`: the date in a 印发 line.
  static std::optional<std::pair<std::size_t, date>> printed_at_date(std::string_view t) {
    const auto& printed_word = rules().closing_printed;
    if (!t.ends_with(printed_word)) return std::nullopt;
    const std::string_view rest = trim(t.substr(0, t.size() - printed_word.size()));
    // The date: the first run of digits from which the rest reads as a date.
    for (std::size_t k = 0; k < rest.size(); ++k) {
      if (rest[k] >= '0' && rest[k] <= '9') {
        if (const auto d = date_line(rest.substr(k))) return std::pair{k, *d};
        while (k < rest.size() && rest[k] >= '0' && rest[k] <= '9') ++k;
      }
    }
    return std::nullopt;
  }

  /// Where the signature block at the end of the document begins (the number of content
  /// lines when there is none): date, issuer above the date, 抄送 and 印发 lines, walking
  /// up from the last line.
  std::size_t find_closing(std::size_t first_heading) const {
    std::size_t k = lines_.size();
    while (k > first_heading + 1) {
      const auto t = lines_[k - 1].text;
      if (closing_line(t)) {
        --k;
        continue;
      }
      // The issuer just above a date: a short line naming an office.
      const bool above_date = k < lines_.size() && date_line(lines_[k].text);
      if (above_date && title_like(t) && char_count(t) <= 30 && contains_any(t, rules().agency_endings)) {
        --k;
        continue;
      }
      break;
    }
    return k;
  }

  /// Marks the signature block and takes the issuer and date from it when the cover did
  /// not give them (a plan with no cover notice is signed at its end).
  void mark_closing(std::size_t from) {
    for (std::size_t i = from; i < lines_.size(); ++i) {
      mark(i, line_role::closing, "");
      const auto t = lines_[i].text;
      if (const auto d = date_line(t); d && !p_.issued) {
        p_.issued = d;
        p_.issued_text = printed_line(i);
        if (p_.issuer.empty() && i > from && !date_line(lines_[i - 1].text) && !lines_[i - 1].text.starts_with(rules().closing_copied_to)) {
          p_.issuer = printed_line(i - 1);
          issuer_at_ = {lines_[i - 1].begin, lines_[i - 1].end};
        }
      } else if (const auto at = printed_at_date(t)) {
        if (!p_.issued) {
          p_.issued = at->second;
          p_.issued_text = printed(lines_[i].begin + at->first, lines_[i].end);
        }
        if (p_.issuer.empty() && at->first > 0) {
          p_.issuer = printed(lines_[i].begin, lines_[i].begin + at->first);
          issuer_at_ = {lines_[i].begin, lines_[i].begin + at->first};
        }
      }
    }
    if (p_.issuing_jurisdiction.name.empty() && !p_.issuer.empty()) jurisdiction_from_issuer();
  }

  void open_node(const heading& h, std::size_t i, std::vector<std::size_t>& stack,
                 std::map<int, int>& last_number_at_rank) {
    const int r = rank(h.style);
    while (!stack.empty() && nodes_[stack.back()].rank >= r) stack.pop_back();
    node n;
    n.head = h;
    n.rank = r;
    n.first = i;
    n.last = i;
    n.own.push_back(i);
    if (!stack.empty()) {
      n.parent = stack.back();
      n.path = nodes_[n.parent].path;
      nodes_[n.parent].children++;
    }
    n.path.push_back(h.label);
    for (const auto& part : n.path) {  // appended in place: no temporary string per label
      if (!n.id.empty()) n.id += '.';
      n.id += part;
    }
    // A second numbering series under the same parent (a list restarting at 1. after a
    // paragraph) repeats ids; its units get "~2" ("~3" …) on the label that repeats, so
    // (plan, id) stays a key and the id says it is the second series. Descendants inherit
    // it through the path.
    if (const int seen = ++id_count_[n.id]; seen > 1) {
      n.path.back() += fmt::format("~{}", seen);
      n.id += fmt::format("~{}", seen);
    }
    // Numbering: restart at 1 under a new parent, or continue the document-wide count
    // (Ningbo numbers (一)…(二十四) across sections, Gansu 1…80).
    const int previous_sibling = [&] {
      for (std::size_t k = nodes_.size(); k-- > 0;) {
        if (nodes_[k].parent == n.parent && nodes_[k].rank == r) return nodes_[k].head.number;
        if (n.parent != npos && k == n.parent) break;
      }
      return 0;
    }();
    const int continued = last_number_at_rank.count(r) ? last_number_at_rank[r] : 0;
    if (h.number != previous_sibling + 1 && h.number != continued + 1) {
      p_.diagnostics.push_back(
          {line_number(i), line_span(i), h.number <= previous_sibling ? "numbering.disorder" : "numbering.gap",
           fmt::format("heading {} follows {} (expected {}{})", h.label,
                       previous_sibling == 0 ? std::string("the parent heading") : std::to_string(previous_sibling),
                       previous_sibling + 1,
                       continued > 0 && continued != previous_sibling ? fmt::format(" or {}", continued + 1) : "")});
    }
    last_number_at_rank[r] = h.number;
    nodes_.push_back(std::move(n));
    stack.push_back(nodes_.size() - 1);
    for (auto s : stack) nodes_[s].last = i;
  }

  /// The node's own text, as a range of the simplified text: from after its number to the
  /// end of its last own line.
  std::pair<std::size_t, std::size_t> own_range(const node& n) const {
    const auto& first = lines_[n.own.front()];
    const std::size_t b = first.begin + n.head.text_begin;
    return {b, lines_[n.own.back()].end};
  }

  /// Whether text follows the first sentence of `t` (`推进中小企业数字化转型。加快实施…`): a
  /// topic paragraph has a body after its run-in title; a short sentence alone is the last
  /// sentence of a paragraph that a page's width broke there.
  static bool topic_body_follows(std::string_view t) {
    const auto stop = detail::find(t, "。");
    return stop != std::string_view::npos &&
           !trim(t.substr(stop + std::string_view("。").size())).empty();
  }

  /// The number of a list item written with two digits and a space (`01 智能场景`), or 0.
  static int padded_item_number(std::string_view t) noexcept {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (t.size() < 4 || !digit(t[0]) || !digit(t[1]) || t[2] != ' ' || digit(t[3]) || t[3] == ' ')
      return 0;
    return (t[0] - '0') * 10 + (t[1] - '0');
  }

  /// Adds line i to a box: a new item, or the rest of the previous one when that was broken
  /// mid-sentence or, in a box with a numbered list (`in_list`), is an unnumbered paragraph
  /// of a numbered item (never for a numbered item, `numbered`).
  void add_box_item(std::size_t box_index, std::size_t i, bool numbered = false, bool in_list = false) {
    auto& b = content_.boxes[box_index];
    const auto& l = lines_[i];
    mark(i, line_role::box, b.id);
    b.where.end = line_span(i).end;
    if (!b.items.empty() && !numbered) {
      auto& last = b.items.back();
      if (in_list ||
          !ends_sentence(last_item_simplified_)) {  // a line broken mid-sentence, or the item goes on
        if (ends_sentence(last_item_simplified_)) last.text += '\n';  // a further paragraph
        last.text += printed_line(i);
        last.where.end = line_span(i).end;
        last_item_simplified_ += std::string(l.text);
        return;
      }
    }
    box_item item;
    item.text = printed_line(i);
    const auto stop = detail::find(l.text, "。");
    // A numbered item's title on a line of its own (`01 智能场景`, its text below) is that line.
    item.title = stop != std::string_view::npos && char_count(l.text.substr(0, stop)) <= 40
                     ? printed(l.begin, l.begin + stop)
                 : numbered && !has_sentence_punctuation(l.text) && char_count(l.text) <= 40
                     ? printed(l.begin, l.end)
                     : std::string();
    item.where = line_span(i);
    b.items.push_back(item);
    last_item_simplified_ = std::string(l.text);
  }

  /// The first line of a task-assignment table, or npos.
  std::size_t find_task_table() const {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!lines_[i].cell && !contains_any(lines_[i].text, rules().table_header_words)) continue;
      const auto read = read_table(i);
      if (read && find_task_columns(read->header) && !read->rows.empty()) return i;
    }
    return npos;
  }

  /// A table as read from its lines, before anything is marked.
  struct table_read {
    std::size_t caption_end = 0;      ///< caption lines are [i, caption_end)
    std::vector<std::size_t> header;  ///< per column: the content line naming it
    std::vector<std::vector<std::size_t>> rows;
    std::size_t end = 0;  ///< the line after the table
  };

  /// Whether a cell repeats the cell above (a merged cell, 〃, 同上).
  static bool ditto_cell(std::string_view t) {
    return std::find(rules().ditto_cells.begin(), rules().ditto_cells.end(), t) !=
           rules().ditto_cells.end();
  }
  /// A cell of a row above stands in for each ditto cell below it.
  void resolve_dittos(std::vector<std::vector<std::size_t>>& rows) const {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size() && c < rows[r - 1].size(); ++c) {
        if (ditto_cell(lines_[rows[r][c]].text)) rows[r][c] = rows[r - 1][c];
      }
    }
  }
  /// Whether `t` has at most `limit` characters (spaces not counted when `skip_spaces`);
  /// stops at the first one past it.
  static bool at_most_characters(std::string_view t, std::size_t limit, bool skip_spaces) noexcept {
    if (!skip_spaces && t.size() > 4 * limit) return false;
    std::size_t n = 0;
    for (std::size_t i = 0; i < t.size();) {
      const auto b = static_cast<unsigned char>(t[i]);
      if (!(skip_spaces && b == ' ') && ++n > limit) return false;
      i += detail::sequence_length(b);
    }
    return true;
  }

  /// Whether a caption line states the table's unit (单位：人, 单位：万元).
  static bool unit_note(std::string_view t) { return trim(t).starts_with("单位:"); }

  /// Whether content line `k` is the first cell of a tab-joined row.
  bool row_start(std::size_t k) const {
    return k < lines_.size() && lines_[k].cell && (k == 0 || lines_[k - 1].index != lines_[k].index);
  }

  /// A table at content line `i`: optional caption lines, then either rows of a marked-up
  /// table (HTML, DOCX: one tab-joined line per row, whose cells are known) or a flattened
  /// table (one cell per line) under a header run of short cells holding header words.
  std::optional<table_read> read_table(std::size_t i) const {
    // This runs for every line of the body: the length tests stop early on long lines.
    auto header_cell = [&](std::size_t k) {
      if (k >= lines_.size()) return false;
      const auto t = lines_[k].text;
      return at_most_characters(t, 15, false) && !has_sentence_punctuation(t) &&
             !recognize_heading(t) && contains_any(t, rules().table_header_words);
    };
    auto caption_cell = [&](std::size_t k) {
      const auto t = lines_[k].text;
      // Spaces do not count: a page right-aligns 单位：人 with a row of them.
      if (lines_[k].cell || !at_most_characters(t, 30, true)) return false;
      return (unit_note(t) || !has_sentence_punctuation(t)) && !recognize_heading(t);
    };
    // A marked-up table under at most two caption lines (its title, 单位：人); the cheap
    // test first, as this runs for every line of the body.
    if (row_start(i) || row_start(i + 1) || row_start(i + 2)) {
      std::size_t rows_from = i;
      while (rows_from < lines_.size() && rows_from - i < 2 && !row_start(rows_from) &&
             caption_cell(rows_from))
        ++rows_from;
      if (row_start(rows_from)) return read_marked_up_table(rows_from);
    }
    std::size_t header = i;
    while (header < lines_.size() && header - i < 2 && !header_cell(header) && caption_cell(header)) ++header;
    if (header >= lines_.size() || !header_cell(header)) return std::nullopt;
    std::size_t k = header;
    while (k < lines_.size() && header_cell(k) && k - header < 10) ++k;
    if (k - header < 3) return std::nullopt;
    double best_score = -1.0;
    std::size_t best_start = header;
    for (std::size_t start = header; start + 3 <= k; ++start) {
      const auto rows = read_rows(k, k - start);
      const double score = row_consistency(rows.first, k - start);
      if (score > best_score + 1e-9) best_score = score, best_start = start;
    }
    table_read t;
    t.caption_end = best_start;
    for (std::size_t c = best_start; c < k; ++c) t.header.push_back(c);
    std::tie(t.rows, t.end) = read_rows(k, k - best_start);
    return t;
  }

  /// A marked-up table: the rows of tab-joined cells from content line `header` on, with at
  /// least three columns. The first row is the header; a second row is one too when the
  /// first has merged cells (an empty cell a colspan left, or a ditto below it) and the
  /// second holds only short labels: each column is then named by its lowest label
  /// (省(市) | 分年度招生任务 over 1996年 | 1997年 | 1998年).
  std::optional<table_read> read_marked_up_table(std::size_t header) const {
    std::vector<std::vector<std::size_t>> rows;
    std::size_t k = header;
    while (row_start(k)) {
      std::vector<std::size_t> row{k++};
      while (k < lines_.size() && lines_[k].cell && lines_[k].index == lines_[k - 1].index)
        row.push_back(k++);
      rows.push_back(std::move(row));
    }
    if (rows.size() < 2) return std::nullopt;
    // A label: short, no sentence, not a bare number (1996年 is a label, 1445 a value).
    auto label = [&](std::size_t l) {
      const auto text = lines_[l].text;
      const bool number = std::all_of(text.begin(), text.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == '.' || ch == ',' || ch == '%' || ch == '-';
      });
      return char_count(text) <= 15 && !has_sentence_punctuation(text) && !number;
    };
    const auto& first = rows[0];
    const auto& second = rows[1];
    // Merged cells in the first row: an empty cell a colspan left (trailing ones are trimmed
    // off the line, so the row is shorter than the next), or a ditto below one of its cells.
    const bool merged = first.size() < second.size() ||
                        std::any_of(first.begin(), first.end(),
                                    [&](std::size_t l) { return lines_[l].text.empty(); }) ||
                        std::any_of(second.begin(), second.end(),
                                    [&](std::size_t l) { return ditto_cell(lines_[l].text); });
    const bool labels = std::all_of(second.begin(), second.end(), [&](std::size_t l) {
      return ditto_cell(lines_[l].text) || lines_[l].text.empty() || label(l);
    });
    const bool two_rows = merged && labels && rows.size() > 2;
    // The header gives the width. A table far wider than a plan's, or whose rows would
    // mostly be padding, is not read as one: its lines stay text.
    const std::size_t columns = two_rows ? std::max(first.size(), second.size()) : first.size();
    const std::size_t body = two_rows ? 2 : 1;
    std::size_t cells = 0, padding = 0;
    for (std::size_t r = body; r < rows.size(); ++r) {
      cells += rows[r].size();
      padding += columns - std::min(columns, rows[r].size());
    }
    if (columns > max_table_columns || padding > cells) return std::nullopt;
    table_read t;
    t.caption_end = header;
    t.end = k;
    t.header = first;
    t.header.resize(columns, npos);
    if (two_rows) {
      for (std::size_t c = 0; c < second.size(); ++c) {
        const auto text = lines_[second[c]].text;
        if (t.header[c] == npos || (!text.empty() && !ditto_cell(text))) t.header[c] = second[c];
      }
    }
    t.rows.assign(rows.begin() + static_cast<std::ptrdiff_t>(body), rows.end());
    return t;
  }

  /// A table at content line `i` (`read_table`), kept as a table of the section or annex
  /// `parent`; a task-assignment table gives measures (`add_task_measures`). In an annex
  /// only task-assignment tables are taken: the annex's other tables are read for targets
  /// by the target extractor. Returns the number of lines consumed.
  std::size_t try_table(std::size_t i, const std::vector<std::size_t>& stack,
                        const annex* in_annex = nullptr) {
    auto read = read_table(i);
    if (!read) return 0;
    resolve_dittos(read->rows);
    const auto tasks = find_task_columns(read->header);
    if (in_annex != nullptr && !tasks) return 0;
    const std::size_t columns = read->header.size();
    const auto& rows = read->rows;
    const std::size_t end = read->end;
    table_block t;
    t.id = fmt::format("table{}", content_.tables.size() + 1);
    t.parent = in_annex != nullptr ? in_annex->id : stack.empty() ? "" : nodes_[stack.back()].id;
    for (std::size_t c = i; c < read->caption_end; ++c) {
      const std::string line = printed_line(c);
      if (!t.caption.empty() && unit_note(lines_[c].text)) t.caption += ' ';
      t.caption += trim(line);
    }
    for (const auto c : read->header) t.columns.push_back(printed_line(c));
    for (const auto& row : rows) {
      std::vector<std::string> cells;
      std::vector<span> spans;
      for (auto c : row) {
        cells.push_back(printed_line(c));
        spans.push_back(line_span(c));
      }
      if (cells.size() != columns) {
        // Short rows are padded; a longer row (a marked-up table's) keeps its extra cells.
        p_.diagnostics.push_back({line_number(row.front()), line_span(row.front()), "table.ragged",
                                  fmt::format("{}: a row has {} cells, the header {}", t.id, cells.size(), columns)});
        while (cells.size() < columns) cells.emplace_back(), spans.emplace_back();
      }
      t.rows.push_back(std::move(cells));
      t.cell_spans.push_back(std::move(spans));
    }
    t.where = {line_span(i).begin, line_span(end - 1).end};
    for (std::size_t c = i; c < end; ++c) mark(c, line_role::table, t.id);
    if (tasks) {
      std::vector<std::string> parent_path;
      if (in_annex != nullptr) {
        parent_path.push_back(in_annex->id);
      } else if (!stack.empty()) {
        parent_path = nodes_[stack.back()].path;
      }
      const std::size_t before = task_rows_.size();
      add_task_measures(t, *tasks, rows, parent_path, in_annex != nullptr);
      // The section holding the table is a section now, not a measure.
      if (in_annex == nullptr && task_rows_.size() > before && !stack.empty())
        ++nodes_[stack.back()].children;
    }
    content_.tables.push_back(std::move(t));
    return end - i;
  }

  /// Rows of `columns` cells from content line `from`, until a heading or a sentence
  /// starts a row. Returns the rows (content-line indices) and the line after the table.
  std::pair<std::vector<std::vector<std::size_t>>, std::size_t> read_rows(std::size_t from,
                                                                          std::size_t columns) const {
    std::vector<std::vector<std::size_t>> rows;
    std::size_t r = from;
    auto ends_table = [&](std::size_t c) {
      if (lines_[c].cell) return false;  // a row's cells hold whole sentences
      const auto t = lines_[c].text;
      const auto h = recognize_heading(t);
      return (h && h->style != numbering::arabic_bare) || t.ends_with("。") || char_count(t) > 80;
    };
    while (r < lines_.size() && !ends_table(r)) {
      std::vector<std::size_t> row;
      std::size_t c = r;
      for (; c < lines_.size() && c - r < columns; ++c) {
        // Inside a row only a heading or a long line ends the table: a task cell may
        // be a whole sentence ending in 。.
        if (c > r && ends_table(c) && !lines_[c].text.ends_with("。")) break;
        row.push_back(c);
      }
      rows.push_back(std::move(row));
      r = c;
    }
    return {std::move(rows), r};
  }

  /// How well rows line up: the share of columns whose cells are mostly numbers or mostly
  /// text, times the share of complete rows.
  double row_consistency(const std::vector<std::vector<std::size_t>>& rows, std::size_t columns) const {
    if (rows.empty()) return 0.0;
    auto numeric = [&](std::size_t c) {
      const auto t = lines_[c].text;
      if (std::find(rules().empty_cells.begin(), rules().empty_cells.end(), t) != rules().empty_cells.end()) return true;
      std::size_t digits = 0;
      for (char ch : t) digits += ch >= '0' && ch <= '9';
      return digits > 0 && digits * 3 >= t.size();
    };
    std::size_t consistent = 0;
    for (std::size_t col = 0; col < columns; ++col) {
      std::size_t num = 0, total = 0;
      for (const auto& row : rows) {
        if (col < row.size()) ++total, num += numeric(row[col]);
      }
      if (total > 0 && (num * 4 >= total * 3 || num * 4 <= total)) ++consistent;
    }
    std::size_t complete = 0;
    for (const auto& row : rows) complete += row.size() == columns;
    return static_cast<double>(consistent) / static_cast<double>(columns) *
           static_cast<double>(complete) / static_cast<double>(rows.size());
  }

  // ------------------------------------------------------------------ elements
  section_kind kind_of(std::string_view title) const {
    return named_kind(title).value_or(section_kind::tasks);
  }

  /// The kind a section's title names (发展环境: background, 保障措施: safeguards), if any.
  std::optional<section_kind> named_kind(std::string_view title) const {
    for (const auto& [kind, word] : rules().section_kinds) {
      if (contains(title, word)) return kind;
    }
    const std::string_view t = trim(title);
    for (const auto& [kind, word] : rules().section_kind_endings) {
      if (t.ends_with(word)) return kind;
    }
    return std::nullopt;
  }

  void build_elements() {
    std::vector<section_kind> kinds(nodes_.size(), section_kind::tasks);
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      const auto& n = nodes_[k];
      if (n.parent == npos) {
        kinds[k] = kind_of(heading_rest(n));
        // 七、本通知自2024年3月4日起施行: when the document takes effect, not a task.
        const auto rest = trim(heading_rest(n));
        const auto& r = rules();
        if (n.children == 0 && n.own.size() == 1 &&
            std::any_of(r.effective_opens.begin(), r.effective_opens.end(), [&](const std::string& w) { return rest.starts_with(w); }) &&
            contains_any(rest, r.effective_words)) {
          kinds[k] = section_kind::background;
        }
      } else if (const auto named = n.rank < rank(numbering::chinese_comma)
                                        ? named_kind(heading_rest(n))
                                        : std::nullopt) {
        kinds[k] = *named;  // a chapter of a part (第二章 发展环境 under 第一篇 …) names its own kind
      } else {
        kinds[k] = kinds[n.parent];
      }
    }
    // A unit whose text before its numbered items announces a list of conditions
    // (符合下列要求的…予以保留。) is one measure: its items, with everything under them,
    // are its conditions and join its text.
    std::vector<bool> absorbed(nodes_.size(), false);
    for (std::size_t k = 0; k < nodes_.size(); ++k) {
      if (absorbed[k]) continue;
      const node* unit = &nodes_[k];
      std::optional<node> folded;  // the unit with its items taken in
      if (kinds[k] != section_kind::background && !holds_goals(kinds[k]) && unit->children > 0 &&
          (detail::announces_conditions(unit->own.size() > 1 ? lines_[unit->own.back()].text
                                                             : heading_rest(*unit)) ||
           items_name_situations(k))) {
        node& f = folded.emplace(*unit);
        for (std::size_t d = k + 1; d < nodes_.size() && nodes_[d].first <= unit->last; ++d) {
          absorbed[d] = true;
          f.own.insert(f.own.end(), nodes_[d].own.begin(), nodes_[d].own.end());
          condition_lines_.insert(nodes_[d].own.begin(), nodes_[d].own.end());
        }
        std::sort(f.own.begin(), f.own.end());
        f.children = 0;
        unit = &f;
      }
      const auto& n = *unit;
      if (articles_as_measures_ && n.children == 0 && n.head.label.ends_with(rules().article) &&
          states_provision(n)) {
        add_section(n, section_kind::background);  // 为…，制定本措施 / 本措施自…起施行
        continue;
      }
      if (kinds[k] == section_kind::background) {  // context: its text is section text
        add_section(n, kinds[k]);
        continue;
      }
      const bool leaf = n.children == 0;
      const bool goals = holds_goals(kinds[k]);
      const bool has_text = n.own.size() > 1 || !trim(heading_rest(n)).empty();
      if (leaf && (n.rank > 0 || (has_text && !goals)) && !(goals && n.rank == 0)) {
        if (goals) {
          add_goal(n, kinds[k]);
        } else if (const auto topics = topic_paragraphs(n); !topics.paragraphs.empty()) {
          add_section(n, kinds[k]);
          std::size_t number = 0;
          for (const auto& paragraph : topics.paragraphs) {
            if (defines(lines_[paragraph.front()].text) ||  // 本意见所称…是指: section text
                (&paragraph == &topics.paragraphs.front() && topics.framed)) {
              for (const std::size_t line : paragraph) mark(line, line_role::section_text, n.id);
              continue;
            }
            add_measure(paragraph_node(n, paragraph, ++number));
          }
        } else {
          add_measure(n);
        }
      } else {
        add_section(n, kinds[k]);
      }
    }
  }

  /// A paragraph that defines a term of the document: 本意见所称政务新媒体，是指….
  static bool defines(std::string_view t) {
    const auto& r = rules();
    return std::any_of(r.effective_opens.begin(), r.effective_opens.end(), [&](const std::string& w) {
      return t.starts_with(w) && t.substr(w.size()).starts_with(r.defines_word);
    });
  }

  /// A line opening with a procedural label and ':' (申领方式：登录…, 网址：https://…).
  static bool procedure_field(std::string_view t) {
    return std::any_of(rules().procedure_labels.begin(), rules().procedure_labels.end(),
                       [&](const std::string& label) {
                         return t.size() > label.size() && t.starts_with(label) && t[label.size()] == ':';
                       });
  }

  /// The paragraphs of a unit whose measures are not numbered: a heading that stands on
  /// its own line (a title, no sentence) above paragraphs that each state a task (`二、…`
  /// with no numbered items among numbered siblings, or `(一)全力推动…` above several topic
  /// paragraphs). Each paragraph is then a measure `<id>.pN`. A numbered unit whose title
  /// stands above one paragraph is that one measure. Empty when the unit is one measure.
  /// `framed`: the first paragraph frames the unit (section text), the others are its tasks.
  struct topic_split {
    std::vector<std::vector<std::size_t>> paragraphs;
    bool framed = false;
  };
  topic_split topic_paragraphs(const node& n) const {
    topic_split split;
    auto& out = split.paragraphs;
    const auto title = trim(heading_rest(n));
    if (n.own.size() < 2 || title.empty()) return split;
    bool open = false;
    for (std::size_t j = 1; j < n.own.size(); ++j) {
      // A procedural field (申领方式：…, 网址：…) belongs to the paragraph before it.
      // So does a condition of a list its lead-in announced (符合以下3个条件之一…：(1)…).
      const bool continues = procedure_field(lines_[n.own[j]].text) || condition_lines_.contains(n.own[j]);
      if (!open && (out.empty() || !continues)) out.emplace_back();
      out.back().push_back(n.own[j]);
      open = !ends_sentence(lines_[n.own[j]].text);
    }
    if (!contains(title, "。") && char_count(title) <= 40) {
      if (out.size() < 2 && n.rank > 0) out.clear();
      return split;
    }
    // A run-in heading with an introduction (`(一)进一步加快建设…。坚持…`) above three or
    // more paragraphs that each open with a short topic sentence (`加快建设国际经济中心。`),
    // as work reports write their tasks: each paragraph is a measure.
    const auto topic = [&](const std::vector<std::size_t>& para) {
      const auto t = lines_[para.front()].text;
      const auto stop = detail::find(t, "。");
      return stop != std::string_view::npos && char_count(t.substr(0, stop)) <= 25 && !find_clause(t);
    };
    if (n.rank > 1 || out.size() < 3) {
      out.clear();
    } else if (!std::all_of(out.begin(), out.end(), topic)) {
      // A run-in heading alone on its line (`(一)加快系统创新，增强融合发展新动能。`), then a
      // paragraph that frames the unit, then topic paragraphs: the frame is the section's
      // text (the caller marks it so), each topic paragraph a measure.
      const bool alone = detail::find(title, "。") + std::string_view("。").size() == title.size();
      split.framed = alone && !topic(out.front()) && std::all_of(out.begin() + 1, out.end(), topic);
      if (!split.framed) out.clear();
    }
    return split;
  }

  /// A unit standing for one topic paragraph of `n`: its lines, id `<id>.pN`.
  node paragraph_node(const node& n, const std::vector<std::size_t>& lines, std::size_t number) const {
    node p;
    p.head = n.head;
    p.head.marker_begin = 0;
    p.head.text_begin = 0;
    p.rank = n.rank + 1;
    p.parent = npos;
    p.path = n.path;
    p.path.push_back(fmt::format("p{}", number));
    p.id = fmt::format("{}.p{}", n.id, number);
    p.first = lines.front();
    p.own = lines;
    p.last = lines.back();
    return p;
  }

  std::string_view heading_rest(const node& n) const {
    const auto& l = lines_[n.first];
    return l.text.substr(n.head.text_begin);
  }

  void add_section(const node& n, section_kind kind) {
    section s;
    s.id = n.id;
    s.path = n.path;
    const auto& l = lines_[n.first];
    const std::size_t text_begin = l.begin + n.head.text_begin;
    s.title = printed(text_begin, l.end);
    s.kind = kind;
    s.depth = static_cast<int>(n.path.size()) - 1;
    s.where = line_span(n.first);
    s.extent = {line_span(n.first).begin, line_span(n.last).end};
    content_.sections.push_back(s);
    mark(n.first, line_role::heading, s.id);
    // Own paragraphs of a section: goals in goal sections, otherwise section text.
    const bool goals = holds_goals(kind);
    int paragraph = 0;
    bool paragraph_open = false;  // the previous line did not end its sentence
    const std::size_t first_goal = content_.goals.size();
    for (std::size_t j = 1; j < n.own.size(); ++j) {
      const auto ci = n.own[j];
      if (!goals) {
        mark(ci, line_role::section_text, s.id);
        continue;
      }
      // A paragraph may be broken over lines; it ends with a sentence end.
      if (!paragraph_open) {
        ++paragraph;
        goal g;
        g.id = fmt::format("{}.p{}", s.id, paragraph);
        g.path = s.path;
        g.path.push_back(fmt::format("p{}", paragraph));
        g.kind = kind;
        g.where = line_span(ci);
        content_.goals.push_back(g);
      }
      auto& g = content_.goals.back();
      const auto text = printed_line(ci);
      g.text += (g.text.empty() ? "" : "\n") + text;
      g.where.end = line_span(ci).end;
      paragraph_open = !ends_sentence(lines_[ci].text);
      mark(ci, line_role::goal, g.id);
    }
    for (std::size_t k = first_goal; k < content_.goals.size(); ++k) content_.goals[k].title = first_sentence(content_.goals[k].text);
  }

  static std::string first_sentence(const std::string& text) {
    const auto stop = detail::find(text, "。");
    if (stop == std::string::npos) return text.size() <= 120 ? text : std::string();
    return char_count(std::string_view(text).substr(0, stop)) <= 60 ? text.substr(0, stop) : std::string();
  }

  /// Title of a numbered unit: its heading line when the heading stands alone, else the
  /// run-in title before the first 。.
  std::string unit_title(const node& n, std::size_t b, std::size_t clause_begin) const {
    const auto& l = lines_[n.first];
    const std::string_view first_line = std::string_view(doc_.simplified).substr(b, l.end - b);
    if (n.own.size() > 1 && !contains(first_line, "。") && char_count(first_line) <= 60) {
      return printed(b, l.end);
    }
    const std::string_view all = std::string_view(doc_.simplified).substr(b, clause_begin - b);
    const auto stop = detail::find(all, "。");
    if (stop != std::string_view::npos) return printed(b, b + stop);
    return printed(b, clause_begin);
  }

  /// A numbered unit's span: from its number to the end of its own text.
  span unit_span(const node& n, std::size_t b, std::size_t e) const {
    return {source(lines_[n.first].begin + n.head.marker_begin, b).begin, source(b, e).end};
  }

  void add_measure(const node& n) {
    measure m;
    m.id = n.id;
    m.path = n.path;
    const auto [b, e] = own_range(n);
    const std::string_view text = std::string_view(doc_.simplified).substr(b, e - b);
    m.where = unit_span(n, b, e);
    m.text = std::string(trim(doc_.printed_of_simplified(b, e)));
    std::size_t clause_begin = e;
    // Every clause of the measure, mid-paragraph ones included: each covers the sentences
    // before it, so the measure's units are their union, first mention first. A unit that
    // leads in one clause and works with others in another is listed once, as a lead.
    const auto clauses = find_clauses(text);
    bool marked_lead = false;                  // some clause marks a unit as leading
    std::vector<std::string> collective_leads;  // collectives that lead only by the rules
    for (std::size_t k = 0; k < clauses.size(); ++k) {
      const auto& loc = clauses[k];
      const bool final_clause = k + 1 == clauses.size() && trim(text.substr(loc.end)).find_first_not_of("。;") ==
                                                                 std::string_view::npos;
      if (final_clause) {
        clause_begin = b + loc.begin;
        m.clause = std::string(doc_.printed_of_simplified(b + loc.begin, b + loc.end));
      }
      if (!loc.closed) {
        p_.diagnostics.push_back({line_number(n.own.back()), source(b + loc.begin, b + loc.end),
                                  "clause.unclosed",
                                  fmt::format("measure {}: the responsibility clause has no closing bracket", m.id)});
      }
      if (!loc.opened) {
        p_.diagnostics.push_back({line_number(n.own.back()), source(b + loc.begin, b + loc.end),
                                  "clause.unopened",
                                  fmt::format("measure {}: the responsibility clause lost its opening bracket", m.id)});
      }
      const std::size_t cb = b + loc.content_begin;
      const std::size_t ce = b + loc.content_end;
      const auto parsed = parse_clause(std::string_view(doc_.simplified).substr(cb, ce - cb), first_listed_);
      m.joint = m.joint || parsed.joint;
      auto named = [](const std::vector<agency_mention>& list, const std::string& name) {
        return std::find_if(list.begin(), list.end(), [&](const agency_mention& a) { return a.name == name; });
      };
      for (const auto& a : parsed.agencies) {
        agency_mention mention{printed(cb + a.begin, cb + a.end), a.part, source(cb + a.begin, cb + a.end)};
        if (a.collective) collective_names_.insert(mention.name);
        marked_lead = marked_lead || a.marked_lead;
        if (a.collective && a.part == role::lead && !a.marked_lead) collective_leads.push_back(mention.name);
        if (named(m.lead, mention.name) != m.lead.end()) continue;
        if (a.part == role::lead) {
          if (const auto it = named(m.support, mention.name); it != m.support.end()) m.support.erase(it);
          m.lead.push_back(std::move(mention));
        } else if (named(m.support, mention.name) == m.support.end()) {
          m.support.push_back(std::move(mention));
        }
      }
      if (parsed.deadline_text && (!m.due || final_clause)) {
        const auto [db, de] = *parsed.deadline_text;
        if (auto d = parse_deadline(std::string_view(doc_.simplified).substr(cb + db, de - db))) {
          d->text = printed(cb + db, cb + de);
          d->where = source(cb + db, cb + de);
          m.due = std::move(d);
        }
      }
    }
    // A collective named alone in one clause (各有关部门分头落实) leads that clause by the
    // rules, but works with the units another clause marks as leading.
    if (marked_lead) {
      for (const auto& name : collective_leads) {
        const auto it = std::find_if(m.lead.begin(), m.lead.end(), [&](const agency_mention& a) { return a.name == name; });
        if (it == m.lead.end()) continue;
        agency_mention moved = *it;
        moved.part = role::support;
        m.lead.erase(it);
        m.support.push_back(std::move(moved));
      }
      std::stable_sort(m.support.begin(), m.support.end(),
                       [](const agency_mention& x, const agency_mention& y) { return x.where.begin < y.where.begin; });
    }
    if (!m.due) prose_deadline(m, b, clause_begin);
    m.title = unit_title(n, b, clause_begin);
    for (auto ci : n.own) mark(ci, line_role::measure, m.id);
    content_.measures.push_back(std::move(m));
  }

  /// A measure without a clause deadline may state its time limit in its prose: the first
  /// `…底前` phrase (`2019年4月底前`, `年底前`, `6月底前`) in [b, e) of the simplified text.
  void prose_deadline(measure& m, std::size_t b, std::size_t e) {
    const std::string_view s = std::string_view(doc_.simplified).substr(0, e);
    // The last …底前 phrase: a measure with staged limits (6月底前 … 9月底前 … 2020年12月底前
    // 完成验收) closes with its final one.
    const std::string_view marker = rules().deadline_prose_marker;
    std::size_t at = std::string_view::npos;
    for (auto k = detail::find(s.substr(b), marker); k != std::string_view::npos;
         k = detail::find(s.substr(b), marker, k + marker.size())) {
      if (dated_before(s, b, b + k)) at = k;
    }
    if (at == std::string_view::npos) {
      opening_deadline(m, b, e);
      if (!m.due) closing_deadline(m, b, e);
      if (!m.due) schedule_deadline(m, b, e);
      return;
    }
    const std::size_t end = b + at + marker.size();
    const std::size_t begin = date_begin(s, b, b + at);
    if (begin == b + at) return;  // 底前 with no date before it
    if (auto d = parse_deadline(s.substr(begin, end - begin))) {
      d->text = printed(begin, end);
      d->where = source(begin, end);
      m.due = std::move(d);
    }
  }

  /// Length of a day written as [YYYY年]M月D日 at `i` (spaces allowed inside), or 0;
  /// `need_month`: the month must be printed (the start of a range).
  static std::size_t day_at(std::string_view s, std::size_t i, bool need_month) {
    const auto number = [&](std::size_t& j, std::size_t max_digits) {
      while (j < s.size() && s[j] == ' ') ++j;
      const std::size_t from = j;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - from < max_digits) ++j;
      const std::size_t n = j - from;
      while (j < s.size() && s[j] == ' ') ++j;
      return n;
    };
    std::size_t j = i;
    if (std::size_t k = j; number(k, 4) == 4 && s.substr(k).starts_with("年")) j = k + 3;
    bool month = false;
    if (std::size_t k = j; number(k, 2) > 0 && s.substr(k).starts_with("月")) j = k + 3, month = true;
    if (need_month && !month) return 0;
    if (std::size_t k = j; number(k, 2) > 0 && s.substr(k).starts_with("日")) return k + 3 - i;
    return 0;
  }

  /// Length of a stage's period of months at `i` — YYYY年M[月], a range mark (repeated:
  /// ――), [YYYY年]M月: 1997年4―6月, 1997年10月――1998年2月 — or 0.
  static std::size_t period_at(std::string_view s, std::size_t i) {
    const auto digits = [&](std::size_t& j, std::size_t min, std::size_t max) {
      const std::size_t from = j;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - from < max) ++j;
      return j - from >= min;
    };
    std::size_t j = i;
    if (!digits(j, 4, 4) || !s.substr(j).starts_with("年")) return 0;
    j += 3;
    if (!digits(j, 1, 2)) return 0;
    if (s.substr(j).starts_with("月")) j += 3;
    bool ranged = false;
    for (bool more = true; more;) {
      more = false;
      for (const std::string_view to : rules().schedule_range) {
        if (s.substr(j).starts_with(to)) {
          j += to.size();
          ranged = more = true;
          break;
        }
      }
    }
    if (!ranged) return 0;
    if (std::size_t k = j; digits(k, 4, 4) && s.substr(k).starts_with("年")) j = k + 3;
    if (!digits(j, 1, 2) || !s.substr(j).starts_with("月")) return 0;
    return j + 3 - i;
  }

  /// A schedule's date (报名时间为4月26日至4月28日, 请家长于2026年5月24日至5月26日…,
  /// 5月24日至5月27日，凡经…): the first day-exact date or range after 于 / 为 or opening a
  /// sentence or clause, with a short time note in brackets after it.
  void schedule_deadline(measure& m, std::size_t b, std::size_t e) {
    const std::string_view s = std::string_view(doc_.simplified).substr(0, e);
    for (std::size_t i = b; i < e;) {
      const bool digit = s[i] >= '0' && s[i] <= '9';
      bool opens = false;
      if (digit && (i == b || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
        std::size_t k = i;
        while (k > b && (s[k - 1] == ' ' || s[k - 1] == '\n' || s[k - 1] == '\r')) --k;  // a line break opens too
        const std::string_view before = s.substr(b, k - b);
        const auto& after = rules().schedule_after;
        opens = k == b || std::any_of(after.begin(), after.end(), [&](const std::string& w) { return before.ends_with(w); });
      }
      std::size_t n = opens ? day_at(s, i, true) : 0;
      const bool period = n == 0 && opens && (n = period_at(s, i)) > 0;
      if (n > 0) {
        std::size_t end = i + n;
        // The end of a day's range (4月26日至4月28日); a period of months is a range already.
        for (const std::string_view to : rules().schedule_range) {
          if (period) break;
          if (s.substr(end).starts_with(to)) {
            if (const std::size_t n2 = day_at(s, end + to.size(), false)) end += to.size() + n2;
            break;
          }
        }
        if (s.substr(end).starts_with("(")) {
          if (const auto close = s.find(')', end); close != std::string_view::npos && char_count(s.substr(end, close - end)) <= 10) {
            end = close + 1;
          }
        }
        deadline d;
        d.text = printed(i, end);
        d.where = source(i, end);
        m.due = std::move(d);
        return;
      }
      i += detail::sequence_length(static_cast<unsigned char>(s[i]));
    }
  }

  /// A time limit opening a clause (到2021年年底，各级教研机构配齐…教研员): one of
  /// deadline.opening (到) and a date ending in 年底 or 月底, then a comma and a clause with
  /// no figure. 到2025年底，建成100个… is the year of a target, not a time limit.
  void opening_deadline(measure& m, std::size_t b, std::size_t e) {
    const std::string_view s = std::string_view(doc_.simplified).substr(0, e);
    // Commas first (one memchr for an ASCII byte), then the characters before them: the
    // lead byte of 底 is that of thousands of characters and would stop a search often.
    const std::string_view text = s.substr(b);
    for (auto comma = text.find(','); comma != std::string_view::npos;
         comma = text.find(',', comma + 1)) {
      // 年底, or 月底,: the date ends before the comma.
      if (comma < 6 || text.substr(comma - 3, 3) != "底") continue;
      const std::string_view unit = text.substr(comma - 6, 3);
      if (unit != "年" && unit != "月") continue;
      const std::size_t date_end = b + comma;
      const std::size_t begin = date_begin(s, b, date_end - 6);
      if (begin == date_end - 6 || !(s[begin] >= '0' && s[begin] <= '9')) continue;
      const auto opener =
          std::find_if(rules().deadline_openers.begin(), rules().deadline_openers.end(),
                       [&](const std::string& w) { return s.substr(b, begin - b).ends_with(w); });
      if (opener == rules().deadline_openers.end()) continue;
      std::size_t clause_end = date_end + 1;
      while (clause_end < e && s[clause_end] != ',' && !s.substr(clause_end).starts_with("。"))
        ++clause_end;
      const std::string_view clause = s.substr(date_end + 1, clause_end - date_end - 1);
      if (std::any_of(clause.begin(), clause.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      if (auto d = parse_deadline(s.substr(begin, date_end - begin))) {
        d->text = printed(begin, date_end);
        d->where = source(begin, date_end);
        m.due = std::move(d);
      }
    }
  }

  /// Where the date ending at `at` begins: back over its digits and 年 / 月 (2020年12月),
  /// not before `b`.
  static std::size_t date_begin(std::string_view s, std::size_t b, std::size_t at) noexcept {
    std::size_t begin = at;
    while (begin > b) {
      const char c = s[begin - 1];
      if (c >= '0' && c <= '9') {
        --begin;
      } else if (begin >= b + 3 && (s.substr(begin - 3, 3) == "年" || s.substr(begin - 3, 3) == "月")) {
        begin -= 3;
      } else {
        break;
      }
    }
    return begin;
  }

  /// Whether the numbered items right under node `k` (two or more, each one sentence) all
  /// name a situation rather than a task (`3.接受境外资助、捐赠等情况。` under `检查的重点是：`):
  /// each ends with one of condition_list.situations. They enumerate what the unit examines
  /// or covers, and join its text; tasks open with a verb and end otherwise.
  bool items_name_situations(std::size_t k) const {
    std::size_t items = 0;
    for (std::size_t d = k + 1; d < nodes_.size() && nodes_[d].first <= nodes_[k].last; ++d) {
      if (nodes_[d].parent != k) continue;
      if (nodes_[d].children > 0 || nodes_[d].own.size() != 1) return false;
      std::string_view t = trim(heading_rest(nodes_[d]));
      for (const std::string_view end : {"。", "；", ";", "."}) {
        if (t.ends_with(end)) t.remove_suffix(end.size());
      }
      if (std::none_of(rules().condition_situations.begin(), rules().condition_situations.end(),
                       [&](const std::string& w) { return t.ends_with(w); }) ||
          detail::find(t, "。") != std::string_view::npos) {
        return false;
      }
      ++items;
    }
    return items >= 2;
  }

  /// Whether 底前 at `at` has a date (digits, 年, 月) right before it.
  static bool dated_before(std::string_view s, std::size_t b, std::size_t at) {
    if (at <= b) return false;
    const char c = s[at - 1];
    return (c >= '0' && c <= '9') || (at >= b + 3 && (s.substr(at - 3, 3) == "年" || s.substr(at - 3, 3) == "月"));
  }

  /// A time limit for completing the work opening the measure's last sentence or last
  /// clause (…，确保1年内完成合同用量。): the limit the measure closes with (outline.json
  /// deadline.closing). 到2025年 before a figure is the year of a target, not a time limit.
  void closing_deadline(measure& m, std::size_t b, std::size_t e) {
    const auto& r = rules();
    const std::string_view s = std::string_view(doc_.simplified);
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
    if (e >= b + 3 && s.substr(e - 3, 3) == "。") e -= 3;
    const std::string_view text = s.substr(b, e - b);
    for (std::string_view mark : {"。", ",", "，"}) {
      const auto at = detail::rfind(text, mark);
      std::size_t i = at == std::string_view::npos ? 0 : at + mark.size();
      while (i < text.size() && text[i] == ' ') ++i;
      for (bool skipped = true; skipped;) {
        skipped = false;
        for (const auto& w : r.closing_lead_in) {
          if (text.substr(i).starts_with(w)) i += w.size(), skipped = true;
        }
      }
      const std::size_t begin = i;
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      if (j == i || j - i > 2) continue;
      const auto w = std::find_if(r.closing_within.begin(), r.closing_within.end(),
                                  [&](const std::string& x) { return text.substr(j).starts_with(x); });
      if (w == r.closing_within.end()) continue;
      i = j + w->size();
      if (std::none_of(r.closing_then.begin(), r.closing_then.end(),
                       [&](const std::string& x) { return text.substr(i).starts_with(x); })) {
        continue;
      }
      deadline d;
      d.text = printed(b + begin, b + i);
      d.where = source(b + begin, b + i);
      m.due = std::move(d);
      return;
    }
  }

  void add_goal(const node& n, section_kind kind) {
    goal g;
    g.id = n.id;
    g.path = n.path;
    g.kind = kind;
    const auto [b, e] = own_range(n);
    g.where = unit_span(n, b, e);
    g.text = std::string(trim(doc_.printed_of_simplified(b, e)));
    g.title = unit_title(n, b, e);
    for (auto ci : n.own) mark(ci, line_role::goal, g.id);
    content_.goals.push_back(std::move(g));
  }

  /// For each text, the measure that covers it best and the score: the share of the smaller
  /// bigram set found in the other (npos and 0 when no measure shares a bigram). Only the
  /// texts' bigrams are numbered, with postings to the texts holding them; each measure's
  /// distinct bigrams (its responsibility clause left out) are then looked up once, so the
  /// cost grows with the text, not texts × measures.
  std::vector<std::pair<std::size_t, double>> best_restated_measures(
      const std::vector<std::string_view>& texts) const {
    std::vector<std::pair<std::size_t, double>> best(texts.size(), {npos, 0.0});
    if (texts.empty() || content_.measures.empty()) return best;
    bigram_set seen;
    // Calls visit(bigram) once for each distinct bigram of `t`; returns their number.
    const auto distinct_bigrams = [&seen](std::string_view t, auto&& visit) {
      seen.reset(t.size() / 3 + 1);
      std::size_t count = 0;
      for_each_bigram(t, [&](std::uint64_t g) {
        if (seen.insert(g)) ++count, visit(g);
      });
      return count;
    };
    std::size_t expected = 0;
    for (const auto t : texts) expected += t.size() / 3;
    bigram_ids ids(expected);
    std::vector<std::vector<std::uint32_t>> texts_of;  // per bigram id: the texts holding it
    std::vector<std::size_t> text_size(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      text_size[i] = distinct_bigrams(texts[i], [&](std::uint64_t g) {
        const std::size_t id = ids.find(g, true);
        if (id == texts_of.size()) texts_of.emplace_back();
        texts_of[id].push_back(static_cast<std::uint32_t>(i));
      });
    }
    const std::size_t n = content_.measures.size();
    std::vector<std::size_t> measure_size(n);
    // [measure][text]: a bigram's postings, in text order, then touch one measure's row.
    const std::size_t texts_n = texts.size();
    std::vector<std::uint32_t> common(texts_n * n, 0);
    for (std::size_t k = 0; k < n; ++k) {
      const auto& m = content_.measures[k];
      std::string_view t = m.text;
      if (!m.clause.empty() && t.ends_with(m.clause)) t.remove_suffix(m.clause.size());
      measure_size[k] = distinct_bigrams(t, [&](std::uint64_t g) {
        const std::size_t id = ids.find(g, false);
        if (id == npos) return;
        std::uint32_t* row = common.data() + k * texts_n;
        for (const std::uint32_t i : texts_of[id]) ++row[i];
      });
    }
    for (std::size_t i = 0; i < texts.size(); ++i) {
      double top = 0.0;
      std::size_t which = npos;
      for (std::size_t k = 0; k < n; ++k) {
        const auto smaller = std::min(text_size[i], measure_size[k]);
        if (smaller == 0) continue;
        const double score =
            static_cast<double>(common[k * texts_n + i]) / static_cast<double>(smaller);
        if (score > top) top = score, which = k;
      }
      best[i] = {which, top};
    }
    return best;
  }

  /// Links each box item to the measure it restates, when one is similar enough (a box
  /// item restates a measure when most of its bigrams come from it).
  void link_boxes() {
    if (content_.boxes.empty() || content_.measures.empty()) return;
    std::vector<box_item*> items;
    std::vector<std::string_view> texts;
    for (auto& b : content_.boxes) {
      for (auto& item : b.items) {
        items.push_back(&item);
        texts.push_back(item.text);
      }
    }
    const auto best = best_restated_measures(texts);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (best[i].first != npos && best[i].second >= options_.restates_threshold) {
        items[i]->restates = content_.measures[best[i].first].id;
        items[i]->similarity = best[i].second;
      }
    }
  }

  // ------------------------------------------------------------------ accounting
  void finish_accounting() {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (roles_[lines_[i].index].first == line_role::unparsed && !content_.measures.empty()) {
        p_.diagnostics.push_back({line_number(i), line_span(i), "structure.unplaced",
                                  "line outside the numbered outline and the cover notice"});
      }
    }
    std::stable_sort(p_.diagnostics.begin(), p_.diagnostics.end(),
                     [](const diagnostic& a, const diagnostic& b) { return a.where.begin < b.where.begin; });
    if (options_.accounting != nullptr) {
      options_.accounting->clear();
      for (std::size_t i = 0; i < doc_.lines.size(); ++i) {
        options_.accounting->push_back({doc_.lines[i].number, roles_[i].first, owners_[roles_[i].second]});
      }
    }
  }

  const text::document& doc_;
  const parse_options& options_;
  plan p_;                // metadata and diagnostics
  plan_content content_;  // set into p_ once complete, so the graph is built once
  std::vector<content_line> lines_;
  std::vector<std::pair<line_role, std::uint32_t>> roles_;  // per document line: role, owner index
  std::vector<std::string> owners_;                         // owner names; [0] is none
  std::vector<node> nodes_;
  std::size_t above_contents_ = npos;  // content line right above a table of contents
  std::size_t posting_date_ = npos;  // content line of a web page's posting date (article header)
  std::set<std::size_t> condition_lines_;  // content lines of conditions a lead-in announced
  std::map<std::string, int, std::less<>> id_count_;  ///< ids of the outline so far (open_node)
  std::size_t title_end_ = 0;
  std::pair<std::size_t, std::size_t> issuer_at_{0, 0};  ///< the issuer in the simplified text
  bool first_listed_ = false;
  bool task_measures_ = false;  ///< a task-assignment table gave measures
  bool articles_as_measures_ = false;  ///< articles (第X条) are the measures (若干措施)
  bool decimal_outline_ = false;       ///< numbered 1 / 2.1 / 2.1.1 and nothing else
  /// A row of a task table, waiting for the body's measures (`assign_task_rows`).
  struct task_row {
    std::size_t table = 0;       ///< index in content_.tables
    std::size_t row = 0;         ///< index in its rows
    std::size_t first_line = 0;  ///< content line of its first cell
    bool in_annex = false;       ///< the table stands in an annex, not in the body
    std::string says;            ///< its text cells, the numbers and units left out
    measure m;                   ///< the row read as a measure
  };
  std::vector<task_row> task_rows_;
  std::string last_item_simplified_;
  std::set<std::string> collective_names_;
};

}  // namespace

plan parse_document(const text::document& doc, const parse_options& options) {
  plan p = parser(doc, options).run();
  if (options.resolve_agencies) {
    // Agency names → ontology; unresolved names become diagnostics on their line.
    const auto line_of = [&doc](std::uint64_t byte) { return doc.line_number_at(byte); };
    resolve_agencies(p, options.ontology != nullptr ? *options.ontology : agency_ontology::builtin(), {line_of});
  }
  return p;
}

plan parse_file(const std::string& path, const parse_options& options) {
  return parse_document(text::read_any_document(path, options.read), options);
}

plan parse_bytes(std::string bytes, std::string name, const parse_options& options) {
  return parse_document(text::make_any_document(std::move(bytes), std::move(name), options.read), options);
}

source_plan parse_source(text::document doc, const parse_options& options) {
  auto shared = std::make_shared<const text::document>(std::move(doc));
  auto parsed = std::make_shared<const plan>(parse_document(*shared, options));
  return {std::move(shared), std::move(parsed)};
}

source_plan read_source_plan(const std::string& path, const parse_options& options) {
  return parse_source(text::read_any_document(path, options.read), options);
}

source_plan make_source_plan(std::string bytes, std::string name, const parse_options& options) {
  return parse_source(text::make_any_document(std::move(bytes), std::move(name), options.read), options);
}

}  // namespace plancmp::inline v0::parse
