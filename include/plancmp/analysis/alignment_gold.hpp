// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/model/plan.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

/// One hand-made link of a gold alignment (docs/gold.md, `plancmp.gold.alignment/1`).
struct gold_link {
  std::string a;        ///< measure path in A, e.g. "三.(一).3"
  std::string a_start;  ///< the first characters of that measure's text, white space removed
  std::string b;
  std::string b_start;
  link_grade grade = link_grade::same;
  std::string why;
  friend bool operator==(const gold_link&, const gold_link&) = default;
};

/// A hand-aligned plan pair.
struct alignment_gold {
  std::string origin;    ///< the file it was read from
  std::string source_a;  ///< "seeds/<file>" or "corpus/<file>"
  std::string source_b;
  std::string relation;  ///< "editions", "vertical", "peers"
  std::string annotator;  ///< who aligned the pair (a letter), "" when the file does not say
  std::vector<gold_link> links;
};

/// Reads a gold alignment; throws `schema_error` naming `origin` and the JSON Pointer of
/// what is wrong.
[[nodiscard]] alignment_gold read_alignment_gold(std::string_view json, const std::string& origin);

/// Precision and recall of a set of links against the gold links.
struct link_scores {
  std::size_t gold = 0;           ///< gold links
  std::size_t found = 0;          ///< links found
  std::size_t gold_matched = 0;   ///< gold links some found link matches
  std::size_t found_matched = 0;  ///< found links matching some gold link
  [[nodiscard]] double precision() const noexcept;  ///< found_matched / found (1 with none found)
  [[nodiscard]] double recall() const noexcept;     ///< gold_matched / gold (1 with no gold)
  /// Harmonic mean of precision and recall: symmetric, so for two annotators it does not
  /// matter whose links are the reference.
  [[nodiscard]] double f1() const noexcept;
};

/// An alignment measured against a gold pair. A found link matches a gold link when
/// both of its measures match: by id (the gold path), or by text (the measure's text,
/// white space removed, holds the gold `*_start` within its first characters).
struct alignment_evaluation {
  std::string pair;   ///< "A ↔ B" (the gold's sources)
  /// Who made the found links: "" for plancmp's aligner, else the second annotator of a
  /// comparison of two hand alignments (their letter or file).
  std::string found_by;
  link_scores links;  ///< `same` and `related` together, grade ignored
  link_scores same;   ///< found links graded same against gold links graded same
  link_scores related;
  std::vector<gold_link> missed;        ///< gold links no found link matches
  std::vector<measure_pair> spurious;   ///< found links matching no gold link
};
[[nodiscard]] alignment_evaluation evaluate_alignment(const plan_alignment& found, const plan& a, const plan& b,
                                                      const alignment_gold& gold);

/// The links of a hand alignment of `a` and `b` as a `plan_alignment` (score 1, graded as
/// the file grades them), each gold link resolved to its measures the way
/// `evaluate_alignment` matches them. With it one annotator's alignment is measured against
/// another's — `evaluate_alignment(alignment_of_gold(second, a, b), a, b, first)` — which is
/// the ceiling any aligner can be expected to reach on the pair. Throws `schema_error`
/// naming `gold.origin` and `/links/<k>` when a link names a measure neither by path nor by
/// text start.
[[nodiscard]] plan_alignment alignment_of_gold(const alignment_gold& gold, const plan& a, const plan& b);


}  // namespace plancmp::inline v0::analysis
