// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/gaps.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace plancmp::inline v0::report {

/// What `comparison` computes besides the tables every comparison has.
struct comparison_options {
  bool gaps = true;      ///< the gaps of each plan against all the others
  bool editions = true;  ///< the diff of every pair of editions of one plan series (`edition_pairs`)
  analysis::gap_options gap = {};
  analysis::plan_alignment_options alignment = {};  ///< for the edition diffs
  /// Series named by the user: each a list of input indices that are editions of one plan
  /// (diffed in order of issue, then of the list). When given, replaces `edition_pairs`.
  std::vector<std::vector<std::size_t>> series = {};
  unsigned threads = 0;                             ///< vectorizing threads; 0: all cores
};

/// Every input tagged with the IP value chain and the policy tools (one pass per plan),
/// `chain_tags[k]` and `tool_tags[k]` for input k — what coverage and tools × chain need.
struct chain_and_tools {
  analysis::tagger chain;
  analysis::tagger tools;
  std::vector<analysis::plan_tagging> chain_tags;
  std::vector<analysis::plan_tagging> tool_tags;
};
[[nodiscard]] chain_and_tools tag_chain_and_tools(std::span<const source_plan> inputs);

/// One row per plan: label, file, title (linked to its span), jurisdiction, level, issue
/// date and the counts of sections, measures, goals, targets, agencies and diagnostics.
[[nodiscard]] table summary_table(std::span<const plan> plans);

/// One row per quantitative target of every plan: plan, indicator (linked to the target's
/// span), canonical key, value, unit, comparator, year, baseline, the unit it is stated in.
[[nodiscard]] table targets_table(std::span<const plan> plans);

/// Whether two plans' titles name one series: the titles with the place, years, periods
/// (十四五, 2023-2025年) and the words of plan genre and framing (关于, 实施方案, 行动计划,
/// 规划, 全面加强 …) taken away are the subject of the series; one subject's character
/// bigrams must be mostly (≥ 60 %) in the other's. 知识产权运营服务体系建设 and 知识产权 are one
/// series; 工业互联网 and 外贸 are not. An empty subject (a title of genre words only) says
/// nothing, and is no series.
[[nodiscard]] bool same_series(const plan& a, const plan& b);

/// Pairs (older, newer) of inputs that are two editions of one plan series: the same
/// recognized issuing jurisdiction (name and level), different issue years, no issuers
/// that differ (办公厅 / 办公室 of a government is the government), and titles of one
/// series (`same_series`) — a jurisdiction's plans on different subjects are not
/// editions. Ordered by the older input, then the newer. Ningbo 2017 and 2020 among the
/// seeds.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> edition_pairs(
    std::span<const source_plan> inputs);

/// The gap table of each input against all the others (`analysis::gaps_against`), in
/// input order. Needs two or more inputs (fewer: no tables).
[[nodiscard]] std::vector<table> gap_tables(std::span<const source_plan> inputs,
                                            const analysis::gap_options& options = {});

/// The version diff (`analysis::diff_plans`) of every pair of `edition_pairs`, or of
/// consecutive editions of each series in `series` when it is not empty.
[[nodiscard]] std::vector<table> edition_diff_tables(
    std::span<const source_plan> inputs, const analysis::plan_alignment_options& options = {},
    const std::vector<std::vector<std::size_t>>& series = {});

/// The comparison tables of several plans, in this order: the per-plan summary, the text
/// similarity matrix (mean best match; with two or more plans), coverage shares by IP value
/// chain and by policy tools, the policy tools × value chain table summed over the plans,
/// the targets, the agency functions, then (per `options`) the gaps of each plan against
/// the others and the diffs between editions of one plan series. `plancmp compare`,
/// example 02 and the HTML report's sections are all made of these tables.
///
///     for (const auto& t : plancmp::report::comparison(inputs)) fmt::print("{}\n", to_markdown(t));
[[nodiscard]] std::vector<table> comparison(std::span<const source_plan> inputs,
                                            const comparison_options& options = {});

}  // namespace plancmp::inline v0::report
