// SPDX-License-Identifier: MIT
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/error.hpp>

#include "detail/measure_pair_vectors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>

namespace plancmp::inline v0::analysis {
namespace {

void check_shape(std::span<const double> similarity, const plan& a, const plan& b) {
  if (similarity.size() != a.measures().size() * b.measures().size()) {
    throw usage_error(fmt::format(
        "align_measures: the similarity matrix has {} entries, but {} has {} measures and {} "
        "has {}; pass one row per measure of the first plan, one column per measure of the "
        "second",
        similarity.size(), a.source.path, a.measures().size(), b.source.path, b.measures().size()));
  }
}

}  // namespace

double assignment_similarity(std::span<const double> similarity, std::size_t rows,
                             std::size_t columns, double threshold) {
  if (rows + columns == 0) return 0.0;
  const auto a = max_weight_assignment(similarity, rows, columns, {.threshold = threshold, .one_to_many = false});
  return 2.0 * a.total_weight / static_cast<double>(rows + columns);
}

namespace {

std::vector<double> cosines(const detail::measure_pair_vectors& x) {
  const std::size_t n = x.a.rows();
  const std::size_t m = x.b.rows();
  const csr_matrix by_feature = transpose(x.b);
  std::vector<double> result(n * m, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    double* row = result.data() + i * m;
    const auto features = x.a.row_columns(i);
    const auto values = x.a.row_values(i);
    for (std::size_t e = 0; e < features.size(); ++e) {
      const auto holders = by_feature.row_columns(features[e]);
      const auto weights = by_feature.row_values(features[e]);
      for (std::size_t t = 0; t < holders.size(); ++t)
        row[holders[t]] += static_cast<double>(values[e]) * static_cast<double>(weights[t]);
    }
    for (std::size_t j = 0; j < m; ++j) row[j] = std::min(1.0, row[j]);
  }
  return result;
}

/// The features of row i of x.a and row j of x.b with the largest weight products.
std::vector<std::string> top_shared_features(const detail::measure_pair_vectors& x, std::size_t i,
                                             std::size_t j, std::size_t count) {
  std::vector<std::pair<double, std::uint32_t>> shared;
  const auto ca = x.a.row_columns(i);
  const auto va = x.a.row_values(i);
  const auto cb = x.b.row_columns(j);
  const auto vb = x.b.row_values(j);
  for (std::size_t p = 0, q = 0; p < ca.size() && q < cb.size();) {
    if (ca[p] < cb[q]) {
      ++p;
    } else if (cb[q] < ca[p]) {
      ++q;
    } else {
      shared.emplace_back(-static_cast<double>(va[p]) * static_cast<double>(vb[q]), ca[p]);
      ++p, ++q;
    }
  }
  std::sort(shared.begin(), shared.end());  // largest product first, then by column
  std::vector<std::string> out;
  for (std::size_t k = 0; k < shared.size() && k < count; ++k) out.push_back(x.vocabulary[shared[k].second]);
  return out;
}

/// With `source_a` and `source_b` (the sources of `a` and `b`), each pair gets its evidence
/// passage; without (null), the plans alone are aligned.
plan_alignment align_with_features(const plan& a, const plan& b, const source_plan* source_a,
                                   const source_plan* source_b, const plan_alignment_options& options) {
  const detail::measure_pair_vectors x = detail::vectorize_measures(a, b, options.vectors);
  if (options.method == alignment_method::ngrams) {
    const std::vector<double> similarity = cosines(x);
    plan_alignment result = source_a != nullptr
                                ? align_measures(*source_a, *source_b, similarity, options)
                                : align_measures(a, b, similarity, options);
    result.method = alignment_method::ngrams;
    for (measure_pair& p : result.pairs) {
      p.grade = link_grade::related;
      p.shared_features = top_shared_features(x, p.measure_a, p.measure_b, options.shared_features);
    }
    return result;
  }
  const substance_matrix s = substance_similarity(a, b, options.substance);
  plan_alignment_options o = options;
  if (o.many_to_many <= 0.0) o.many_to_many = options.substance.extra > 0.0 ? options.substance.extra : options.threshold;
  plan_alignment result = source_a != nullptr ? align_measures(*source_a, *source_b, s.score, o)
                                              : align_measures(a, b, s.score, o);
  result.method = alignment_method::substance;
  for (measure_pair& p : result.pairs) {
    p.signals = s.evidence[p.measure_a * s.columns + p.measure_b];
    p.grade = p.similarity >= options.substance.same ? link_grade::same : link_grade::related;
    p.shared_features = top_shared_features(x, p.measure_a, p.measure_b, options.shared_features);
  }
  return result;
}

}  // namespace

std::vector<double> measure_similarity(const plan& a, const plan& b, const vectorize_options& vectors) {
  return cosines(detail::vectorize_measures(a, b, vectors));
}

plan_alignment align_plans(const plan& a, const plan& b, const plan_alignment_options& options) {
  return align_with_features(a, b, nullptr, nullptr, options);
}

plan_alignment align_plans(const source_plan& a, const source_plan& b, const plan_alignment_options& options) {
  return align_with_features(a.plan(), b.plan(), &a, &b, options);
}

std::function<double(const std::vector<std::vector<double>>&)> assignment_metric(double threshold) {
  return [threshold](const std::vector<std::vector<double>>& block) {
    const std::size_t rows = block.size();
    const std::size_t columns = rows == 0 ? 0 : block[0].size();
    std::vector<double> flat;
    flat.reserve(rows * columns);
    for (const auto& row : block) flat.insert(flat.end(), row.begin(), row.end());
    return assignment_similarity(flat, rows, columns, threshold);
  };
}

plan_alignment align_measures(const plan& a, const plan& b, std::span<const double> similarity,
                              const plan_alignment_options& options) {
  check_shape(similarity, a, b);
  const std::size_t n = a.measures().size();
  const std::size_t m = b.measures().size();
  const auto forward = max_weight_assignment(similarity, n, m, {.threshold = options.threshold, .one_to_many = false});

  plan_alignment result;
  result.file_a = a.source.path;
  result.file_b = b.source.path;
  result.measures_a = n;
  result.measures_b = m;
  result.total_similarity = forward.total_weight;
  result.score = n + m == 0 ? 0.0 : 2.0 * forward.total_weight / static_cast<double>(n + m);
  auto add = [&](std::size_t i, std::size_t j, double w, bool extra) {
    measure_pair p;
    p.measure_a = i;
    p.measure_b = j;
    p.id_a = a.measures()[i].id;
    p.id_b = b.measures()[j].id;
    p.similarity = w;
    p.extra = extra;
    result.pairs.push_back(std::move(p));
  };
  for (const assigned_pair& p : forward.pairs) add(p.row, p.column, p.weight, false);

  std::vector<char> matched_a(n, 0);
  std::vector<char> matched_b(m, 0);
  for (const assigned_pair& p : forward.pairs) matched_a[p.row] = matched_b[p.column] = 1;
  if (options.many_to_many > 0.0) {
    // Further pairs strong enough on their own: a measure split or merged across plans.
    // A further pair must also come close to the assigned partners of both its measures
    // (`many_to_many_ratio`): beside a near-copy, a merely topical neighbour is no split.
    std::vector<char> linked(n * m, 0);
    std::vector<double> partner_a(n, 0.0), partner_b(m, 0.0);
    for (const assigned_pair& p : forward.pairs) {
      linked[p.row * m + p.column] = 1;
      partner_a[p.row] = partner_b[p.column] = p.weight;
    }
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < m; ++j)
        if (const double w = similarity[i * m + j];
            linked[i * m + j] == 0 && w >= options.many_to_many && w >= options.threshold &&
            w >= options.many_to_many_ratio * partner_a[i] && w >= options.many_to_many_ratio * partner_b[j]) {
          add(i, j, similarity[i * m + j], true);
          matched_a[i] = matched_b[j] = 1;
        }
  }
  if (options.one_to_many) {
    // Each measure left over joins its most similar partner on the other side.
    auto best_partner = [&](std::size_t k, bool of_a) {
      std::optional<std::size_t> best;
      double best_weight = 0.0;
      const std::size_t count = of_a ? m : n;
      for (std::size_t o = 0; o < count; ++o) {
        const double w = of_a ? similarity[k * m + o] : similarity[o * m + k];
        if (w > 0.0 && w >= options.threshold && (!best || w > best_weight)) best = o, best_weight = w;
      }
      return std::pair{best, best_weight};
    };
    for (std::size_t j = 0; j < m; ++j) {
      if (matched_b[j] != 0) continue;
      if (const auto [i, w] = best_partner(j, false); i) add(*i, j, w, true), matched_b[j] = 2;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (matched_a[i] != 0) continue;
      if (const auto [j, w] = best_partner(i, true); j) add(i, *j, w, true), matched_a[i] = 2;
    }
    for (const measure_pair& p : result.pairs) matched_a[p.measure_a] = matched_b[p.measure_b] = 1;
  }
  std::sort(result.pairs.begin(), result.pairs.end(), [](const measure_pair& x, const measure_pair& y) {
    return std::tie(x.measure_a, x.measure_b) < std::tie(y.measure_a, y.measure_b);
  });
  for (std::size_t i = 0; i < n; ++i)
    if (matched_a[i] == 0) result.unmatched_a.push_back({i, a.measures()[i].id});
  for (std::size_t j = 0; j < m; ++j)
    if (matched_b[j] == 0) result.unmatched_b.push_back({j, b.measures()[j].id});
  return result;
}

plan_alignment align_measures(const source_plan& a, const source_plan& b,
                              std::span<const double> similarity, const plan_alignment_options& options) {
  plan_alignment result = align_measures(a.plan(), b.plan(), similarity, options);
  if (result.pairs.empty()) return result;
  reuse_options evidence = options.evidence;
  evidence.candidates.clear();
  for (const measure_pair& p : result.pairs) evidence.candidates.emplace_back(p.measure_a, p.measure_b);
  const reuse_report found = find_reuse(a, b, evidence);
  for (measure_pair& p : result.pairs) {
    for (const reused_passage& passage : found.passages) {
      if (passage.measure_a != p.measure_a || passage.measure_b != p.measure_b) continue;
      if (!p.evidence || passage.alignment.score > p.evidence->alignment.score) p.evidence = passage;
    }
  }
  return result;
}

}  // namespace plancmp::inline v0::analysis
