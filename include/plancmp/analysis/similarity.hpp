// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/kernels/top_k.hpp>
#include <plancmp/analysis/vectorize.hpp>
#include <plancmp/model/plan.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0::analysis {

// ---------------------------------------------------------------- top-k search

struct similarity_options {
  std::size_t top_k = 10;          ///< best candidates kept per query row
  double threshold = 0.0;          ///< keep scores > threshold (0: any overlap at all)
  /// Row → plan index; with `exclude_same_plan`, pairs of one plan are skipped. Within one
  /// corpus a row is never its own candidate.
  std::span<const std::uint32_t> query_plans;
  std::span<const std::uint32_t> candidate_plans;  ///< between two corpora; else query_plans
  bool exclude_same_plan = false;
  unsigned threads = 0;            ///< 0: all cores
  /// Row blocks of one corpus (for sharding a within-corpus search over processes): when
  /// set, `queries` are rows [offset, offset + queries.rows()) of `corpus`, so a query
  /// row is never its own candidate; `query_plans` then holds one plan per *corpus* row
  /// (the list of the whole-corpus search) and `candidate_plans` is not used. Matches
  /// carry the corpus row as `query`, so the blocks' matches, concatenated in row order,
  /// are those of `top_k_similar(corpus)`. Needs the two-argument overloads.
  std::optional<std::size_t> query_row_offset;
};

/// The k best candidates of every query row (`top_k_result`, kernels/top_k.hpp):
/// `matches` sorted by query, then score descending, then candidate ascending (ties
/// broken by index, so the output is the same for every thread count). Memory O(nnz +
/// threads · rows · top_k), never rows². Weights must be non-negative (tf-idf, BM25 and
/// binary weights are). The exact search is `top_k_rows` / `top_k_rows_within` on
/// `csr_matrix` with the plan filter of these options.
///
///     auto v = plancmp::analysis::fit_transform_plans(vec, plans);
///     auto plan_of = v.row_plans();
///     auto best = plancmp::analysis::top_k_similar(v.matrix, {.top_k = 5,
///         .query_plans = plan_of, .exclude_same_plan = true});
///
/// Exact all-pairs top-k within one corpus (a row never matches itself).
[[nodiscard]] top_k_result top_k_similar(const csr_matrix& corpus, const similarity_options& options = {});
/// Exact top-k of every row of `queries` among the rows of `corpus` (same columns).
[[nodiscard]] top_k_result top_k_similar(const csr_matrix& queries, const csr_matrix& corpus,
                                         const similarity_options& options = {});

/// Candidate pruning: features held by more than `max_df_fraction` of the corpus rows
/// (and more than `min_capped_df`) generate no candidates; each query's best
/// `rescore_factor · top_k` candidates by the partial score are then scored exactly.
/// The default finds reuse (copies share rare n-grams) at a fraction of the exact cost;
/// a higher cap keeps more of the general top-k (docs/similarity.md has figures).
///
/// With `similarity_options::threshold` > 0 and `bounds` set, pruning is exact instead
/// (AllPairs/L2AP prefix filtering): each corpus row's most frequent features
/// stay out of the index only while their max-weight and norm bounds keep them from
/// lifting a pair above the threshold, and a candidate is scored only when its partial
/// score plus that bound can pass it. The result then equals `top_k_similar`'s. Off by
/// default: on char n-gram tf-idf rows the bounds leave only a few frequent features out
/// of the index, and the bounded kernel is slower than exact mode (docs/similarity.md).
struct pruning_options {
  double max_df_fraction = 0.002;
  std::size_t min_capped_df = 64;
  std::size_t rescore_factor = 4;
  bool bounds = false;  ///< with a threshold: exact prefix filtering instead of the cap
};
[[nodiscard]] top_k_result top_k_similar_pruned(const csr_matrix& corpus,
                                                const similarity_options& options = {},
                                                const pruning_options& pruning = {});
[[nodiscard]] top_k_result top_k_similar_pruned(const csr_matrix& queries, const csr_matrix& corpus,
                                                const similarity_options& options = {},
                                                const pruning_options& pruning = {});

/// How much of an exact result an approximate one found.
struct recall_report {
  std::size_t exact_pairs = 0;   ///< pairs in the exact result
  std::size_t found = 0;         ///< of those, pairs also in the approximate result
  double recall = 1.0;           ///< found / exact_pairs (1 when there are none)
  /// Exact pairs whose score exceeds the k-th score the approximate result kept for that
  /// query (ties at the boundary do not count as misses) — the strict top-k recall.
  double score_recall = 1.0;
};
[[nodiscard]] recall_report compare_top_k(const top_k_result& exact, const top_k_result& approx);

// The generic kernels on csr_matrix, compiled once in src/analysis/similarity.cpp.
extern template top_k_result top_k_rows<csr_matrix, csr_matrix, all_pairs>(const csr_matrix&,
                                                                           const csr_matrix&,
                                                                           const top_k_options&,
                                                                           const all_pairs&);
extern template top_k_result top_k_rows_within<csr_matrix, all_pairs>(const csr_matrix&,
                                                                      const top_k_options&,
                                                                      const all_pairs&);

// ---------------------------------------------------------------- MinHash + LSH

struct lsh_options {
  std::size_t hashes = 128;     ///< MinHash signature length = bands · rows per band
  std::size_t bands = 32;
  std::uint64_t seed = 0x9e3779b97f4a7c15ULL;  ///< fixed: same input, same output
  double threshold = 0.5;       ///< keep pairs with exact Jaccard ≥ threshold
  /// Features in more than this share of the rows (and more than `min_capped_df` rows)
  /// stay out of the signatures: shared by most pairs, they would make most pairs
  /// candidates. Verification still uses every feature. 1: keep all.
  double max_df_fraction = 0.01;
  std::size_t min_capped_df = 64;
  std::span<const std::uint32_t> plans;  ///< row → plan, for exclude_same_plan
  bool exclude_same_plan = false;
  unsigned threads = 0;
};
/// Near-duplicate rows: MinHash signatures over each row's feature set, banded into
/// buckets; candidate pairs sharing a bucket are verified by exact Jaccard of their
/// feature sets. Pairs (query < candidate), sorted by query then candidate.
[[nodiscard]] std::vector<match> near_duplicates(const csr_matrix& rows, const lsh_options& options = {});

/// The same on texts, for corpora too large to hold as a matrix: each text is tokenized
/// once (`features`' tokenizer; no fitting, no weights) into its sorted distinct features
/// as 32-bit hashes, which feed its signature and verify candidates by sorted-set Jaccard
/// (a 32-bit collision inside one pair is rare enough not to matter). Memory: the texts,
/// 4 bytes per distinct feature of each text, and `hashes` · 4 bytes per text.
[[nodiscard]] std::vector<match> near_duplicate_texts(std::span<const std::string> texts,
                                                      const vectorize_options& features = {},
                                                      const lsh_options& options = {});

/// Jaccard similarity of the feature (column) sets of two rows.
[[nodiscard]] double row_jaccard(const csr_matrix& x, std::size_t a, const csr_matrix& y, std::size_t b);

// ---------------------------------------------------------------- plan × plan

/// A square, symmetric matrix of scores between plans, with the metric's name.
struct plan_matrix {
  std::string metric;
  std::vector<std::string> plans;          ///< plan labels
  /// score[a][b]; NaN ("n/a") where a plan has no data for the metric (e.g. names no
  /// agency): missing is not zero (`is_missing`).
  std::vector<std::vector<double>> score;
  /// How the text metrics weighted features: "pair-local idf" (fitted on the two plans of
  /// each pair: a pair scores the same whichever other plans are loaded) or "run idf".
  std::string weighting;
};

/// Whether a score means "no data" (NaN), printed n/a.
[[nodiscard]] inline bool is_missing(double score) noexcept { return score != score; }

/// Where the idf of a text metric is fitted.
enum class idf_scope {
  pair,  ///< on the units of the two plans of each pair (default: scores independent of the run)
  run,   ///< on the units of all plans given (scores change with the companions in the run)
};

/// Score of two plans from the similarity of their units: `block` holds cosine scores
/// of the units of plan a (rows) against those of plan b (columns). A hook: mean best
/// match is built in; an assignment-based score plugs in here.
using plan_text_metric =
    std::function<double(const std::vector<std::vector<double>>& block)>;

/// Mean best match, symmetrised: the mean over a's units of their best score in b,
/// averaged with the same from b's side. 0 when either side has no units.
[[nodiscard]] double mean_best_match(const std::vector<std::vector<double>>& block);

/// Text similarity of every pair of plans: blocks of cosines between the plans' units,
/// reduced by `metric`. With `idf_scope::pair` (default) the vectorizer is fitted on the
/// units of the two plans of each pair, so a pair's score does not depend on which other
/// plans are in the run; `idf_scope::run` fits it once on all plans (faster, but scores
/// move with the companions).
[[nodiscard]] plan_matrix text_similarity_matrix(std::span<const plan> plans,
                                                 const vectorize_options& vectors = {},
                                                 const unit_options& units = {},
                                                 const plan_text_metric& metric = mean_best_match,
                                                 const std::string& metric_name = "mean best match",
                                                 idf_scope scope = idf_scope::pair);

/// Cosine between the plans' agency profiles: per canonical agency id, the measures it
/// leads or supports (unresolved names count under their printed name). A plan that
/// names no agency has no profile: its row and column are n/a (NaN), itself included.
[[nodiscard]] plan_matrix agency_profile_matrix(std::span<const plan> plans);

/// Cosine between the plans' theme profiles: each plan's coverage shares (the share of
/// its measures carrying each theme of the coverage's scheme, every theme of the scheme,
/// docs/coverage.md). n/a (NaN) for a plan none of whose measures carries a theme.
///
///     auto cov = plancmp::analysis::compute_coverage(plans, taggings, scheme);
///     auto m = plancmp::analysis::theme_profile_matrix(cov);
[[nodiscard]] plan_matrix theme_profile_matrix(const coverage_matrix& coverage);


}  // namespace plancmp::inline v0::analysis
