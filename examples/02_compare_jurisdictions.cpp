// SPDX-License-Identifier: MIT
// 02 — Compare the plans of four jurisdictions.
//
// Ningbo (city, 2020), Hengshui (city, 2022), Gansu (province, 2020, traditional script)
// and a Wuhan district (2024): how similar their texts are, which stages of the IP value
// chain and which policy tools their measures cover, the policy tools × value chain table
// of the literature, the quantitative targets they set, which agencies lead, and what
// each plan leaves out that the others have. `plancmp compare` prints the same tables.
// Every table prints as Markdown; pass another report::table_format to report::render to
// get CSV, JSON, LaTeX or HTML instead.
#include <plancmp/plancmp.hpp>

#include <fmt/format.h>

int main() {
  namespace report = plancmp::report;

  // The four plans of the comparison (the seeds ship with the project).
  const std::vector<std::string> files = {"000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt",
                                          "002_e22083f13b5790bb.txt", "003_53900fa8173cc0f4.txt"};
  // Each plan with its document (a source_plan): coverage evidence and gap evidence point
  // back into its bytes.
  std::vector<plancmp::source_plan> inputs;
  for (const auto& f : files) {
    auto doc = plancmp::text::read_document(std::string(PLANCMP_SEEDS_DIR) + "/" + f);
    auto plan = plancmp::parse::parse_document(doc);
    plan.source.path = "seeds/" + f;  // a short, machine-independent name in tables
    inputs.emplace_back(std::move(doc), std::move(plan));
  }

  report::comparison_options options;
  // Gaps: a measure of another plan whose best measure here has a substance link score
  // below this counts as left out (0.35, the alignment default; docs/alignment.md).
  options.gap.threshold = 0.35;
  // Themes of these coding schemes that the others cover and this plan does not.
  options.gap.schemes = {"ip_value_chain", "ip_objects"};
  // Four different jurisdictions: no two editions of one plan, so no version diff
  // (example 03 diffs Ningbo 2017 and 2020).
  options.editions = true;
  // Vectorizing threads (0: all cores); the tables are the same for every thread count.
  options.threads = 0;

  // The tables, in order: summary; similarity (for each measure its best cosine of
  // character 2–3-gram tf-idf, simplified script, in the other plan, averaged both ways);
  // coverage shares by value chain (创造 运用 保护 管理 服务) and by Rothwell & Zegveld's
  // policy tools (供给型 环境型 需求型); tools × chain summed over the four plans; targets
  // resolved to canonical indicators; agency functions leading and supporting; then one
  // gap table per plan against the three others, each row with the evidence on both sides.
  const auto tables = report::comparison(inputs, options);
  for (std::size_t i = 0; i < tables.size(); ++i)
    fmt::print("{}{}", i == 0 ? "" : "\n", report::to_markdown(tables[i]));
}
