// SPDX-License-Identifier: MIT
#pragma once

// Tables of coding sheets, coder agreement and the learned coder. The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/learned_coder.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// One row per variable and theme: units, both/only/neither counts, κ, α, P, R, F1.
[[nodiscard]] table to_table(const analysis::agreement_report& r);

/// Cross-validated F1 per theme (dictionary vs learned) and the suggestions, as two tables.
[[nodiscard]] std::vector<table> to_tables(const analysis::learning_report& r);

/// The sheet a researcher corrects in a spreadsheet: one row per unit × theme (source, id,
/// text_start, variable, theme, code 1/0, evidence as 「printed」@begin-end, coder, kind
/// automatic|human), ip_related first, then the five stages and the three tool types.
/// `analysis::coding_sheet::from_csv` reads its CSV back.
[[nodiscard]] table to_table(const analysis::coding_sheet& sheet);

}  // namespace plancmp::inline v0::report
