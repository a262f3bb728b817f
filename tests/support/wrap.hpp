// SPDX-License-Identifier: MIT
// Hard-wraps text as a page sets it (a PDF's text layer, text copied out of a layout): each
// paragraph (line of the input) broken at `width` half-em units (a Han character 2, an
// ASCII character 1), closing punctuation never starting a line, a Latin word or a number
// never broken. For the tests of text::read_options::unwrap.
#pragma once

#include <plancmp/text/detail/utf8.hpp>

#include <string>
#include <string_view>

namespace plancmp::test {

inline std::string hard_wrap(std::string_view text, std::size_t width) {
  static constexpr std::string_view closing[] = {"，", "。", "、", "；", "：", "？", "！", "）", "》",
                                                 "”",  "’",  ",",  ".",  ";",  ":",  "?",  "!",  ")"};
  std::string out;
  std::size_t used = 0;
  bool line_has_text = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = text::detail::sequence_length(static_cast<unsigned char>(text[i]));
    const std::string_view c = text.substr(i, n);
    if (c == "\n" || c == "\r") {
      out += c;
      used = 0, line_has_text = false;
      i += n;
      continue;
    }
    // A Latin word or a number is set whole, as typesetters keep it (12EFLOPS, 2025).
    const auto alnum = [](char ch) {
      return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    };
    std::size_t m = n;
    if (n == 1 && alnum(c[0])) {
      while (i + m < text.size() && alnum(text[i + m])) ++m;
    }
    const std::string_view unit = text.substr(i, m);
    const std::size_t w = n == 1 ? m : 2;
    bool closes = false;
    for (const auto p : closing) closes = closes || unit == p;
    if (used + w > width && line_has_text && !closes) {
      out += '\n';
      used = 0;
    }
    out += unit;
    used += w, line_has_text = true;
    i += m;
  }
  return out;
}

}  // namespace plancmp::test
