// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/assignment.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/vectorize.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Evidence search defaults: shorter passages than reuse asks for (evidence may be a phrase).
[[nodiscard]] inline reuse_options evidence_reuse_options() {
  reuse_options o;
  o.min_length = 6;
  o.min_identity = 0.5;
  return o;
}

/// Options for aligning the measures of two plans.
struct plan_alignment_options {
  /// Measure pairs less similar than this stay unmatched.
  double threshold = 0.2;
  /// Also attach every measure left unmatched on either side to its most similar
  /// measure on the other side (if above the threshold): one-to-many and many-to-one.
  bool one_to_many = false;
  /// How `align_plans` turns measures into vectors (cosine of char 2–3-gram tf-idf by
  /// default, fitted on the measures of both plans; responsibility clauses left out).
  vectorize_options vectors;
  /// `align_plans`: how many top shared features to list per pair.
  std::size_t shared_features = 5;
  /// With documents: how the evidence passage of each pair is found.
  reuse_options evidence = evidence_reuse_options();
};

/// One aligned pair of measures.
struct measure_pair {
  std::size_t measure_a = 0;  ///< index into a.measures
  std::size_t measure_b = 0;
  std::string id_a;
  std::string id_b;
  double similarity = 0.0;
  bool extra = false;  ///< added by the one-to-many step, not part of the one-to-one optimum
  /// The longest passage the two measures share (with spans into both files), when the
  /// alignment was made with the documents and there is one.
  std::optional<reused_passage> evidence;
  /// From `align_plans`: the features (char n-grams) that contribute most to the cosine,
  /// best first, at most `plan_alignment_options::shared_features`.
  std::vector<std::string> shared_features;
};

/// A measure that found no partner.
struct unmatched_measure {
  std::size_t index = 0;  ///< into the plan's measures
  std::string id;
  friend bool operator==(const unmatched_measure&, const unmatched_measure&) = default;
};

/// The measure-by-measure alignment of two plans.
struct plan_alignment {
  std::string file_a;
  std::string file_b;
  std::size_t measures_a = 0;
  std::size_t measures_b = 0;
  std::vector<measure_pair> pairs;          ///< by A's measure, then B's
  std::vector<unmatched_measure> unmatched_a;  ///< measures of A without a partner
  std::vector<unmatched_measure> unmatched_b;
  double total_similarity = 0.0;            ///< weight of the one-to-one assignment
  /// 2 · total_similarity / (measures_a + measures_b): 1 for two identical plans, 0 when
  /// nothing aligns (the assignment-based plan similarity).
  double score = 0.0;
};

/// Aligns the measures of `a` and `b` one-to-one by maximum-weight assignment on
/// `similarity`, an `a.measures.size() × b.measures.size()` row-major matrix (e.g. cosine
/// of tf-idf vectors). Throws `usage_error` when the matrix has the wrong size.
[[nodiscard]] plan_alignment align_measures(const plan& a, const plan& b,
                                            std::span<const double> similarity,
                                            const plan_alignment_options& options = {});

/// As `align_measures`, and gives each pair its evidence: the longest passage the two
/// measures share (Smith–Waterman, boilerplate masked), with spans into both files.
[[nodiscard]] plan_alignment align_measures(const text::document& doc_a, const plan& a,
                                            const text::document& doc_b, const plan& b,
                                            std::span<const double> similarity,
                                            const plan_alignment_options& options = {});

/// The measure similarity matrix of two plans, `a.measures.size() × b.measures.size()`,
/// row-major: cosines of the measures' vectors (simplified script, clauses stripped), with
/// one vocabulary fitted on the measures of both plans.
[[nodiscard]] std::vector<double> measure_similarity(const plan& a, const plan& b,
                                                     const vectorize_options& vectors = {});

/// Aligns the measures of two plans on their `measure_similarity`, listing for each pair
/// its top shared features (the n-grams with the largest products of weights).
///
///     auto r = align_plans(parse::parse_file(x), parse::parse_file(y));
///     fmt::print("{:.3f}\n", r.score);
[[nodiscard]] plan_alignment align_plans(const plan& a, const plan& b,
                                         const plan_alignment_options& options = {});
/// The same, with the shared passage of each pair as evidence (spans into both files).
[[nodiscard]] plan_alignment align_plans(const text::document& doc_a, const plan& a,
                                         const text::document& doc_b, const plan& b,
                                         const plan_alignment_options& options = {});

/// The assignment-based similarity of two plans from their measure similarity matrix
/// (`rows × columns`, row-major): 2 · (weight of the best one-to-one assignment over pairs
/// at or above `threshold`) / (rows + columns); 0 for two empty plans.
[[nodiscard]] double assignment_similarity(std::span<const double> similarity, std::size_t rows,
                                           std::size_t columns, double threshold = 0.2);

/// `assignment_similarity` as a metric for `text_similarity_matrix` (its block of unit
/// cosines in, the plan score out):
///
///     auto m = text_similarity_matrix(plans, {}, {}, assignment_metric(0.2), "assignment");
[[nodiscard]] std::function<double(const std::vector<std::vector<double>>&)> assignment_metric(
    double threshold = 0.2);

/// One row per pair (ids, similarity, evidence passage with its spans), then one row per
/// unmatched measure; the overall score in the notes.
[[nodiscard]] report::table to_table(const plan_alignment& alignment);

}  // namespace plancmp::inline v0::analysis
