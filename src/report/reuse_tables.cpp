// SPDX-License-Identifier: MIT
// Tables of text reuse between plans.
#include <plancmp/report/reuse_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/reuse.cpp, where they lived before moving up to this layer.
using namespace analysis;

report::table to_table(const reuse_report& r) {
  report::table t;
  t.caption = fmt::format("Reused passages: {} ↔ {}", r.file_a, r.file_b);
  t.columns = {"measure A", "measure B", "characters", "identity", "score", "passage in A",
               "passage in B"};
  for (const reused_passage& p : r.passages) {
    report::cell text_a = report::excerpt_cell(p.text_a);
    text_a.source = r.file_a;
    text_a.where = p.where_a;
    report::cell text_b = report::excerpt_cell(p.text_b);
    text_b.source = r.file_b;
    text_b.where = p.where_b;
    t.add_row({p.id_a, p.id_b, p.alignment.matches + p.alignment.neutral,
               report::cell(p.alignment.identity(), 3), static_cast<std::int64_t>(p.alignment.score),
               std::move(text_a), std::move(text_b)});
  }
  t.notes.push_back(fmt::format(
      "{} measure pairs aligned (Smith–Waterman, affine gaps, simplified script); responsibility "
      "clauses and boilerplate phrases (data/boilerplate.json) do not count",
      r.candidate_pairs));
  return t;
}

}  // namespace plancmp::inline v0::report
