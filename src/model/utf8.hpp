// SPDX-License-Identifier: MIT
// Strict UTF-8 decoding for the model's writers: JSON output must hold only well-formed
// UTF-8 (nlohmann's reader rejects anything else, so anything else would not read back),
// and XML / DOT output must replace what is not.
#pragma once

#include <cstddef>
#include <string_view>

namespace plancmp::inline v0::detail {

/// Marks an ill-formed sequence in `decode_utf8`'s result.
inline constexpr char32_t invalid_code_point = 0xFFFFFFFF;

/// Decodes the code point at `text[pos]` and advances `pos` past it. An ill-formed
/// sequence (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
/// truncated) yields `invalid_code_point` and advances by one byte, so that a caller can
/// resynchronize and report the offending byte's offset. Precondition: pos < size.
[[nodiscard]] inline char32_t decode_utf8(std::string_view text, std::size_t& pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1Fu, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0Fu, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07u, minimum = 0x10000;
  } else {
    ++pos;
    return invalid_code_point;
  }
  if (pos + length > text.size()) {
    ++pos;
    return invalid_code_point;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0u) != 0x80u) {
      ++pos;
      return invalid_code_point;
    }
    value = (value << 6) | (next & 0x3Fu);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    ++pos;
    return invalid_code_point;
  }
  pos += length;
  return value;
}

/// Offset of the first byte of `text` that is not part of well-formed UTF-8, or npos.
[[nodiscard]] inline std::size_t first_invalid_utf8(std::string_view text) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t at = pos;
    if (decode_utf8(text, pos) == invalid_code_point) return at;
  }
  return std::string_view::npos;
}

/// Appends the UTF-8 encoding of `c` (a valid scalar value) to `out`.
template <typename String>
void append_utf8(String& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace plancmp::inline v0::detail
