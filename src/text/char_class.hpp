// SPDX-License-Identifier: MIT
// Private to src/text: UTF-8 stepping and the character classes shared by the noise
// classifier and the tokenizers. Not installed.
#pragma once

#include <cstddef>
#include <string_view>

#include <plancmp/text/detail/utf8.hpp>

namespace plancmp::inline v0::text::detail {

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
         c == 0xFFFD || c == invalid_code_point;
}

/// Characters at which n-grams and words break: white space or punctuation.
constexpr bool is_separator(char32_t c) noexcept { return is_space(c) || is_punctuation(c); }

}  // namespace plancmp::inline v0::text::detail
