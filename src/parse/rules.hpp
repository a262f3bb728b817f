// SPDX-License-Identifier: MIT
// The parser's domain words, read once from data/outline.json.
#pragma once

#include <plancmp/model/outline.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plancmp::inline v0::parse::detail {

struct outline_rules {
  std::vector<std::pair<section_kind, std::string>> section_kinds;
  std::vector<std::string> plan_title_words;
  std::vector<std::string> notice_title_endings;
  std::vector<std::string> draft_markers;
  std::vector<std::string> clause_prefixes;
  std::vector<std::string> lead_markers;
  std::vector<std::string> group_suffixes;  // longest first
  std::vector<std::string> support_prefixes;
  std::vector<std::string> clause_words;
  std::vector<std::string> deadline_ongoing;
  std::vector<std::string> deadline_recurring;
  std::vector<std::string> deadline_markers;
  std::vector<std::vector<std::string>> first_listed_leads;
  std::vector<std::string> agency_endings;
  std::vector<std::string> collective_markers;
  std::vector<std::string> table_header_words;
};

/// The rules embedded from data/outline.json (parsed on first use).
const outline_rules& rules();

// ---- small UTF-8 string helpers used across the parser

inline bool contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}
inline bool contains_any(std::string_view s, const std::vector<std::string>& needles) {
  for (const auto& n : needles) {
    if (contains(s, n)) return true;
  }
  return false;
}
inline bool ends_with_any(std::string_view s, const std::vector<std::string>& endings) {
  for (const auto& e : endings) {
    if (s.ends_with(e)) return true;
  }
  return false;
}
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
