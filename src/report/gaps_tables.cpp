// SPDX-License-Identifier: MIT
// Tables of gaps, vertical alignment and plan diffs.
#include <plancmp/report/gaps_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/gaps.cpp, where they lived before moving up to this layer.
using namespace analysis;

namespace {
// The evidence as an excerpt (a whole measure is far too wide for a Markdown table), the
// whole text kept for CSV, JSON and HTML.
report::cell evidence_cell(const gap_evidence& e) {
  report::cell c = report::excerpt_cell(e.text);
  if (!e.source.empty() && !e.where.empty()) {
    c.source = e.source;
    c.where = e.where;
  }
  return c;
}

// One row per gap or change, built by `cells`; the notes count the rows of each kind.
template <class Row, class Cells>
report::table kind_table(std::string caption, std::vector<std::string> columns, const std::vector<Row>& rows,
                         Cells cells) {
  report::table t;
  t.caption = std::move(caption);
  t.columns = std::move(columns);
  std::map<std::string_view, std::size_t> counts;  // by name: the notes in alphabetical order
  for (const auto& row : rows) {
    t.add_row(cells(row));
    ++counts[to_string(row.kind)];
  }
  for (const auto& [kind, n] : counts) t.notes.push_back(fmt::format("{}: {}", kind, n));
  return t;
}
}  // namespace

report::table to_table(const gap_report& r) {
  return kind_table("Gaps of " + r.subject,
                    {"kind", "reference", "item", "detail", "score", "reference evidence", "subject evidence"}, r.gaps,
                    [](const gap& g) -> std::vector<report::cell> {
                      return {to_string(g.kind), g.reference, g.item, g.detail, report::cell(g.score, 3),
                              evidence_cell(g.in_reference), evidence_cell(g.in_subject)};
                    });
}

report::table to_table(const vertical_alignment& v) {
  report::table t;
  t.caption = v.lower + " carrying out " + v.upper;
  t.columns = {"status", "upper", "lower", "score", "grade / detail", "evidence"};
  for (const auto& p : v.alignment.pairs) {
    report::cell passage;
    if (p.evidence) {
      passage = report::excerpt_cell(p.evidence->text_a);
      passage.source = v.alignment.file_a;
      passage.where = p.evidence->where_a;
    }
    t.add_row({"carried", p.id_a, p.id_b, report::cell(p.similarity, 3), std::string(to_string(p.grade)), passage});
  }
  for (const auto& id : v.not_carried) t.add_row({"not carried", id, "", report::cell(), "", report::cell()});
  for (const auto& id : v.local_additions) t.add_row({"local addition", "", id, report::cell(), "", report::cell()});
  for (const auto& c : v.targets)
    t.add_row({to_string(c.kind), c.item_old, c.item_new, c.score == 0.0 ? report::cell() : report::cell(c.score, 3), c.detail,
               evidence_cell(c.in_old)});
  t.notes.push_back(fmt::format("carried down: {} of {} upper measures ({:.1f}%)", v.carried, v.upper_measures,
                                100.0 * v.carried_share));
  return t;
}

report::table to_table(const plan_diff& d) {
  return kind_table(d.old_plan + " → " + d.new_plan,
                    {"change", "old", "new", "detail", "score", "old evidence", "new evidence"}, d.changes,
                    [](const plan_change& c) -> std::vector<report::cell> {
                      return {to_string(c.kind), c.item_old, c.item_new, c.detail, report::cell(c.score, 3),
                              evidence_cell(c.in_old), evidence_cell(c.in_new)};
                    });
}

}  // namespace plancmp::inline v0::report
