// SPDX-License-Identifier: MIT
#include <plancmp/text/detail/year.hpp>

#include <doctest/doctest.h>

#include <string_view>
#include <utility>

using plancmp::text::detail::year_at;
using plancmp::text::detail::year_before;

TEST_CASE("year scanner: YYYY年 at an offset and before a 年") {
  constexpr std::string_view s = "到2025年底前，12025年，1948年，2201年，2200年，99年";
  // 到 is three bytes: the year starts at byte 3, 年 at byte 7, the text after it at 10.
  CHECK(year_at(s, 3) == std::pair<int, std::size_t>{2025, 10});
  CHECK(year_before(s, 7) == 2025);
  CHECK_FALSE(year_at(s, 4));      // 025年 is three digits
  CHECK_FALSE(year_at(s, 2));      // not a digit
  CHECK_FALSE(year_at(s, s.size()));
  CHECK_FALSE(year_at(s, s.size() + 5));  // past the end: no read
  const auto at = [&](std::string_view printed) { return s.find(printed); };
  // 12025年: year_at from the 2 reads 2025 (the caller looks at the byte before), year_before
  // sees the fifth digit and refuses.
  CHECK(year_at(s, at("2025年，1948")) == std::pair<int, std::size_t>{2025, at("2025年，1948") + 7});
  CHECK_FALSE(year_before(s, at("2025年，1948") + 4));
  // Outside 1949–2200.
  CHECK_FALSE(year_at(s, at("1948")));
  CHECK_FALSE(year_at(s, at("2201")));
  CHECK(year_at(s, at("2200"))->first == 2200);
  CHECK_FALSE(year_before(s, at("99年") + 2));  // two digits
  CHECK_FALSE(year_before(s, 0));
  CHECK_FALSE(year_at("2025", 0));  // no 年
  CHECK(year_at("2025年", 0)->first == 2025);
  static_assert(year_before("2030年", 4) == 2030);
}
