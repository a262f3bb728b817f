// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/text/offset_map.hpp>

#include <string>
#include <string_view>

namespace plancmp::inline v0::text {

/// Normalized text with its map back to the input.
struct normalized_text {
  std::string text;
  offset_map offsets;  ///< text offsets → input offsets
};

/// Normalizes valid UTF-8 the way plan documents need it:
/// - full-width ASCII forms U+FF01–U+FF5E (letters, digits, punctuation, brackets
///   `（）［］：；，`) become their ASCII counterparts; small form variants such as
///   `﹒` U+FE52 become `.`;
/// - NBSP U+00A0, the spaces U+2000–U+200A, U+202F, U+205F and ideographic space U+3000
///   become an ASCII space;
/// - CRLF and lone CR become LF.
/// Everything else (CJK text, `。`, `、`, `〔〕`, curly quotes) passes through.
/// One pass, no allocation per character; `offsets` is exact at every character.
[[nodiscard]] normalized_text normalize(std::string_view utf8);

}  // namespace plancmp::inline v0::text
