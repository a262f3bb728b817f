// SPDX-License-Identifier: MIT
// The five seed plans of seeds/, compiled into the programs that run on them when given no
// files: the plancmp CLI, the Python module (plancmp.seeds()) and the benchmarks. This is
// the static library `plancmp_seeds`, linked by those programs only; it is not part of
// libplancmp, not installed, and the library holds no corpus of its own: a library function
// that reads `seeds/<file>` (parse::read_gold_source) takes the seeds from its caller
// (parse::gold_folders::seed_files).
#pragma once

#include <plancmp/data.hpp>
#include <plancmp/parse/fidelity.hpp>

#include <vector>

namespace plancmp::inline v0 {

/// The seed plans, in file-name order: name "000_edee8db098a98e76.txt" and the file's bytes.
const std::vector<parse::memory_file>& bundled_seeds();

namespace detail {
/// Generated from seeds/*.txt (cmake/plancmpEmbed.cmake), in glob order.
const std::vector<embedded_file>& embedded_seeds();
}  // namespace detail

}  // namespace plancmp::inline v0
