// SPDX-License-Identifier: MIT
// 03 — What Ningbo kept, dropped and added between its 2017 and 2020 plans.
//
// Two editions of one jurisdiction's plan: 宁波市 2017 (a plan with responsibility
// clauses, 责任单位) and its 2020 draft (征求意见稿). First the measures whose texts are
// most alike, then the passages the 2020 text reuses word for word from 2017 (with their
// byte spans in both files, so each can be checked in the source), then the version diff:
// measures carried over, dropped and new; targets strengthened, weakened, new and dropped;
// agencies renamed by the 2018 institutional reform (市知识产权局 → 市场监督管理局).
// `plancmp reuse OLD NEW` and `plancmp diff OLD NEW` print the same tables.
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/plancmp.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

int main() {
  namespace analysis = plancmp::analysis;
  namespace report = plancmp::report;

  // The old edition first: every comparison below reads "from 2017 to 2020".
  auto load = [](const std::string& file) {
    auto doc = plancmp::text::read_document(std::string(PLANCMP_SEEDS_DIR) + "/" + file);
    auto p = plancmp::parse::parse_document(doc);
    p.source.path = "seeds/" + file;  // a short, machine-independent name in tables
    doc.path = p.source.path;
    return plancmp::source_plan(std::move(doc), std::move(p));
  };
  const plancmp::source_plan old_edition = load("004_b234aa7c753f2ac8.txt");
  const plancmp::source_plan new_edition = load("000_edee8db098a98e76.txt");
  const plancmp::plan& old_plan = old_edition.plan();
  const plancmp::plan& new_plan = new_edition.plan();
  fmt::print("{} ({} measures) → {} ({} measures)\n\n", analysis::plan_label(old_plan),
             old_plan.measures().size(), analysis::plan_label(new_plan), new_plan.measures().size());

  // 1. Top matches: the cosine of every pair of measures (character 2–3-gram tf-idf fitted
  //    on both plans, simplified script, responsibility clauses left out), best first.
  const std::vector<double> cosine = analysis::measure_similarity(old_plan, new_plan);
  const std::size_t columns = new_plan.measures().size();
  std::vector<std::size_t> order(cosine.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Ties broken by position, so the listing is the same on every machine.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return cosine[x] > cosine[y]; });
  const std::size_t top = 8;  // how many pairs to list
  report::table matches;
  matches.caption = "Most similar measures, 2017 → 2020";
  matches.columns = {"2017", "title", "2020", "title", "cosine"};
  for (std::size_t k = 0; k < std::min(top, order.size()); ++k) {
    const auto& a = old_plan.measures()[order[k] / columns];
    const auto& b = new_plan.measures()[order[k] % columns];
    matches.add_row({a.id, report::excerpt(a.title, 30), b.id, report::excerpt(b.title, 30),
                     report::cell(cosine[order[k]], 3)});
  }
  fmt::print("{}\n", report::to_markdown(matches));

  // 2. Reused passages: Smith–Waterman local alignment of measure pairs that share a run
  //    of non-boilerplate characters; a passage needs `min_length` identical characters
  //    and `min_identity` of its columns identical. Clauses and the phrases every plan
  //    says (data/boilerplate.json) are masked so that they do not count as reuse.
  analysis::reuse_options reuse;
  reuse.min_length = 20;     // characters aligned identically (the default)
  reuse.min_identity = 0.6;  // share of identical alignment columns (the default)
  const auto passages = analysis::find_reuse(old_edition, new_edition, reuse);
  fmt::print("{}\n", report::to_markdown(report::to_table(passages)));

  // 3. The version diff: measures linked by substance (characters, words and concepts,
  //    titles, themes, indicators, agencies: docs/alignment.md) are carried over when
  //    their link score reaches `threshold`, graded same or related, with the longest
  //    passage they share as evidence; the rest are dropped or new. Targets are compared
  //    within one comparable class (indicator, quantity, scope, unit), agencies by
  //    canonical function through the ontology's reform links, so a pre-2018 name is a
  //    rename, not a dropped agency; the 2020 draft names no agency: n/a.
  analysis::plan_alignment_options align;
  align.threshold = 0.35;  // the alignment default; below it two measures are not linked
  const auto diff = analysis::diff_plans(old_edition, new_edition, align);
  fmt::print("{}", report::to_markdown(report::to_table(diff)));
}
