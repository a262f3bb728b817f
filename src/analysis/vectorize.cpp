// SPDX-License-Identifier: MIT
#include <plancmp/analysis/vectorize.hpp>

#include <plancmp/detail/parallel.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/clause.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/script.hpp>
#include <plancmp/text/tokenize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace plancmp::inline v0::analysis {

// ---------------------------------------------------------------- csr_matrix

void csr_matrix::push_row(std::span<const std::uint32_t> columns_of_row, std::span<const float> values) {
  column.insert(column.end(), columns_of_row.begin(), columns_of_row.end());
  value.insert(value.end(), values.begin(), values.end());
  row_begin.push_back(column.size());
}

csr_matrix transpose(const csr_matrix& m) {
  csr_matrix t;
  t.columns = m.rows();
  t.row_begin.assign(m.columns + 1, 0);
  for (const std::uint32_t c : m.column) ++t.row_begin[c + 1];
  std::partial_sum(t.row_begin.begin(), t.row_begin.end(), t.row_begin.begin());
  t.column.resize(m.nonzeros());
  t.value.resize(m.nonzeros());
  std::vector<std::uint64_t> fill(t.row_begin.begin(), t.row_begin.end() - 1);
  for (std::size_t r = 0; r < m.rows(); ++r) {
    for (auto e = m.row_begin[r]; e < m.row_begin[r + 1]; ++e) {
      const auto at = fill[m.column[e]]++;
      t.column[at] = static_cast<std::uint32_t>(r);
      t.value[at] = m.value[e];
    }
  }
  return t;
}

void normalize_rows(csr_matrix& m) {
  for (std::size_t r = 0; r < m.rows(); ++r) {
    double sum = 0.0;
    for (auto e = m.row_begin[r]; e < m.row_begin[r + 1]; ++e) sum += double(m.value[e]) * m.value[e];
    if (sum <= 0.0) continue;
    const double scale = 1.0 / std::sqrt(sum);
    for (auto e = m.row_begin[r]; e < m.row_begin[r + 1]; ++e)
      m.value[e] = static_cast<float>(m.value[e] * scale);
  }
}

double row_dot(const csr_matrix& x, std::size_t a, const csr_matrix& y, std::size_t b) {
  auto i = x.row_begin[a];
  auto j = y.row_begin[b];
  const auto i_end = x.row_begin[a + 1];
  const auto j_end = y.row_begin[b + 1];
  double sum = 0.0;
  while (i < i_end && j < j_end) {
    if (x.column[i] < y.column[j]) {
      ++i;
    } else if (y.column[j] < x.column[i]) {
      ++j;
    } else {
      sum += double(x.value[i++]) * y.value[j++];
    }
  }
  return sum;
}

// ---------------------------------------------------------------- vectorizer

namespace {

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x3000 ||
         c == 0xA0;
}

/// scikit-learn's char analyzer: runs of two or more white-space characters become one
/// space; the text is lower-cased (ASCII here: the corpora are Chinese).
std::string sklearn_preprocess(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = text::detail::next_code_point(text, pos);
    if (is_space(c)) {
      std::size_t run_end = pos;
      std::size_t probe = pos;
      int run = 1;
      while (probe < text.size()) {
        std::size_t next = probe;
        if (!is_space(text::detail::next_code_point(text, next))) break;
        probe = next;
        run_end = next;
        ++run;
      }
      if (run >= 2) {
        out += ' ';
      } else {
        out.append(text.substr(start, pos - start));
      }
      pos = run_end;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

void check_options(const vectorize_options& o) {
  if (o.features != feature_kind::words && (o.ngram_min < 1 || o.ngram_max < o.ngram_min)) {
    throw usage_error(fmt::format("n-gram range {}–{} is empty: need 1 ≤ ngram_min ≤ ngram_max",
                                  o.ngram_min, o.ngram_max));
  }
}

/// One text's features as (id, count), ids increasing.
using term_counts = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

term_counts count_ids(std::vector<std::uint32_t>& ids) {
  std::sort(ids.begin(), ids.end());
  term_counts out;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i;
    while (j < ids.size() && ids[j] == ids[i]) ++j;
    out.emplace_back(ids[i], static_cast<std::uint32_t>(j - i));
    i = j;
  }
  return out;
}

/// Rows gathered into one CSR matrix.
csr_matrix assemble(std::vector<std::vector<std::uint32_t>>& cols, std::vector<std::vector<float>>& vals,
                    std::size_t columns) {
  csr_matrix m;
  m.columns = columns;
  std::size_t nnz = 0;
  for (const auto& c : cols) nnz += c.size();
  m.row_begin.reserve(cols.size() + 1);
  m.column.reserve(nnz);
  m.value.reserve(nnz);
  for (std::size_t r = 0; r < cols.size(); ++r) {
    m.push_row(cols[r], vals[r]);
    std::vector<std::uint32_t>().swap(cols[r]);
    std::vector<float>().swap(vals[r]);
  }
  return m;
}

}  // namespace

vectorizer::vectorizer(vectorize_options options) : options_(options) { check_options(options_); }

namespace {

constexpr std::uint64_t hashed_bit = std::uint64_t{1} << 63;

/// Up to three code points, each + 1 in 21 bits: exact, and never 0 or hashed_bit.
std::uint64_t pack(std::span<const char32_t> points) noexcept {
  std::uint64_t key = 0;
  for (const char32_t c : points) key = (key << 21) | (std::uint64_t{c} + 1);
  return key;
}

std::uint64_t hash_bytes(std::string_view s) noexcept {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  h ^= h >> 31;
  h *= 0x9e3779b97f4a7c15ULL;
  return (h ^ (h >> 29)) | hashed_bit;
}

/// The key of one feature: packed when it has at most three code points, else hashed.
std::uint64_t key_of_feature(std::string_view f) noexcept {
  char32_t points[3];
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < f.size();) {
    if (n == 3) return hash_bytes(f);
    points[n++] = text::detail::next_code_point(f, pos);
  }
  return pack({points, n});
}

std::string unpack(std::uint64_t key) {
  std::string out;
  char buf[4];
  for (int shift = 42; shift >= 0; shift -= 21) {
    const auto v = static_cast<char32_t>((key >> shift) & 0x1FFFFF);
    if (v != 0) out.append(buf, text::detail::put_utf8(buf, v - 1));
  }
  return out;
}

std::size_t slot_of(std::uint64_t key, std::size_t mask) noexcept {
  return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> 20) & mask;
}

}  // namespace

std::vector<std::string> vectorizer::features_of(std::string_view text) const {
  std::vector<std::string> out;
  switch (options_.features) {
    case feature_kind::char_ngrams:
      for (int n = options_.ngram_min; n <= options_.ngram_max; ++n)
        for (const text::token& t : text::char_ngrams(text, n)) out.emplace_back(text.substr(t.begin, t.end - t.begin));
      break;
    case feature_kind::raw_char_ngrams: {
      const std::string prepared = sklearn_preprocess(text);
      std::vector<std::size_t> starts;  // code point boundaries
      for (std::size_t pos = 0; pos < prepared.size();) {
        starts.push_back(pos);
        (void)text::detail::next_code_point(prepared, pos);
      }
      starts.push_back(prepared.size());
      const std::size_t points = starts.size() - 1;
      for (int n = options_.ngram_min; n <= options_.ngram_max; ++n)
        for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= points; ++i)
          out.push_back(prepared.substr(starts[i], starts[i + n] - starts[i]));
      break;
    }
    case feature_kind::words:
      for (const text::token& t : text::word_tokenizer::builtin().tokenize(text))
        out.emplace_back(text.substr(t.begin, t.end - t.begin));
      break;
  }
  return out;
}

void vectorizer::keys_of(std::string_view text, std::vector<std::uint64_t>& keys) const {
  keys.clear();
  if (options_.features == feature_kind::raw_char_ngrams && options_.ngram_max <= 3) {
    // The hot path of the benchmark: code points packed straight into keys.
    const std::string prepared = sklearn_preprocess(text);
    std::vector<char32_t> points;
    points.reserve(prepared.size() / 2);
    for (std::size_t pos = 0; pos < prepared.size();) points.push_back(text::detail::next_code_point(prepared, pos));
    for (int n = options_.ngram_min; n <= options_.ngram_max; ++n) {
      const auto len = static_cast<std::size_t>(n);
      for (std::size_t i = 0; i + len <= points.size(); ++i) keys.push_back(pack({points.data() + i, len}));
    }
    return;
  }
  if (options_.features == feature_kind::char_ngrams) {
    for (int n = options_.ngram_min; n <= options_.ngram_max; ++n)
      for (const text::token& t : text::char_ngrams(text, n))
        keys.push_back(key_of_feature(text.substr(t.begin, t.end - t.begin)));
    return;
  }
  for (const std::string& f : features_of(text)) keys.push_back(key_of_feature(f));
}

std::vector<std::uint64_t> vectorizer::feature_set(std::string_view text) const {
  std::vector<std::uint64_t> keys;
  keys_of(text, keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

std::uint32_t vectorizer::column_of(std::uint64_t key) const noexcept {
  if (slot_key_.empty()) return 0xFFFFFFFF;
  const std::size_t mask = slot_key_.size() - 1;
  for (std::size_t s = slot_of(key, mask);; s = (s + 1) & mask) {
    if (slot_key_[s] == key) return slot_column_[s];
    if (slot_key_[s] == 0) return 0xFFFFFFFF;
  }
}

namespace {

/// Weights of one text's counts, L2-normalized when asked.
void weigh_row(const vectorize_options& o, const std::vector<double>& idf, double mean_length,
               const term_counts& counts, std::size_t length, std::vector<std::uint32_t>& cols,
               std::vector<float>& vals) {
  cols.clear();
  vals.clear();
  double norm = 0.0;
  std::vector<double> w;
  w.reserve(counts.size());
  for (const auto& [col, count] : counts) {
    double tf = count;
    if (o.sublinear_tf) tf = 1.0 + std::log(tf);
    double x = 0.0;
    switch (o.weights) {
      case weighting::tf_idf: x = tf * idf[col]; break;
      case weighting::tf: x = tf; break;
      case weighting::binary: x = 1.0; break;
      case weighting::bm25: {
        const double ratio = mean_length > 0 ? double(length) / mean_length : 1.0;
        x = idf[col] * tf * (o.bm25_k1 + 1) / (tf + o.bm25_k1 * (1 - o.bm25_b + o.bm25_b * ratio));
        break;
      }
    }
    cols.push_back(col);
    w.push_back(x);
    norm += x * x;
  }
  const double scale = o.normalize && norm > 0 ? 1.0 / std::sqrt(norm) : 1.0;
  for (const double x : w) vals.push_back(static_cast<float>(x * scale));
}

/// Open-addressing key → id table that grows, for fitting.
struct key_table {
  std::vector<std::uint64_t> keys = std::vector<std::uint64_t>(1 << 16, 0);
  std::vector<std::uint32_t> ids = std::vector<std::uint32_t>(1 << 16, 0);
  std::size_t size = 0;

  void prefetch(std::uint64_t key) const noexcept {
    const std::size_t s = slot_of(key, keys.size() - 1);
    __builtin_prefetch(keys.data() + s);
    __builtin_prefetch(ids.data() + s);
  }
  /// The id of `key`, inserting it as `next` when absent (then `inserted` is true).
  std::uint32_t find_or_insert(std::uint64_t key, std::uint32_t next, bool& inserted) {
    if (2 * (size + 1) > keys.size()) grow();
    const std::size_t mask = keys.size() - 1;
    for (std::size_t s = slot_of(key, mask);; s = (s + 1) & mask) {
      if (keys[s] == key) {
        inserted = false;
        return ids[s];
      }
      if (keys[s] == 0) {
        keys[s] = key;
        ids[s] = next;
        ++size;
        inserted = true;
        return next;
      }
    }
  }
  void grow() {
    key_table bigger;
    bigger.keys.assign(keys.size() * 2, 0);
    bigger.ids.assign(keys.size() * 2, 0);
    const std::size_t mask = bigger.keys.size() - 1;
    for (std::size_t s = 0; s < keys.size(); ++s) {
      if (keys[s] == 0) continue;
      std::size_t t = slot_of(keys[s], mask);
      while (bigger.keys[t] != 0) t = (t + 1) & mask;
      bigger.keys[t] = keys[s];
      bigger.ids[t] = ids[s];
    }
    keys.swap(bigger.keys);
    ids.swap(bigger.ids);
  }
};

}  // namespace

csr_matrix vectorizer::fit_transform(std::span<const std::string> texts) {
  check_options(options_);
  // Texts in chunks: keys cut in parallel, ids given in order of first sight (one
  // thread), counts in parallel; then ids renumbered in the byte order of the features.
  key_table table;
  std::vector<std::uint64_t> key_by_id;
  std::vector<std::string> hashed_text;  // by id: the feature text of a hashed key
  std::vector<term_counts> docs(texts.size());
  std::vector<std::size_t> lengths(texts.size());
  std::vector<std::uint32_t> df;
  constexpr std::size_t chunk = 4096;
  std::vector<std::vector<std::uint64_t>> keys(chunk);
  for (std::size_t first = 0; first < texts.size(); first += chunk) {
    const std::size_t last = std::min(texts.size(), first + chunk);
    plancmp::detail::for_each_block(last - first, 64, options_.threads, [&](std::size_t b, std::size_t e, unsigned) {
      for (std::size_t i = b; i < e; ++i) keys_of(texts[first + i], keys[i]);
    });
    for (std::size_t d = first; d < last; ++d) {
      std::vector<std::uint64_t>& k = keys[d - first];
      lengths[d] = k.size();
      bool new_hashed = false;
      for (std::size_t i = 0; i < k.size(); ++i) {
        // The table outgrows the caches: fetch the slot of a key a few places ahead.
        if (i + 8 < k.size()) table.prefetch(k[i + 8]);
        std::uint64_t& key = k[i];
        bool inserted = false;
        const auto id = table.find_or_insert(key, static_cast<std::uint32_t>(key_by_id.size()), inserted);
        if (inserted) {
          key_by_id.push_back(key);
          df.push_back(0);
          new_hashed = new_hashed || (key & hashed_bit) != 0;
        }
        key = id;
      }
      if (new_hashed) {  // rare: features longer than three code points
        hashed_text.resize(key_by_id.size());
        for (const std::string& f : features_of(texts[d])) {
          bool inserted = false;
          const auto id = table.find_or_insert(key_of_feature(f), 0, inserted);
          if (hashed_text[id].empty()) hashed_text[id] = f;
        }
      }
    }
    plancmp::detail::for_each_block(last - first, 64, options_.threads, [&](std::size_t b, std::size_t e, unsigned) {
      std::vector<std::uint32_t> ids;
      for (std::size_t i = b; i < e; ++i) {
        ids.assign(keys[i].begin(), keys[i].end());
        docs[first + i] = count_ids(ids);
        std::vector<std::uint64_t>().swap(keys[i]);
      }
    });
    for (std::size_t d = first; d < last; ++d)
      for (const auto& tc : docs[d]) ++df[tc.first];
  }
  hashed_text.resize(key_by_id.size());
  // Vocabulary: features with df ≥ min_df, in byte order.
  std::vector<std::string> feature(key_by_id.size());
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < key_by_id.size(); ++i) {
    if (df[i] < options_.min_df) continue;
    feature[i] = (key_by_id[i] & hashed_bit) != 0 ? std::move(hashed_text[i]) : unpack(key_by_id[i]);
    order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return feature[a] < feature[b]; });
  constexpr std::uint32_t dropped = 0xFFFFFFFF;
  std::vector<std::uint32_t> new_id(key_by_id.size(), dropped);
  vocabulary_.clear();
  df_.clear();
  std::size_t slots = 16;
  while (slots < 2 * order.size() + 2) slots *= 2;
  slot_key_.assign(slots, 0);
  slot_column_.assign(slots, 0);
  for (std::uint32_t c = 0; c < order.size(); ++c) {
    new_id[order[c]] = c;
    vocabulary_.push_back(std::move(feature[order[c]]));
    df_.push_back(df[order[c]]);
    std::size_t s = slot_of(key_by_id[order[c]], slots - 1);
    while (slot_key_[s] != 0) s = (s + 1) & (slots - 1);
    slot_key_[s] = key_by_id[order[c]];
    slot_column_[s] = c;
  }
  fitted_texts_ = texts.size();
  const double n = static_cast<double>(fitted_texts_);
  idf_.assign(vocabulary_.size(), 1.0);
  for (std::size_t c = 0; c < vocabulary_.size(); ++c) {
    const double d = df_[c];
    if (options_.weights == weighting::tf_idf) {
      idf_[c] = options_.smooth_idf ? std::log((1 + n) / (1 + d)) + 1 : std::log(n / d) + 1;
    } else if (options_.weights == weighting::bm25) {
      idf_[c] = std::log(1 + (n - d + 0.5) / (d + 0.5));
    }
  }
  mean_length_ = texts.empty() ? 0.0
                               : double(std::accumulate(lengths.begin(), lengths.end(), std::size_t{0})) / n;
  fitted_ = true;

  std::vector<std::vector<std::uint32_t>> cols(texts.size());
  std::vector<std::vector<float>> vals(texts.size());
  plancmp::detail::for_each_block(texts.size(), 256, options_.threads, [&](std::size_t b, std::size_t e, unsigned) {
    for (std::size_t d = b; d < e; ++d) {
      term_counts mapped;
      mapped.reserve(docs[d].size());
      for (const auto& [id, count] : docs[d])
        if (new_id[id] != dropped) mapped.emplace_back(new_id[id], count);
      std::sort(mapped.begin(), mapped.end());
      term_counts().swap(docs[d]);
      weigh_row(options_, idf_, mean_length_, mapped, lengths[d], cols[d], vals[d]);
    }
  });
  return assemble(cols, vals, vocabulary_.size());
}

vectorizer& vectorizer::fit(std::span<const std::string> texts) {
  (void)fit_transform(texts);
  return *this;
}

csr_matrix vectorizer::transform(std::span<const std::string> texts) const {
  if (!fitted_) throw usage_error("vectorizer::transform called before fit(): fit it on a corpus first");
  std::vector<std::vector<std::uint32_t>> cols(texts.size());
  std::vector<std::vector<float>> vals(texts.size());
  plancmp::detail::for_each_block(texts.size(), 256, options_.threads, [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<std::uint64_t> keys;
    std::vector<std::uint32_t> ids;
    for (std::size_t d = begin; d < end; ++d) {
      keys_of(texts[d], keys);
      ids.clear();
      for (const std::uint64_t k : keys)
        if (const auto c = column_of(k); c != 0xFFFFFFFF) ids.push_back(c);
      weigh_row(options_, idf_, mean_length_, count_ids(ids), keys.size(), cols[d], vals[d]);
    }
  });
  return assemble(cols, vals, vocabulary_.size());
}

// ---------------------------------------------------------------- plans to rows

namespace {

/// The text without the responsibility clause that ends it, if any (measures and the 专栏
/// items restating them both carry one).
std::string without_clause(std::string text) {
  if (const auto at = parse::find_clause(text)) text.erase(at->begin, at->end - at->begin);
  return text;
}

}  // namespace

plan_units collect_units(std::span<const plan> plans, const unit_options& options) {
  plan_units out;
  const auto& simplifier = text::simplifier::shared();
  auto add = [&](std::uint32_t p, unit_kind kind, std::size_t index, std::size_t item, std::string id,
                 span where, const std::string& printed) {
    out.units.push_back({p, kind, static_cast<std::uint32_t>(index), static_cast<std::uint32_t>(item),
                         std::move(id), where});
    std::string simplified = simplifier.convert(printed).text;
    out.texts.push_back(options.strip_clause ? without_clause(std::move(simplified)) : std::move(simplified));
  };
  for (std::uint32_t p = 0; p < plans.size(); ++p) {
    const plan& pl = plans[p];
    if (options.measures) {
      for (std::size_t i = 0; i < pl.measures().size(); ++i) {
        const measure& m = pl.measures()[i];
        add(p, unit_kind::measure, i, 0, m.id, m.where, m.text);
      }
    }
    if (options.goals) {
      for (std::size_t i = 0; i < pl.goals().size(); ++i)
        add(p, unit_kind::goal, i, 0, pl.goals()[i].id, pl.goals()[i].where, pl.goals()[i].text);
    }
    if (options.box_items) {
      for (std::size_t b = 0; b < pl.boxes().size(); ++b) {
        for (std::size_t i = 0; i < pl.boxes()[b].items.size(); ++i) {
          const box_item& item = pl.boxes()[b].items[i];
          add(p, unit_kind::box_item, b, i, fmt::format("{}.{}", pl.boxes()[b].id, i + 1), item.where,
              item.text.empty() ? item.title : item.text);
        }
      }
    }
  }
  return out;
}

std::vector<std::uint32_t> plan_vectors::row_plans() const {
  std::vector<std::uint32_t> out;
  out.reserve(units.size());
  for (const text_unit& u : units) out.push_back(u.plan);
  return out;
}

plan_vectors fit_transform_plans(vectorizer& v, std::span<const plan> plans, const unit_options& options) {
  plan_units u = collect_units(plans, options);
  return {v.fit_transform(u.texts), std::move(u.units)};
}

plan_vectors transform_plans(const vectorizer& v, std::span<const plan> plans, const unit_options& options) {
  plan_units u = collect_units(plans, options);
  return {v.transform(u.texts), std::move(u.units)};
}

}  // namespace plancmp::inline v0::analysis
