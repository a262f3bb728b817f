// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/tokenize.hpp>

#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include "support/seeds.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace plancmp::text;

namespace {

// The test's own UTF-8 decoder and character classes, independent of the library's:
// ICU's properties decide what is white space or punctuation (general categories P*,
// S*, Cc, Cf, Z*), which is a superset of what the tokenizers skip.
char32_t decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(length);
  return cp;
}

bool skipped(char32_t c) {
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  return u_isUWhiteSpace(static_cast<UChar32>(c)) ||
         (mask & (U_GC_P_MASK | U_GC_S_MASK | U_GC_CC_MASK | U_GC_CF_MASK | U_GC_Z_MASK)) != 0;
}

std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) out.push_back(decode(s, i));
  return out;
}

std::string without_skipped(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (!skipped(decode(s, i))) out.append(s.substr(at, i - at));
  }
  return out;
}

bool on_boundary(std::string_view s, std::size_t offset) {
  return offset == s.size() || (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

std::vector<std::string> words(std::string_view text, const std::vector<token>& tokens) {
  std::vector<std::string> out;
  for (const token& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

// Simplified-script seeds (Gansu is traditional; the lexicon is simplified).
const std::vector<std::string>& simplified_seeds() {
  static const std::vector<std::string> names = {plancmp::test::ningbo_2020, plancmp::test::hengshui,
                                                 plancmp::test::district, plancmp::test::ningbo_2017};
  return names;
}

// Structural invariants of a tokenization of `text`.
void check_tokens(std::string_view text, const std::vector<token>& tokens) {
  std::size_t previous_end = 0;
  std::string joined;
  for (const token& t : tokens) {
    REQUIRE(t.begin < t.end);
    REQUIRE(t.end <= text.size());
    CHECK(t.begin >= previous_end);
    CHECK(on_boundary(text, t.begin));
    CHECK(on_boundary(text, t.end));
    const auto cps = code_points(text.substr(t.begin, t.end - t.begin));
    CHECK_FALSE(skipped(cps.front()));
    CHECK_FALSE(skipped(cps.back()));
    joined.append(text.substr(t.begin, t.end - t.begin));
    previous_end = t.end;
  }
  // Nothing but white space and punctuation is left out.
  CHECK(without_skipped(joined) == without_skipped(text));
}

}  // namespace

TEST_CASE("char_ngrams: counts and byte offsets") {
  CHECK(char_ngrams("知识产权", 2) == std::vector<token>{{0, 6}, {3, 9}, {6, 12}});
  CHECK(char_ngrams("知识产权", 4) == std::vector<token>{{0, 12}});
  CHECK(char_ngrams("知识产权", 5).empty());
  CHECK(char_ngrams("知识", 1) == std::vector<token>{{0, 3}, {3, 6}});
  CHECK(char_ngrams("ab2025", 3) == std::vector<token>{{0, 3}, {1, 4}, {2, 5}, {3, 6}});
  CHECK(char_ngrams("", 2).empty());
  CHECK_THROWS_AS((void)char_ngrams("知识", 0), plancmp::usage_error);
  CHECK_THROWS_WITH((void)char_ngrams("知识", -1), doctest::Contains("n-grams need n ≥ 1"));
}

TEST_CASE("char_ngrams: n-grams never span white space or punctuation, ASCII or CJK") {
  const std::string text =
      "保护,运用。创造、管理;服务:“专利”《商标法》(版权)【地理】 标志\xC2\xA0"
      "秘密…品种—设计";
  const auto grams = words(text, char_ngrams(text, 2));
  CHECK(grams == std::vector<std::string>{"保护", "运用", "创造", "管理", "服务", "专利", "商标",
                                          "标法", "版权", "地理", "标志", "秘密", "品种", "设计"});
  CHECK(char_ngrams("a b", 2).empty());
  CHECK(char_ngrams("知,识", 2).empty());
}

TEST_CASE("char_ngrams: invariants and counts on every seed") {
  for (const std::string& seed : plancmp::test::seed_names()) {
    const std::string text = plancmp::test::seed_bytes(seed);
    for (const int n : {1, 2, 3}) {
      INFO(seed << " n=" << n);
      const auto grams = char_ngrams(text, n);
      // Reference count: a run of L word characters yields max(0, L - n + 1) n-grams.
      std::size_t expected = 0;
      std::size_t run = 0;
      for (const char32_t c : code_points(text)) {
        if (skipped(c)) {
          run = 0;
        } else if (++run >= static_cast<std::size_t>(n)) {
          ++expected;
        }
      }
      CHECK(grams.size() == expected);
      bool ok = true;
      for (std::size_t k = 0; k < grams.size() && ok; ++k) {
        const token& g = grams[k];
        const auto cps = code_points(std::string_view(text).substr(g.begin, g.end - g.begin));
        ok = on_boundary(text, g.begin) && on_boundary(text, g.end) &&
             cps.size() == static_cast<std::size_t>(n) &&
             std::none_of(cps.begin(), cps.end(), skipped) && (k == 0 || grams[k - 1].begin < g.begin);
      }
      CHECK(ok);
    }
  }
}

TEST_CASE("word_tokenizer: the documented example and lexicon terms kept whole") {
  const word_tokenizer& w = word_tokenizer::builtin();
  const std::string example = "加强知识产权保护";
  CHECK(words(example, w.tokenize(example)) == std::vector<std::string>{"加强", "知识产权", "保护"});

  // Real seed sentences (simplified script).
  const std::string hengshui_text =
      "市市场监督管理局牵头,市发展改革委、市教育局、市科学技术局、市工业和信息化局等按职责分工负责";
  const auto h = words(hengshui_text, w.tokenize(hengshui_text));
  REQUIRE(h.size() >= 2);
  CHECK(h[0] == "市");
  CHECK(h[1] == "市场监督管理局");
  for (const char* term : {"发展改革委", "教育局", "科学技术局", "工业和信息化局"}) {
    CHECK(std::find(h.begin(), h.end(), term) != h.end());
  }
  const std::string ningbo_text =
      "加强地理标志及区域公共品牌建设,盘活地理标志资源,出台宁波市地理标志运用促进工程实施方案。";
  const auto n = words(ningbo_text, w.tokenize(ningbo_text));
  CHECK(std::count(n.begin(), n.end(), std::string("地理标志")) == 2);
  CHECK(std::count(n.begin(), n.end(), std::string("地理标志运用促进工程")) == 1);
  const std::string district_text = "(区市场监管局、区司法局按职责分工负责;2025年12月底前完成)";
  const auto d = words(district_text, w.tokenize(district_text));
  CHECK(std::find(d.begin(), d.end(), "市场监管局") != d.end());
  CHECK(std::find(d.begin(), d.end(), "2025") != d.end());
  CHECK(std::find(d.begin(), d.end(), "(") == d.end());
}

TEST_CASE("word_tokenizer: every occurrence of key terms in the seeds is one token or inside one") {
  const word_tokenizer& w = word_tokenizer::builtin();
  for (const std::string& seed : simplified_seeds()) {
    const std::string text = plancmp::test::seed_bytes(seed);
    const auto tokens = w.tokenize(text);
    for (const std::string_view term :
         {"知识产权", "市场监督管理局", "地理标志", "商业秘密", "植物新品种"}) {
      std::size_t occurrences = 0;
      std::size_t covered = 0;
      for (std::size_t at = text.find(term); at != std::string::npos; at = text.find(term, at + 1)) {
        ++occurrences;
        const auto it = std::find_if(tokens.begin(), tokens.end(), [&](const token& t) {
          return t.begin <= at && at + term.size() <= t.end;
        });
        covered += it != tokens.end();
      }
      INFO(seed << " " << term);
      CHECK(covered == occurrences);
    }
  }
}

TEST_CASE("word_tokenizer: offsets are valid and nothing but separators is dropped, on all seeds") {
  const word_tokenizer& w = word_tokenizer::builtin();
  for (const std::string& seed : plancmp::test::seed_names()) {
    INFO(seed);
    const std::string text = plancmp::test::seed_bytes(seed);
    check_tokens(text, w.tokenize(text));
  }
  for (const std::string_view text :
       {std::string_view(""), std::string_view(" ,。 "), std::string_view("PCT"),
        std::string_view("𠀀知识产权𠀁 abc"), std::string_view("3.85件、0.56")}) {
    INFO(text);
    check_tokens(text, w.tokenize(text));
  }
}

TEST_CASE("word_tokenizer: custom lexicon, Latin terms only between non-letters") {
  const word_tokenizer w({"PCT", "知识产权", "知识产权局"});
  const std::string a = "PCT国际申请";
  CHECK(words(a, w.tokenize(a)).front() == "PCT");
  const std::string b = "pct申请";  // ASCII case is folded
  CHECK(words(b, w.tokenize(b)).front() == "pct");
  const std::string c = "PCTX申请";
  CHECK(words(c, w.tokenize(c)).front() == "PCTX");
  const std::string d = "市知识产权局";  // the longest term wins
  CHECK(words(d, w.tokenize(d)) == std::vector<std::string>{"市", "知识产权局"});

  CHECK_THROWS_WITH_AS(
      word_tokenizer({"知识产权", "专利。"}),
      "word_tokenizer: lexicon term 1 (\"专利。\"): begins or ends with white space or "
      "punctuation; fix or remove the term",
      plancmp::usage_error);
  CHECK_THROWS_AS(word_tokenizer({""}), plancmp::usage_error);
  CHECK_THROWS_AS(word_tokenizer({"\xE7\x9F"}), plancmp::usage_error);

  const word_tokenizer empty({});
  const std::string e = "加强知识产权保护";
  check_tokens(e, empty.tokenize(e));
}

TEST_CASE("word_tokenizer: thread-safe tokenize") {
  const word_tokenizer& w = word_tokenizer::builtin();
  std::vector<std::string> texts;
  std::vector<std::vector<token>> expected;
  for (const std::string& seed : plancmp::test::seed_names()) {
    texts.push_back(plancmp::test::seed_bytes(seed));
    expected.push_back(w.tokenize(texts.back()));
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (std::size_t k = 0; k < texts.size(); ++k) {
          mismatches[t] +=
              w.tokenize(texts[(k + t) % texts.size()]) != expected[(k + t) % texts.size()];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("word_tokenizer: reading lexicon files") {
  using plancmp::schema_error;
  const auto builtin =
      word_tokenizer::read_lexicon(plancmp::builtin_data("lexicon.json"), "lexicon.json");
  CHECK(builtin.size() >= 300);
  for (const char* term : {"知识产权", "市场监督管理局", "市场监管局", "地理标志", "商业秘密",
                           "植物新品种", "集成电路布图设计", "专利导航", "高价值专利", "质押融资",
                           "行政裁决", "惩罚性赔偿", "知识产权保护中心", "发展改革委", "科学技术局"}) {
    CHECK(std::find(builtin.begin(), builtin.end(), term) != builtin.end());
  }
  CHECK(word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/1", "terms": ["甲乙", "丙丁"],
      "groups": [{"name": "g", "terms": ["戊己"]}]})",
                                     "x.json") == std::vector<std::string>{"甲乙", "丙丁", "戊己"});
  CHECK_THROWS_WITH_AS(
      word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/2", "terms": []})", "x.json"),
      "x.json: /schema: unsupported schema \"plancmp.lexicon/2\"; this version of plancmp reads "
      "\"plancmp.lexicon/1\"",
      schema_error);
  CHECK_THROWS_WITH_AS(word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/1"})", "x.json"),
                       "x.json: /: no terms; add a \"terms\" array or a \"groups\" array",
                       schema_error);
  CHECK_THROWS_WITH_AS(word_tokenizer::read_lexicon(
                           R"({"schema": "plancmp.lexicon/1", "terms": ["甲乙", 5]})", "x.json"),
                       "x.json: /terms/1: expected a string, found number", schema_error);
  CHECK_THROWS_WITH_AS(
      word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/1", "terms": ["甲乙"],
          "groups": [{"name": "g", "terms": ["丙", "甲乙"]}]})",
                                   "x.json"),
      "x.json: /groups/0/terms/1: duplicate term \"甲乙\" (first at /terms/0); remove one",
      schema_error);
  CHECK_THROWS_WITH_AS(
      word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/1", "terms": [" 甲乙"]})", "x.json"),
      "x.json: /terms/0: term \" 甲乙\": begins or ends with white space or punctuation; fix or remove "
      "it",
      schema_error);
  CHECK_THROWS_WITH_AS(
      word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/1", "groups": [{"terms": ["甲"]}]})",
                                   "x.json"),
      "x.json: /groups/0/name: every group needs a non-empty \"name\"", schema_error);
  CHECK_THROWS_WITH_AS(
      word_tokenizer::read_lexicon(R"({"schema": "plancmp.lexicon/1", "words": []})", "x.json"),
      "x.json: /words: unknown key \"words\"; known keys: schema, revision, description, terms, groups",
      schema_error);
  CHECK_THROWS_WITH_AS(word_tokenizer::read_lexicon("{", "x.json"), doctest::Contains("x.json: byte"),
                       schema_error);
}
