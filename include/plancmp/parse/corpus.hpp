// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/parse/parser.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace plancmp::inline v0::parse {

/// Options for loading a corpus.
struct corpus_options {
  /// File name endings read from directories (case-insensitive); files named directly
  /// are always read.
  std::vector<std::string> extensions = {".txt", ".html", ".htm", ".xhtml", ".shtml", ".pdf", ".docx"};
  bool recursive = true;  ///< descend into subdirectories
  unsigned threads = 0;   ///< 0: all cores
  parse_options parse;    ///< for every file (`parse.accounting` is ignored)
  /// Called after each file (from the loading threads, one call at a time) with the
  /// number of files done, the total and the file's path.
  std::function<void(std::size_t done, std::size_t total, const std::string& path)> progress;
};

/// One plan of a corpus, with where it came from.
struct corpus_entry {
  std::string path;         ///< as found
  std::string format;       ///< "text", "html", "pdf", "docx"
  std::string encoding;     ///< of the original bytes
  std::size_t bytes = 0;    ///< size of the file
  /// The document and the plan parsed from it; title, issuer, date, jurisdiction … are
  /// the plan's metadata.
  source_plan source;
};

/// A file that could not be read or parsed, and why (the error's full message).
struct corpus_failure {
  std::string path;
  std::string message;
};

/// The files `paths` name: files as given, directories expanded (recursively by
/// default) to the files whose names end with one of `extensions`, sorted by path so
/// that the order never depends on the file system. A path that does not exist throws
/// `usage_error`.
[[nodiscard]] std::vector<std::string> list_corpus_files(const std::vector<std::string>& paths,
                                                         const corpus_options& options = {});

/// Many plans with their metadata (规划汇编). Loading never stops at a bad file: each
/// failure is kept with its message, and the other files are read.
///
///     auto c = parse::corpus::load({"plans/"});
///     for (const auto& e : c.entries()) fmt::print("{} {}\n", e.path, e.source.plan().measures.size());
///     for (const auto& f : c.failures()) fmt::print(stderr, "{}\n", f.message);
class corpus {
 public:
  corpus() = default;

  /// Reads and parses every file of `list_corpus_files(paths, options)` on
  /// `options.threads` threads; entries and failures come in path order.
  [[nodiscard]] static corpus load(const std::vector<std::string>& paths, const corpus_options& options = {});

  void add(corpus_entry entry) { entries_.push_back(std::move(entry)); }
  void add_failure(corpus_failure failure) { failures_.push_back(std::move(failure)); }

  [[nodiscard]] const std::vector<corpus_entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] const std::vector<corpus_failure>& failures() const noexcept { return failures_; }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  [[nodiscard]] const corpus_entry& operator[](std::size_t i) const { return entries_[i]; }
  [[nodiscard]] auto begin() const noexcept { return entries_.begin(); }
  [[nodiscard]] auto end() const noexcept { return entries_.end(); }

 private:
  std::vector<corpus_entry> entries_;
  std::vector<corpus_failure> failures_;
};

}  // namespace plancmp::inline v0::parse
