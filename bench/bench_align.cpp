// SPDX-License-Identifier: MIT
// Measure alignment speed: maximum-weight assignment on similarity matrices shaped like
// those of two large plans (1,000 × 1,200 measures by default). Each row is a measure of
// plan A: about 70% have a counterpart in B (similarity 0.5–1.0) and a few related
// measures (0.2–0.5); every other pair gets the background similarity that unrelated
// measures of one policy field share (0–0.2, as char-bigram cosines of IP measures do).
// Reported: median time over the runs at several thresholds (0 = every pair admissible,
// the hardest case), the assignment weight and the share of planted pairs recovered.
//
//   build/bin/bench_align [rows=1000] [columns=1200] [runs=15]
#include <plancmp/analysis/assignment.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

/// CPU time of this thread, in milliseconds: on a shared machine it moves less than
/// wall time when other processes take the cores.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
  const std::size_t columns = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1200;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 15;

  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> w(rows * columns);
  for (double& x : w) x = 0.2 * unit(rng) * unit(rng);  // background, skewed to 0
  std::vector<std::size_t> partner(columns);
  for (std::size_t j = 0; j < columns; ++j) partner[j] = j;
  std::shuffle(partner.begin(), partner.end(), rng);
  std::vector<long> planted(rows, -1);
  std::uniform_int_distribution<std::size_t> any_column(0, columns - 1);
  for (std::size_t i = 0; i < rows; ++i) {
    if (unit(rng) < 0.7) {
      planted[i] = static_cast<long>(partner[i]);
      w[i * columns + partner[i]] = 0.5 + 0.5 * unit(rng);
    }
    for (int k = 0; k < 3; ++k) w[i * columns + any_column(rng)] = 0.2 + 0.3 * unit(rng);
  }

  fmt::print("**Maximum-weight assignment, {} × {} (median of {} runs)**\n\n", rows, columns, runs);
  fmt::print("| threshold | admissible pairs | wall ms | CPU ms | pairs | weight | planted pairs found |\n");
  fmt::print("| --------: | ---------------: | ------: | -----: | ----: | -----: | ------------------: |\n");
  for (const double threshold : {0.0, 0.1, 0.2, 0.3, 0.5}) {
    std::vector<double> times;
    std::vector<double> cpu_times;
    plancmp::analysis::assignment a;
    for (int run = 0; run < runs; ++run) {
      const double c0 = thread_cpu_ms();
      const auto t0 = std::chrono::steady_clock::now();
      a = plancmp::analysis::max_weight_assignment(w, rows, columns, {.threshold = threshold, .one_to_many = false});
      const auto t1 = std::chrono::steady_clock::now();
      cpu_times.push_back(thread_cpu_ms() - c0);
      times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    const auto admissible = std::count_if(w.begin(), w.end(), [&](double x) {
      return x > 0.0 && x >= threshold;
    });
    std::size_t found = 0;
    std::size_t total = 0;
    for (long p : planted) total += p >= 0;
    for (const auto& p : a.pairs) found += planted[p.row] == static_cast<long>(p.column);
    fmt::print("| {:.1f} | {} | {:.2f} | {:.2f} | {} | {:.1f} | {}/{} |\n", threshold, admissible,
               median(times), median(cpu_times), a.pairs.size(), a.total_weight, found, total);
  }
  return 0;
}
