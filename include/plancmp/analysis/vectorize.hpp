// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/unit.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/span.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

// ---------------------------------------------------------------- sparse matrix

/// A row-compressed (CSR) sparse matrix of `float`: row `r` holds the entries
/// `[row_begin[r], row_begin[r + 1])` of `column` and `value`, columns increasing.
///
///     csr_matrix m = …;
///     for (std::size_t r = 0; r < m.rows(); ++r)
///       for (auto e = m.row_begin[r]; e < m.row_begin[r + 1]; ++e) use(m.column[e], m.value[e]);
struct csr_matrix {
  std::size_t columns = 0;
  std::vector<std::uint64_t> row_begin{0};  ///< rows() + 1 offsets
  std::vector<std::uint32_t> column;
  std::vector<float> value;

  [[nodiscard]] std::size_t rows() const noexcept { return row_begin.size() - 1; }
  [[nodiscard]] std::size_t nonzeros() const noexcept { return column.size(); }
  [[nodiscard]] std::span<const std::uint32_t> row_columns(std::size_t r) const noexcept {
    return {column.data() + row_begin[r], column.data() + row_begin[r + 1]};
  }
  [[nodiscard]] std::span<const float> row_values(std::size_t r) const noexcept {
    return {value.data() + row_begin[r], value.data() + row_begin[r + 1]};
  }
  /// Appends a row; `columns_of_row` must be increasing and below `columns`.
  void push_row(std::span<const std::uint32_t> columns_of_row, std::span<const float> values);
  friend bool operator==(const csr_matrix&, const csr_matrix&) = default;
};

/// The transpose (CSC of `m` seen as CSR): row c lists the rows of `m` holding column c,
/// in increasing order.
[[nodiscard]] csr_matrix transpose(const csr_matrix& m);
/// Scales every non-empty row to Euclidean length 1.
void normalize_rows(csr_matrix& m);
/// Dot product of row `a` of `x` and row `b` of `y` (merge of two sorted rows).
[[nodiscard]] double row_dot(const csr_matrix& x, std::size_t a, const csr_matrix& y, std::size_t b);

// ---------------------------------------------------------------- vectorizer

/// What a text's features are.
enum class feature_kind {
  char_ngrams,  ///< character n-grams (text::char_ngrams): never across punctuation or spaces
  raw_char_ngrams,  ///< every code point, white space runs folded to one space, ASCII lower-cased:
                    ///< scikit-learn's `analyzer='char'` exactly (for comparisons with it)
  words,        ///< words of text::word_tokenizer::builtin() (ICU + domain lexicon)
};
/// How a feature count becomes a weight.
enum class weighting {
  tf_idf,  ///< tf × idf, scikit-learn's TfidfTransformer definition
  bm25,    ///< Okapi BM25 document weights: idf · tf(k1+1) / (tf + k1(1 − b + b·len/avglen))
  tf,      ///< counts (sublinear_tf applies), no idf
  binary,  ///< 1 for a present feature
};

struct vectorize_options {
  feature_kind features = feature_kind::char_ngrams;
  int ngram_min = 2;  ///< n-gram sizes in code points (words: ignored)
  int ngram_max = 3;
  weighting weights = weighting::tf_idf;
  bool smooth_idf = true;     ///< idf = ln((1 + n) / (1 + df)) + 1; else ln(n / df) + 1
  bool sublinear_tf = false;  ///< tf = 1 + ln(count)
  double bm25_k1 = 1.2;
  double bm25_b = 0.75;
  bool normalize = true;      ///< L2-normalize rows (cosine = dot product)
  std::size_t min_df = 1;     ///< features in fewer fitted texts are left out of the vocabulary
  unsigned threads = 0;       ///< 0: all cores
};

/// Turns texts into weighted feature vectors with one vocabulary: fit it on a corpus,
/// then transform that corpus or any other (features unseen at fit time are dropped).
/// Columns are the vocabulary in byte order of the feature text, so the same corpus
/// gives the same matrix whatever its order of fitting threads.
///
///     plancmp::analysis::vectorizer v;             // char 2–3-grams, tf-idf, L2
///     csr_matrix x = v.fit_transform(texts);
///     csr_matrix y = v.transform(other_texts);    // same columns
class vectorizer {
 public:
  explicit vectorizer(vectorize_options options = {});

  /// Learns the vocabulary, document frequencies and (BM25) mean length from `texts`.
  /// Throws `usage_error` for an n-gram range outside 1 ≤ ngram_min ≤ ngram_max.
  vectorizer& fit(std::span<const std::string> texts);
  /// Vectors of `texts` over the fitted vocabulary; throws `usage_error` before fit().
  [[nodiscard]] csr_matrix transform(std::span<const std::string> texts) const;
  [[nodiscard]] csr_matrix fit_transform(std::span<const std::string> texts);

  [[nodiscard]] const vectorize_options& options() const noexcept { return options_; }
  [[nodiscard]] bool fitted() const noexcept { return fitted_; }
  /// Feature texts by column.
  [[nodiscard]] const std::vector<std::string>& vocabulary() const noexcept { return vocabulary_; }
  /// Per column: the idf weight in use (1 for tf and binary weighting).
  [[nodiscard]] const std::vector<double>& idf() const noexcept { return idf_; }
  /// Per column: fitted texts containing the feature.
  [[nodiscard]] const std::vector<std::uint32_t>& document_frequency() const noexcept { return df_; }

  /// The distinct features of one text as 64-bit keys, increasing: up to three code points
  /// packed exactly, longer features hashed. Needs no fitting (MinHash works on these).
  [[nodiscard]] std::vector<std::uint64_t> feature_set(std::string_view text) const;
  /// The features of one text, in order, repeats included (the vectorizer's tokenizer).
  [[nodiscard]] std::vector<std::string> features_of(std::string_view text) const;

 private:
  /// Features as 64-bit keys: up to three code points packed exactly, longer features
  /// hashed (see docs/similarity.md); an open-addressing table maps keys to columns.
  [[nodiscard]] std::uint32_t column_of(std::uint64_t key) const noexcept;
  void keys_of(std::string_view text, std::vector<std::uint64_t>& keys) const;

  vectorize_options options_;
  bool fitted_ = false;
  std::vector<std::string> vocabulary_;
  std::vector<std::uint64_t> slot_key_;     ///< 0: empty slot
  std::vector<std::uint32_t> slot_column_;
  std::vector<double> idf_;
  std::vector<std::uint32_t> df_;
  std::size_t fitted_texts_ = 0;
  double mean_length_ = 0.0;
};

// ---------------------------------------------------------------- plans to rows

/// One text unit of a plan: a row of a plan matrix.
struct text_unit {
  std::uint32_t plan = 0;   ///< index of the plan in the span given
  unit_kind kind = unit_kind::measure;
  std::uint32_t index = 0;  ///< into the plan's measures / goals / boxes
  std::uint32_t item = 0;   ///< box items: index of the item in its box
  std::string id;           ///< measure or goal id; box items "专栏1.2" (box id, 1-based item)
  span where;               ///< bytes in the plan's original file
  friend bool operator==(const text_unit&, const text_unit&) = default;
};

struct unit_options {
  bool measures = true;
  bool goals = false;
  bool box_items = false;
  /// Leave out the responsibility clause (…牵头, …按职责分工负责): boilerplate every plan
  /// shares would otherwise make unrelated measures look alike.
  bool strip_clause = true;
};

/// The text units of plans, in plan order, then measures, goals, box items in document
/// order, with their texts in simplified script (so traditional and simplified plans
/// compare: a Gansu measure and its simplified conversion get the same vector).
struct plan_units {
  std::vector<text_unit> units;
  std::vector<std::string> texts;  ///< per unit, simplified and without the clause
};
[[nodiscard]] plan_units collect_units(std::span<const plan> plans, const unit_options& options = {});

/// Rows of a vector space over plans: `matrix` row r is `units[r]`.
struct plan_vectors {
  csr_matrix matrix;
  std::vector<text_unit> units;
  /// Plan index of every row (for `exclude_same_plan`).
  [[nodiscard]] std::vector<std::uint32_t> row_plans() const;
};

/// Fits `v` on the units of `plans` and returns their vectors.
[[nodiscard]] plan_vectors fit_transform_plans(vectorizer& v, std::span<const plan> plans,
                                               const unit_options& options = {});
/// Vectors of the units of `plans` with an already fitted `v`.
[[nodiscard]] plan_vectors transform_plans(const vectorizer& v, std::span<const plan> plans,
                                           const unit_options& options = {});

}  // namespace plancmp::inline v0::analysis
