// SPDX-License-Identifier: MIT
// Internal: the vocabulary of the plan JSON field lists (serialize.cpp). Each serialized
// type names its keys once, as a tuple of the descriptors below, and one generic writer
// and one generic reader walk that tuple; adding a key is one line (docs/plan-schema.md,
// "Adding a field"). In the manner of nlohmann's NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE, but
// with the JSON name beside the member (they differ: `where` is written "span") and with
// the few keys that are more than a member spelled out as descriptors of their own.
#pragma once

#include "../detail/json.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::detail {

/// A JSON Pointer (RFC 6901) built on the stack while descending, turned into text only
/// when an error is reported. A child refers to its parent, so a path must not outlive
/// the path it was made from (keep them as named locals, one per level).
struct json_path {
  const json_path* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;

  [[nodiscard]] json_path operator/(std::string_view k) const { return {this, k, 0, false}; }
  [[nodiscard]] json_path operator/(std::size_t i) const { return {this, {}, i, true}; }

  /// "/measures/3/lead/0/span"; the document itself is "/".
  [[nodiscard]] std::string str() const {
    std::vector<const json_path*> chain;
    for (const json_path* p = this; p->parent != nullptr; p = p->parent) chain.push_back(p);
    if (chain.empty()) return "/";
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      out += '/';
      if ((*it)->is_index) {
        out += std::to_string((*it)->index);
        continue;
      }
      out += json_pointer_escape((*it)->key);
    }
    return out;
  }
};

/// Selects a type's field list: `fields(type_tag<section>{})`.
template <typename T>
struct type_tag {};

/// No constraint beyond the member's own type.
struct no_check {};

/// One key holding one member. A key that `may_be_absent` was added after files were
/// first written: when it is missing the member keeps its default (it is always written).
/// `check(object, path, context)` states a constraint between members: the writer calls
/// it before writing the key, the reader after reading it (`Context::reading` tells which).
template <typename T, typename M, typename Check = no_check>
struct field {
  std::string_view name;
  M T::*member;
  bool may_be_absent = false;
  Check check{};
};

template <typename T, typename M>
constexpr field<T, M> key(std::string_view name, M T::*member) {
  return {name, member};
}

/// A key that files of earlier versions lack.
template <typename T, typename M>
constexpr field<T, M> key_or_default(std::string_view name, M T::*member) {
  return {name, member, true};
}

template <typename T, typename M, typename Check>
constexpr field<T, M, Check> checked_key(std::string_view name, M T::*member, Check check) {
  return {name, member, false, check};
}

/// A constant string key that names the format and its version ("schema":
/// "plancmp.plan/1"); the reader refuses any other value, before it reads anything else.
struct version_key {
  std::string_view name;
  std::string_view value;
};

/// An optional struct whose keys stand in the enclosing object (`Fields` is its field
/// list): all null when it is unset, all set otherwise. `what` names the group in the
/// reader's message for a partly null group.
template <typename T, typename R, typename Fields>
struct flat_optional {
  std::optional<R> T::*member;
  Fields fields;
  std::string_view what;
};
// Deduction guides: clang before 17 does not deduce an aggregate's template arguments.
template <typename T, typename R, typename Fields>
flat_optional(std::optional<R> T::*, Fields, std::string_view) -> flat_optional<T, R, Fields>;

/// Keys written for the reader's convenience and ignored on import: `get(object,
/// writer)` returns the struct (with field list `Fields`) whose keys are copied into the
/// enclosing object, or nullptr to write them as null.
template <typename Get, typename Fields>
struct derived_keys {
  Get get;
  Fields fields;
};
template <typename Get, typename Fields>
derived_keys(Get, Fields) -> derived_keys<Get, Fields>;

}  // namespace plancmp::inline v0::detail
