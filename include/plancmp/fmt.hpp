// SPDX-License-Identifier: MIT
// fmt for plancmp's enums: with this header, `fmt::format("{}", analysis::gap_kind::no_lead)`
// prints "no_lead". Each enum has a `format_as` beside it that returns its name; fmt 10 and
// later use it by themselves, but fmt 9 takes `format_as` only for an enum that maps to an
// integer, so for fmt 9 this header adds a formatter for every enum whose `format_as`
// returns a name.
#pragma once

#include <fmt/format.h>

#include <concepts>
#include <string_view>
#include <type_traits>

namespace plancmp::inline v0::detail {

/// An enum with a `format_as` (found by ADL) that returns its name.
template <typename E>
concept named_enum = std::is_enum_v<E> && requires(E e) {
  { format_as(e) } -> std::convertible_to<std::string_view>;
};

}  // namespace plancmp::inline v0::detail

#if FMT_VERSION < 100000
template <plancmp::detail::named_enum E>
struct fmt::formatter<E, char> : fmt::formatter<std::string_view, char> {
  template <typename FormatContext>
  auto format(E value, FormatContext& ctx) const {
    return fmt::formatter<std::string_view, char>::format(format_as(value), ctx);
  }
};
#endif
