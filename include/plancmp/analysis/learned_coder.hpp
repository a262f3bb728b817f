// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/agreement.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0::analysis {

/// A unit to learn from or to code: its text and plancmp's dictionary codes.
struct learning_unit {
  coded_unit dictionary;  ///< plancmp's codes (code_plan), source and id
  std::string text;       ///< the measure's text (simplified), without its responsibility clause
};

/// The measures of the documents a sheet names, with their text and dictionary codes
/// (`seeds/<file>` under `folders.seeds` — empty: among `folders.seed_files` — `corpus/<file>`
/// under `folders.corpus`: parse::read_gold_source); unreadable
/// sources are skipped and listed in `missing`.
struct learning_corpus {
  std::vector<learning_unit> units;
  std::vector<std::string> missing;
};
[[nodiscard]] learning_corpus learning_units(std::span<const std::string> sources,
                                             const parse::gold_folders& folders);

struct learner_options {
  std::size_t folds = 5;        ///< k of k-fold cross-validation (units assigned by position mod k)
  std::size_t epochs = 300;     ///< full-batch gradient steps
  double learning_rate = 4.0;
  double l2 = 1e-3;             ///< ridge penalty
  std::size_t suggest = 20;     ///< units to suggest for hand-coding
};

/// Cross-validated quality of one binary theme.
struct theme_quality {
  std::string variable, theme;
  std::size_t positives = 0;  ///< units the human coded with it
  double dictionary_f1 = 0.0;  ///< the dictionaries alone
  double learned_f1 = 0.0;     ///< the learned model (char n-grams + words + dictionary feature)
  double learned_kappa = 0.0;
};

/// A unit to hand-code next: the learned model is least sure about it.
struct coding_suggestion {
  std::string source, id, text_start;
  double uncertainty = 0.0;  ///< 1 − 2·min |p − ½| over themes: 1 = a coin toss
  std::string theme;         ///< the theme it is least sure of
};

/// What `learn` reports.
struct learning_report {
  std::size_t trained = 0;  ///< human-coded units matched to a document's measure
  std::vector<theme_quality> quality;
  std::vector<coding_suggestion> suggestions;  ///< most uncertain first, units the human did not code
};

/// Trains a logistic-regression coder per theme (ip_related, the five stages, the three
/// tool types) from a human sheet, over hashed character 1–2-grams, ICU words and the
/// dictionary's own code of the theme (so the model learns where to trust the dictionary);
/// reports k-fold cross-validated F1 per theme for the dictionaries and for the model, and
/// suggests which uncoded units to hand-code next. Deterministic (no randomness, fixed
/// order), no network.
[[nodiscard]] learning_report learn(const coding_sheet& human, std::span<const learning_unit> units,
                                    const learner_options& options = {});


}  // namespace plancmp::inline v0::analysis
