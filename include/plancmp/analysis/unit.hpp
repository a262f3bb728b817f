// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace plancmp::inline v0::analysis {

/// Which element of a plan an analysed text unit is: a measure (措施), a goal (目标) or
/// an item of a 专栏 box. Shared by tagging, vectorizing and alignment.
enum class unit_kind { measure, goal, box_item };

/// "measure", "goal", "box_item".
[[nodiscard]] constexpr std::string_view to_string(unit_kind k) noexcept {
  switch (k) {
    case unit_kind::measure: return "measure";
    case unit_kind::goal: return "goal";
    case unit_kind::box_item: return "box_item";
  }
  return "measure";
}

}  // namespace plancmp::inline v0::analysis
