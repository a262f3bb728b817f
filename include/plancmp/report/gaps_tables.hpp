// SPDX-License-Identifier: MIT
#pragma once

// Tables of gaps, vertical alignment and plan diffs. The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/gaps.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// Columns: kind, reference, item, detail, score, reference evidence, subject evidence
/// (both evidence cells carry their file and span).
[[nodiscard]] table to_table(const analysis::gap_report& r);

/// One row per link (carried), per upper measure not carried, per local addition, then per
/// target row; the share carried in the notes.
[[nodiscard]] table to_table(const analysis::vertical_alignment& v);

[[nodiscard]] table to_table(const analysis::plan_diff& d);

}  // namespace plancmp::inline v0::report
