// SPDX-License-Identifier: MIT
// UTF-8 stepping, validation and encoding shared by every layer (internal: namespace
// detail, no stability promise). One strict decoder, so that the text layer, the model's
// writers and the parser agree on what well-formed UTF-8 is.
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

namespace plancmp::inline v0::text::detail {

/// Returned by `next_code_point` for an ill-formed sequence.
inline constexpr char32_t invalid_code_point = 0xFFFFFFFF;

/// Whether `c` is a continuation byte (10xxxxxx) of a multi-byte UTF-8 sequence.
[[nodiscard]] constexpr bool is_continuation(unsigned char c) noexcept { return (c & 0xC0U) == 0x80U; }

/// Byte length of the UTF-8 sequence that starts with `lead` (1 for stray bytes).
[[nodiscard]] constexpr std::size_t sequence_length(unsigned char lead) noexcept {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/// Decodes the code point at `text[pos]` and advances `pos` past it. An ill-formed
/// sequence (stray continuation byte, overlong form, surrogate, beyond U+10FFFF,
/// truncated) yields `invalid_code_point` and advances by one byte, so that scanning never
/// stalls, never reads past the end, and a caller can report the offending byte's offset.
/// Precondition: pos < text.size().
[[nodiscard]] inline char32_t next_code_point(std::string_view text, std::size_t& pos) noexcept {
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
    if (next_code_point(text, pos) == invalid_code_point) return at;
  }
  return std::string_view::npos;
}

/// Whether `text` is well-formed UTF-8.
[[nodiscard]] inline bool is_valid_utf8(std::string_view text) noexcept {
  return first_invalid_utf8(text) == std::string_view::npos;
}

/// Number of code points (lead bytes) in valid UTF-8.
[[nodiscard]] inline std::size_t count_code_points(std::string_view text) noexcept {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

/// Writes the UTF-8 encoding of `c` (a valid scalar value) at `out`; returns the end.
inline char* put_utf8(char* out, char32_t c) noexcept {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

/// Appends the UTF-8 encoding of `c` (a valid scalar value) to a string.
template <typename String>
void append_utf8(String& out, char32_t c) {
  char buffer[4];
  out.append(buffer, static_cast<std::size_t>(put_utf8(buffer, c) - buffer));
}

/// `text.find(needle, pos)`, faster on Chinese text: it looks for one byte of the needle
/// with memchr and compares the whole needle only there. string_view::find looks for the
/// first byte, and in Chinese text the first byte of a character (E4–E9 for most) starts a
/// third of all bytes. This takes the last continuation byte of the needle that is not
/// 80–82 (the bytes of 、 and 。, common everywhere); one of the 64 continuation bytes
/// rarely matches. Needles without one (ASCII) use their last byte.
[[nodiscard]] inline std::size_t find(std::string_view text, std::string_view needle,
                                      std::size_t pos = 0) noexcept {
  const std::size_t n = needle.size();
  if (pos > text.size()) return std::string_view::npos;
  if (n == 0) return pos;
  if (text.size() - pos < n) return std::string_view::npos;
  std::size_t anchor = n - 1;
  for (std::size_t i = n; i-- > 0;) {
    const auto b = static_cast<unsigned char>(needle[i]);
    if (b >= 0x83 && b <= 0xBF) {
      anchor = i;
      break;
    }
  }
  const char key = needle[anchor];
  const char* const first = text.data() + pos + anchor;         // anchor of the first candidate
  const char* const last = text.data() + text.size() - (n - anchor);  // anchor of the last one
  for (const char* p = first; p <= last; ++p) {
    p = static_cast<const char*>(std::memchr(p, key, static_cast<std::size_t>(last - p) + 1));
    if (p == nullptr) return std::string_view::npos;
    const char* const start = p - anchor;
    if (std::memcmp(start, needle.data(), n) == 0) return static_cast<std::size_t>(start - text.data());
  }
  return std::string_view::npos;
}

/// `text.rfind(needle, pos)`: the last match starting at or before `pos`. string_view::rfind
/// calls memcmp at every byte it steps back over; this looks for the anchor byte `find`
/// uses, backwards with memrchr, and compares the whole needle only there.
[[nodiscard]] inline std::size_t rfind(std::string_view text, std::string_view needle,
                                       std::size_t pos = std::string_view::npos) noexcept {
  const std::size_t n = needle.size();
  if (n > text.size()) return std::string_view::npos;
  const std::size_t last_start = pos < text.size() - n ? pos : text.size() - n;
  if (n == 0) return last_start;
  std::size_t anchor = n - 1;
  for (std::size_t i = n; i-- > 0;) {
    const auto b = static_cast<unsigned char>(needle[i]);
    if (b >= 0x83 && b <= 0xBF) {
      anchor = i;
      break;
    }
  }
  const char key = needle[anchor];
  // Anchors of candidates lie in [anchor, last_start + anchor]; step back from one hit of
  // the key byte to the next (memrchr where the C library has it, a byte loop otherwise).
  const char* const lowest = text.data() + anchor;
  for (std::size_t length = last_start + 1; length > 0;) {
#if defined(__GLIBC__)
    const auto* hit = static_cast<const char*>(memrchr(lowest, key, length));
#else
    const char* hit = nullptr;
    for (std::size_t i = length; i-- > 0;) {
      if (lowest[i] == key) {
        hit = lowest + i;
        break;
      }
    }
#endif
    if (hit == nullptr) return std::string_view::npos;
    const auto start = static_cast<std::size_t>(hit - lowest);
    if (std::memcmp(text.data() + start, needle.data(), n) == 0) return start;
    length = start;
  }
  return std::string_view::npos;
}

}  // namespace plancmp::inline v0::text::detail
