// SPDX-License-Identifier: MIT
#include <plancmp/text/detail/aho_corasick.hpp>

#include <doctest/doctest.h>

#include "reference/naive_matcher.hpp"
#include "support/seeds.hpp"

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

using plancmp::detail::aho_corasick;
using plancmp::reference::naive_match;
using plancmp::reference::naive_pattern;

namespace {

std::vector<naive_match> as_naive(const std::vector<aho_corasick::match>& matches) {
  std::vector<naive_match> out;
  for (const auto& m : matches) out.push_back({m.begin, m.end, m.id});
  return out;
}

aho_corasick build(const std::vector<naive_pattern>& patterns, bool fold) {
  std::vector<aho_corasick::pattern> in;
  for (const auto& p : patterns) in.push_back({p.bytes, p.id});
  return aho_corasick(in, {.ascii_case_insensitive = fold});
}

// Random strings over a small alphabet, so that patterns overlap and nest often; the
// alphabet mixes ASCII of both cases with multi-byte UTF-8.
std::string random_string(std::mt19937& rng, std::size_t max_symbols) {
  static const std::vector<std::string> alphabet = {"a", "b", "A", "B", "知", "识", "产", "权"};
  std::uniform_int_distribution<std::size_t> length(1, max_symbols);
  std::uniform_int_distribution<std::size_t> symbol(0, alphabet.size() - 1);
  std::string s;
  for (std::size_t n = length(rng); n > 0; --n) s += alphabet[symbol(rng)];
  return s;
}

}  // namespace

TEST_CASE("aho_corasick: the documented example") {
  const aho_corasick ac(std::vector<aho_corasick::pattern>{{"知识产权", 1}, {"产权", 2}});
  using m = aho_corasick::match;
  CHECK(ac.find_all("加强知识产权保护") == std::vector<m>{{6, 18, 1}, {12, 18, 2}});
  CHECK(ac.find_leftmost_longest("加强知识产权保护") == std::vector<m>{{6, 18, 1}});
  CHECK(ac.contains_any("产权"));
  CHECK_FALSE(ac.contains_any("知识"));
  CHECK(ac.pattern_count() == 2);
  CHECK(ac.max_pattern_length() == 12);
}

TEST_CASE("aho_corasick: leftmost-longest rescans after a committed match") {
  // "ab" is final only once "abcdx" fails; "c" lies inside the abandoned "abcd" and must
  // still be found.
  const aho_corasick ac(std::vector<std::string>{"ab", "abcdx", "c"});
  using m = aho_corasick::match;
  CHECK(ac.find_leftmost_longest("abcdy") == std::vector<m>{{0, 2, 0}, {2, 3, 2}});
  CHECK(ac.find_leftmost_longest("abcdx") == std::vector<m>{{0, 5, 1}});
}

TEST_CASE("aho_corasick: duplicates, shared ids, case folding, empty automaton") {
  using m = aho_corasick::match;
  const aho_corasick dup(std::vector<aho_corasick::pattern>{{"ab", 7}, {"ab", 3}, {"b", 7}});
  CHECK(dup.find_all("ab") == std::vector<m>{{0, 2, 7}, {0, 2, 3}, {1, 2, 7}});
  CHECK(dup.find_leftmost_longest("ab") == std::vector<m>{{0, 2, 7}});

  const aho_corasick folded(std::vector<std::string>{"Produced By"}, {.ascii_case_insensitive = true});
  CHECK(folded.contains_any("PRODUCED BY x"));
  CHECK(folded.contains_any("produced by"));
  const aho_corasick exact(std::vector<std::string>{"Produced By"});
  CHECK_FALSE(exact.contains_any("produced by"));

  CHECK(dup.longest_match_at("xab", 1) == aho_corasick::match{1, 3, 7});
  CHECK(dup.longest_match_at("xab", 2) == aho_corasick::match{2, 3, 7});
  CHECK_FALSE(dup.longest_match_at("xab", 0));
  CHECK_FALSE(dup.longest_match_at("xab", 3));

  const aho_corasick none;
  CHECK(none.empty());
  CHECK_FALSE(none.longest_match_at("abc", 0));
  CHECK(none.find_all("abc").empty());
  CHECK(none.find_leftmost_longest("abc").empty());
  const aho_corasick no_patterns(std::vector<std::string>{});
  CHECK(no_patterns.find_all("abc").empty());

  CHECK_THROWS_AS(aho_corasick(std::vector<std::string>{"a", ""}), std::invalid_argument);
}

TEST_CASE("aho_corasick: a visitor can stop the scan") {
  const aho_corasick ac(std::vector<std::string>{"a"});
  int seen = 0;
  CHECK_FALSE(ac.for_each_match("aaaa", [&](const aho_corasick::match&) { return ++seen < 2; }));
  CHECK(seen == 2);
  seen = 0;
  CHECK_FALSE(
      ac.for_each_leftmost_longest("aaaa", [&](const aho_corasick::match&) { return ++seen < 3; }));
  CHECK(seen == 3);
}

TEST_CASE("aho_corasick: every byte value can be a pattern byte") {
  // 256 distinct bytes in use: no byte class is left for "in no pattern".
  std::vector<std::string> patterns;
  for (int b = 0; b < 256; ++b) patterns.emplace_back(1, static_cast<char>(b));
  patterns.emplace_back("\xFF\x00", 2);
  const aho_corasick ac(patterns);
  const std::string text("\x01\xFF\x00z", 4);
  const auto found = ac.find_leftmost_longest(text);
  REQUIRE(found.size() == 3);
  CHECK(found[1] == aho_corasick::match{1, 3, 256});
  CHECK(ac.find_all(text).size() == 5);
}

TEST_CASE("aho_corasick: agrees with the naive reference on random inputs") {
  std::mt19937 rng(20240611);
  for (int round = 0; round < 600; ++round) {
    const bool fold = round % 3 == 0;
    std::vector<naive_pattern> patterns;
    std::uniform_int_distribution<int> count(1, 8);
    std::uniform_int_distribution<std::uint32_t> id(0, 4);  // ids repeat on purpose
    for (int k = count(rng); k > 0; --k) patterns.push_back({random_string(rng, 4), id(rng)});
    const aho_corasick ac = build(patterns, fold);
    for (int t = 0; t < 5; ++t) {
      const std::string text = random_string(rng, 30);
      INFO("round " << round << " text " << text << " fold " << fold);
      CHECK(as_naive(ac.find_all(text)) == plancmp::reference::naive_find_all(text, patterns, fold));
      CHECK(as_naive(ac.find_leftmost_longest(text)) ==
            plancmp::reference::naive_leftmost_longest(text, patterns, fold));
      for (std::size_t at = 0; at <= text.size(); ++at) {
        bool found = false;
        const naive_match want = plancmp::reference::naive_longest_at(text, at, patterns, found, fold);
        const auto got = ac.longest_match_at(text, at);
        CHECK(got.has_value() == found);
        if (got && found) CHECK(naive_match{got->begin, got->end, got->id} == want);
      }
    }
  }
}

TEST_CASE("aho_corasick: agrees with the naive reference on the seeds") {
  std::vector<naive_pattern> patterns = {
      {"知识产权", 0}, {"知识产权局", 1}, {"产权", 2}, {"市场监督管理局", 3}, {"市场监管局", 4},
      {"监管", 5},     {"地理标志", 6},   {"(", 7},    {"负责)", 8},          {"2025", 9}};
  const aho_corasick ac = build(patterns, false);
  for (const std::string& seed : plancmp::test::seed_names()) {
    const std::string text = plancmp::test::seed_bytes(seed);
    INFO(seed);
    CHECK(as_naive(ac.find_all(text)) == plancmp::reference::naive_find_all(text, patterns));
    CHECK(as_naive(ac.find_leftmost_longest(text)) ==
          plancmp::reference::naive_leftmost_longest(text, patterns));
  }
}

namespace {

std::vector<aho_corasick::match> sorted(std::vector<aho_corasick::match> matches) {
  std::sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
    return std::tie(a.begin, a.end, a.id) < std::tie(b.begin, b.end, b.id);
  });
  return matches;
}

std::vector<aho_corasick::match> any_order(const aho_corasick& ac, std::string_view text) {
  std::vector<aho_corasick::match> out;
  ac.for_each_match_any_order(text, [&](const aho_corasick::match& m) { out.push_back(m); });
  return out;
}

}  // namespace

TEST_CASE("aho_corasick: for_each_match_any_order finds what for_each_match finds") {
  // Patterns of at least 3 bytes turn the prefilter on; shorter ones leave it off. Texts
  // run from empty to longer than a loaded word, so both scan loops and the tail run.
  std::mt19937 rng(20261201);
  for (int round = 0; round < 600; ++round) {
    const bool fold = round % 3 == 0;
    const std::size_t min_bytes = round % 4 == 0 ? 1 : 3;
    std::vector<naive_pattern> patterns;
    std::uniform_int_distribution<int> count(1, 8);
    for (int k = count(rng); k > 0; --k) {
      std::string p = random_string(rng, 4);
      if (p.size() >= min_bytes) patterns.push_back({p, static_cast<std::uint32_t>(k % 3)});
    }
    if (patterns.empty()) continue;
    const aho_corasick ac = build(patterns, fold);
    for (int t = 0; t < 5; ++t) {
      const std::string text = t == 0 ? std::string() : random_string(rng, 14);
      INFO("round " << round << " text " << text << " fold " << fold);
      CHECK(sorted(any_order(ac, text)) == sorted(ac.find_all(text)));
      CHECK(ac.contains_any(text) == !ac.find_all(text).empty());
    }
  }
  const aho_corasick folded(std::vector<std::string>{"Produced By", "ICP备"}, {.ascii_case_insensitive = true});
  CHECK(any_order(folded, "xx pRODUCED bY") == std::vector<aho_corasick::match>{{3, 14, 0}});
  CHECK(any_order(folded, "icp备") == std::vector<aho_corasick::match>{{0, 6, 1}});
  CHECK(any_order(folded, "ICP").empty());

  const aho_corasick cjk(std::vector<std::string>{"知识产权", "市场监管局", "按职责分工负责"});
  for (const std::string& seed : plancmp::test::seed_names()) {
    const std::string text = plancmp::test::seed_bytes(seed);
    INFO(seed);
    CHECK(sorted(any_order(cjk, text)) == sorted(cjk.find_all(text)));
  }
}
