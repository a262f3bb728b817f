// SPDX-License-Identifier: MIT
// Slow, obviously correct maximum-weight partial matching: every way of giving each row
// one unused column or none is tried. The reference for analysis::max_weight_assignment
// on matrices of up to about 7 × 7.
#pragma once

#include <cstddef>
#include <vector>

namespace plancmp::reference {

/// Best total weight over all partial one-to-one matchings that use only pairs with
/// weight > 0 and >= threshold.
inline double brute_force_assignment_weight(const std::vector<double>& w, std::size_t rows,
                                            std::size_t columns, double threshold) {
  std::vector<bool> used(columns, false);
  double best = 0.0;
  auto visit = [&](auto&& self, std::size_t row, double total) -> void {
    if (row == rows) {
      if (total > best) best = total;
      return;
    }
    self(self, row + 1, total);  // row stays unmatched
    for (std::size_t j = 0; j < columns; ++j) {
      const double x = w[row * columns + j];
      if (used[j] || !(x > 0.0 && x >= threshold)) continue;
      used[j] = true;
      self(self, row + 1, total + x);
      used[j] = false;
    }
  };
  visit(visit, 0, 0.0);
  return best;
}

}  // namespace plancmp::reference
