// SPDX-License-Identifier: MIT
#include <plancmp/analysis/similarity.hpp>

#include <plancmp/detail/parallel.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <map>
#include <numeric>
#include <set>

namespace plancmp::inline v0::analysis {

namespace {

using detail::accumulator;
using detail::better;
using detail::gather;
using detail::offer;
using detail::rows_per_block;

/// Which candidates a query may be paired with.
struct pair_filter {
  bool same_corpus = false;
  bool exclude_same_plan = false;
  std::span<const std::uint32_t> query_plans;
  std::span<const std::uint32_t> candidate_plans;
  std::size_t offset = 0;  ///< query row q is corpus row q + offset (similarity_options::query_row_offset)

  [[nodiscard]] bool allowed(std::size_t q, std::size_t c) const noexcept {
    if (same_corpus && q + offset == c) return false;
    if (exclude_same_plan && query_plans[q + offset] == candidate_plans[c]) return false;
    return true;
  }
  /// The row a match reports as its query.
  [[nodiscard]] std::uint32_t query_row(std::size_t q) const noexcept {
    return static_cast<std::uint32_t>(q + offset);
  }
};

pair_filter make_filter(const csr_matrix& queries, const csr_matrix& corpus, bool same,
                        const similarity_options& o) {
  if (queries.columns != corpus.columns) {
    throw usage_error(fmt::format(
        "top-k search: queries have {} columns and the corpus {}; vectorize both with one vectorizer",
        queries.columns, corpus.columns));
  }
  if (o.query_row_offset) {
    if (same || *o.query_row_offset > corpus.rows() || queries.rows() > corpus.rows() - *o.query_row_offset) {
      throw usage_error(fmt::format(
          "top-k search: query_row_offset {} with {} query rows does not fit a corpus of {} rows{}",
          *o.query_row_offset, queries.rows(), corpus.rows(), same ? " (give the queries and the corpus)" : ""));
    }
    if (o.exclude_same_plan && o.query_plans.size() != corpus.rows()) {
      throw usage_error(fmt::format(
          "exclude_same_plan with query_row_offset needs one plan index per corpus row: {} rows, {} given",
          corpus.rows(), o.query_plans.size()));
    }
    return {true, o.exclude_same_plan, o.query_plans, o.query_plans, *o.query_row_offset};
  }
  pair_filter f{same, o.exclude_same_plan, o.query_plans,
                same || o.candidate_plans.empty() ? o.query_plans : o.candidate_plans};
  if (o.exclude_same_plan &&
      (f.query_plans.size() != queries.rows() || f.candidate_plans.size() != corpus.rows())) {
    throw usage_error(fmt::format(
        "exclude_same_plan needs one plan index per row: {} query rows, {} given; {} corpus rows, {} given",
        queries.rows(), f.query_plans.size(), corpus.rows(), f.candidate_plans.size()));
  }
  return f;
}

/// The generic kernels (kernels/top_k.hpp) on csr_matrix, with the plan filter.
top_k_result exact_top_k(const csr_matrix& queries, const csr_matrix& corpus, bool same,
                         const similarity_options& o) {
  const pair_filter filter = make_filter(queries, corpus, same, o);
  return top_k_rows(queries, corpus, {.top_k = o.top_k, .threshold = o.threshold, .threads = o.threads},
                    filter);
}

top_k_result exact_top_k_within(const csr_matrix& corpus, const similarity_options& o) {
  const pair_filter filter = make_filter(corpus, corpus, true, o);
  return top_k_rows_within(corpus, {.top_k = o.top_k, .threshold = o.threshold, .threads = o.threads},
                           filter);
}

/// AllPairs/L2AP prefix filtering for a threshold t > 0. Each corpus row's features are
/// taken most frequent first; the longest prefix whose bound on its share of any dot
/// product — min(Σ c_f · max query weight of f, ‖prefix‖ · max query norm) — stays under t
/// is left out of the index. A pair scoring above t must then share an indexed feature,
/// so it becomes a candidate. Its indexed partial score plus the dot product of its short
/// prefix is its score summed in another order; candidates that this puts clearly below t
/// are dropped, the rest scored exactly (the same sum, in the same order, as exact mode).
/// The result is exact mode's.
top_k_result bounded_top_k(const csr_matrix& queries, const csr_matrix& corpus, const pair_filter& filter,
                           const similarity_options& o) {
  const std::size_t columns = corpus.columns;
  std::vector<float> max_query(columns, 0.0F);
  float max_query_norm = 0.0F;
  for (std::size_t q = 0; q < queries.rows(); ++q) {
    float sq = 0.0F;
    for (auto e = queries.row_begin[q]; e < queries.row_begin[q + 1]; ++e) {
      max_query[queries.column[e]] = std::max(max_query[queries.column[e]], queries.value[e]);
      sq += queries.value[e] * queries.value[e];
    }
    max_query_norm = std::max(max_query_norm, std::sqrt(sq));
  }
  std::vector<std::uint32_t> df(columns, 0);
  for (const std::uint32_t c : corpus.column) ++df[c];
  // Float sums round: keep the prefix bound a little under t, and the candidate test a
  // little generous, so rounding never loses a pair.
  const double t = o.threshold;
  const double prefix_limit = t - 1e-4;
  const double slack = 1e-4;
  // Each row's prefix (the entries left out of the index), to finish a candidate's score.
  std::vector<std::uint64_t> prefix_begin{0};
  std::vector<std::uint32_t> prefix_column;
  std::vector<float> prefix_value;
  std::vector<char> indexed(corpus.nonzeros(), 0);  // per entry of the corpus
  std::vector<std::uint64_t> postings(columns + 1, 0);
  std::vector<std::uint64_t> order;
  for (std::size_t c = 0; c < corpus.rows(); ++c) {
    const auto first = corpus.row_begin[c];
    order.resize(corpus.row_begin[c + 1] - first);
    std::iota(order.begin(), order.end(), first);
    std::sort(order.begin(), order.end(), [&](std::uint64_t a, std::uint64_t b) {
      const auto fa = corpus.column[a];
      const auto fb = corpus.column[b];
      return df[fa] > df[fb] || (df[fa] == df[fb] && fa < fb);
    });
    double by_weight = 0.0;
    double square = 0.0;
    std::size_t i = 0;
    for (; i < order.size(); ++i) {
      const double w = corpus.value[order[i]];
      const double next_by_weight = by_weight + w * max_query[corpus.column[order[i]]];
      const double next_square = square + w * w;
      const double next = std::min(next_by_weight, std::sqrt(next_square) * max_query_norm);
      if (next >= prefix_limit) break;
      by_weight = next_by_weight;
      square = next_square;
      prefix_column.push_back(corpus.column[order[i]]);
      prefix_value.push_back(corpus.value[order[i]]);
    }
    prefix_begin.push_back(prefix_column.size());
    for (; i < order.size(); ++i) {
      indexed[order[i]] = 1;
      ++postings[corpus.column[order[i]] + 1];
    }
  }
  // The index: per feature, the corpus rows holding it in their indexed part, by row.
  csr_matrix index;
  index.columns = corpus.rows();
  std::partial_sum(postings.begin(), postings.end(), postings.begin());
  index.row_begin = postings;
  index.column.resize(postings.back());
  index.value.resize(postings.back());
  for (std::size_t c = 0; c < corpus.rows(); ++c) {
    for (auto e = corpus.row_begin[c]; e < corpus.row_begin[c + 1]; ++e) {
      if (indexed[e] == 0) continue;
      const auto at = postings[corpus.column[e]]++;
      index.column[at] = static_cast<std::uint32_t>(c);
      index.value[at] = corpus.value[e];
    }
  }
  std::vector<char>().swap(indexed);
  std::vector<std::vector<match>> kept(queries.rows());
  const unsigned workers = plancmp::detail::worker_count(o.threads, queries.rows() / rows_per_block + 1);
  struct scratch {
    accumulator acc;
    std::vector<float> query;
  };
  std::vector<scratch> work(workers);
  const auto threshold = static_cast<float>(t);
  plancmp::detail::for_each_block(queries.rows(), rows_per_block, workers,
                         [&](std::size_t begin, std::size_t end, unsigned w) {
    scratch& s = work[w];
    if (s.query.empty()) s.query.assign(columns, 0.0F);
    for (std::size_t q = begin; q < end; ++q) {
      for (auto e = queries.row_begin[q]; e < queries.row_begin[q + 1]; ++e) s.query[queries.column[e]] = queries.value[e];
      std::vector<match>& heap = kept[q];
      s.acc.add_row(queries, q, index);
      s.acc.take([&](std::uint32_t c, float partial) {
        // The indexed part plus the (short) prefix is the score, summed in another order:
        // only pairs it puts near or above t are scored exactly.
        float rest = 0.0F;
        for (auto e = prefix_begin[c]; e < prefix_begin[c + 1]; ++e) rest += s.query[prefix_column[e]] * prefix_value[e];
        if (double(partial) + double(rest) + slack <= t || !filter.allowed(q, c)) return;
        float score = 0.0F;
        for (auto e = corpus.row_begin[c]; e < corpus.row_begin[c + 1]; ++e) score += s.query[corpus.column[e]] * corpus.value[e];
        if (score > threshold) offer(heap, o.top_k, {static_cast<std::uint32_t>(q), c, score});
      });
      std::sort_heap(heap.begin(), heap.end(), better);
      for (auto e = queries.row_begin[q]; e < queries.row_begin[q + 1]; ++e) s.query[queries.column[e]] = 0.0F;
    }
  });
  return gather(kept);
}

top_k_result pruned_top_k(const csr_matrix& queries, const csr_matrix& corpus, bool same,
                          const similarity_options& o, const pruning_options& p) {
  const pair_filter filter = make_filter(queries, corpus, same, o);
  if (p.bounds && o.threshold > 0.0) return bounded_top_k(queries, corpus, filter, o);
  // The inverted index leaves out frequent features: they cost df² work and say little.
  const csr_matrix full = transpose(corpus);
  const auto cap = std::max<std::size_t>(
      p.min_capped_df, static_cast<std::size_t>(p.max_df_fraction * double(corpus.rows())));
  csr_matrix index;
  index.columns = full.columns;
  for (std::size_t f = 0; f < full.rows(); ++f) {
    const auto df = full.row_begin[f + 1] - full.row_begin[f];
    if (df <= cap) {
      index.push_row(full.row_columns(f), full.row_values(f));
    } else {
      index.row_begin.push_back(index.column.size());
    }
  }
  const std::size_t rescored = std::max<std::size_t>(1, p.rescore_factor * o.top_k);
  std::vector<std::vector<match>> kept(queries.rows());
  const unsigned workers = plancmp::detail::worker_count(o.threads, queries.rows() / rows_per_block + 1);
  struct scratch {
    accumulator acc;
    std::vector<float> query;  // the query row, dense, for exact rescoring
    std::vector<match> candidates;
  };
  std::vector<scratch> work(workers);
  const auto threshold = static_cast<float>(o.threshold);
  plancmp::detail::for_each_block(queries.rows(), rows_per_block, workers,
                         [&](std::size_t begin, std::size_t end, unsigned w) {
    scratch& s = work[w];
    if (s.query.empty()) s.query.assign(corpus.columns, 0.0F);
    for (std::size_t q = begin; q < end; ++q) {
      s.acc.add_row(queries, q, index);
      s.candidates.clear();
      s.acc.take([&](std::uint32_t c, float partial) {
        if (filter.allowed(q, c)) offer(s.candidates, rescored, {filter.query_row(q), c, partial});
      });
      for (auto e = queries.row_begin[q]; e < queries.row_begin[q + 1]; ++e) s.query[queries.column[e]] = queries.value[e];
      std::vector<match>& heap = kept[q];
      for (const match& m : s.candidates) {
        float score = 0.0F;
        for (auto e = corpus.row_begin[m.candidate]; e < corpus.row_begin[m.candidate + 1]; ++e)
          score += s.query[corpus.column[e]] * corpus.value[e];
        if (score > threshold) offer(heap, o.top_k, {m.query, m.candidate, score});
      }
      std::sort_heap(heap.begin(), heap.end(), better);
      for (auto e = queries.row_begin[q]; e < queries.row_begin[q + 1]; ++e) s.query[queries.column[e]] = 0.0F;
    }
  });
  return gather(kept);
}

}  // namespace

namespace detail {

unsigned top_k_workers(unsigned threads, std::size_t work) { return plancmp::detail::worker_count(threads, work); }

void for_each_row_block(std::size_t n, std::size_t block, unsigned workers,
                        const std::function<void(std::size_t, std::size_t, unsigned)>& body) {
  plancmp::detail::for_each_block(n, block, workers, body);
}

}  // namespace detail

template top_k_result top_k_rows<csr_matrix, csr_matrix, all_pairs>(const csr_matrix&, const csr_matrix&,
                                                                    const top_k_options&, const all_pairs&);
template top_k_result top_k_rows_within<csr_matrix, all_pairs>(const csr_matrix&, const top_k_options&,
                                                               const all_pairs&);

top_k_result top_k_similar(const csr_matrix& corpus, const similarity_options& options) {
  return exact_top_k_within(corpus, options);
}
top_k_result top_k_similar(const csr_matrix& queries, const csr_matrix& corpus,
                           const similarity_options& options) {
  return exact_top_k(queries, corpus, false, options);
}
top_k_result top_k_similar_pruned(const csr_matrix& corpus, const similarity_options& options,
                                  const pruning_options& pruning) {
  return pruned_top_k(corpus, corpus, true, options, pruning);
}
top_k_result top_k_similar_pruned(const csr_matrix& queries, const csr_matrix& corpus,
                                  const similarity_options& options, const pruning_options& pruning) {
  return pruned_top_k(queries, corpus, false, options, pruning);
}

recall_report compare_top_k(const top_k_result& exact, const top_k_result& approx) {
  if (exact.queries != approx.queries) {
    throw usage_error(fmt::format("compare_top_k: {} exact queries but {} approximate ones",
                                  exact.queries, approx.queries));
  }
  recall_report r;
  std::size_t tied = 0;
  for (std::size_t q = 0; q < exact.queries; ++q) {
    const auto a = approx.of(q);
    const auto e = exact.of(q);
    for (const match& m : e) {
      ++r.exact_pairs;
      const bool in = std::any_of(a.begin(), a.end(), [&](const match& x) { return x.candidate == m.candidate; });
      if (in) {
        ++r.found;
      } else if (a.size() == e.size() && !a.empty() && m.score <= a.back().score + 1e-6F) {
        ++tied;  // a different candidate with the same score at the boundary
      }
    }
  }
  if (r.exact_pairs > 0) {
    r.recall = double(r.found) / double(r.exact_pairs);
    r.score_recall = double(r.found + tied) / double(r.exact_pairs);
  }
  return r;
}

// ---------------------------------------------------------------- MinHash + LSH

namespace {

/// Jaccard of two sorted sets (CSR row columns, feature sets).
template <class T>
double sorted_jaccard(std::span<const T> a, std::span<const T> b) {
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  const std::size_t all = a.size() + b.size() - common;
  return all == 0 ? 0.0 : double(common) / double(all);
}

}  // namespace

double row_jaccard(const csr_matrix& x, std::size_t a, const csr_matrix& y, std::size_t b) {
  return sorted_jaccard(x.row_columns(a), y.row_columns(b));
}

namespace {

std::uint64_t mix64(std::uint64_t x) noexcept {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

namespace {

/// MinHash + banding over `n` sets: `features(row, out)` fills a row's distinct
/// features (any 64-bit ids), `jaccard(a, b)` verifies a candidate pair.
template <class Features, class Frequent, class Jaccard>
std::vector<match> lsh_search(std::size_t n, Features features, Frequent frequent, Jaccard jaccard,
                              const lsh_options& o) {
  if (o.bands == 0 || o.hashes == 0 || o.hashes % o.bands != 0) {
    throw usage_error(fmt::format("LSH: {} hashes do not split into {} bands of equal size", o.hashes, o.bands));
  }
  if (o.exclude_same_plan && o.plans.size() != n) {
    throw usage_error(
        fmt::format("LSH exclude_same_plan needs one plan index per row: {} rows, {} given", n, o.plans.size()));
  }
  const std::size_t h = o.hashes;
  const std::size_t r = h / o.bands;
  // Hash functions a·x + b over 32 bits of the feature's own hash: one multiply-add per
  // hash and feature, which the compiler vectorizes.
  std::vector<std::uint32_t> mul(h);
  std::vector<std::uint32_t> add(h);
  for (std::size_t i = 0; i < h; ++i) {
    mul[i] = static_cast<std::uint32_t>(mix64(o.seed + 2 * i)) | 1U;
    add[i] = static_cast<std::uint32_t>(mix64(o.seed + 2 * i + 1));
  }
  std::vector<std::uint32_t> signature(n * h);
  std::vector<char> is_empty(n, 0);
  plancmp::detail::for_each_block(n, 256, o.threads, [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<std::uint64_t> set;
    for (std::size_t row = begin; row < end; ++row) {
      features(row, set);
      std::uint32_t* sig = signature.data() + row * h;
      std::fill(sig, sig + h, 0xFFFFFFFFU);
      bool any = false;
      for (const std::uint64_t f : set) {
        // Frequent features would put most pairs of the corpus into common buckets.
        if (frequent(f)) continue;
        any = true;
        const auto x = static_cast<std::uint32_t>(mix64(f));
        for (std::size_t i = 0; i < h; ++i) sig[i] = std::min(sig[i], mul[i] * x + add[i]);
      }
      is_empty[row] = any ? 0 : 1;
    }
  });
  // Buckets: (band, key of the band's values, row), sorted; rows sharing one are candidates.
  struct entry {
    std::uint64_t key;
    std::uint32_t row;
    bool operator<(const entry& e) const noexcept { return key < e.key || (key == e.key && row < e.row); }
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  std::vector<entry> bucket(n);
  constexpr std::size_t window = 64;  // pairs per row inside a huge bucket (boilerplate)
  for (std::size_t b = 0; b < o.bands; ++b) {
    std::size_t filled = 0;
    for (std::size_t row = 0; row < n; ++row) {
      if (is_empty[row] != 0) continue;
      std::uint64_t key = mix64(b + 1);
      for (std::size_t i = b * r; i < (b + 1) * r; ++i) key = mix64(key ^ signature[row * h + i]);
      bucket[filled++] = {key, static_cast<std::uint32_t>(row)};
    }
    std::sort(bucket.begin(), bucket.begin() + static_cast<std::ptrdiff_t>(filled));
    for (std::size_t i = 0; i < filled;) {
      std::size_t j = i;
      while (j < filled && bucket[j].key == bucket[i].key) ++j;
      for (std::size_t x = i; x < j; ++x)
        for (std::size_t y = x + 1; y < j && y <= x + window; ++y) {
          const auto qa = bucket[x].row;
          const auto qb = bucket[y].row;
          if (o.exclude_same_plan && o.plans[qa] == o.plans[qb]) continue;
          pairs.emplace_back(qa, qb);
        }
      i = j;
    }
    // Keep the candidate list short between bands.
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  }
  // The signatures estimate each pair's Jaccard (the share of equal values, standard
  // error ≤ 0.5/√hashes): pairs far below the threshold skip the exact check, which costs
  // far more (for texts: tokenizing both again).
  const double slack = 4.0 * 0.5 / std::sqrt(double(h));
  std::vector<char> keep(pairs.size(), 1);
  plancmp::detail::for_each_block(pairs.size(), 4096, o.threads, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) {
      const std::uint32_t* a = signature.data() + std::size_t{pairs[i].first} * h;
      const std::uint32_t* b = signature.data() + std::size_t{pairs[i].second} * h;
      std::size_t equal = 0;
      for (std::size_t j = 0; j < h; ++j) equal += a[j] == b[j] ? 1 : 0;
      keep[i] = double(equal) / double(h) + slack >= o.threshold ? 1 : 0;
    }
  });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (keep[i] != 0) pairs[kept++] = pairs[i];
  pairs.resize(kept);
  std::vector<std::uint32_t>().swap(signature);
  std::vector<float> score(pairs.size());
  plancmp::detail::for_each_block(pairs.size(), 1024, o.threads, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t i = begin; i < end; ++i) score[i] = static_cast<float>(jaccard(pairs[i].first, pairs[i].second));
  });
  std::vector<match> out;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (score[i] >= o.threshold) out.push_back({pairs[i].first, pairs[i].second, score[i]});
  return out;
}

}  // namespace

std::size_t frequent_df(const lsh_options& o, std::size_t n) {
  return o.max_df_fraction >= 1.0 ? std::numeric_limits<std::size_t>::max()
                                  : std::max<std::size_t>(o.min_capped_df,
                                                          static_cast<std::size_t>(o.max_df_fraction * double(n)));
}

std::vector<match> near_duplicates(const csr_matrix& rows, const lsh_options& o) {
  std::vector<std::uint32_t> df(rows.columns, 0);
  for (const std::uint32_t c : rows.column) ++df[c];
  const std::size_t cap = frequent_df(o, rows.rows());
  return lsh_search(
      rows.rows(),
      [&](std::size_t row, std::vector<std::uint64_t>& set) {
        const auto c = rows.row_columns(row);
        set.assign(c.begin(), c.end());
      },
      [&](std::uint64_t c) { return df[c] > cap; },
      [&](std::uint32_t a, std::uint32_t b) { return row_jaccard(rows, a, rows, b); }, o);
}

namespace {

/// Each text's distinct features as sorted 32-bit hashes, tokenized once: one flat array
/// and its offsets per block of texts, so building them in parallel never copies them.
/// At 60–300 features a text, two of them collide in 32 bits with probability < 10⁻⁵.
struct hashed_feature_sets {
  static constexpr std::size_t block = 4096;
  std::vector<std::vector<std::uint32_t>> values;   // per block
  std::vector<std::vector<std::uint32_t>> offsets;  // per block: texts + 1

  [[nodiscard]] std::span<const std::uint32_t> of(std::size_t row) const noexcept {
    const std::vector<std::uint32_t>& at = offsets[row / block];
    const std::size_t i = row % block;
    return {values[row / block].data() + at[i], at[i + 1] - at[i]};
  }
};

hashed_feature_sets hash_feature_sets(std::span<const std::string> texts, const vectorizer& v, unsigned threads) {
  hashed_feature_sets sets;
  const std::size_t blocks = (texts.size() + hashed_feature_sets::block - 1) / hashed_feature_sets::block;
  sets.values.resize(blocks);
  sets.offsets.resize(blocks);
  plancmp::detail::for_each_block(texts.size(), hashed_feature_sets::block, threads,
                         [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<std::uint32_t>& values = sets.values[begin / hashed_feature_sets::block];
    std::vector<std::uint32_t>& offsets = sets.offsets[begin / hashed_feature_sets::block];
    offsets.push_back(0);
    for (std::size_t t = begin; t < end; ++t) {
      const auto first = static_cast<std::ptrdiff_t>(values.size());
      for (const std::uint64_t key : v.feature_set(texts[t])) values.push_back(static_cast<std::uint32_t>(mix64(key)));
      std::sort(values.begin() + first, values.end());
      values.erase(std::unique(values.begin() + first, values.end()), values.end());
      offsets.push_back(static_cast<std::uint32_t>(values.size()));
    }
    values.shrink_to_fit();
  });
  return sets;
}

}  // namespace

std::vector<match> near_duplicate_texts(std::span<const std::string> texts, const vectorize_options& features,
                                        const lsh_options& o) {
  const vectorizer v(features);
  const hashed_feature_sets sets = hash_feature_sets(texts, v, o.threads);
  // Document frequencies in a counting sketch: collisions only overestimate, so at worst
  // a few more features count as frequent.
  constexpr std::size_t sketch_bits = 24;
  const std::size_t cap = frequent_df(o, texts.size());
  std::vector<std::uint32_t> sketch;
  if (cap != std::numeric_limits<std::size_t>::max()) {
    sketch.assign(std::size_t{1} << sketch_bits, 0);
    for (std::size_t b = 0; b < sets.values.size(); ++b)
      for (const std::uint32_t h : sets.values[b]) ++sketch[h >> (32 - sketch_bits)];
  }
  return lsh_search(
      texts.size(),
      [&](std::size_t row, std::vector<std::uint64_t>& set) {
        const auto s = sets.of(row);
        set.assign(s.begin(), s.end());
      },
      [&](std::uint64_t h) { return !sketch.empty() && sketch[h >> (32 - sketch_bits)] > cap; },
      [&](std::uint32_t a, std::uint32_t b) { return sorted_jaccard(sets.of(a), sets.of(b)); }, o);
}

// ---------------------------------------------------------------- plan × plan

double mean_best_match(const std::vector<std::vector<double>>& block) {
  if (block.empty() || block.front().empty()) return 0.0;
  const std::size_t cols = block.front().size();
  double rows_side = 0.0;
  std::vector<double> col_best(cols, 0.0);
  for (const auto& row : block) {
    rows_side += *std::max_element(row.begin(), row.end());
    for (std::size_t c = 0; c < cols; ++c) col_best[c] = std::max(col_best[c], row[c]);
  }
  const double cols_side = std::accumulate(col_best.begin(), col_best.end(), 0.0);
  return 0.5 * (rows_side / double(block.size()) + cols_side / double(cols));
}

plan_matrix text_similarity_matrix(std::span<const plan> plans, const vectorize_options& vectors,
                                   const unit_options& units, const plan_text_metric& metric,
                                   const std::string& metric_name, idf_scope scope) {
  const std::size_t n = plans.size();
  plan_matrix m;
  m.metric = metric_name;
  m.weighting = scope == idf_scope::pair ? "pair-local idf" : "run idf";
  for (const plan& p : plans) m.plans.push_back(plan_label(p));
  m.score.assign(n, std::vector<double>(n, 0.0));
  if (scope == idf_scope::pair) {
    // Each pair on its own: the vectorizer is fitted on the units of the two plans only.
    std::vector<plan_units> collected;
    collected.reserve(n);
    for (std::size_t a = 0; a < n; ++a) collected.push_back(collect_units(plans.subspan(a, 1), units));
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a; b < n; ++b) {
        std::vector<std::string> texts = collected[a].texts;
        const std::size_t na = texts.size();
        if (b != a) texts.insert(texts.end(), collected[b].texts.begin(), collected[b].texts.end());
        const std::size_t nb = b == a ? na : texts.size() - na;
        const std::size_t offset = b == a ? 0 : na;
        vectorizer v(vectors);
        const csr_matrix x = texts.empty() ? csr_matrix{} : v.fit_transform(texts);
        std::vector<std::vector<double>> ab(na, std::vector<double>(nb)), ba(nb, std::vector<double>(na));
        for (std::size_t i = 0; i < na; ++i)
          for (std::size_t j = 0; j < nb; ++j) ab[i][j] = ba[j][i] = std::min(1.0, row_dot(x, i, x, offset + j));
        m.score[a][b] = metric(ab);
        m.score[b][a] = metric(ba);
      }
    return m;
  }
  vectorizer v(vectors);
  const plan_vectors pv = fit_transform_plans(v, plans, units);
  std::vector<std::vector<std::size_t>> rows_of(n);
  for (std::size_t r = 0; r < pv.units.size(); ++r) rows_of[pv.units[r].plan].push_back(r);
  const csr_matrix by_column = transpose(pv.matrix);
  accumulator acc;
  for (std::size_t a = 0; a < n; ++a) {
    // Cosines of a's units against every unit, one accumulator row at a time.
    std::vector<std::vector<double>> all(rows_of[a].size(), std::vector<double>(pv.matrix.rows(), 0.0));
    for (std::size_t i = 0; i < rows_of[a].size(); ++i) {
      acc.add_row(pv.matrix, rows_of[a][i], by_column);
      acc.take([&](std::uint32_t c, float score) { all[i][c] = score; });
    }
    for (std::size_t b = 0; b < n; ++b) {
      std::vector<std::vector<double>> block(rows_of[a].size(), std::vector<double>(rows_of[b].size()));
      for (std::size_t i = 0; i < rows_of[a].size(); ++i)
        for (std::size_t j = 0; j < rows_of[b].size(); ++j) block[i][j] = std::min(1.0, all[i][rows_of[b][j]]);
      m.score[a][b] = metric(block);
    }
  }
  return m;
}

namespace {

/// Cosines between profiles (one dense vector per plan, same length); NaN (n/a) for a
/// plan whose profile is all zero: no data is not "completely different".
std::vector<std::vector<double>> profile_cosines(const std::vector<std::vector<double>>& profile) {
  const std::size_t n = profile.size();
  std::vector<double> norm(n, 0.0);
  for (std::size_t a = 0; a < n; ++a) {
    for (const double x : profile[a]) norm[a] += x * x;
    norm[a] = std::sqrt(norm[a]);
  }
  std::vector<std::vector<double>> score(n, std::vector<double>(n, std::numeric_limits<double>::quiet_NaN()));
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) {
      if (norm[a] == 0.0 || norm[b] == 0.0) continue;
      double dot = 0.0;
      for (std::size_t i = 0; i < profile[a].size(); ++i) dot += profile[a][i] * profile[b][i];
      score[a][b] = std::min(1.0, dot / (norm[a] * norm[b]));
    }
  }
  return score;
}

}  // namespace

plan_matrix agency_profile_matrix(std::span<const plan> plans) {
  plan_matrix m;
  m.metric = "agency profile cosine";
  std::map<std::string, std::size_t> column;  // canonical agency id → profile index
  std::vector<std::map<std::string, double>> counted(plans.size());
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const plan& pl = plans[p];
    m.plans.push_back(plan_label(pl));
    for (const measure& me : pl.measures()) {
      std::set<std::string> named;
      for (const auto* mentions : {&me.lead, &me.support}) {
        for (const agency_mention& a : *mentions) {
          const auto idx = pl.agency_index(a.name);
          const agency* ag = idx ? &pl.agencies()[*idx] : nullptr;
          named.insert(ag != nullptr && ag->resolution ? ag->resolution->canonical : a.name);
        }
      }
      for (const std::string& id : named) {
        counted[p][id] += 1.0;
        column.emplace(id, column.size());
      }
    }
  }
  std::vector<std::vector<double>> profile(plans.size(), std::vector<double>(column.size(), 0.0));
  for (std::size_t p = 0; p < plans.size(); ++p)
    for (const auto& [id, x] : counted[p]) profile[p][column.at(id)] = x;
  m.score = profile_cosines(profile);
  return m;
}

plan_matrix theme_profile_matrix(const coverage_matrix& coverage) {
  plan_matrix m;
  m.metric = fmt::format("theme profile cosine ({})", coverage.scheme);
  m.plans = coverage.plans;
  m.score = profile_cosines(coverage.shares);
  return m;
}

}  // namespace plancmp::inline v0::analysis
