// SPDX-License-Identifier: MIT
// Tables of coverage matrices, tools × chain, target and agency coverage.
#include <plancmp/report/coverage_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/coverage.cpp, where they lived before moving up to this layer.
using namespace analysis;

report::table to_table(const coverage_matrix& m, coverage_view view) {
  static constexpr std::string_view view_names[] = {"measures carrying each theme", "share of measures",
                                                    "presence (1 = covered)", "strongest evidence"};
  report::table t;
  t.caption = fmt::format("Coverage: {} — {}", m.scheme, view_names[static_cast<int>(view)]);
  t.columns.push_back("theme");
  for (const auto& p : m.plans) t.columns.push_back(p);
  for (std::size_t th = 0; th < m.themes.size(); ++th) {
    std::vector<report::cell> row{m.themes[th]};
    for (std::size_t p = 0; p < m.plans.size(); ++p) {
      switch (view) {
        case coverage_view::counts: row.emplace_back(m.counts[p][th]); break;
        case coverage_view::shares: row.emplace_back(m.shares[p][th], 3); break;
        case coverage_view::presence: row.emplace_back(m.present(p, th) ? 1 : 0); break;
        case coverage_view::evidence: {
          std::string text;
          for (const auto& e : m.top[p][th]) text += fmt::format("{}{}「{}」", text.empty() ? "" : "; ", e.unit, e.match.printed);
          report::cell c(text);
          if (!m.top[p][th].empty()) {
            c.source = m.top[p][th].front().source;
            c.where = m.top[p][th].front().match.where;
          }
          row.push_back(std::move(c));
          break;
        }
      }
    }
    t.add_row(std::move(row));
  }
  std::string units;
  for (std::size_t p = 0; p < m.plans.size(); ++p) units += fmt::format("{}{}: {}", p ? ", " : "", m.plans[p], m.units[p]);
  t.notes.push_back("units counted per plan: " + units);
  t.notes.push_back("a unit may carry several themes; a parent theme counts a unit once when any child fires");
  return t;
}

report::table to_table(const coverage_difference& d) {
  report::table t;
  t.caption = fmt::format("Coverage difference: {} — a = {}, b = {}", d.scheme, d.plan_a, d.plan_b);
  t.columns = {"theme", "measures a", "measures b", "share a", "share b", "b − a", "only in"};
  for (std::size_t i = 0; i < d.themes.size(); ++i) {
    t.add_row({d.themes[i], d.count_a[i], d.count_b[i], report::cell(d.share_a[i], 3), report::cell(d.share_b[i], 3),
               report::cell(d.share_difference[i], 3), d.only_in[i]});
  }
  return t;
}

report::table to_table(const tools_by_chain& t, std::size_t plan) {
  const bool summed = plan == std::numeric_limits<std::size_t>::max();
  if (!summed && plan >= t.plans.size()) throw usage_error(fmt::format("to_table: no plan {}", plan));
  const auto& cells = summed ? t.summed : t.cells[plan];
  report::table out;
  out.caption = fmt::format("Policy tools × value chain: {}",
                            summed ? fmt::format("all {} plans", t.plans.size()) : t.plans[plan]);
  out.columns.push_back("policy tool");
  for (const auto& c : t.columns) out.columns.push_back(c);
  out.columns.push_back("total");
  out.columns.push_back("share");
  std::size_t grand = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (t.row_depths[r] != 0) continue;
    for (const auto v : cells[r]) grand += v;
  }
  std::vector<std::size_t> column_totals(t.columns.size(), 0);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<report::cell> row{std::string(static_cast<std::size_t>(t.row_depths[r]) * 2, ' ') + t.rows[r]};
    std::size_t total = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      row.emplace_back(cells[r][c]);
      total += cells[r][c];
      if (t.row_depths[r] == 0) column_totals[c] += cells[r][c];
    }
    row.emplace_back(total);
    row.emplace_back(share(total, grand), 3);
    out.add_row(std::move(row));
  }
  std::vector<report::cell> last{"total (tool types)"};
  for (const auto v : column_totals) last.emplace_back(v);
  last.emplace_back(grand);
  last.emplace_back(grand == 0 ? 0.0 : 1.0, 3);
  out.add_row(std::move(last));
  std::string shares;
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    shares += fmt::format("{}{} {:.3f}", c ? ", " : "", t.columns[c], share(column_totals[c], grand));
  out.notes.push_back("column shares: " + shares);
  out.notes.push_back("a measure adds one to every (tool, stage) pair it carries; shares are of the tool-type total");
  return out;
}

report::table to_table(const target_coverage& c) {
  report::table t;
  t.caption = fmt::format("Themes quantified by targets: {}", c.scheme);
  t.columns.push_back("theme");
  for (const auto& p : c.plans) t.columns.push_back(p);
  for (std::size_t th = 0; th < c.themes.size(); ++th) {
    std::vector<report::cell> row{c.themes[th]};
    for (std::size_t p = 0; p < c.plans.size(); ++p) {
      report::cell cell(c.counts[p][th]);
      if (!c.top[p][th].empty()) {
        cell.source = c.top[p][th].front().source;
        cell.where = c.top[p][th].front().match.where;
      }
      row.push_back(std::move(cell));
    }
    t.add_row(std::move(row));
  }
  std::string totals;
  for (std::size_t p = 0; p < c.plans.size(); ++p) totals += fmt::format("{}{}: {}", p ? ", " : "", c.plans[p], c.targets[p]);
  t.notes.push_back("targets per plan: " + totals);
  return t;
}

report::table to_table(const agency_coverage& c) {
  report::table t;
  t.caption = fmt::format("Themes carried by agencies (measures led/supported): {}", c.scheme);
  t.columns.push_back("agency");
  for (const auto& th : c.themes) t.columns.push_back(th);
  for (std::size_t a = 0; a < c.agencies.size(); ++a) {
    std::vector<report::cell> row{c.agencies[a]};
    for (std::size_t th = 0; th < c.themes.size(); ++th) {
      const auto l = c.lead[a][th];
      const auto s = c.support[a][th];
      row.emplace_back(l + s == 0 ? std::string() : fmt::format("{}/{}", l, s));
    }
    t.add_row(std::move(row));
  }
  t.notes.push_back("cells: measures the agency leads / supports that carry the theme; agencies by canonical id");
  return t;
}

}  // namespace plancmp::inline v0::report
