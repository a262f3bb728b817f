// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>

#include "detail/json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>

namespace plancmp::inline v0 {

std::string_view builtin_data(std::string_view name) {
  for (const auto& f : detail::embedded_files()) {
    if (f.name == name) return f.bytes;
  }
  std::string known;
  for (const auto& n : builtin_data_names()) known += (known.empty() ? "" : ", ") + n;
  throw usage_error(fmt::format("no built-in data file named '{}'; known files: {}", name, known));
}

std::vector<std::string> builtin_data_names() {
  std::vector<std::string> names;
  for (const auto& f : detail::embedded_files()) names.emplace_back(f.name);
  std::sort(names.begin(), names.end());
  return names;
}

namespace detail {

const nlohmann::json& builtin_json(std::string_view name) {
  // Node-based map: a parsed file stays where it is while others are added.
  static std::mutex mutex;
  static std::map<std::string, nlohmann::json, std::less<>> parsed;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = parsed.find(name); it != parsed.end()) return it->second;
  const std::string_view bytes = builtin_data(name);
  return parsed.emplace(std::string(name), parse_json(bytes, fmt::format("{} (built-in)", name))).first->second;
}

}  // namespace detail

void check_input_size(std::size_t size, std::size_t max_bytes, const std::string& path) {
  if (size <= max_bytes) return;
  throw usage_error(error_location::file(path),
                    fmt::format("file is larger than the input limit of {} bytes; raise the limit "
                                "(--max-input-size, read_options::max_input_bytes) if this is intended",
                                max_bytes));
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  const auto where = error_location::file(path);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    throw io_error(where, fmt::format("cannot open file: {}; check the path and its permissions",
                                      std::strerror(errno)));
  }
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    if (n == 0) break;
    check_input_size(bytes.size() + n, max_bytes, path);
    bytes.append(buffer, n);
  }
  if (std::ferror(file.get())) {
    throw io_error(where, fmt::format("read failed: {}", std::strerror(errno)));
  }
  return bytes;
}

}  // namespace plancmp::inline v0
