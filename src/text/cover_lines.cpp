// SPDX-License-Identifier: MIT
#include <plancmp/text/detail/cover_lines.hpp>

#include <plancmp/text/detail/utf8.hpp>

namespace plancmp::inline v0::text::detail {

std::optional<printed_date> date_line(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.size() > 24) return std::nullopt;
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (i < s.size() && count < 3) {
    while (i < s.size() && s[i] == ' ') ++i;  // 2026年 4月 20 日, as typeset signatures print it
    if (i == s.size() || !(s[i] >= '0' && s[i] <= '9')) return std::nullopt;
    int v = 0;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 5)
      v = v * 10 + (s[i++] - '0'), ++digits;
    parts[count++] = v;
    if (const auto k = s.find_first_not_of(' ', i);
        k != i && k != std::string_view::npos && !(s[k] >= '0' && s[k] <= '9')) {
      i = k;
    }
    const auto rest = s.substr(i);
    if (rest.starts_with("年") || rest.starts_with("月") || rest.starts_with("日"))
      i += 3;
    else if (rest.starts_with("-") || rest.starts_with(".") || rest.starts_with("/"))
      i += 1;
    else if (!rest.empty())
      return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  if (count < 2 || parts[0] < 1949 || parts[0] > 2200 || parts[1] < 1 || parts[1] > 12)
    return std::nullopt;
  if (parts[2] < 0 || parts[2] > 31) return std::nullopt;
  return printed_date{parts[0], parts[1], parts[2]};
}

std::optional<doc_number_match> find_doc_number(std::string_view s) noexcept {
  for (std::size_t pos = find(s, "号"); pos != std::string_view::npos; pos = find(s, "号", pos + 3)) {
    std::size_t i = pos;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') --i;
    if (i == pos) continue;
    const std::size_t serial_begin = i;
    std::size_t year_end = i;
    for (std::string_view closer : {"〕", "]", ")", "】", "﹞"}) {
      if (s.substr(0, i).ends_with(closer)) {
        year_end = i - closer.size();
        break;
      }
    }
    std::size_t y = year_end;
    while (y > 0 && s[y - 1] >= '0' && s[y - 1] <= '9' && year_end - y < 4) --y;
    if (year_end - y != 4) continue;
    std::size_t prefix_end = y;
    for (std::string_view opener : {"〔", "[", "(", "【", "﹝"}) {
      if (s.substr(0, y).ends_with(opener)) {
        prefix_end = y - opener.size();
        break;
      }
    }
    if (year_end == serial_begin && prefix_end == y) continue;  // no bracket at all: not a 文号
    std::size_t b = prefix_end;
    while (b >= 3 && static_cast<unsigned char>(s[b - 3]) >= 0xE4 &&
           static_cast<unsigned char>(s[b - 3]) <= 0xE9 && prefix_end - b < 3 * 10) {
      b -= 3;
    }
    if (prefix_end - b < 6) continue;
    return doc_number_match{b, pos + 3, prefix_end, y, year_end, serial_begin};
  }
  return std::nullopt;
}

}  // namespace plancmp::inline v0::text::detail
