// SPDX-License-Identifier: MIT
// plancmp align: measure-by-measure alignment of two plans (maximum-weight assignment on
// measure similarity), with the shared passage of each pair as evidence; with --gold, the
// alignment measured against hand-aligned pairs.
#include "cli.hpp"
#include "bundled_seeds.hpp"

#include <plancmp/analysis/alignment_gold.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/alignment_tables.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>

#include <cstdlib>

namespace plancmp::cli {
namespace {

analysis::plan_alignment_options alignment_options(const options& opts) {
  analysis::plan_alignment_options align;
  if (const std::string* m = opts.value("method")) {
    const auto method = analysis::parse_alignment_method(*m);
    if (!method) throw usage_error(fmt::format("--method: \"{}\" is not substance or ngrams", *m));
    align.method = *method;
  }
  if (align.method == analysis::alignment_method::ngrams) align.threshold = 0.2;  // a cosine
  align.threshold = number_option(opts, "threshold", align.threshold, 0, 1);
  align.one_to_many = opts.has_flag("one-to-many");
  align.vectors.threads = opts.threads;
  return align;
}

// A gold source ("seeds/<file>" or "corpus/<file>") as a document: seeds from the bundled
// copies, corpus files from --corpus DIR (default $PLANCMP_CORPUS_DIR, else
// ../shared/corpus/docs).
text::document gold_document(const options& opts, const std::string& source) {
  parse::gold_folders folders;
  folders.seed_files = bundled_seeds();
  if (const char* env = std::getenv("PLANCMP_CORPUS_DIR"); env != nullptr && *env != '\0') folders.corpus = env;
  if (const std::string* d = opts.value("corpus")) folders.corpus = *d;
  return parse::read_gold_source(source, folders, read_options_of(opts));
}

int run_gold(const options& opts, const analysis::plan_alignment_options& align) {
  std::vector<analysis::alignment_gold> golds;
  for (const std::string& file : opts.values("gold")) golds.push_back(analysis::read_alignment_gold(read_file(file), file));
  std::vector<analysis::alignment_evaluation> evaluations;
  auto plans_of = [&](const analysis::alignment_gold& gold) {
    return std::pair{parse::parse_document(gold_document(opts, gold.source_a)),
                     parse::parse_document(gold_document(opts, gold.source_b))};
  };
  if (opts.values("second").empty()) {
    for (const analysis::alignment_gold& gold : golds) {
      const auto [a, b] = plans_of(gold);
      evaluations.push_back(analysis::evaluate_alignment(analysis::align_plans(a, b, align), a, b, gold));
    }
  } else {
    // A second annotator's alignment of a pair against the first's (the --gold file of
    // the same two sources).
    for (const std::string& file : opts.values("second")) {
      const auto second = analysis::read_alignment_gold(read_file(file), file);
      const auto first = std::find_if(golds.begin(), golds.end(), [&](const analysis::alignment_gold& g) {
        return g.source_a == second.source_a && g.source_b == second.source_b;
      });
      if (first == golds.end())
        throw usage_error(fmt::format("{}: no --gold file aligns {} with {}; give the first annotator's alignment of "
                                      "the same pair (a and b in that order)",
                                      file, second.source_a, second.source_b));
      const auto [a, b] = plans_of(*first);
      auto e = analysis::evaluate_alignment(analysis::alignment_of_gold(second, a, b), a, b, *first);
      e.found_by = fmt::format("{} vs {}", second.annotator.empty() ? file : second.annotator,
                               first->annotator.empty() ? first->origin : first->annotator);
      evaluations.push_back(std::move(e));
    }
  }
  write_output(opts, render(opts, report::to_table(evaluations)));
  return exit_ok;
}

int run_align(const options& opts) {
  const analysis::plan_alignment_options align = alignment_options(opts);
  if (!opts.values("gold").empty()) return run_gold(opts, align);

  const std::vector<source_plan> in = load_source_plans(opts);
  if (in.size() < 2) throw usage_error("align needs two plans (or more: every pair is aligned)");
  std::vector<report::table> tables;
  for (std::size_t i = 0; i < in.size(); ++i)
    for (std::size_t j = i + 1; j < in.size(); ++j)
      tables.push_back(report::to_table(analysis::align_plans(in[i], in[j], align)));
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration align_command{{
    "align",
    "measure-by-measure alignment of two plans, graded same / related, with evidence",
    "usage: plancmp align [FILE...] [--threshold T] [--method substance|ngrams] [--one-to-many]\n"
    "                     [--format md|csv|json|latex|html] [--excel] [-o FILE]\n"
    "       plancmp align --gold GOLD.json... [--second GOLD.json...] [--corpus DIR]\n\n"
    "Aligns the measures of two plans (with more files, of every pair; with none, of the\n"
    "bundled seeds) by maximum-weight assignment on their substance similarity: character\n"
    "n-grams, words (ICU and the domain lexicon) and concepts (data/synonyms.json), run-in\n"
    "titles, theme profiles, target indicators and agencies (only where both plans name\n"
    "agencies), all weighted on the two plans alone. Pairs scoring well enough on their own\n"
    "are linked too (a measure split or merged: \"extra\"). Each link is graded same or\n"
    "related and shows its signals and the longest passage the two measures share, with its\n"
    "span in the first file (JSON: \"source\" and \"span\"). Measures without a partner are\n"
    "listed as unmatched; the notes say which similarity was used and give the overall\n"
    "score, 2 × assignment weight / (measures of A + measures of B).\n\n"
    "  --threshold T   pairs scoring less than T stay unmatched (default 0.35; ngrams: use 0.2)\n"
    "  --method M      substance (default) or ngrams (char 2–3-gram tf-idf cosine alone)\n"
    "  --one-to-many   also attach every unmatched measure to its most similar measure on\n"
    "                  the other side (marked \"extra\")\n"
    "  --gold FILE...  measure the alignment against hand-aligned pairs (docs/gold.md,\n"
    "                  plancmp.gold.alignment/1): precision, recall and F1 of links per pair\n"
    "  --second FILE...  instead, measure a second annotator's alignment of the same pairs\n"
    "                  against the --gold files (the agreement of two people: the ceiling)\n"
    "  --corpus DIR    where the gold's corpus/ documents are (default $PLANCMP_CORPUS_DIR,\n"
    "                  else ../shared/corpus/docs)\n\n"
    "examples:\n"
    "  plancmp align seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt\n"
    "  plancmp align A.txt B.txt --threshold 0.5 --one-to-many --format csv --excel -o a.csv\n"
    "  plancmp align --gold tests/data/gold/alignment/*.json\n"
    "  plancmp align --gold tests/data/gold/alignment/*.json --second tests/data/gold/alignment-second/*.json\n",
    {"threshold", "method", "corpus"},
    {"one-to-many"},
    run_align,
    {"gold", "second"},
}};

}  // namespace
}  // namespace plancmp::cli
