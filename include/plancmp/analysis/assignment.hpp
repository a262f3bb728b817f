// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/kernels/assignment.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::analysis {

/// A dense `rows × columns` matrix stored row-major, as a weight callable for the
/// generic `max_weight_assignment` (kernels/assignment.hpp).
struct row_major_weights {
  const double* data = nullptr;
  std::size_t columns = 0;
  [[nodiscard]] double operator()(std::size_t i, std::size_t j) const noexcept {
    return data[i * columns + j];
  }
};

// Compiled once in src/analysis/assignment.cpp.
extern template assignment max_weight_assignment<row_major_weights>(const row_major_weights&,
                                                                    std::size_t, std::size_t,
                                                                    const assignment_options&);

/// Maximum-weight one-to-one assignment (maximum-weight bipartite matching) on a dense
/// `rows × columns` matrix stored row-major in `weights`; rectangular matrices welcome.
/// The generic kernel (any weight callable, kernels/assignment.hpp) on `row_major_weights`.
/// Rows and columns may stay unmatched: a pair is only made when its weight passes
/// `options.threshold` and is positive, so the optimum is over partial matchings.
///
/// Shortest augmenting paths with dual potentials (Jonker–Volgenant / Crouse, the
/// algorithm of SciPy's `linear_sum_assignment`) after a row reduction that settles every
/// row whose best column is still free. When at most a fifth of the pairs pass the
/// threshold, the search runs on those pairs only (Dijkstra with a heap, each row with a
/// private "unmatched" column of weight 0); otherwise on the dense matrix, without the
/// rows and columns that have no admissible pair. O(n²m) worst case, near O(nm) on
/// similarity matrices: 1,000 × 1,200 measures in 2–8 ms (bench/bench_align.cpp).
/// Deterministic. Throws `usage_error` when `weights.size() != rows * columns` or a
/// weight is NaN.
///
///     const std::vector<double> w = {0.9, 0.1,
///                                    0.8, 0.7};
///     auto a = max_weight_assignment(w, 2, 2);  // pairs (0,0) and (1,1), total 1.6
[[nodiscard]] assignment max_weight_assignment(std::span<const double> weights, std::size_t rows,
                                               std::size_t columns,
                                               const assignment_options& options = {});

}  // namespace plancmp::inline v0::analysis
