// SPDX-License-Identifier: MIT
// Tables of plan × plan similarity matrices.
#include <plancmp/report/similarity_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/similarity.cpp, where they lived before moving up to this layer.
using namespace analysis;

report::table to_table(const plan_matrix& m) {
  report::table t;
  t.caption = fmt::format("Plan × plan similarity: {}", m.metric);
  t.columns.push_back("plan");
  for (const std::string& p : m.plans) t.columns.push_back(p);
  for (std::size_t a = 0; a < m.plans.size(); ++a) {
    std::vector<report::cell> row{m.plans[a]};
    for (std::size_t b = 0; b < m.plans.size(); ++b)
      row.push_back(is_missing(m.score[a][b]) ? report::cell("n/a") : report::cell(m.score[a][b], 3));
    t.add_row(std::move(row));
  }
  if (!m.weighting.empty()) t.notes.push_back("weighting: " + m.weighting);
  if (std::any_of(m.score.begin(), m.score.end(),
                  [](const auto& r) { return std::any_of(r.begin(), r.end(), is_missing); }))
    t.notes.push_back("n/a: a plan without data for this metric (missing, not 0)");
  return t;
}

}  // namespace plancmp::inline v0::report
