// SPDX-License-Identifier: MIT
// Tables of coding sheets, coder agreement and the learned coder.
#include <plancmp/report/agreement_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/agreement.cpp, src/analysis/learned_coder.cpp, where they lived before moving up to this layer.
using namespace analysis;

report::table to_table(const coding_sheet& sheet) {
  report::table t;
  t.caption = fmt::format("Coding sheet: {} ({})", sheet.coder, sheet.automatic ? "automatic" : "human");
  t.columns = {"source", "id", "text_start", "variable", "theme", "code", "evidence", "coder", "kind"};
  const std::string kind = sheet.automatic ? "automatic" : "human";
  for (const coded_unit& u : sheet.units) {
    const auto row = [&](const char* variable, const std::string& theme, bool code) {
      std::string ev;
      for (const auto& e : u.evidence) {
        if (e.theme != theme) continue;
        ev += fmt::format("{}「{}」@{}-{}", ev.empty() ? "" : " ", e.printed, e.where.begin, e.where.end);
      }
      t.add_row({u.source, u.id, u.text_start, variable, theme, code ? 1 : 0, ev, sheet.coder, kind});
    };
    row("ip_related", "ip_related", u.ip_related);
    for (const auto& stage : value_chain_stages())
      row("value_chain", stage, std::find(u.value_chain.begin(), u.value_chain.end(), stage) != u.value_chain.end());
    for (const auto& tool : policy_tool_types())
      row("policy_tools", tool, std::find(u.policy_tools.begin(), u.policy_tools.end(), tool) != u.policy_tools.end());
  }
  t.notes.push_back("Correct the code column (1 = the unit has the theme, 0 = not), set kind to human, and "
                    "re-import the file: plancmp agreement corrected.csv auto (docs/codebook.md).");
  return t;
}

report::table to_table(const agreement_report& r) {
  report::table t;
  t.caption = fmt::format("Agreement: {} (reference) vs {} — {} matched units", r.coder_a, r.coder_b, r.matched);
  t.columns = {"variable", "theme", "units", "both", "only " + r.coder_a, "only " + r.coder_b, "neither",
               "kappa", "alpha", "precision", "recall", "F1"};
  const auto number = [](double v) { return std::isnan(v) ? report::cell("n/a") : report::cell(v, 3); };
  for (const auto& row : r.rows) {
    t.add_row({row.variable, row.theme, row.units, row.both, row.only_a, row.only_b, row.neither, number(row.kappa),
               number(row.alpha), number(row.precision), number(row.recall), number(row.f1)});
  }
  t.notes.push_back(fmt::format("{} units coded by {}, {} by {}; {} matched by source and measure id.", r.units_a,
                                r.coder_a, r.units_b, r.coder_b, r.matched));
  if (!r.unmatched.empty()) {
    std::string list;
    for (std::size_t i = 0; i < r.unmatched.size() && i < 10; ++i) list += (i ? "; " : "") + r.unmatched[i];
    t.notes.push_back(fmt::format("{} units of {} have no counterpart in {}: {}{}", r.unmatched.size(), r.coder_a,
                                  r.coder_b, list, r.unmatched.size() > 10 ? " …" : ""));
  }
  t.notes.push_back(
      "Cohen's kappa and Krippendorff's alpha (nominal) per theme as a binary variable; (all): the variable's "
      "themes pooled; precision and recall take the first coder as the reference; n/a: undefined (no variation).");
  return t;
}

std::vector<report::table> to_tables(const learning_report& r) {
  const auto number = [](double v) { return std::isnan(v) ? report::cell("n/a") : report::cell(v, 3); };
  report::table q;
  q.caption = fmt::format("Learned coder: cross-validated F1 per theme ({} hand-coded units)", r.trained);
  q.columns = {"variable", "theme", "positives", "F1 dictionary", "F1 learned", "kappa learned"};
  for (const auto& t : r.quality)
    q.add_row({t.variable, t.theme, t.positives, number(t.dictionary_f1), number(t.learned_f1), number(t.learned_kappa)});
  q.notes.push_back("k-fold cross-validation over the hand-coded units (fold = position mod k); the learned model is "
                    "a logistic regression per theme over character 1–2-grams, words and the dictionary's code.");
  report::table s;
  s.caption = "Units to hand-code next (the learned coder is least sure, most uncertain first)";
  s.columns = {"source", "id", "text_start", "uncertainty", "least sure of"};
  for (const auto& x : r.suggestions) s.add_row({x.source, x.id, x.text_start, number(x.uncertainty), x.theme});
  return {q, s};
}

}  // namespace plancmp::inline v0::report
