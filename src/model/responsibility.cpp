// SPDX-License-Identifier: MIT
#include <plancmp/model/responsibility.hpp>

#include "enum_names.hpp"

namespace plancmp::inline v0 {

static_assert(static_cast<std::size_t>(role::support) + 1 == detail::role_names.size());

std::string_view to_string(role r) noexcept { return detail::enum_name(detail::role_names, r); }

std::optional<role> parse_role(std::string_view name) noexcept {
  return detail::enum_from_name<role>(detail::role_names, name);
}

}  // namespace plancmp::inline v0
