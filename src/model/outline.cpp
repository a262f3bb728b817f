// SPDX-License-Identifier: MIT
#include <plancmp/model/outline.hpp>

#include "enum_names.hpp"

namespace plancmp::inline v0 {

static_assert(static_cast<std::size_t>(section_kind::background) + 1 ==
              detail::section_kind_names.size());

std::string_view to_string(section_kind k) noexcept {
  return detail::enum_name(detail::section_kind_names, k);
}

std::optional<section_kind> parse_section_kind(std::string_view name) noexcept {
  return detail::enum_from_name<section_kind>(detail::section_kind_names, name);
}

bool holds_goals(section_kind k) noexcept {
  // 指导思想, 基本原则, 总体要求/思路 and 发展目标 state aims rather than assign work:
  // their numbered units have no responsibility clause and are read as goals.
  // Safeguards (保障措施) do assign work to agencies, so they hold measures like tasks.
  switch (k) {
    case section_kind::guiding_ideology:
    case section_kind::principles:
    case section_kind::overall_requirements:
    case section_kind::overall_approach:
    case section_kind::goals:
      return true;
    case section_kind::tasks:
    case section_kind::safeguards:
    case section_kind::background:  // context: neither goals nor measures
      return false;
  }
  return false;
}

}  // namespace plancmp::inline v0
