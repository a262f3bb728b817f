// SPDX-License-Identifier: MIT
// Slow, obviously correct similarity: dense vectors, cosine by definition, brute-force
// top-k over every pair, Jaccard of sets. The references plancmp::analysis's sparse
// kernels are tested against.
#pragma once

#include <plancmp/analysis/vectorize.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace plancmp::reference {

inline std::vector<std::vector<double>> to_dense(const analysis::csr_matrix& m) {
  std::vector<std::vector<double>> d(m.rows(), std::vector<double>(m.columns, 0.0));
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (auto e = m.row_begin[r]; e < m.row_begin[r + 1]; ++e) d[r][m.column[e]] = m.value[e];
  return d;
}

inline double dense_cosine(const std::vector<double>& a, const std::vector<double>& b) {
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

struct scored {
  std::size_t candidate = 0;
  double score = 0.0;
};

/// Every pair scored, sorted by score descending then index, the first k kept.
/// `skip(q, c)` leaves a pair out.
template <class Skip>
std::vector<std::vector<scored>> brute_force_top_k(const analysis::csr_matrix& queries,
                                                   const analysis::csr_matrix& corpus, std::size_t k,
                                                   double threshold, Skip skip) {
  const auto dq = to_dense(queries);
  const auto dc = to_dense(corpus);
  std::vector<std::vector<scored>> out(dq.size());
  for (std::size_t q = 0; q < dq.size(); ++q) {
    std::vector<scored> all;
    for (std::size_t c = 0; c < dc.size(); ++c) {
      if (skip(q, c)) continue;
      const double s = dense_cosine(dq[q], dc[c]);
      if (s > threshold) all.push_back({c, s});
    }
    std::stable_sort(all.begin(), all.end(), [](const scored& a, const scored& b) { return a.score > b.score; });
    if (all.size() > k) all.resize(k);
    out[q] = all;
  }
  return out;
}

inline double brute_force_jaccard(const analysis::csr_matrix& m, std::size_t a, std::size_t b) {
  const std::set<std::uint32_t> sa(m.column.begin() + static_cast<std::ptrdiff_t>(m.row_begin[a]),
                                   m.column.begin() + static_cast<std::ptrdiff_t>(m.row_begin[a + 1]));
  const std::set<std::uint32_t> sb(m.column.begin() + static_cast<std::ptrdiff_t>(m.row_begin[b]),
                                   m.column.begin() + static_cast<std::ptrdiff_t>(m.row_begin[b + 1]));
  std::size_t common = 0;
  for (const auto x : sa) common += sb.count(x);
  const std::size_t all = sa.size() + sb.size() - common;
  return all == 0 ? 0.0 : double(common) / double(all);
}

}  // namespace plancmp::reference

namespace plancmp::reference {

/// tf-idf by the textbook: count features per text in a std::map, idf from document
/// frequencies, L2. `features(text)` tokenizes. Rows as feature → weight.
template <class Features>
std::vector<std::map<std::string, double>> naive_tf_idf(const std::vector<std::string>& texts, Features features,
                                                        bool smooth, bool sublinear) {
  std::vector<std::map<std::string, double>> counts;
  std::map<std::string, double> df;
  for (const auto& t : texts) {
    std::map<std::string, double> c;
    for (const auto& f : features(t)) c[f] += 1;
    for (const auto& [f, x] : c) df[f] += 1;
    counts.push_back(c);
  }
  const double n = double(texts.size());
  for (auto& c : counts) {
    double norm = 0;
    for (auto& [f, x] : c) {
      const double tf = sublinear ? 1 + std::log(x) : x;
      x = tf * (smooth ? std::log((1 + n) / (1 + df[f])) + 1 : std::log(n / df[f]) + 1);
      norm += x * x;
    }
    for (auto& [f, x] : c) x /= std::sqrt(norm);
  }
  return counts;
}

}  // namespace plancmp::reference
