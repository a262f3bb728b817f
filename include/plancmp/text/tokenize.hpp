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

/// Character n-grams of valid UTF-8 `text` (n counted in code points, n ≥ 1).
/// Whitespace and ASCII punctuation are skipped: n-grams never span them.
/// A text shorter than n yields nothing.
///
///     char_ngrams("知识产权", 2) -> 知识, 识产, 产权
[[nodiscard]] std::vector<token> char_ngrams(std::string_view text, int n);

/// Words of Chinese (and mixed) text: ICU's dictionary-based word break iterator, with a
/// domain lexicon whose terms are never split (知识产权, 市场监督管理局, 地理标志 …).
/// Whitespace and punctuation are not tokens.
///
///     const auto& w = plancmp::text::word_tokenizer::builtin();
///     auto words = w.tokenize("加强知识产权保护");  // 加强 | 知识产权 | 保护
class word_tokenizer {
 public:
  /// A tokenizer with the given lexicon terms (UTF-8, simplified). Terms may overlap;
  /// the longest match at each position wins.
  explicit word_tokenizer(std::vector<std::string> lexicon_terms);
  ~word_tokenizer();
  word_tokenizer(word_tokenizer&&) noexcept;
  word_tokenizer& operator=(word_tokenizer&&) noexcept;

  /// The tokenizer with the embedded lexicon `data/lexicon.json`.
  static const word_tokenizer& builtin();

  /// Reads lexicon terms from JSON in the documented format (`{"schema":
  /// "plancmp.lexicon/1", "terms":[…]}`); throws `schema_error` naming `origin`.
  static std::vector<std::string> read_lexicon(std::string_view json, const std::string& origin);

  /// Thread-safe.
  [[nodiscard]] std::vector<token> tokenize(std::string_view text) const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace plancmp::inline v0::text
