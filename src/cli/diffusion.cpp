// SPDX-License-Identifier: MIT
// plancmp diffusion: each measure's most plausible source among earlier plans, the
// diffusion network, adoption timelines, originality and influence.
#include "cli.hpp"

#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/error.hpp>
#include <plancmp/report/diffusion_tables.hpp>

#include <fmt/format.h>

namespace plancmp::cli {
namespace {

int run_diffusion(const options& opts) {
  analysis::diffusion_options o;
  o.threads = opts.threads;
  o.top_k = static_cast<std::size_t>(number_option(opts, "top-k", static_cast<double>(o.top_k), 1, 1e6));
  o.min_length = static_cast<std::size_t>(number_option(opts, "min-length", static_cast<double>(o.min_length), 1, 1e9));
  o.min_coverage = number_option(opts, "min-coverage", o.min_coverage, 0, 1);
  o.frequent_share = number_option(opts, "frequent-share", o.frequent_share, 0, 1);
  if (opts.has_flag("keep-boilerplate")) {
    o.builtin_boilerplate = false;
    o.mask_clauses = false;
    o.frequent_share = 1.0;
  }
  std::string network;
  if (const std::string* n = opts.value("network")) {
    if (*n != "graphml" && *n != "gexf")
      throw usage_error(fmt::format("--network takes graphml or gexf, not '{}'", *n));
    network = *n;
  }
  const std::vector<source_plan> in = load_source_plans(opts);
  const analysis::diffusion_result d = analysis::attribute_measures(in, o);
  if (network == "graphml") {
    write_output(opts, analysis::to_graphml(d));
    return exit_ok;
  }
  if (network == "gexf") {
    write_output(opts, analysis::to_gexf(d));
    return exit_ok;
  }
  const std::string* scheme_name = opts.value("scheme");
  const coding_scheme scheme = coding_scheme::load(scheme_name != nullptr ? *scheme_name : "ip_value_chain");
  const auto timelines = analysis::adoption_timelines(d, in, scheme);
  const std::vector<report::table> tables = {report::attributions_table(d, opts.has_flag("all")),
                                             report::edges_table(d), report::plans_table(d),
                                             report::timeline_table(d, timelines)};
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration diffusion_command{{
    "diffusion",
    "who borrowed which measure from whom, and when: sources, network, timelines",
    "usage: plancmp diffusion [FILE|DIR...] [--top-k K] [--min-length N] [--min-coverage X]\n"
    "                         [--frequent-share X] [--keep-boilerplate] [--all] [--scheme ID|FILE]\n"
    "                         [--network graphml|gexf] [--format md|csv|json|latex|html] [-o FILE]\n\n"
    "Policy diffusion (政策扩散) across the plans given (with none: the bundled seeds). Each\n"
    "measure's most plausible source is looked for among the measures of earlier plans (issue\n"
    "date; the plan period when dates tie): its most similar measures there (tf-idf top-k) are\n"
    "aligned (Smith–Waterman, simplified script) and the one sharing most characters wins. A\n"
    "measure is copied, adapted or novel, with a reinvention score (share changed) and how it\n"
    "changed: names localized, targets added, clauses dropped or added. Boilerplate (公文套话)\n"
    "never counts: responsibility clauses, data/boilerplate.json and runs of 8 characters that\n"
    "more than --frequent-share of the plans hold. Edges are labelled by level and place: same\n"
    "place, from above, from below, peer in the same province, elsewhere, or province unknown.\n\n"
    "Prints four tables: borrowed measures (with the byte spans of the longest passage in both\n"
    "files), the plan network, originality and influence per plan, and adoption timelines per\n"
    "theme of --scheme.\n\n"
    "  --top-k K            earlier measures aligned per measure (default 5)\n"
    "  --min-length N       identical characters a passage needs (default 20)\n"
    "  --min-coverage X     share of a measure a borrowing covers, unless it is a near-verbatim\n"
    "                       quotation (default 0.5)\n"
    "  --frequent-share X   runs in more than this share of the plans are boilerplate (default 0.5;\n"
    "                       1 turns the test off)\n"
    "  --keep-boilerplate   mask nothing (clauses, phrases and frequent runs all count)\n"
    "  --all                list novel measures too\n"
    "  --scheme ID|FILE     coding scheme of the timelines (default ip_value_chain)\n"
    "  --network FORMAT     write the network instead of the tables: graphml (networkx, yEd) or\n"
    "                       gexf (Gephi)\n\n"
    "examples:\n"
    "  plancmp diffusion corpus/\n"
    "  plancmp diffusion corpus/ --network gexf -o diffusion.gexf\n"
    "  plancmp diffusion a.txt b.txt c.txt --format csv --excel -o diffusion.csv\n",
    {"top-k", "min-length", "min-coverage", "frequent-share", "scheme", "network"},
    {"keep-boilerplate", "all"},
    run_diffusion,
}};

}  // namespace
}  // namespace plancmp::cli
