// SPDX-License-Identifier: MIT
#pragma once

// Tables of coverage matrices, tools × chain, target and agency coverage. The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/coverage.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// Themes as rows, plans as columns. Evidence cells carry the source and span of their
/// first piece of evidence.
[[nodiscard]] table to_table(const analysis::coverage_matrix& m, analysis::coverage_view view);

[[nodiscard]] table to_table(const analysis::coverage_difference& d);

/// One table: plan `plan` (or the sum with `plan` = npos) with a total column and row,
/// and each cell's share of the grand total of top-level rows.
[[nodiscard]] table to_table(const analysis::tools_by_chain& t, std::size_t plan);

[[nodiscard]] table to_table(const analysis::target_coverage& c);

/// Cells "lead/support" (e.g. "3/5"), empty where both are 0.
[[nodiscard]] table to_table(const analysis::agency_coverage& c);

}  // namespace plancmp::inline v0::report
