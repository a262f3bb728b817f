// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/target.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// Population and GDP of one jurisdiction in one year, from a table the user supplies.
struct jurisdiction_statistics {
  std::string jurisdiction;          ///< as the plans print it: 宁波市, 衡水市, 山东省
  int year = 0;
  std::optional<double> population;  ///< residents (人)
  std::optional<double> gdp;         ///< gross regional product in 元
  friend bool operator==(const jurisdiction_statistics&, const jurisdiction_statistics&) = default;
};

/// A user's table of jurisdiction statistics (CSV: jurisdiction, year, population, GDP, …).
///
///     jurisdiction,year,population (万人),gdp (亿元)
///     宁波市,2022,961.8,15704.3
///
/// `read_statistics_csv` takes the columns `jurisdiction`, `year`, `population` and `gdp`
/// (case-insensitive; other columns are ignored); a unit in brackets after a column name
/// scales it: 人 or 万人 for population, 元, 万元 or 亿元 for GDP (default 人 and 元). An
/// empty cell is missing. Errors name the file, line and column.
struct statistics_table {
  std::vector<jurisdiction_statistics> rows;
  /// The row of `jurisdiction` (its name as printed, or the same name without its level
  /// suffix: 宁波 = 宁波市) for `year`, else for its nearest year in the table (the earlier
  /// on a tie); nullptr when the table has no row for the jurisdiction.
  [[nodiscard]] const jurisdiction_statistics* find(std::string_view jurisdiction, int year) const;
};
[[nodiscard]] statistics_table read_statistics_csv(std::string_view csv, const std::string& origin);

/// A target set against its jurisdiction's size: per 10,000 residents (每万人, the field's
/// usual base) and per 亿元 of GDP, in the target's base unit (件 for 万件).
struct scaled_target {
  std::optional<double> per_10k_people;
  std::optional<double> per_100m_yuan_gdp;
  std::string unit;          ///< the base unit of the value scaled
  int statistics_year = 0;   ///< the table's year used (the target's year when the table has it)
  friend bool operator==(const scaled_target&, const scaled_target&) = default;
};

/// `t` per capita and per GDP of `jurisdiction`, from `table`. Only aggregate stocks,
/// flows and counts scale; nullopt for growth rates, shares and per-unit targets (a share
/// per capita means nothing), and where the table has no row for the jurisdiction. The
/// year is the target's, else the latest the table has.
[[nodiscard]] std::optional<scaled_target> scale_target(const target& t, std::string_view jurisdiction,
                                                        const statistics_table& table);

/// "4.4件/万人, 2.29件/亿元 GDP (2022)"; "n/a per 万人" where the table lacks a figure.
[[nodiscard]] std::string to_string(const scaled_target& s);

}  // namespace plancmp::inline v0::analysis
