// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace plancmp::inline v0 {

/// Where an error happened: a file, and a byte offset and/or a 1-based line and column.
/// Every member is optional; `to_string()` prints what is known as `file:line:col` or
/// `file: byte N`.
struct error_location {
  std::string path;                     ///< file name as given by the user, or "<bytes>"
  std::optional<std::uint64_t> byte;    ///< byte offset into the original file
  std::optional<std::uint32_t> line;    ///< 1-based line
  std::optional<std::uint32_t> column;  ///< 1-based column (characters, not bytes)

  /// A whole file, no place in it:
  ///
  ///     throw plancmp::parse_error(plancmp::error_location::file(path), "not a readable PDF");
  [[nodiscard]] static error_location file(std::string path) {
    return {std::move(path), std::nullopt, std::nullopt, std::nullopt};
  }

  [[nodiscard]] std::string to_string() const;
};

/// Base of every exception plancmp throws. `what()` reads
/// `"<where>: <what is wrong>; <what to do>"`.
class error : public std::runtime_error {
 public:
  error(error_location where, const std::string& message);
  explicit error(const std::string& message);

  [[nodiscard]] const error_location& where() const noexcept { return where_; }
  /// The message without the location prefix.
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  error_location where_;
  std::string message_;
};

/// Bytes that are not valid in the detected or declared encoding, or an unreadable file.
class decode_error : public error {
 public:
  using error::error;
};

/// A document or a data file whose structure cannot be read.
class parse_error : public error {
 public:
  using error::error;
};

/// A JSON or YAML file (plan, coding scheme, ontology) that does not follow its schema.
class schema_error : public error {
 public:
  using error::error;
};

/// A caller or command-line mistake: bad option, missing file, inconsistent arguments.
class usage_error : public error {
 public:
  using error::error;
};

/// A file that cannot be opened, read or written.
class io_error : public error {
 public:
  using error::error;
};

}  // namespace plancmp::inline v0
