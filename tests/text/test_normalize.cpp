// SPDX-License-Identifier: MIT
#include <plancmp/text/normalize.hpp>

#include <doctest/doctest.h>

#include "support/seeds.hpp"

#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace plancmp::text;

namespace {

char32_t decode_one(std::string_view s, std::size_t i, std::size_t& length) {
  const auto c = static_cast<unsigned char>(s[i]);
  const auto cont = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (c < 0x80) {
    length = 1;
    return c;
  }
  if (c < 0xE0) {
    length = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | cont(1);
  }
  if (c < 0xF0) {
    length = 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  }
  length = 4;
  return (static_cast<char32_t>(c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

/// The rules of normalize.hpp, one code point at a time, written from the Unicode
/// names rather than from byte patterns. Returns 0 for "unchanged".
char ascii_for(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFEE0);
  if (cp == 0x00A0 || cp == 0x3000) return ' ';
  switch (cp) {
    case 0xFE50:
      return ',';  // SMALL COMMA
    case 0xFE52:
      return '.';  // SMALL FULL STOP
    case 0xFE54:
      return ';';  // SMALL SEMICOLON
    case 0xFE55:
      return ':';  // SMALL COLON
    case 0xFE56:
      return '?';  // SMALL QUESTION MARK
    case 0xFE57:
      return '!';  // SMALL EXCLAMATION MARK
    case 0xFE59:
      return '(';  // SMALL LEFT PARENTHESIS
    case 0xFE5A:
      return ')';  // SMALL RIGHT PARENTHESIS
    case 0xFE5B:
      return '{';  // SMALL LEFT CURLY BRACKET
    case 0xFE5C:
      return '}';  // SMALL RIGHT CURLY BRACKET
    case 0xFE5F:
      return '#';  // SMALL NUMBER SIGN
    case 0xFE60:
      return '&';  // SMALL AMPERSAND
    case 0xFE61:
      return '*';  // SMALL ASTERISK
    case 0xFE62:
      return '+';  // SMALL PLUS SIGN
    case 0xFE63:
      return '-';  // SMALL HYPHEN-MINUS
    case 0xFE64:
      return '<';  // SMALL LESS-THAN SIGN
    case 0xFE65:
      return '>';  // SMALL GREATER-THAN SIGN
    case 0xFE66:
      return '=';  // SMALL EQUALS SIGN
    case 0xFE68:
      return '\\';  // SMALL REVERSE SOLIDUS
    case 0xFE69:
      return '$';  // SMALL DOLLAR SIGN
    case 0xFE6A:
      return '%';  // SMALL PERCENT SIGN
    case 0xFE6B:
      return '@';  // SMALL COMMERCIAL AT
    default:
      return 0;
  }
}

struct reference_result {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> boundaries;  ///< (output offset, input offset)
};

reference_result reference_normalize(std::string_view in) {
  reference_result r;
  for (std::size_t i = 0; i < in.size();) {
    r.boundaries.emplace_back(r.text.size(), i);
    if (in[i] == '\r') {
      r.text += '\n';
      i += (i + 1 < in.size() && in[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    std::size_t length = 0;
    const char32_t cp = decode_one(in, i, length);
    if (const char c = ascii_for(cp)) {
      r.text += c;
    } else {
      r.text.append(in.substr(i, length));
    }
    i += length;
  }
  r.boundaries.emplace_back(r.text.size(), in.size());
  return r;
}

void check_against_reference(std::string_view in) {
  const normalized_text got = normalize(in);
  const reference_result want = reference_normalize(in);
  REQUIRE(got.text == want.text);
  CHECK(got.offsets.derived_size() == want.text.size());
  CHECK(got.offsets.source_size() == in.size());
  std::size_t wrong = 0;
  for (const auto& [out, source] : want.boundaries) {
    if (got.offsets.to_source(out) != source) ++wrong;
  }
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("normalize: full-width ASCII forms U+FF01–U+FF5E become ASCII") {
  std::string in;
  std::string want;
  for (char32_t cp = 0xFF01; cp <= 0xFF5E; ++cp) {
    in += static_cast<char>(0xE0 | (cp >> 12));
    in += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    in += static_cast<char>(0x80 | (cp & 0x3F));
    want += static_cast<char>(cp - 0xFEE0);
  }
  const normalized_text n = normalize(in);
  CHECK(n.text == want);
  CHECK(want.front() == '!');
  CHECK(want.back() == '~');
  for (std::size_t k = 0; k <= want.size(); ++k) CHECK(n.offsets.to_source(k) == 3 * k);

  CHECK(normalize("（一）加强保护：").text == "(一)加强保护:");
  CHECK(normalize("［责任单位；市知识产权局］，").text == "[责任单位;市知识产权局],");
  CHECK(normalize("２０２５年ＡＢｃ").text == "2025年ABc");
}

TEST_CASE("normalize: small form variants become ASCII where ASCII has the character") {
  CHECK(normalize("﹒﹐﹙﹚﹔﹕﹖﹗﹛﹜﹟﹠﹡﹢﹣﹤﹥﹦﹨﹩﹪﹫").text == ".,();:?!{}#&*+-<>=\\$%@");
  // No ASCII counterpart: small ideographic comma, small em dash, tortoise shells.
  CHECK(normalize("﹑﹘﹝﹞").text == "﹑﹘﹝﹞");
  const normalized_text n = normalize("1﹒2");
  CHECK(n.text == "1.2");
  CHECK(n.offsets.to_source(1) == 1);
  CHECK(n.offsets.to_source(2) == 4);
  CHECK(n.offsets.to_source(3) == 5);
}

TEST_CASE("normalize: NBSP and the ideographic space become an ASCII space") {
  const normalized_text n = normalize(
      "a\xC2\xA0"
      "b　c");
  CHECK(n.text == "a b c");
  const std::vector<std::size_t> want = {0, 1, 3, 4, 7, 8};
  for (std::size_t k = 0; k < want.size(); ++k) CHECK(n.offsets.to_source(k) == want[k]);
}

TEST_CASE("normalize: CRLF and lone CR become LF") {
  const normalized_text n = normalize("a\r\nb\rc\n\r\r\nd\r");
  CHECK(n.text == "a\nb\nc\n\n\nd\n");
  // a \r\n b \r c \n \r \r\n d \r
  // 0 1    3 4  5 6  7  8    10 11 → 12
  const std::vector<std::size_t> want = {0, 1, 3, 4, 5, 6, 7, 8, 10, 11, 12};
  for (std::size_t k = 0; k < want.size(); ++k) CHECK(n.offsets.to_source(k) == want[k]);
}

TEST_CASE("normalize: everything else passes through untouched") {
  const std::string keep =
      "一、总体要求。〔2022〕27号“知识产权”‘保护’《规划》【注】…—"
      "\xEF\xBC\x80"      // U+FF00, just before the full-width block
      "\xEF\xBD\x9F"      // U+FF5F ｟, just after it
      "\xEF\xBF\xA5"      // U+FFE5 ￥
      "\xEF\xB9\x8F"      // U+FE4F, just before the small forms
      "\xEF\xB9\xAC"      // U+FE6C, just after them
      "\xC2\xA1\xC3\xA9"  // ¡ é: C2 without A0, and another two-byte character
      "\xE3\x80\x81"      // 、 U+3001: E3 80 without 80
      "𠀀\t\n";
  const normalized_text n = normalize(keep);
  CHECK(n.text == keep);
  CHECK(n.offsets.breakpoints().size() == 1);
  CHECK(normalize("").text.empty());
  CHECK(normalize("").offsets.to_source(0) == 0);
}

TEST_CASE("normalize: characters cut short at the end are left alone") {
  CHECK(normalize("a\xEF\xBC").text == "a\xEF\xBC");
  CHECK(normalize("a\xE3\x80").text == "a\xE3\x80");
  CHECK(normalize("a\xC2").text == "a\xC2");
}

TEST_CASE("normalize: random mixtures against the reference, offsets at every character") {
  const std::vector<std::string> alphabet = {"a",
                                             "1",
                                             " ",
                                             "\n",
                                             "\r",
                                             "\r\n",
                                             "中",
                                             "知",
                                             "。",
                                             "、",
                                             "（",
                                             "）",
                                             "Ａ",
                                             "～",
                                             "！",
                                             "\xC2\xA0",
                                             "　",
                                             "﹒",
                                             "﹑",
                                             "﹝",
                                             "﹫",
                                             "\xEF\xBD\x9F",
                                             "\xEF\xBC\x80",
                                             "\xEF\xBF\xA5",
                                             "é",
                                             "\xC2\xA1",
                                             "\xE3\x80\x81",
                                             "𠀀",
                                             "\xEF\xB9\x8F",
                                             "\xEF\xB9\xAC"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(0, 40);
  for (int round = 0; round < 2000; ++round) {
    std::string in;
    const std::size_t n = length(rng);
    for (std::size_t k = 0; k < n; ++k) in += alphabet[pick(rng)];
    CAPTURE(in);
    check_against_reference(in);
  }
}

TEST_CASE("normalize: the seeds against the reference") {
  for (const auto& name : plancmp::test::seed_names()) {
    CAPTURE(name);
    const std::string seed = plancmp::test::seed_bytes(name);
    check_against_reference(seed);
    // The seeds carry NBSPs and nothing else to rewrite.
    std::size_t nbsp = 0;
    for (std::size_t at = seed.find("\xC2\xA0"); at != std::string::npos;
         at = seed.find("\xC2\xA0", at + 2)) {
      ++nbsp;
    }
    CHECK(normalize(seed).text.size() == seed.size() - nbsp);
  }
}
