// SPDX-License-Identifier: MIT
// Targets against the size of their jurisdiction: per capita and per GDP from a user's
// statistics table (docs/targets.md).
#include <plancmp/analysis/target_comparison.hpp>

#include <plancmp/error.hpp>

#include "detail/csv_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <map>
#include <optional>

namespace plancmp::inline v0::analysis {
namespace {

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "population (万人)" → {"population", "万人"}; full-width brackets too.
std::pair<std::string, std::string> name_and_unit(std::string_view header) {
  std::string h = trimmed(header);
  for (std::string_view open : {"(", "（"}) {
    const auto at = h.find(open);
    if (at == std::string::npos) continue;
    std::string unit = h.substr(at + open.size());
    for (std::string_view close : {")", "）"})
      if (unit.ends_with(close)) unit.resize(unit.size() - close.size());
    return {lower_ascii(trimmed(std::string_view(h).substr(0, at))), trimmed(unit)};
  }
  return {lower_ascii(h), {}};
}

// The name without its level suffix: 宁波市 → 宁波, 山东省 → 山东.
std::string_view stem(std::string_view name) {
  for (std::string_view suffix : {"自治州", "自治区", "省", "市", "区", "县", "州", "盟"})
    if (name.size() > suffix.size() && name.ends_with(suffix)) return name.substr(0, name.size() - suffix.size());
  return name;
}

}  // namespace

const jurisdiction_statistics* statistics_table::find(std::string_view jurisdiction, int year) const {
  const jurisdiction_statistics* best = nullptr;
  for (int pass = 0; pass < 2 && best == nullptr; ++pass) {
    for (const auto& r : rows) {
      const bool same = pass == 0 ? r.jurisdiction == jurisdiction : stem(r.jurisdiction) == stem(jurisdiction);
      if (!same) continue;
      const int d = std::abs(r.year - year);
      if (best == nullptr || d < std::abs(best->year - year) || (d == std::abs(best->year - year) && r.year < best->year))
        best = &r;
    }
  }
  return best;
}

statistics_table read_statistics_csv(std::string_view csv, const std::string& origin) {
  const auto records = plancmp::detail::csv_records(csv);
  const auto fail_at = [&](std::uint32_t line, std::optional<std::uint32_t> column, const std::string& what) -> void {
    throw schema_error({origin, {}, line, column},
                       what + " (a statistics table: jurisdiction,year,population,gdp — docs/targets.md)");
  };
  if (records.empty()) fail_at(1, std::nullopt, "the file is empty");
  std::map<std::string, std::size_t> column;
  double population_scale = 1.0;
  double gdp_scale = 1.0;
  const auto& header = records.front().second;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto [name, unit] = name_and_unit(header[i]);
    column.emplace(name, i);
    const auto col = static_cast<std::uint32_t>(i + 1);
    if (name == "population") {
      if (unit == "万人") population_scale = 1e4;
      else if (!unit.empty() && unit != "人") fail_at(records.front().first, col, fmt::format("population unit \"{}\": write 人 or 万人", unit));
    } else if (name == "gdp") {
      if (unit == "万元") gdp_scale = 1e4;
      else if (unit == "亿元") gdp_scale = 1e8;
      else if (!unit.empty() && unit != "元") fail_at(records.front().first, col, fmt::format("GDP unit \"{}\": write 元, 万元 or 亿元", unit));
    }
  }
  for (const char* needed : {"jurisdiction", "year"})
    if (!column.contains(needed)) fail_at(records.front().first, std::nullopt, fmt::format("missing column \"{}\"", needed));
  if (!column.contains("population") && !column.contains("gdp"))
    fail_at(records.front().first, std::nullopt, "neither a \"population\" nor a \"gdp\" column");
  statistics_table table;
  for (std::size_t r = 1; r < records.size(); ++r) {
    // Not a structured binding: the lambdas below capture them (clang 14 cannot).
    const std::uint32_t line = records[r].first;
    const std::vector<std::string>& fields = records[r].second;
    const auto cell = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it == column.end() || it->second >= fields.size() ? std::string() : trimmed(fields[it->second]);
    };
    const auto number = [&](const char* name) -> std::optional<double> {
      const std::string text = cell(name);
      if (text.empty()) return std::nullopt;
      double v = 0.0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || end != text.data() + text.size() || !(v > 0.0))
        fail_at(line, static_cast<std::uint32_t>(column.at(name) + 1),
                fmt::format("{} \"{}\" is not a positive number", name, text));
      return v;
    };
    jurisdiction_statistics s;
    s.jurisdiction = cell("jurisdiction");
    if (s.jurisdiction.empty()) fail_at(line, static_cast<std::uint32_t>(column.at("jurisdiction") + 1), "no jurisdiction");
    const auto year = number("year");
    if (!year || *year != static_cast<double>(static_cast<int>(*year)))
      fail_at(line, static_cast<std::uint32_t>(column.at("year") + 1), "the year must be a whole number such as 2022");
    s.year = static_cast<int>(*year);
    if (const auto p = number("population")) s.population = *p * population_scale;
    if (const auto g = number("gdp")) s.gdp = *g * gdp_scale;
    table.rows.push_back(std::move(s));
  }
  return table;
}

std::optional<scaled_target> scale_target(const target& t, std::string_view jurisdiction,
                                          const statistics_table& table) {
  const target_profile p = profile_of(t);
  if (p.scope != target_scope::aggregate) return std::nullopt;
  if (p.quantity == target_quantity::growth_rate || p.quantity == target_quantity::share) return std::nullopt;
  int year = t.year ? *t.year : std::numeric_limits<int>::max();  // no year: the latest row
  const jurisdiction_statistics* row = table.find(jurisdiction, year);
  if (row == nullptr) return std::nullopt;
  scaled_target s;
  s.unit = p.unit;
  s.statistics_year = row->year;
  const double value = t.normalized_value != 0.0 ? t.normalized_value : t.value;
  if (row->population) s.per_10k_people = value / (*row->population / 1e4);
  if (row->gdp) s.per_100m_yuan_gdp = value / (*row->gdp / 1e8);
  return s;
}

std::string to_string(const scaled_target& s) {
  const auto part = [](const std::optional<double>& v, const std::string& unit, std::string_view per) {
    if (!v) return fmt::format("n/a per {}", per);
    // Four significant digits, but never an exponent: 4159000元, not 4.159e+06元.
    return *v >= 1000.0 ? fmt::format("{:.0f}{}/{}", *v, unit, per) : fmt::format("{:.4g}{}/{}", *v, unit, per);
  };
  return fmt::format("{}, {} ({})", part(s.per_10k_people, s.unit, "万人"), part(s.per_100m_yuan_gdp, s.unit, "亿元 GDP"),
                     s.statistics_year);
}

}  // namespace plancmp::inline v0::analysis
