// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/parse/targets.hpp>
#include <plancmp/text/document.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::parse {

/// What a line of the input became.
enum class line_role {
  blank,         ///< whitespace only
  noise,         ///< web-page noise (kept as a diagnostic)
  cover,         ///< the cover notice (通知 / 函)
  title,         ///< the plan's own title block
  preamble,      ///< body text before the first section
  heading,       ///< a section or subsection heading
  measure,       ///< part of a measure
  goal,          ///< part of a goal
  section_text,  ///< unnumbered text of a section (intro, closing remarks)
  box,           ///< a 专栏 box heading or item
  table,         ///< a cell of a flattened table
  annex,         ///< an annex or the annex list
  closing,       ///< the signature block after the body: issuer, date, 抄送, 印发
  unparsed,      ///< not understood (kept as a diagnostic)
};
[[nodiscard]] std::string_view to_string(line_role r) noexcept;

/// Where one input line went.
struct line_use {
  std::uint32_t line = 0;  ///< 1-based
  line_role role = line_role::blank;
  std::string owner;       ///< id of the element it belongs to ("" for cover, noise …)
};

struct parse_options {
  text::read_options read;              ///< for the file and bytes overloads
  double restates_threshold = 0.45;     ///< min similarity for a box item → measure link
  std::vector<line_use>* accounting = nullptr;  ///< if set, receives one entry per line
  /// Resolve every agency against the agency ontology after parsing (`resolve_agencies`);
  /// false leaves `agency::resolution` empty, as printed names only.
  bool resolve_agencies = true;
  /// The ontology to resolve against; nullptr: `agency_ontology::builtin()`.
  const agency_ontology* ontology = nullptr;
  /// Extract quantitative targets from prose and tables (`extract_targets`, docs/targets.md);
  /// false leaves `plan::targets` empty.
  bool read_targets = true;
  target_options targets;  ///< indicator catalog and year defaults for target extraction
};

/// Parses a prepared document into a plan. Never throws on document content: what it
/// cannot place becomes a diagnostic (with its span and a reason).
[[nodiscard]] plan parse_document(const text::document& doc, const parse_options& options = {});

/// Reads and parses a file of any input format (text, HTML, PDF, DOCX: see
/// text/formats.hpp); throws what `text::read_any_document` throws.
[[nodiscard]] plan parse_file(const std::string& path, const parse_options& options = {});

/// Parses bytes in memory of any input format (detected from the bytes, then the
/// extension of `name`); `name` names them in the plan and in errors.
[[nodiscard]] plan parse_bytes(std::string bytes, std::string name = "<bytes>",
                               const parse_options& options = {});

/// Parses a prepared document and keeps it with its plan: the source_plan the analyses
/// that show evidence take.
[[nodiscard]] source_plan parse_source(text::document doc, const parse_options& options = {});

/// Reads and parses a file of any input format into a source_plan (the document and its
/// plan); throws what `parse_file` throws.
///
///     const source_plan s = parse::read_source_plan("plan.html");
[[nodiscard]] source_plan read_source_plan(const std::string& path, const parse_options& options = {});

/// Parses bytes in memory of any input format into a source_plan, as `parse_bytes`.
[[nodiscard]] source_plan make_source_plan(std::string bytes, std::string name = "<bytes>",
                                           const parse_options& options = {});

}  // namespace plancmp::inline v0::parse
