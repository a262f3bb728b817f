// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/report/comparison.hpp>
#include <plancmp/report/html_report.hpp>

#include <optional>
#include <span>

namespace plancmp::inline v0::report {

/// The report's diffusion section (政策扩散, id `diffusion`): with two or more dated plans,
/// `analysis::attribute_measures` over them, shown as an adoption timeline figure
/// (themes of the value chain × years, cumulative adopting plans), the diffusion network
/// (a source × borrower matrix of borrowed measures, and with `draw_network` the DOT
/// drawing through Graphviz when installed), and the tables of plans (originality,
/// influence), edges, borrowed measures and timelines. nullopt with fewer than two dated
/// plans: nothing to order.
///
///     if (auto s = report::diffusion_section(inputs)) options.extra_sections.push_back(*s);
[[nodiscard]] std::optional<report_section> diffusion_section(std::span<const source_plan> inputs,
                                                              bool draw_network = true);

}  // namespace plancmp::inline v0::report
