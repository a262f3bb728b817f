// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/report/comparison.hpp>
#include <plancmp/report/figures.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/text/document.hpp>

#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0::analysis {
struct coding_sheet;
}  // namespace plancmp::inline v0::analysis

namespace plancmp::inline v0::report {

/// An extra section a caller adds to the report (e.g. similarity or alignment computed
/// elsewhere): tables rendered with source links, and SVG figures inlined as they are.
struct report_section {
  std::string id;     ///< HTML id (letters, digits, '-')
  std::string title;  ///< heading, escaped
  std::vector<table> tables;
  std::vector<std::string> svg_figures;  ///< trusted SVG written by the library's figure functions
};

struct report_options {
  std::string title = "plancmp report";
  std::vector<report_section> extra_sections;  ///< appended after the built-in ones
  bool draw_networks = true;                   ///< run Graphviz `dot` when installed
  bool pairwise = true;  ///< measure alignment and reused passages for every pair of plans
  bool gaps = true;      ///< the gaps of each plan against the others (`gap_tables`)
  bool editions = true;  ///< the diff of every pair of editions of one plan series (`edition_pairs`)
  bool diffusion = true; ///< with two or more dated plans, who borrowed which measure from whom (`diffusion_section`)
  analysis::gap_options gap = {};
  /// A coding sheet (a researcher's corrected or human codes) that drives coverage, the
  /// tools × chain tables and PMC instead of the tagger; their captions name the coder
  /// ("human codes: A"). Null: plancmp's automatic codes. Not owned.
  const analysis::coding_sheet* codes = nullptr;
  /// Rows of each gap kind per plan on the page, the clearest first (0: all); the CLI's
  /// `plancmp gaps` gives every row. Keeps the page growing with findings, not sources.
  std::size_t gap_rows_per_kind = 15;
  network_drawing_options network = {};  ///< by default the 40 strongest ties of each network
};

/// The one-file HTML report: inline CSS, SVG and one small script (sorting, filtering,
/// evidence on demand), no network. Sections (with
/// these ids): `overview` (one row per plan), `coverage` (value chain and policy tools,
/// with heatmaps), `tools-by-chain`, `pmc` (scores and surfaces), `targets` (table and
/// bar chart), `agencies` (functions table and each plan's co-responsibility network),
/// with two or more plans `similarity` (text and agency-profile matrices with heatmaps),
/// `alignment` (measure alignment of every pair), `reuse` (the passages every pair
/// shares, side by side) and `gaps` (each plan against the others); with two editions of
/// one plan series `editions` (their version diff); with two or more dated plans
/// `diffusion` (diffusion_section.hpp); the extra sections; then `sources`:
/// every span a table cell links to, shown as the source lines it covers under the id
/// `source_anchor(file, span)`, the exact bytes of the span marked (`<mark>`) in them.
/// All document text is escaped; the same inputs give byte-identical output.
///
///     std::string html = plancmp::report::html_report(inputs);
[[nodiscard]] std::string html_report(std::span<const source_plan> inputs, const report_options& options = {});

}  // namespace plancmp::inline v0::report
