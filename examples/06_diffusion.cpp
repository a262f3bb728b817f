// SPDX-License-Identifier: MIT
// 06 — Policy diffusion (政策扩散) across the five seed plans: who took which measure from
// whom, and how much they changed it.
//
// Each measure's most plausible source is looked for among the measures of *earlier*
// plans (issue date; the plan period when dates tie), aligned with Smith–Waterman on the
// simplified text, boilerplate (公文套话: responsibility clauses, data/boilerplate.json and
// runs that most plans of the corpus share) masked. A measure is `copied`, `adapted` or
// `novel`; its reinvention score is the share it changed, and the edge between the two
// plans is labelled by their levels and places (same place, from above, from below, peer).
// `plancmp diffusion` prints the same tables; `--network gexf -o diffusion.gexf` writes
// the network for Gephi.
#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/plancmp.hpp>

#include <fmt/format.h>

#include <vector>

int main() {
  namespace analysis = plancmp::analysis;
  namespace report = plancmp::report;

  const char* const files[] = {"000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt",
                               "002_e22083f13b5790bb.txt", "003_53900fa8173cc0f4.txt",
                               "004_b234aa7c753f2ac8.txt"};
  std::vector<plancmp::source_plan> plans;  // each plan with its document: spans point into it
  for (const char* file : files) {
    auto doc = plancmp::text::read_document(std::string(PLANCMP_SEEDS_DIR) + "/" + file);
    auto plan = plancmp::parse::parse_document(doc);
    plan.source.path = std::string("seeds/") + file;  // short names in tables
    plans.emplace_back(std::move(doc), std::move(plan));
  }

  // 1. The plans in time order, with the place and province each edge is labelled by.
  analysis::diffusion_options options;  // the defaults: top 5 candidates, 20 characters
  options.threads = 1;
  const analysis::diffusion_result d = analysis::attribute_measures(plans, options);
  for (const auto& p : d.plans)
    fmt::print("{}: {} ({}, province {}), period from {}\n", p.label, p.issued ? p.issued->to_string() : "undated",
               plancmp::to_string(p.place.admin_level), p.province.empty() ? "unknown" : p.province,
               p.period_start ? fmt::format("{}", *p.period_start) : "?");
  fmt::print("\n");

  // 2. Every borrowed measure with its source, grade, reinvention and the longest passage
  //    (byte spans in both files in the JSON and HTML renderings).
  fmt::print("{}\n", report::to_markdown(report::attributions_table(d)));

  // 3. The passages of Ningbo 2020's carry-overs from Ningbo 2017, with their spans.
  for (const auto& a : d.attributions) {
    if (!a.source_plan || a.relation != analysis::diffusion_relation::same_place) continue;
    fmt::print("{} {} ← {} {} ({}, {}):\n", d.plans[a.plan].label, a.id, d.plans[*a.source_plan].label, a.source_id,
               analysis::to_string(a.grade), analysis::to_string(a.relation));
    for (const auto& p : a.passages)
      fmt::print("  bytes [{}, {}) ← [{}, {}), {} identical characters: {}\n", p.where.begin, p.where.end,
                 p.source_where.begin, p.source_where.end, p.alignment.matches, report::excerpt(p.text, 40));
  }
  fmt::print("\n");

  // 4. The network and each plan's originality and influence.
  fmt::print("{}\n", report::to_markdown(report::edges_table(d)));
  fmt::print("{}\n", report::to_markdown(report::plans_table(d)));

  // 5. Adoption timelines of the IP value chain (创造 运用 保护 管理 服务).
  const auto& scheme = plancmp::coding_scheme::builtin("ip_value_chain");
  const analysis::tagger tagger(scheme);
  std::vector<analysis::plan_tagging> taggings;
  for (const auto& p : plans) taggings.push_back(tagger.tag(p.plan(), p.document()));
  const auto timelines = analysis::adoption_timelines(d, taggings, scheme);
  fmt::print("{}", report::to_markdown(report::timeline_table(d, timelines)));
}
