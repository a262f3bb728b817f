// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Scores for local alignment. A gap of length L scores `gap_open + L * gap_extend`
/// (affine gaps, Gotoh).
struct alignment_scoring {
  int match = 2;
  int mismatch = -3;
  int gap_open = -3;
  int gap_extend = -2;
};

/// The character that matches nothing, itself included: a sequence cut here cannot
/// align across (used to remove passages already found).
inline constexpr char32_t masked_character = 0;
/// Set on a character that is boilerplate (a responsibility clause, a phrase every plan
/// uses): it still aligns with the same character, but scores 0 and is counted as
/// `neutral`, not as a match, so boilerplate alone never makes a passage, while a copied
/// passage that contains some is not broken up by it.
inline constexpr char32_t boilerplate_bit = 0x80000000U;

/// A local alignment of `a[a_begin, a_end)` with `b[b_begin, b_end)` (character indices).
struct local_alignment {
  std::size_t a_begin = 0;
  std::size_t a_end = 0;
  std::size_t b_begin = 0;
  std::size_t b_end = 0;
  int score = 0;
  std::size_t matches = 0;     ///< aligned identical characters, not boilerplate
  std::size_t neutral = 0;     ///< aligned identical boilerplate characters
  std::size_t mismatches = 0;  ///< aligned different characters
  std::size_t gaps = 0;        ///< characters of either side aligned with a gap
  /// Identical columns (matches + neutral) over all columns; 0 for an empty alignment.
  [[nodiscard]] double identity() const noexcept {
    const std::size_t same = matches + neutral;
    const std::size_t columns = same + mismatches + gaps;
    return columns == 0 ? 0.0 : static_cast<double>(same) / static_cast<double>(columns);
  }
  friend bool operator==(const local_alignment&, const local_alignment&) = default;
};

/// The best local alignment (Smith–Waterman with affine gaps) of two character
/// sequences; score 0 and empty ranges when nothing scores. Among equal scores the one
/// ending first (by a, then b) wins, and among those the shortest.
///
/// Memory is linear for the score: a forward pass finds the end, an anchored pass over
/// the reversed prefixes finds the start, and the traceback (for the match, mismatch and
/// gap counts) runs only over the rectangle between them, iteratively.
///
///     std::u32string a = U"xx加强知识产权保护yy", b = U"加强知识产权保护";
///     auto r = best_local_alignment(a, b);  // a[2,10) with b[0,8), 8 matches
[[nodiscard]] local_alignment best_local_alignment(std::span<const char32_t> a,
                                                   std::span<const char32_t> b,
                                                   const alignment_scoring& scoring = {});

/// Non-overlapping local alignments, best first: after each one, its characters on both
/// sides are masked and the search repeats, while the best score is at least `min_score`
/// (and positive). At most `max_count` alignments.
[[nodiscard]] std::vector<local_alignment> local_alignments(std::span<const char32_t> a,
                                                            std::span<const char32_t> b,
                                                            int min_score,
                                                            const alignment_scoring& scoring = {},
                                                            std::size_t max_count = 64);

}  // namespace plancmp::inline v0::analysis
