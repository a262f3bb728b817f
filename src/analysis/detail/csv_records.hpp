// SPDX-License-Identifier: MIT
// A small CSV reader shared by the readers of user tables (coding sheets, statistics).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plancmp::inline v0::detail {

/// RFC 4180 records: quoted fields with doubled quotes, CRLF or LF; line numbers kept.
inline std::vector<std::pair<std::uint32_t, std::vector<std::string>>> csv_records(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::pair<std::uint32_t, std::vector<std::string>>> out;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool any = false;
  std::uint32_t line = 1;
  std::uint32_t start = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        record.push_back(std::move(field));
        out.emplace_back(start, std::move(record));
      }
      record.clear();
      field.clear();
      any = false;
      start = ++line;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    record.push_back(std::move(field));
    out.emplace_back(start, std::move(record));
  }
  return out;
}


}  // namespace plancmp::inline v0::detail
