// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/tagging.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Why an automatic code was given: one keyword match (empty for human codes).
struct code_evidence {
  std::string theme;    ///< "ip_related", a stage id or a tool-type id
  std::string printed;  ///< the matched text as printed
  span where;           ///< bytes in the original file
  friend bool operator==(const code_evidence&, const code_evidence&) = default;
};

/// One measure coded by the codebook (docs/codebook.md): IP relatedness, value-chain
/// stages and policy-tool types.
struct coded_unit {
  std::string source;      ///< "seeds/<file>" or "corpus/<file>" (docs/gold.md)
  std::string id;          ///< the measure id, e.g. "三.(一).2"
  std::string text_start;  ///< first characters of the measure's text
  bool ip_related = false;
  std::vector<std::string> value_chain;   ///< ⊆ creation, utilization, protection, management, services
  std::vector<std::string> policy_tools;  ///< ⊆ supply, environment, demand
  std::string note;
  std::vector<code_evidence> evidence;    ///< automatic codes: why
  friend bool operator==(const coded_unit&, const coded_unit&) = default;
};

/// The value-chain stages and policy-tool types of the codebook, in order.
[[nodiscard]] const std::vector<std::string>& value_chain_stages();
[[nodiscard]] const std::vector<std::string>& policy_tool_types();

/// A coding sheet: one coder's codes (schema `plancmp.gold.coding/1`, docs/gold.md).
///
///     auto gold = plancmp::analysis::coding_sheet::from_file("tests/data/gold/coding/A.json");
///     auto mine = plancmp::analysis::code_plan(plan, doc, "seeds/001_….txt");
struct coding_sheet {
  std::string coder;        ///< "A", "plancmp" …
  bool automatic = false;   ///< codes made by plancmp rather than a person
  std::vector<coded_unit> units;

  /// Reads `plancmp.gold.coding/1`; throws `schema_error` naming `origin` and the JSON
  /// Pointer of the offending value (unknown stage or tool, ip_related false with stages).
  [[nodiscard]] static coding_sheet from_json(std::string_view json, const std::string& origin);
  /// A `.csv` file by `from_csv`, an `.xlsx` workbook by `from_xlsx`, anything else by
  /// `from_json`.
  [[nodiscard]] static coding_sheet from_file(const std::string& path);
  /// `plancmp.gold.coding/1`, units in order.
  [[nodiscard]] std::string to_json() const;
  /// Reads the CSV of `report::to_table(const coding_sheet&)` (report/agreement_tables.hpp;
  /// UTF-8, with or without the Excel BOM, any column order, extra columns ignored): rows with code 1 set the codes; `kind` human/automatic and
  /// `coder` come from the rows. Throws `schema_error` naming `origin` and the line.
  [[nodiscard]] static coding_sheet from_csv(std::string_view csv, const std::string& origin);
  /// Reads the workbook of `plancmp codes --format xlsx` (or one a researcher saved from
  /// it): the first worksheet with a header row naming source, id, variable, theme and
  /// code, down to its first empty row, read as `from_csv` reads the CSV. Throws
  /// `parse_error` for a damaged workbook, `schema_error` when no sheet has those columns.
  [[nodiscard]] static coding_sheet from_xlsx(std::string_view bytes, const std::string& origin);
};

/// plancmp's own codes for every measure of a plan, by the built-in schemes ip_related,
/// ip_value_chain and policy_tools, with their evidence; `source` names the plan as a
/// coding sheet does.
[[nodiscard]] std::vector<coded_unit> code_plan(const plan& p, const text::document& doc, const std::string& source);

/// plancmp's codes for the documents a sheet names: `seeds/<file>` is read from
/// `folders.seeds` (empty: `folders.seed_files`), `corpus/<file>` from `folders.corpus`
/// (parse::read_gold_source). Sources that cannot be read are listed in
/// `missing` (their units then count as unmatched), never guessed.
struct automatic_coding {
  coding_sheet sheet;                ///< coder "plancmp", automatic
  std::vector<std::string> missing;  ///< "source: why"
};
[[nodiscard]] automatic_coding code_sources(std::span<const std::string> sources,
                                            const parse::gold_folders& folders);
/// The distinct sources of a sheet, in order of first appearance.
[[nodiscard]] std::vector<std::string> sources_of(const coding_sheet& sheet);

/// A plan's tagging taken from a coding sheet instead of the tagger, so that human codes
/// drive coverage and the tools × chain table: for `scheme` ip_value_chain (the stages),
/// policy_tools (the tool types) or ip_related. The sheet's units are matched to the plan's
/// measures by file name (a sheet's `seeds/x.txt` is the plan read from any `…/x.txt`) and
/// id; a measure the sheet lacks gets no label and a `coding.not_coded` diagnostic. Labels
/// carry the sheet's evidence when it has some (automatic sheets), none for human codes.
/// `plan_tagging::scheme` names the coder: "ip_value_chain (human codes: A)".
[[nodiscard]] plan_tagging tagging_from_sheet(const coding_sheet& sheet, const plan& p, const coding_scheme& scheme);
/// `scheme` renamed for tables of codes from `sheet`: id "ip_value_chain (human codes: A)".
[[nodiscard]] coding_scheme scheme_for_sheet(const coding_sheet& sheet, const coding_scheme& scheme);

/// Cohen's κ of two binary codings of the same units: (p_o − p_e) / (1 − p_e). NaN when
/// undefined (both coders constant and equal: p_e = 1). Throws `usage_error` on a length
/// mismatch.
[[nodiscard]] double cohen_kappa(std::span<const bool> a, std::span<const bool> b);
/// Krippendorff's α for nominal data, two coders, no missing values:
/// 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k over the coincidence matrix (n = 2 × units).
/// NaN when undefined (a single value used by both coders).
[[nodiscard]] double krippendorff_alpha(std::span<const bool> a, std::span<const bool> b);

/// Agreement on one binary variable (a theme present or not), `a` taken as the reference
/// for precision and recall.
struct binary_agreement {
  std::string variable;  ///< "ip_related", "value_chain", "policy_tools"
  std::string theme;     ///< the stage or tool type; "(all)" for the variable pooled over its themes
  std::size_t units = 0;
  std::size_t both = 0, only_a = 0, only_b = 0, neither = 0;
  double kappa = 0.0;
  double alpha = 0.0;
  double precision = 0.0;  ///< both / (both + only_b); NaN when b never codes it
  double recall = 0.0;     ///< both / (both + only_a); NaN when a never codes it
  double f1 = 0.0;
};

/// Agreement of two coding sheets on the units both coded (matched by source and id).
/// Value-chain stages are compared on every matched unit (an IP-unrelated unit has none).
struct agreement_report {
  std::string coder_a, coder_b;
  std::size_t units_a = 0, units_b = 0, matched = 0;
  std::vector<std::string> unmatched;  ///< "source id" of units of `a` that `b` lacks
  std::vector<binary_agreement> rows;  ///< ip_related; each stage, stages pooled; each tool, tools pooled

  /// The row of a variable and theme; nullptr when absent.
  [[nodiscard]] const binary_agreement* find(std::string_view variable, std::string_view theme) const noexcept;
};

/// Compares two sheets; `a` is the reference (a human coder) for precision and recall.
[[nodiscard]] agreement_report compare_codings(const coding_sheet& a, const coding_sheet& b);


}  // namespace plancmp::inline v0::analysis
