// SPDX-License-Identifier: MIT
// plancmp learn: a coder that learns from a human coding sheet (k-fold F1 per theme, the
// units to hand-code next).
#include "cli.hpp"

#include <plancmp/analysis/learned_coder.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/agreement_tables.hpp>

namespace plancmp::cli {
namespace {

int run_learn(const options& opts) {
  if (opts.inputs.empty())
    throw usage_error("plancmp learn needs a human coding sheet: plancmp learn A.json [more sources...]");
  const auto human = analysis::coding_sheet::from_file(opts.inputs[0]);
  auto sources = analysis::sources_of(human);
  for (std::size_t i = 1; i < opts.inputs.size(); ++i) sources.push_back(opts.inputs[i]);
  const auto units = analysis::learning_units(sources, gold_folders_of(opts));
  analysis::learner_options o;
  o.folds = static_cast<std::size_t>(number_option(opts, "folds", 5, 2, 50));
  o.suggest = static_cast<std::size_t>(number_option(opts, "suggest", 20, 0, 100000));
  auto tables = report::to_tables(analysis::learn(human, units.units, o));
  for (const auto& m : units.missing) tables.front().notes.push_back("not read: " + m);
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration learn_command{{
    "learn",
    "a coder that learns from a human sheet: k-fold F1 per theme, units to hand-code next",
    "usage: plancmp learn HUMAN.json|.csv [seeds/<file>|corpus/<file>...] [--folds K] [--suggest N]\n"
    "                     [--seeds DIR] [--corpus DIR] [--format md|csv|json] [--excel] [-o FILE]\n\n"
    "Trains a logistic-regression coder per theme (about IP, the five value-chain stages, the\n"
    "three tool types) from a human coding sheet over character n-grams, words and the\n"
    "dictionaries' own codes; prints k-fold cross-validated F1 of the dictionaries and of the\n"
    "learned coder, and the units the learned coder is least sure of among the measures of\n"
    "the sheet's documents (and of the extra sources named) that nobody has coded yet.\n"
    "Deterministic; no network.\n\n"
    "examples:\n"
    "  plancmp learn tests/data/gold/coding/A.json --suggest 10\n",
    {"folds", "suggest", "seeds", "corpus"},
    {},
    run_learn,
}};

}  // namespace
}  // namespace plancmp::cli
