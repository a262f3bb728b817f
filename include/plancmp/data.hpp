// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0 {

/// The built-in data files (`data/*.json` in the source tree), compiled into the
/// library as its defaults.
///
///     std::string_view lexicon = plancmp::builtin_data("lexicon.json");
///
/// Throws `usage_error` naming the known files when `name` is not one of them.
std::string_view builtin_data(std::string_view name);

/// Names of all built-in data files, sorted.
std::vector<std::string> builtin_data_names();

/// The default limit on the size of one input file: 2 GiB. Offset maps hold 32-bit
/// offsets per byte, so a 2 GiB input already needs well over 10 GiB of memory; set a
/// lower limit (`read_options::max_input_bytes`, `plancmp --max-input-size`) on shared
/// machines. See docs/robustness.md.
inline constexpr std::size_t default_max_input_bytes = std::size_t(1) << 31;

/// Throws `usage_error` naming `path` when `size` exceeds `max_bytes`:
/// "<path>: file is larger than the input limit of M bytes; raise the limit
/// (--max-input-size, read_options::max_input_bytes) if this is intended".
void check_input_size(std::size_t size, std::size_t max_bytes, const std::string& path);

/// Reads a whole file as bytes. Throws `io_error` naming the file when it cannot be
/// read, and `usage_error` (`check_input_size`) when it is larger than `max_bytes`,
/// before reading more than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes = default_max_input_bytes);

namespace detail {
struct embedded_file {
  std::string_view name;
  std::string_view bytes;
};
const std::vector<embedded_file>& embedded_files();
}  // namespace detail

}  // namespace plancmp::inline v0
