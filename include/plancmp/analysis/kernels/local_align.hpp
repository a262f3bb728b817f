// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <ranges>
#include <vector>

namespace plancmp::inline v0::analysis {

/// A local alignment of `a[a_begin, a_end)` with `b[b_begin, b_end)` (element indices).
struct local_alignment {
  std::size_t a_begin = 0;
  std::size_t a_end = 0;
  std::size_t b_begin = 0;
  std::size_t b_end = 0;
  int score = 0;
  std::size_t matches = 0;     ///< aligned columns classified `aligned_column::match`
  std::size_t neutral = 0;     ///< aligned columns classified `aligned_column::neutral`
  std::size_t mismatches = 0;  ///< aligned columns classified `aligned_column::mismatch`
  std::size_t gaps = 0;        ///< elements of either side aligned with a gap
  /// Identical columns (matches + neutral) over all columns; 0 for an empty alignment.
  [[nodiscard]] double identity() const noexcept {
    const std::size_t same = matches + neutral;
    const std::size_t columns = same + mismatches + gaps;
    return columns == 0 ? 0.0 : static_cast<double>(same) / static_cast<double>(columns);
  }
  friend bool operator==(const local_alignment&, const local_alignment&) = default;
};

/// How an aligned (non-gap) column is counted in `local_alignment`.
enum class aligned_column : std::uint8_t { match, neutral, mismatch };

/// The default column classifier: equal elements are a match, others a mismatch.
struct columns_by_equality {
  template <class X, class Y>
  [[nodiscard]] constexpr aligned_column operator()(const X& x, const Y& y) const {
    return x == y ? aligned_column::match : aligned_column::mismatch;
  }
};

/// Gap scores of `local_align`: a gap of length L scores `gap_open + L * gap_extend`
/// (affine gaps, Gotoh); both are normally negative.
struct local_align_options {
  int gap_open = -3;
  int gap_extend = -2;
  /// Above this many cells (alignment length a × length b) the traceback is skipped and
  /// the column counts stay 0; the score and the ranges are always exact.
  std::size_t max_traceback_cells = std::size_t(1) << 26;
};

/// A substitution score: `score(a[i], b[j])` gives an `int` (positive for a good pair).
template <class Score, class A, class B>
concept substitution_score =
    std::ranges::random_access_range<A> && std::ranges::random_access_range<B> &&
    requires(const Score& score, std::ranges::range_reference_t<const A> x,
             std::ranges::range_reference_t<const B> y) {
      { score(x, y) } -> std::convertible_to<int>;
    };

/// A column classifier: `classify(a[i], b[j])` gives an `aligned_column`.
template <class Classify, class A, class B>
concept column_classifier =
    std::ranges::random_access_range<A> && std::ranges::random_access_range<B> &&
    requires(const Classify& classify, std::ranges::range_reference_t<const A> x,
             std::ranges::range_reference_t<const B> y) {
      { classify(x, y) } -> std::convertible_to<aligned_column>;
    };

namespace detail {

inline constexpr int alignment_minus_infinity = std::numeric_limits<int>::min() / 4;

/// Global alignment (Gotoh) of a[0, n) with b[0, m), by rows in linear memory; calls
/// `visit(i, j, h, from)` for every cell (i, j ≥ 1) and stops when it returns false.
/// `from`: bits 0-1 where H came from (0 diagonal, 1 E, 2 F), bit 2 E opened from H,
/// bit 3 F opened from H. `a_at(i)`, `b_at(j)` give the elements (0-based), so the
/// same loop serves forward and reversed sequences.
template <class AAt, class BAt, class Score, class Visit>
void global_rows(std::size_t n, std::size_t m, AAt a_at, BAt b_at, const Score& score,
                 const local_align_options& s, Visit visit) {
  std::vector<int> h(m + 1);
  std::vector<int> f(m + 1, alignment_minus_infinity);
  h[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) h[j] = s.gap_open + static_cast<int>(j) * s.gap_extend;
  for (std::size_t i = 1; i <= n; ++i) {
    int diagonal = h[0];
    h[0] = s.gap_open + static_cast<int>(i) * s.gap_extend;
    int e = alignment_minus_infinity;
    decltype(auto) x = a_at(i - 1);
    for (std::size_t j = 1; j <= m; ++j) {
      std::uint8_t from = 0;
      const int e_open = h[j - 1] + s.gap_open + s.gap_extend;
      const int e_extend = e + s.gap_extend;
      if (e_open >= e_extend) from |= 4;
      e = std::max(e_open, e_extend);
      const int f_open = h[j] + s.gap_open + s.gap_extend;
      const int f_extend = f[j] + s.gap_extend;
      if (f_open >= f_extend) from |= 8;
      f[j] = std::max(f_open, f_extend);
      int value = diagonal + static_cast<int>(score(x, b_at(j - 1)));
      if (e > value) value = e, from = static_cast<std::uint8_t>((from & ~3) | 1);
      if (f[j] > value) value = f[j], from = static_cast<std::uint8_t>((from & ~3) | 2);
      diagonal = h[j];
      h[j] = value;
      if (!visit(i, j, value, from)) return;
    }
  }
}

/// Counts the columns of an optimal global alignment of a[0, n) with b[0, m) (`a`, `b`
/// iterators; direction matrix over this rectangle only, no recursion).
template <class AIt, class BIt, class Score, class Classify>
void count_columns(AIt a, std::size_t n, BIt b, std::size_t m, const Score& score,
                   const Classify& classify, const local_align_options& s, local_alignment& out) {
  if (n * m > s.max_traceback_cells) return;
  std::vector<std::uint8_t> from((n + 1) * (m + 1), 0);
  global_rows(
      n, m, [&](std::size_t k) -> decltype(auto) { return a[static_cast<std::ptrdiff_t>(k)]; },
      [&](std::size_t k) -> decltype(auto) { return b[static_cast<std::ptrdiff_t>(k)]; }, score,
      s, [&](std::size_t i, std::size_t j, int, std::uint8_t bits) {
        from[i * (m + 1) + j] = bits;
        return true;
      });
  enum { in_h, in_e, in_f } state = in_h;
  std::size_t i = n;
  std::size_t j = m;
  while (i > 0 && j > 0) {
    const std::uint8_t bits = from[i * (m + 1) + j];
    if (state == in_h) {
      const int source = bits & 3;
      if (source == 0) {
        switch (static_cast<aligned_column>(classify(a[static_cast<std::ptrdiff_t>(i - 1)],
                                                     b[static_cast<std::ptrdiff_t>(j - 1)]))) {
          case aligned_column::match: ++out.matches; break;
          case aligned_column::neutral: ++out.neutral; break;
          case aligned_column::mismatch: ++out.mismatches; break;
        }
        --i, --j;
      } else {
        state = source == 1 ? in_e : in_f;
      }
    } else if (state == in_e) {
      ++out.gaps;
      state = (bits & 4) != 0 ? in_h : in_e;
      --j;
    } else {
      ++out.gaps;
      state = (bits & 8) != 0 ? in_h : in_f;
      --i;
    }
  }
  out.gaps += i + j;  // a leading gap along the border
}

}  // namespace detail

/// The best local alignment (Smith–Waterman with affine gaps, Gotoh) of two sequences of
/// any element types: `score(x, y)` is the substitution score of `a`'s element `x` with
/// `b`'s element `y`, `options` the gap scores, and `classify(x, y)` says how an aligned
/// column is counted (default: `==` is a match). Score 0 and empty ranges when nothing
/// scores. Among equal scores the one ending first (by a, then b) wins, and among those
/// the shortest.
///
/// Memory is linear for the score: a forward pass finds the end, an anchored pass over
/// the reversed prefixes finds the start, and the traceback (for the column counts) runs
/// only over the rectangle between them, iteratively. O(|a| · |b|) time.
///
///     std::string a = "TTGACCGTAA", b = "GACGTA";
///     auto r = local_align(a, b, [](char x, char y) { return x == y ? 2 : -3; });
///     // r.score 7: a[2,9) "GACCGTA" with b[0,6) "GAC-GTA"… (tests/analysis)
///
/// `best_local_alignment` is this kernel on `char32_t` text with `character_score`.
template <std::ranges::random_access_range A, std::ranges::random_access_range B, class Score,
          class Classify = columns_by_equality>
  requires substitution_score<Score, A, B> && column_classifier<Classify, A, B>
[[nodiscard]] local_alignment local_align(const A& a, const B& b, const Score& score,
                                          const local_align_options& options = {},
                                          const Classify& classify = {}) {
  const local_align_options& s = options;
  local_alignment best;
  const auto n = static_cast<std::size_t>(std::ranges::size(a));
  const auto m = static_cast<std::size_t>(std::ranges::size(b));
  if (n == 0 || m == 0) return best;
  const auto ia = std::ranges::begin(a);
  const auto ib = std::ranges::begin(b);
  const auto at_a = [&](std::size_t k) -> decltype(auto) { return ia[static_cast<std::ptrdiff_t>(k)]; };
  const auto at_b = [&](std::size_t k) -> decltype(auto) { return ib[static_cast<std::ptrdiff_t>(k)]; };

  // Forward Smith–Waterman: score and end only, one row of H and F.
  std::vector<int> h(m + 1, 0);
  std::vector<int> f(m + 1, detail::alignment_minus_infinity);
  for (std::size_t i = 1; i <= n; ++i) {
    int diagonal = 0;
    int e = detail::alignment_minus_infinity;
    decltype(auto) x = at_a(i - 1);
    for (std::size_t j = 1; j <= m; ++j) {
      e = std::max(e + s.gap_extend, h[j - 1] + s.gap_open + s.gap_extend);
      f[j] = std::max(f[j] + s.gap_extend, h[j] + s.gap_open + s.gap_extend);
      const int value =
          std::max({0, diagonal + static_cast<int>(score(x, at_b(j - 1))), e, f[j]});
      diagonal = h[j];
      h[j] = value;
      if (value > best.score) {
        best.score = value;
        best.a_end = i;
        best.b_end = j;
      }
    }
  }
  if (best.score <= 0) return {};

  // The start: the first cell where an alignment anchored at the end, run backwards,
  // reaches the best score.
  const std::size_t ae = best.a_end;
  const std::size_t be = best.b_end;
  detail::global_rows(
      ae, be, [&](std::size_t k) -> decltype(auto) { return at_a(ae - 1 - k); },
      [&](std::size_t k) -> decltype(auto) { return at_b(be - 1 - k); }, score, s,
      [&](std::size_t i, std::size_t j, int value, std::uint8_t) {
        if (value != best.score) return true;
        best.a_begin = ae - i;
        best.b_begin = be - j;
        return false;
      });

  detail::count_columns(ia + static_cast<std::ptrdiff_t>(best.a_begin), best.a_end - best.a_begin,
                        ib + static_cast<std::ptrdiff_t>(best.b_begin), best.b_end - best.b_begin,
                        score, classify, s, best);
  return best;
}

}  // namespace plancmp::inline v0::analysis
