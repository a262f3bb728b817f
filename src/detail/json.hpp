// SPDX-License-Identifier: MIT
// Internal: the one JSON reader of the library. Every JSON file plancmp reads — built-in
// and user data files (ontology, coding schemes, PMC designs, lexicon, noise rules,
// indicators), plans, gold annotations — goes through `parse_json`, so malformed JSON,
// nesting too deep and duplicate keys give one error style everywhere:
// "<file>: byte N: malformed JSON (...); fix the file". Built-in data files are parsed once
// (`builtin_json`). Schema errors name the file and the JSON Pointer (`schema_fail`).
#pragma once

#include <plancmp/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <utility>
#include <vector>
#include <string>
#include <string_view>

namespace plancmp::inline v0::detail {

/// Throws `schema_error` "<origin>: <pointer>: <what>".
[[noreturn]] inline void schema_fail(const std::string& origin, const std::string& pointer, const std::string& what) {
  throw schema_error(error_location::file(origin), fmt::format("{}: {}", pointer.empty() ? "/" : pointer, what));
}

/// A key as a JSON Pointer reference token (RFC 6901): `~` → `~0`, `/` → `~1`.
inline std::string json_pointer_escape(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

/// A SAX handler for nlohmann::json::sax_parse that builds the DOM like nlohmann's own
/// builder, but stops at `max_depth` nested containers (before the deeper part is built)
/// and at duplicate keys (nlohmann would keep the last one silently), recording why.
/// nlohmann's parser itself is iterative; the bound protects memory and the recursive
/// readers downstream.
class bounded_dom_builder {
 public:
  using json = nlohmann::json;

  /// `depth_note` ends the too-deep message, e.g. "a plan file nests 6".
  bounded_dom_builder(std::size_t max_depth, std::string depth_note)
      : max_depth_(max_depth), depth_note_(std::move(depth_note)) {}

  /// Parses `text` (strict JSON); false on the first problem, with `error()` and, for
  /// malformed JSON, `error_byte()` and `parser_message()` set.
  bool parse(std::string_view text) {
    const bool ok = json::sax_parse(text.data(), text.data() + text.size(), this, json::input_format_t::json,
                                    /*strict=*/true);
    if (ok && error_.empty()) return true;
    if (error_.empty()) error_ = "invalid JSON";
    return false;
  }

  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  bool null() { return place(json(nullptr)); }
  bool boolean(bool v) { return place(json(v)); }
  bool number_integer(number_integer_t v) { return place(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return place(json(v)); }
  bool number_float(number_float_t v, const string_t& /*text*/) { return place(json(v)); }
  bool string(string_t& v) { return place(json(std::move(v))); }
  bool binary(binary_t& v) { return place(json::binary(std::move(v))); }

  bool start_object(std::size_t /*size*/) { return open(json::object()); }
  bool start_array(std::size_t /*size*/) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& k) {
    frame& f = frames_.back();
    auto& members = f.value->get_ref<json::object_t&>();
    if (members.find(k) != members.end()) {
      const std::string object = pointer(false);
      error_ = fmt::format("{}{}{}: duplicate key; a key may appear once per object", object,
                           object == "/" ? "" : "/", escaped(k));
      return false;
    }
    f.key = std::move(k);
    f.slot = &members[f.key];
    return true;
  }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::json::exception& ex) {
    // nlohmann's what() starts with "[json.exception.parse_error.101] "; keep the rest.
    std::string_view what = ex.what();
    if (const auto close = what.find("] ");
        what.starts_with("[json.exception.") && close != std::string_view::npos)
      what.remove_prefix(close + 2);
    error_ = fmt::format("invalid JSON: {}", what);
    parser_message_ = ex.what();
    error_byte_ = position;
    return false;
  }

  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  [[nodiscard]] std::optional<std::uint64_t> error_byte() const noexcept { return error_byte_; }
  [[nodiscard]] json& root() noexcept { return root_; }
  /// nlohmann's own message for malformed JSON ("" otherwise).
  [[nodiscard]] const std::string& parser_message() const noexcept { return parser_message_; }

 private:
  struct frame {
    json* value = nullptr;  // the open object or array
    std::string key;        // objects: the key of the member being read
    json* slot = nullptr;   // objects: where that member's value goes
  };

  // Pointers into the DOM stay valid: a container only grows while it is the innermost
  // open one, and std::map (objects) never moves its elements.
  json* place(json&& v) {
    if (frames_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    frame& f = frames_.back();
    if (f.value->is_array()) {
      f.value->push_back(std::move(v));
      return &f.value->back();
    }
    *f.slot = std::move(v);
    return f.slot;
  }

  bool open(json&& container) {
    if (frames_.size() >= max_depth_) {
      error_ = fmt::format("{}: JSON nested deeper than {} levels; {}", pointer(true), max_depth_, depth_note_);
      return false;
    }
    json* c = place(std::move(container));
    frames_.push_back(frame{c, {}, nullptr});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }

  static std::string escaped(std::string_view key) { return json_pointer_escape(key); }

  /// The pointer of the value being read; `next` for a value not yet placed in the
  /// innermost array (its index is the array's current size).
  [[nodiscard]] std::string pointer(bool next) const {
    std::string out;
    for (std::size_t i = 0; i < frames_.size(); ++i) {
      const frame& f = frames_[i];
      if (f.value->is_array()) {
        const std::size_t n = f.value->size();
        const bool innermost = i + 1 == frames_.size();
        out += "/" + std::to_string(innermost && next ? n : n - 1);
      } else if (i + 1 < frames_.size() || next) {
        out += "/" + escaped(f.key);
      }
    }
    return out.empty() ? std::string("/") : out;
  }

  std::size_t max_depth_;
  std::string depth_note_;
  json root_;
  std::vector<frame> frames_;
  std::string parser_message_;
  std::string error_;
  std::optional<std::uint64_t> error_byte_;
};

/// Deepest nesting accepted in a data file (ontology, coding scheme, PMC model); they
/// nest at most a dozen levels.
inline constexpr std::size_t max_data_json_depth = 64;

/// Parses JSON text; malformed JSON is a `schema_error` naming the file and byte, and so
/// are nesting deeper than `max_data_json_depth` and a duplicate key (naming the pointer).
inline nlohmann::json parse_json(std::string_view text, const std::string& origin) {
  bounded_dom_builder builder(max_data_json_depth, "data files nest a dozen levels at most");
  if (builder.parse(text)) return std::move(builder.root());
  if (!builder.parser_message().empty()) {
    const std::uint64_t byte = *builder.error_byte();
    throw schema_error({origin, byte == 0 ? std::nullopt : std::optional<std::uint64_t>(byte - 1), {}, {}},
                       fmt::format("malformed JSON ({}); fix the file", builder.parser_message()));
  }
  throw schema_error(error_location::file(origin), builder.error());
}

/// The built-in data file `name` (`data/*.json`), parsed by `parse_json` on first use and
/// kept: every reader of one file shares one parse. Origin in errors: "<name> (built-in)".
/// Throws `usage_error` for an unknown name (`builtin_data`).
const nlohmann::json& builtin_json(std::string_view name);

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
