// SPDX-License-Identifier: MIT
// Shared pieces of the pybind11 module `plancmp._core`: the Python-side plan handle and
// the conversions every binding file uses. Bindings only: logic belongs in the library.
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/text/document.hpp>

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::python {

namespace py = pybind11;

/// What Python calls a `Plan`: the parsed plan and the document it was parsed from, both
/// immutable and shared, so a Plan can be used from several threads at once. Plans read
/// from JSON or from a corpus load get their document on first use, read again from
/// `source.path` and checked against `source.sha256`.
class parsed_plan {
 public:
  parsed_plan(std::shared_ptr<const plan> p, std::shared_ptr<const text::document> doc);

  [[nodiscard]] const plan& get() const noexcept { return *plan_; }
  [[nodiscard]] const std::shared_ptr<const plan>& shared() const noexcept { return plan_; }
  /// The source document; throws `io_error`/`usage_error` when it cannot be read back.
  [[nodiscard]] const text::document& document() const;
  [[nodiscard]] bool has_document() const;

 private:
  std::shared_ptr<const plan> plan_;
  struct lazy_document {
    std::once_flag once;
    std::shared_ptr<const text::document> doc;
  };
  std::shared_ptr<lazy_document> doc_;
};

/// Plans and their documents as the contiguous vectors the library's span-taking
/// functions want (plans are cheap to copy: the graph is shared).
std::vector<plan> plans_of(const std::vector<parsed_plan>& plans);
std::vector<text::document> documents_of(const std::vector<parsed_plan>& plans);

void bind_errors(py::module_& m);
void bind_model(py::module_& m);
void bind_parse(py::module_& m);
void bind_report(py::module_& m);
void bind_similarity(py::module_& m);
void bind_analysis(py::module_& m);
void bind_diffusion(py::module_& m);

}  // namespace plancmp::python
