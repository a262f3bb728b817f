// SPDX-License-Identifier: MIT
// plancmp align: measure-by-measure alignment of two plans (maximum-weight assignment on
// measure similarity), with the shared passage of each pair as evidence.
#include "cli.hpp"

#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/error.hpp>

namespace plancmp::cli {
namespace {

int run_align(const options& opts) {
  analysis::plan_alignment_options align;
  align.threshold = number_option(opts, "threshold", align.threshold, 0, 1);
  align.one_to_many = opts.has_flag("one-to-many");
  align.vectors.threads = opts.threads;

  const parsed_inputs in = load_parsed_inputs(opts);
  if (in.plans.size() < 2) throw usage_error("align needs two plans (or more: every pair is aligned)");
  std::vector<report::table> tables;
  for (std::size_t i = 0; i < in.plans.size(); ++i)
    for (std::size_t j = i + 1; j < in.plans.size(); ++j)
      tables.push_back(analysis::to_table(analysis::align_plans(
          in.documents[i], in.plans[i], in.documents[j], in.plans[j], align)));
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration align_command{{
    "align",
    "measure-by-measure alignment of two plans, with scores and shared passages",
    "usage: plancmp align [FILE...] [--threshold T] [--one-to-many]\n"
    "                     [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Aligns the measures of two plans (with more files, of every pair; with none, of the\n"
    "bundled seeds) one-to-one by maximum-weight assignment on their similarity (cosine of\n"
    "char 2–3-gram tf-idf, simplified script, responsibility clauses left out). Each pair\n"
    "shows its similarity and, as evidence, the longest passage the two measures share,\n"
    "with its span in the first file (JSON: \"source\" and \"span\"). Measures without a\n"
    "partner are listed as unmatched; the notes give the overall score, 2 × assignment\n"
    "weight / (measures of A + measures of B).\n\n"
    "  --threshold T   pairs less similar than T stay unmatched (default 0.2)\n"
    "  --one-to-many   also attach every unmatched measure to its most similar measure on\n"
    "                  the other side (marked \"extra\")\n\n"
    "examples:\n"
    "  plancmp align seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt\n"
    "  plancmp align A.txt B.txt --threshold 0.5 --one-to-many --format csv --excel -o a.csv\n",
    {"threshold"},
    {"one-to-many"},
    run_align,
}};

}  // namespace
}  // namespace plancmp::cli
