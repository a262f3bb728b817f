// SPDX-License-Identifier: MIT
#include <plancmp/analysis/assignment.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <tuple>

namespace plancmp::inline v0::analysis {
namespace detail {
namespace {

constexpr std::ptrdiff_t none = unassigned;

}  // namespace

/// Minimum-cost assignment of every row of a dense `n × m` cost matrix (n ≤ m) to a
/// distinct column: shortest augmenting paths with potentials (Crouse 2016, the
/// algorithm behind SciPy's linear_sum_assignment). Returns the column of each row.
std::vector<std::ptrdiff_t> solve_dense_assignment(const std::vector<double>& cost, std::size_t n,
                                        std::size_t m) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n, 0.0);
  std::vector<double> v(m, 0.0);
  std::vector<double> shortest(m);
  std::vector<std::ptrdiff_t> path(m);
  std::vector<std::ptrdiff_t> column_of(n, none);
  std::vector<std::ptrdiff_t> row_of(m, none);
  std::vector<std::size_t> remaining(m);
  std::vector<char> row_seen(n);
  std::vector<char> column_seen(m);
  std::vector<std::size_t> seen_rows;
  std::vector<std::size_t> seen_columns;

  // Row reduction (the start of Jonker–Volgenant): every row's potential is its
  // cheapest cost, which keeps all reduced costs ≥ 0 with v = 0, and a row whose cheapest
  // column is still free takes it at reduced cost 0. On similarity matrices most rows
  // have a clear best partner, so only the few left need an augmenting path. (Column
  // potentials must stay 0 on columns that end up unassigned, so no column reduction.)
  std::vector<std::size_t> free_rows;
  for (std::size_t i = 0; i < n; ++i) {
    const double* row = cost.data() + i * m;
    const std::size_t best = static_cast<std::size_t>(std::min_element(row, row + m) - row);
    u[i] = row[best];
    if (row_of[best] == none) {
      row_of[best] = static_cast<std::ptrdiff_t>(i);
      column_of[i] = static_cast<std::ptrdiff_t>(best);
    } else {
      free_rows.push_back(i);
    }
  }

  for (const std::size_t current : free_rows) {
    std::fill(shortest.begin(), shortest.end(), inf);
    // Columns in reverse order, so that ties go to the lowest index after the swaps below.
    for (std::size_t j = 0; j < m; ++j) remaining[j] = m - 1 - j;
    std::size_t remaining_count = m;
    seen_rows.clear();
    seen_columns.clear();

    double min_value = 0.0;
    std::size_t i = current;
    std::ptrdiff_t sink = none;
    while (sink == none) {
      row_seen[i] = 1;
      seen_rows.push_back(i);
      const double* row = cost.data() + i * m;
      const double base = min_value - u[i];
      double lowest = inf;
      std::size_t lowest_at = 0;
      for (std::size_t it = 0; it < remaining_count; ++it) {
        const std::size_t j = remaining[it];
        const double reduced = base + row[j] - v[j];
        if (reduced < shortest[j]) {
          path[j] = static_cast<std::ptrdiff_t>(i);
          shortest[j] = reduced;
        }
        if (shortest[j] < lowest || (shortest[j] == lowest && row_of[j] == none)) {
          lowest = shortest[j];
          lowest_at = it;
        }
      }
      min_value = lowest;
      const std::size_t j = remaining[lowest_at];
      if (row_of[j] == none) {
        sink = static_cast<std::ptrdiff_t>(j);
      } else {
        i = static_cast<std::size_t>(row_of[j]);
      }
      column_seen[j] = 1;
      seen_columns.push_back(j);
      remaining[lowest_at] = remaining[--remaining_count];
    }

    u[current] += min_value;
    for (const std::size_t r : seen_rows) {
      if (r != current) u[r] += min_value - shortest[static_cast<std::size_t>(column_of[r])];
      row_seen[r] = 0;
    }
    for (const std::size_t c : seen_columns) {
      v[c] -= min_value - shortest[c];
      column_seen[c] = 0;
    }
    for (std::size_t j = static_cast<std::size_t>(sink);;) {
      const auto r = static_cast<std::size_t>(path[j]);
      row_of[j] = static_cast<std::ptrdiff_t>(r);
      const std::ptrdiff_t previous = column_of[r];
      column_of[r] = static_cast<std::ptrdiff_t>(j);
      if (r == current) break;
      j = static_cast<std::size_t>(previous);
    }
  }
  return column_of;
}

/// Minimum-cost assignment on a sparse matrix where every row may also stay unmatched at
/// cost 0: each row i gets a private extra column `m + i` of cost 0, so a complete
/// assignment always exists. Shortest augmenting paths with potentials as in
/// `solve_dense`, but Dijkstra with a binary heap over the admissible pairs only, so an
/// augmentation costs O(pairs reached · log) instead of O(rows reached · m). Returns the
/// column of each row, `none` for unmatched.
std::vector<std::ptrdiff_t> solve_sparse_assignment(const sparse_costs& g, std::size_t n, std::size_t m) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const std::size_t all_columns = m + n;
  std::vector<double> u(n, 0.0);
  std::vector<double> v(all_columns, 0.0);
  std::vector<std::ptrdiff_t> column_of(n, none);
  std::vector<std::ptrdiff_t> row_of(all_columns, none);
  std::vector<double> distance(all_columns, inf);
  std::vector<std::size_t> path(all_columns, 0);
  std::vector<char> done(all_columns, 0);
  std::vector<std::size_t> touched;
  std::vector<std::size_t> scanned_rows;
  std::vector<std::size_t> scanned_columns;

  // Row reduction, as in solve_dense (the private column costs 0).
  std::vector<std::size_t> free_rows;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t best = m + i;
    double best_cost = 0.0;
    for (std::size_t e = g.begin[i]; e < g.begin[i + 1]; ++e)
      if (g.cost[e] < best_cost) best_cost = g.cost[e], best = g.column[e];
    u[i] = best_cost;
    if (row_of[best] == none) {
      row_of[best] = static_cast<std::ptrdiff_t>(i);
      column_of[i] = static_cast<std::ptrdiff_t>(best);
    } else {
      free_rows.push_back(i);
    }
  }

  // (distance, taken, column): at equal distance a free column comes first.
  using entry = std::tuple<double, int, std::size_t>;
  std::priority_queue<entry, std::vector<entry>, std::greater<>> heap;
  for (const std::size_t current : free_rows) {
    touched.clear();
    scanned_rows.clear();
    scanned_columns.clear();
    heap = {};
    auto relax = [&](std::size_t i, double from) {
      auto reach = [&](std::size_t j, double c) {
        const double d = from + c - u[i] - v[j];
        if (done[j] == 0 && d < distance[j]) {
          if (distance[j] == inf) touched.push_back(j);
          distance[j] = d;
          path[j] = i;
          heap.emplace(d, row_of[j] == none ? 0 : 1, j);
        }
      };
      for (std::size_t e = g.begin[i]; e < g.begin[i + 1]; ++e) reach(g.column[e], g.cost[e]);
      reach(m + i, 0.0);
    };
    relax(current, 0.0);
    std::size_t sink = 0;
    double sink_distance = 0.0;
    while (!heap.empty()) {
      const auto [d, taken, j] = heap.top();
      heap.pop();
      if (done[j] != 0 || d > distance[j]) continue;
      done[j] = 1;
      scanned_columns.push_back(j);
      if (row_of[j] == none) {
        sink = j;
        sink_distance = d;
        break;
      }
      const auto k = static_cast<std::size_t>(row_of[j]);
      scanned_rows.push_back(k);
      relax(k, d);
    }
    // Potentials: as in solve_dense, over the rows and columns the search finished.
    u[current] += sink_distance;
    for (const std::size_t k : scanned_rows)
      u[k] += sink_distance - distance[static_cast<std::size_t>(column_of[k])];
    for (const std::size_t j : scanned_columns) v[j] -= sink_distance - distance[j];
    for (std::size_t j = sink;;) {
      const std::size_t r = path[j];
      row_of[j] = static_cast<std::ptrdiff_t>(r);
      const std::ptrdiff_t previous = column_of[r];
      column_of[r] = static_cast<std::ptrdiff_t>(j);
      if (r == current) break;
      j = static_cast<std::size_t>(previous);
    }
    for (const std::size_t j : touched) distance[j] = inf, done[j] = 0;
  }
  for (auto& c : column_of)
    if (c >= static_cast<std::ptrdiff_t>(m)) c = none;
  return column_of;
}

void throw_nan_weight(std::size_t i, std::size_t j) {
  throw usage_error(fmt::format(
      "max_weight_assignment: weight ({}, {}) is NaN; give every pair a number", i, j));
}

}  // namespace detail

template assignment max_weight_assignment<row_major_weights>(const row_major_weights&, std::size_t,
                                                             std::size_t, const assignment_options&);

assignment max_weight_assignment(std::span<const double> weights, std::size_t rows,
                                 std::size_t columns, const assignment_options& options) {
  if (weights.size() != rows * columns) {
    throw usage_error(fmt::format(
        "max_weight_assignment: {} weights for a {} × {} matrix; pass rows * columns weights, "
        "row-major",
        weights.size(), rows, columns));
  }
  return max_weight_assignment(row_major_weights{weights.data(), columns}, rows, columns, options);
}

}  // namespace plancmp::inline v0::analysis
