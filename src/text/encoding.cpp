// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/encoding.hpp>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text {

namespace {

using detail::next_code_point;
using detail::put_utf8;

// ------------------------------------------------------------------ UTF-8 validation

enum class utf8_status { valid, invalid, truncated };

struct utf8_check {
  utf8_status status = utf8_status::valid;
  std::size_t offset = 0;  ///< start of the first ill-formed sequence
};

struct utf8_lead {
  std::uint8_t length;      ///< 0: not a lead byte
  std::uint8_t second_low;  ///< allowed range of the second byte (Unicode Table 3-7)
  std::uint8_t second_high;
};

constexpr utf8_lead classify_lead(unsigned c) noexcept {
  if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};  // no overlong forms
  if (c == 0xED) return {3, 0x80, 0x9F};  // no surrogates
  if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};  // nothing above U+10FFFF
  return {0, 0, 0};
}

constexpr std::array<utf8_lead, 256> make_lead_table() {
  std::array<utf8_lead, 256> table{};
  for (unsigned c = 0; c < 256; ++c) table[c] = classify_lead(c);
  return table;
}
constexpr std::array<utf8_lead, 256> lead_table = make_lead_table();

using detail::is_continuation;

/// `word` as loaded from memory, read as little endian (byte 0 in the low bits).
constexpr std::uint32_t load_le32(std::uint32_t word) noexcept {
  if constexpr (std::endian::native == std::endian::little) {
    return word;
  } else {
    return (word >> 24) | ((word >> 8) & 0xFF00U) | ((word << 8) & 0xFF0000U) | (word << 24);
  }
}

/// Well-formed UTF-8 per Unicode Table 3-7, checked by hand: this is the fast path
/// for the usual input, and it must not pay for a round trip through ICU. ASCII runs
/// are skipped eight bytes at a time; the three-byte sequences of CJK text take one
/// table look-up and two masks.
utf8_check validate_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      while (i + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (word & 0x8080808080808080ULL) break;
        i += 8;
      }
      while (i < n && p[i] < 0x80) ++i;
      continue;
    }
    // Runs of CJK characters: lead E1–EC or EE–EF and two continuation bytes have no
    // further constraint, so one masked compare per character does.
    while (i + 4 <= n) {
      std::uint32_t word;
      std::memcpy(&word, p + i, 4);
      const unsigned lead_byte = p[i];
      if ((load_le32(word) & 0x00C0C0F0U) != 0x008080E0U || lead_byte == 0xE0 || lead_byte == 0xED) {
        break;
      }
      i += 3;
    }
    if (i >= n || p[i] < 0x80) continue;
    const utf8_lead lead = lead_table[p[i]];
    if (i + lead.length <= n) {
      // The whole sequence is in the buffer: the common case.
      bool ok = lead.length != 0 && p[i + 1] >= lead.second_low && p[i + 1] <= lead.second_high;
      if (ok && lead.length >= 3) ok = is_continuation(p[i + 2]);
      if (ok && lead.length == 4) ok = is_continuation(p[i + 3]);
      if (!ok) return {utf8_status::invalid, i};
      i += lead.length;
      continue;
    }
    // Near the end: a well-formed prefix cut short is "truncated", anything else invalid.
    if (lead.length == 0) return {utf8_status::invalid, i};
    if (i + 1 < n && (p[i + 1] < lead.second_low || p[i + 1] > lead.second_high)) {
      return {utf8_status::invalid, i};
    }
    if (i + 2 < n && !is_continuation(p[i + 2])) return {utf8_status::invalid, i};
    return {utf8_status::truncated, i};
  }
  return {utf8_status::valid, n};
}


/// Counts, past the first error, how UTF-8-like a buffer is: well-formed multi-byte
/// sequences versus ill-formed ones (resynchronizing one byte after each).
struct utf8_census {
  std::size_t multibyte = 0;
  std::size_t ill_formed = 0;
  bool only_truncated_at_end = false;
};

utf8_census take_utf8_census(std::string_view s, utf8_check first) noexcept {
  utf8_census census;
  if (first.status == utf8_status::truncated) {
    census.only_truncated_at_end = true;  // a truncated sequence always ends the buffer
    return census;
  }
  // A sample around the first error decides; its well-formed part starts on a character
  // boundary. (GBK text fails at its first Chinese character; damaged UTF-8 stays
  // UTF-8-like on both sides of the damage.)
  constexpr std::size_t sample = std::size_t(1) << 18;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = first.offset > sample / 2 ? first.offset - sample / 2 : 0;
  while (i < first.offset && is_continuation(p[i])) ++i;
  const std::size_t n = std::min(s.size(), i + sample);
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const utf8_lead lead = lead_table[p[i]];
    bool ok = lead.length != 0 && i + lead.length <= n && p[i + 1] >= lead.second_low &&
              p[i + 1] <= lead.second_high;
    for (std::size_t k = 2; ok && k < lead.length; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok) {
      ++census.multibyte;
      i += lead.length;
    } else {
      ++census.ill_formed;
      ++i;
    }
  }
  return census;
}

// ------------------------------------------------------------------ detection

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

struct detection {
  encoding detected = encoding::utf8;
  bool utf8_validated = false;  ///< the whole buffer is known to be well-formed UTF-8
};

std::optional<encoding> encoding_from_bom(std::string_view bytes) noexcept {
  if (bytes.starts_with(utf8_bom)) return encoding::utf8_bom;
  if (bytes.starts_with(utf16le_bom)) return encoding::utf16le;
  if (bytes.starts_with(utf16be_bom)) return encoding::utf16be;
  return std::nullopt;
}

/// UTF-16 without a BOM: text files in UTF-8 or GB18030 hold no NUL bytes, while
/// UTF-16 stores every ASCII character (digits, punctuation, line breaks) with a NUL
/// half — at odd offsets in little endian, at even offsets in big endian.
std::optional<encoding> encoding_from_nul_bytes(std::string_view bytes) noexcept {
  std::size_t even = 0;
  std::size_t odd = 0;
  const char* begin = bytes.data();
  const char* end = begin + bytes.size();
  for (const char* p = begin; p < end;) {
    const void* hit = std::memchr(p, 0, static_cast<std::size_t>(end - p));
    if (!hit) break;
    const char* nul = static_cast<const char*>(hit);
    ((nul - begin) % 2 == 0 ? even : odd) += 1;
    p = nul + 1;
  }
  const std::size_t dominant = std::max(even, odd);
  const std::size_t other = std::min(even, odd);
  // A stray NUL in a large UTF-8 file must not flip it: ask for NULs on at least one
  // character in 256 of a UTF-16 reading, and far more on one side than on the other.
  // The other side is not empty in real text: CJK code points such as 一 U+4E00 have
  // a NUL half too (about one for every 7 to 30 ASCII characters in the seed plans).
  if (dominant == 0 || dominant < bytes.size() / 512 || other * 4 > dominant) return std::nullopt;
  return odd > even ? encoding::utf16le : encoding::utf16be;
}

/// What a binary file is, from the magic number it starts with; nullopt for text.
/// Without this, an image or a program would be "decoded" as GB18030 (which accepts
/// almost any byte) and fail at some arbitrary byte with a misleading message.
std::optional<std::string_view> binary_signature(std::string_view bytes) noexcept {
  struct signature {
    std::string_view magic;
    std::string_view what;
  };
  static constexpr std::array<signature, 11> signatures{{
      {"\x89PNG\r\n\x1a\n", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF87a", "a GIF image"},
      {"GIF89a", "a GIF image"},
      {"\x7F" "ELF", "an ELF program or library"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a legacy Office file (.doc/.xls/.wps); save it as .docx or text"},
      {"PK\x03\x04", "a zip archive that is not a Word .docx document"},
      {"\x1F\x8B", "a gzip archive; unpack it first"},
      {"Rar!\x1A\x07", "a RAR archive; unpack it first"},
      {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive; unpack it first"},
      {"{\\rtf", "an RTF document; save it as .docx or text"},
  }};
  for (const auto& sig : signatures) {
    if (bytes.starts_with(sig.magic)) return sig.what;
  }
  return std::nullopt;
}

detection detect(std::string_view bytes) noexcept {
  if (auto bom = encoding_from_bom(bytes)) return {*bom, false};
  if (auto utf16 = encoding_from_nul_bytes(bytes)) return {*utf16, false};
  const utf8_check check = validate_utf8(bytes);
  if (check.status == utf8_status::valid) return {encoding::utf8, true};
  // UTF-8 with a few bad bytes (a damaged download, a file cut short) is still UTF-8:
  // reading it as GB18030 would produce mojibake, and the user needs the bad offset.
  // GBK text happens to contain some well-formed UTF-8 pairs, but far more ill-formed
  // bytes (about three for every pair on the seed plans).
  const utf8_census census = take_utf8_census(bytes, check);
  if (census.only_truncated_at_end || census.multibyte >= 4 * census.ill_formed) {
    return {encoding::utf8, false};
  }
  return {encoding::gb18030, false};
}

// ------------------------------------------------------------------ errors

std::string_view display_name(encoding e) noexcept {
  switch (e) {
    case encoding::utf8:
    case encoding::utf8_bom:
      return "UTF-8";
    case encoding::gb18030:
      return "GB18030";
    case encoding::utf16le:
      return "UTF-16LE";
    case encoding::utf16be:
      return "UTF-16BE";
  }
  return "?";
}

[[noreturn]] void throw_decode_error(std::string_view path, std::size_t offset, encoding e,
                                     bool truncated, bool declared) {
  const std::string_view how = declared ? "declared" : "detected";
  std::string message =
      truncated ? fmt::format(
                      "truncated {} byte sequence at end of file; the file is cut short or not "
                      "in the {} encoding ({}) — convert it to UTF-8 or name its encoding (--encoding, read_options::declared_encoding)",
                      display_name(e), how, to_string(e))
                : fmt::format(
                      "invalid {} byte sequence; the file is not in the {} encoding ({}) — "
                      "convert it to UTF-8 or name its encoding (--encoding, read_options::declared_encoding)",
                      display_name(e), how, to_string(e));
  throw decode_error(error_location{std::string(path), offset, std::nullopt, std::nullopt}, message);
}

// ------------------------------------------------------------------ UTF-8 path

decoded_text decode_utf8(std::string_view bytes, std::string_view path, bool declared, bool validated) {
  const std::size_t skip = bytes.starts_with(utf8_bom) ? utf8_bom.size() : 0;
  const std::string_view body = bytes.substr(skip);
  const encoding e = skip ? encoding::utf8_bom : encoding::utf8;
  if (!validated) {
    const utf8_check check = validate_utf8(body);
    if (check.status != utf8_status::valid) {
      throw_decode_error(path, skip + check.offset, e, check.status == utf8_status::truncated,
                         declared);
    }
  }
  decoded_text out;
  out.utf8.assign(body);
  out.source_encoding = e;
  out.offsets.add(0, skip);
  out.offsets.finish(body.size(), bytes.size());
  return out;
}

// ------------------------------------------------------------------ ICU path

using converter_ptr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

const char* icu_name(encoding e) noexcept {
  switch (e) {
    case encoding::gb18030:
      return "GB18030";
    case encoding::utf16le:
      return "UTF-16LE";
    case encoding::utf16be:
      return "UTF-16BE";
    default:
      return "UTF-8";
  }
}

converter_ptr open_converter(encoding e) {
  UErrorCode status = U_ZERO_ERROR;
  converter_ptr conv(ucnv_open(icu_name(e), &status), &ucnv_close);
  if (U_FAILURE(status)) {
    throw error(fmt::format("ICU cannot open the {} converter ({}); check the ICU installation",
                            icu_name(e), u_errorName(status)));
  }
  return conv;
}

constexpr bool is_lead_surrogate(char16_t u) noexcept { return (u & 0xFC00) == 0xD800; }
constexpr bool is_trail_surrogate(char16_t u) noexcept { return (u & 0xFC00) == 0xDC00; }

/// Finds where the bad sequence starts. Across chunk boundaries ICU's report of the
/// failing position is not reliable, so the few bytes from the last good character
/// on are converted again in one call, where `source - invalid length` is exact.
std::pair<std::size_t, bool> locate_bad_bytes(encoding e, std::string_view bytes, std::size_t restart) {
  converter_ptr conv = open_converter(e);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  const std::size_t window = std::min<std::size_t>(bytes.size() - restart, 64);
  const char* source = bytes.data() + restart;
  const char* limit = source + window;
  std::array<UChar, 80> units;
  UChar* target = units.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, limit, nullptr,
                 restart + window == bytes.size(), &status);
  if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
      status == U_TRUNCATED_CHAR_FOUND) {
    char invalid[32];
    int8_t invalid_length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalid_length, &ignored);
    const auto at = static_cast<std::size_t>(source - bytes.data()) -
                    static_cast<std::size_t>(std::max<int8_t>(invalid_length, 0));
    return {at, status == U_TRUNCATED_CHAR_FOUND};
  }
  return {restart, false};  // unreachable with a deterministic converter; stay conservative
}

decoded_text decode_icu(std::string_view bytes, std::string_view path, encoding e, bool declared) {
  std::size_t skip = 0;
  if (e == encoding::utf16le && bytes.starts_with(utf16le_bom)) skip = 2;
  if (e == encoding::utf16be && bytes.starts_with(utf16be_bom)) skip = 2;

  converter_ptr conv = open_converter(e);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

  decoded_text out;
  out.source_encoding = e;
  out.utf8.reserve(bytes.size() + bytes.size() / 2);  // 2 bytes of GBK or UTF-16 → ≤ 3 bytes

  // Chunks bound the memory; a chunk of n bytes yields at most n UTF-16 units, plus
  // the character completed from the previous chunk's pending bytes.
  const std::size_t chunk = std::min(bytes.size(), std::size_t(1) << 16);
  std::vector<UChar> units(chunk + 8);
  std::vector<int32_t> unit_offsets(chunk + 8);
  std::vector<char> chunk_utf8(3 * units.size());  // a unit gives ≤ 3 bytes, a pair 4

  const char* const begin = bytes.data();
  const char* const end = begin + bytes.size();
  const char* source = begin + skip;
  std::size_t last_char_at = skip;  // source offset of the last character decoded
  char16_t lead_unit = 0;           // a lead surrogate waiting for its trail
  std::size_t lead_at = 0;
  bool first_char = true;

  for (;;) {
    const char* const chunk_begin = source;
    const std::size_t chunk_base = static_cast<std::size_t>(chunk_begin - begin);
    const char* const limit = begin + std::min(bytes.size(), chunk_base + chunk);
    const bool flush = limit == end;
    UErrorCode pending_status = U_ZERO_ERROR;
    const auto pending = static_cast<std::size_t>(ucnv_toUCountPending(conv.get(), &pending_status));
    UChar* target = units.data();
    ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, limit,
                   unit_offsets.data(), flush, &status);

    const auto produced = static_cast<std::size_t>(target - units.data());
    const std::size_t written_before = out.utf8.size();
    char* const utf8_begin = chunk_utf8.data();
    char* utf8_end = utf8_begin;
    for (std::size_t k = 0; k < produced; ++k) {
      // -1: the unit finishes a character whose first bytes came with the last chunk.
      const std::size_t at = unit_offsets[k] >= 0
                                 ? chunk_base + static_cast<std::size_t>(unit_offsets[k])
                                 : chunk_base - pending;
      const auto unit = static_cast<char16_t>(units[k]);
      if (is_lead_surrogate(unit)) {
        lead_unit = unit;
        lead_at = at;
        continue;
      }
      char32_t cp = unit;
      std::size_t cp_at = at;
      if (is_trail_surrogate(unit) && lead_unit) {
        cp = 0x10000 + ((static_cast<char32_t>(lead_unit) - 0xD800) << 10) +
             (static_cast<char32_t>(unit) - 0xDC00);
        cp_at = lead_at;
        lead_unit = 0;
      }
      last_char_at = cp_at;
      // A leading U+FEFF is a byte-order mark (GB18030 spells it 84 31 95 33), not text;
      // after a UTF-16 BOM that was already skipped it is content.
      if (first_char && skip == 0 && cp == 0xFEFF) {
        first_char = false;
        continue;
      }
      first_char = false;
      out.offsets.add(written_before + static_cast<std::size_t>(utf8_end - utf8_begin), cp_at);
      utf8_end = put_utf8(utf8_end, cp);
    }
    out.utf8.append(utf8_begin, utf8_end);

    if (status == U_BUFFER_OVERFLOW_ERROR) {
      throw error(error_location{std::string(path), chunk_base, std::nullopt, std::nullopt},
                  "internal error: ICU produced more UTF-16 than the chunk bound allows; please "
                  "report this with the file");
    }
    if (U_FAILURE(status)) {
      const std::size_t restart = lead_unit ? lead_at : last_char_at;
      const auto [at, truncated] = locate_bad_bytes(e, bytes, restart);
      throw_decode_error(path, at, e, truncated, declared);
    }
    if (flush) break;
  }
  out.offsets.finish(out.utf8.size(), bytes.size());
  return out;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '_') c = '-';
  }
  return out;
}

}  // namespace

std::string_view to_string(encoding e) noexcept {
  switch (e) {
    case encoding::utf8:
      return "utf-8";
    case encoding::utf8_bom:
      return "utf-8-bom";
    case encoding::gb18030:
      return "gb18030";
    case encoding::utf16le:
      return "utf-16le";
    case encoding::utf16be:
      return "utf-16be";
  }
  return "unknown";
}

std::optional<encoding> parse_encoding(std::string_view name) noexcept {
  try {
    const std::string n = to_lower_ascii(name);
    if (n == "utf-8" || n == "utf8") return encoding::utf8;
    if (n == "utf-8-bom" || n == "utf8-bom" || n == "utf-8-sig" || n == "utf8-sig") {
      return encoding::utf8_bom;
    }
    if (n == "gb18030" || n == "gb-18030" || n == "gbk" || n == "gb2312" || n == "cp936" ||
        n == "windows-936" || n == "euc-cn") {
      return encoding::gb18030;
    }
    if (n == "utf-16le" || n == "utf16le" || n == "utf-16-le") return encoding::utf16le;
    if (n == "utf-16be" || n == "utf16be" || n == "utf-16-be") return encoding::utf16be;
  } catch (...) {  // std::bad_alloc on a name: treat as unknown
  }
  return std::nullopt;
}

encoding detect_encoding(std::string_view bytes) noexcept { return detect(bytes).detected; }

decoded_text decode(std::string_view bytes, std::string_view path, std::optional<encoding> declared) {
  if (bytes.empty()) {
    decoded_text out;
    out.offsets.finish(0, 0);
    return out;
  }
  if (!declared) {
    if (const auto what = binary_signature(bytes)) {
      throw decode_error(error_location{std::string(path), 0, std::nullopt, std::nullopt},
                         fmt::format("not a text file but {}; plancmp reads text, HTML, PDF and DOCX plans",
                                     *what));
    }
  }
  const detection d = declared ? detection{*declared, false} : detect(bytes);
  switch (d.detected) {
    case encoding::utf8:
    case encoding::utf8_bom:
      return decode_utf8(bytes, path, declared.has_value(), d.utf8_validated);
    case encoding::gb18030:
    case encoding::utf16le:
    case encoding::utf16be:
      return decode_icu(bytes, path, d.detected, declared.has_value());
  }
  throw usage_error(fmt::format("unknown encoding value {}", static_cast<int>(d.detected)));
}

std::string encode(std::string_view utf8, encoding target) {
  const utf8_check check = validate_utf8(utf8);
  if (check.status != utf8_status::valid) {
    throw decode_error(error_location{"<utf-8 text>", check.offset, std::nullopt, std::nullopt},
                       "invalid UTF-8 byte sequence; encode() needs valid UTF-8 text");
  }
  switch (target) {
    case encoding::utf8:
      return std::string(utf8);
    case encoding::utf8_bom:
      return std::string(utf8_bom).append(utf8);
    case encoding::utf16le:
    case encoding::utf16be: {
      const bool little = target == encoding::utf16le;
      std::string out(little ? utf16le_bom : utf16be_bom);
      out.reserve(out.size() + utf8.size() * 2);
      const auto put = [&](char32_t unit) {
        const auto hi = static_cast<char>(unit >> 8);
        const auto lo = static_cast<char>(unit & 0xFF);
        out.push_back(little ? lo : hi);
        out.push_back(little ? hi : lo);
      };
      for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (cp < 0x10000) {
          put(cp);
        } else {
          put(0xD800 + ((cp - 0x10000) >> 10));
          put(0xDC00 + ((cp - 0x10000) & 0x3FF));
        }
      }
      return out;
    }
    case encoding::gb18030: {
      std::vector<UChar> units;
      units.reserve(utf8.size());
      for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (cp < 0x10000) {
          units.push_back(static_cast<UChar>(cp));
        } else {
          units.push_back(static_cast<UChar>(0xD800 + ((cp - 0x10000) >> 10)));
          units.push_back(static_cast<UChar>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        }
      }
      converter_ptr conv = open_converter(target);
      UErrorCode status = U_ZERO_ERROR;
      ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      // Streamed through a fixed buffer: no int32_t length limit, no size guess.
      std::string out;
      out.reserve(utf8.size());
      std::array<char, std::size_t(1) << 16> buffer;
      const UChar* source = units.data();
      const UChar* const source_end = source + units.size();
      do {
        status = U_ZERO_ERROR;
        char* sink = buffer.data();
        ucnv_fromUnicode(conv.get(), &sink, buffer.data() + buffer.size(), &source, source_end, nullptr,
                         true, &status);
        out.append(buffer.data(), sink);
      } while (status == U_BUFFER_OVERFLOW_ERROR);
      if (U_FAILURE(status)) {
        throw error(fmt::format("ICU cannot encode the text as GB18030 ({})", u_errorName(status)));
      }
      return out;
    }
  }
  throw usage_error(fmt::format("unknown encoding value {}", static_cast<int>(target)));
}

}  // namespace plancmp::inline v0::text
