// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <ranges>
#include <span>
#include <vector>

namespace plancmp::inline v0::analysis {

/// One scored pair: row `query` of the queries and row `candidate` of the corpus.
struct match {
  std::uint32_t query = 0;
  std::uint32_t candidate = 0;
  float score = 0.0F;  ///< cosine (dot product of L2-normalized rows); Jaccard for LSH
  friend bool operator==(const match&, const match&) = default;
};

/// The k best candidates of every query row: `matches` sorted by query, then score
/// descending, then candidate ascending (ties broken by index, so the output is the same
/// for every thread count).
struct top_k_result {
  std::vector<match> matches;
  std::size_t queries = 0;
  /// Matches of query row q: [query_begin[q], query_begin[q + 1]).
  std::vector<std::uint64_t> query_begin;
  [[nodiscard]] std::span<const match> of(std::size_t q) const noexcept {
    return {matches.data() + query_begin[q], matches.data() + query_begin[q + 1]};
  }
};

/// Rows of (column index, value) pairs: `m.rows()` rows, row r's increasing column
/// indices in `m.row_columns(r)` and its values (non-negative) in `m.row_values(r)`, both
/// random-access ranges of the same length. `csr_matrix` is one; so is any CSR, a vector
/// of sparse vectors behind two small accessors, or a bag-of-words table.
template <class M>
concept sparse_rows = requires(const M& m, std::size_t r) {
  { m.rows() } -> std::convertible_to<std::size_t>;
  { m.row_columns(r) } -> std::ranges::random_access_range;
  { m.row_values(r) } -> std::ranges::random_access_range;
} && requires(const M& m, std::size_t r) {
  { *std::ranges::begin(m.row_columns(r)) } -> std::convertible_to<std::size_t>;
  { *std::ranges::begin(m.row_values(r)) } -> std::convertible_to<float>;
};

/// Options of the generic top-k kernels (`similarity_options` has the same names).
struct top_k_options {
  std::size_t top_k = 10;  ///< best candidates kept per query row
  double threshold = 0.0;  ///< keep scores > threshold (0: any overlap at all)
  unsigned threads = 0;    ///< 0: all cores
};

/// The default pair filter of `top_k_rows`: every pair is allowed, matches carry the
/// query row. A filter has `allowed(q, c)` and `query_row(q)`.
struct all_pairs {
  [[nodiscard]] constexpr bool allowed(std::size_t, std::size_t) const noexcept { return true; }
  [[nodiscard]] constexpr std::uint32_t query_row(std::size_t q) const noexcept {
    return static_cast<std::uint32_t>(q);
  }
};

template <class F>
concept top_k_filter = requires(const F& f, std::size_t q, std::size_t c) {
  { f.allowed(q, c) } -> std::convertible_to<bool>;
  { f.query_row(q) } -> std::convertible_to<std::uint32_t>;
};

namespace detail {

/// Heap order: a is better than b (higher score, then lower index).
inline bool better(const match& a, const match& b) noexcept {
  return a.score > b.score || (a.score == b.score && a.candidate < b.candidate);
}

/// Keeps the best `k` matches offered; `heap.front()` is the worst kept.
inline void offer(std::vector<match>& heap, std::size_t k, const match& m) {
  if (heap.size() < k) {
    heap.push_back(m);
    std::push_heap(heap.begin(), heap.end(), better);
  } else if (better(m, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), better);
    heap.back() = m;
    std::push_heap(heap.begin(), heap.end(), better);
  }
}

/// Per query, its kept matches best first, gathered into one result.
inline top_k_result gather(std::vector<std::vector<match>>& per_query) {
  top_k_result r;
  r.queries = per_query.size();
  r.query_begin.reserve(per_query.size() + 1);
  r.query_begin.push_back(0);
  std::size_t total = 0;
  for (const auto& v : per_query) total += v.size();
  r.matches.reserve(total);
  for (auto& v : per_query) {
    r.matches.insert(r.matches.end(), v.begin(), v.end());
    r.query_begin.push_back(r.matches.size());
    std::vector<match>().swap(v);
  }
  return r;
}

/// Worker count for `threads` (0: all cores) and `work` items.
[[nodiscard]] unsigned top_k_workers(unsigned threads, std::size_t work);
/// Calls `body(begin, end, worker)` on blocks of [0, n) over `workers` threads, and
/// rethrows the first worker exception (plancmp/detail/parallel.hpp, compiled).
void for_each_row_block(std::size_t n, std::size_t block, unsigned workers,
                        const std::function<void(std::size_t, std::size_t, unsigned)>& body);

inline constexpr std::size_t rows_per_block = 64;

/// An inverted index (the corpus transposed): row f lists, by increasing corpus row, the
/// rows holding column f (`column`) and their values. Same fields as `csr_matrix`.
struct column_index {
  std::size_t columns = 0;  ///< corpus rows
  std::vector<std::uint64_t> row_begin{0};
  std::vector<std::uint32_t> column;
  std::vector<float> value;
  [[nodiscard]] std::size_t rows() const noexcept { return row_begin.size() - 1; }
};

template <sparse_rows M>
column_index invert(const M& m) {
  column_index t;
  t.columns = static_cast<std::size_t>(m.rows());
  std::size_t features = 0;
  std::size_t nonzeros = 0;
  for (std::size_t r = 0; r < t.columns; ++r) {
    for (const auto c : m.row_columns(r)) features = std::max(features, static_cast<std::size_t>(c) + 1);
    nonzeros += static_cast<std::size_t>(std::ranges::size(m.row_columns(r)));
  }
  t.row_begin.assign(features + 1, 0);
  for (std::size_t r = 0; r < t.columns; ++r)
    for (const auto c : m.row_columns(r)) ++t.row_begin[static_cast<std::size_t>(c) + 1];
  for (std::size_t f = 0; f < features; ++f) t.row_begin[f + 1] += t.row_begin[f];
  t.column.resize(nonzeros);
  t.value.resize(nonzeros);
  std::vector<std::uint64_t> fill(t.row_begin.begin(), t.row_begin.end() - 1);
  for (std::size_t r = 0; r < t.columns; ++r) {
    const auto& columns = m.row_columns(r);
    const auto& values = m.row_values(r);
    auto v = std::ranges::begin(values);
    for (auto c = std::ranges::begin(columns); c != std::ranges::end(columns); ++c, ++v) {
      const auto at = fill[static_cast<std::size_t>(*c)]++;
      t.column[at] = static_cast<std::uint32_t>(r);
      t.value[at] = static_cast<float>(*v);
    }
  }
  return t;
}

/// Gustavson's accumulator: one dense sum per corpus row and the list of rows touched.
/// Weights are non-negative, so a zero sum marks an untouched row and `take` leaves the
/// sums zero again for the next query.
struct accumulator {
  std::vector<float> sum;
  std::vector<std::uint32_t> touched;

  /// Adds row `q` of `x` times the corpus (`by_column`: the corpus transposed, a
  /// `column_index` or `csr_matrix`), counting only corpus rows after `after` when it is
  /// set (the symmetric kernel). Columns the index does not have are skipped.
  template <sparse_rows X, class Index>
  void add_row(const X& x, std::size_t q, const Index& by_column,
               std::optional<std::uint32_t> after = {}) {
    if (sum.empty()) sum.assign(by_column.columns, 0.0F);
    touched.clear();
    const auto& columns = x.row_columns(q);
    const auto& values = x.row_values(q);
    auto v = std::ranges::begin(values);
    const std::size_t features = by_column.row_begin.size() - 1;
    for (auto it = std::ranges::begin(columns); it != std::ranges::end(columns); ++it, ++v) {
      const auto weight = static_cast<float>(*v);
      const auto f = static_cast<std::size_t>(*it);
      if (f >= features) continue;
      const std::uint32_t* first = by_column.column.data() + by_column.row_begin[f];
      const std::uint32_t* last = by_column.column.data() + by_column.row_begin[f + 1];
      if (after) first = std::upper_bound(first, last, *after);
      const float* value = by_column.value.data() + (first - by_column.column.data());
      for (const std::uint32_t* c = first; c != last; ++c, ++value) {
        if (sum[*c] == 0.0F) touched.push_back(*c);
        sum[*c] += weight * *value;
      }
    }
  }
  /// Calls `use(row, score)` for every touched row, clearing the sums.
  template <class Use>
  void take(Use&& use) {
    for (const std::uint32_t c : touched) {
      const float score = sum[c];
      sum[c] = 0.0F;
      use(c, score);
    }
  }
};

}  // namespace detail

/// Exact top-k by dot product: the `options.top_k` best rows of `corpus` for every row
/// of `queries` (scores > `options.threshold`, pairs passing `filter`), on any two
/// `sparse_rows` types with one column space. With L2-normalized rows the score is the
/// cosine. A bounded heap per query against the corpus's inverted index, one dense
/// accumulator per worker (Gustavson); memory O(nnz + threads · corpus rows), never
/// rows². Values must be non-negative; scores are summed in float.
///
///     // rows {0:1, 2:1}, {1:1}, {0:1, 1:1}; queries = corpus
///     auto r = top_k_rows(m, m, {.top_k = 1});  // row 0's best: row 0 itself, score 2
///
/// `top_k_similar` is this kernel on `csr_matrix` with plancmp's plan filter.
template <sparse_rows Q, sparse_rows C, top_k_filter Filter = all_pairs>
[[nodiscard]] top_k_result top_k_rows(const Q& queries, const C& corpus,
                                      const top_k_options& options = {},
                                      const Filter& filter = {}) {
  const detail::column_index by_column = detail::invert(corpus);
  const auto rows = static_cast<std::size_t>(queries.rows());
  std::vector<std::vector<match>> kept(rows);
  const unsigned workers =
      detail::top_k_workers(options.threads, rows / detail::rows_per_block + 1);
  std::vector<detail::accumulator> work(workers);
  const auto threshold = static_cast<float>(options.threshold);
  detail::for_each_row_block(rows, detail::rows_per_block, workers,
                             [&](std::size_t begin, std::size_t end, unsigned w) {
    detail::accumulator& a = work[w];
    for (std::size_t q = begin; q < end; ++q) {
      a.add_row(queries, q, by_column);
      std::vector<match>& heap = kept[q];
      a.take([&](std::uint32_t c, float score) {
        if (score > threshold && filter.allowed(q, c))
          detail::offer(heap, options.top_k, {filter.query_row(q), c, score});
      });
      std::sort_heap(heap.begin(), heap.end(), detail::better);
    }
  });
  return detail::gather(kept);
}

/// All-pairs top-k within one set of rows (a row never matches itself): the product is
/// symmetric, so row i is multiplied only with rows j > i and each score offered to both
/// rows' heaps, which halves the work. Heaps are per worker (rows · top_k each) and
/// merged at the end; a pair's score is computed once, from its lower row, so the result
/// is the same for every thread count. `filter.allowed(i, j)` is asked with i < j.
template <sparse_rows C, top_k_filter Filter = all_pairs>
[[nodiscard]] top_k_result top_k_rows_within(const C& corpus, const top_k_options& options = {},
                                             const Filter& filter = {}) {
  const detail::column_index by_column = detail::invert(corpus);
  const auto n = static_cast<std::size_t>(corpus.rows());
  const std::size_t k = options.top_k;
  const unsigned workers = detail::top_k_workers(options.threads, n / detail::rows_per_block + 1);
  struct scratch {
    detail::accumulator acc;
    std::vector<match> slots;         // rows · k heaps
    std::vector<std::uint32_t> size;  // per row: matches in its heap
    // Per row: the worst score its full heap holds (−∞ until full). Most offers are
    // rejected; this compact array answers them without touching the heaps.
    std::vector<float> floor;
  };
  std::vector<scratch> work(workers);
  const auto threshold = static_cast<float>(options.threshold);
  auto offer_to = [k](scratch& s, std::uint32_t row, const match& m) {
    match* heap = s.slots.data() + std::size_t{row} * k;
    std::uint32_t& size = s.size[row];
    if (size < k) {
      heap[size++] = m;
      std::push_heap(heap, heap + size, detail::better);
      if (size == k) s.floor[row] = heap[0].score;
    } else if (detail::better(m, heap[0])) {
      std::pop_heap(heap, heap + size, detail::better);
      heap[size - 1] = m;
      std::push_heap(heap, heap + size, detail::better);
      s.floor[row] = heap[0].score;
    }
  };
  if (k > 0) {
    detail::for_each_row_block(n, detail::rows_per_block, workers,
                               [&](std::size_t begin, std::size_t end, unsigned w) {
      scratch& s = work[w];
      if (s.slots.empty()) {
        s.slots.resize(n * k);
        s.size.assign(n, 0);
        s.floor.assign(n, -std::numeric_limits<float>::infinity());
      }
      for (std::size_t i = begin; i < end; ++i) {
        const auto row = static_cast<std::uint32_t>(i);
        s.acc.add_row(corpus, i, by_column, row);
        s.acc.take([&](std::uint32_t c, float score) {
          if (score > threshold && filter.allowed(i, c)) {
            if (score >= s.floor[row]) offer_to(s, row, {row, c, score});
            if (score >= s.floor[c]) offer_to(s, c, {c, row, score});
          }
        });
      }
    });
  }
  std::vector<std::vector<match>> kept(n);
  detail::for_each_row_block(n, 1024, workers, [&](std::size_t begin, std::size_t end, unsigned) {
    for (std::size_t r = begin; r < end; ++r) {
      std::vector<match>& out = kept[r];
      for (const scratch& s : work) {
        if (s.size.empty()) continue;
        const match* heap = s.slots.data() + r * k;
        out.insert(out.end(), heap, heap + s.size[r]);
      }
      std::sort(out.begin(), out.end(), detail::better);
      if (out.size() > k) out.resize(k);
    }
  });
  return detail::gather(kept);
}

}  // namespace plancmp::inline v0::analysis
