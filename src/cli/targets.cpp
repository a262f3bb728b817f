// SPDX-License-Identifier: MIT
// plancmp targets: the quantitative targets of several plans side by side — one row per
// canonical indicator (then the unmatched ones under their printed names), one column per
// plan — or, with --long, one row per target. --statistics FILE sets each target against its
// jurisdiction's population and GDP.
#include "cli.hpp"

#include <plancmp/analysis/target_comparison.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/parse/targets.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace plancmp::cli {
namespace {

/// 36000, 3.85, 0.56: the shortest form that reads back; four decimals at most (a share
/// printed as a fraction, 1/3, reads 0.3333).
std::string number_text(double v) {
  std::string s = fmt::format("{}", v);
  const auto point = s.find('.');
  if (point == std::string::npos || s.size() - point - 1 <= 4 || s.find('e') != std::string::npos)
    return s;
  s = fmt::format("{:.4f}", v);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

/// One target as a table cell: "≥40万件 (2022)", "1.17件 (2025, from 0.56 in 2020)",
/// "+20%/yr (2020)"; "/yr" marks a periodic target or an annual growth rate.
std::string cell_text(const target& t) {
  std::string out;
  switch (t.kind) {
    case comparator::at_least:
    case comparator::not_less_than: out += "≥"; break;
    case comparator::increase_by:
    case comparator::annual_growth: out += "+"; break;
    case comparator::reduce_by: out += "−"; break;
    case comparator::reach: break;
  }
  out += number_text(t.value) + t.unit;
  if (t.periodic || t.kind == comparator::annual_growth) out += "/yr";
  std::vector<std::string> notes;
  if (t.year) notes.push_back(std::to_string(*t.year));
  if (t.baseline) {
    notes.push_back(t.baseline_year ? fmt::format("from {} in {}", number_text(*t.baseline), *t.baseline_year)
                                    : fmt::format("from {}", number_text(*t.baseline)));
  }
  if (!notes.empty()) {
    out += " (";
    for (std::size_t i = 0; i < notes.size(); ++i) out += (i ? ", " : "") + notes[i];
    out += ")";
  }
  return out;
}

int run_targets(const options& opts) {
  std::optional<parse::indicator_catalog> custom;
  if (const std::string* file = opts.value("indicators")) custom = parse::indicator_catalog::builtin_with(*file);
  parse::parse_options popts;
  if (custom) popts.targets.indicators = &*custom;
  const parse::indicator_catalog& catalog = custom ? *custom : parse::indicator_catalog::builtin();

  std::optional<analysis::statistics_table> statistics;
  if (const std::string* file = opts.value("statistics"))
    statistics = analysis::read_statistics_csv(read_file(*file), *file);

  auto inputs = load_inputs(opts);
  const std::vector<plan> plans = parse_all(opts, inputs, popts);
  // A target scaled by its plan's jurisdiction, nullopt where it does not scale.
  const auto scaled = [&](std::size_t k, const target& tg) -> std::optional<analysis::scaled_target> {
    if (!statistics || plans[k].issuing_jurisdiction.name.empty()) return std::nullopt;
    return analysis::scale_target(tg, plans[k].issuing_jurisdiction.name, *statistics);
  };
  const std::string statistics_note =
      "per 万人, per 亿元 GDP: the target's value (base unit) over its jurisdiction's population "
      "and GDP in the statistics year shown (the target's year, else the nearest the table has); "
      "empty where the target does not scale (growth rates, shares, per-unit targets) or the "
      "table has no row for the jurisdiction";

  const std::vector<std::string> labels = plan_labels(plans);
  report::table t;
  if (opts.has_flag("long")) {
    t.caption = "Targets";
    t.columns = {"file", "plan", "begin", "end", "indicator_key", "indicator", "value", "unit", "normalized_value",
                 "base_unit", "comparator", "year", "baseline", "baseline_year", "periodic", "owner", "agencies"};
    if (statistics) {
      for (const char* c : {"per_10k_people", "per_100m_yuan_gdp", "statistics_year"}) t.columns.emplace_back(c);
      t.notes.push_back(statistics_note);
    }
    t.notes.push_back("begin, end: the target's bytes in the file (end exclusive)");
    for (std::size_t k = 0; k < plans.size(); ++k) {
      for (const auto& tg : plans[k].targets()) {
        std::string agencies;
        for (const auto& a : tg.agencies) agencies += (agencies.empty() ? "" : "、") + a;
        report::cell indicator(tg.indicator);
        indicator.source = inputs[k].name;
        indicator.where = tg.where;
        std::vector<report::cell> row{
            inputs[k].name, labels[k], tg.where.begin, tg.where.end, tg.indicator_key, indicator,
            report::cell(tg.value, 6), tg.unit, report::cell(tg.normalized_value, 6), tg.base_unit,
            std::string(to_string(tg.kind)), tg.year ? report::cell(*tg.year) : report::cell(),
            tg.baseline ? report::cell(*tg.baseline, 6) : report::cell(),
            tg.baseline_year ? report::cell(*tg.baseline_year) : report::cell(), tg.periodic ? "yes" : "no",
            tg.owner, agencies};
        if (statistics) {
          const auto s = scaled(k, tg);
          row.push_back(s && s->per_10k_people ? report::cell(*s->per_10k_people, 6) : report::cell());
          row.push_back(s && s->per_100m_yuan_gdp ? report::cell(*s->per_100m_yuan_gdp, 6) : report::cell());
          row.push_back(s ? report::cell(s->statistics_year) : report::cell());
        }
        t.add_row(std::move(row));
      }
    }
    write_output(opts, render(opts, t));
    return exit_ok;
  }

  // Rows: canonical indicators in catalog order, then printed names in order of appearance.
  std::vector<std::string> row_keys;  // "k:<key>" or "p:<printed>"
  std::map<std::string, std::vector<std::vector<const target*>>> cells;
  const auto add = [&](const std::string& row, std::size_t plan_index, const target& tg) {
    auto& r = cells[row];
    if (r.empty()) r.resize(plans.size());
    r[plan_index].push_back(&tg);
  };
  std::vector<std::string> printed_rows;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    for (const auto& tg : plans[k].targets()) {
      if (!tg.indicator_key.empty()) {
        add("k:" + tg.indicator_key, k, tg);
      } else {
        const std::string row = "p:" + tg.indicator;
        if (!cells.count(row)) printed_rows.push_back(row);
        add(row, k, tg);
      }
    }
  }
  for (const auto& ind : catalog.indicators()) {
    if (cells.count("k:" + ind.key)) row_keys.push_back("k:" + ind.key);
  }
  for (const auto& [row, _] : cells) {
    if (row.starts_with("k:") && std::find(row_keys.begin(), row_keys.end(), row) == row_keys.end()) {
      row_keys.push_back(row);  // a key the catalog no longer lists (a plan read from JSON)
    }
  }
  row_keys.insert(row_keys.end(), printed_rows.begin(), printed_rows.end());

  t.caption = "Targets by indicator";
  t.columns = {"indicator_key", "indicator"};
  for (std::size_t k = 0; k < plans.size(); ++k) {
    t.columns.push_back(labels[k]);
    t.notes.push_back(fmt::format("{}: {} — {} targets", labels[k], inputs[k].name, plans[k].targets().size()));
  }
  t.notes.push_back("≥ at least (以上, 不低于), + growth, − reduction, /yr every year (年…, 年均); "
                    "(year, from baseline in its year). Rows without a key are indicators no entry of "
                    "the indicator catalog names, under their printed names.");
  if (statistics) t.notes.push_back("= per 万人, per 亿元 GDP (statistics year): " + statistics_note);
  for (const auto& row : row_keys) {
    std::vector<report::cell> out;
    if (row.starts_with("k:")) {
      const std::string key = row.substr(2);
      const auto* ind = catalog.find(key);
      out.emplace_back(key);
      out.emplace_back(ind ? fmt::format("{} ({})", ind->name_en, ind->name_zh) : key);
    } else {
      out.emplace_back("");
      out.emplace_back(row.substr(2));
    }
    for (std::size_t k = 0; k < plans.size(); ++k) {
      std::string text;
      for (const target* tg : cells[row][k]) {
        text += (text.empty() ? "" : "; ") + cell_text(*tg);
        if (const auto s = scaled(k, *tg)) text += " = " + analysis::to_string(*s);
      }
      out.emplace_back(text);
    }
    t.add_row(std::move(out));
  }
  write_output(opts, render(opts, t));
  return exit_ok;
}

const registration targets_command{{
    "targets",
    "quantitative targets of plans side by side, by canonical indicator",
    "usage: plancmp targets [FILE...] [--long] [--indicators FILE] [--statistics FILE]\n"
    "                       [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Extracts the quantitative targets (指标, 目标值, 基期值) of each plan, from prose and\n"
    "tables, and prints a cross-plan table: one row per canonical indicator of\n"
    "data/indicators.json (then indicators no entry names, under their printed names),\n"
    "one column per plan; a cell shows value, unit, year and baseline, e.g.\n"
    "`1.17件 (2025, from 0.56 in 2020)`, `≥40万件 (2022)`, `+20%/yr (2020)`.\n"
    "--long prints one row per target instead (value, unit, normalized value, comparator,\n"
    "year, baseline, owner, agencies) with its bytes in the file (begin, end).\n"
    "--indicators FILE merges your own indicator catalog over the built-in one\n"
    "(docs/targets.md).\n"
    "--statistics FILE sets each aggregate target against its jurisdiction's size: a CSV\n"
    "with columns jurisdiction,year,population,gdp (units in brackets: population (万人),\n"
    "gdp (亿元)); cells gain `= 4.4件/万人, 2.29件/亿元 GDP (2022)`, --long three columns.\n\n"
    "examples:\n"
    "  plancmp targets                                  # the bundled seeds\n"
    "  plancmp targets a.txt b.txt --format csv --excel -o targets.csv\n"
    "  plancmp targets --long --format json -o targets.json\n"
    "  plancmp targets a.txt b.txt --statistics statistics.csv\n",
    {"indicators", "statistics"},
    {"long"},
    run_targets,
}};

}  // namespace
}  // namespace plancmp::cli
