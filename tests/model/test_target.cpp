// SPDX-License-Identifier: MIT
#include <plancmp/model/target.hpp>

#include <doctest/doctest.h>

#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

using namespace plancmp;

TEST_CASE("comparator names round-trip") {
  const std::vector<std::pair<comparator, std::string_view>> all{
      {comparator::reach, "reach"},
      {comparator::at_least, "at_least"},
      {comparator::not_less_than, "not_less_than"},
      {comparator::increase_by, "increase_by"},
      {comparator::reduce_by, "reduce_by"},
      {comparator::annual_growth, "annual_growth"}};
  for (const auto& entry : all) {  // no binding: CAPTURE/INFO take it into a lambda (clang 14)
    const auto& c = std::get<0>(entry);
    const auto& name = std::get<1>(entry);
    CAPTURE(name);
    CHECK(to_string(c) == name);
    CHECK(parse_comparator(name) == c);
  }
  CHECK_FALSE(parse_comparator("以上").has_value());
  CHECK_FALSE(parse_comparator("reach ").has_value());
}

TEST_CASE("targets compare by every field") {
  target a;
  a.indicator = "有效发明专利拥有量";
  a.value = 3.6;
  a.year = 2022;
  target b = a;
  CHECK(a == b);
  b.baseline_year = 2020;
  CHECK(a != b);
}
