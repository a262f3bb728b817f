// SPDX-License-Identifier: MIT
// plancmp parse: a plan's structure and facts, as a summary table, JSON or a graph.
#include "cli.hpp"

#include <plancmp/error.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>

#include <fmt/format.h>

namespace plancmp::cli {
namespace {

std::size_t count_deadlines(const plan& p) {
  std::size_t n = 0;
  for (const auto& m : p.measures) n += m.due.has_value();
  return n;
}

int run_parse(const options& opts) {
  const std::string* graph = opts.value("graph");
  if (graph != nullptr && *graph != "graphml" && *graph != "dot") {
    throw usage_error(fmt::format("--graph takes graphml or dot, not '{}'", *graph));
  }
  const bool json = opts.has_flag("json");
  auto inputs = load_inputs(opts);
  if ((json || graph != nullptr) && inputs.size() > 1 && opts.output != "-") {
    // One JSON document or graph per file would overwrite each other in one -o file.
    throw usage_error("--json and --graph write one document per file; give one FILE with -o, or use stdout");
  }
  report::table t;
  t.caption = "Plans";
  t.columns = {"file", "title", "jurisdiction", "level", "issued", "sections", "measures", "goals",
               "agencies", "deadlines", "targets", "boxes", "tables", "annexes", "diagnostics"};
  std::string out;
  const std::vector<plan> plans = parse_all(opts, inputs, {});
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const auto& in = inputs[k];
    const auto& p = plans[k];
    if (json) {
      out += to_json(p) + "\n";
      continue;
    }
    if (graph != nullptr) {
      out += *graph == "dot" ? to_dot(p) : to_graphml(p);
      continue;
    }
    t.add_row({in.name, p.title, p.issuing_jurisdiction.name.empty() ? "—" : p.issuing_jurisdiction.name,
               std::string(to_string(p.issuing_jurisdiction.admin_level)),
               p.issued ? p.issued->to_string() : "—", p.sections.size(), p.measures.size(), p.goals.size(),
               p.agencies.size(), count_deadlines(p), p.targets.size(), p.boxes.size(), p.tables.size(),
               p.annexes.size(), p.diagnostics.size()});
  }
  if (!json && graph == nullptr) out = render(opts, t);
  write_output(opts, out);
  return exit_ok;
}

const registration parse_command{{
    "parse",
    "parse plans into plan graphs: summary table, JSON, GraphML or DOT",
    "usage: plancmp parse [FILE...] [--summary | --json | --graph graphml|dot] [--format md|csv|json|latex|html] [-o FILE]\n\n"
    "Parses each plan (cover notice, title, outline, measures, goals, responsibility\n"
    "clauses, deadlines, boxes, tables, annexes). The default --summary prints one row\n"
    "per plan; --json writes the plan JSON (schema plancmp.plan/1, docs/plan-schema.md);\n"
    "--graph writes the plan graph for Gephi (graphml) or Graphviz (dot).\n\n"
    "examples:\n"
    "  plancmp parse                                   # summary of the bundled seeds\n"
    "  plancmp parse plan.txt --json -o plan.json\n"
    "  plancmp parse plan.txt --graph dot | dot -Tsvg -o plan.svg\n",
    {"graph"},
    {"json", "summary"},
    run_parse,
}};

}  // namespace
}  // namespace plancmp::cli
