// SPDX-License-Identifier: MIT
// Shared pieces of the pybind11 module `plancmp._core`: the Python-side plan handle and
// the conversions every binding file uses. Bindings only: logic belongs in the library.
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/text/document.hpp>

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::python {

namespace py = pybind11;

/// What Python calls a `Plan`: a source_plan (the parsed plan and the document it was
/// parsed from, both immutable and shared), so a Plan can be used from several threads at
/// once. A plan read from JSON has no document until first use, when
/// `source_plan::reopen` reads `source.path` again and checks `source.sha256`.
class parsed_plan {
 public:
  explicit parsed_plan(source_plan s);
  /// A plan without its document (read from JSON).
  explicit parsed_plan(std::shared_ptr<const plan> p);

  [[nodiscard]] const plan& get() const noexcept { return *plan_; }
  /// The plan with its document; throws `io_error`/`usage_error` when it cannot be read back.
  [[nodiscard]] const source_plan& source() const;
  [[nodiscard]] const text::document& document() const { return source().document(); }
  [[nodiscard]] bool has_document() const;

 private:
  std::shared_ptr<const plan> plan_;
  struct lazy_source {
    std::once_flag once;
    std::optional<source_plan> source;
  };
  std::shared_ptr<lazy_source> source_;
};

/// The plans as the contiguous vector the library's span-of-plans functions want (plans
/// are cheap to copy: the graph is shared).
std::vector<plan> plans_of(const std::vector<parsed_plan>& plans);
/// The plans with their documents, for the functions that take a span of source_plans.
std::vector<source_plan> sources_of(const std::vector<parsed_plan>& plans);

void bind_errors(py::module_& m);
void bind_model(py::module_& m);
void bind_parse(py::module_& m);
void bind_report(py::module_& m);
void bind_similarity(py::module_& m);
void bind_analysis(py::module_& m);
void bind_diffusion(py::module_& m);

}  // namespace plancmp::python
