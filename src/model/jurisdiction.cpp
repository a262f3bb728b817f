// SPDX-License-Identifier: MIT
#include <plancmp/model/jurisdiction.hpp>

#include "enum_names.hpp"

#include <fmt/format.h>

namespace plancmp::inline v0 {

static_assert(static_cast<std::size_t>(level::county) + 1 == detail::level_names.size());

std::string_view to_string(level l) noexcept { return detail::enum_name(detail::level_names, l); }

std::optional<level> parse_level(std::string_view name) noexcept {
  return detail::enum_from_name<level>(detail::level_names, name);
}

std::string date::to_string() const {
  // ISO 8601 calendar date at the precision the plan printed: a day without a month
  // means nothing, so the month decides whether the day is shown.
  if (month == 0) return fmt::format("{:04}", year);
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace plancmp::inline v0
