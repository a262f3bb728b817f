// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/assignment.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/vectorize.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Evidence search defaults: shorter passages than reuse asks for (evidence may be a phrase).
[[nodiscard]] inline reuse_options evidence_reuse_options() {
  reuse_options o;
  o.min_length = 6;
  o.min_identity = 0.5;
  return o;
}

/// How two measures' similarity is measured.
enum class alignment_method {
  substance,  ///< characters, words and concepts (data/synonyms.json), run-in titles, themes,
              ///< target indicators and agencies combined (default; see docs/alignment.md)
  ngrams,     ///< the cosine of char 2–3-gram tf-idf alone (the aligner before 0.x)
};
[[nodiscard]] std::string_view to_string(alignment_method m) noexcept;
[[nodiscard]] inline std::string_view format_as(alignment_method m) noexcept { return to_string(m); }
[[nodiscard]] std::optional<alignment_method> parse_alignment_method(std::string_view name) noexcept;

/// How strongly two aligned measures correspond.
enum class link_grade {
  same,     ///< the same commitment, possibly reworded or restructured
  related,  ///< overlapping substance: one narrower, broader, or another instrument for the aim
};
[[nodiscard]] std::string_view to_string(link_grade g) noexcept;
[[nodiscard]] inline std::string_view format_as(link_grade g) noexcept { return to_string(g); }
[[nodiscard]] std::optional<link_grade> parse_link_grade(std::string_view name) noexcept;

/// The substance aligner's model. First a textual score ranks each measure's candidates:
///
///     text = max(characters, words_weight · words + (1 − words_weight) · concepts)
///     base = text + title_bonus · title + theme_bonus · themes
///          + target_bonus · [shared indicator] + agency_bonus · (agencies − ½)
///
/// (bonuses only where text ≥ `evidence_floor`). Then the link score is a logistic model
/// of the signals (those of whole measures, of their best pair of sentences, of their
/// sections' titles and positions) and of the pair's rank in its row and column of
/// `base` (1 / (1 + rank)):
///
///     score = 1 / (1 + exp(−(bias + Σ coefficient · signal)))
///
/// so a pair is judged by its own evidence and by how it stands among its measures' other
/// candidates, both within the two plans only. The coefficients were fitted on the five
/// hand-aligned pairs of tests/data/gold/alignment (`scripts/fit-alignment`, features
/// standardized, L2 3·10⁻³; docs/alignment.md: how, with which command the figures are
/// printed, and what a pair not fitted on should expect). Signals that overlap (characters,
/// sentences, words, titles) share the weight between them, so one coefficient alone is no
/// measure of its signal's worth: the negative `title` and `concepts` discount pairs whose
/// only overlap is a stock heading or a broad concept once the sentences are counted.
struct substance_options {
  double words_weight = 0.6;
  double title_bonus = 0.15;
  double theme_bonus = 0.05;
  double target_bonus = 0.1;
  double agency_bonus = 0.1;
  double evidence_floor = 0.08;
  // Logistic coefficients of the link score.
  double bias = -9.587;
  double characters = 13.721;
  double words = 7.745;
  double concepts = -0.778;
  double title = -2.576;
  double themes = 1.363;
  double indicator = 2.294;
  double agencies = 0.41;           ///< per unit of agency Jaccard, where known
  double agencies_known = 0.14;     ///< where both measures name agencies
  double row_rank = 0.55;           ///< × 1 / (1 + rank of the pair among A's measure's candidates)
  double column_rank = 2.188;       ///< × 1 / (1 + rank among B's measure's candidates)
  double passages = 9.073;          ///< × the best sentence pair's character-bigram cosine
  double passage_concepts = 2.227;  ///< × the best sentence pair's concept cosine
  double context = 1.041;           ///< × the cosine of the titles of the enclosing sections
  double position = 1.292;          ///< × closeness in document order
  /// A link scoring at least this is graded `same`, below it `related`: the cut-off that
  /// best separates the gold's two grades (mean F1 of same and related; chosen by
  /// scripts/fit-alignment, 0.84 on all five gold pairs, 0.86–0.87 leaving one out).
  double same = 0.84;
  /// Many-to-many: every further pair scoring at least this is linked too (a measure
  /// split or merged across plans, or one measure touching several of the other plan);
  /// 0: the alignment's `threshold`.
  double extra = 0.0;
};

/// The evidence of one measure pair, each signal in [0, 1].
struct link_evidence {
  double characters = 0.0;  ///< cosine of char 2–3-gram tf-idf
  double words = 0.0;       ///< cosine of word tf-idf (ICU words and the domain lexicon)
  double concepts = 0.0;    ///< cosine of idf-weighted concepts of data/synonyms.json
  double title = 0.0;       ///< words and concepts of the run-in titles (0 without titles)
  double themes = 0.0;      ///< cosine of theme profiles (value chain, IP objects, policy tools)
  double passages = 0.0;    ///< best cosine of character bigrams over pairs of sentences (split / merge)
  double passage_concepts = 0.0;  ///< best cosine of concepts over pairs of sentences
  double context = 0.0;     ///< cosine of character bigrams of the enclosing sections' titles
  double position = 0.0;    ///< 1 − |relative position of A's measure − that of B's| in document order
  double base = 0.0;        ///< the textual score candidates are ranked by
  std::size_t row_rank = 0;     ///< pairs of A's measure with a higher base score
  std::size_t column_rank = 0;  ///< pairs of B's measure with a higher base score
  bool shared_indicator = false;  ///< the two measures state targets on one indicator
  std::optional<double> agencies; ///< Jaccard of agency functions; nullopt where unknown
  std::vector<std::string> shared_concepts;  ///< concept names, in file order
  friend bool operator==(const link_evidence&, const link_evidence&) = default;
};

/// Options for aligning the measures of two plans.
struct plan_alignment_options {
  /// Measure pairs scoring less than this stay unmatched (the substance score; with
  /// `alignment_method::ngrams` a cosine, for which 0.2 is the usual cut-off).
  double threshold = 0.35;
  /// The similarity the pairs are scored with (`substance` by default).
  alignment_method method = alignment_method::substance;
  substance_options substance;
  /// Also attach every measure left unmatched on either side to its most similar
  /// measure on the other side (if above the threshold): one-to-many and many-to-one.
  bool one_to_many = false;
  /// Many-to-many: after the one-to-one assignment, also link every further pair scoring
  /// at least this (0: off). `align_plans` with the substance method uses
  /// `substance.extra`, else `threshold`, when this is 0.
  double many_to_many = 0.0;
  /// Many-to-many: a further pair must score at least this share of the assigned pair of
  /// each of its two measures.
  double many_to_many_ratio = 0.0;
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
  /// `same` or `related` (substance method; the n-gram method grades every pair `related`).
  link_grade grade = link_grade::related;
  /// The signals the substance score combines (zeros with the n-gram method).
  link_evidence signals;
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
  alignment_method method = alignment_method::substance;
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
/// `similarity` is `a.plan().measures().size() × b.plan().measures().size()`.
[[nodiscard]] plan_alignment align_measures(const source_plan& a, const source_plan& b,
                                            std::span<const double> similarity,
                                            const plan_alignment_options& options = {});

/// The measure similarity matrix of two plans, `a.measures.size() × b.measures.size()`,
/// row-major: cosines of the measures' vectors (simplified script, clauses stripped), with
/// one vocabulary fitted on the measures of both plans.
[[nodiscard]] std::vector<double> measure_similarity(const plan& a, const plan& b,
                                                     const vectorize_options& vectors = {});

/// The substance similarity of the measures of two plans: the combined score and every
/// signal, `a.measures.size() × b.measures.size()`, row-major. All weights are fitted on
/// the two plans alone (pair-local), so the scores do not depend on other plans loaded.
struct substance_matrix {
  std::size_t rows = 0, columns = 0;
  std::vector<double> score;
  std::vector<link_evidence> evidence;
};
[[nodiscard]] substance_matrix substance_similarity(const plan& a, const plan& b,
                                                    const substance_options& options = {});

/// The concepts of data/synonyms.json (`plancmp.synonyms/1`): name and terms, in file order.
struct synonym_concept {
  std::string name;
  std::vector<std::string> terms;
};
[[nodiscard]] const std::vector<synonym_concept>& builtin_synonyms();

/// Aligns the measures of two plans on their `measure_similarity`, listing for each pair
/// its top shared features (the n-grams with the largest products of weights).
///
///     auto r = align_plans(parse::parse_file(x), parse::parse_file(y));
///     fmt::print("{:.3f}\n", r.score);
[[nodiscard]] plan_alignment align_plans(const plan& a, const plan& b,
                                         const plan_alignment_options& options = {});
/// The same, with the shared passage of each pair as evidence (spans into both files).
///
///     auto r = align_plans(parse::read_source_plan(x), parse::read_source_plan(y));
[[nodiscard]] plan_alignment align_plans(const source_plan& a, const source_plan& b,
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


}  // namespace plancmp::inline v0::analysis
