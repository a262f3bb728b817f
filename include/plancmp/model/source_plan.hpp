// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/text/document.hpp>

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace plancmp::inline v0 {

/// A document and the plan parsed from it (源文件与规划), shared and immutable: the one
/// type every analysis that shows evidence in the text takes, so a plan can never be
/// paired with another file's document. Copies are cheap (two shared pointers) and
/// safe to use from several threads at once.
///
/// The plan is `const` through the shared pointer, so it stays the plan parsed from the
/// document. (Its graph, `plan::graph`, cannot go stale in any case: see `plan`.) To edit
/// a plan, copy it out (`plan()`), edit a copy of its content and `set_content` it, and
/// make a new source_plan.
///
///     auto s = plancmp::parse::read_source_plan("seeds/ningbo_2021.txt");
///     fmt::print("{}: {} measures, {} bytes\n", s.file(), s.plan().measures().size(),
///                s.document().original.size());
class source_plan {
 public:
  /// Takes both parts; throws `usage_error` when either is null.
  source_plan(std::shared_ptr<const text::document> document, std::shared_ptr<const plancmp::plan> parsed);
  /// Takes a document and the plan parsed from it by value.
  source_plan(text::document document, plancmp::plan parsed);

  /// Reads the plan's source file again (`plan::source.path`, any input format) and
  /// pairs it with `parsed`; for plans read back from JSON. Throws `usage_error` when
  /// the plan names no file (a path such as "<bytes>") or the file's SHA-256 differs
  /// from `source.sha256` (it changed since the plan was read), and what
  /// `text::read_any_document` throws when it cannot be read.
  [[nodiscard]] static source_plan reopen(std::shared_ptr<const plancmp::plan> parsed,
                                          const text::read_options& options = {});

  [[nodiscard]] const text::document& document() const noexcept { return *document_; }
  [[nodiscard]] const plancmp::plan& plan() const noexcept { return *plan_; }
  [[nodiscard]] const std::shared_ptr<const text::document>& shared_document() const noexcept {
    return document_;
  }
  [[nodiscard]] const std::shared_ptr<const plancmp::plan>& shared_plan() const noexcept { return plan_; }
  /// The file the document was read from, as given ("<bytes>" for buffers without a name).
  [[nodiscard]] const std::string& file() const noexcept { return document_->path; }

 private:
  std::shared_ptr<const text::document> document_;
  std::shared_ptr<const plancmp::plan> plan_;
};

/// Copies of the plans of `sources`, in order, for the functions that take a span of
/// plans alone (a plan copy shares its graph).
[[nodiscard]] std::vector<plan> plans_of(std::span<const source_plan> sources);

}  // namespace plancmp::inline v0
