// SPDX-License-Identifier: MIT
#include <plancmp/analysis/vectorize.hpp>

#include "detail/parallel.hpp"

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

}  // namespace

std::size_t vectorizer::string_hash::operator()(std::string_view s) const noexcept {
  // FNV-1a: short keys (2–9 bytes), so a simple byte hash beats std::hash's setup.
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return static_cast<std::size_t>(h ^ (h >> 29));
}

vectorizer::vectorizer(vectorize_options options) : options_(options) { check_options(options_); }

std::vector<std::string_view> vectorizer::features_of(std::string_view text) const {
  std::vector<std::string_view> out;
  switch (options_.features) {
    case feature_kind::char_ngrams:
      for (int n = options_.ngram_min; n <= options_.ngram_max; ++n)
        for (const text::token& t : text::char_ngrams(text, n))
          out.push_back(text.substr(t.begin, t.end - t.begin));
      break;
    case feature_kind::raw_char_ngrams: {
      std::vector<std::size_t> starts;  // code point boundaries
      for (std::size_t pos = 0; pos < text.size();) {
        starts.push_back(pos);
        (void)text::detail::next_code_point(text, pos);
      }
      starts.push_back(text.size());
      const std::size_t points = starts.size() - 1;
      for (int n = options_.ngram_min; n <= options_.ngram_max; ++n)
        for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= points; ++i)
          out.push_back(text.substr(starts[i], starts[i + n] - starts[i]));
      break;
    }
    case feature_kind::words:
      for (const text::token& t : text::word_tokenizer::builtin().tokenize(text))
        out.push_back(text.substr(t.begin, t.end - t.begin));
      break;
  }
  return out;
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

}  // namespace

csr_matrix vectorizer::fit_transform(std::span<const std::string> texts) {
  check_options(options_);
  const bool raw = options_.features == feature_kind::raw_char_ngrams;
  // One pass: ids in order of first sight, then renumbered in byte order.
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> seen;
  std::vector<std::string> seen_terms;
  std::vector<term_counts> docs(texts.size());
  std::vector<std::size_t> lengths(texts.size());
  std::vector<std::uint32_t> df;
  std::vector<std::uint32_t> ids;
  for (std::size_t d = 0; d < texts.size(); ++d) {
    const std::string prepared = raw ? sklearn_preprocess(texts[d]) : std::string();
    const auto features = features_of(raw ? std::string_view(prepared) : std::string_view(texts[d]));
    ids.clear();
    for (const std::string_view f : features) {
      auto it = seen.find(f);
      if (it == seen.end()) {
        it = seen.emplace(std::string(f), static_cast<std::uint32_t>(seen_terms.size())).first;
        seen_terms.emplace_back(f);
        df.push_back(0);
      }
      ids.push_back(it->second);
    }
    lengths[d] = features.size();
    docs[d] = count_ids(ids);
    for (const auto& tc : docs[d]) ++df[tc.first];
  }
  // Vocabulary: features with df ≥ min_df, in byte order.
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < seen_terms.size(); ++i)
    if (df[i] >= options_.min_df) order.push_back(i);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return seen_terms[a] < seen_terms[b]; });
  constexpr std::uint32_t dropped = 0xFFFFFFFF;
  std::vector<std::uint32_t> new_id(seen_terms.size(), dropped);
  vocabulary_.clear();
  df_.clear();
  column_of_.clear();
  for (std::uint32_t c = 0; c < order.size(); ++c) {
    new_id[order[c]] = c;
    vocabulary_.push_back(std::move(seen_terms[order[c]]));
    df_.push_back(df[order[c]]);
    column_of_.emplace(vocabulary_.back(), c);
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

  csr_matrix m;
  m.columns = vocabulary_.size();
  m.row_begin.reserve(texts.size() + 1);
  std::vector<std::uint32_t> cols;
  std::vector<float> vals;
  for (std::size_t d = 0; d < texts.size(); ++d) {
    term_counts mapped;
    mapped.reserve(docs[d].size());
    for (const auto& [id, count] : docs[d])
      if (new_id[id] != dropped) mapped.emplace_back(new_id[id], count);
    std::sort(mapped.begin(), mapped.end());
    term_counts().swap(docs[d]);
    weigh_row(options_, idf_, mean_length_, mapped, lengths[d], cols, vals);
    m.push_row(cols, vals);
  }
  return m;
}

vectorizer& vectorizer::fit(std::span<const std::string> texts) {
  (void)fit_transform(texts);
  return *this;
}

csr_matrix vectorizer::transform(std::span<const std::string> texts) const {
  if (!fitted_) throw usage_error("vectorizer::transform called before fit(): fit it on a corpus first");
  const bool raw = options_.features == feature_kind::raw_char_ngrams;
  struct row {
    std::vector<std::uint32_t> cols;
    std::vector<float> vals;
  };
  std::vector<row> rows(texts.size());
  detail::for_each_block(texts.size(), 256, options_.threads,
                         [&](std::size_t begin, std::size_t end, unsigned) {
    std::vector<std::uint32_t> ids;
    for (std::size_t d = begin; d < end; ++d) {
      const std::string prepared = raw ? sklearn_preprocess(texts[d]) : std::string();
      const auto features = features_of(raw ? std::string_view(prepared) : std::string_view(texts[d]));
      ids.clear();
      for (const std::string_view f : features) {
        const auto it = column_of_.find(f);
        if (it != column_of_.end()) ids.push_back(it->second);
      }
      weigh_row(options_, idf_, mean_length_, count_ids(ids), features.size(), rows[d].cols,
                rows[d].vals);
    }
  });
  csr_matrix m;
  m.columns = vocabulary_.size();
  for (const row& r : rows) m.push_row(r.cols, r.vals);
  return m;
}

// ---------------------------------------------------------------- plans to rows

std::string_view to_string(unit_kind k) noexcept {
  switch (k) {
    case unit_kind::measure: return "measure";
    case unit_kind::goal: return "goal";
    case unit_kind::box_item: return "box_item";
  }
  return "measure";
}

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
      for (std::size_t i = 0; i < pl.measures.size(); ++i) {
        const measure& m = pl.measures[i];
        add(p, unit_kind::measure, i, 0, m.id, m.where, m.text);
      }
    }
    if (options.goals) {
      for (std::size_t i = 0; i < pl.goals.size(); ++i)
        add(p, unit_kind::goal, i, 0, pl.goals[i].id, pl.goals[i].where, pl.goals[i].text);
    }
    if (options.box_items) {
      for (std::size_t b = 0; b < pl.boxes.size(); ++b) {
        for (std::size_t i = 0; i < pl.boxes[b].items.size(); ++i) {
          const box_item& item = pl.boxes[b].items[i];
          add(p, unit_kind::box_item, b, i, fmt::format("{}.{}", pl.boxes[b].id, i + 1), item.where,
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
