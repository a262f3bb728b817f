// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/local_alignment.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Options for `find_reuse`.
struct reuse_options {
  /// A passage counts when at least this many characters align identically.
  std::size_t min_length = 20;
  /// … and at least this share of its alignment columns are identical characters.
  double min_identity = 0.6;
  alignment_scoring scoring;
  /// Mask each measure's responsibility clause (责任单位, 牵头, 按职责分工负责 …).
  bool mask_clauses = true;
  /// Mask the phrases of the built-in `data/boilerplate.json` (加强知识产权保护 …).
  bool builtin_boilerplate = true;
  /// More phrases to mask, simplified script.
  std::vector<std::string> boilerplate;
  /// Measure pairs to compare (index in a, index in b). When empty, the pairs come from
  /// `candidate_source`.
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  /// How candidate pairs are found when `candidates` is empty:
  /// - `shared_runs` (default): every pair of measures sharing a run of `seed_length`
  ///   characters that are not boilerplate (a hash join: linear in the text, and it misses
  ///   no passage that has such a run, which any passage worth reporting does);
  /// - `top_k`: each measure of A with its `top_k` most similar measures of B (cosine of
  ///   char 2–3-gram tf-idf, `analysis::top_k_similar`), and the same from B's side;
  /// - `all_pairs`: every pair (tiny inputs, tests).
  enum class candidate_source { shared_runs, top_k, all_pairs };
  candidate_source source = candidate_source::shared_runs;
  std::size_t seed_length = 8;
  std::size_t top_k = 3;
};

/// A passage of a measure of plan A found again in a measure of plan B.
struct reused_passage {
  std::size_t measure_a = 0;  ///< index into a.measures
  std::size_t measure_b = 0;
  std::string id_a;           ///< measure ids, e.g. "(十八)" and "三.(一).3"
  std::string id_b;
  span where_a;               ///< the passage's bytes in A's original file
  span where_b;
  std::string text_a;         ///< the passage as printed in A
  std::string text_b;
  local_alignment alignment;  ///< character ranges within the measures' masked sequences
  friend bool operator==(const reused_passage&, const reused_passage&) = default;
};

/// The passages two plans share, ordered by A's measure, then position.
struct reuse_report {
  std::string file_a;
  std::string file_b;
  std::size_t candidate_pairs = 0;  ///< measure pairs aligned
  std::vector<reused_passage> passages;
};

/// Finds reused passages between the measures of two plans: Smith–Waterman local
/// alignment with affine gaps on the simplified text (so traditional and simplified
/// script compare), whitespace dropped, responsibility clauses and boilerplate masked.
/// Spans point into both original files. Each side is a `source_plan`, so its plan is
/// the one parsed from its document. Throws `usage_error` for a candidate pair out of
/// range.
///
///     auto a = parse::read_source_plan("seeds/000_edee8db098a98e76.txt");
///     auto b = parse::read_source_plan("seeds/004_b234aa7c753f2ac8.txt");
///     auto r = find_reuse(a, b);
///     // r.passages[0]: (十八) ↔ 三.(一).3, "加强《企业知识产权管理规范》…"
[[nodiscard]] reuse_report find_reuse(const source_plan& a, const source_plan& b,
                                      const reuse_options& options = {});


/// Options for `frequent_phrases`.
struct frequent_phrase_options {
  std::size_t min_plans = 3;  ///< a run counts when it occurs in at least this many plans
  std::size_t length = 6;     ///< characters per run
};

/// Boilerplate learnt from a corpus: the phrases that many plans share. Every run of
/// `length` characters (simplified script, white space dropped, clauses and built-in
/// boilerplate excluded) that occurs in the measures of at least `min_plans` plans is
/// frequent; overlapping frequent runs of one measure merge into one phrase. Sorted,
/// distinct. Give them to `reuse_options::boilerplate` so that comparing two plans of a
/// corpus ignores what the whole corpus says.
///
///     auto common = frequent_phrases(sources, {.min_plans = 3, .length = 6});
[[nodiscard]] std::vector<std::string> frequent_phrases(std::span<const source_plan> plans,
                                                        const frequent_phrase_options& options = {});

/// The built-in boilerplate phrases (data/boilerplate.json), simplified script.
[[nodiscard]] const std::vector<std::string>& builtin_boilerplate();

}  // namespace plancmp::inline v0::analysis
