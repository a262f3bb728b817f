// SPDX-License-Identifier: MIT
// plancmp reuse: passages one plan shares with another (local alignment, boilerplate
// masked), with the bytes of both files.
#include "cli.hpp"

#include <plancmp/analysis/reuse.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/reuse_tables.hpp>

#include <fmt/format.h>

namespace plancmp::cli {
namespace {

int run_reuse(const options& opts) {
  analysis::reuse_options reuse;
  reuse.min_length = static_cast<std::size_t>(number_option(opts, "min-length", 20, 1, 1e9));
  reuse.min_identity = number_option(opts, "min-identity", reuse.min_identity, 0, 1);
  reuse.builtin_boilerplate = !opts.has_flag("keep-boilerplate");
  reuse.mask_clauses = !opts.has_flag("keep-boilerplate");
  if (const std::string* source = opts.value("candidates")) {
    using source_kind = analysis::reuse_options::candidate_source;
    if (*source == "runs") {
      reuse.source = source_kind::shared_runs;
    } else if (*source == "top-k") {
      reuse.source = source_kind::top_k;
    } else if (*source == "all") {
      reuse.source = source_kind::all_pairs;
    } else {
      throw usage_error(fmt::format("--candidates takes runs, top-k or all, not '{}'", *source));
    }
  }
  reuse.top_k = static_cast<std::size_t>(number_option(opts, "top-k", 3, 1, 1e6));

  const std::vector<source_plan> in = load_source_plans(opts);
  if (opts.value("frequent") != nullptr) {
    analysis::frequent_phrase_options frequent;
    frequent.min_plans = static_cast<std::size_t>(number_option(opts, "frequent", 3, 2, 1e9));
    reuse.boilerplate = analysis::frequent_phrases(in, frequent);
  }
  std::vector<report::table> tables;
  for (std::size_t i = 0; i < in.size(); ++i)
    for (std::size_t j = i + 1; j < in.size(); ++j)
      tables.push_back(report::to_table(analysis::find_reuse(in[i], in[j], reuse)));
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration reuse_command{{
    "reuse",
    "passages two plans share (local alignment), with their bytes in both files",
    "usage: plancmp reuse [FILE...] [--min-length N] [--min-identity X] [--keep-boilerplate]\n"
    "                     [--candidates runs|top-k|all] [--top-k K] [--frequent N]\n"
    "                     [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Compares every pair of the plans given (with none: the bundled seeds) measure by\n"
    "measure with Smith–Waterman local alignment (affine gaps) on the simplified text, so a\n"
    "traditional-script plan compares with a simplified one. Responsibility clauses and\n"
    "boilerplate phrases every plan uses (data/boilerplate.json: 按职责分工负责,\n"
    "加强知识产权保护 …) never count as reuse. Each passage comes with its byte span in both\n"
    "original files (in JSON: \"span\":[begin,end] beside \"source\").\n\n"
    "  --min-length N      characters that must align identically (default 20)\n"
    "  --min-identity X    share of identical alignment columns (default 0.6)\n"
    "  --keep-boilerplate  do not mask clauses and boilerplate phrases\n"
    "  --candidates HOW    measure pairs to align: runs (sharing 8 characters that are not\n"
    "                      boilerplate; the default), top-k (each measure's K most similar\n"
    "                      measures by tf-idf cosine, both ways) or all\n"
    "  --top-k K           for --candidates top-k (default 3)\n"
    "  --frequent N        also mask every 6-character run that N or more of the given\n"
    "                      plans share (boilerplate learnt from the corpus)\n\n"
    "examples:\n"
    "  plancmp reuse seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt\n"
    "  plancmp reuse A.txt B.txt --min-length 40 --format json -o reuse.json\n",
    {"min-length", "min-identity", "candidates", "top-k", "frequent"},
    {"keep-boilerplate"},
    run_reuse,
}};

}  // namespace
}  // namespace plancmp::cli
