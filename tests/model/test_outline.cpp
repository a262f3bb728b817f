// SPDX-License-Identifier: MIT
#include <plancmp/model/outline.hpp>

#include <doctest/doctest.h>

#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

using namespace plancmp;

TEST_CASE("section_kind names round-trip, and which kinds hold goals") {
  const std::vector<std::tuple<section_kind, std::string_view, bool>> all{
      {section_kind::guiding_ideology, "guiding_ideology", true},
      {section_kind::principles, "principles", true},
      {section_kind::overall_requirements, "overall_requirements", true},
      {section_kind::overall_approach, "overall_approach", true},
      {section_kind::goals, "goals", true},
      {section_kind::tasks, "tasks", false},
      {section_kind::safeguards, "safeguards", false}};
  for (const auto& entry : all) {  // no binding: CAPTURE/INFO take it into a lambda (clang 14)
    const auto& kind = std::get<0>(entry);
    const auto& name = std::get<1>(entry);
    const auto& goals = std::get<2>(entry);
    CAPTURE(name);
    CHECK(to_string(kind) == name);
    CHECK(parse_section_kind(name) == kind);
    CHECK(holds_goals(kind) == goals);
  }
  CHECK_FALSE(parse_section_kind("发展目标").has_value());
  CHECK_FALSE(parse_section_kind("goal").has_value());
}
