// SPDX-License-Identifier: MIT
// Smith–Waterman with affine gaps in linear memory, against full-matrix references on
// random strings over small alphabets.
#include <plancmp/analysis/local_alignment.hpp>

#include "reference/full_smith_waterman.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace plancmp;
using analysis::alignment_scoring;
using analysis::best_local_alignment;

TEST_CASE("best_local_alignment: known cases") {
  SUBCASE("the doc example: a phrase inside a longer string") {
    const std::u32string a = U"xx加强知识产权保护yy";
    const std::u32string b = U"加强知识产权保护";
    const auto r = best_local_alignment(a, b);
    CHECK(r.a_begin == 2);
    CHECK(r.a_end == 10);
    CHECK(r.b_begin == 0);
    CHECK(r.b_end == 8);
    CHECK(r.score == 16);
    CHECK(r.matches == 8);
    CHECK(r.mismatches == 0);
    CHECK(r.gaps == 0);
    CHECK(r.identity() == 1.0);
  }
  SUBCASE("an insertion is bridged by an affine gap") {
    const std::u32string a = U"引导企业、高校、科研院所建立知识产权工作管理规范体系";
    const std::u32string b = U"引导企业、高校、科研院所、专利代理机构建立知识产权工作管理规范体系";
    const auto r = best_local_alignment(a, b);
    CHECK(r.a_begin == 0);
    CHECK(r.a_end == a.size());
    CHECK(r.b_begin == 0);
    CHECK(r.b_end == b.size());
    CHECK(r.matches == a.size());
    CHECK(r.gaps == b.size() - a.size());
  }
  SUBCASE("nothing in common, empty input, masked characters") {
    CHECK(best_local_alignment(std::u32string(U"abc"), std::u32string(U"xyz")).score == 0);
    CHECK(best_local_alignment(std::u32string(), std::u32string(U"xyz")).score == 0);
    const std::u32string masked(5, analysis::masked_character);
    CHECK(best_local_alignment(masked, masked).score == 0);
    std::u32string boiler = U"按职责分工负责";
    for (char32_t& c : boiler) c |= analysis::boilerplate_bit;
    CHECK(best_local_alignment(boiler, boiler).score == 0);
  }
  SUBCASE("boilerplate inside a copied passage is bridged, not counted") {
    std::u32string a = U"甲乙丙丁加强知识产权保护戊己庚辛";
    for (std::size_t i = 4; i < 12; ++i) a[i] |= analysis::boilerplate_bit;
    const auto r = best_local_alignment(a, a);
    CHECK(r.a_begin == 0);
    CHECK(r.a_end == a.size());
    CHECK(r.matches == 8);
    CHECK(r.neutral == 8);
    CHECK(r.score == 16);
  }
  SUBCASE("local_alignments finds the copies one after another") {
    const std::u32string a = U"甲乙丙丁戊己庚辛----子丑寅卯辰巳午未";
    const std::u32string b = U"子丑寅卯辰巳午未####甲乙丙丁戊己庚辛";
    const auto all = analysis::local_alignments(a, b, 10);
    REQUIRE(all.size() == 2);
    CHECK(all[0].matches == 8);
    CHECK(all[1].matches == 8);
    CHECK(all[0].a_begin != all[1].a_begin);
  }
}

TEST_CASE("best_local_alignment agrees with full-matrix Smith–Waterman on random strings") {
  std::mt19937 rng(1201);
  const std::vector<alignment_scoring> scorings = {{}, {1, -1, -2, -1}, {3, -2, -5, -1}, {2, -3, 0, -2}};
  for (int trial = 0; trial < 1500; ++trial) {
    const alignment_scoring s = scorings[static_cast<std::size_t>(trial) % scorings.size()];
    std::uniform_int_distribution<int> length(0, trial < 500 ? 9 : 60);
    std::uniform_int_distribution<int> letter(0, trial % 2 == 0 ? 2 : 5);
    auto make = [&] {
      std::u32string x(static_cast<std::size_t>(length(rng)), U'a');
      for (char32_t& c : x) {
        const int kind = letter(rng);
        c = U'a' + char32_t(letter(rng));
        if (kind == 0) c = analysis::masked_character;
        if (kind == 1 && trial % 3 == 0) c |= analysis::boilerplate_bit;
      }
      return x;
    };
    const std::u32string a = make();
    const std::u32string b = make();
    CAPTURE(trial);
    const auto r = best_local_alignment(a, b, s);
    const auto ref = reference::full_smith_waterman(a, b, s);
    REQUIRE(r.score == ref.score);
    if (ref.score == 0) continue;
    CHECK(r.a_end == ref.a_end);
    CHECK(r.b_end == ref.b_end);
    // The rectangle found aligns globally with the best score …
    const std::u32string sa = a.substr(r.a_begin, r.a_end - r.a_begin);
    const std::u32string sb = b.substr(r.b_begin, r.b_end - r.b_begin);
    CHECK(reference::global_score(sa, sb, s) == r.score);
    // … and is the shortest such: no later start reaches the score.
    if (a.size() <= 9 && b.size() <= 9) {
      for (std::size_t i0 = r.a_begin; i0 <= r.a_end; ++i0)
        for (std::size_t j0 = (i0 == r.a_begin ? r.b_begin + 1 : 0); j0 <= r.b_end; ++j0)
          CHECK(reference::global_score(a.substr(i0, r.a_end - i0), b.substr(j0, r.b_end - j0), s) <
                r.score);
    }
    // The traceback accounts for every character of both sides.
    const std::size_t aligned = r.matches + r.neutral + r.mismatches;
    CHECK(aligned * 2 + r.gaps == sa.size() + sb.size());
    const int base = int(r.matches) * s.match + int(r.mismatches) * s.mismatch +
                     int(r.gaps) * s.gap_extend;
    CHECK(r.score <= base + (r.gaps > 0 ? s.gap_open : 0));
    CHECK(r.score >= base + int(r.gaps) * s.gap_open);
  }
}
