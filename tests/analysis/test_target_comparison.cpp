// SPDX-License-Identifier: MIT
#include <plancmp/analysis/target_comparison.hpp>
#include <plancmp/error.hpp>

#include <doctest/doctest.h>

using namespace plancmp;
using namespace plancmp::analysis;

namespace {
target make(std::string indicator, double value, std::string unit, comparator kind = comparator::reach,
            bool periodic = false) {
  target t;
  t.indicator = std::move(indicator);
  t.indicator_key = "patents";
  t.value = t.normalized_value = value;
  t.unit = t.base_unit = std::move(unit);
  t.kind = kind;
  t.periodic = periodic;
  return t;
}
}  // namespace

TEST_CASE("target comparability: quantity, scope, unit") {
  const target stock = make("有效发明专利拥有量", 400000, "件");
  const target flow = make("年新增有效发明专利", 50000, "件", comparator::at_least, true);
  const target growth = make("专利授权量", 20, "%", comparator::annual_growth);
  const target per_portfolio = make("每个专利组合包含专利", 10, "件");
  const target share = make("专利实施率", 60, "%");
  CHECK(profile_of(stock).quantity == target_quantity::stock);
  CHECK(profile_of(flow).quantity == target_quantity::flow);
  CHECK(profile_of(growth).quantity == target_quantity::growth_rate);
  CHECK(profile_of(share).quantity == target_quantity::share);
  CHECK(profile_of(per_portfolio).scope == target_scope::per_unit);
  CHECK(profile_of(make("年均增长", 5, "件", comparator::reach, true)).scope == target_scope::aggregate);
  CHECK(profile_of(make("知识产权管理规范贯标企事业单位", 500, "家")).scope == target_scope::aggregate);
  CHECK(profile_of(make("每万人口发明专利拥有量", 30, "件")).scope == target_scope::per_unit);
  CHECK(incomparable_reason(stock, flow) == "a stock against a flow");
  CHECK(incomparable_reason(growth, stock) == "a growth rate against a stock");
  CHECK(incomparable_reason(per_portfolio, stock) == "per unit against aggregate");
  CHECK(incomparable_reason(stock, make("有效发明专利拥有量", 650, "件")).empty());
  target other = stock;
  other.indicator_key = "trademarks";
  CHECK(incomparable_reason(stock, other) == "another indicator");
}

TEST_CASE("implied annual ambition against the baseline") {
  target t = make("有效发明专利拥有量", 14400, "件");
  CHECK_FALSE(implied_annual_ambition(t));
  t.baseline = 10000;
  t.baseline_year = 2020;
  t.year = 2022;
  const auto a = implied_annual_ambition(t);
  REQUIRE(a);
  CHECK(a->per_year == doctest::Approx(0.2));  // 1.2² = 1.44
  CHECK_FALSE(a->points);
  CHECK(to_string(*a) == "+20.0 %/year");
  target s = make("专利实施率", 60, "%");
  s.baseline = 50;
  s.baseline_year = 2020;
  s.year = 2025;
  REQUIRE(implied_annual_ambition(s));
  CHECK(implied_annual_ambition(s)->points);
  CHECK(to_string(*implied_annual_ambition(s)) == "+2.00 points/year");
}

TEST_CASE("statistics table: targets per capita and per GDP") {
  const auto table = read_statistics_csv(
      "jurisdiction,year,population (万人),GDP (亿元),note\n"
      "宁波市,2020,940,12408.7,census\n"
      "宁波市,2022,961.8,15704.3,\n"
      "衡水市,2022,,1800\n",
      "stats.csv");
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].population == doctest::Approx(9.4e6));
  CHECK(table.rows[0].gdp == doctest::Approx(1.24087e12));
  CHECK_FALSE(table.rows[2].population);
  SUBCASE("find: exact year, nearest year, name without its level suffix") {
    CHECK(table.find("宁波市", 2022)->year == 2022);
    CHECK(table.find("宁波市", 2021)->year == 2020);  // a tie takes the earlier year
    CHECK(table.find("宁波市", 2025)->year == 2022);
    CHECK(table.find("宁波", 2020)->year == 2020);
    CHECK(table.find("衡水", 2030)->jurisdiction == "衡水市");
    CHECK(table.find("甘肃省", 2022) == nullptr);
  }
  SUBCASE("an aggregate stock scales; 万件 in its base unit") {
    target t = make("有效发明专利拥有量", 4, "万件");
    t.normalized_value = 40000;
    t.base_unit = "件";
    t.year = 2022;
    const auto s = scale_target(t, "宁波市", table);
    REQUIRE(s);
    CHECK(s->statistics_year == 2022);
    CHECK(s->unit == "件");
    CHECK(*s->per_10k_people == doctest::Approx(40000.0 / 961.8));
    CHECK(*s->per_100m_yuan_gdp == doctest::Approx(40000.0 / 15704.3));
    CHECK(to_string(*s) == "41.59件/万人, 2.547件/亿元 GDP (2022)");
  }
  SUBCASE("missing population is n/a, not zero") {
    target t = make("有效发明专利拥有量", 900, "件");
    t.year = 2022;
    const auto s = scale_target(t, "衡水市", table);
    REQUIRE(s);
    CHECK_FALSE(s->per_10k_people);
    CHECK(to_string(*s) == "n/a per 万人, 0.5件/亿元 GDP (2022)");
  }
  SUBCASE("growth rates, shares and per-unit targets do not scale; nor an unknown jurisdiction") {
    CHECK_FALSE(scale_target(make("专利授权量", 20, "%", comparator::annual_growth), "宁波市", table));
    CHECK_FALSE(scale_target(make("专利实施率", 60, "%"), "宁波市", table));
    CHECK_FALSE(scale_target(make("每万人口发明专利拥有量", 30, "件"), "宁波市", table));
    CHECK_FALSE(scale_target(make("有效发明专利拥有量", 900, "件"), "兰州市", table));
  }
  SUBCASE("errors name the file, line and column") {
    CHECK_THROWS_WITH_AS(static_cast<void>(read_statistics_csv("jurisdiction,population\n", "s.csv")),
                         "s.csv:1: missing column \"year\" (a statistics table: jurisdiction,year,population,gdp "
                         "— docs/targets.md)",
                         plancmp::schema_error);
    CHECK_THROWS_WITH_AS(static_cast<void>(read_statistics_csv("jurisdiction,year,gdp (美元)\n", "s.csv")),
                         "s.csv:1:3: GDP unit \"美元\": write 元, 万元 or 亿元 (a statistics table: "
                         "jurisdiction,year,population,gdp — docs/targets.md)",
                         plancmp::schema_error);
    CHECK_THROWS_WITH_AS(static_cast<void>(read_statistics_csv("jurisdiction,year,population\n宁波市,2022,lots\n", "s.csv")),
                         "s.csv:2:3: population \"lots\" is not a positive number (a statistics table: "
                         "jurisdiction,year,population,gdp — docs/targets.md)",
                         plancmp::schema_error);
  }
}
