// SPDX-License-Identifier: MIT
// plancmp pmc: the PMC index (policy modelling consistency) of each plan, with the
// evidence of every second-level variable and the PMC surface matrix.
#include "cli.hpp"

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/data.hpp>
#include <plancmp/report/pmc_tables.hpp>

#include <optional>

namespace plancmp::cli {
namespace {

int run_pmc(const options& opts) {
  std::optional<analysis::pmc_model> custom;
  if (const std::string* file = opts.value("model")) custom = analysis::pmc_model::from_json(read_file(*file), *file);
  const std::string* design = opts.value("design");
  const analysis::pmc_model& model =
      custom ? *custom : analysis::pmc_model::builtin(design != nullptr ? *design : std::string_view());
  std::vector<analysis::pmc_result> results;
  const std::vector<source_plan> inputs = load_source_plans(opts);
  // --codes SHEET: a (corrected, human) coding sheet gives the IP, stage and tool codes.
  std::optional<analysis::coding_sheet> sheet;
  if (const std::string* codes = opts.value("codes")) sheet = analysis::coding_sheet::from_file(*codes);
  const auto score = [&](std::size_t i, const analysis::pmc_model& m) {
    return sheet ? analysis::compute_pmc(inputs[i].plan(), inputs[i].document(), m, *sheet)
                 : analysis::compute_pmc(inputs[i].plan(), inputs[i].document(), m);
  };
  if (opts.has_flag("sensitivity")) {
    std::vector<const analysis::pmc_model*> designs;
    for (const auto& id : analysis::pmc_model::builtin_ids()) designs.push_back(&analysis::pmc_model::builtin(id));
    if (custom) designs.push_back(&*custom);
    std::vector<std::vector<analysis::pmc_result>> all(designs.size());
    for (std::size_t d = 0; d < designs.size(); ++d) {
      for (std::size_t i = 0; i < inputs.size(); ++i)
        all[d].push_back(score(i, *designs[d]));
    }
    write_output(opts, render(opts, report::sensitivity_table(all, designs)));
    return exit_ok;
  }
  for (std::size_t i = 0; i < inputs.size(); ++i)
    results.push_back(score(i, model));
  std::vector<report::table> tables{report::to_table(results, model)};
  if (opts.has_flag("detail")) tables.push_back(report::detail_table(results, model));
  if (opts.has_flag("surface")) {
    for (const auto& r : results) tables.push_back(report::surface_table(r, model));
  }
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration pmc_command{{
    "pmc",
    "PMC index per plan: variable scores, grade, evidence, surface matrix",
    "usage: plancmp pmc [FILE...] [--detail] [--surface] [--design ID | --model FILE] [--sensitivity]\n"
    "                   [--codes SHEET] [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Scores each plan with the PMC index (Ruiz Estrada): every second-level variable is a\n"
    "documented rule over the plan graph (data/pmc.json, docs/coverage.md) and every 1 is\n"
    "traced to the bytes it came from (--detail).\n\n"
    "  --detail        second-level variables with their evidence\n"
    "  --surface       the PMC surface matrix of each plan\n"
    "  --design ID     a built-in design: ip_pmc_10 (default: 10 variables, grades 9/7/5) or\n"
    "                  ip_pmc_9 (9 variables, grades 8/6/4)\n"
    "  --model FILE    a PMC design of your own (schema plancmp.pmc/1)\n"
    "  --sensitivity   each plan's PMC and grade under every built-in design (and --model)\n"
    "  --codes SHEET   take about IP, the value-chain stages and the tool types from a coding\n"
    "                  sheet (.json, .csv or .xlsx of plancmp codes, corrected by people);\n"
    "                  tables are captioned with the coder (\"human codes: A\")\n\n"
    "A design may declare a domain: a plan with less than half of its measures about IP\n"
    "cannot grade above 可接受 on an IP design (the note says why).\n\n"
    "examples:\n"
    "  plancmp pmc\n"
    "  plancmp pmc --detail --format csv --excel -o pmc/   # one CSV per table, index.csv\n"
    "  plancmp pmc --sensitivity\n"
    "  plancmp pmc seeds/003_53900fa8173cc0f4.txt --codes corrected.xlsx\n",
    {"model", "design", "codes"},
    {"detail", "surface", "sensitivity"},
    run_pmc,
}};

}  // namespace
}  // namespace plancmp::cli
