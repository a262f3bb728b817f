// SPDX-License-Identifier: MIT
// Years as plans print them: four ASCII digits before 年 (2025年). The one year scanner of
// the library: deadlines, target years, plan years from titles and table headers, and the
// PMC timeliness evidence all read years through it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace plancmp::inline v0::text::detail {

/// The years a plan can name (from the founding of the PRC to far-off visions).
inline constexpr int earliest_year = 1949;
inline constexpr int latest_year = 2200;

/// A year printed as YYYY年 starting at byte `i` of `s`: the year and the offset after 年.
/// Exactly four digits (a fifth before 年 is another number); nullopt outside
/// [earliest_year, latest_year]. The byte before `i` is the caller's business.
[[nodiscard]] constexpr std::optional<std::pair<int, std::size_t>> year_at(std::string_view s,
                                                                          std::size_t i) noexcept {
  constexpr std::string_view nian = "年";
  if (i > s.size() || s.size() - i < 4 + nian.size()) return std::nullopt;
  int y = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const char c = s[i + k];
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (s.substr(i + 4, nian.size()) != nian) return std::nullopt;
  if (y < earliest_year || y > latest_year) return std::nullopt;
  return std::pair{y, i + 4 + nian.size()};
}

/// The year printed as YYYY年 whose 年 starts at byte `nian` of `s`: four digits before it
/// and no fifth (12025年 is no year); nullopt otherwise, as `year_at`.
[[nodiscard]] constexpr std::optional<int> year_before(std::string_view s, std::size_t nian) noexcept {
  if (nian < 4) return std::nullopt;
  if (nian >= 5 && s[nian - 5] >= '0' && s[nian - 5] <= '9') return std::nullopt;
  if (const auto y = year_at(s, nian - 4)) return y->first;
  return std::nullopt;
}

}  // namespace plancmp::inline v0::text::detail
