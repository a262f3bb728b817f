// SPDX-License-Identifier: MIT
#include "bundled_seeds.hpp"

#include <algorithm>

namespace plancmp::inline v0 {

const std::vector<parse::memory_file>& bundled_seeds() {
  static const std::vector<parse::memory_file> seeds = [] {
    std::vector<parse::memory_file> out;
    for (const auto& f : detail::embedded_seeds()) out.push_back({f.name, f.bytes});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
  }();
  return seeds;
}

}  // namespace plancmp::inline v0
