// SPDX-License-Identifier: MIT
// The library's one thread runner: items of [0, n) handed out in blocks to std::threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace plancmp::inline v0::detail {

/// Worker count for `threads` (0: all cores) and `work` items: at least 1, at most `work`.
inline unsigned worker_count(unsigned threads, std::size_t work) {
  unsigned n = threads != 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(n, work)));
}

/// Calls `body(begin, end, worker)` on blocks of [0, n) of `block` items, handed out
/// dynamically to `threads` workers (0: all cores; the calling thread is worker 0). Which
/// worker runs a block never changes the result as long as `body` writes only to per-item
/// or per-worker state. The first exception a worker throws stops the others taking blocks
/// and is rethrown here.
template <class Body>
void for_each_block(std::size_t n, std::size_t block, unsigned threads, Body&& body) {
  block = std::max<std::size_t>(block, 1);
  const unsigned workers = worker_count(threads, (n + block - 1) / block);
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

/// Runs `work(i)` for every i in [0, count) on `threads` threads (0: all cores), each
/// index once, in no fixed order; `after(i)` (if set) runs after each, one call at a
/// time. An exception from `work(i)` does not stop the others: it is returned at index i
/// (null where `work` succeeded), for the caller to report or rethrow. One item per block
/// of `for_each_block`, so a slow file does not hold up the ones behind it.
inline std::vector<std::exception_ptr> for_each_index(std::size_t count, unsigned threads,
                                                      const std::function<void(std::size_t)>& work,
                                                      const std::function<void(std::size_t)>& after = {}) {
  std::vector<std::exception_ptr> errors(count);
  std::mutex after_mutex;
  for_each_block(count, 1, threads, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      try {
        work(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
      if (after) {
        const std::lock_guard lock(after_mutex);
        after(i);
      }
    }
  });
  return errors;
}

}  // namespace plancmp::inline v0::detail
