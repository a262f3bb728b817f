// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

/// One side of a gap's evidence: a file and the bytes that show it ("" / empty span when
/// the side has nothing to point at, e.g. a plan without any measure).
struct gap_evidence {
  std::string source;  ///< the plan's file
  std::string unit;    ///< measure, goal or target id the span belongs to
  span where;          ///< bytes in the original file
  std::string text;    ///< those bytes, as printed
  friend bool operator==(const gap_evidence&, const gap_evidence&) = default;
};

/// What a gap is (docs/gaps.md); printed and serialized as its `to_string` name.
enum class gap_kind {
  // against a reference (gaps_against)
  measure,              ///< a reference measure without a counterpart
  theme,                ///< a theme the reference covers and the subject does not
  indicator,            ///< a target indicator only the reference states
  weaker_target,        ///< a shared indicator with a weaker subject target
  agency_function,      ///< an agency function only the reference involves
  targets_missing,      ///< either plan states no target (n/a)
  agencies_missing,     ///< either plan names no agency (n/a)
  // against peers (consensus_gaps)
  consensus_theme,      ///< a theme most peers cover
  consensus_indicator,  ///< an indicator most peers state
  // within one plan (accountability_gaps)
  no_agency,            ///< a measure without a responsible agency
  no_lead,              ///< a measure whose agencies do not include a lead of its own
  no_deadline,          ///< a measure without a deadline
  goal_without_target,  ///< a goal without a measurable target
  outsized_lead,        ///< an agency leading more than `outsized_share` of the measures
  empty_restatement,    ///< a 专栏 item restating a measure, adding nothing
};
/// "measure", "theme", … (the enumerator's name).
[[nodiscard]] std::string_view to_string(gap_kind k) noexcept;
[[nodiscard]] inline std::string_view format_as(gap_kind k) noexcept { return to_string(k); }
/// The inverse of `to_string`; throws `usage_error` naming the known kinds.
[[nodiscard]] gap_kind parse_gap_kind(std::string_view name);

/// One gap (缺口): what the reference has and the subject lacks or does less of.
struct gap {
  gap_kind kind = gap_kind::measure;
  std::string reference;  ///< plan_label of the reference ("" for accountability gaps)
  std::string item;       ///< measure id, theme, indicator key, agency function …
  std::string detail;     ///< what is missing or weaker, in words
  double score = 0.0;     ///< similarity, share or peers, by kind
  gap_evidence in_reference;  ///< the reference's side (accountability: the unit itself)
  gap_evidence in_subject;    ///< the closest thing the subject has
  friend bool operator==(const gap&, const gap&) = default;
};

/// Gaps of a subject plan, in a fixed order (by reference, kind, then item).
struct gap_report {
  std::string subject;                  ///< plan_label
  std::string subject_source;           ///< file
  std::vector<std::string> references;  ///< plan_labels
  std::vector<gap> gaps;
  [[nodiscard]] std::size_t count(gap_kind kind) const;
};

struct gap_options {
  /// Reference measures whose best subject counterpart (substance score, see
  /// `substance_similarity`) is below this are gaps.
  double threshold = 0.35;
  /// Coding schemes whose themes are compared.
  std::vector<std::string> schemes = {"ip_value_chain", "ip_objects"};
  /// Accountability: an agency leading more than this share of the measures is outsized.
  double outsized_share = 0.25;
  /// Accountability: a 专栏 item restating a measure at least this similar adds nothing.
  double restatement_similarity = 0.9;
  /// Consensus: a theme or indicator of at least this many peers (0: a majority).
  std::size_t min_peers = 0;
};

/// A subject against each reference: reference measures without a counterpart, themes
/// and indicators the reference covers and the subject does not, weaker targets on
/// shared indicators, agency functions only the reference involves.
///
///     auto r = gaps_against(subject, refs);  // source_plans: parse::read_source_plan
///     fmt::print("{}", report::to_markdown(report::to_table(r)));  // report/gaps_tables.hpp
[[nodiscard]] gap_report gaps_against(const source_plan& subject, std::span<const source_plan> references,
                                      const gap_options& options = {});

/// Themes and indicators at least `options.min_peers` of the peers cover and the subject
/// does not (one row each, evidence from the first peer covering it).
[[nodiscard]] gap_report consensus_gaps(const source_plan& subject, std::span<const source_plan> peers,
                                        const gap_options& options = {});

/// Accountability gaps within one plan: measures without an agency, without a lead (none
/// leads, or only a collective such as 各成员单位 does), without a deadline; goals without a measurable target; agencies leading more than
/// `outsized_share` of the measures; 专栏 items that restate a measure adding nothing.
[[nodiscard]] gap_report accountability_gaps(const source_plan& subject, const gap_options& options = {});


/// What a `plan_change` is (docs/gaps.md); printed and serialized as its `to_string` name.
enum class change_kind {
  // measures (diff_plans)
  carried,
  dropped,
  new_,  ///< "new" (a keyword in C++)
  // targets (diff_plans)
  target_strengthened,
  target_weakened,
  target_new,
  target_dropped,
  target_same,
  target_incomparable,  ///< stated in other terms: not a change
  targets_missing,      ///< either plan states no target (n/a)
  // agencies (diff_plans)
  agency_renamed,
  agency_dropped,
  agency_new,
  agencies_missing,  ///< either plan names no agency (n/a)
  // a lower plan's targets against its superior's (align_vertical)
  target_as_superior,
  target_above_superior,
  target_below_superior,
  target_share_of_superior,
  target_not_carried,
};
/// "carried", "dropped", "new", "target_strengthened", … (the enumerator's name, without
/// the trailing underscore of `new_`).
[[nodiscard]] std::string_view to_string(change_kind k) noexcept;
[[nodiscard]] inline std::string_view format_as(change_kind k) noexcept { return to_string(k); }
/// The inverse of `to_string`; throws `usage_error` naming the known kinds.
[[nodiscard]] change_kind parse_change_kind(std::string_view name);

/// One change between two editions of a plan (or one target row of a vertical alignment).
struct plan_change {
  change_kind kind = change_kind::carried;
  std::string item_old;  ///< measure id, indicator, agency name in the old edition
  std::string item_new;
  std::string detail;
  double score = 0.0;    ///< similarity for measures
  gap_evidence in_old;
  gap_evidence in_new;
  friend bool operator==(const plan_change&, const plan_change&) = default;
};

// ---------------------------------------------------------------- vertical alignment

/// A lower-level plan against the upper-level plan it implements.
struct vertical_alignment {
  std::string upper, lower;        ///< plan_labels
  plan_alignment alignment;        ///< a = upper, b = lower
  std::size_t upper_measures = 0;
  std::size_t carried = 0;         ///< upper measures with a lower counterpart
  double carried_share = 0.0;      ///< carried / upper_measures (0 with none)
  std::vector<std::string> not_carried;     ///< upper measure ids
  std::vector<std::string> local_additions; ///< lower measure ids without an upper counterpart
  /// The lower plan's targets set against the superior's, one per comparable class of the
  /// upper plan's targets (`plan_change`, old = upper, new = lower): shares, growth rates
  /// and per-unit targets compare directly (`target_above_superior`,
  /// `target_below_superior`, `target_as_superior`); an aggregate amount of a lower level
  /// is shown as its share of the superior's (`target_share_of_superior`), never as weaker;
  /// `target_incomparable` (stated in other terms), `target_not_carried`; or one
  /// `targets_missing` row when either plan states no target.
  std::vector<plan_change> targets;
};
[[nodiscard]] vertical_alignment align_vertical(const source_plan& upper, const source_plan& lower,
                                                const plan_alignment_options& options = {});

// ---------------------------------------------------------------- version diff

struct plan_diff {
  std::string old_plan, new_plan;  ///< plan_labels
  std::vector<plan_change> changes;
  [[nodiscard]] std::size_t count(change_kind kind) const;
};
/// Measures carried over (with the shared passage as evidence), dropped and new; targets
/// by canonical indicator; agencies by canonical function, a predecessor name in the old
/// edition whose successor the new edition names being a rename, not a drop.
[[nodiscard]] plan_diff diff_plans(const source_plan& old_plan, const source_plan& new_plan,
                                   const plan_alignment_options& options = {});

}  // namespace plancmp::inline v0::analysis
