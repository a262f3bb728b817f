// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/target.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0::analysis {

/// What a target's number measures.
enum class target_quantity {
  stock,        ///< an amount held at a date (有效发明专利拥有量达到36000件)
  flow,         ///< an amount per year (年新增有效注册商标5万件)
  growth_rate,  ///< a rate of change (年均增幅20%, 递增10%)
  share,        ///< a proportion or rate in % or points (覆盖率达到90%)
  count,        ///< a number of entities (培育6家运营机构, 建成3个中心)
};
[[nodiscard]] std::string_view to_string(target_quantity q) noexcept;
[[nodiscard]] inline std::string_view format_as(target_quantity q) noexcept { return to_string(q); }

/// Whether a target is for the whole jurisdiction or per unit (每万人, 人均, 每个专利组合).
enum class target_scope { aggregate, per_unit };
[[nodiscard]] std::string_view to_string(target_scope s) noexcept;
[[nodiscard]] inline std::string_view format_as(target_scope s) noexcept { return to_string(s); }

/// A target's quantity, scope and base unit (件 for 万件, 元 for 亿元: `target::base_unit`).
struct target_profile {
  target_quantity quantity = target_quantity::stock;
  target_scope scope = target_scope::aggregate;
  std::string unit;
  friend bool operator==(const target_profile&, const target_profile&) = default;
};
[[nodiscard]] target_profile profile_of(const target& t);

/// Why two targets cannot be compared ("" when they can): another indicator, quantity
/// (a stock against a flow, a growth rate against an amount), scope (per unit against
/// aggregate) or unit. Values in 万件 and 件, 亿元 and 元 compare after normalization.
[[nodiscard]] std::string incomparable_reason(const target& a, const target& b);

/// The ambition a target implies per year against its baseline: the compound annual
/// growth of a stock, flow or count (`points = false`, e.g. 0.12 for 12 % a year), the
/// percentage points per year of a share (`points = true`); nullopt without a baseline,
/// its year, or a later target year.
struct annual_ambition {
  double per_year = 0.0;
  bool points = false;
};
[[nodiscard]] std::optional<annual_ambition> implied_annual_ambition(const target& t);

/// "12.0 %/year" or "1.5 points/year".
[[nodiscard]] std::string to_string(const annual_ambition& a);

}  // namespace plancmp::inline v0::analysis
