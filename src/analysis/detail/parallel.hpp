// SPDX-License-Identifier: MIT
// Row blocks over std::threads, with the first worker exception rethrown in the caller.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace plancmp::inline v0::analysis::detail {

/// Worker count for `threads` (0: all cores) and `work` items.
inline unsigned worker_count(unsigned threads, std::size_t work) {
  unsigned n = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, work)));
}

/// Calls `body(begin, end, worker)` on blocks of [0, n) of `block` items, handed out
/// dynamically to `threads` workers. Which worker runs a block never changes the result
/// as long as `body` writes only to per-item or per-worker state. The first exception a
/// worker throws stops the others taking blocks and is rethrown here.
template <class Body>
void for_each_block(std::size_t n, std::size_t block, unsigned threads, Body&& body) {
  const unsigned workers = worker_count(threads, (n + block - 1) / std::max<std::size_t>(block, 1));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](unsigned worker) {
    try {
      for (;;) {
        if (failed.load(std::memory_order_relaxed)) return;
        const std::size_t begin = next.fetch_add(block);
        if (begin >= n) return;
        body(begin, std::min(n, begin + block), worker);
      }
    } catch (...) {
      const std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  if (workers <= 1) {
    run(0);
  } else {
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(run, w);
    run(0);
    for (auto& t : pool) t.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace plancmp::inline v0::analysis::detail
