// SPDX-License-Identifier: MIT
// plancmp compare: the comparison tables of several plans (report::comparison) — the
// main job of the program, on the bundled seeds when no file is given.
#include "cli.hpp"

#include <plancmp/error.hpp>
#include <plancmp/report/comparison.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace plancmp::cli {
namespace {

int run_compare(const options& opts) {
  const std::vector<source_plan> in = load_source_plans(opts);
  report::comparison_options c;
  c.threads = opts.threads;
  c.gaps = !opts.has_flag("no-gaps");
  c.editions = !opts.has_flag("no-editions");
  c.gap.threshold = number_option(opts, "threshold", c.gap.threshold, 0, 1);
  c.alignment.threshold = c.gap.threshold;
  // --series A,B[,C]: the named inputs are editions of one plan (repeat for more series).
  for (const std::string& list : opts.values("series")) {
    std::vector<std::size_t> editions;
    for (std::size_t begin = 0; begin <= list.size();) {
      const std::size_t end = std::min(list.find(',', begin), list.size());
      const std::string name = list.substr(begin, end - begin);
      std::size_t k = 0;
      while (k < in.size() && in[k].document().path != name && in[k].plan().source.path != name) ++k;
      if (k == in.size())
        throw usage_error(fmt::format("--series: '{}' is not one of the input files", name));
      editions.push_back(k);
      begin = end + 1;
    }
    if (editions.size() < 2) throw usage_error(fmt::format("--series '{}': name two files or more, by commas", list));
    c.series.push_back(std::move(editions));
  }
  write_output(opts, render(opts, report::comparison(in, c)));
  return exit_ok;
}

const registration compare_command{{
    "compare",
    "the comparison tables of several plans (default: the five bundled seeds)",
    "usage: plancmp compare [FILE...] [--threshold T] [--no-gaps] [--no-editions] [--series A,B[,C]]...\n"
    "                       [--format md|csv|json|latex|html] [--excel] [-o FILE] [--threads N]\n\n"
    "Prints, in this order: one summary row per plan; the text similarity matrix (mean best\n"
    "match of char 2–3-gram tf-idf cosines); coverage shares by IP value chain and by policy\n"
    "tools; the policy tools × value chain table summed over the plans; every quantitative\n"
    "target; the agency functions; the gaps of each plan against all the others (measures\n"
    "without a counterpart at T, default 0.35; themes; indicators and weaker targets; agency\n"
    "functions); and, for two editions of one plan series (same jurisdiction and issuer,\n"
    "different years, titles of one subject; or as --series names them), the version diff.\n"
    "Without files: the five bundled seeds (Ningbo 2020,\n"
    "Hengshui 2022, Gansu 2020, the Wuhan district 2024, Ningbo 2017). Evidence cells carry\n"
    "their file and byte span (JSON: \"source\" and \"span\"); see docs/cli.md.\n\n"
    "  --threshold T    similarity below which a measure has no counterpart (gaps, diffs)\n"
    "  --no-gaps        leave out the gap tables\n"
    "  --no-editions    leave out the diffs between editions\n"
    "  --series A,B     the files A and B (and more, by commas) are editions of one plan:\n"
    "                   diff them in order of issue instead of guessing series (repeatable)\n\n"
    "examples:\n"
    "  plancmp compare                                   # the bundled seeds, Markdown\n"
    "  plancmp compare a.txt b.txt c.txt --format xlsx -o comparison.xlsx\n"
    "  plancmp compare a.txt b.txt c.txt --format csv -o comparison/   # one CSV per table\n"
    "  plancmp compare --no-gaps --format latex -o tables.tex\n",
    {"threshold", "series"},
    {"no-gaps", "no-editions"},
    run_compare,
}};

}  // namespace
}  // namespace plancmp::cli
