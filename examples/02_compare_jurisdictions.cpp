// SPDX-License-Identifier: MIT
// 02 — Compare the plans of four jurisdictions.
//
// Ningbo (city, 2020), Hengshui (city, 2022), Gansu (province, 2020, traditional script)
// and a Wuhan district (2024): which stages of the IP value chain and which policy tools
// their measures cover, the policy tools × value chain table of the literature, the
// quantitative targets they set, and which agencies lead. Every table prints as Markdown;
// pass another report::table_format to get CSV, JSON, LaTeX or HTML instead.
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/plancmp.hpp>

#include <fmt/format.h>

#include <limits>

int main() {
  namespace analysis = plancmp::analysis;
  namespace report = plancmp::report;

  // The four plans of the comparison (the seeds ship with the project).
  const std::vector<std::string> files = {"000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt",
                                          "002_e22083f13b5790bb.txt", "003_53900fa8173cc0f4.txt"};
  // Keep each document: coverage evidence and PMC rules point back into its bytes.
  std::vector<plancmp::text::document> docs;
  std::vector<plancmp::plan> plans;
  for (const auto& f : files) {
    docs.push_back(plancmp::text::read_document(std::string(PLANCMP_SEEDS_DIR) + "/" + f));
    plans.push_back(plancmp::parse::parse_document(docs.back()));
    plans.back().source.path = "seeds/" + f;  // a short, machine-independent name in tables
  }

  // Similarity: for each measure its best cosine (character 2–3-gram tf-idf, simplified
  // script, so Gansu's traditional text compares) in the other plan, averaged both ways.
  fmt::print("{}\n", report::to_markdown(analysis::to_table(analysis::text_similarity_matrix(plans))));

  // Two coding schemes: the IP value chain (创造 运用 保护 管理 服务) and Rothwell &
  // Zegveld's policy tools (供给型 环境型 需求型), tagged in one pass per plan.
  const analysis::tagger chain(plancmp::coding_scheme::builtin("ip_value_chain"));
  const analysis::tagger tools(plancmp::coding_scheme::builtin("policy_tools"));
  const analysis::tagger* const both[] = {&tools, &chain};
  std::vector<analysis::plan_tagging> tool_tags, chain_tags;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    auto tags = analysis::tagger::tag_all(both, plans[i], docs[i]);
    tool_tags.push_back(std::move(tags[0]));
    chain_tags.push_back(std::move(tags[1]));
  }

  // Coverage: the share of each plan's measures that carry each theme.
  const auto by_chain = analysis::compute_coverage(plans, chain_tags, chain.scheme());
  const auto by_tools = analysis::compute_coverage(plans, tool_tags, tools.scheme());
  fmt::print("{}\n", report::to_markdown(analysis::to_table(by_chain, analysis::coverage_view::shares)));
  fmt::print("{}\n", report::to_markdown(analysis::to_table(by_tools, analysis::coverage_view::shares)));

  // The two-dimensional table: tools (rows) × value-chain stages (columns), summed over
  // the four plans (npos = the sum rather than one plan).
  const auto cross = analysis::compute_tools_by_chain(tool_tags, tools.scheme(), chain_tags, chain.scheme());
  fmt::print("{}\n", report::to_markdown(analysis::to_table(cross, std::numeric_limits<std::size_t>::max())));

  // Targets: one line per quantitative target, resolved to canonical indicators.
  report::table targets;
  targets.caption = "Targets";
  targets.columns = {"plan", "indicator", "key", "value", "unit", "year"};
  for (const auto& p : plans) {
    for (const auto& t : p.targets) {
      targets.add_row({analysis::plan_label(p), t.indicator, t.indicator_key, report::cell(t.value, 2), t.unit,
                       t.year ? report::cell(*t.year) : report::cell()});
    }
  }
  fmt::print("{}\n", report::to_markdown(targets));

  // Agencies: which canonical function leads and supports how many measures in each plan.
  fmt::print("{}", report::to_markdown(analysis::to_table(analysis::compare_agency_functions(plans))));
}
