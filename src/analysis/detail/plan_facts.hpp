// SPDX-License-Identifier: MIT
// Facts about a plan that several analyses need to tell missing data from zero.
#pragma once

#include <algorithm>

#include <plancmp/model/plan.hpp>

namespace plancmp::inline v0::analysis::detail {

/// Whether the plan names any responsible unit at all: a plan that names none has no agency
/// data (n/a), which is not the same as sharing no agency with another plan.
[[nodiscard]] inline bool names_agencies(const plan& p) {
  return std::any_of(p.measures().begin(), p.measures().end(),
                     [](const measure& m) { return !m.lead.empty() || !m.support.empty(); });
}

}  // namespace plancmp::inline v0::analysis::detail
