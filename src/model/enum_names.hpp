// SPDX-License-Identifier: MIT
// Name tables for the model's enums: one array per enum, indexed by the enumerator's
// value, so that to_string and its inverse cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0::detail {

/// The name of `value` in `names` (which lists every enumerator in declaration order).
template <typename Enum, std::size_t N>
[[nodiscard]] constexpr std::string_view enum_name(const std::array<std::string_view, N>& names,
                                                   Enum value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  // An out-of-range value can only come from a cast; answer something printable.
  return i < N ? names[i] : std::string_view("invalid");
}

/// The enumerator named `name`, nullopt if none is.
template <typename Enum, std::size_t N>
[[nodiscard]] constexpr std::optional<Enum> enum_from_name(const std::array<std::string_view, N>& names,
                                                           std::string_view name) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == name) return static_cast<Enum>(i);
  return std::nullopt;
}

inline constexpr std::array<std::string_view, 6> level_names{"unknown", "national", "province",
                                                             "city",    "district", "county"};
inline constexpr std::array<std::string_view, 5> document_kind_names{"plan", "regulation", "notice", "qa",
                                                                     "other"};
inline constexpr std::array<std::string_view, 2> role_names{"lead", "support"};
inline constexpr std::array<std::string_view, 8> section_kind_names{
    "guiding_ideology", "principles", "overall_requirements", "overall_approach", "goals", "tasks",
    "safeguards", "background"};
inline constexpr std::array<std::string_view, 6> comparator_names{
    "reach", "at_least", "not_less_than", "increase_by", "reduce_by", "annual_growth"};
inline constexpr std::array<std::string_view, 10> vertex_kind_names{
    "plan", "section", "measure", "goal", "box", "box_item", "table", "annex", "target", "agency"};
inline constexpr std::array<std::string_view, 5> edge_kind_names{"contains", "lead", "support",
                                                                 "restates", "states"};

/// "a, b, c": the names, for error messages that list what is accepted.
template <std::size_t N>
[[nodiscard]] std::string joined_names(const std::array<std::string_view, N>& names) {
  std::string out;
  for (const std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace plancmp::inline v0::detail
