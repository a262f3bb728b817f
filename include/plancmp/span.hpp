// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace plancmp::inline v0 {

/// A half-open range `[begin, end)` of byte offsets into the *original* file, before
/// decoding and normalization. Every extracted fact carries one, so that a reader can
/// go from any table cell back to the bytes it came from.
struct span {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;

  [[nodiscard]] constexpr std::uint64_t size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return end == begin; }
  [[nodiscard]] constexpr bool contains(const span& other) const noexcept {
    return begin <= other.begin && other.end <= end;
  }
  friend constexpr bool operator==(const span&, const span&) = default;
  friend constexpr auto operator<=>(const span&, const span&) = default;
};

}  // namespace plancmp::inline v0
