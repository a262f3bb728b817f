// SPDX-License-Identifier: MIT
// The measures of two plans as vectors over one vocabulary fitted on both: what measure
// alignment (cosine matrix) and text reuse (top-k candidates) start from.
#pragma once

#include <plancmp/analysis/vectorize.hpp>
#include <plancmp/model/plan.hpp>

#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0::analysis::detail {

struct measure_pair_vectors {
  csr_matrix a;  ///< one row per measure of the first plan
  csr_matrix b;  ///< one row per measure of the second plan, same columns
  std::vector<std::string> vocabulary;  ///< feature text by column
};

/// Measures only, in simplified script, responsibility clauses stripped (`unit_options{}`).
inline measure_pair_vectors vectorize_measures(const plan& a, const plan& b,
                                               const vectorize_options& options) {
  const unit_options units;
  const plan_units ua = collect_units(std::span<const plan>(&a, 1), units);
  const plan_units ub = collect_units(std::span<const plan>(&b, 1), units);
  std::vector<std::string> texts = ua.texts;
  texts.insert(texts.end(), ub.texts.begin(), ub.texts.end());
  vectorizer v(options);
  const csr_matrix all = v.fit_transform(texts);
  measure_pair_vectors out;
  out.vocabulary = v.vocabulary();
  out.a.columns = out.b.columns = all.columns;
  for (std::size_t r = 0; r < all.rows(); ++r)
    (r < ua.texts.size() ? out.a : out.b).push_row(all.row_columns(r), all.row_values(r));
  return out;
}

}  // namespace plancmp::inline v0::analysis::detail
