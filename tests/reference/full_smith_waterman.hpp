// SPDX-License-Identifier: MIT
// Slow, obviously correct Smith–Waterman (Gotoh affine gaps) over full O(nm) matrices,
// and a full-matrix global alignment score: the references for
// analysis::best_local_alignment.
#pragma once

#include <plancmp/analysis/local_alignment.hpp>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace plancmp::reference {

struct full_local_result {
  int score = 0;
  std::size_t a_end = 0;  ///< first end in row-major order with the best score
  std::size_t b_end = 0;
};

inline int substitution_score(char32_t x, char32_t y, const analysis::alignment_scoring& s) {
  if (x != y || x == analysis::masked_character) return s.mismatch;
  return (x & analysis::boilerplate_bit) != 0 ? 0 : s.match;
}

/// Full H, E, F matrices; H floored at 0 (local) or anchored at the origin (global).
inline std::vector<std::vector<int>> gotoh_matrix(const std::u32string& a, const std::u32string& b,
                                                  const analysis::alignment_scoring& s, bool local) {
  const int neg = std::numeric_limits<int>::min() / 4;
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<int>> H(n + 1, std::vector<int>(m + 1, 0));
  std::vector<std::vector<int>> E(n + 1, std::vector<int>(m + 1, neg));
  std::vector<std::vector<int>> F(n + 1, std::vector<int>(m + 1, neg));
  for (std::size_t i = 1; i <= n; ++i) H[i][0] = local ? 0 : s.gap_open + int(i) * s.gap_extend;
  for (std::size_t j = 1; j <= m; ++j) H[0][j] = local ? 0 : s.gap_open + int(j) * s.gap_extend;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      E[i][j] = std::max(E[i][j - 1] + s.gap_extend, H[i][j - 1] + s.gap_open + s.gap_extend);
      F[i][j] = std::max(F[i - 1][j] + s.gap_extend, H[i - 1][j] + s.gap_open + s.gap_extend);
      H[i][j] = std::max({H[i - 1][j - 1] + substitution_score(a[i - 1], b[j - 1], s), E[i][j],
                          F[i][j]});
      if (local) H[i][j] = std::max(H[i][j], 0);
    }
  }
  return H;
}

inline full_local_result full_smith_waterman(const std::u32string& a, const std::u32string& b,
                                             const analysis::alignment_scoring& s) {
  const auto H = gotoh_matrix(a, b, s, true);
  full_local_result r;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      if (H[i][j] > r.score) r = {H[i][j], i, j};
  return r;
}

/// Score of the best global alignment of a with b.
inline int global_score(const std::u32string& a, const std::u32string& b,
                        const analysis::alignment_scoring& s) {
  return gotoh_matrix(a, b, s, false)[a.size()][b.size()];
}

}  // namespace plancmp::reference
