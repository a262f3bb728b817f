// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/span.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0 {

/// How a target's value is meant (达到, 以上, 不低于, 增长, 缩短 …).
enum class comparator { reach, at_least, not_less_than, increase_by, reduce_by, annual_growth };

[[nodiscard]] std::string_view to_string(comparator c) noexcept;
[[nodiscard]] std::optional<comparator> parse_comparator(std::string_view name) noexcept;

/// A quantitative target (Target: 指标, 目标值, 基期值), in prose or in a table.
struct target {
  std::string indicator;                 ///< as printed
  std::string indicator_key;             ///< canonical key from indicators.json; empty if unknown
  double value = 0.0;
  std::string unit;                      ///< as printed, e.g. "万件", "亿", "%"
  double normalized_value = 0.0;         ///< in base_unit (万件 → 件)
  std::string base_unit;
  comparator kind = comparator::reach;
  std::optional<int> year;
  std::optional<double> baseline;
  std::optional<int> baseline_year;
  bool periodic = false;                 ///< 年…: every year
  std::vector<std::string> agencies;     ///< as printed
  std::string owner;                     ///< id of the goal or measure that states it
  span where;
  friend bool operator==(const target&, const target&) = default;
};

}  // namespace plancmp::inline v0
