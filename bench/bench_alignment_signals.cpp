// SPDX-License-Identifier: MIT
// The signals of every measure pair of hand-aligned plan pairs, as CSV, with the gold
// label (0 no link, 1 related, 2 same): what scripts/fit-alignment fits the substance
// aligner's link model on (docs/alignment.md).
//
//   bench_alignment_signals [--corpus DIR] tests/data/gold/alignment/*.json > signals.csv
#include <plancmp/analysis/alignment_gold.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/data.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace plancmp;

int main(int argc, char** argv) {
  std::string corpus = PLANCMP_SEEDS_DIR "/../../shared/corpus/docs";
  std::vector<std::string> files;
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (arg == "--corpus" && k + 1 < argc) corpus = argv[++k];
    else files.push_back(arg);
  }
  auto load = [&](const std::string& source) {
    const std::string path = source.starts_with("seeds/") ? std::string(PLANCMP_SEEDS_DIR) + "/" + source.substr(6)
                                                          : corpus + "/" + source.substr(7);
    return text::make_any_document(read_file(path), source);
  };
  fmt::print(
      "pair,a,b,gold,characters,words,concepts,title,themes,indicator,agencies,row_rank,column_rank,passages,"
      "passage_concepts,context,position\n");
  for (const std::string& file : files) {
    const auto gold = analysis::read_alignment_gold(read_file(file), file);
    const auto da = load(gold.source_a);
    const auto db = load(gold.source_b);
    const plan a = parse::parse_document(da);
    const plan b = parse::parse_document(db);
    const auto s = analysis::substance_similarity(a, b);
    // Label every pair by evaluating it as the only link graded `same`.
    for (std::size_t i = 0; i < s.rows; ++i)
      for (std::size_t j = 0; j < s.columns; ++j) {
        analysis::plan_alignment one;
        analysis::measure_pair p;
        p.measure_a = i;
        p.measure_b = j;
        p.grade = analysis::link_grade::same;
        one.pairs.push_back(p);
        int label = 0;
        for (const auto& link : gold.links) {
          analysis::alignment_gold g = gold;
          g.links = {link};
          if (analysis::evaluate_alignment(one, a, b, g).links.found_matched == 1)
            label = std::max(label, link.grade == analysis::link_grade::same ? 2 : 1);
        }
        const auto& e = s.evidence[i * s.columns + j];
        fmt::print("{},{},{},{},{:.4f},{:.4f},{:.4f},{:.4f},{:.4f},{},{},{},{},{:.4f},{:.4f},{:.4f},{:.4f}\n",
                   std::filesystem::path(file).stem().string(), a.measures()[i].id, b.measures()[j].id, label,
                   e.characters, e.words, e.concepts, e.title, e.themes, e.shared_indicator ? 1 : 0,
                   e.agencies ? fmt::format("{:.4f}", *e.agencies) : std::string(), e.row_rank, e.column_rank,
                   e.passages, e.passage_concepts, e.context, e.position);
      }
  }
  return 0;
}
