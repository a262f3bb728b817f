// SPDX-License-Identifier: MIT
#pragma once

// Tables of policy diffusion (attributions, edges, plans, timelines). The analyses return value types (analysis/); this header turns
// them into `report::table`s, so analysis/ never includes report/ (README "Layers").

#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/report/table.hpp>

#include <cstddef>
#include <span>
#include <vector>

namespace plancmp::inline v0::report {

/// Tables: one row per borrowed measure (with spans), one per edge, one per plan, one
/// per theme adoption.
[[nodiscard]] table attributions_table(const analysis::diffusion_result& d, bool include_novel = false);

[[nodiscard]] table edges_table(const analysis::diffusion_result& d);

[[nodiscard]] table plans_table(const analysis::diffusion_result& d);

[[nodiscard]] table timeline_table(const analysis::diffusion_result& d, std::span<const analysis::theme_adoption> timelines);

}  // namespace plancmp::inline v0::report
