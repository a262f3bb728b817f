// SPDX-License-Identifier: MIT
#include <plancmp/model/target.hpp>

#include "enum_names.hpp"

namespace plancmp::inline v0 {

static_assert(static_cast<std::size_t>(comparator::annual_growth) + 1 ==
              detail::comparator_names.size());

std::string_view to_string(comparator c) noexcept {
  return detail::enum_name(detail::comparator_names, c);
}

std::optional<comparator> parse_comparator(std::string_view name) noexcept {
  return detail::enum_from_name<comparator>(detail::comparator_names, name);
}

}  // namespace plancmp::inline v0
