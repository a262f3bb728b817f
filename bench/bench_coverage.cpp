// SPDX-License-Identifier: MIT
// Coverage tagging speed on one core: every measure (and goal) of a 1,000-plan synthetic
// corpus tagged against all built-in coding schemes. The corpus is built from the five seeds
// (four simplified, one traditional): plan i is a copy of the parsed seed i mod 5 with its
// measures rotated by i / 5 places; it shares that seed's document, which tagging only
// reads. The tagger keeps no cache between units or plans, so the work is that of 1,000
// plans. Each run tags the whole corpus with every scheme; the table reports the median
// wall time and the median CPU time of the thread (the goal is checked on CPU time, since
// the shared build machine lends the core to other processes during a run).
//
//   build/bin/bench_coverage [plans=1000] [runs=5]
#include "bench_support.hpp"
#include "bundled_seeds.hpp"

#include <plancmp/analysis/tagging.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using plancmp::bench::median;
using plancmp::bench::thread_seconds;



struct corpus_plan {
  plancmp::text::document doc;
  plancmp::plan parsed;
};

}  // namespace

int main(int argc, char** argv) {
  const std::size_t plans = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 1000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;

  // Five parsed seeds; the corpus refers to them in turn, each time with the measures rotated.
  std::vector<corpus_plan> seeds;
  for (const auto& s : plancmp::bundled_seeds()) {
    corpus_plan c{plancmp::text::make_document(std::string(s.bytes), std::string(s.name)), {}};
    c.parsed = plancmp::parse::parse_document(c.doc);
    seeds.push_back(std::move(c));
  }
  std::vector<plancmp::plan> corpus;
  std::vector<const plancmp::text::document*> documents;
  corpus.reserve(plans);
  std::size_t measures = 0, goals = 0, bytes = 0;
  for (std::size_t i = 0; i < plans; ++i) {
    const corpus_plan& seed = seeds[i % seeds.size()];
    plancmp::plan p = seed.parsed;
    if (!p.measures().empty()) {
      plancmp::plan_content c = p.content();
      std::rotate(c.measures.begin(), c.measures.begin() + static_cast<std::ptrdiff_t>((i / seeds.size()) % c.measures.size()),
                  c.measures.end());
      p.set_content(std::move(c));
    }
    measures += p.measures().size();
    goals += p.goals().size();
    for (const auto& m : p.measures()) bytes += m.where.size();
    corpus.push_back(std::move(p));
    documents.push_back(&seed.doc);
  }

  std::vector<plancmp::analysis::tagger> taggers;
  for (const auto& id : plancmp::coding_scheme::builtin_ids())
    taggers.emplace_back(plancmp::coding_scheme::builtin(id));
  std::vector<const plancmp::analysis::tagger*> schemes;
  for (const auto& t : taggers) schemes.push_back(&t);

  std::vector<double> seconds, cpu;
  std::size_t labels = 0;
  for (int run = 0; run < runs; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_seconds();
    for (std::size_t i = 0; i < corpus.size(); ++i) {
      // All schemes at once: each unit is located and its word boundaries computed once.
      for (const auto& tags : plancmp::analysis::tagger::tag_all(schemes, corpus[i], *documents[i])) {
        for (const auto& u : tags.measures) labels += u.labels.size();
      }
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(thread_seconds() - c0);
  }
  const double m = median(seconds);
  fmt::print("Coverage tagging, one core: {} plans ({} measures, {} goals, {:.1f} MB of measure text) × {} schemes, "
             "median of {} runs\n\n",
             plans, measures, goals, static_cast<double>(bytes) / 1e6, taggers.size(), runs);
  const double c = median(cpu);
  const auto list = [](const std::vector<double>& v) {
    std::string out;
    for (const double s : v) out += fmt::format("{}{:.2f}", out.empty() ? "" : " ", s);
    return out;
  };
  fmt::print("| clock | runs (s) | median (s) | measure-schemes/s | goal |\n|---|---|---:|---:|---:|\n");
  fmt::print("| wall | {} | {:.2f} | {:.0f} | |\n", list(seconds), m, static_cast<double>(measures * taggers.size()) / m);
  fmt::print("| thread CPU | {} | {:.2f} | {:.0f} | < 2 s |\n", list(cpu), c,
             static_cast<double>(measures * taggers.size()) / c);
  fmt::print("\nchecksum {}\n", labels);
  return c < 2.0 ? 0 : 1;
}
