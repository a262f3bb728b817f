// SPDX-License-Identifier: MIT
// Diffusion benchmark: source attribution accuracy, recall and precision of planted
// borrowings, grades, time and peak memory of analysis::attribute_measures on a synthetic
// corpus of dated plans (bench/diffusion_corpus.hpp).
//
//   bench_diffusion [--plans 1000,10000] [--threads 2] [--background 0.35] [--quotation-max-plans 3]
//   BENCH_SHOW=1 bench_diffusion …   also lists the false positives, the misattributed
//                                    copies and the light copies not graded `copied`
//
// Each size runs in its own forked process, so its peak RSS (wait4's ru_maxrss) is its own;
// it includes building the corpus. Time is attribute_measures alone: boilerplate marking,
// candidate generation (pruned top-k over char 2–3-gram tf-idf), alignment of candidates.
//
// Figures:
//   accuracy   planted copies detected whose attributed source is the planted source
//              (…_up_to_identical_text: or a measure with the very same text, an exact copy
//              of it, which no text evidence can tell from it)
//   recall     planted copies attributed to some earlier measure
//   precision  measures attributed to an earlier measure that are planted copies
//   grades     exact, light, chain and derivative copies graded `copied`, heavy `adapted`
#include "diffusion_corpus.hpp"

#include <plancmp/analysis/diffusion.hpp>

#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace plancmp;

int run_size(std::size_t plans, unsigned threads, double background, std::size_t quotation_max_plans) {
  const auto t0 = std::chrono::steady_clock::now();
  const bench::diffusion_corpus c = bench::make_diffusion_corpus(PLANCMP_SEEDS_DIR, plans, background);
  const auto t1 = std::chrono::steady_clock::now();
  analysis::diffusion_options o;
  o.threads = threads;
  o.quotation_max_plans = quotation_max_plans;
  const analysis::diffusion_result d = analysis::attribute_measures(c.plans, c.measures, o);
  const auto t2 = std::chrono::steady_clock::now();

  std::vector<const bench::planted_borrowing*> truth(c.measures.size(), nullptr);
  for (const auto& p : c.planted) truth[p.copy] = &p;
  // Row of each (plan, measure) attribution: attributions are in row order.
  std::size_t detected = 0;
  std::size_t correct = 0;
  std::size_t equivalent = 0;  // the attributed source's text is the planted source's text
  std::size_t attributed = 0;
  std::size_t true_attributed = 0;
  std::size_t localized_planted = 0;
  std::size_t localized_found = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_kind;        // kind → (planted, correct)
  std::map<std::string, std::pair<std::size_t, std::size_t>> grade_by_kind;  // kind → (detected, expected grade)
  std::vector<std::uint32_t> first_row(c.plans.size() + 1, 0);
  for (std::size_t r = c.measures.size(); r-- > 0;) first_row[c.measures[r].plan] = static_cast<std::uint32_t>(r);
  for (std::size_t r = 0; r < d.attributions.size(); ++r) {
    const analysis::measure_attribution& a = d.attributions[r];
    const bench::planted_borrowing* t = truth[r];
    if (a.source_plan) {
      ++attributed;
      if (t != nullptr) ++true_attributed;
      if (t == nullptr && std::getenv("BENCH_SHOW") != nullptr) {
        const std::uint32_t sr = first_row[*a.source_plan] + a.source_measure;
        fmt::print("FP row {} ← {} cov {:.2f} passages {}\n  {}\n  {}\n", r, sr, a.coverage, a.passages.size(),
                   c.measures[r].text, c.measures[sr].text);
      }
    }
    if (t != nullptr && a.source_plan && std::getenv("BENCH_SHOW") != nullptr && t->kind == "light" &&
        a.grade != analysis::borrowing_grade::copied)
      fmt::print("GRADE row {} cov {:.2f} kept {} dropped {} added {} passages {}\n  {}\n  {}\n", r, a.coverage,
                 a.reinvention, a.dropped_clauses, a.added_clauses, a.passages.size(), c.measures[r].text,
                 c.measures[t->source].text);
    if (t == nullptr) continue;
    auto& k = by_kind[t->kind];
    ++k.first;
    if (!a.source_plan) continue;
    ++detected;
    const std::uint32_t source_row = first_row[*a.source_plan] + a.source_measure;
    if (source_row == t->source || c.measures[source_row].text == c.measures[t->source].text) ++equivalent;
    if (source_row == t->source) {
      ++correct;
      ++k.second;
    } else if (std::getenv("BENCH_SHOW") != nullptr) {
      const bench::planted_borrowing* via = truth[source_row];
      fmt::print("WRONG {} row {} ← {} (truth {}; attributed row is {}{}) cov {:.2f} plausible {}\n", t->kind, r,
                 source_row, t->source, via != nullptr ? via->kind : "original",
                 via != nullptr ? fmt::format(" of {}", via->source) : "", a.coverage, a.plausible_sources);
    }
    auto& g = grade_by_kind[t->kind];
    ++g.first;
    const auto expected = t->kind == "heavy" ? analysis::borrowing_grade::adapted : analysis::borrowing_grade::copied;
    if (a.grade == expected) ++g.second;
    if (t->localized) {
      ++localized_planted;
      if (!a.localized.empty()) ++localized_found;
    }
  }
  auto ratio = [](std::size_t x, std::size_t y) { return y == 0 ? 1.0 : static_cast<double>(x) / static_cast<double>(y); };
  fmt::print("plans={}\nmeasures={}\nplanted={}\ncorpus_seconds={:.2f}\nseconds={:.2f}\ncandidate_pairs={}\n", plans,
             c.measures.size(), c.planted.size(), std::chrono::duration<double>(t1 - t0).count(),
             std::chrono::duration<double>(t2 - t1).count(), d.candidate_pairs);
  fmt::print("accuracy_up_to_identical_text={:.4f}\n", ratio(equivalent, detected));
  fmt::print("accuracy={:.4f}\nrecall={:.4f}\nprecision={:.4f}\n", ratio(correct, detected), ratio(detected, c.planted.size()),
             ratio(true_attributed, attributed));
  fmt::print("frequent_boilerplate={}\nlocalized_detected={:.4f} ({} of {})\n", d.frequent_boilerplate.size(),
             ratio(localized_found, localized_planted), localized_found, localized_planted);
  for (const auto& [kind, k] : by_kind) {
    const auto& g = grade_by_kind[kind];
    fmt::print("kind {:<10} planted {:>6}  correct source {:.4f}  expected grade {:.4f}\n", kind, k.first,
               ratio(k.second, k.first), ratio(g.second, g.first));
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {1000};
  unsigned threads = 2;
  double background = 0.35;
  std::size_t quotation_max_plans = analysis::diffusion_options{}.quotation_max_plans;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--plans") {
      sizes.clear();
      for (std::size_t from = 0; from <= value.size();) {
        const std::size_t comma = value.find(',', from);
        sizes.push_back(std::stoul(value.substr(from, comma - from)));
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
    } else if (key == "--threads") {
      threads = static_cast<unsigned>(std::stoul(value));
    } else if (key == "--background") {
      background = std::stod(value);
    } else if (key == "--quotation-max-plans") {
      quotation_max_plans = std::stoul(value);
    } else {
      fmt::print(stderr, "usage: bench_diffusion [--plans 1000,10000] [--threads 2] [--background 0.35] [--quotation-max-plans 3]\n");
      return 2;
    }
  }
  fmt::print("bench_diffusion: threads={} background={} quotation_max_plans={}\n", threads, background, quotation_max_plans);
  for (const std::size_t n : sizes) {
    std::fflush(stdout);
    const pid_t child = fork();
    if (child == 0) _exit(run_size(n, threads, background, quotation_max_plans));
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    fmt::print("peak_rss_mib={:.0f}\nexit={}\n\n", static_cast<double>(usage.ru_maxrss) / 1024.0,
               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  }
}
