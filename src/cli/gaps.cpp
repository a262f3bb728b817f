// SPDX-License-Identifier: MIT
// plancmp gaps: what a plan leaves out — against reference plans, against the consensus
// of peers, and within itself (accountability).
#include "cli.hpp"

#include <plancmp/analysis/gaps.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/comparison.hpp>
#include <plancmp/report/gaps_tables.hpp>

#include <cmath>

namespace plancmp::cli {
namespace {

analysis::gap_options gap_options_of(const options& opts) {
  analysis::gap_options g;
  g.threshold = number_option(opts, "threshold", g.threshold, 0, 1);
  g.min_peers = static_cast<std::size_t>(number_option(opts, "min-peers", 0, 0, 1e6));
  g.outsized_share = number_option(opts, "outsized-share", g.outsized_share, 0, 1);
  if (const std::string* s = opts.value("scheme")) g.schemes = {*s};
  return g;
}

// Loads SUBJECT, --against and --peers files in one pass; returns the split points.
struct loaded {
  std::vector<source_plan> in;
  std::size_t references = 0;  ///< plans [1, 1 + references) are references, the rest peers
};
loaded load(const options& opts) {
  options all = opts;
  const auto against = opts.values("against");
  const auto peers = opts.values("peers");
  all.inputs.insert(all.inputs.end(), against.begin(), against.end());
  all.inputs.insert(all.inputs.end(), peers.begin(), peers.end());
  return {load_source_plans(all), against.size()};
}

int run_gaps(const options& opts) {
  const auto g = gap_options_of(opts);
  if (opts.inputs.size() > 1) throw usage_error("gaps takes one SUBJECT; give references with --against FILE...");
  std::vector<report::table> tables;
  if (opts.inputs.empty()) {
    if (!opts.values("against").empty() || !opts.values("peers").empty())
      throw usage_error("gaps: give the SUBJECT before --against / --peers");
    // No files: every bundled seed against all the others.
    tables = report::gap_tables(load_source_plans(opts), g);
    write_output(opts, render(opts, tables));
    return exit_ok;
  }
  const loaded l = load(opts);
  const std::span<const source_plan> in = l.in;
  const std::size_t first_peer = 1 + l.references;
  tables.push_back(report::to_table(analysis::accountability_gaps(in[0], g)));
  tables.back().caption = "Accountability gaps of " + tables.back().caption.substr(std::string("Gaps of ").size());
  if (l.references > 0)
    tables.push_back(report::to_table(analysis::gaps_against(in[0], in.subspan(1, l.references), g)));
  if (in.size() > first_peer) {
    auto t = report::to_table(analysis::consensus_gaps(in[0], in.subspan(first_peer), g));
    t.caption = "Consensus gaps of " + t.caption.substr(std::string("Gaps of ").size());
    tables.push_back(std::move(t));
  }
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration gaps_command{{
    "gaps",
    "what a plan leaves out: against references, against peers' consensus, accountability",
    "usage: plancmp gaps [SUBJECT] [--against REF...] [--peers FILE... [--min-peers K]]\n"
    "                    [--threshold T] [--scheme ID|PATH] [--outsized-share S]\n"
    "                    [--format md|csv|json] [--excel] [-o FILE]\n\n"
    "With SUBJECT: its accountability gaps (measures without an agency, a lead or a\n"
    "deadline; goals without a target; agencies leading more than S of the measures,\n"
    "default 0.25; 专栏 items restating a measure); with --against, the gaps against\n"
    "those plans (reference measures without a counterpart at T, default 0.35; themes of\n"
    "ip_value_chain and ip_objects; indicators and weaker targets; agency functions);\n"
    "with --peers, themes and indicators at least K peers cover (default a majority) and\n"
    "the subject does not. Without files: every bundled seed against all the others.\n"
    "Evidence cells carry their file and byte span (JSON: \"source\" and \"span\").\n\n"
    "examples:\n"
    "  plancmp gaps seeds/000_edee8db098a98e76.txt --against seeds/001_e9d616c0cc0faf37.txt\n"
    "  plancmp gaps A.txt --peers B.txt C.txt D.txt --min-peers 2 --format csv --excel\n",
    {"threshold", "min-peers", "outsized-share", "scheme"},
    {},
    run_gaps,
    {"against", "peers"},
}};

}  // namespace
}  // namespace plancmp::cli
