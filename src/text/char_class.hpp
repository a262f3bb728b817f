// SPDX-License-Identifier: MIT
// Private to src/text: UTF-8 stepping and the character classes shared by the noise
// classifier and the tokenizers. Not installed.
#pragma once

#include <cstddef>
#include <string_view>

namespace plancmp::inline v0::text::detail {

/// Decodes the code point at `i` and advances `i` past it. Malformed or truncated
/// sequences decode as U+FFFD and advance one byte, so scanning never stalls and never
/// reads past the end. Overlong forms and surrogates count as malformed.
inline char32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (const int c1 = cont(1); c1 >= 0) {
      i += 2;
      return static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    const int c1 = cont(1);
    const int c2 = c1 >= 0 ? cont(2) : -1;
    if (c2 >= 0) {
      const auto cp = static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        i += 3;
        return cp;
      }
    }
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    const int c1 = cont(1);
    const int c2 = c1 >= 0 ? cont(2) : -1;
    const int c3 = c2 >= 0 ? cont(3) : -1;
    if (c3 >= 0) {
      const auto cp = static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
      if (cp >= 0x10000 && cp <= 0x10FFFF) {
        i += 4;
        return cp;
      }
    }
  }
  ++i;
  return 0xFFFD;
}

/// Whether `s` is well-formed UTF-8.
inline bool is_valid_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (next_code_point(s, i) == 0xFFFD && !(i - at == 3 && s.substr(at, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

/// Number of code points (lead bytes) in valid UTF-8.
inline std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// White space as it occurs in scraped pages: ASCII blanks and controls, NBSP, the
/// ideographic space, the Unicode space separators, zero-width spaces and the BOM.
constexpr bool is_space(char32_t c) noexcept {
  return c <= 0x20 || c == 0x7F || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200D) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

/// Punctuation and symbols that end a word: ASCII punctuation, Latin-1 punctuation and
/// signs, General Punctuation (“”‘’…—–‖), CJK Symbols and Punctuation (、。〃《》「」『』
/// 【】〔〕〖〗〜〝〞), vertical and small form variants, the full-width punctuation of
/// U+FF00–U+FFEF (when text was not normalized), the middle dots, arrows and the
/// replacement character. Letters, digits, ideographs, circled numbers and units are not
/// punctuation.
constexpr bool is_punctuation(char32_t c) noexcept {
  if (c < 0x80) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
  }
  if (c < 0x2000) {
    return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 &&
            c != 0xBA && c != 0xBC && c != 0xBD && c != 0xBE) ||
           c == 0xD7 || c == 0xF7;
  }
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||  // General Punctuation
         (c >= 0x2190 && c <= 0x21FF) ||                                  // arrows
         (c >= 0x3001 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) ||  // CJK punctuation
         c == 0x3030 || c == 0x303D || c == 0x30FB ||                     // 〰 〽 ・
         (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6B) ||  // vertical, small forms
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||  // full-width ASCII punct.
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || (c >= 0xFFE0 && c <= 0xFFEE) ||
         c == 0xFFFD;
}

/// Characters at which n-grams and words break: white space or punctuation.
constexpr bool is_separator(char32_t c) noexcept { return is_space(c) || is_punctuation(c); }

}  // namespace plancmp::inline v0::text::detail
