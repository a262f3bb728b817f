// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/text/encoding.hpp>

#include <plancmp/text/detail/utf8.hpp>

#include <doctest/doctest.h>

#include "support/seeds.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace plancmp::text;
using plancmp::decode_error;

namespace {

/// Length of the UTF-8 character starting with byte `lead`.
std::size_t lead_length(char lead) {
  return plancmp::text::detail::sequence_length(static_cast<unsigned char>(lead));
}

std::size_t bom_length(encoding e) {
  switch (e) {
    case encoding::utf8_bom:
      return 3;
    case encoding::utf16le:
    case encoding::utf16be:
      return 2;
    default:
      return 0;
  }
}

/// The encoding as it is spelled after the BOM, for decoding slices of a file.
encoding without_bom(encoding e) { return e == encoding::utf8_bom ? encoding::utf8 : e; }

const std::vector<encoding> legacy_encodings = {encoding::gb18030, encoding::utf16le, encoding::utf16be,
                                                encoding::utf8_bom};

std::string remedy(std::string_view how, std::string_view name) {
  return fmt::format(
      "the file is not in the {} encoding ({}) — convert it to UTF-8 or name "
      "its encoding (--encoding, read_options::declared_encoding)",
      how, name);
}

/// Walks the characters of `utf8`: each one's source range in `bytes` must hold exactly
/// that character, encoded on its own.
void check_offsets(const std::string& utf8, const std::string& bytes, encoding e,
                   const decoded_text& decoded) {
  CHECK(decoded.offsets.derived_size() == utf8.size());
  CHECK(decoded.offsets.source_size() == bytes.size());
  std::size_t expected_source = bom_length(e);
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t length = lead_length(utf8[i]);
    const std::string character = utf8.substr(i, length);
    const std::size_t from = decoded.offsets.to_source(i);
    const std::size_t to = decoded.offsets.to_source(i + length);
    const std::string slice = from <= to ? bytes.substr(from, to - from) : std::string();
    const bool exact = from == expected_source && slice == encode(character, e).substr(bom_length(e)) &&
                       decode(slice, "", without_bom(e)).utf8 == character;
    if (!exact && ++mismatches == 1) {
      MESSAGE("first wrong offsets at UTF-8 offset " << i << ": source [" << from << ", " << to
                                                     << "), expected start " << expected_source);
    }
    expected_source = to;
    i += length;
  }
  CHECK(mismatches == 0);
  CHECK(expected_source == bytes.size());
}

}  // namespace

TEST_CASE("encoding: names round-trip and common aliases parse") {
  for (encoding e :
       {encoding::utf8, encoding::utf8_bom, encoding::gb18030, encoding::utf16le, encoding::utf16be}) {
    CHECK(parse_encoding(to_string(e)) == e);
  }
  CHECK(to_string(encoding::utf8) == "utf-8");
  CHECK(to_string(encoding::utf8_bom) == "utf-8-bom");
  CHECK(parse_encoding("UTF8") == encoding::utf8);
  CHECK(parse_encoding("utf_8_sig") == encoding::utf8_bom);
  CHECK(parse_encoding("GBK") == encoding::gb18030);
  CHECK(parse_encoding("gb2312") == encoding::gb18030);
  CHECK(parse_encoding("cp936") == encoding::gb18030);
  CHECK(parse_encoding("UTF-16LE") == encoding::utf16le);
  CHECK(parse_encoding("utf16be") == encoding::utf16be);
  CHECK_FALSE(parse_encoding("latin1").has_value());
  CHECK_FALSE(parse_encoding("").has_value());
}

TEST_CASE("encoding: detection") {
  SUBCASE("a byte-order mark wins") {
    CHECK(detect_encoding("\xEF\xBB\xBF"
                          "abc") == encoding::utf8_bom);
    CHECK(detect_encoding(std::string("\xFF\xFE"
                                      "a\0",
                                      4)) == encoding::utf16le);
    CHECK(detect_encoding(std::string("\xFE\xFF\0a", 4)) == encoding::utf16be);
  }
  SUBCASE("valid UTF-8, and empty input") {
    CHECK(detect_encoding("") == encoding::utf8);
    CHECK(detect_encoding("plain ASCII") == encoding::utf8);
    CHECK(detect_encoding("知识产权") == encoding::utf8);
    for (const auto& name : plancmp::test::seed_names()) {
      CAPTURE(name);
      CHECK(detect_encoding(plancmp::test::seed_bytes(name)) == encoding::utf8);
    }
  }
  SUBCASE("UTF-16 without a BOM, from where the NUL bytes fall") {
    const std::string text = "一、总体要求\n(一)指导思想。2025年\n";
    const std::string le = encode(text, encoding::utf16le).substr(2);
    const std::string be = encode(text, encoding::utf16be).substr(2);
    CHECK(detect_encoding(le) == encoding::utf16le);
    CHECK(detect_encoding(be) == encoding::utf16be);
    // ASCII-only UTF-16 is also well-formed UTF-8; the NULs decide.
    CHECK(detect_encoding(std::string("a\0b\0", 4)) == encoding::utf16le);
    for (const auto& name : plancmp::test::seed_names()) {
      const std::string seed = plancmp::test::seed_bytes(name);
      CHECK(detect_encoding(encode(seed, encoding::utf16le).substr(2)) == encoding::utf16le);
      CHECK(detect_encoding(encode(seed, encoding::utf16be).substr(2)) == encoding::utf16be);
    }
  }
  SUBCASE("one stray NUL does not make a UTF-8 file UTF-16") {
    std::string seed = plancmp::test::seed_bytes(plancmp::test::hengshui);
    seed.insert(seed.size() / 2, 1, '\0');
    CHECK(detect_encoding(seed) == encoding::utf8);
  }
  SUBCASE("GBK text without a declaration is GB18030") {
    // 知识产权保护 in GBK: its first pairs are also well-formed UTF-8 by accident.
    CHECK(detect_encoding("\xD6\xAA\xCA\xB6\xB2\xFA\xC8\xA8\xB1\xA3\xBB\xA4") == encoding::gb18030);
    for (const auto& name : plancmp::test::seed_names()) {
      CAPTURE(name);
      CHECK(detect_encoding(encode(plancmp::test::seed_bytes(name), encoding::gb18030)) ==
            encoding::gb18030);
    }
  }
  SUBCASE("UTF-8 damaged in a few places is still UTF-8, so decoding can name the bad byte") {
    std::string seed = plancmp::test::seed_bytes(plancmp::test::gansu);
    seed.insert(seed.size() / 3, "\xFF");
    seed.insert(2 * seed.size() / 3, "\x80\x80");
    CHECK(detect_encoding(seed) == encoding::utf8);
    seed.pop_back();  // cut the last character short as well
    CHECK(detect_encoding(seed) == encoding::utf8);
    // Damage in the last bytes: the text before it still says UTF-8.
    std::string tail_damage = plancmp::test::seed_bytes(plancmp::test::gansu);
    tail_damage.insert(tail_damage.size() - 3, "\xFF");
    CHECK(detect_encoding(tail_damage) == encoding::utf8);
    // A large GBK file is recognized from a sample, wherever the sample falls.
    std::string big_gbk = std::string(300000, 'a') +
                          encode(plancmp::test::seed_bytes(plancmp::test::hengshui), encoding::gb18030);
    CHECK(detect_encoding(big_gbk) == encoding::gb18030);
  }
}

namespace {

struct utf8_verdict {
  bool valid = true;
  bool truncated = false;
  std::size_t offset = 0;
  friend bool operator==(const utf8_verdict&, const utf8_verdict&) = default;
};

/// A slow reference for UTF-8 well-formedness, written from the code point side:
/// assemble the bits, then reject overlong forms, surrogates and values past U+10FFFF.
bool reference_sequence_ok(const std::vector<unsigned char>& seq) {
  const unsigned c = seq[0];
  const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (seq.size() != need) return false;
  char32_t cp = c & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < need; ++k) {
    if ((seq[k] & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (seq[k] & 0x3F);
  }
  const char32_t smallest = need == 2 ? 0x80 : need == 3 ? 0x800 : 0x10000;
  return cp >= smallest && !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
}

utf8_verdict reference_validate(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xC0) == 0x80 || c >= 0xF8) return {false, false, i};
    const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::vector<unsigned char> seq;
    for (std::size_t k = 0; k < need && i + k < s.size(); ++k) {
      seq.push_back(static_cast<unsigned char>(s[i + k]));
    }
    if (seq.size() == need) {
      if (!reference_sequence_ok(seq)) return {false, false, i};
      i += need;
      continue;
    }
    // Cut off by the end: "truncated" if some completion would be well-formed. One probe
    // byte from each allowed second-byte range covers every lead.
    const std::size_t present = seq.size();
    bool completes = false;
    const unsigned char probes[] = {0x80, 0x90, 0xA0, 0xBF};
    const std::size_t missing = need - present;
    std::size_t combos = 1;
    for (std::size_t k = 0; k < missing; ++k) combos *= 4;
    for (std::size_t combo = 0; combo < combos && !completes; ++combo) {
      std::vector<unsigned char> full = seq;
      for (std::size_t k = 0, rest = combo; k < missing; ++k, rest /= 4)
        full.push_back(probes[rest % 4]);
      completes = reference_sequence_ok(full);
    }
    return {false, completes, i};
  }
  return {};
}

utf8_verdict library_validate(const std::string& s) {
  try {
    (void)decode(s, "", encoding::utf8);
    return {};
  } catch (const decode_error& e) {
    return {false, std::string(e.what()).find("truncated") != std::string::npos,
            static_cast<std::size_t>(*e.where().byte)};
  }
}

}  // namespace

TEST_CASE("encoding: the UTF-8 validator agrees with a slow reference") {
  SUBCASE("every lead byte with continuation bytes at the edges of each allowed range") {
    // The ranges of Unicode Table 3-7 change at these values.
    const std::vector<unsigned char> edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                              0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF};
    std::size_t disagreements = 0;
    std::size_t cases = 0;
    for (const std::string prefix : {"", "a", "知", "a知识"}) {
      for (unsigned first = 0x80; first <= 0xFF; ++first) {
        for (const unsigned char second : edges) {
          const std::string head = prefix + static_cast<char>(first) + static_cast<char>(second);
          std::vector<std::string> inputs = {head};
          for (const unsigned char third : edges) {
            inputs.push_back(head + static_cast<char>(third));
            inputs.push_back(head + static_cast<char>(third) + "\x80\x80知识");
            inputs.push_back(head + static_cast<char>(third) + "\xBF" + "知识");
          }
          for (const std::string& input : inputs) {
            ++cases;
            if (library_validate(input) != reference_validate(input) && ++disagreements <= 5) {
              MESSAGE("disagreement on '" << prefix << "' + bytes " << first << " " << int(second)
                                          << ", " << input.size() << " bytes");
            }
          }
        }
      }
    }
    CHECK(cases > 100000);
    CHECK(disagreements == 0);
  }
  SUBCASE("random damage to seed text") {
    std::string seed = plancmp::test::seed_bytes(plancmp::test::hengshui).substr(0, 3000);
    std::uint32_t state = 12345;
    const auto next = [&] {
      state = state * 1664525U + 1013904223U;
      return state >> 8;
    };
    std::size_t disagreements = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string damaged = seed.substr(0, 200 + next() % 2800);
      damaged[next() % damaged.size()] = static_cast<char>(next() & 0xFF);
      if (library_validate(damaged) != reference_validate(damaged)) ++disagreements;
    }
    CHECK(disagreements == 0);
  }
}

TEST_CASE("encoding: UTF-8 is the fast path, with an identity map shifted by the BOM") {
  const std::string seed = plancmp::test::seed_bytes(plancmp::test::ningbo_2020);
  const decoded_text plain = decode(seed, "ningbo.txt");
  CHECK(plain.source_encoding == encoding::utf8);
  CHECK(plain.utf8 == seed);
  CHECK(plain.offsets.breakpoints().size() == 1);
  CHECK(plain.offsets.to_source(1234) == 1234);
  CHECK(plain.offsets.to_source(seed.size()) == seed.size());

  const decoded_text bom = decode("\xEF\xBB\xBF" + seed, "ningbo.txt");
  CHECK(bom.source_encoding == encoding::utf8_bom);
  CHECK(bom.utf8 == seed);
  CHECK(bom.offsets.breakpoints().size() == 1);
  CHECK(bom.offsets.to_source(0) == 3);
  CHECK(bom.offsets.to_source(seed.size()) == seed.size() + 3);

  // A declared UTF-8 still drops a BOM: it is never content.
  CHECK(decode("\xEF\xBB\xBF"
               "abc",
               "", encoding::utf8)
            .utf8 == "abc");
}

TEST_CASE("encoding: every seed re-encoded decodes to the same text with exact offsets") {
  for (const auto& name : plancmp::test::seed_names()) {
    const std::string utf8 = decode(plancmp::test::seed_bytes(name), name).utf8;
    for (const encoding e : legacy_encodings) {
      CAPTURE(name);
      CAPTURE(to_string(e));
      const std::string bytes = encode(utf8, e);
      const decoded_text decoded = decode(bytes, name);
      CHECK(decoded.source_encoding == e);
      REQUIRE(decoded.utf8 == utf8);
      check_offsets(utf8, bytes, e, decoded);
    }
  }
}

TEST_CASE("encoding: characters that straddle the converter's 64 KiB chunks keep exact offsets") {
  // GB18030 characters of two and four bytes, and a UTF-16 surrogate pair, placed across
  // the first chunk boundary at every possible phase.
  const std::string tail = "知𠀀识\n" + plancmp::test::seed_bytes(plancmp::test::gansu);
  for (const encoding e : {encoding::gb18030, encoding::utf16le, encoding::utf16be}) {
    const std::size_t unit = e == encoding::gb18030 ? 1 : 2;
    const std::size_t ascii = ((std::size_t(1) << 16) - bom_length(e)) / unit;
    for (std::size_t shift = 0; shift < 6; ++shift) {
      CAPTURE(to_string(e));
      CAPTURE(shift);
      const std::string utf8 = std::string(ascii - shift, 'a') + tail;
      const std::string bytes = encode(utf8, e);
      const decoded_text decoded = decode(bytes, "big.txt");
      REQUIRE(decoded.utf8 == utf8);
      check_offsets(utf8, bytes, e, decoded);
    }
  }
}

TEST_CASE("encoding: supplementary characters and a GB18030 BOM") {
  // U+20000 and U+2A6A5: four bytes in GB18030, surrogate pairs in UTF-16.
  const std::string text = "𠀀a知𪚥\n";
  const std::vector<std::size_t> characters = {0, 4, 5, 8, 12, 13};  // UTF-8 offsets
  const std::vector<std::pair<encoding, std::vector<std::size_t>>> expected = {
      {encoding::gb18030, {0, 4, 5, 7, 11, 12}},
      {encoding::utf16le, {2, 6, 8, 10, 14, 16}},
      {encoding::utf16be, {2, 6, 8, 10, 14, 16}},
      {encoding::utf8_bom, {3, 7, 8, 11, 15, 16}}};
  for (const auto& entry : expected) {  // no binding: CAPTURE/INFO take it into a lambda (clang 14)
    const auto& e = std::get<0>(entry);
    const auto& sources = std::get<1>(entry);
    CAPTURE(to_string(e));
    const std::string bytes = encode(text, e);
    const decoded_text d = decode(bytes, "");
    CHECK(d.source_encoding == e);
    CHECK(d.utf8 == text);
    for (std::size_t k = 0; k < characters.size(); ++k) {
      CHECK(d.offsets.to_source(characters[k]) == sources[k]);
    }
  }
  // GB18030 spells U+FEFF as 84 31 95 33; at the start it is a BOM and is dropped.
  const decoded_text d = decode("\x84\x31\x95\x33\xD6\xAA", "", encoding::gb18030);
  CHECK(d.utf8 == "知");
  CHECK(d.offsets.to_source(0) == 4);
  CHECK(d.offsets.to_source(3) == 6);
}

TEST_CASE("encoding: invalid bytes in the middle name the first bad byte") {
  const std::string utf8 = plancmp::test::seed_bytes(plancmp::test::district);
  const std::size_t middle = utf8.find('\n', utf8.size() / 2) + 1;  // a character boundary
  REQUIRE(middle > 1);

  SUBCASE("UTF-8") {
    std::string bytes = utf8;
    bytes.insert(middle, "\xFF");
    const std::string message = fmt::format("seeds/003.txt: byte {}: invalid UTF-8 byte sequence; {}",
                                            middle, remedy("detected", "utf-8"));
    CHECK_THROWS_WITH_AS(decode(bytes, "seeds/003.txt"), message.c_str(), decode_error);
    // A lead byte followed by a non-continuation byte, and an encoded surrogate.
    bytes = utf8;
    bytes.insert(middle, "\xE4\x41");
    try {
      (void)decode(bytes, "x.txt");
      FAIL("no decode_error");
    } catch (const decode_error& e) {
      CHECK(e.where().byte == middle);
      CHECK(e.where().path == "x.txt");
    }
    CHECK_THROWS_AS((void)decode("ab\xED\xA0\x80", "", encoding::utf8), decode_error);
    CHECK_THROWS_AS((void)decode("ab\xC0\xAF", "", encoding::utf8), decode_error);  // overlong
  }
  SUBCASE("GB18030") {
    const std::string gbk = encode(utf8, encoding::gb18030);
    const std::string gbk_prefix = encode(utf8.substr(0, middle), encoding::gb18030);
    std::string bytes = gbk;
    bytes.insert(gbk_prefix.size(), "\xFF");
    const std::string message = fmt::format("seeds/x.txt: byte {}: invalid GB18030 byte sequence; {}",
                                            gbk_prefix.size(), remedy("detected", "gb18030"));
    CHECK_THROWS_WITH_AS(decode(bytes, "seeds/x.txt"), message.c_str(), decode_error);
    // A lead byte whose trail is not a trail byte: the lead is the first bad byte.
    bytes = gbk;
    bytes.insert(gbk_prefix.size(), "\x81\x20");
    const std::string declared = fmt::format("seeds/x.txt: byte {}: invalid GB18030 byte sequence; {}",
                                             gbk_prefix.size(), remedy("declared", "gb18030"));
    CHECK_THROWS_WITH_AS(decode(bytes, "seeds/x.txt", encoding::gb18030), declared.c_str(),
                         decode_error);
  }
  SUBCASE("UTF-16: a lone surrogate") {
    const std::string le = encode(utf8, encoding::utf16le);
    const std::size_t at = encode(utf8.substr(0, middle), encoding::utf16le).size();
    std::string bytes = le;
    bytes.insert(at, std::string("\x00\xDC", 2));  // a trail surrogate with no lead
    const std::string message = fmt::format("d.txt: byte {}: invalid UTF-16LE byte sequence; {}", at,
                                            remedy("detected", "utf-16le"));
    CHECK_THROWS_WITH_AS(decode(bytes, "d.txt"), message.c_str(), decode_error);
    bytes = le;
    bytes.insert(at, std::string("\x3D\xD8"
                                 "a\0",
                                 4));  // a lead surrogate with no trail
    try {
      (void)decode(bytes, "d.txt");
      FAIL("no decode_error");
    } catch (const decode_error& e) {
      CHECK(e.where().byte == at);
    }
  }
  SUBCASE("every position in the first chunk and across a chunk boundary") {
    // The converter works in 64 KiB chunks; a bad byte right at a boundary must still be
    // reported at its own offset.
    std::string big;
    while (big.size() < (std::size_t(1) << 17)) big += utf8;
    const std::string gbk = encode(big, encoding::gb18030);
    std::vector<std::size_t> boundaries;  // character starts near 65536
    for (std::size_t i = 0, g = 0; i < big.size(); i += lead_length(big[i])) {
      if (g + 8 >= (std::size_t(1) << 16) && g <= (std::size_t(1) << 16) + 8) boundaries.push_back(g);
      g += encode(big.substr(i, lead_length(big[i])), encoding::gb18030).size();
      if (g > (std::size_t(1) << 16) + 8) break;
    }
    REQUIRE(boundaries.size() >= 3);
    for (std::size_t at : boundaries) {
      CAPTURE(at);
      for (const char* bad : {"\xFF", "\x81\x20", "\x81\x30\x20"}) {
        std::string bytes = gbk;
        bytes.insert(at, bad);
        try {
          (void)decode(bytes, "big.txt", encoding::gb18030);
          FAIL("no decode_error");
        } catch (const decode_error& e) {
          CHECK(e.where().byte == at);
        }
      }
    }
  }
}

TEST_CASE("encoding: a multi-byte sequence cut off at the end of the file") {
  const std::string utf8 = plancmp::test::seed_bytes(plancmp::test::ningbo_2020);
  REQUIRE(lead_length(utf8[utf8.size() - 3]) == 3);  // the file ends with a Chinese character

  SUBCASE("UTF-8") {
    const std::string bytes = utf8.substr(0, utf8.size() - 1);
    const std::string message = fmt::format(
        "n.txt: byte {}: truncated UTF-8 byte sequence at end of file; the file is cut "
        "short or not in the detected encoding (utf-8) — convert it to UTF-8 or name "
        "its encoding (--encoding, read_options::declared_encoding)",
        utf8.size() - 3);
    CHECK_THROWS_WITH_AS(decode(bytes, "n.txt"), message.c_str(), decode_error);
  }
  SUBCASE("GB18030") {
    const std::string gbk = encode(utf8, encoding::gb18030);
    const std::string bytes = gbk.substr(0, gbk.size() - 1);  // a lead byte alone at the end
    const std::string message = fmt::format(
        "n.txt: byte {}: truncated GB18030 byte sequence at end of file; the file is "
        "cut short or not in the detected encoding (gb18030) — convert it to UTF-8 or "
        "name its encoding (--encoding, read_options::declared_encoding)",
        gbk.size() - 2);
    CHECK_THROWS_WITH_AS(decode(bytes, "n.txt"), message.c_str(), decode_error);
    // A four-byte sequence cut after three bytes.
    try {
      (void)decode("ab\x81\x30\x81", "", encoding::gb18030);
      FAIL("no decode_error");
    } catch (const decode_error& e) {
      CHECK(e.where().byte == 2);
    }
  }
  SUBCASE("UTF-16: an odd byte, and a lead surrogate at the end") {
    const std::string le = encode(utf8, encoding::utf16le);
    CHECK_THROWS_WITH_AS(
        decode(le.substr(0, le.size() - 1), "n.txt"),
        fmt::format("n.txt: byte {}: truncated UTF-16LE byte sequence at end of file; the file is "
                    "cut short or not in the detected encoding (utf-16le) — convert it to UTF-8 or "
                    "name its encoding (--encoding, read_options::declared_encoding)",
                    le.size() - 2)
            .c_str(),
        decode_error);
    try {
      (void)decode(le + std::string("\x3D\xD8", 2), "n.txt");
      FAIL("no decode_error");
    } catch (const decode_error& e) {
      CHECK(e.where().byte == le.size());
    }
  }
}

TEST_CASE("encoding: empty input and a lone BOM") {
  const decoded_text empty = decode("", "empty.txt");
  CHECK(empty.utf8.empty());
  CHECK(empty.source_encoding == encoding::utf8);
  CHECK(empty.offsets.to_source(0) == 0);
  for (const encoding e : legacy_encodings) {
    CAPTURE(to_string(e));
    const std::string bytes = encode("", e);
    const decoded_text d = decode(bytes, "");
    CHECK(d.utf8.empty());
    CHECK(d.offsets.to_source(0) == bytes.size());
  }
}

TEST_CASE("encoding: encode") {
  CHECK(encode("a知", encoding::utf8) == "a知");
  CHECK(encode("a知", encoding::utf8_bom) ==
        "\xEF\xBB\xBF"
        "a知");
  CHECK(encode("a知", encoding::gb18030) == "a\xD6\xAA");
  CHECK(encode("a知", encoding::utf16le) == std::string("\xFF\xFE"
                                                        "a\0\xE5\x77",
                                                        6));
  CHECK(encode("a知", encoding::utf16be) == std::string("\xFE\xFF\0a\x77\xE5", 6));
  CHECK(encode("\xC2\xA0", encoding::gb18030) == "\x81\x30\x84\x32");  // NBSP: four bytes
  CHECK_THROWS_WITH_AS((void)encode("ab\xFF", encoding::gb18030),
                       "<utf-8 text>: byte 2: invalid UTF-8 byte sequence; encode() needs valid "
                       "UTF-8 text",
                       decode_error);
}
