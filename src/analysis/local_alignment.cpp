// SPDX-License-Identifier: MIT
#include <plancmp/analysis/local_alignment.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace plancmp::inline v0::analysis {
namespace {

constexpr int minus_infinity = std::numeric_limits<int>::min() / 4;
/// Above this many cells the traceback is skipped (counts stay 0); measure-sized
/// passages are far below it.
constexpr std::size_t max_traceback_cells = std::size_t(1) << 26;

int substitution(char32_t x, char32_t y, const alignment_scoring& s) noexcept {
  if (x != y || x == masked_character) return s.mismatch;
  return (x & boilerplate_bit) != 0 ? 0 : s.match;
}

/// Global alignment (Gotoh) of a[0, n) with b[0, m), by rows in linear memory; calls
/// `visit(i, j, h, from)` for every cell (i, j ≥ 1) and stops when it returns false.
/// `from`: bits 0-1 where H came from (0 diagonal, 1 E, 2 F), bit 2 E opened from H,
/// bit 3 F opened from H. `a_at(i)`, `b_at(j)` give the characters (0-based), so the
/// same loop serves forward and reversed sequences.
template <class A, class B, class Visit>
void global_rows(std::size_t n, std::size_t m, A a_at, B b_at, const alignment_scoring& s,
                 Visit visit) {
  std::vector<int> h(m + 1);
  std::vector<int> f(m + 1, minus_infinity);
  h[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) h[j] = s.gap_open + static_cast<int>(j) * s.gap_extend;
  for (std::size_t i = 1; i <= n; ++i) {
    int diagonal = h[0];
    h[0] = s.gap_open + static_cast<int>(i) * s.gap_extend;
    int e = minus_infinity;
    const char32_t x = a_at(i - 1);
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
      int value = diagonal + substitution(x, b_at(j - 1), s);
      if (e > value) value = e, from = static_cast<std::uint8_t>((from & ~3) | 1);
      if (f[j] > value) value = f[j], from = static_cast<std::uint8_t>((from & ~3) | 2);
      diagonal = h[j];
      h[j] = value;
      if (!visit(i, j, value, from)) return;
    }
  }
}

/// Counts matches, mismatches and gap characters of an optimal global alignment of
/// a[0, n) with b[0, m) (direction matrix over this rectangle only, no recursion).
void count_columns(std::span<const char32_t> a, std::span<const char32_t> b,
                   const alignment_scoring& s, local_alignment& out) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n * m > max_traceback_cells) return;
  std::vector<std::uint8_t> from((n + 1) * (m + 1), 0);
  global_rows(
      n, m, [&](std::size_t k) { return a[k]; }, [&](std::size_t k) { return b[k]; }, s,
      [&](std::size_t i, std::size_t j, int, std::uint8_t bits) {
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
        const char32_t x = a[i - 1];
        if (x != b[j - 1] || x == masked_character) {
          ++out.mismatches;
        } else {
          ++((x & boilerplate_bit) != 0 ? out.neutral : out.matches);
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

}  // namespace

local_alignment best_local_alignment(std::span<const char32_t> a, std::span<const char32_t> b,
                                     const alignment_scoring& s) {
  local_alignment best;
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if (n == 0 || m == 0) return best;

  // Forward Smith–Waterman: score and end only, one row of H and F.
  std::vector<int> h(m + 1, 0);
  std::vector<int> f(m + 1, minus_infinity);
  for (std::size_t i = 1; i <= n; ++i) {
    int diagonal = 0;
    int e = minus_infinity;
    const char32_t x = a[i - 1];
    for (std::size_t j = 1; j <= m; ++j) {
      e = std::max(e + s.gap_extend, h[j - 1] + s.gap_open + s.gap_extend);
      f[j] = std::max(f[j] + s.gap_extend, h[j] + s.gap_open + s.gap_extend);
      const int value = std::max({0, diagonal + substitution(x, b[j - 1], s), e, f[j]});
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
  global_rows(
      ae, be, [&](std::size_t k) { return a[ae - 1 - k]; },
      [&](std::size_t k) { return b[be - 1 - k]; }, s,
      [&](std::size_t i, std::size_t j, int value, std::uint8_t) {
        if (value != best.score) return true;
        best.a_begin = ae - i;
        best.b_begin = be - j;
        return false;
      });

  count_columns(a.subspan(best.a_begin, best.a_end - best.a_begin),
                b.subspan(best.b_begin, best.b_end - best.b_begin), s, best);
  return best;
}

std::vector<local_alignment> local_alignments(std::span<const char32_t> a,
                                              std::span<const char32_t> b, int min_score,
                                              const alignment_scoring& scoring,
                                              std::size_t max_count) {
  std::vector<char32_t> left(a.begin(), a.end());
  std::vector<char32_t> right(b.begin(), b.end());
  std::vector<local_alignment> found;
  while (found.size() < max_count) {
    const local_alignment next = best_local_alignment(left, right, scoring);
    if (next.score <= 0 || next.score < min_score) break;
    std::fill(left.begin() + static_cast<std::ptrdiff_t>(next.a_begin),
              left.begin() + static_cast<std::ptrdiff_t>(next.a_end), masked_character);
    std::fill(right.begin() + static_cast<std::ptrdiff_t>(next.b_begin),
              right.begin() + static_cast<std::ptrdiff_t>(next.b_end), masked_character);
    found.push_back(next);
  }
  return found;
}

}  // namespace plancmp::inline v0::analysis
