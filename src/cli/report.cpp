// SPDX-License-Identifier: MIT
// plancmp report: the one-file HTML report of several plans.
#include "cli.hpp"

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/report/html_report.hpp>

#include <optional>

namespace plancmp::cli {
namespace {

int run_report(const options& opts) {
  const std::vector<source_plan> inputs = load_source_plans(opts);
  report::report_options ropts;
  if (const std::string* title = opts.value("title")) ropts.title = *title;
  ropts.draw_networks = !opts.has_flag("no-graphviz");
  std::optional<analysis::coding_sheet> sheet;
  if (const std::string* codes = opts.value("codes")) {
    sheet = analysis::coding_sheet::from_file(*codes);
    ropts.codes = &*sheet;
  }
  write_output(opts, report::html_report(inputs, ropts));
  return exit_ok;
}

const registration report_command{{
    "report",
    "one self-contained HTML report: overview, coverage, PMC, targets, agencies, sources",
    "usage: plancmp report [FILE...] [-o report.html] [--title TEXT] [--no-graphviz]\n"
    "                      [--codes SHEET]\n\n"
    "Writes one HTML file with inline CSS, SVG and one small script (no network): a per-plan\n"
    "overview, coverage by value chain and by policy tools with heatmaps, the policy tools\n"
    "× value chain tables, PMC scores and surfaces, targets with a bar chart, agency\n"
    "functions and co-responsibility networks (the strongest ties, drawn by Graphviz when\n"
    "installed, DOT text otherwise), the clearest gaps of each plan against the others and\n"
    "the changes between two editions of one plan. Click a column header to sort, type above\n"
    "a long table to filter it, open an evidence excerpt for its whole text. Linked table\n"
    "cells jump to the source sentences they were read from, shown at the end of the page\n"
    "with the evidence marked (docs/report.md).\n\n"
    "  --title TEXT    the page title (default \"plancmp report\")\n"
    "  --no-graphviz   do not run `dot`; show networks as DOT text\n"
    "  --codes SHEET   coverage, tools x chain and PMC from a coding sheet (.json, .csv or\n"
    "                  .xlsx of plancmp codes, corrected by people), captioned with the coder\n\n"
    "examples:\n"
    "  plancmp report -o report.html                         # the bundled seeds\n"
    "  plancmp report seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt -o ningbo.html\n",
    {"title", "codes"},
    {"no-graphviz"},
    run_report,
}};

}  // namespace
}  // namespace plancmp::cli
