// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <vector>

namespace plancmp::inline v0::detail {

/// Runs `work(i)` for every i in [0, count) on `threads` threads (0: all cores), each
/// index once, in no fixed order; `after(i)` (if set) runs after each, one call at a
/// time. An exception from `work(i)` does not stop the others: it is returned at index i
/// (null where `work` succeeded), for the caller to report or rethrow.
std::vector<std::exception_ptr> for_each_index(std::size_t count, unsigned threads,
                                               const std::function<void(std::size_t)>& work,
                                               const std::function<void(std::size_t)>& after = {});

}  // namespace plancmp::inline v0::detail
