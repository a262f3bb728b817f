// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/span.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace plancmp::inline v0 {

/// A line or passage the parser set aside or found suspicious, with why. Nothing in a
/// document is dropped silently: what is not part of a vertex is a diagnostic.
struct diagnostic {
  std::uint32_t line = 0;  ///< 1-based line in the original file
  span where;
  std::string code;        ///< stable machine-readable reason, e.g. "noise.share", "numbering.gap"
  std::string message;     ///< for people
  friend bool operator==(const diagnostic&, const diagnostic&) = default;
};

}  // namespace plancmp::inline v0
