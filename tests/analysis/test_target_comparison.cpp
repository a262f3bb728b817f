// SPDX-License-Identifier: MIT
#include <plancmp/analysis/target_comparison.hpp>

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
