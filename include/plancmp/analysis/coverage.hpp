// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/tagging.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/plan.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0::analysis {

/// One piece of evidence for a table cell: which unit, which keyword, which bytes.
struct cell_evidence {
  std::string source;  ///< the plan's file
  std::string unit;    ///< measure or goal id (target: its indicator)
  match_evidence match;
  friend bool operator==(const cell_evidence&, const cell_evidence&) = default;
};

struct coverage_options {
  bool include_goals = false;  ///< count goals as well as measures
  std::size_t top_k = 3;       ///< evidence kept per cell
};

/// Plan × theme coverage (覆盖度) for one scheme: how many measures of each plan carry
/// each theme, their share of the plan's measures, and the strongest evidence per cell.
///
///     auto m = plancmp::analysis::compute_coverage(plans, taggings, scheme);
///     m.counts[0][*scheme.find("protection")];
struct coverage_matrix {
  std::string scheme;                       ///< scheme id
  std::vector<std::string> plans;           ///< plan labels
  std::vector<std::string> sources;         ///< plan files
  std::vector<std::string> themes;          ///< display names, scheme order (all themes)
  std::vector<int> depths;                  ///< per theme
  std::vector<std::size_t> units;           ///< per plan: units counted (the shares' denominator)
  std::vector<std::vector<std::size_t>> counts;  ///< [plan][theme] units labelled
  std::vector<std::vector<double>> shares;       ///< [plan][theme] counts / units (0 with no units)
  std::vector<std::vector<std::vector<cell_evidence>>> top;  ///< [plan][theme] ≤ top_k, highest scores first

  [[nodiscard]] bool present(std::size_t plan, std::size_t theme) const { return counts.at(plan).at(theme) > 0; }
};

/// `taggings[i]` must be the tagging of `plans[i]` against `scheme`.
[[nodiscard]] coverage_matrix compute_coverage(std::span<const plan> plans, std::span<const plan_tagging> taggings,
                                               const coding_scheme& scheme, const coverage_options& options = {});

/// Which numbers a coverage table shows.
enum class coverage_view { counts, shares, presence, evidence };
/// Parses "counts", "shares", "presence", "evidence"; throws `usage_error`.
[[nodiscard]] coverage_view parse_coverage_view(std::string_view name);

/// `part / whole`, 0 when `whole` is 0: a coverage share (measures carrying a theme of a
/// plan's measures; a table's total of the grand total).
[[nodiscard]] constexpr double share(std::size_t part, std::size_t whole) noexcept {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

/// Theme-by-theme difference between two plans of a coverage matrix.
struct coverage_difference {
  std::string scheme;
  std::string plan_a, plan_b;
  std::vector<std::string> themes;
  std::vector<std::size_t> count_a, count_b;
  std::vector<double> share_a, share_b;
  std::vector<double> share_difference;  ///< share_b − share_a
  std::vector<std::string> only_in;       ///< "a", "b" or "" (both or neither)
};
[[nodiscard]] coverage_difference compare_coverage(const coverage_matrix& m, std::size_t a, std::size_t b);

/// The two-dimensional table of the policy-tool literature: policy tools (rows: each
/// top-level tool type followed by its sub-tools) × value-chain stages (columns: the
/// top-level themes of the chain scheme). A measure adds one to every (tool, stage) pair
/// it carries; a top-level row counts measures carrying any of its sub-tools once.
struct tools_by_chain {
  std::vector<std::string> plans;     ///< plan labels; the summed table is `summed`
  std::vector<std::string> rows;      ///< tool display names
  std::vector<int> row_depths;        ///< 0 for tool types, 1 for sub-tools
  std::vector<std::string> columns;   ///< value-chain stage display names
  std::vector<std::vector<std::vector<std::size_t>>> cells;  ///< [plan][row][column]
  std::vector<std::vector<std::size_t>> summed;              ///< [row][column] over plans
};
/// `tools[i]` and `chain[i]` are the taggings of plan i against the two schemes.
[[nodiscard]] tools_by_chain compute_tools_by_chain(std::span<const plan_tagging> tools,
                                                    const coding_scheme& tools_scheme,
                                                    std::span<const plan_tagging> chain,
                                                    const coding_scheme& chain_scheme);

/// Which themes a plan quantifies: its targets tagged by their indicator text.
struct target_coverage {
  std::string scheme;
  std::vector<std::string> plans;
  std::vector<std::string> themes;
  std::vector<std::size_t> targets;                  ///< per plan
  std::vector<std::vector<std::size_t>> counts;      ///< [plan][theme] targets
  std::vector<std::vector<std::vector<cell_evidence>>> top;
};
[[nodiscard]] target_coverage compute_target_coverage(std::span<const plan> plans, const tagger& t,
                                                      std::size_t top_k = 3);

/// Which canonical agencies carry each theme: measures an agency leads or supports that
/// carry the theme, summed over plans. Unresolved names count under their printed name.
struct agency_coverage {
  std::string scheme;
  std::vector<std::string> agencies;  ///< canonical ids (or printed names), sorted
  std::vector<std::string> themes;
  std::vector<std::vector<std::size_t>> lead;     ///< [agency][theme]
  std::vector<std::vector<std::size_t>> support;  ///< [agency][theme]
};
[[nodiscard]] agency_coverage compute_agency_coverage(std::span<const plan> plans,
                                                      std::span<const plan_tagging> taggings,
                                                      const coding_scheme& scheme);

}  // namespace plancmp::inline v0::analysis
