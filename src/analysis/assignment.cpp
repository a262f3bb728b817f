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
namespace {

constexpr std::ptrdiff_t none = -1;

/// Minimum-cost assignment of every row of a dense `n × m` cost matrix (n ≤ m) to a
/// distinct column: shortest augmenting paths with potentials (Crouse 2016, the
/// algorithm behind SciPy's linear_sum_assignment). Returns the column of each row.
std::vector<std::ptrdiff_t> solve_dense(const std::vector<double>& cost, std::size_t n,
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

/// Admissible pairs of a sparse matrix by row (CSR): row i's pairs are
/// [begin[i], begin[i + 1]) of `column` and `cost` (cost = -weight).
struct sparse_costs {
  std::vector<std::size_t> begin{0};
  std::vector<std::size_t> column;
  std::vector<double> cost;
};

/// Minimum-cost assignment on a sparse matrix where every row may also stay unmatched at
/// cost 0: each row i gets a private extra column `m + i` of cost 0, so a complete
/// assignment always exists. Shortest augmenting paths with potentials as in
/// `solve_dense`, but Dijkstra with a binary heap over the admissible pairs only, so an
/// augmentation costs O(pairs reached · log) instead of O(rows reached · m). Returns the
/// column of each row, `none` for unmatched.
std::vector<std::ptrdiff_t> solve_sparse(const sparse_costs& g, std::size_t n, std::size_t m) {
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

/// Below this share of admissible pairs the sparse solver is used.
constexpr double sparse_share = 0.2;

}  // namespace

assignment max_weight_assignment(std::span<const double> weights, std::size_t rows,
                                 std::size_t columns, const assignment_options& options) {
  if (weights.size() != rows * columns) {
    throw usage_error(fmt::format(
        "max_weight_assignment: {} weights for a {} × {} matrix; pass rows * columns weights, "
        "row-major",
        weights.size(), rows, columns));
  }
  const double threshold = options.threshold;
  const auto admissible = [threshold](double w) { return w > 0.0 && w >= threshold; };
  // One pass over the matrix: NaN check, and which rows and columns have an admissible pair.
  std::vector<char> row_used(rows, 0);
  std::vector<char> column_used(columns, 0);
  std::size_t admissible_pairs = 0;
  for (std::size_t i = 0; i < rows; ++i) {
    const double* row = weights.data() + i * columns;
    char any = 0;
    bool nan = false;
    for (std::size_t j = 0; j < columns; ++j) {
      const char ok = admissible(row[j]) ? 1 : 0;
      nan |= std::isnan(row[j]);
      column_used[j] |= ok;
      any |= ok;
      admissible_pairs += static_cast<std::size_t>(ok);
    }
    if (nan) {
      const auto j = static_cast<std::size_t>(
          std::find_if(row, row + columns, [](double w) { return std::isnan(w); }) - row);
      throw usage_error(fmt::format(
          "max_weight_assignment: weight ({}, {}) is NaN; give every pair a number", i, j));
    }
    row_used[i] = any;
  }
  assignment result;
  std::vector<std::ptrdiff_t> column_of_row(rows, none);
  std::vector<std::ptrdiff_t> row_of_column(columns, none);
  auto take = [&](std::size_t i, std::size_t j) {
    const double w = weights[i * columns + j];
    column_of_row[i] = static_cast<std::ptrdiff_t>(j);
    row_of_column[j] = static_cast<std::ptrdiff_t>(i);
    result.pairs.push_back({i, j, w, false});
    result.total_weight += w;
  };
  const bool sparse = static_cast<double>(admissible_pairs) <=
                      sparse_share * static_cast<double>(weights.size());
  if (sparse) {
    sparse_costs g;
    g.column.reserve(admissible_pairs);
    g.cost.reserve(admissible_pairs);
    g.begin.reserve(rows + 1);
    for (std::size_t i = 0; i < rows; ++i) {
      const double* row = weights.data() + i * columns;
      for (std::size_t j = 0; j < columns; ++j) {
        if (!admissible(row[j])) continue;
        g.column.push_back(j);
        g.cost.push_back(-row[j]);
      }
      g.begin.push_back(g.column.size());
    }
    const auto solution = solve_sparse(g, rows, columns);
    for (std::size_t i = 0; i < rows; ++i)
      if (solution[i] != none) take(i, static_cast<std::size_t>(solution[i]));
  }
  if (!sparse) {
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
    const auto cost_of = [&](double w) { return admissible(w) ? -w : 0.0; };
    std::vector<double> cost(n * m);
    if (!transposed && m == columns) {
      for (std::size_t a = 0; a < n; ++a) {
        const double* row = weights.data() + short_side[a] * columns;
        std::transform(row, row + columns, cost.begin() + static_cast<std::ptrdiff_t>(a * m), cost_of);
      }
    } else {
      for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = 0; b < m; ++b) {
          const std::size_t i = transposed ? long_side[b] : short_side[a];
          const std::size_t j = transposed ? short_side[a] : long_side[b];
          cost[a * m + b] = cost_of(weights[i * columns + j]);
        }
      }
    }

    if (n > 0) {
      const auto solution = solve_dense(cost, n, m);
      for (std::size_t a = 0; a < n; ++a) {
        const auto b = static_cast<std::size_t>(solution[a]);
        const std::size_t i = transposed ? long_side[b] : short_side[a];
        const std::size_t j = transposed ? short_side[a] : long_side[b];
        if (admissible(weights[i * columns + j])) take(i, j);
      }
    }
  }
  if (options.one_to_many) {
    for (std::size_t j = 0; j < columns; ++j) {
      if (row_of_column[j] != none) continue;
      std::ptrdiff_t best = none;
      double best_weight = 0.0;
      for (std::size_t i = 0; i < rows; ++i) {
        const double w = weights[i * columns + j];
        if (admissible(w) && (best == none || w > best_weight)) {
          best = static_cast<std::ptrdiff_t>(i);
          best_weight = w;
        }
      }
      if (best == none) continue;
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
    if (row_of_column[j] == none) result.unmatched_columns.push_back(j);
  return result;
}

}  // namespace plancmp::inline v0::analysis
