// SPDX-License-Identifier: MIT
#include <plancmp/analysis/target_comparison.hpp>

#include <fmt/format.h>

#include <cmath>
#include <initializer_list>

namespace plancmp::inline v0::analysis {
namespace {

bool contains_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (text.find(w) != std::string_view::npos) return true;
  return false;
}

bool is_percent(std::string_view unit) { return unit == "%" || unit == "个百分点"; }

}  // namespace

std::string_view to_string(target_quantity q) noexcept {
  switch (q) {
    case target_quantity::stock: return "stock";
    case target_quantity::flow: return "flow";
    case target_quantity::growth_rate: return "growth rate";
    case target_quantity::share: return "share";
    case target_quantity::count: return "count";
  }
  return "stock";
}

std::string_view to_string(target_scope s) noexcept { return s == target_scope::per_unit ? "per unit" : "aggregate"; }

target_profile profile_of(const target& t) {
  target_profile p;
  p.unit = t.base_unit.empty() ? t.unit : t.base_unit;
  const bool relative = t.kind == comparator::annual_growth || t.kind == comparator::increase_by ||
                        t.kind == comparator::reduce_by;
  if (t.kind == comparator::annual_growth || (relative && is_percent(p.unit)) ||
      contains_any(t.indicator, {"增长率", "增速", "增幅", "递增"}))
    p.quantity = target_quantity::growth_rate;
  else if (is_percent(p.unit))
    p.quantity = target_quantity::share;
  else if (t.periodic || relative || contains_any(t.indicator, {"年新增", "每年", "年均", "年度"}))
    p.quantity = target_quantity::flow;
  else if (p.unit == "家" || p.unit == "个" || p.unit == "项" || p.unit == "所" || p.unit == "座" || p.unit == "处" ||
           p.unit == "批" || p.unit == "场" || p.unit == "名" || p.unit == "位" || p.unit == "支")
    p.quantity = target_quantity::count;
  else
    p.quantity = target_quantity::stock;
  // 每万人 / 人均 / 每个专利组合: per unit. (年均 and 每年 are periods, not units.)
  std::string rest = t.indicator;
  for (std::string_view period : {"每年", "年均", "平均每年"})
    for (auto at = rest.find(period); at != std::string::npos; at = rest.find(period)) rest.erase(at, period.size());
  // (单位 alone is no unit: 企事业单位 are organisations; 单位GDP / 单位生产总值 is.)
  if (contains_any(rest, {"每", "人均", "户均", "单位GDP", "单位生产总值", "单位地区生产总值", "万人"}))
    p.scope = target_scope::per_unit;
  return p;
}

std::string incomparable_reason(const target& a, const target& b) {
  if (a.indicator_key.empty() || a.indicator_key != b.indicator_key) return "another indicator";
  const target_profile pa = profile_of(a);
  const target_profile pb = profile_of(b);
  if (pa.quantity != pb.quantity)
    return fmt::format("a {} against a {}", to_string(pa.quantity), to_string(pb.quantity));
  if (pa.scope != pb.scope) return fmt::format("{} against {}", to_string(pa.scope), to_string(pb.scope));
  if (pa.unit != pb.unit) return fmt::format("unit {} against {}", pa.unit, pb.unit);
  return {};
}

std::optional<annual_ambition> implied_annual_ambition(const target& t) {
  if (!t.baseline || !t.baseline_year || !t.year || *t.year <= *t.baseline_year) return std::nullopt;
  const target_profile p = profile_of(t);
  const double years = static_cast<double>(*t.year - *t.baseline_year);
  if (p.quantity == target_quantity::growth_rate) return std::nullopt;  // already a rate
  if (p.quantity == target_quantity::share) return annual_ambition{(t.value - *t.baseline) / years, true};
  // The baseline is printed in the target's unit as stated.
  if (*t.baseline <= 0.0 || t.value <= 0.0) return std::nullopt;
  return annual_ambition{std::pow(t.value / *t.baseline, 1.0 / years) - 1.0, false};
}

std::string to_string(const annual_ambition& a) {
  return a.points ? fmt::format("{:+.2f} points/year", a.per_year) : fmt::format("{:+.1f} %/year", 100.0 * a.per_year);
}

}  // namespace plancmp::inline v0::analysis
