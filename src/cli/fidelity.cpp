// SPDX-License-Identifier: MIT
// plancmp fidelity: how faithfully the parser reproduces gold annotations written by
// people reading the documents (docs/gold.md).
#include "cli.hpp"

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/corpus.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

namespace plancmp::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> gold_files(const std::vector<std::string>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::directory_iterator(in)) {
        if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path().string());
      }
    } else {
      out.push_back(in);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

report::cell rate(double r) { return {r, 2}; }

int run_fidelity(const options& opts) {
  if (opts.inputs.empty()) {
    throw usage_error("name the gold files or folders (tests/data/gold/parse holds the project's own)");
  }
  const bool detail = opts.has_flag("detail");
  report::table t;
  t.caption = "Parse fidelity against gold annotations";
  t.columns = {"document", "kind", "gold measures", "parsed", "measure P", "measure R", "lead", "support",
               "deadline", "target P", "target R", "metadata", "metadata wrong"};
  std::vector<std::vector<double>> figures;  // per document: the eight rates
  std::string details;
  std::size_t skipped = 0;
  for (const auto& file : gold_files(opts.inputs)) {
    const parse::gold_document g = parse::read_gold(file);
    const text::read_options read = read_options_of(opts);
    std::optional<text::document> doc;
    try {
      doc = parse::read_gold_source(g.source, gold_folders_of(opts), read);
    } catch (const io_error& e) {
      if (!opts.quiet) std::cerr << fmt::format("{}: {} (--seeds / --corpus); skipped\n", file, e.what());
      ++skipped;
      continue;
    }
    const plan p = parse::parse_document(*doc);
    const parse::fidelity f = parse::evaluate(p, g);
    std::vector<std::string> wrong;
    for (const auto& [field, right] : f.metadata) {
      if (!right) wrong.push_back(field);
    }
    const auto meta = f.metadata_right();
    const std::string name = fs::path(g.source).filename().string();
    t.add_row({name, to_string(g.kind), f.gold_measures, f.parsed_measures, rate(f.measure_precision()),
               rate(f.measure_recall()), rate(f.lead.rate()), rate(f.support.rate()), rate(f.deadline.rate()),
               rate(f.target_precision()), rate(f.target_recall()), fmt::format("{}/{}", meta.right, meta.total),
               wrong.empty() ? std::string("—") : fmt::format("{}", fmt::join(wrong, ", "))});
    figures.push_back({f.measure_precision(), f.measure_recall(), f.lead.rate(), f.support.rate(), f.deadline.rate(),
                       f.target_precision(), f.target_recall(), meta.rate()});
    if (detail && !f.differences.empty()) {
      details += fmt::format("\n{} ({} differences)\n", g.source, f.differences.size());
      for (const auto& d : f.differences) details += fmt::format("- {}\n", d);
    }
  }
  if (!figures.empty()) {
    std::vector<report::cell> median{std::string("median"), report::cell(), report::cell(), report::cell()};
    std::vector<report::cell> worst{std::string("worst"), report::cell(), report::cell(), report::cell()};
    for (std::size_t c = 0; c < 8; ++c) {
      std::vector<double> col;
      for (const auto& row : figures) col.push_back(row[c]);
      std::sort(col.begin(), col.end());
      const double m = col.size() % 2 == 1 ? col[col.size() / 2]
                                            : (col[col.size() / 2 - 1] + col[col.size() / 2]) / 2.0;
      median.push_back(rate(m));
      worst.push_back(rate(col.front()));
    }
    median.push_back(report::cell());
    worst.push_back(report::cell());
    t.add_row(median);
    t.add_row(worst);
  }
  t.notes.push_back(
      "measures match gold one to one by the start of their text; lead, support and deadline are shares of "
      "matched measures with exactly the gold's units (as printed) or deadline; targets match by value and unit");
  t.notes.push_back("metadata: kind, title, issuer, level, issue date and 文号 against the gold (docs/gold.md)");
  if (detail) {
    write_output(opts, to_text(opts, render(opts, t)) + details);
  } else {
    write_output(opts, render(opts, t));
  }
  return skipped > 0 ? exit_bad_input : exit_ok;
}

const registration fidelity_command{{
    "fidelity",
    "parse fidelity against gold annotations (measures, agencies, deadlines, targets, metadata)",
    "usage: plancmp fidelity GOLD... [--corpus DIR] [--seeds DIR] [--detail] [--format md|csv|json|latex|html]\n\n"
    "Parses the document each gold file (docs/gold.md, plancmp.gold.parse/1) annotates and\n"
    "prints, per document, measure precision and recall, lead, support and deadline\n"
    "accuracy, target precision and recall, and the metadata fields that are right, with\n"
    "the median and the worst document. Gold files name their document as seeds/<file>\n"
    "(from --seeds, else the bundled seeds) or corpus/<file> (from --corpus). --detail\n"
    "lists every difference.\n\n"
    "examples:\n"
    "  plancmp fidelity tests/data/gold/parse --corpus ../shared/corpus/docs\n"
    "  plancmp fidelity tests/data/gold/parse/jinan-2024-ai-action.json --corpus ../shared/corpus/docs --detail\n",
    {"corpus", "seeds"},
    {"detail"},
    run_fidelity,
}};

}  // namespace
}  // namespace plancmp::cli
