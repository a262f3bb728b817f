// SPDX-License-Identifier: MIT
// plancmp report: the one-file HTML report of several plans.
#include "cli.hpp"

#include <plancmp/report/html_report.hpp>

namespace plancmp::cli {
namespace {

int run_report(const options& opts) {
  const parsed_inputs inputs = load_parsed_inputs(opts);
  const auto refs = report_inputs(inputs);
  report::report_options ropts;
  if (const std::string* title = opts.value("title")) ropts.title = *title;
  ropts.draw_networks = !opts.has_flag("no-graphviz");
  write_output(opts, report::html_report(refs, ropts));
  return exit_ok;
}

const registration report_command{{
    "report",
    "one self-contained HTML report: overview, coverage, PMC, targets, agencies, sources",
    "usage: plancmp report [FILE...] [-o report.html] [--title TEXT] [--no-graphviz]\n\n"
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
    "  --no-graphviz   do not run `dot`; show networks as DOT text\n\n"
    "examples:\n"
    "  plancmp report -o report.html                         # the bundled seeds\n"
    "  plancmp report seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt -o ningbo.html\n",
    {"title"},
    {"no-graphviz"},
    run_report,
}};

}  // namespace
}  // namespace plancmp::cli
