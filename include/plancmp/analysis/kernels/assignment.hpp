// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <functional>
#include <type_traits>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Options for `max_weight_assignment`.
struct assignment_options {
  /// Pairs whose weight is below `threshold` (or not above 0) are never matched.
  double threshold = 0.0;
  /// After the optimal one-to-one assignment, every column still unmatched joins the row
  /// it weighs most with (if that weight passes the threshold), so a row may hold several
  /// columns; each column still has at most one row.
  bool one_to_many = false;
};

/// One matched pair of an assignment.
struct assigned_pair {
  std::size_t row = 0;
  std::size_t column = 0;
  double weight = 0.0;
  bool extra = false;  ///< added by the one-to-many step, not part of the one-to-one optimum
  friend bool operator==(const assigned_pair&, const assigned_pair&) = default;
};

/// The result of `max_weight_assignment`: matched pairs in increasing (row, column)
/// order, the total weight of the one-to-one part, and what stayed unmatched.
struct assignment {
  std::vector<assigned_pair> pairs;
  double total_weight = 0.0;              ///< sum over the one-to-one pairs
  std::vector<std::size_t> unmatched_rows;
  std::vector<std::size_t> unmatched_columns;
};

/// A weight callable: `weight(i, j)` is the weight of row i with column j, as a double.
template <class Weight>
concept weight_function = std::invocable<const Weight&, std::size_t, std::size_t> &&
    std::convertible_to<std::invoke_result_t<const Weight&, std::size_t, std::size_t>, double>;

namespace detail {

inline constexpr std::ptrdiff_t unassigned = -1;

/// Minimum-cost assignment of every row of a dense `n × m` cost matrix (n ≤ m, row-major)
/// to a distinct column; the column of each row. Compiled in src/analysis/assignment.cpp.
[[nodiscard]] std::vector<std::ptrdiff_t> solve_dense_assignment(const std::vector<double>& cost,
                                                                 std::size_t n, std::size_t m);

/// Admissible pairs of a sparse matrix by row (CSR): row i's pairs are
/// [begin[i], begin[i + 1]) of `column` and `cost` (cost = -weight).
struct sparse_costs {
  std::vector<std::size_t> begin{0};
  std::vector<std::size_t> column;
  std::vector<double> cost;
};

/// Minimum-cost assignment on a sparse `n × m` matrix where every row may also stay
/// unmatched at cost 0; the column of each row, `unassigned` for none.
[[nodiscard]] std::vector<std::ptrdiff_t> solve_sparse_assignment(const sparse_costs& g,
                                                                  std::size_t n, std::size_t m);

/// Throws `usage_error` naming the NaN weight (i, j).
[[noreturn]] void throw_nan_weight(std::size_t i, std::size_t j);

/// Below this share of admissible pairs the sparse solver is used.
inline constexpr double sparse_assignment_share = 0.2;

}  // namespace detail

/// Maximum-weight one-to-one assignment (maximum-weight bipartite matching) of `rows`
/// rows with `columns` columns, the weight of a pair given by `weight(i, j)` (any
/// callable; rectangular welcome). Rows and columns may stay unmatched: a pair is only
/// made when its weight passes `options.threshold` and is positive, so the optimum is
/// over partial matchings. `weight` is called a few times per pair (keep it cheap, or
/// fill a matrix first). Throws `usage_error` when a weight is NaN.
///
/// Shortest augmenting paths with dual potentials (Jonker–Volgenant / Crouse, the
/// algorithm of SciPy's `linear_sum_assignment`) after a row reduction that settles every
/// row whose best column is still free. When at most a fifth of the pairs pass the
/// threshold, the search runs on those pairs only (Dijkstra with a heap, each row with a
/// private "unmatched" column of weight 0); otherwise on the dense matrix, without the
/// rows and columns that have no admissible pair. The solvers are compiled in the
/// library; this template only reads the weights. Deterministic.
///
///     const int cost[3][3] = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
///     auto a = max_weight_assignment([&](std::size_t i, std::size_t j) {
///       return 10.0 - cost[i][j]; }, 3, 3);  // (0,1) (1,0) (2,2): cost 5, weight 25
template <weight_function Weight>
[[nodiscard]] assignment max_weight_assignment(const Weight& weight, std::size_t rows,
                                               std::size_t columns,
                                               const assignment_options& options = {}) {
  using detail::unassigned;
  const double threshold = options.threshold;
  // A small callable (a matrix view, a lambda capturing by reference) is copied into this
  // frame: read through the caller's reference, the compiler must reload it after every
  // store to the char flags below (a char may alias anything), about 10% of the time.
  using held_weight = std::conditional_t<std::is_trivially_copyable_v<Weight> &&
                                             sizeof(Weight) <= 4 * sizeof(void*),
                                         const Weight, const Weight&>;
  held_weight held = weight;
  const auto w = [&held](std::size_t i, std::size_t j) {
    return static_cast<double>(std::invoke(held, i, j));
  };
  const auto admissible = [threshold](double x) { return x > 0.0 && x >= threshold; };
  // One pass over the matrix: NaN check, and which rows and columns have an admissible pair.
  std::vector<char> row_used(rows, 0);
  std::vector<char> column_used(columns, 0);
  std::size_t admissible_pairs = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    char any = 0;
    bool nan = false;
    for (std::size_t j = 0; j < columns; ++j) {
      const double x = w(i, j);
      const char ok = admissible(x) ? 1 : 0;
      nan |= std::isnan(x);
      column_used[j] |= ok;
      any |= ok;
      admissible_pairs += static_cast<std::size_t>(ok);
    }
    if (nan) {
      std::size_t j = 0;
      while (!std::isnan(w(i, j))) ++j;
      detail::throw_nan_weight(i, j);
    }
    row_used[i] = any;
  }
  assignment result;
  std::vector<std::ptrdiff_t> column_of_row(rows, unassigned);
  std::vector<std::ptrdiff_t> row_of_column(columns, unassigned);
  auto take = [&](std::size_t i, std::size_t j) {
    const double x = w(i, j);
    column_of_row[i] = static_cast<std::ptrdiff_t>(j);
    row_of_column[j] = static_cast<std::ptrdiff_t>(i);
    result.pairs.push_back({i, j, x, false});
    result.total_weight += x;
  };
  const bool sparse = static_cast<double>(admissible_pairs) <=
                      detail::sparse_assignment_share * static_cast<double>(rows * columns);
  if (sparse) {
    detail::sparse_costs g;
    g.column.reserve(admissible_pairs);
    g.cost.reserve(admissible_pairs);
    g.begin.reserve(rows + 1);
    for (std::size_t i = 0; i < rows; ++i) {
      for (std::size_t j = 0; j < columns; ++j) {
        const double x = w(i, j);
        if (!admissible(x)) continue;
        g.column.push_back(j);
        g.cost.push_back(-x);
      }
      g.begin.push_back(g.column.size());
    }
    const auto solution = detail::solve_sparse_assignment(g, rows, columns);
    for (std::size_t i = 0; i < rows; ++i)
      if (solution[i] != unassigned) take(i, static_cast<std::size_t>(solution[i]));
  } else {
    std::vector<std::size_t> kept_rows;
    std::vector<std::size_t> kept_columns;
    for (std::size_t i = 0; i < rows; ++i)
      if (row_used[i] != 0) kept_rows.push_back(i);
    for (std::size_t j = 0; j < columns; ++j)
      if (column_used[j] != 0) kept_columns.push_back(j);

    // Solve on the admissible submatrix, as minimum cost -w over the shorter side; pairs
    // of weight 0 in the optimum stand for "unmatched".
    const bool transposed = kept_rows.size() > kept_columns.size();
    const std::vector<std::size_t>& short_side = transposed ? kept_columns : kept_rows;
    const std::vector<std::size_t>& long_side = transposed ? kept_rows : kept_columns;
    const std::size_t n = short_side.size();
    const std::size_t m = long_side.size();
    const auto cost_of = [&](double x) { return admissible(x) ? -x : 0.0; };
    std::vector<double> cost(n * m);
    if (!transposed && m == columns) {
      for (std::size_t a = 0; a < n; ++a) {
        double* out = cost.data() + a * m;
        for (std::size_t j = 0; j < columns; ++j) out[j] = cost_of(w(short_side[a], j));
      }
    } else {
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < m; ++b) {
          const std::size_t i = transposed ? long_side[b] : short_side[a];
          const std::size_t j = transposed ? short_side[a] : long_side[b];
          cost[a * m + b] = cost_of(w(i, j));
        }
      }
    }

    if (n > 0) {
      const auto solution = detail::solve_dense_assignment(cost, n, m);
      for (std::size_t a = 0; a < n; ++a) {
        const auto b = static_cast<std::size_t>(solution[a]);
        const std::size_t i = transposed ? long_side[b] : short_side[a];
        const std::size_t j = transposed ? short_side[a] : long_side[b];
        if (admissible(w(i, j))) take(i, j);
      }
    }
  }
  if (options.one_to_many) {
    for (std::size_t j = 0; j < columns; ++j) {
      if (row_of_column[j] != unassigned) continue;
      std::ptrdiff_t best = unassigned;
      double best_weight = 0.0;
      for (std::size_t i = 0; i < rows; ++i) {
        const double x = w(i, j);
        if (admissible(x) && (best == unassigned || x > best_weight)) {
          best = static_cast<std::ptrdiff_t>(i);
          best_weight = x;
        }
      }
      if (best == unassigned) continue;
      row_of_column[j] = best;
      result.pairs.push_back({static_cast<std::size_t>(best), j, best_weight, true});
    }
  }
  std::sort(result.pairs.begin(), result.pairs.end(), [](const auto& x, const auto& y) {
    return x.row != y.row ? x.row < y.row : x.column < y.column;
  });
  std::vector<char> row_matched(rows, 0);
  for (const assigned_pair& p : result.pairs) row_matched[p.row] = 1;
  for (std::size_t i = 0; i < rows; ++i)
    if (row_matched[i] == 0) result.unmatched_rows.push_back(i);
  for (std::size_t j = 0; j < columns; ++j)
    if (row_of_column[j] == unassigned) result.unmatched_columns.push_back(j);
  return result;
}

}  // namespace plancmp::inline v0::analysis
