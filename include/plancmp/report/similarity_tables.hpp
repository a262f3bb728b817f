// SPDX-License-Identifier: MIT
#pragma once

// Tables of plan × plan similarity matrices. The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/similarity.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// Plans as rows and columns, scores with three decimals, n/a where missing; the
/// weighting in the notes.
[[nodiscard]] table to_table(const analysis::plan_matrix& m);

}  // namespace plancmp::inline v0::report
