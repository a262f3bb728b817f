// SPDX-License-Identifier: MIT
#pragma once

// Tables of the PMC index (scores, detail, sensitivity, surface). The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/pmc.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// First-level scores (rows) × plans, then PMC and grade.
[[nodiscard]] table to_table(std::span<const analysis::pmc_result> results, const analysis::pmc_model& model);

/// Second-level variables (rows) × plans: 0/1, each 1 linked to its evidence's bytes.
[[nodiscard]] table detail_table(std::span<const analysis::pmc_result> results, const analysis::pmc_model& model);

/// Sensitivity of grades to the design: plans (rows) × designs (PMC, grade, domain share).
/// `results[d]` are the results of every plan under `designs[d]`, plans in the same order.
[[nodiscard]] table sensitivity_table(std::span<const std::vector<analysis::pmc_result>> results,
                                              std::span<const analysis::pmc_model* const> designs);

/// The PMC surface matrix of one plan.
[[nodiscard]] table surface_table(const analysis::pmc_result& result, const analysis::pmc_model& model);

}  // namespace plancmp::inline v0::report
