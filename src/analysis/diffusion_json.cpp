// SPDX-License-Identifier: MIT
// diffusion_result ⇄ JSON, one field list per type (nlohmann's macros serve both ways).
#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& o) {
    if (o) {
      j = *o;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& o) {
    if (j.is_null()) {
      o.reset();
    } else {
      o = j.get<T>();
    }
  }
};
}  // namespace nlohmann

namespace plancmp::inline v0 {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(span, begin, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(date, year, month, day)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(jurisdiction, name, admin_level, evidence)

namespace analysis {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(local_alignment, a_begin, a_end, b_begin, b_end, score, matches, neutral, mismatches,
                                   gaps)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(borrowed_passage, alignment, where, source_where, text, source_text)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(measure_attribution, plan, measure, id, grade, source_plan, source_measure, source_id,
                                   relation, characters, identical, coverage, reinvention, localized,
                                   localized_characters, added_targets, dropped_clauses, added_clauses,
                                   plausible_sources, passages)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(diffusion_edge, source, target, copied, adapted, relation)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(plan_diffusion, measures, novel, adapted, copied, originality, influence, borrowers)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(diffusion_plan, label, issued, period_start, place, province)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(diffusion_result, plans, files, attributions, edges, per_plan, frequent_boilerplate,
                                   candidate_pairs, rows)

std::string diffusion_to_json(const diffusion_result& d) { return nlohmann::json(d).dump(); }

diffusion_result diffusion_from_json(std::string_view json) {
  try {
    return nlohmann::json::parse(json).get<diffusion_result>();
  } catch (const nlohmann::json::exception& e) {
    throw usage_error(fmt::format("diffusion_from_json: not a diffusion result ({}); pass what diffusion_to_json wrote",
                                  e.what()));
  }
}
}  // namespace analysis
}  // namespace plancmp::inline v0
