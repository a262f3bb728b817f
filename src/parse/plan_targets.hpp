// SPDX-License-Identifier: MIT
// Target extraction on a plan the parser is still building: its content is not yet set.
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/parse/targets.hpp>
#include <plancmp/text/document.hpp>

#include <vector>

namespace plancmp::inline v0::parse::detail {

/// What `extract_targets` stores into a plan's targets, for a plan whose content is held
/// apart until it is complete (the parser sets it once, so the graph is built once):
/// reads the metadata of `p` (title, body, title span, first_listed_leads) and `content`,
/// not `p`'s own content, and appends `target.conflict` and annex-table diagnostics to
/// `p.diagnostics`.
[[nodiscard]] std::vector<target> plan_targets(const text::document& doc, plan& p,
                                               const plan_content& content,
                                               const target_options& options);

}  // namespace plancmp::inline v0::parse::detail
