// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text {

/// A token: a byte range `[begin, end)` of the text it was cut from.
struct token {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const token&, const token&) = default;
};

/// Character n-grams of valid UTF-8 `text` (n counted in code points, n ≥ 1), in text
/// order, as byte ranges.
///
/// White space and punctuation are skipped and n-grams never span them: ASCII
/// punctuation, and CJK punctuation too (，。、；：“”‘’《》（）【】〔〕…—·), because an n-gram
/// across `。` or `、` joins two clauses or two list items and only adds noise to
/// similarity. So a run of L word characters between separators yields max(0, L − n + 1)
/// n-grams; a text shorter than n yields nothing. Digits and Latin letters are word
/// characters. Invalid bytes count as separators. Throws `usage_error` when n < 1.
///
///     char_ngrams("知识产权", 2) -> 知识, 识产, 产权
///     char_ngrams("保护、运用", 2) -> 保护, 运用
[[nodiscard]] std::vector<token> char_ngrams(std::string_view text, int n);

/// Words of Chinese (and mixed) text: ICU's dictionary-based word break iterator, with a
/// domain lexicon whose terms are never split (知识产权, 市场监督管理局, 地理标志 …).
///
/// Lexicon terms are found first, leftmost-longest over the whole text; ICU segments
/// only the gaps between them (see `docs/lexicon.md`). A token is an ICU word or a
/// lexicon match trimmed of white space and punctuation; segments made only of those
/// (spaces, `，`, `。`, `%`, `+` …) are not tokens. Concatenated, the tokens hold every
/// other character of the text, in order. Offsets are UTF-8 byte offsets into `text`.
///
///     const auto& w = plancmp::text::word_tokenizer::builtin();
///     auto words = w.tokenize("加强知识产权保护");  // 加强 | 知识产权 | 保护
class word_tokenizer {
 public:
  /// A tokenizer with the given lexicon terms (UTF-8, simplified). Terms may overlap;
  /// the longest match at the leftmost position wins. ASCII letters match regardless of
  /// case; a term starting or ending with a Latin letter or digit only matches between
  /// non-letters. Throws `usage_error` for an empty term, invalid UTF-8, or a term that
  /// begins or ends with white space or punctuation.
  explicit word_tokenizer(std::vector<std::string> lexicon_terms);
  ~word_tokenizer();
  word_tokenizer(word_tokenizer&&) noexcept;
  word_tokenizer& operator=(word_tokenizer&&) noexcept;

  /// The tokenizer with the embedded lexicon `data/lexicon.json`.
  static const word_tokenizer& builtin();

  /// Reads lexicon terms from JSON in the documented format (`{"schema":
  /// "plancmp.lexicon/1", "terms": […], "groups": [{"name": …, "terms": […]}]}`; terms
  /// and groups' terms in file order); throws `schema_error` naming `origin` and the JSON
  /// Pointer of the offending value, also for duplicate terms.
  static std::vector<std::string> read_lexicon(std::string_view json, const std::string& origin);

  /// Tokens of `text` in text order. Thread-safe: break iterators are cloned from one
  /// prototype and pooled, so concurrent calls never share one.
  [[nodiscard]] std::vector<token> tokenize(std::string_view text) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace plancmp::inline v0::text
