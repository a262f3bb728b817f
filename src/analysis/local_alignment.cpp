// SPDX-License-Identifier: MIT
#include <plancmp/analysis/local_alignment.hpp>

#include <algorithm>
#include <vector>

namespace plancmp::inline v0::analysis {
template local_alignment local_align<std::span<const char32_t>, std::span<const char32_t>,
                                     character_score, character_columns>(
    const std::span<const char32_t>&, const std::span<const char32_t>&, const character_score&,
    const local_align_options&, const character_columns&);

local_alignment best_local_alignment(std::span<const char32_t> a, std::span<const char32_t> b,
                                     const alignment_scoring& s) {
  return local_align(a, b, character_score{s}, {.gap_open = s.gap_open, .gap_extend = s.gap_extend},
                     character_columns{});
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
