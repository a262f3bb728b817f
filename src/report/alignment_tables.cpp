// SPDX-License-Identifier: MIT
// Tables of plan alignment and its evaluation against the alignment gold.
#include <plancmp/report/alignment_tables.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

namespace plancmp::inline v0::report {

// The bodies name the analysis result types and their helpers unqualified, as they did
// in src/analysis/plan_alignment.cpp, src/analysis/alignment_gold.cpp, where they lived before moving up to this layer.
using namespace analysis;

namespace {
// The signals of a pair in words, then its top shared n-grams.
std::string describe_evidence(alignment_method method, const measure_pair& p) {
  std::string out;
  if (method == alignment_method::substance) {
    const link_evidence& e = p.signals;
    out = fmt::format("chars {:.2f} words {:.2f} concepts {:.2f}", e.characters, e.words, e.concepts);
    if (e.passages > 0.0) out += fmt::format(" sentences {:.2f}", e.passages);
    if (e.title > 0.0) out += fmt::format(" title {:.2f}", e.title);
    if (e.themes > 0.0) out += fmt::format(" themes {:.2f}", e.themes);
    if (e.shared_indicator) out += " indicator";
    out += e.agencies ? fmt::format(" agencies {:.2f}", *e.agencies) : std::string(" agencies n/a");
    if (!e.shared_concepts.empty()) {
      out += ";";
      for (const std::string& c : e.shared_concepts) out += " " + c;
    }
    if (!p.shared_features.empty()) out += ";";
  }
  for (const std::string& f : p.shared_features) out += " " + f;
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  return out;
}
}  // namespace

report::table to_table(std::span<const alignment_evaluation> evaluations) {
  // plancmp against the gold, or (found_by set) a second hand alignment against the first.
  const bool annotators = std::any_of(evaluations.begin(), evaluations.end(),
                                      [](const alignment_evaluation& e) { return !e.found_by.empty(); });
  report::table t;
  t.caption = annotators ? "Two hand alignments of each pair: the second annotator's links against the first's "
                           "(links: same and related together)"
                         : "Alignment against hand-aligned pairs (links: same and related together)";
  if (annotators)
    t.columns = {"pair", "annotators", "links (first)", "links (second)", "precision", "recall", "F1",
                 "same P", "same R", "related P", "related R"};
  else
    t.columns = {"pair", "gold links", "found", "precision", "recall", "F1",
                 "same P", "same R", "related P", "related R"};
  link_scores total;
  for (const alignment_evaluation& e : evaluations) {
    std::vector<report::cell> row{e.pair};
    if (annotators) row.emplace_back(e.found_by);
    for (report::cell c : {report::cell(e.links.gold), report::cell(e.links.found),
                           report::cell(e.links.precision(), 3), report::cell(e.links.recall(), 3),
                           report::cell(e.links.f1(), 3), report::cell(e.same.precision(), 3),
                           report::cell(e.same.recall(), 3), report::cell(e.related.precision(), 3),
                           report::cell(e.related.recall(), 3)})
      row.push_back(std::move(c));
    t.add_row(std::move(row));
    total.gold += e.links.gold;
    total.found += e.links.found;
    total.gold_matched += e.links.gold_matched;
    total.found_matched += e.links.found_matched;
    const std::string_view missed = annotators ? "only the first" : "missed";
    const std::string_view spurious = annotators ? "only the second" : "spurious";
    for (const gold_link& g : e.missed)
      t.notes.push_back(fmt::format("{}: {} {} ↔ {} ({})", e.pair, missed, g.a.empty() ? g.a_start : g.a,
                                    g.b.empty() ? g.b_start : g.b, to_string(g.grade)));
    for (const measure_pair& p : e.spurious)
      t.notes.push_back(annotators ? fmt::format("{}: {} {} ↔ {} ({})", e.pair, spurious, p.id_a, p.id_b,
                                                 to_string(p.grade))
                                   : fmt::format("{}: {} {} ↔ {} ({}, {:.3f})", e.pair, spurious, p.id_a, p.id_b,
                                                 to_string(p.grade), p.similarity));
  }
  if (evaluations.size() > 1) {
    std::vector<report::cell> row{"all pairs"};
    if (annotators) row.emplace_back();
    for (report::cell c : {report::cell(total.gold), report::cell(total.found), report::cell(total.precision(), 3),
                           report::cell(total.recall(), 3), report::cell(total.f1(), 3)})
      row.push_back(std::move(c));
    for (int k = 0; k < 4; ++k) row.emplace_back();
    t.add_row(std::move(row));
  }
  return t;
}

report::table to_table(const plan_alignment& alignment, unmatched_listing unmatched) {
  report::table t;
  t.caption = fmt::format("Measure alignment: {} ↔ {}", alignment.file_a, alignment.file_b);
  t.columns = {"measure A", "measure B", "similarity", "grade", "kind", "evidence", "shared passage"};
  for (const measure_pair& p : alignment.pairs) {
    report::cell passage;
    if (p.evidence) {
      passage = report::excerpt_cell(p.evidence->text_a);
      passage.source = alignment.file_a;
      passage.where = p.evidence->where_a;
    }
    t.add_row({p.id_a, p.id_b, report::cell(p.similarity, 3),
               alignment.method == alignment_method::substance ? std::string(to_string(p.grade)) : std::string(),
               p.extra ? "extra" : "one-to-one", describe_evidence(alignment.method, p), std::move(passage)});
  }
  if (unmatched == unmatched_listing::rows) {
    for (const unmatched_measure& u : alignment.unmatched_a) t.add_row({u.id, "", {}, "", "unmatched", {}, {}});
    for (const unmatched_measure& u : alignment.unmatched_b) t.add_row({"", u.id, {}, "", "unmatched", {}, {}});
  }
  t.notes.push_back(alignment.method == alignment_method::substance
                        ? "similarity: substance (characters, words, concepts, best sentence pair, titles, themes, "
                          "indicators, agencies, section context, position; weights fitted on this pair alone)"
                        : "similarity: char 2–3-gram tf-idf cosine (fitted on this pair alone)");
  t.notes.push_back(fmt::format(
      "score {:.3f} = 2 × {:.3f} (one-to-one assignment weight) / ({} + {} measures); {} pairs, "
      "{} unmatched in A, {} unmatched in B",
      alignment.score, alignment.total_similarity, alignment.measures_a, alignment.measures_b,
      alignment.pairs.size(), alignment.unmatched_a.size(), alignment.unmatched_b.size()));
  if (unmatched == unmatched_listing::note) {
    const auto list = [&t](std::string_view side, const std::vector<unmatched_measure>& measures) {
      if (measures.empty()) return;
      std::string ids;
      for (const unmatched_measure& u : measures) ids += (ids.empty() ? "" : ", ") + u.id;
      t.notes.push_back(fmt::format("unmatched in {}: {}", side, ids));
    };
    list("A", alignment.unmatched_a);
    list("B", alignment.unmatched_b);
  }
  return t;
}

}  // namespace plancmp::inline v0::report
