// SPDX-License-Identifier: MIT
// plancmp parse: a plan's structure and facts, as a summary table, JSON or a graph.
#include "cli.hpp"

#include <plancmp/error.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace plancmp::cli {
namespace {

/// The measures' deadlines by kind: a date (2025年12月底前), every year (每年3月), ongoing
/// (持续推进, 长期坚持).
struct deadline_counts {
  std::size_t dated = 0, recurring = 0, ongoing = 0;
};

deadline_counts count_deadlines(const plan& p) {
  deadline_counts n;
  for (const auto& m : p.measures()) {
    if (!m.due) continue;
    if (m.due->recurring) {
      ++n.recurring;
    } else if (m.due->ongoing) {
      ++n.ongoing;
    } else {
      ++n.dated;
    }
  }
  return n;
}

/// A file name for plan `k` in the -o directory: its base name with the extension.
std::string graph_file(const std::string& name, std::size_t k, const std::string& extension) {
  std::string stem = std::filesystem::path(name).stem().string();
  if (stem.empty() || name == "<stdin>") stem = fmt::format("plan{}", k + 1);
  return fmt::format("{:03}_{}.{}", k + 1, stem, extension);
}

int run_parse(const options& opts) {
  const std::string* graph = opts.value("graph");
  if (graph != nullptr && *graph != "graphml" && *graph != "dot") {
    throw usage_error(fmt::format("--graph takes graphml or dot, not '{}'", *graph));
  }
  const bool jsonl = opts.has_flag("jsonl");
  const bool json = opts.has_flag("json") || jsonl;
  auto inputs = load_inputs(opts);
  // One plan object for one file named; an array (or JSON Lines) for several.
  const bool one_file = opts.inputs.size() == 1 && inputs.size() == 1;
  const std::vector<plan> plans = parse_all(opts, inputs, {});
  std::string out;
  if (json) {
    if (jsonl) {
      for (const auto& p : plans) out += to_json(p, -1) + "\n";
    } else if (one_file && plans.size() == 1) {
      out = to_json(plans[0]) + "\n";
    } else {
      out = "[";
      for (std::size_t k = 0; k < plans.size(); ++k) out += (k == 0 ? "\n" : ",\n") + to_json(plans[k]);
      out += plans.empty() ? "]\n" : "\n]\n";
    }
    write_output(opts, out);
    return exit_ok;
  }
  if (graph != nullptr) {
    if (plans.size() > 1 && opts.output != "-") {
      // One graph per file, into the directory -o names.
      std::filesystem::create_directories(opts.output);
      for (std::size_t k = 0; k < plans.size(); ++k) {
        options one = opts;
        one.output = (std::filesystem::path(opts.output) / graph_file(inputs[k].name, k, *graph)).string();
        write_output(one, *graph == "dot" ? to_dot(plans[k]) : to_graphml(plans[k]));
      }
      return exit_ok;
    }
    for (const auto& p : plans) out += *graph == "dot" ? to_dot(p) : to_graphml(p);
    write_output(opts, out);
    return exit_ok;
  }
  report::table t;
  t.caption = "Plans";
  t.columns = {"file", "plan", "title", "jurisdiction", "level", "issued", "sections", "measures", "goals",
               "agencies", "dated", "recurring", "ongoing", "targets", "boxes", "tables", "annexes",
               "diagnostics"};
  const std::vector<std::string> labels = plan_labels(plans);
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const auto& p = plans[k];
    const deadline_counts due = count_deadlines(p);
    t.add_row({inputs[k].name, labels[k], p.title,
               p.issuing_jurisdiction.name.empty() ? "—" : p.issuing_jurisdiction.name,
               std::string(to_string(p.issuing_jurisdiction.admin_level)), p.issued ? p.issued->to_string() : "—",
               p.sections().size(), p.measures().size(), p.goals().size(), p.agencies().size(), due.dated, due.recurring,
               due.ongoing, p.targets().size(), p.boxes().size(), p.tables().size(), p.annexes().size(),
               p.diagnostics.size()});
  }
  t.notes.push_back("dated, recurring, ongoing: the measures' deadlines by kind — a date (2025年12月底前), every year "
                    "(每年…), ongoing (持续推进, 长期坚持)");
  write_output(opts, render(opts, t));
  return exit_ok;
}

const registration parse_command{{
    "parse",
    "parse plans into plan graphs: summary table, JSON, GraphML or DOT",
    "usage: plancmp parse [FILE...] [--summary | --json | --jsonl | --graph graphml|dot]\n"
    "                     [--format md|csv|json|latex|html] [-o FILE]\n\n"
    "Parses each plan (cover notice, title, outline, measures, goals, responsibility\n"
    "clauses, deadlines, boxes, tables, annexes). The default --summary prints one row\n"
    "per plan (its label as every command prints it, counts, and the measures' deadlines\n"
    "as dated / recurring / ongoing); --json writes the plan JSON (schema plancmp.plan/1,\n"
    "docs/plan-schema.md): one object for one FILE, one array of plans for several (or a\n"
    "directory, or the seeds); --jsonl writes one plan per line (JSON Lines);\n"
    "--graph writes the plan graph for Gephi (graphml) or Graphviz (dot); with several\n"
    "plans and -o DIR, one file per plan in DIR.\n\n"
    "examples:\n"
    "  plancmp parse                                   # summary of the bundled seeds\n"
    "  plancmp parse plan.txt --json -o plan.json\n"
    "  plancmp parse a.txt b.txt --json -o plans.json  # [plan, plan]\n"
    "  plancmp parse plans/ --jsonl -o plans.jsonl\n"
    "  plancmp parse plan.txt --graph dot | dot -Tsvg -o plan.svg\n",
    {"graph"},
    {"json", "jsonl", "summary"},
    run_parse,
}};

}  // namespace
}  // namespace plancmp::cli
