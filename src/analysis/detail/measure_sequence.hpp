// SPDX-License-Identifier: MIT
// A measure's simplified text as an alignable character sequence with boilerplate marked,
// shared by text reuse (reuse.cpp) and diffusion (diffusion.cpp).
#pragma once

#include <plancmp/analysis/local_alignment.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/document.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plancmp::inline v0::analysis::detail {

/// The first offset of the derived string, at a character boundary of `derived`, that
/// maps to `source` or later (`offset_map::to_source` never decreases).
inline std::size_t derived_offset(const text::offset_map& map, std::string_view derived,
                           std::size_t source) {
  std::size_t low = 0;
  std::size_t high = map.derived_size();
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (map.to_source(mid) < source) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  while (low < derived.size() && (static_cast<unsigned char>(derived[low]) & 0xC0U) == 0x80U) ++low;
  return low;
}

inline bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\n' || c == U'\r' || c == U'\t' || c == U'\u3000' || c == U'\u00A0';
}

/// A measure's simplified text as an alignable sequence: one entry per non-space
/// character, with its byte range in `document::simplified`; boilerplate marked.
struct measure_sequence {
  std::vector<char32_t> characters;
  std::vector<std::size_t> begins;
  std::vector<std::size_t> ends;
};

inline measure_sequence sequence_of(const text::document& doc, const measure& m,
                             const std::vector<std::string>& phrases, bool mask_clause) {
  const std::string_view simplified = doc.simplified;
  const std::size_t begin = derived_offset(doc.simplified_to_original, simplified, m.where.begin);
  const std::size_t end = derived_offset(doc.simplified_to_original, simplified, m.where.end);
  measure_sequence s;
  for (std::size_t at = begin; at < end;) {
    const std::size_t start = at;
    const char32_t c = text::detail::next_code_point(simplified, at);
    if (is_space(c)) continue;
    s.characters.push_back(c == text::detail::invalid_code_point ? masked_character : c);
    s.begins.push_back(start);
    s.ends.push_back(at);
  }
  // Byte ranges of `simplified` to mark as boilerplate.
  std::vector<std::pair<std::size_t, std::size_t>> marks;
  const std::string_view body = simplified.substr(begin, end - begin);
  for (const std::string& phrase : phrases) {
    if (phrase.empty()) continue;
    for (std::size_t at = body.find(phrase); at != std::string_view::npos;
         at = body.find(phrase, at + phrase.size()))
      marks.emplace_back(begin + at, begin + at + phrase.size());
  }
  if (mask_clause && !m.clause.empty()) {
    const std::string_view printed = doc.printed;
    const std::size_t pb = derived_offset(doc.printed_to_original, printed, m.where.begin);
    const std::size_t pe = derived_offset(doc.printed_to_original, printed, m.where.end);
    const std::size_t at = printed.substr(pb, pe - pb).rfind(m.clause);
    if (at != std::string_view::npos) {
      marks.emplace_back(derived_offset(doc.simplified_to_printed, simplified, pb + at),
                         derived_offset(doc.simplified_to_printed, simplified, pb + at + m.clause.size()));
    }
  }
  for (const auto& [mb, me] : marks) {
    const auto first = std::lower_bound(s.begins.begin(), s.begins.end(), mb) - s.begins.begin();
    for (auto k = static_cast<std::size_t>(first); k < s.begins.size() && s.ends[k] <= me; ++k)
      if (s.characters[k] != masked_character) s.characters[k] |= boilerplate_bit;
  }
  return s;
}

/// Calls `visit(start, hash)` for every run of `q` characters with no boilerplate in it.
template <class Visit>
void for_each_clean_run(const measure_sequence& s, std::size_t q, Visit visit) {
  if (q == 0 || s.characters.size() < q) return;
  for (std::size_t i = 0; i + q <= s.characters.size(); ++i) {
    std::uint64_t h = 1469598103934665603ULL;
    bool clean = true;
    for (std::size_t k = i; k < i + q && clean; ++k) {
      const char32_t c = s.characters[k];
      clean = c != masked_character && (c & boilerplate_bit) == 0;
      h = (h ^ c) * 1099511628211ULL;
    }
    if (clean) visit(i, h);
  }
}

/// Hashes of every run of `q` characters with no boilerplate in it, sorted, distinct.
inline std::vector<std::uint64_t> seeds_of(const measure_sequence& s, std::size_t q) {
  std::vector<std::uint64_t> out;
  for_each_clean_run(s, q, [&](std::size_t, std::uint64_t h) { out.push_back(h); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace plancmp::inline v0::analysis::detail
