// SPDX-License-Identifier: MIT
// plancmp agreement: intercoder agreement between two coding sheets, or between a human
// sheet and plancmp's own codes (κ, α, precision, recall, F1 per theme).
#include "cli.hpp"

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/agreement_tables.hpp>

#include <fmt/format.h>

#include <fstream>

namespace plancmp::cli {
namespace {

int run_agreement(const options& opts) {
  if (opts.inputs.size() != 2)
    throw usage_error("plancmp agreement needs two coding sheets: A.json B.json (B may be `auto`: plancmp's codes)");
  const auto a = analysis::coding_sheet::from_file(opts.inputs[0]);
  analysis::coding_sheet b;
  std::vector<std::string> missing;
  if (opts.inputs[1] == "auto") {
    auto coded = analysis::code_sources(analysis::sources_of(a), gold_folders_of(opts));
    b = std::move(coded.sheet);
    missing = std::move(coded.missing);
  } else {
    b = analysis::coding_sheet::from_file(opts.inputs[1]);
  }
  if (const std::string* out = opts.value("save")) {
    std::ofstream f(*out, std::ios::binary);
    f << b.to_json();
    if (!f) throw usage_error(fmt::format("cannot write {}", *out));
  }
  auto table = report::to_table(analysis::compare_codings(a, b));
  for (const auto& m : missing) table.notes.push_back("not coded: " + m);
  write_output(opts, render(opts, table));
  return exit_ok;
}

const registration agreement_command{{
    "agreement",
    "intercoder agreement of two coding sheets (kappa, alpha, P/R/F1 per theme)",
    "usage: plancmp agreement A.json B.json|auto [--seeds DIR] [--corpus DIR] [--save FILE]\n"
    "                         [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Compares two coding sheets (schema plancmp.gold.coding/1, docs/gold.md) on the units\n"
    "both coded: IP relatedness, each value-chain stage and each policy-tool type as binary\n"
    "variables, with Cohen's kappa, Krippendorff's alpha (nominal), and precision, recall and\n"
    "F1 taking A as the reference; (all) pools a variable's themes. With `auto` as B,\n"
    "plancmp codes the documents A names by the codebook (docs/codebook.md) and is compared.\n\n"
    "  --seeds DIR     where seeds/<file> sources are (default seeds)\n"
    "  --corpus DIR    where corpus/<file> sources are (default ../shared/corpus/docs)\n"
    "  --save FILE     also write B (plancmp's codes with auto) as a coding sheet\n\n"
    "examples:\n"
    "  plancmp agreement tests/data/gold/coding/A.json auto\n"
    "  plancmp agreement tests/data/gold/coding/A.json tests/data/gold/coding/B.json\n",
    {"seeds", "corpus", "save"},
    {},
    run_agreement,
}};

}  // namespace
}  // namespace plancmp::cli
