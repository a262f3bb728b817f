// SPDX-License-Identifier: MIT
#pragma once

// Tables of plan alignment and its evaluation against the alignment gold. The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/alignment_gold.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// One row per evaluation (pairs, P/R of links, of same, of related); the missed and
/// spurious links in the notes.
[[nodiscard]] table to_table(std::span<const analysis::alignment_evaluation> evaluations);

/// One row per pair (ids, similarity, evidence passage with its spans), then one row per
/// unmatched measure; the overall score in the notes.
[[nodiscard]] table to_table(const analysis::plan_alignment& alignment);

}  // namespace plancmp::inline v0::report
