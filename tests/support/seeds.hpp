// SPDX-License-Identifier: MIT
// Shared helpers for tests: the seed files and small fixtures, located through
// compile definitions, never through the working directory.
#pragma once

#include <plancmp/data.hpp>

#include <string>
#include <vector>

namespace plancmp::test {

inline std::string seeds_dir() { return PLANCMP_SEEDS_DIR; }
inline std::string test_data_dir() { return PLANCMP_TEST_DATA_DIR; }

/// The five seed files, in file-name order.
inline const std::vector<std::string>& seed_names() {
  static const std::vector<std::string> names = {
      "000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt", "002_e22083f13b5790bb.txt",
      "003_53900fa8173cc0f4.txt", "004_b234aa7c753f2ac8.txt"};
  return names;
}
inline std::string seed_path(const std::string& name) { return seeds_dir() + "/" + name; }
inline std::string seed_bytes(const std::string& name) { return read_file(seed_path(name)); }

// Names by role, so tests read like the issue texts.
inline const std::string ningbo_2020 = "000_edee8db098a98e76.txt";
inline const std::string hengshui = "001_e9d616c0cc0faf37.txt";
inline const std::string gansu = "002_e22083f13b5790bb.txt";
inline const std::string district = "003_53900fa8173cc0f4.txt";
inline const std::string ningbo_2017 = "004_b234aa7c753f2ac8.txt";

}  // namespace plancmp::test
