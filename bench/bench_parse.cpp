// SPDX-License-Identifier: MIT
// End-to-end parsing speed on one core: bytes → document (decode, normalize, simplify,
// noise) → plan, over ≥ 100 MB of simplified plans built from the seeds. Each run parses
// every simplified seed many times; the table reports the median of the runs and their
// range. Time is the thread's CPU time: on a shared machine, time the scheduler gives to
// other processes is not parsing time (wall-clock figures are printed beside it).
//
//   build/bin/bench_parse [megabytes=100] [runs=5]
//
// With --synthetic, the same end-to-end figure over a corpus of varied whole documents
// instead: `documents` plans built in memory from the seeds' layouts (bench/plan_corpus.hpp:
// covers, jurisdictions of every level, dates, recombined and renumbered sections of all
// five seeds, annexes), each parsed once per run, one thread.
//
//   build/bin/bench_parse --synthetic [documents=1000] [runs=5]
#include "bench_support.hpp"
#include "bundled_seeds.hpp"
#include "plan_corpus.hpp"

#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

namespace {

using plancmp::bench::median;
using plancmp::bench::thread_seconds;



double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Megabytes per second of each run, timed by CPU and by wall clock.
struct stage_times {
  std::vector<double> cpu, wall;
  void add(double megabytes, double cpu_seconds, double wall_seconds) {
    cpu.push_back(megabytes / cpu_seconds);
    wall.push_back(megabytes / wall_seconds);
  }
  [[nodiscard]] std::string row(std::string_view stage, std::string_view goal) const {
    const auto [lo, hi] = std::minmax_element(cpu.begin(), cpu.end());
    return fmt::format("| {} | {:.1f} | {:.1f}–{:.1f} | {:.1f} | {} |\n", stage, median(cpu), *lo, *hi,
                       median(wall), goal);
  }
};

int synthetic(std::size_t documents, int runs) {
  const auto corpus = plancmp::bench::make_plan_corpus(documents);
  std::size_t bytes = 0;
  for (const auto& d : corpus) bytes += d.size();
  const double total_mb = static_cast<double>(bytes) / 1e6;
  stage_times end_to_end;
  std::size_t measures = 0, targets = 0;
  for (int run = 0; run < runs; ++run) {
    const double c0 = thread_seconds(), w0 = wall_seconds();
    for (const auto& d : corpus) {
      const auto p = plancmp::parse::parse_bytes(d, "synthetic");
      measures += p.measures().size();
      targets += p.targets().size();
    }
    end_to_end.add(total_mb, thread_seconds() - c0, wall_seconds() - w0);
  }
  fmt::print("Parsing speed, one core, a synthetic corpus of {} plan documents ({:.1f} MB), median of {} runs\n\n",
             documents, total_mb, runs);
  fmt::print("| stage | MB/s, CPU time (median) | range | MB/s, wall clock (median) | goal |\n");
  fmt::print("|---|---:|---:|---:|---:|\n");
  fmt::print("{}", end_to_end.row("end to end (bytes → plan)", ""));
  fmt::print("\nmachine: {} hardware threads; {} measures and {} targets per run\n",
             std::thread::hardware_concurrency(), measures / static_cast<std::size_t>(std::max(runs, 1)),
             targets / static_cast<std::size_t>(std::max(runs, 1)));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "--synthetic") {
    const auto documents = argc > 2 ? static_cast<std::size_t>(std::atol(argv[2])) : std::size_t{1000};
    return synthetic(documents, argc > 3 ? std::atoi(argv[3]) : 5);
  }
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 100.0;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<std::string> seeds;
  for (const auto& s : plancmp::bundled_seeds()) {
    if (s.name.starts_with("002_")) continue;  // the traditional-script seed
    seeds.emplace_back(s.bytes);
  }
  std::size_t one_pass = 0;
  for (const auto& s : seeds) one_pass += s.size();
  const auto repeats = static_cast<std::size_t>(megabytes * 1e6 / static_cast<double>(one_pass)) + 1;
  const double total_mb = static_cast<double>(repeats * one_pass) / 1e6;

  stage_times document_only, end_to_end;
  std::size_t measures = 0;
  for (int run = 0; run < runs; ++run) {
    const double c0 = thread_seconds(), w0 = wall_seconds();
    for (std::size_t r = 0; r < repeats; ++r) {
      for (const auto& s : seeds) {
        const auto doc = plancmp::text::make_document(s, "seed");
        measures += doc.lines.size() > 0;
      }
    }
    const double c1 = thread_seconds(), w1 = wall_seconds();
    for (std::size_t r = 0; r < repeats; ++r) {
      for (const auto& s : seeds) {
        const auto p = plancmp::parse::parse_bytes(s, "seed");
        measures += p.measures().size();
      }
    }
    const double c2 = thread_seconds(), w2 = wall_seconds();
    document_only.add(total_mb, c1 - c0, w1 - w0);
    end_to_end.add(total_mb, c2 - c1, w2 - w1);
  }
  fmt::print("Parsing speed, one core, {:.0f} MB of simplified seed plans ({} plans per run), median of {} runs\n\n",
             total_mb, repeats * seeds.size(), runs);
  fmt::print("| stage | MB/s, CPU time (median) | range | MB/s, wall clock (median) | goal |\n");
  fmt::print("|---|---:|---:|---:|---:|\n");
  fmt::print("{}", document_only.row("text layer only (make_document)", ""));
  fmt::print("{}", end_to_end.row("end to end (bytes → plan)", "≥ 50"));
  fmt::print("\nmachine: {} hardware threads; checksum {}\n", std::thread::hardware_concurrency(), measures);
  return median(end_to_end.cpu) >= 50.0 ? 0 : 1;
}
