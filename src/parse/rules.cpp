// SPDX-License-Identifier: MIT
#include "rules.hpp"

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace plancmp::inline v0::parse::detail {
namespace {

std::vector<std::string> strings(const nlohmann::json& j, const char* path) {
  std::vector<std::string> out;
  if (!j.is_array()) throw schema_error({"outline.json", {}, {}, {}}, fmt::format("{} must be a list", path));
  for (const auto& x : j) out.push_back(x.get<std::string>());
  return out;
}

outline_rules load() {
  const auto j = nlohmann::json::parse(builtin_data("outline.json"));
  if (j.value("schema", "") != "plancmp.outline/1") {
    throw schema_error({"outline.json", {}, {}, {}}, "schema must be plancmp.outline/1");
  }
  outline_rules r;
  for (const auto& [kind, words] : j.at("section_kinds").items()) {
    const auto k = parse_section_kind(kind);
    if (!k) throw schema_error({"outline.json", {}, {}, {}}, fmt::format("unknown section kind '{}'", kind));
    for (const auto& w : strings(words, "/section_kinds")) r.section_kinds.emplace_back(*k, w);
  }
  r.plan_title_words = strings(j.at("plan_title_words"), "/plan_title_words");
  r.notice_title_endings = strings(j.at("notice_title_endings"), "/notice_title_endings");
  r.draft_markers = strings(j.at("draft_markers"), "/draft_markers");
  const auto& resp = j.at("responsibility");
  r.clause_prefixes = strings(resp.at("clause_prefixes"), "/responsibility/clause_prefixes");
  r.lead_markers = strings(resp.at("lead_markers"), "/responsibility/lead_markers");
  r.group_suffixes = strings(resp.at("group_suffixes"), "/responsibility/group_suffixes");
  r.support_prefixes = strings(resp.at("support_prefixes"), "/responsibility/support_prefixes");
  r.clause_words = strings(resp.at("clause_words"), "/responsibility/clause_words");
  const auto& dl = j.at("deadline");
  r.deadline_ongoing = strings(dl.at("ongoing"), "/deadline/ongoing");
  r.deadline_recurring = strings(dl.at("recurring"), "/deadline/recurring");
  r.deadline_markers = strings(dl.at("markers"), "/deadline/markers");
  for (const auto& group : j.at("first_listed_leads")) {
    r.first_listed_leads.push_back(strings(group, "/first_listed_leads"));
  }
  r.agency_endings = strings(j.at("agency_endings"), "/agency_endings");
  r.collective_markers = strings(j.at("collective_markers"), "/collective_markers");
  r.table_header_words = strings(j.at("table_header_words"), "/table_header_words");
  // Longest suffix first, so 等按职责分工负责 is stripped whole before 负责.
  std::stable_sort(r.group_suffixes.begin(), r.group_suffixes.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return r;
}

}  // namespace

const outline_rules& rules() {
  static const outline_rules r = load();
  return r;
}

}  // namespace plancmp::inline v0::parse::detail
