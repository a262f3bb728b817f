// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>

#include <fmt/format.h>

namespace plancmp::inline v0 {

std::string error_location::to_string() const {
  std::string out = path.empty() ? std::string("<input>") : path;
  if (line) {
    out += fmt::format(":{}", *line);
    if (column) out += fmt::format(":{}", *column);
    if (byte) out += fmt::format(" (byte {})", *byte);
  } else if (byte) {
    out += fmt::format(": byte {}", *byte);
  }
  return out;
}

error::error(error_location where, const std::string& message)
    : std::runtime_error(where.to_string() + ": " + message),
      where_(std::move(where)),
      message_(message) {}

error::error(const std::string& message) : std::runtime_error(message), message_(message) {}

}  // namespace plancmp::inline v0
