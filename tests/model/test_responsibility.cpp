// SPDX-License-Identifier: MIT
#include <plancmp/model/responsibility.hpp>

#include <doctest/doctest.h>

using namespace plancmp;

TEST_CASE("role names round-trip") {
  CHECK(to_string(role::lead) == "lead");
  CHECK(to_string(role::support) == "support");
  CHECK(parse_role("lead") == role::lead);
  CHECK(parse_role("support") == role::support);
  CHECK_FALSE(parse_role("牵头").has_value());
  CHECK_FALSE(parse_role("Lead").has_value());
}

TEST_CASE("responsibility values compare by every field") {
  const agency_mention m{"市市场监督管理局", role::lead, {10, 34}};
  agency_mention other = m;
  CHECK(m == other);
  other.part = role::support;
  CHECK(m != other);

  deadline d{"2025年12月底前完成", date{2025, 12, 31}, false, false, {1, 2}};
  deadline e = d;
  CHECK(d == e);
  e.due.reset();
  CHECK(d != e);

  agency a{"省市場監管局", false, std::nullopt};
  agency b = a;
  b.resolution = agency_resolution{"market_regulation", level::province, 0.9, "traditional"};
  CHECK(a != b);
}
