// SPDX-License-Identifier: MIT
// The comparison tables of several plans (what `plancmp compare`, example 02 and the HTML
// report print): their order, the editions found among the seeds, the gap tables.
#include <plancmp/report/comparison.hpp>

#include <plancmp/error.hpp>

#include "support/parsed.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace plancmp;

namespace {

std::vector<source_plan> seeds(const std::vector<std::string>& names) {
  std::vector<source_plan> out;
  for (const auto& name : names)
    out.push_back(test::parse_text(test::seed_bytes(name), "seeds/" + name));
  return out;
}

std::vector<source_plan> inputs_of(const std::vector<source_plan>& plans) {
  std::vector<source_plan> out;
  for (const auto& x : plans) out.push_back(x);
  return out;
}

std::vector<std::string> captions(const std::vector<report::table>& tables) {
  std::vector<std::string> out;
  for (const auto& t : tables) out.push_back(t.caption);
  return out;
}

}  // namespace

TEST_CASE("comparison of the five seeds: every table, in order") {
  const auto plans = seeds(test::seed_names());
  const auto inputs = inputs_of(plans);
  const auto tables = report::comparison(inputs);
  CHECK(captions(tables) == std::vector<std::string>{
                                "Plans", "Plan × plan similarity: mean best match",
                                "Coverage: ip_value_chain — share of measures",
                                "Coverage: policy_tools — share of measures",
                                "Policy tools × value chain: all 5 plans", "Quantitative targets",
                                "Agency functions across plans", "Gaps of 宁波市 2020",
                                "Gaps of 衡水市 2022", "Gaps of 甘肅省 2020", "Gaps of 武汉市某区 2024",
                                "Gaps of 宁波市 2017", "宁波市 2017 → 宁波市 2020"});
  // The summary: one row per plan, the title cell linked to its span.
  const auto& summary = tables[0];
  REQUIRE(summary.rows.size() == 5);
  CHECK(summary.rows[3][0].text() == "武汉市某区 2024");
  CHECK(summary.rows[3][4].text() == "district");
  for (std::size_t k = 0; k < 5; ++k) {
    const auto& title = summary.rows[k][2];
    REQUIRE(title.where);  // a title may run over two lines: its span covers both
    CHECK(!title.where->empty());
    CHECK(title.where->end <= plans[k].document().original.size());
  }
  // Gap tables: each plan against the four others.
  // (rows of this build, pinned: a change to alignment, tagging or targets shows here;
  // 5 fewer each since Ningbo 2017's annex budget amounts are no targets to be missing,
  // and one fewer for 衡水 2022 since the policy-tool dictionaries follow the codebook;
  // then 127, 154, 106, 109, 216 → 119, 120, 120, 116, 211 with the aligner's sentence,
  // context and position signals of issue 21: more reference measures find a counterpart
  // in the Ningbo and Hengshui plans, fewer in the Gansu and district plans — see
  // test_gaps.cpp for the Ningbo–Hengshui gaps checked against the gold pair); then 114 and
  // 210 for the district and Ningbo 2017 after the coding round of issue 20 (run-in titles,
  // cited titles: see test_gaps.cpp for the district's two); then 115 for the district
  // after the fourth round (产业集群 as guidance changes the sub-tool profile of its 三.34,
  // and 衡水 2022 四.(三) 培育高价值商标品牌 falls to 0.330, just under the 0.35 counterpart bar)
  const std::size_t gap_rows[] = {119, 120, 120, 115, 210};
  for (std::size_t k = 7; k < 12; ++k) CHECK(tables[k].rows.size() == gap_rows[k - 7]);
  // The edition diff: 2020 五.(十八) carried over from 2017 三.(一).3; 市知识产权局 renamed.
  const auto& diff = tables.back();
  const auto row = [&](std::string_view kind, std::string_view old_item) {
    return std::find_if(diff.rows.begin(), diff.rows.end(),
                        [&](const auto& r) { return r[0].text() == kind && r[1].text() == old_item; });
  };
  REQUIRE(row("carried", "三.(一).3") != diff.rows.end());
  CHECK((*row("carried", "三.(一).3"))[2].text() == "五.(十八)");
  CHECK(row("agency_renamed", "市知识产权局") != diff.rows.end());
  CHECK(row("agency_dropped", "市知识产权局") == diff.rows.end());
  // The same inputs give the same tables.
  CHECK(report::comparison(inputs)[7].rows.size() == tables[7].rows.size());

  SUBCASE("without gaps and editions") {
    report::comparison_options options;
    options.gaps = false;
    options.editions = false;
    CHECK(report::comparison(inputs, options).size() == 7);
  }
}

TEST_CASE("edition_pairs: same recognized jurisdiction, different years, older first") {
  const auto plans = seeds({test::ningbo_2020, test::hengshui, test::ningbo_2017, test::district});
  const auto inputs = inputs_of(plans);
  using pairs = std::vector<std::pair<std::size_t, std::size_t>>;
  CHECK(report::edition_pairs(inputs) == pairs{{2, 0}});
  // The district names no place: never an edition of anything.
  const auto two = seeds({test::district, test::district});
  CHECK(report::edition_pairs(inputs_of(two)).empty());
  // One plan: a summary and coverage, no similarity, gaps or diffs.
  const auto one = report::comparison(std::span(inputs).first(1));
  CHECK(captions(one).front() == "Plans");
  CHECK(std::none_of(one.begin(), one.end(),
                     [](const auto& t) { return t.caption.starts_with("Gaps of"); }));
  CHECK(report::gap_tables(std::span(inputs).first(1)).empty());
  // A missing document is a usage error, not a crash: a source_plan refuses to be made without one.
  CHECK_THROWS_AS((void)source_plan(nullptr, plans[0].shared_plan()), usage_error);
}

TEST_CASE("same_series: titles of one subject, not plans of one jurisdiction") {
  auto titled = [](std::string title) {
    plan p;
    p.title = std::move(title);
    p.issuing_jurisdiction.name = "山东省";
    return p;
  };
  CHECK(report::same_series(titled("宁波市知识产权运营服务体系建设实施方案"), titled("关于全面加强知识产权工作的实施意见")));
  CHECK(report::same_series(titled("数字山东2019行动方案"), titled("数字山东2021行动方案")));
  CHECK_FALSE(report::same_series(titled("山东省“十四五”工业互联网发展规划"), titled("山东省2022年外贸稳增长若干措施")));
  CHECK_FALSE(report::same_series(titled("实施方案"), titled("实施方案")));  // genre words only: no subject
}

TEST_CASE("comparison: a series named by the user replaces the guessed editions") {
  const auto plans = seeds({test::ningbo_2020, test::hengshui, test::ningbo_2017});
  const auto inputs = inputs_of(plans);
  report::comparison_options options;
  options.gaps = false;
  options.series = {{0, 1}};  // whatever the titles say
  const auto tables = report::comparison(inputs, options);
  CHECK(tables.back().caption == "宁波市 2020 → 衡水市 2022");
  options.series = {{0, 7}};
  CHECK_THROWS_AS((void)report::comparison(inputs, options), usage_error);
}
