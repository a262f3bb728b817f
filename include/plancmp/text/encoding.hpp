// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/text/offset_map.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0::text {

/// Character encodings the text layer reads.
enum class encoding {
  utf8,      ///< UTF-8 without byte-order mark
  utf8_bom,  ///< UTF-8 with a leading EF BB BF
  gb18030,   ///< GB18030, which includes GBK and GB2312
  utf16le,   ///< UTF-16 little endian (with BOM, or detected from NUL bytes)
  utf16be,   ///< UTF-16 big endian (with BOM, or detected from NUL bytes)
};

/// "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be".
[[nodiscard]] std::string_view to_string(encoding e) noexcept;
/// Parses the names above and common aliases (utf8, gbk, gb2312, …); nullopt if unknown.
[[nodiscard]] std::optional<encoding> parse_encoding(std::string_view name) noexcept;

/// Guesses the encoding of `bytes`: a BOM wins; then UTF-16 when NUL bytes fall on
/// alternating positions (ASCII-only UTF-16 is also valid UTF-8, so this comes first);
/// then UTF-8, also when only a few bytes are damaged or the last character is cut
/// off, so that decoding names the bad byte instead of producing GB18030 mojibake;
/// otherwise GB18030. See docs/text-input.md.
[[nodiscard]] encoding detect_encoding(std::string_view bytes) noexcept;

/// UTF-8 text decoded from a byte buffer, with its map back to the buffer.
struct decoded_text {
  std::string utf8;
  encoding source_encoding = encoding::utf8;
  offset_map offsets;  ///< utf8 offsets → original byte offsets
};

/// Decodes `bytes` (encoding detected unless `declared` is given) to UTF-8 through ICU.
/// Invalid or truncated byte sequences throw `decode_error` naming `path` and the byte
/// offset of the first bad byte — never mojibake, never replacement characters.
/// An empty buffer decodes to empty text.
[[nodiscard]] decoded_text decode(std::string_view bytes, std::string_view path = {},
                                  std::optional<encoding> declared = std::nullopt);

/// Encodes UTF-8 `text` into `target` (used by tests and by exporters that must write
/// a legacy encoding). Throws `decode_error` if `text` is not valid UTF-8.
[[nodiscard]] std::string encode(std::string_view utf8, encoding target);

}  // namespace plancmp::inline v0::text
