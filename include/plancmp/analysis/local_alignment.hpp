// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/kernels/local_align.hpp>

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

/// The substitution score of `best_local_alignment`: equal characters score `match`
/// (boilerplate 0), different ones and `masked_character` score `mismatch`. A functor, so
/// that `local_align` over `char32_t` text is compiled once, in the library.
struct character_score {
  alignment_scoring scoring;
  [[nodiscard]] int operator()(char32_t x, char32_t y) const noexcept {
    if (x != y || x == masked_character) return scoring.mismatch;
    return (x & boilerplate_bit) != 0 ? 0 : scoring.match;
  }
};

/// The column classifier of `best_local_alignment`: masked or different characters are a
/// mismatch, identical boilerplate is neutral, other identical characters a match.
struct character_columns {
  [[nodiscard]] aligned_column operator()(char32_t x, char32_t y) const noexcept {
    if (x != y || x == masked_character) return aligned_column::mismatch;
    return (x & boilerplate_bit) != 0 ? aligned_column::neutral : aligned_column::match;
  }
};

// Compiled once in src/analysis/local_alignment.cpp.
extern template local_alignment local_align<std::span<const char32_t>, std::span<const char32_t>,
                                            character_score, character_columns>(
    const std::span<const char32_t>&, const std::span<const char32_t>&, const character_score&,
    const local_align_options&, const character_columns&);

/// The best local alignment (Smith–Waterman with affine gaps) of two character
/// sequences: `local_align` (kernels/local_align.hpp) with `character_score` and
/// `character_columns`; score 0 and empty ranges when nothing scores. Among equal scores the one
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
