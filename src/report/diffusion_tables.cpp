// SPDX-License-Identifier: MIT
// Tables of policy diffusion (attributions, edges, plans, timelines).
#include <plancmp/report/diffusion_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/diffusion.cpp, where they lived before moving up to this layer.
using namespace analysis;

report::table attributions_table(const diffusion_result& d, bool include_novel) {
  report::table t;
  t.caption = "Measures and their most plausible earlier source";
  t.columns = {"plan",     "measure",   "grade",   "source plan",      "source measure",  "relation",
               "coverage", "reinvention", "localized", "added targets", "dropped clauses", "added clauses",
               "passage",  "source passage"};
  for (const measure_attribution& a : d.attributions) {
    if (!a.source_plan && !include_novel) continue;
    report::cell passage;
    report::cell source_passage;
    if (!a.passages.empty()) {
      const borrowed_passage& p = *std::max_element(a.passages.begin(), a.passages.end(), [](const auto& x, const auto& y) {
        return x.alignment.matches < y.alignment.matches;
      });
      passage = report::excerpt_cell(p.text);
      source_passage = report::excerpt_cell(p.source_text);
      if (!d.files.empty()) {
        passage.source = d.files[a.plan];
        passage.where = p.where;
        source_passage.source = d.files[*a.source_plan];
        source_passage.where = p.source_where;
      }
    }
    std::string localized;
    for (const std::string& l : a.localized) localized += (localized.empty() ? "" : "; ") + l;
    t.add_row({d.plans[a.plan].label, a.id, std::string(to_string(a.grade)),
               a.source_plan ? report::cell(d.plans[*a.source_plan].label) : report::cell(),
               a.source_plan ? report::cell(a.source_id) : report::cell(),
               a.source_plan ? report::cell(std::string(to_string(a.relation))) : report::cell(),
               report::cell(a.coverage, 3), report::cell(a.reinvention, 3), localized, a.added_targets,
               a.dropped_clauses, a.added_clauses, std::move(passage), std::move(source_passage)});
  }
  t.notes.push_back(fmt::format(
      "{} measure pairs aligned (Smith–Waterman on the simplified text) among each measure's most similar "
      "measures of earlier plans; responsibility clauses, data/boilerplate.json and {} phrases frequent in the "
      "corpus do not count; the passage shown is the longest",
      d.candidate_pairs, d.frequent_boilerplate.size()));
  return t;
}

report::table edges_table(const diffusion_result& d) {
  report::table t;
  t.caption = "Plan diffusion network: borrowed measures by source and borrower";
  t.columns = {"source", "source level", "source province", "borrower", "borrower level", "borrower province",
               "relation", "measures", "copied", "adapted"};
  auto province = [](const diffusion_plan& p) { return p.province.empty() ? std::string("unknown") : p.province; };
  for (const diffusion_edge& e : d.edges) {
    const diffusion_plan& s = d.plans[e.source];
    const diffusion_plan& b = d.plans[e.target];
    t.add_row({s.label, std::string(to_string(s.place.admin_level)), province(s), b.label,
               std::string(to_string(b.place.admin_level)), province(b), std::string(to_string(e.relation)),
               e.measures(), e.copied, e.adapted});
  }
  return t;
}

report::table plans_table(const diffusion_result& d) {
  report::table t;
  t.caption = "Originality and influence per plan";
  t.columns = {"plan", "issued", "level", "province", "measures", "novel", "adapted", "copied",
               "originality", "influence", "borrowers"};
  for (std::size_t p = 0; p < d.plans.size(); ++p) {
    const diffusion_plan& dp = d.plans[p];
    const plan_diffusion& pd = d.per_plan[p];
    t.add_row({dp.label, dp.issued ? report::cell(dp.issued->to_string()) : report::cell(),
               std::string(to_string(dp.place.admin_level)), dp.province.empty() ? std::string("unknown") : dp.province,
               pd.measures, pd.novel, pd.adapted, pd.copied,
               pd.originality ? report::cell(*pd.originality, 3) : report::cell(), pd.influence, pd.borrowers});
  }
  t.notes.push_back(
      "originality: share of a plan's measures with no earlier source in this corpus (empty for an undated plan); "
      "influence: measures of later plans attributed to it");
  return t;
}

report::table timeline_table(const diffusion_result& d, std::span<const theme_adoption> timelines) {
  report::table t;
  t.caption = "Adoption timelines per theme";
  t.columns = {"theme", "adopters", "first adopters", "first year", "followers (borrowed)", "curve (year: cumulative)"};
  for (const theme_adoption& ta : timelines) {
    std::string first;
    std::string followers;
    std::string curve;
    for (const auto& a : ta.adopters) {
      std::string& into = a.issued.year == ta.adopters.front().issued.year ? first : followers;
      into += (into.empty() ? "" : "; ") + d.plans[a.plan].label +
              (a.borrowed != 0 && &into == &followers ? fmt::format(" ({}/{})", a.borrowed, a.measures) : "");
    }
    for (const auto& [year, count] : ta.curve) curve += fmt::format("{}{}: {}", curve.empty() ? "" : ", ", year, count);
    t.add_row({ta.label, ta.adopters.size(), first,
               ta.adopters.empty() ? report::cell() : report::cell(ta.adopters.front().issued.year), followers, curve});
  }
  t.notes.push_back(
      "followers (borrowed): later adopters, with the measures of the theme they took from an earlier plan / "
      "their measures of the theme");
  return t;
}

}  // namespace plancmp::inline v0::report
