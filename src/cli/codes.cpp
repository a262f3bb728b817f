// SPDX-License-Identifier: MIT
// plancmp codes: plancmp's own codes by the codebook, as a coding sheet a researcher
// corrects and re-imports (one row per unit × theme, with evidence).
#include "cli.hpp"

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/report/agreement_tables.hpp>

namespace plancmp::cli {
namespace {

int run_codes(const options& opts) {
  const std::vector<source_plan> inputs = load_source_plans(opts);
  analysis::coding_sheet sheet;
  sheet.coder = "plancmp";
  sheet.automatic = true;
  for (const source_plan& in : inputs) {
    for (auto& u : analysis::code_plan(in.plan(), in.document(), in.plan().source.path))
      sheet.units.push_back(std::move(u));
  }
  if (opts.has_flag("sheet")) {
    write_output(opts, sheet.to_json());
  } else {
    write_output(opts, render(opts, report::to_table(sheet)));
  }
  return exit_ok;
}

const registration codes_command{{
    "codes",
    "plancmp's codes by the codebook, as a coding sheet to correct and re-import",
    "usage: plancmp codes [FILE...] [--sheet] [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Codes every measure by the codebook (docs/codebook.md): about IP or not, value-chain\n"
    "stages, policy-tool types, each with its evidence (the phrase as printed and its bytes).\n"
    "The table has one row per unit x theme with a 0/1 code column: correct it in a\n"
    "spreadsheet, set kind to human, and compare or re-import it with plancmp agreement.\n"
    "Sources are named as given on the command line (seeds/<file> from the project root\n"
    "matches the gold sheets).\n\n"
    "  --sheet      the coding sheet as JSON (plancmp.gold.coding/1) instead of the table\n\n"
    "examples:\n"
    "  plancmp codes seeds/003_53900fa8173cc0f4.txt --format csv --excel -o codes.csv\n"
    "  plancmp agreement corrected.csv codes.csv\n",
    {},
    {"sheet"},
    run_codes,
}};

}  // namespace
}  // namespace plancmp::cli
