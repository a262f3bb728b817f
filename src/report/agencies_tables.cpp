// SPDX-License-Identifier: MIT
// Tables of agency analyses (responsibility matrix, lead load, co-responsibility network, agency functions, resolution).
#include <plancmp/report/agencies_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/agencies.cpp, where they lived before moving up to this layer.
using namespace analysis;

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

}  // namespace

report::table to_table(const responsibility_matrix& m) {
  report::table t;
  t.caption = fmt::format("Responsibility matrix — {}", m.plan);
  t.columns = {"agency", "canonical"};
  t.columns.insert(t.columns.end(), m.measures.begin(), m.measures.end());
  for (std::size_t a = 0; a < m.agencies.size(); ++a) {
    std::vector<report::cell> row{m.agencies[a], m.canonical[a]};
    for (const auto& r : m.roles[a]) row.emplace_back(!r ? "" : *r == role::lead ? "L" : "S");
    t.add_row(std::move(row));
  }
  t.notes.push_back("L: leads the measure (牵头); S: supports it (配合, 按职责分工负责).");
  return t;
}

report::table to_table(const lead_load& load) {
  report::table t;
  t.caption = fmt::format("Lead load — {}", load.plan);
  t.columns = {"agency",  "canonical",  "collective",    "lead",
               "support", "lead share", "support share", "share"};
  for (const auto& a : load.agencies) {
    t.add_row({a.name, a.canonical, a.collective ? "yes" : "", a.lead, a.support,
               report::cell(a.lead_share, 3), report::cell(a.support_share, 3),
               report::cell(a.share, 3)});
  }
  t.notes.push_back(
      fmt::format("{} measures, {} naming at least one agency; shares are of all {} measures.",
                  load.measures, load.assigned, load.measures));
  return t;
}

report::table to_table(const co_responsibility_network& net) {
  const auto& g = net.graph;
  const auto& m = net.metrics;
  report::table t;
  t.caption = fmt::format("Co-responsibility network — {}", net.plan);
  t.columns = {"agency",   "canonical",       "lead",        "support",
               "degree",   "weighted degree", "betweenness", "betweenness (normalized)",
               "component"};
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    t.add_row({g[v].name, g[v].canonical, g[v].lead, g[v].support, m.degree[v], m.weighted_degree[v],
               report::cell(m.betweenness[v], 2), report::cell(m.betweenness_normalized[v], 4),
               m.component[v]});
  }
  t.notes.push_back(fmt::format("{} agencies, {} ties, density {:.4f}, {} connected component{}.",
                                boost::num_vertices(g), boost::num_edges(g), m.density, m.components,
                                m.components == 1 ? "" : "s"));
  t.notes.push_back(
      "Ties link agencies named in the same measure; weight = shared measures. Betweenness counts "
      "shortest paths in hops, each pair once.");
  return t;
}

report::table to_table(const agency_function_table& t) {
  report::table out;
  out.caption = "Agency functions across plans";
  out.columns = {"function", "职能", "id"};
  for (const auto& p : t.plans) {
    out.columns.push_back(p + " lead");
    out.columns.push_back(p + " support");
  }
  out.columns.push_back("names as printed");
  out.columns.push_back("notes");
  for (const auto& row : t.rows) {
    std::vector<report::cell> cells{row.name_en, row.name_zh, row.canonical};
    std::vector<std::string> names;
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
      const function_cell& c = row.cells[k];
      report::cell lead(c.lead);
      if (c.first) {
        lead.source = t.sources[k];
        lead.where = c.first;
      }
      cells.push_back(std::move(lead));
      cells.emplace_back(c.support);
      if (!c.names.empty()) names.push_back(fmt::format("{}: {}", t.plans[k], join(c.names, "、")));
    }
    cells.emplace_back(join(names, "; "));
    cells.emplace_back(join(row.notes, "; "));
    out.add_row(std::move(cells));
  }
  out.notes.push_back(
      "lead / support: measures of the plan the function leads (牵头) / supports without leading.");
  out.notes.push_back(
      "Names resolve through the agency ontology (docs/agencies.md); a pre-reform name stands in "
      "the row of the agency that holds its duties now, with a note.");
  return out;
}

report::table resolution_table(std::span<const plan> plans, const agency_ontology& ontology) {
  report::table t;
  t.caption = "Agency resolution";
  t.columns = {"plan",  "name as printed", "collective", "canonical",
               "level", "match",           "confidence", "note"};
  for (const plan& p : plans) {
    const std::string label = plan_label(p);
    const int year = p.issued ? p.issued->year : 0;
    for (const agency& a : p.agencies()) {
      const agency_match m = ontology.resolve(a.name, p.issuing_jurisdiction, year);
      const std::optional<agency_resolution>& r = a.resolution ? a.resolution : m.resolution;
      const std::string& note = m.note;
      if (r) {
        t.add_row({label, a.name, a.collective ? "yes" : "", r->canonical,
                   std::string(to_string(r->admin_level)), r->match, report::cell(r->confidence, 3),
                   note});
      } else {
        t.add_row(
            {label, a.name, a.collective ? "yes" : "", "", "", "unresolved", report::cell(), note});
      }
    }
  }
  return t;
}

}  // namespace plancmp::inline v0::report
