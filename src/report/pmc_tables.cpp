// SPDX-License-Identifier: MIT
// Tables of the PMC index (scores, detail, sensitivity, surface).
#include <plancmp/report/pmc_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/pmc.cpp, where they lived before moving up to this layer.
using namespace analysis;

report::table to_table(std::span<const pmc_result> results, const pmc_model& model) {
  report::table t;
  t.caption = "PMC index: first-level variables";
  if (!results.empty() && !results.front().codes.empty()) t.caption += fmt::format(" ({})", results.front().codes);
  t.columns.push_back("variable");
  for (const auto& r : results) t.columns.push_back(r.plan);
  for (std::size_t v = 0; v < model.variables.size(); ++v) {
    const auto& var = model.variables[v];
    std::vector<report::cell> row{fmt::format("{} {} {}", var.id, var.zh, var.en)};
    for (const auto& r : results) row.emplace_back(r.scores.at(v), 2);
    t.add_row(std::move(row));
  }
  std::vector<report::cell> pmc{"PMC"};
  std::vector<report::cell> grade{"grade"};
  for (const auto& r : results) {
    pmc.emplace_back(r.pmc, 2);
    grade.emplace_back(fmt::format("{} {}", r.grade_zh, r.grade_en));
  }
  t.add_row(std::move(pmc));
  t.add_row(std::move(grade));
  std::string bands;
  for (const auto& g : model.grades) bands += fmt::format("{}{} {} ≥ {:g}", bands.empty() ? "" : ", ", g.zh, g.en, g.min);
  t.notes.push_back("grades: " + bands);
  for (const auto& r : results) {
    if (!r.domain_note.empty()) t.notes.push_back(fmt::format("{}: {}", r.plan, r.domain_note));
    if (!r.codes_note.empty()) t.notes.push_back(fmt::format("{}: {}", r.plan, r.codes_note));
  }
  if (!results.empty() && !results.front().codes.empty()) {
    t.notes.push_back(fmt::format("about IP and the value-chain stages are the {}; policy sub-tools are plancmp's "
                                  "dictionary codes inside the tool types the sheet codes",
                                  results.front().codes));
  }
  return t;
}

report::table sensitivity_table(std::span<const std::vector<pmc_result>> results,
                                std::span<const pmc_model* const> designs) {
  if (results.size() != designs.size())
    throw usage_error(fmt::format("sensitivity_table: {} result lists for {} designs", results.size(), designs.size()));
  report::table t;
  t.caption = "PMC sensitivity: grade of each plan under each design";
  if (!results.empty() && !results.front().empty() && !results.front().front().codes.empty())
    t.caption += fmt::format(" ({})", results.front().front().codes);
  t.columns.push_back("plan");
  for (const auto* d : designs) {
    const std::string name = d->id.empty() ? "design" : d->id;
    t.columns.push_back(name + " PMC");
    t.columns.push_back(name + " grade");
  }
  t.columns.push_back("share of measures in the domain");
  const std::size_t plans = results.empty() ? 0 : results.front().size();
  for (std::size_t p = 0; p < plans; ++p) {
    std::vector<report::cell> row{results.front().at(p).plan};
    double share = 1.0;
    for (std::size_t d = 0; d < designs.size(); ++d) {
      const auto& r = results[d].at(p);
      row.emplace_back(r.pmc, 2);
      row.emplace_back(fmt::format("{} {}{}", r.grade_zh, r.grade_en, r.domain_note.empty() ? "" : " (outside the domain)"));
      share = std::min(share, r.domain_share);
    }
    row.emplace_back(share, 2);
    t.add_row(std::move(row));
  }
  for (const auto* d : designs) {
    std::string bands;
    for (const auto& g : d->grades) bands += fmt::format("{}{} ≥ {:g}", bands.empty() ? "" : ", ", g.zh, g.min);
    t.notes.push_back(fmt::format("{}: {} variables, grades {}{}{}", d->id, d->variables.size(), bands,
                                  d->reference.empty() ? "" : "; ", d->reference));
  }
  t.notes.push_back("(outside the domain): the plan's share of IP measures is below the design's domain threshold, so its grade "
                    "is at most the design's max_grade (data/pmc*.json `domain`).");
  return t;
}

report::table detail_table(std::span<const pmc_result> results, const pmc_model& model) {
  report::table t;
  t.caption = "PMC index: second-level variables (1 = met, with evidence)";
  if (!results.empty() && !results.front().codes.empty()) t.caption += fmt::format(" ({})", results.front().codes);
  t.columns.push_back("variable");
  for (const auto& r : results) {
    t.columns.push_back(r.plan);
    t.columns.push_back("evidence");
  }
  for (std::size_t v = 0; v < model.variables.size(); ++v) {
    for (std::size_t s = 0; s < model.variables[v].sub.size(); ++s) {
      const auto& sv = model.variables[v].sub[s];
      std::vector<report::cell> row{fmt::format("{} {} {}", sv.id, sv.zh, sv.en)};
      for (const auto& r : results) {
        const pmc_value& val = r.values.at(v).at(s);
        report::cell c(val.value);
        if (val.where) {
          c.source = r.source;
          c.where = val.where;
        }
        row.push_back(std::move(c));
        row.emplace_back(val.evidence);
      }
      t.add_row(std::move(row));
    }
  }
  return t;
}

report::table surface_table(const pmc_result& r, const pmc_model& model) {
  report::table t;
  t.caption = fmt::format("PMC surface: {} (PMC {:.2f}, {} {})", r.plan, r.pmc, r.grade_zh, r.grade_en);
  const std::size_t side = r.surface.size();
  t.columns.push_back("");
  for (std::size_t c = 0; c < side; ++c) t.columns.push_back(fmt::format("column {}", c + 1));
  for (std::size_t row = 0; row < side; ++row) {
    std::vector<report::cell> cells{fmt::format("row {}", row + 1)};
    for (std::size_t c = 0; c < side; ++c) cells.emplace_back(r.surface[row][c], 2);
    t.add_row(std::move(cells));
  }
  std::string layout;
  for (std::size_t i = 0; i < model.surface.size(); ++i)
    layout += fmt::format("{}{}", i == 0 ? "" : (i % side == 0 ? " / " : " "), model.surface[i]);
  t.notes.push_back("layout (row-major): " + layout);
  return t;
}

}  // namespace plancmp::inline v0::report
