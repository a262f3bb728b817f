// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/text/script.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <opencc/DictEntry.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <opencc/SimpleConverter.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

using plancmp::text::script;
using plancmp::text::simplified_text;
using plancmp::text::simplifier;

const std::string opencc_dir = PLANCMP_OPENCC_DATA_DIR;

/// OpenCC's own t2s converter: the reference our tables must reproduce.
const opencc::SimpleConverter& reference_t2s() {
  static const opencc::SimpleConverter converter(opencc_dir + "/t2s.json");
  return converter;
}

/// Byte offsets where the characters of UTF-8 `s` start, plus `s.size()`.
std::vector<std::size_t> char_bounds(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0U) != 0x80U) out.push_back(i);
  }
  out.push_back(s.size());
  return out;
}

std::vector<std::string> dictionary_keys(const char* file) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen((opencc_dir + "/" + file).c_str(), "rb"),
                                                    &std::fclose);
  REQUIRE(f != nullptr);
  const auto lexicon = opencc::MarisaDict::NewFromFile(f.get())->GetLexicon();
  std::vector<std::string> keys;
  for (const auto& entry : *lexicon) {
    keys.push_back(entry->Key());
  }
  return keys;
}

/// The offset map sends every output character boundary to an input character boundary,
/// never goes backwards, and covers the whole input.
void check_offsets_cover(const std::string& input, const simplified_text& out) {
  const auto& map = out.offsets;
  REQUIRE(map.derived_size() == out.text.size());
  REQUIRE(map.source_size() == input.size());
  CHECK(map.to_source(0) == 0);
  CHECK(map.to_source(out.text.size()) == input.size());
  const auto in_bounds = char_bounds(input);
  std::size_t last = 0;
  for (const std::size_t b : char_bounds(out.text)) {
    const std::size_t s = map.to_source(b);
    CHECK(s >= last);
    CHECK(std::binary_search(in_bounds.begin(), in_bounds.end(), s));
    last = s;
  }
}

/// Where output and input have the same number of characters, output character i must
/// come from exactly input character i.
void check_offsets_per_character(const std::string& input, const simplified_text& out) {
  const auto in_bounds = char_bounds(input);
  const auto out_bounds = char_bounds(out.text);
  REQUIRE(in_bounds.size() == out_bounds.size());
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < out_bounds.size(); ++i) {
    if (out.offsets.to_source(out_bounds[i]) != in_bounds[i]) ++wrong;
  }
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("script names") {
  CHECK(to_string(script::simplified) == "simplified");
  CHECK(to_string(script::traditional) == "traditional");
  CHECK(to_string(script::mixed) == "mixed");
  CHECK(to_string(script::none) == "none");
}

TEST_CASE("simplifier converts the Gansu plan exactly like OpenCC's t2s converter") {
  const std::string input = plancmp::test::seed_bytes(plancmp::test::gansu);
  const simplified_text out = simplifier::shared().convert(input);
  const std::string expected = reference_t2s().Convert(input);

  REQUIRE(out.text != input);  // the seed really is traditional
  CHECK(out.text.size() == expected.size());
  CHECK(out.text == expected);
  CHECK(out.text.find("(省市场监管局负责)") != std::string::npos);
  CHECK(out.text.find("(省市场监管局牵头,各成员单位按照职责分工负责)") != std::string::npos);

  SUBCASE("every output character maps onto the input character it came from") {
    check_offsets_per_character(input, out);
    check_offsets_cover(input, out);
    // Spot check: 監 (input) became 监 (output) at the same character position.
    const auto at = out.text.find("监管局");
    REQUIRE(at != std::string::npos);
    const auto src = out.offsets.to_source(at);
    CHECK(input.substr(src, 3) == "監");
    CHECK(input.substr(out.offsets.to_source(at + 3), 3) == "管");
  }
  SUBCASE("lines stay lines") {
    CHECK(std::count(out.text.begin(), out.text.end(), '\n') ==
          std::count(input.begin(), input.end(), '\n'));
  }
}

TEST_CASE("simplifier agrees with OpenCC on random mixes of phrases, characters and ASCII") {
  // Pieces that stress longest-match and its boundaries: whole phrase keys, their first
  // characters (partial phrases), single traditional characters, text that never changes,
  // and line breaks that split phrases.
  const auto phrases = dictionary_keys("TSPhrases.ocd2");
  const auto characters = dictionary_keys("TSCharacters.ocd2");
  REQUIRE(phrases.size() > 100);
  REQUIRE(characters.size() > 1000);
  const std::vector<std::string> plain = {"知识产权", "(",      ")",      "2020年", "，",   "。", " ",
                                          "a1",       "（一）", "\u00a0", "\n",     "\r\n", "省", "局"};
  std::mt19937 rng(20200604);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto prefix_of = [&](const std::string& phrase) {
    const auto bounds = char_bounds(phrase);
    return phrase.substr(0, bounds[1 + rng() % (bounds.size() - 1)]);
  };
  std::size_t mismatches = 0;
  for (int round = 0; round < 300; ++round) {
    std::string input;
    const int pieces = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < pieces; ++i) {
      switch (rng() % 5) {
        case 0:
          input += pick(phrases);
          break;
        case 1:
          input += prefix_of(pick(phrases));
          break;
        case 2:
          input += pick(characters);
          break;
        case 3:
          input += pick(plain);
          break;
        default: {  // a phrase broken by a line break
          const auto phrase = pick(phrases);
          const auto bounds = char_bounds(phrase);
          const auto cut = bounds[1];
          input += phrase.substr(0, cut) + "\n" + phrase.substr(cut);
        }
      }
    }
    const simplified_text out = simplifier::shared().convert(input);
    if (out.text != reference_t2s().Convert(input)) {
      ++mismatches;
      INFO("input: " << input);
      CHECK(out.text == reference_t2s().Convert(input));
    }
    check_offsets_cover(input, out);
    CHECK(std::count(out.text.begin(), out.text.end(), '\n') ==
          std::count(input.begin(), input.end(), '\n'));
  }
  CHECK(mismatches == 0);
}

TEST_CASE("phrases convert as phrases, not character by character") {
  const auto& s = simplifier::shared();
  // 畫 alone is 画 (picture); in 計畫 it is 划 (plan).
  CHECK(s.convert("畫").text == "画");
  CHECK(s.convert("推進計畫").text == "推进计划");
  // 鍊 alone is 炼 (refine); in 鐵鍊 it is 链 (chain).
  CHECK(s.convert("鍊").text == "炼");
  CHECK(s.convert("鐵鍊").text == "铁链");
  // 乾 alone is 干; the phrase table keeps it in names.
  CHECK(s.convert("郭子乾").text == "郭子乾");
  CHECK(s.convert("乾").text == "干");
  CHECK(s.convert("省市場監管局牽頭").text == "省市场监管局牵头");

  SUBCASE("a phrase whose characters change byte length keeps exact offsets") {
    // 噁 (3 bytes) becomes 𫫇 (4 bytes) inside 二噁英.
    const std::string input = "ab二噁英c";
    const simplified_text out = s.convert(input);
    REQUIRE(out.text == "ab二\U0002BAC7英c");
    REQUIRE(out.text == reference_t2s().Convert(input));
    CHECK(out.offsets.to_source(0) == 0);
    CHECK(out.offsets.to_source(2) == 2);    // 二
    CHECK(out.offsets.to_source(5) == 5);    // 𫫇 ← 噁
    CHECK(out.offsets.to_source(9) == 8);    // 英
    CHECK(out.offsets.to_source(12) == 11);  // c
    CHECK(out.offsets.to_source(13) == 12);
  }
  SUBCASE("a character whose replacement is longer keeps exact offsets") {
    const std::string input = "x䶕y";  // U+4D95 (3 bytes) → U+2B728 (4 bytes)
    const simplified_text out = s.convert(input);
    REQUIRE(out.text == reference_t2s().Convert(input));
    REQUIRE(out.text.size() == input.size() + 1);
    check_offsets_per_character(input, out);
  }
}

TEST_CASE("simplifier edge cases") {
  const auto& s = simplifier::shared();
  SUBCASE("empty input") {
    const simplified_text out = s.convert("");
    CHECK(out.text.empty());
    CHECK(out.offsets.derived_size() == 0);
    CHECK(out.offsets.source_size() == 0);
    CHECK(out.offsets.to_source(0) == 0);
    CHECK(s.detect("") == script::none);
  }
  SUBCASE("line breaks are kept and never matched across") {
    const std::string input = "省市場監管局負責\n計\n畫\r\n\n";
    const simplified_text out = s.convert(input);
    CHECK(out.text == "省市场监管局负责\n计\n画\r\n\n");
    check_offsets_per_character(input, out);
  }
  SUBCASE("ASCII and simplified text pass through unchanged with an identity map") {
    const std::string input = "Produced By 2020年 知识产权 (一) abcdefghijklmnopqrstuvwxyz0123456789";
    const simplified_text out = s.convert(input);
    CHECK(out.text == input);
    CHECK(out.offsets.breakpoints().size() <= 1);
    check_offsets_per_character(input, out);
  }
  SUBCASE("malformed UTF-8 is copied, not dropped") {
    const std::string input = "監\xE8\xAA\n\xFF國";
    const simplified_text out = s.convert(input);
    CHECK(out.text == "监\xE8\xAA\n\xFF国");
    CHECK(out.offsets.to_source(out.text.size()) == input.size());
  }
}

TEST_CASE("script detection") {
  const auto& s = simplifier::shared();
  SUBCASE("the five seeds") {
    for (const auto& name : plancmp::test::seed_names()) {
      INFO(name);
      const script expected = name == plancmp::test::gansu ? script::traditional : script::simplified;
      CHECK(s.detect(plancmp::test::seed_bytes(name)) == expected);
    }
  }
  SUBCASE("convert() reports the verdict detect() gives") {
    std::vector<std::string> texts = {"", "省市場監管局牽頭", "省市场监管局牵头", "知识产权 知識產權", "中国 中國",
                                      "人民政府", "於", "Produced By 2020-06-04"};
    for (const auto& name : plancmp::test::seed_names()) texts.push_back(plancmp::test::seed_bytes(name));
    for (const auto& text : texts) {
      INFO(text.substr(0, 60));
      CHECK(s.convert(text).source_script == s.detect(text));
    }
  }
  SUBCASE("converted Gansu reads as simplified") {
    const auto gansu_text = plancmp::test::seed_bytes(plancmp::test::gansu);
    CHECK(s.detect(s.convert(gansu_text).text) == script::simplified);
  }
  SUBCASE("small strings") {
    CHECK(s.detect("省市場監管局牽頭") == script::traditional);
    CHECK(s.detect("省市场监管局牵头") == script::simplified);
    CHECK(s.detect("知识产权 知識產權") == script::mixed);
    CHECK(s.detect("中国 中國") == script::mixed);
    CHECK(s.detect("Produced By 2020-06-04") == script::none);
    CHECK(s.detect("人民政府") == script::none);  // the same in both scripts
    CHECK(s.detect("於") == script::none);        // in both scripts (於 / 于)
  }
  SUBCASE("a few stray characters do not flip a verdict") {
    std::string text;
    for (int i = 0; i < 20; ++i) text += "加强知识产权保护体系建设。";
    text += "國際";  // e.g. a quoted name
    CHECK(s.detect(text) == script::simplified);
  }
}

TEST_CASE("simplifier errors name the folder and the package to install") {
  CHECK_THROWS_WITH_AS(simplifier{"/nonexistent/opencc"},
                       "/nonexistent/opencc/TSPhrases.ocd2: OpenCC dictionary TSPhrases.ocd2 not "
                       "found in folder '/nonexistent/opencc'; install the Debian package "
                       "libopencc-data (OpenCC's dictionaries, next to libopencc1.1) or pass the "
                       "folder that holds t2s.json and its .ocd2 files",
                       plancmp::io_error);
  SUBCASE("a damaged dictionary") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("plancmp_test_script_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(opencc_dir + "/TSPhrases.ocd2", dir / "TSPhrases.ocd2");
    std::ofstream(dir / "TSCharacters.ocd2", std::ios::binary) << "not a dictionary";
    const std::string folder = dir.string();
    CHECK_THROWS_WITH_AS(simplifier{folder},
                         (folder +
                          "/TSCharacters.ocd2: cannot read OpenCC dictionary "
                          "TSCharacters.ocd2 in folder '" +
                          folder +
                          "' (Invalid format: Invalid OpenCC dictionary header); reinstall the "
                          "Debian package libopencc-data")
                             .c_str(),
                         plancmp::io_error);
    std::filesystem::remove_all(dir);
  }
  SUBCASE("the default folder is the one found at build time") {
    const simplifier own{std::string(PLANCMP_OPENCC_DATA_DIR)};
    CHECK(own.convert("監管").text == "监管");
  }
}

TEST_CASE("simplifier::shared is one instance, usable from many threads") {
  const auto gansu_text = plancmp::test::seed_bytes(plancmp::test::gansu);
  const std::string expected = simplifier::shared().convert(gansu_text).text;
  std::vector<const simplifier*> seen(4, nullptr);
  std::vector<int> ok(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      seen[i] = &simplifier::shared();
      ok[i] = seen[i]->convert(gansu_text).text == expected && seen[i]->detect(gansu_text) == script::traditional;
    });
  }
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i] == &simplifier::shared());
    CHECK(ok[i] == 1);
  }
}
