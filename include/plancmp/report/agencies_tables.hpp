// SPDX-License-Identifier: MIT
#pragma once

// Tables of agency analyses (responsibility matrix, lead load, co-responsibility network, agency functions, resolution). The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// One row per agency, one column per measure; cells "L" (lead), "S" (support) or empty.
[[nodiscard]] table to_table(const analysis::responsibility_matrix& m);

[[nodiscard]] table to_table(const analysis::lead_load& load);

/// One row per vertex: degree, weighted degree, betweenness, component; density and
/// counts as notes.
[[nodiscard]] table to_table(const analysis::co_responsibility_network& net);

/// Columns: function, 职能, id, then "<plan> lead" and "<plan> support" per plan (lead
/// cells link to the first mention), names as printed, notes.
[[nodiscard]] table to_table(const analysis::agency_function_table& t);

/// Every agency of the plans with its resolution: plan, name as printed, id, level,
/// match, confidence, note (the predecessor chain or why it is unknown).
[[nodiscard]] table resolution_table(
    std::span<const plan> plans, const agency_ontology& ontology = agency_ontology::builtin());

}  // namespace plancmp::inline v0::report
