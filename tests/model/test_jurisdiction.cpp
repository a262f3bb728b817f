// SPDX-License-Identifier: MIT
#include <plancmp/model/jurisdiction.hpp>

#include <doctest/doctest.h>

#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

using namespace plancmp;

TEST_CASE("level names round-trip") {
  const std::vector<std::pair<level, std::string_view>> all{
      {level::unknown, "unknown"}, {level::national, "national"}, {level::province, "province"},
      {level::city, "city"},       {level::district, "district"}, {level::county, "county"}};
  for (const auto& entry : all) {  // no binding: CAPTURE/INFO take it into a lambda (clang 14)
    const auto& l = std::get<0>(entry);
    const auto& name = std::get<1>(entry);
    CAPTURE(name);
    CHECK(to_string(l) == name);
    CHECK(parse_level(name) == l);
  }
  CHECK_FALSE(parse_level("City").has_value());
  CHECK_FALSE(parse_level("市").has_value());
  CHECK_FALSE(parse_level("").has_value());
  CHECK(to_string(static_cast<level>(99)) == "invalid");
}

TEST_CASE("date::to_string prints the precision the plan printed") {
  CHECK(date{2022, 4, 26}.to_string() == "2022-04-26");
  CHECK(date{2020, 6, 0}.to_string() == "2020-06");
  CHECK(date{2020, 0, 0}.to_string() == "2020");
  CHECK(date{2020, 12, 31}.to_string() == "2020-12-31");
  SUBCASE("a day without a month is not shown") { CHECK(date{2020, 0, 4}.to_string() == "2020"); }
  SUBCASE("short years are padded to four digits") {
    CHECK(date{987, 1, 2}.to_string() == "0987-01-02");
  }
}

TEST_CASE("dates order chronologically, unknown parts first") {
  CHECK(date{2020, 0, 0} < date{2020, 1, 0});
  CHECK(date{2020, 6, 0} < date{2020, 6, 4});
  CHECK(date{2019, 12, 31} < date{2020, 0, 0});
  CHECK(date{2022, 4, 26} == date{2022, 4, 26});
}

TEST_CASE("jurisdiction equality") {
  const jurisdiction a{"衡水市", level::city, "衡水市人民政府办公室"};
  jurisdiction b = a;
  CHECK(a == b);
  b.admin_level = level::province;
  CHECK(a != b);
}
