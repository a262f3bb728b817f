// SPDX-License-Identifier: MIT
#include <plancmp/parse/heading.hpp>

#include "rules.hpp"

#include <array>

namespace plancmp::inline v0::parse {
namespace {

using detail::sequence_length;

// Characters that, right after digits, make them a quantity or a date rather than an
// item number whose dot was lost (13个, 2025年, 50%, 12315热线 is caught by the digit cap).
constexpr std::array<std::string_view, 30> quantity_followers = {
    "年", "月", "日", "个", "家", "件", "项", "万", "亿", "元", "号", "名", "人", "次", "余",
    "多", "届", "期", "批", "类", "种", "条", "所", "天", "周", "倍", "户", "位", "平", "公"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads up to `max_digits` ASCII digits at s[i...]; returns count.
std::size_t read_digits(std::string_view s, std::size_t i, std::size_t max_digits, int& value) {
  std::size_t n = 0;
  value = 0;
  while (i + n < s.size() && is_digit(s[i + n]) && n < max_digits + 1) {
    value = value * 10 + (s[i + n] - '0');
    ++n;
  }
  return n <= max_digits ? n : 0;
}

// Reads a Chinese numeral at s[i...]; returns its byte length (0 if none).
std::size_t read_chinese_numeral(std::string_view s, std::size_t i, int& value) {
  static constexpr std::string_view digits = chinese_numeral_characters;
  std::size_t j = i;
  while (j + 3 <= s.size() && digits.find(s.substr(j, 3)) != std::string_view::npos &&
         digits.find(s.substr(j, 3)) % 3 == 0 && j - i < 3 * 5) {
    j += 3;
  }
  if (j == i) return 0;
  const auto v = chinese_numeral_value(s.substr(i, j - i));
  if (!v) return 0;
  value = *v;
  return j - i;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  return i;
}

}  // namespace

int rank(numbering n) noexcept {
  switch (n) {
    case numbering::part:
      return -3;
    case numbering::chapter:
      return -2;
    case numbering::chapter_section:
      return -1;
    case numbering::chinese_comma: return 0;
    case numbering::chinese_paren: return 1;
    case numbering::arabic_dot:
    case numbering::arabic_bare: return 2;
    case numbering::arabic_paren:
    case numbering::circled: return 3;
    case numbering::box:
    case numbering::annex:
      return outside_outline;
  }
  return outside_outline;
}

std::optional<int> chinese_numeral_value(std::string_view numeral) {
  if (numeral.empty() || numeral.size() % 3 != 0) return std::nullopt;
  static constexpr std::array<std::string_view, 10> units = {"零", "一", "二", "三", "四",
                                                             "五", "六", "七", "八", "九"};
  int total = 0;
  int pending = -1;  // digit waiting for a multiplier
  bool any = false;
  for (std::size_t i = 0; i < numeral.size(); i += 3) {
    const auto ch = numeral.substr(i, 3);
    int digit = -1;
    for (int d = 0; d < 10; ++d) {
      if (ch == units[static_cast<std::size_t>(d)]) digit = d;
    }
    if (ch == "〇") digit = 0;
    if (ch == "两") digit = 2;
    if (digit >= 0) {
      if (pending >= 0 && pending != 0) return std::nullopt;  // 二三 is not a number
      pending = digit;
      any = true;
    } else if (ch == "十") {
      total += (pending < 0 ? 1 : pending) * 10;
      pending = -1;
      any = true;
    } else if (ch == "百" || ch == "千") {
      // 三百, 两千; 百 and 千 alone as the whole of a round number (千家企业), not 十百.
      if (pending == 0 || (pending < 0 && total != 0)) return std::nullopt;
      total += (pending < 0 ? 1 : pending) * (ch == "百" ? 100 : 1000);
      pending = -1;
      any = true;
    } else {
      return std::nullopt;
    }
  }
  if (!any) return std::nullopt;
  if (pending > 0) total += pending;
  if (total == 0) return std::nullopt;
  return total;
}

std::optional<heading> recognize_heading(std::string_view line) {
  const std::size_t start = skip_spaces(line, 0);
  if (start >= line.size()) return std::nullopt;
  const std::string_view s = line.substr(start);
  heading h;
  h.marker_begin = start;
  auto done = [&](numbering style, int number, std::string label, std::size_t marker_len) {
    h.style = style;
    h.number = number;
    h.label = std::move(label);
    h.text_begin = skip_spaces(line, start + marker_len);
    return h;
  };

  // 专栏1 / 专栏一
  if (s.starts_with("专栏")) {
    std::size_t i = skip_spaces(s, 6);
    int v = 0;
    std::size_t n = read_digits(s, i, 3, v);
    if (n == 0) n = read_chinese_numeral(s, i, v);
    if (n > 0) {
      std::size_t end = i + n;
      if (end < s.size() && (s[end] == ':' || s[end] == '.')) ++end;
      return done(numbering::box, v, "专栏" + std::to_string(v), end);
    }
    return std::nullopt;
  }
  // 附件 / 附件1 / 附件:1.…
  if (s.starts_with("附件")) {
    std::size_t i = skip_spaces(s, 6);
    int v = 0;
    std::size_t n = read_digits(s, i, 3, v);
    if (n == 0) n = read_chinese_numeral(s, i, v);
    if (n > 0) return done(numbering::annex, v, "附件" + std::to_string(v), i + n);
    if (i >= s.size()) return done(numbering::annex, 0, "附件", i);
    if (s[i] == ':') return done(numbering::annex, 0, "附件", i + 1);
    return std::nullopt;
  }
  // 第一篇 / 第一部分 / 第三章 / 第二节 (digits too: 第3章): the outer levels of long plans,
  // a title after them on the line, if anything (no sentence: 第一章规定的… is prose).
  if (s.starts_with("第")) {
    constexpr std::size_t ordinal = std::string_view("第").size();
    int v = 0;
    std::size_t n = read_chinese_numeral(s, ordinal, v);
    if (n == 0) n = read_digits(s, ordinal, 2, v);
    if (n == 0 || v == 0) return std::nullopt;
    static constexpr std::pair<std::string_view, numbering> units[] = {
        {"篇", numbering::part},
        {"部分", numbering::part},
        {"章", numbering::chapter},
        {"节", numbering::chapter_section}};
    constexpr std::size_t max_title = 40;  // characters of a chapter's title
    for (const auto& [unit, style] : units) {
      if (!s.substr(ordinal + n).starts_with(unit)) continue;
      const std::size_t end = ordinal + n + unit.size();
      const std::string_view title = s.substr(skip_spaces(s, end));
      if (text::detail::count_code_points(title) > max_title ||
          title.find("。") != std::string_view::npos || title.find(';') != std::string_view::npos ||
          title.find(',') != std::string_view::npos || title.find("，") != std::string_view::npos) {
        return std::nullopt;
      }
      return done(style, v, std::string(s.substr(0, end)), end);
    }
    return std::nullopt;
  }
  // (一) / (1)
  if (s[0] == '(') {
    int v = 0;
    std::size_t n = read_chinese_numeral(s, 1, v);
    if (n > 0 && 1 + n < s.size() && s[1 + n] == ')') {
      return done(numbering::chinese_paren, v, "(" + std::string(s.substr(1, n)) + ")", n + 2);
    }
    n = read_digits(s, 1, 3, v);
    if (n > 0 && 1 + n < s.size() && s[1 + n] == ')' && v > 0) {
      return done(numbering::arabic_paren, v, "(" + std::to_string(v) + ")", n + 2);
    }
    return std::nullopt;
  }
  // ① … ⑳ (U+2460–U+2473: E2 91 A0 – E2 91 B3)
  if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 &&
      static_cast<unsigned char>(s[1]) == 0x91) {
    const int c = static_cast<unsigned char>(s[2]);
    if (c >= 0xA0 && c <= 0xB3) {
      const int v = c - 0xA0 + 1;
      return done(numbering::circled, v, "(" + std::to_string(v) + ")", 3);
    }
    return std::nullopt;
  }
  // 一、
  {
    int v = 0;
    const std::size_t n = read_chinese_numeral(s, 0, v);
    if (n > 0) {
      if (s.substr(n).starts_with("、")) {
        return done(numbering::chinese_comma, v, std::string(s.substr(0, n)), n + 3);
      }
      // 一. (一． before normalization), as some pages print the section number.
      if (s.substr(n).starts_with(".") && !(n + 1 < s.size() && is_digit(s[n + 1]))) {
        return done(numbering::chinese_comma, v, std::string(s.substr(0, n)), n + 1);
      }
      return std::nullopt;
    }
  }
  // 1. / 1、 / 13加快… (dot lost)
  if (is_digit(s[0])) {
    int v = 0;
    const std::size_t n = read_digits(s, 0, 3, v);
    if (n == 0 || v == 0) return std::nullopt;
    const std::string_view rest = s.substr(n);
    if (rest.starts_with(".")) {
      if (rest.size() > 1 && is_digit(rest[1])) return std::nullopt;  // 0.56, 3.85
      return done(numbering::arabic_dot, v, std::to_string(v), n + 1);
    }
    if (rest.starts_with("、")) return done(numbering::arabic_dot, v, std::to_string(v), n + 3);
    // 1) (1） before normalization): a sub-item, as (1) is.
    if (rest.starts_with(")")) return done(numbering::arabic_paren, v, "(" + std::to_string(v) + ")", n + 1);
    if (rest.size() >= 3 && static_cast<unsigned char>(rest[0]) >= 0xE3 &&
        sequence_length(static_cast<unsigned char>(rest[0])) == 3) {
      const auto next = rest.substr(0, 3);
      for (const auto q : quantity_followers) {
        if (next == q) return std::nullopt;
      }
      // A Han character right after the number: 13加快推进…
      return done(numbering::arabic_bare, v, std::to_string(v), n);
    }
  }
  return std::nullopt;
}

}  // namespace plancmp::inline v0::parse
