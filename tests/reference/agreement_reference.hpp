// SPDX-License-Identifier: MIT
// Slow, obviously correct agreement statistics, straight from their definitions, for
// differential tests of plancmp/analysis/agreement.hpp.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <set>
#include <vector>

namespace plancmp::reference {

/// Cohen's κ from the full confusion matrix of any labels: (p_o − p_e) / (1 − p_e).
template <typename Label>
double cohen_kappa(const std::vector<Label>& a, const std::vector<Label>& b) {
  std::set<Label> labels(a.begin(), a.end());
  labels.insert(b.begin(), b.end());
  const double n = static_cast<double>(a.size());
  double agree = 0;
  for (std::size_t i = 0; i < a.size(); ++i) agree += a[i] == b[i] ? 1 : 0;
  double expected = 0;
  for (const Label& l : labels) {
    double in_a = 0, in_b = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      in_a += a[i] == l ? 1 : 0;
      in_b += b[i] == l ? 1 : 0;
    }
    expected += (in_a / n) * (in_b / n);
  }
  if (expected == 1.0) return std::numeric_limits<double>::quiet_NaN();
  return (agree / n - expected) / (1 - expected);
}

/// Krippendorff's α, nominal, any number of coders per unit (values[unit] = the values the
/// coders gave it; units with fewer than two values are not pairable): the coincidence
/// matrix counts every ordered pair of values within a unit with weight 1 / (m_u − 1).
template <typename Label>
double krippendorff_alpha(const std::vector<std::vector<Label>>& values) {
  std::map<std::pair<Label, Label>, double> o;
  for (const auto& unit : values) {
    const std::size_t m = unit.size();
    if (m < 2) continue;
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < m; ++j) {
        if (i != j) o[{unit[i], unit[j]}] += 1.0 / static_cast<double>(m - 1);
      }
    }
  }
  std::map<Label, double> n_c;
  double n = 0;
  for (const auto& [pair, count] : o) {
    n_c[pair.first] += count;
    n += count;
  }
  double observed = 0;
  for (const auto& [pair, count] : o) observed += pair.first != pair.second ? count : 0;
  double expected = 0;
  for (const auto& [c, nc] : n_c) {
    for (const auto& [k, nk] : n_c) expected += c != k ? nc * nk : 0;
  }
  if (expected == 0) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - (n - 1) * observed / expected;
}

}  // namespace plancmp::reference
