// SPDX-License-Identifier: MIT
// Internal: reading the project's JSON data files (ontology, coding schemes, PMC model)
// with errors that name the file and the JSON Pointer of the offending value.
#pragma once

#include <plancmp/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0::detail {

/// Throws `schema_error` "<origin>: <pointer>: <what>".
[[noreturn]] inline void schema_fail(const std::string& origin, const std::string& pointer, const std::string& what) {
  throw schema_error({origin, {}, {}, {}}, fmt::format("{}: {}", pointer.empty() ? "/" : pointer, what));
}

/// Parses JSON text; malformed JSON is a `schema_error` naming the file and byte.
inline nlohmann::json parse_json(std::string_view text, const std::string& origin) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw schema_error({origin, e.byte == 0 ? std::nullopt : std::optional<std::uint64_t>(e.byte - 1), {}, {}},
                       fmt::format("malformed JSON ({}); fix the file", e.what()));
  }
}

/// The string under `key` of object `j` (at JSON Pointer `at`); "" when absent and not required.
inline std::string json_string(const nlohmann::json& j, const std::string& origin, const std::string& at,
                               const char* key, bool required = true) {
  const auto it = j.find(key);
  if (it == j.end()) {
    if (required) schema_fail(origin, at, fmt::format("missing key \"{}\"", key));
    return {};
  }
  if (!it->is_string()) schema_fail(origin, at + "/" + key, "must be a string");
  return it->get<std::string>();
}

}  // namespace plancmp::inline v0::detail
