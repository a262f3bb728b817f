// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::parse {

/// One measure of a gold annotation (docs/gold.md, `plancmp.gold.parse/1`).
struct gold_measure {
  std::vector<std::string> path;
  std::string text_start;            ///< the first characters after the number, as printed
  std::vector<std::string> lead;     ///< as printed; all listed units when `joint`
  std::vector<std::string> support;
  bool joint = false;
  std::optional<std::string> deadline;
};

/// One quantitative target of a gold annotation.
struct gold_target {
  std::string text;
  double value = 0.0;
  std::string unit;
  std::optional<int> year;
};

/// A document annotated by a person reading it: what the parser should find.
struct gold_document {
  std::string origin;  ///< the gold file
  std::string source;  ///< "seeds/<file>" or "corpus/<file>"
  document_kind kind = document_kind::plan;  ///< "kind" in the file; absent: plan
  std::optional<std::string> title, notice_title, issuer, jurisdiction, level, issued, doc_number;
  bool first_listed_leads = false;
  std::vector<gold_measure> measures;
  std::vector<gold_target> targets;
  std::size_t tables = 0;
  std::size_t boxes = 0;
};

/// A file held in memory rather than in a folder: its file name and its bytes.
struct memory_file {
  std::string_view name;   ///< file name, e.g. "000_edee8db098a98e76.txt"
  std::string_view bytes;  ///< the file, byte-for-byte
};

/// Where the documents that gold files name are: `seeds/<file>` in the folder `seeds`, or
/// when that is empty among `seed_files`; `corpus/<file>` in `corpus` (the development
/// corpus, `../shared/corpus/docs` beside the project). The library holds no seeds of its
/// own: the plancmp CLI and the Python module pass the seeds they embed as `seed_files`
/// (src/seeds, README "Layers").
///
///     parse::gold_folders folders{"", "corpus"};
///     folders.seed_files.push_back({"000_edee8db098a98e76.txt", bytes});  // bytes outlive the call
struct gold_folders {
  std::string seeds;
  std::string corpus = "../shared/corpus/docs";
  std::vector<memory_file> seed_files{};  ///< views: the bytes must outlive the calls that use them
};

/// The document a gold file (parse, coding or alignment gold, docs/gold.md) names as
/// `seeds/<file>` or `corpus/<file>`, read in any format; any other source is read as a
/// path. Throws what reading a file throws (`io_error` naming the path when it is missing),
/// and `usage_error` for a seed that is not among `folders.seed_files` ("no bundled seed of
/// that name") or when there is neither a seeds folder nor seed files.
[[nodiscard]] text::document read_gold_source(std::string_view source, const gold_folders& folders,
                                              const text::read_options& read = {});

/// Reads a gold file; throws `schema_error` naming the file and the JSON Pointer of what
/// is wrong.
[[nodiscard]] gold_document read_gold(const std::string& path);

/// A count of right answers out of a number of questions; `rate()` is 1 when there are
/// none (nothing to get wrong).
struct tally {
  std::size_t right = 0;
  std::size_t total = 0;
  [[nodiscard]] double rate() const noexcept {
    return total == 0 ? 1.0 : static_cast<double>(right) / static_cast<double>(total);
  }
};

/// How faithfully a parsed plan reproduces its gold annotation.
struct fidelity {
  std::string source;
  std::size_t gold_measures = 0, parsed_measures = 0, matched_measures = 0;
  tally lead, support, deadline;  ///< over matched measures
  std::size_t gold_targets = 0, parsed_targets = 0, matched_targets = 0;
  /// Metadata fields, each right or wrong: kind, title, issuer, level, issued, doc_number.
  std::vector<std::pair<std::string, bool>> metadata;
  /// One line per disagreement, for people ("measure 三.(一).2: lead 省科技厅 ≠ gold 省工信厅").
  std::vector<std::string> differences;

  [[nodiscard]] double measure_precision() const noexcept;
  [[nodiscard]] double measure_recall() const noexcept;
  [[nodiscard]] double target_precision() const noexcept;
  [[nodiscard]] double target_recall() const noexcept;
  [[nodiscard]] tally metadata_right() const noexcept;
};

/// Compares a parsed plan with its gold annotation. Gold measures are matched to parsed
/// measures one to one, in document order, by the start of their text (white space and
/// full-width forms folded), so that a different numbering path does not hide a measure
/// that was found; targets by value and printed unit.
[[nodiscard]] fidelity evaluate(const plan& parsed, const gold_document& gold);

/// Text folded for comparison: white space removed, full-width ASCII forms and brackets
/// made half-width, `等` at the end of an agency name dropped by the caller.
[[nodiscard]] std::string fold_for_comparison(std::string_view s);

}  // namespace plancmp::inline v0::parse
