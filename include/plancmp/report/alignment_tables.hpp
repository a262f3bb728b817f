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

/// Where the measures left without a counterpart go: one row each (tables, CSV, workbooks),
/// or one note per side listing their ids (the HTML report, where every pair of plans has a
/// table and a row per unmatched measure would grow with the plans' length, not the findings).
enum class unmatched_listing { rows, note };

/// One row per pair (ids, similarity, evidence passage with its spans), then the unmatched
/// measures as `unmatched` says; the overall score in the notes.
[[nodiscard]] table to_table(const analysis::plan_alignment& alignment,
                             unmatched_listing unmatched = unmatched_listing::rows);

}  // namespace plancmp::inline v0::report
