// SPDX-License-Identifier: MIT
#include "rules.hpp"

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>

namespace plancmp::inline v0::parse::detail {
namespace {

std::vector<std::string> strings(const nlohmann::json& j, const char* path) {
  std::vector<std::string> out;
  if (!j.is_array())
    throw schema_error(error_location::file("outline.json"), fmt::format("{} must be a list", path));
  for (const auto& x : j) {
    auto word = x.get<std::string>();
    if (word.empty())
      throw schema_error(error_location::file("outline.json"),
                         fmt::format("{} holds an empty word", path));
    out.push_back(std::move(word));
  }
  return out;
}

word_list words(const nlohmann::json& j, const char* path) { return word_list(strings(j, path)); }

std::string word(const nlohmann::json& j, const char* path) {
  if (!j.is_string() || j.get<std::string>().empty()) {
    throw schema_error(error_location::file("outline.json"), fmt::format("{} must be a word", path));
  }
  return j.get<std::string>();
}

// [["省", "province"], …]: words with the level they show, in order.
std::vector<std::pair<std::string, level>> leveled(const nlohmann::json& j, const char* path) {
  std::vector<std::pair<std::string, level>> out;
  if (!j.is_array())
    throw schema_error(error_location::file("outline.json"), fmt::format("{} must be a list", path));
  for (const auto& x : j) {
    if (!x.is_array() || x.size() != 2) {
      throw schema_error(error_location::file("outline.json"),
                         fmt::format("{}: each entry is [word, level]", path));
    }
    const auto lv = parse_level(x[1].get<std::string>());
    if (!lv)
      throw schema_error(error_location::file("outline.json"),
                         fmt::format("{}: unknown level '{}'", path, x[1].get<std::string>()));
    out.emplace_back(word(x[0], path), *lv);
  }
  return out;
}

// Longest word first, so that 等按职责分工负责 is stripped whole before 负责.
word_list longest_first(std::vector<std::string> w) {
  std::stable_sort(w.begin(), w.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return word_list(std::move(w));
}

outline_rules load() {
  const auto& j = plancmp::detail::builtin_json("outline.json");
  if (j.value("schema", "") != "plancmp.outline/1") {
    plancmp::detail::schema_fail("outline.json (built-in)", "/schema", "schema must be plancmp.outline/1");
  }
  outline_rules r;
  for (const auto& [kind, words] : j.at("section_kinds").items()) {
    const auto k = parse_section_kind(kind);
    if (!k)
      throw schema_error(error_location::file("outline.json"),
                         fmt::format("unknown section kind '{}'", kind));
    for (const auto& w : strings(words, "/section_kinds")) r.section_kinds.emplace_back(*k, w);
  }
  for (const auto& [kind, words] : j.at("section_kind_endings").items()) {
    if (kind == "description") continue;
    const auto k = parse_section_kind(kind);
    if (!k)
      throw schema_error(error_location::file("outline.json"),
                         fmt::format("unknown section kind '{}'", kind));
    for (const auto& w : strings(words, "/section_kind_endings")) r.section_kind_endings.emplace_back(*k, w);
  }
  r.effective_opens = strings(j.at("effective_clause").at("opens"), "/effective_clause/opens");
  r.effective_words = words(j.at("effective_clause").at("words"), "/effective_clause/words");
  r.defines_word = word(j.at("effective_clause").at("defines"), "/effective_clause/defines");
  const auto& labels = j.at("metadata_labels");
  r.title_labels = words(labels.at("title"), "/metadata_labels/title");
  r.issuer_labels = words(labels.at("issuer"), "/metadata_labels/issuer");
  r.issued_labels = words(labels.at("issued"), "/metadata_labels/issued");
  r.doc_number_labels = words(labels.at("doc_number"), "/metadata_labels/doc_number");
  for (const auto& [name, list] : j.at("level_words").items()) {
    if (name == "description") continue;
    const auto lv = parse_level(name);
    if (!lv)
      throw schema_error(error_location::file("outline.json"),
                         fmt::format("/level_words: unknown level '{}'", name));
    r.level_words.emplace_back(*lv, words(list, "/level_words"));
  }
  r.level_prefix_exceptions = words(j.at("level_prefix_exceptions"), "/level_prefix_exceptions");
  r.province_level_cities = words(j.at("province_level_cities"), "/province_level_cities");
  const auto& reg = j.at("regulation");
  r.min_articles = reg.at("min_articles").get<std::size_t>();
  r.ordinal = word(reg.at("ordinal"), "/regulation/ordinal");
  r.article = word(reg.at("article"), "/regulation/article");
  r.first_article = word(reg.at("first_article"), "/regulation/first_article");
  r.question_labels =
      strings(j.at("document_kinds").at("question_labels"), "/document_kinds/question_labels");
  r.answer_labels =
      strings(j.at("document_kinds").at("answer_labels"), "/document_kinds/answer_labels");
  r.notice_endings =
      words(j.at("document_kinds").at("notice_endings"), "/document_kinds/notice_endings");
  r.article_measure_titles = words(reg.at("measure_titles"), "/regulation/measure_titles");
  r.article_rule_titles = words(reg.at("rule_titles"), "/regulation/rule_titles");
  r.article_provisions = words(reg.at("provisions"), "/regulation/provisions");
  r.chapter = strings(reg.at("chapter"), "/regulation/chapter");
  const auto& national = j.at("national");
  r.national_name = word(national.at("name"), "/national/name");
  r.party_prefix = word(national.at("party_prefix"), "/national/party_prefix");
  r.national_prefixes = strings(national.at("prefixes"), "/national/prefixes");
  r.national_body_endings = strings(national.at("body_endings"), "/national/body_endings");
  r.place_suffixes = leveled(j.at("place_suffixes").at("suffixes"), "/place_suffixes/suffixes");
  r.max_place_characters = j.at("place_suffixes").at("max_place_characters").get<std::size_t>();
  r.max_autonomous_place_characters =
      j.at("place_suffixes").at("max_autonomous_place_characters").get<std::size_t>();
  r.unit_prefixes = leveled(j.at("unit_prefixes").at("prefixes"), "/unit_prefixes/prefixes");
  r.national_unit_prefix = word(j.at("unit_prefixes").at("national"), "/unit_prefixes/national");
  r.notice_title_about = word(j.at("notice_title_about"), "/notice_title_about");
  r.issuing_notice_words = words(j.at("issuing_notice_words"), "/issuing_notice_words");
  r.title_history_words = strings(j.at("title_history_words"), "/title_history_words");
  const auto& closing = j.at("closing_block");
  r.closing_copied_to = word(closing.at("copied_to"), "/closing_block/copied_to");
  r.closing_printed = word(closing.at("printed"), "/closing_block/printed");
  r.closing_note_open = word(closing.at("note_open"), "/closing_block/note_open");
  r.closing_note_max_chars = closing.at("note_max_chars").get<std::size_t>();
  r.empty_cells = strings(j.at("empty_cells"), "/empty_cells");
  r.ditto_cells = strings(j.at("ditto_cells"), "/ditto_cells");
  r.plan_title_words = words(j.at("plan_title_words"), "/plan_title_words");
  r.title_words = words(j.at("title_words"), "/title_words");
  r.issuer_injections = strings(j.at("issuer_injections"), "/issuer_injections");
  r.source_labels = strings(j.at("source_issuer").at("labels"), "/source_issuer/labels");
  r.source_site_suffixes = strings(j.at("source_issuer").at("site_suffixes"), "/source_issuer/site_suffixes");
  r.source_max_chars = j.at("source_issuer").at("max_chars").get<std::size_t>();
  r.speaker_before = strings(j.at("speaker_issuer").at("before"), "/speaker_issuer/before");
  r.speaker_after = strings(j.at("speaker_issuer").at("after"), "/speaker_issuer/after");
  r.notice_title_endings = words(j.at("notice_title_endings"), "/notice_title_endings");
  r.draft_markers = words(j.at("draft_markers"), "/draft_markers");
  r.page_tail_lines = strings(j.at("page_tail").at("lines"), "/page_tail/lines");
  r.procedure_labels = strings(j.at("procedure_labels").at("labels"), "/procedure_labels/labels");
  const auto& conditions = j.at("condition_list");
  r.condition_verbs = strings(conditions.at("verbs"), "/condition_list/verbs");
  r.condition_lists = strings(conditions.at("lists"), "/condition_list/lists");
  r.condition_nouns = strings(conditions.at("nouns"), "/condition_list/nouns");
  r.condition_situations = strings(conditions.at("situations"), "/condition_list/situations");
  r.condition_max_gap = conditions.at("max_gap").get<std::size_t>();
  const auto& contents = j.at("contents");
  r.contents_titles = strings(contents.at("titles"), "/contents/titles");
  r.contents_leaders = strings(contents.at("leaders"), "/contents/leaders");
  r.contents_min_leaders = contents.at("min_leaders").get<std::size_t>();
  const auto& resp = j.at("responsibility");
  r.clause_prefixes = words(resp.at("clause_prefixes"), "/responsibility/clause_prefixes");
  r.lead_labels = longest_first(strings(resp.at("lead_labels"), "/responsibility/lead_labels"));
  r.support_labels = longest_first(strings(resp.at("support_labels"), "/responsibility/support_labels"));
  r.responsible_labels = longest_first(strings(resp.at("responsible_labels"), "/responsibility/responsible_labels"));
  r.lead_markers = longest_first(strings(resp.at("lead_markers"), "/responsibility/lead_markers"));
  r.support_suffixes = longest_first(strings(resp.at("support_suffixes"), "/responsibility/support_suffixes"));
  r.group_suffixes = longest_first(strings(resp.at("group_suffixes"), "/responsibility/group_suffixes"));
  r.accompany_words = words(resp.at("accompany_words"), "/responsibility/accompany_words");
  r.name_conjunctions = longest_first(strings(resp.at("name_conjunctions"), "/responsibility/name_conjunctions"));
  r.not_agency_markers = words(resp.at("not_agency_markers"), "/responsibility/not_agency_markers");
  r.clause_words = words(resp.at("clause_words"), "/responsibility/clause_words");
  auto markers = r.clause_words.words;
  markers.insert(markers.end(), r.clause_prefixes.begin(), r.clause_prefixes.end());
  r.clause_markers = word_list(std::move(markers));
  std::vector<std::string> joins;
  for (const auto& entry : r.name_conjunctions) {
    const auto bar = entry.find('|');
    r.conjunctions.push_back({entry.substr(0, bar), bar == std::string::npos ? std::string() : entry.substr(bar + 1)});
    joins.push_back(r.conjunctions.back().joins);
    if (joins.back().empty()) {
      throw schema_error(error_location::file("outline.json"),
                         "/responsibility/name_conjunctions: an entry joins with no word");
    }
  }
  r.conjunction_matcher = plancmp::detail::aho_corasick(joins);
  const auto& dl = j.at("deadline");
  r.deadline_ongoing = words(dl.at("ongoing"), "/deadline/ongoing");
  r.deadline_recurring = words(dl.at("recurring"), "/deadline/recurring");
  r.deadline_markers = words(dl.at("markers"), "/deadline/markers");
  r.closing_lead_in = strings(dl.at("closing").at("lead_in"), "/deadline/closing/lead_in");
  r.closing_within = strings(dl.at("closing").at("within"), "/deadline/closing/within");
  r.closing_then = strings(dl.at("closing").at("then"), "/deadline/closing/then");
  r.deadline_prose_marker = word(dl.at("prose_marker"), "/deadline/prose_marker");
  r.deadline_openers = strings(dl.at("opening"), "/deadline/opening");
  r.schedule_after = strings(dl.at("schedule").at("after"), "/deadline/schedule/after");
  r.schedule_range = strings(dl.at("schedule").at("range"), "/deadline/schedule/range");
  for (const auto& group : j.at("first_listed_leads")) {
    r.first_listed_leads.push_back(strings(group, "/first_listed_leads"));
    if (r.first_listed_leads.back().empty()) {
      throw schema_error(error_location::file("outline.json"),
                         "/first_listed_leads: a group holds no words");
    }
  }
  r.agency_endings = words(j.at("agency_endings"), "/agency_endings");
  r.collective_markers = words(j.at("collective_markers"), "/collective_markers");
  r.table_header_words = words(j.at("table_header_words"), "/table_header_words");
  const auto& task = j.at("task_table_columns");
  r.task_columns = words(task.at("task"), "/task_table_columns/task");
  r.lead_columns = words(task.at("lead"), "/task_table_columns/lead");
  r.support_columns = words(task.at("support"), "/task_table_columns/support");
  r.deadline_columns = words(task.at("deadline"), "/task_table_columns/deadline");
  return r;
}

}  // namespace

const outline_rules& rules() {
  static const outline_rules r = load();
  return r;
}

bool announces_conditions(std::string_view t) {
  const auto& r = rules();
  std::size_t at = std::string_view::npos;
  std::size_t length = 0;
  for (const auto& w : r.condition_lists) {
    const auto p = rfind(t, w);
    if (p != std::string_view::npos && (at == std::string_view::npos || p > at)) {
      at = p;
      length = w.size();
    }
  }
  if (at == std::string_view::npos) return false;
  const auto before = t.substr(0, at);
  if (std::none_of(r.condition_verbs.begin(), r.condition_verbs.end(),
                   [&](const std::string& v) { return before.ends_with(v); }))
    return false;
  const auto after = t.substr(at + length);
  return std::any_of(r.condition_nouns.begin(), r.condition_nouns.end(), [&](const std::string& noun) {
    const auto p = find(after, noun);
    if (p == std::string_view::npos) return false;
    const auto gap = after.substr(0, p);
    return char_count(gap) <= r.condition_max_gap &&
           std::none_of(gap.begin(), gap.end(), [](char c) { return c == ',' || c == ';' || c == ':'; }) &&
           find(gap, "。") == std::string_view::npos && find(gap, "、") == std::string_view::npos;
  });
}

}  // namespace plancmp::inline v0::parse::detail
