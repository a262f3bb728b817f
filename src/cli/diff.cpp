// SPDX-License-Identifier: MIT
// Two-plan comparisons built on measure alignment: plancmp diff (two editions of one
// jurisdiction's plan) and plancmp vertical (a lower-level plan against the upper-level
// plan it implements).
#include "cli.hpp"

#include <plancmp/analysis/gaps.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/gaps_tables.hpp>

#include <fmt/format.h>

namespace plancmp::cli {
namespace {

// Reads exactly two plans and prints the table `compare` makes of them.
template <class Compare>
int run_pair(const options& opts, std::string_view command, std::string_view operands, Compare compare) {
  analysis::plan_alignment_options align;
  align.threshold = number_option(opts, "threshold", align.threshold, 0, 1);
  align.vectors.threads = opts.threads;
  if (opts.inputs.size() != 2) throw usage_error(fmt::format("{} needs two files: {}", command, operands));
  const std::vector<source_plan> in = load_source_plans(opts);
  write_output(opts, render(opts, report::to_table(compare(in[0], in[1], align))));
  return exit_ok;
}

int run_diff(const options& opts) {
  return run_pair(opts, "diff", "OLD NEW", [](const auto&... args) { return analysis::diff_plans(args...); });
}

int run_vertical(const options& opts) {
  return run_pair(opts, "vertical", "UPPER LOWER",
                  [](const auto&... args) { return analysis::align_vertical(args...); });
}

const registration diff_command{{
    "diff",
    "two editions of a plan: measures carried/dropped/new, targets, agency renames",
    "usage: plancmp diff OLD NEW [--threshold T] [--format md|csv|json] [--excel] [-o FILE]\n\n"
    "Measures of OLD and NEW aligned by substance (docs/alignment.md: links scoring T or\n"
    "above, default 0.35, graded same or related; a measure may have several) are\n"
    "carried over, with the passage they share as evidence; the rest are dropped or new.\n"
    "Targets are compared by canonical indicator; agencies by canonical function, a\n"
    "pre-reform name (市知识产权局) being a rename to its successor, not a dropped agency.\n\n"
    "example:\n"
    "  plancmp diff seeds/004_b234aa7c753f2ac8.txt seeds/000_edee8db098a98e76.txt\n",
    {"threshold"},
    {},
    run_diff,
}};

const registration vertical_command{{
    "vertical",
    "a lower-level plan against the upper-level plan it implements: carried, not carried, local",
    "usage: plancmp vertical UPPER LOWER [--threshold T] [--format md|csv|json] [-o FILE]\n\n"
    "Aligns the measures of UPPER (e.g. a province's plan) and LOWER (a city's) one-to-one\n"
    "and lists the upper measures carried down (with the shared passage), those not\n"
    "carried, and the lower plan's local additions; the share carried is in the notes.\n",
    {"threshold"},
    {},
    run_vertical,
}};

}  // namespace
}  // namespace plancmp::cli
