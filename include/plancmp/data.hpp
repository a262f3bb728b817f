// SPDX-License-Identifier: MIT
#pragma once

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

/// Reads a whole file as bytes. Throws `io_error` naming the file when it cannot be
/// read, and `usage_error` when it is larger than `max_bytes`.
std::string read_file(const std::string& path, std::size_t max_bytes = std::size_t(1) << 32);

/// A seed plan bundled with the library (the five files of `seeds/`).
struct builtin_seed {
  std::string_view name;   ///< file name, e.g. "000_edee8db098a98e76.txt"
  std::string_view bytes;  ///< the file, byte-for-byte
};
/// The bundled seed plans, in file-name order. Commands run on them when given no files.
const std::vector<builtin_seed>& builtin_seeds();

namespace detail {
struct embedded_file {
  std::string_view name;
  std::string_view bytes;
};
const std::vector<embedded_file>& embedded_files();
const std::vector<embedded_file>& embedded_seeds();
}  // namespace detail

}  // namespace plancmp::inline v0
