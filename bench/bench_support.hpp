// SPDX-License-Identifier: MIT
// What every benchmark program needs: medians, and the CPU time of the calling thread
// (on the shared build machine wall time also counts the time other processes hold the
// core, so the benches print both).
#pragma once

#include <algorithm>
#include <ctime>
#include <vector>

namespace plancmp::bench {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0.0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Seconds of CPU time used by the calling thread.
inline double thread_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace plancmp::bench
