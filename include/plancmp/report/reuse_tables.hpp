// SPDX-License-Identifier: MIT
#pragma once

// Tables of text reuse between plans. The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/reuse.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// One row per passage: measures, length, identity, score and both texts, each text cell
/// carrying its file and span.
[[nodiscard]] table to_table(const analysis::reuse_report& r);

}  // namespace plancmp::inline v0::report
