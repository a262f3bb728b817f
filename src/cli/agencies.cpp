// SPDX-License-Identifier: MIT
// plancmp agencies: agency resolution, the cross-plan agency-function table, lead load,
// responsibility matrices and co-responsibility networks.
#include "cli.hpp"

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/agencies_tables.hpp>

#include <fmt/format.h>

#include <array>
#include <optional>

namespace plancmp::cli {
namespace {

constexpr std::array<std::string_view, 6> table_names{"all",  "resolution", "functions",
                                                      "load", "network",    "matrix"};

int run_agencies(const options& opts) {
  const std::string* network = opts.value("network");
  if (network != nullptr && *network != "graphml" && *network != "dot") {
    throw usage_error(fmt::format("--network takes graphml or dot, not '{}'", *network));
  }
  const std::string* table = opts.value("table");
  const std::string_view which = table != nullptr ? std::string_view(*table) : "all";
  if (std::find(table_names.begin(), table_names.end(), which) == table_names.end()) {
    throw usage_error(fmt::format(
        "--table takes all, resolution, functions, load, network or matrix, not '{}'", which));
  }
  std::optional<agency_ontology> custom;
  if (const std::string* extra = opts.value("ontology")) {
    custom = agency_ontology::builtin();
    custom->merge_file(*extra);
  }
  const agency_ontology& ontology = custom ? *custom : agency_ontology::builtin();

  auto inputs = load_inputs(opts);
  if (network != nullptr && inputs.size() > 1 && opts.output != "-") {
    throw usage_error("--network writes one graph per file; give one FILE with -o, or use stdout");
  }
  parse::parse_options parse_opts;
  parse_opts.ontology = &ontology;
  const std::vector<plan> plans = parse_all(opts, inputs, parse_opts);

  analysis::network_options net_opts;
  net_opts.by_canonical = opts.has_flag("canonical");
  net_opts.include_collectives = !opts.has_flag("no-collectives");

  if (network != nullptr) {
    std::string out;
    for (const plan& p : plans) {
      const auto net = analysis::build_co_responsibility_network(p, net_opts);
      out += *network == "dot" ? analysis::to_dot(net) : analysis::to_graphml(net);
    }
    write_output(opts, out);
    return exit_ok;
  }

  std::vector<report::table> tables;
  const bool all = which == "all";
  if (all || which == "resolution") tables.push_back(report::resolution_table(plans, ontology));
  if (all || which == "functions")
    tables.push_back(report::to_table(analysis::compare_agency_functions(plans, ontology)));
  for (const plan& p : plans) {
    if (all || which == "load") tables.push_back(report::to_table(analysis::compute_lead_load(p)));
    if (all || which == "network")
      tables.push_back(report::to_table(analysis::build_co_responsibility_network(p, net_opts)));
    if (which == "matrix")
      tables.push_back(report::to_table(analysis::make_responsibility_matrix(p)));
  }
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration agencies_command{{
    "agencies",
    "agency resolution, cross-plan agency functions, lead load and co-responsibility networks",
    "usage: plancmp agencies [FILE...] [--table all|resolution|functions|load|network|matrix]\n"
    "                        [--network graphml|dot] [--canonical] [--no-collectives]\n"
    "                        [--ontology FILE] [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Resolves every agency a plan names against the agency ontology (data/agencies.json,\n"
    "docs/agencies.md) and compares the plans: which canonical function leads and supports\n"
    "how many measures in each plan (pre-reform names such as 市知识产权局 fall in the row\n"
    "of today's agency, with a note), each plan's lead load, its co-responsibility network\n"
    "metrics (degree, weighted degree, betweenness, components, density) and, with\n"
    "--table matrix, its agency × measure responsibility matrix.\n\n"
    "  --table NAME       print one table (default: all but the matrix)\n"
    "  --network FORMAT   write each plan's co-responsibility network as GraphML or DOT\n"
    "  --canonical        network vertices are canonical functions, not printed names\n"
    "  --no-collectives   leave collectives (各成员单位 …) out of the network\n"
    "  --ontology FILE    extra or overriding ontology entries (schema plancmp.agencies/1)\n\n"
    "examples:\n"
    "  plancmp agencies                                      # the bundled seeds\n"
    "  plancmp agencies --table functions --format csv --excel -o functions.csv\n"
    "  plancmp agencies seeds/001_e9d616c0cc0faf37.txt --network graphml -o hengshui.graphml\n",
    {"network", "table", "ontology"},
    {"canonical", "no-collectives"},
    run_agencies,
}};

}  // namespace
}  // namespace plancmp::cli
