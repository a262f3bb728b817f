// SPDX-License-Identifier: MIT
#include <plancmp/text/detail/utf8.hpp>

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>

using plancmp::text::detail::find;

TEST_CASE("find: as string_view::find") {
  constexpr auto npos = std::string_view::npos;
  SUBCASE("edge cases") {
    CHECK(plancmp::text::detail::find("", "") == 0);
    CHECK(plancmp::text::detail::find("abc", "") == 0);
    CHECK(plancmp::text::detail::find("abc", "", 3) == 3);
    CHECK(plancmp::text::detail::find("abc", "", 4) == npos);
    CHECK(plancmp::text::detail::find("abc", "c", 3) == npos);
    CHECK(plancmp::text::detail::find("", "a") == npos);
    CHECK(plancmp::text::detail::find("ab", "abc") == npos);
    CHECK(plancmp::text::detail::find("abc", "abc") == 0);
    CHECK(plancmp::text::detail::find("xabc", "abc", 1) == 1);
    CHECK(plancmp::text::detail::find("xabc", "abc", 2) == npos);
  }
  SUBCASE("Chinese text") {
    const std::string_view s = "加强知识产权保护。完善知识产权运用。";
    CHECK(plancmp::text::detail::find(s, "知识产权") == s.find("知识产权"));
    CHECK(plancmp::text::detail::find(s, "知识产权", 7) == s.find("知识产权", 7));
    CHECK(plancmp::text::detail::find(s, "。") == s.find("。"));
    CHECK(plancmp::text::detail::find(s, "。", s.find("。") + 1) == s.find("。", s.find("。") + 1));
    CHECK(plancmp::text::detail::find(s, "牵头") == npos);
  }
  SUBCASE("random texts over a small alphabet agree with the standard library") {
    std::mt19937 rng(7);
    const std::string_view alphabet[] = {"a", "b", "知", "识", "。", "一", "\xE7", "\x9F", "\x80"};
    auto random_text = [&](std::size_t max_pieces) {
      std::string out;
      const std::size_t pieces = rng() % (max_pieces + 1);
      for (std::size_t i = 0; i < pieces; ++i) out += alphabet[rng() % std::size(alphabet)];
      return out;
    };
    for (int trial = 0; trial < 20000; ++trial) {
      const std::string text = random_text(12);
      const std::string needle = random_text(3);
      const std::size_t pos = rng() % (text.size() + 2);
      INFO(text, " / ", needle, " @ ", pos);
      CHECK(plancmp::text::detail::find(text, needle, pos) == std::string_view(text).find(needle, pos));
    }
  }
}

TEST_CASE("rfind: as string_view::rfind") {
  using plancmp::text::detail::rfind;
  constexpr auto npos = std::string_view::npos;
  SUBCASE("edge cases") {
    CHECK(rfind("", "") == 0);
    CHECK(rfind("abc", "") == 3);
    CHECK(rfind("abc", "", 1) == 1);
    CHECK(rfind("abc", "", 7) == 3);
    CHECK(rfind("", "a") == npos);
    CHECK(rfind("ab", "abc") == npos);
    CHECK(rfind("abc", "abc") == 0);
    CHECK(rfind("abcabc", "abc") == 3);
    CHECK(rfind("abcabc", "abc", 2) == 0);
    CHECK(rfind("abcabc", "abc", 3) == 3);
    CHECK(rfind("xabc", "x", 0) == 0);
  }
  SUBCASE("Chinese text") {
    const std::string_view s = "加强知识产权保护。完善知识产权运用。";
    CHECK(rfind(s, "知识产权") == s.rfind("知识产权"));
    CHECK(rfind(s, "知识产权", 20) == s.rfind("知识产权", 20));
    CHECK(rfind(s, "。") == s.rfind("。"));
    CHECK(rfind(s, "。", s.size() - 4) == s.rfind("。", s.size() - 4));
    CHECK(rfind(s, ",") == npos);
  }
  SUBCASE("random texts over a small alphabet agree with the standard library") {
    std::mt19937 rng(11);
    const std::string_view alphabet[] = {"a", "b", "知", "识", "。", "一", "\xE7", "\x9F", "\x80"};
    auto random_text = [&](std::size_t max_pieces) {
      std::string out;
      const std::size_t pieces = rng() % (max_pieces + 1);
      for (std::size_t i = 0; i < pieces; ++i) out += alphabet[rng() % std::size(alphabet)];
      return out;
    };
    for (int trial = 0; trial < 20000; ++trial) {
      const std::string text = random_text(12);
      const std::string needle = random_text(3);
      const std::size_t pos = trial % 4 == 0 ? npos : rng() % (text.size() + 2);
      INFO(text, " / ", needle, " @ ", pos);
      CHECK(rfind(text, needle, pos) == std::string_view(text).rfind(needle, pos));
    }
  }
}
