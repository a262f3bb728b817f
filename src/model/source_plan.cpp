// SPDX-License-Identifier: MIT
#include <plancmp/model/source_plan.hpp>

#include <plancmp/error.hpp>
#include <plancmp/hash.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>

#include <utility>

namespace plancmp::inline v0 {

source_plan::source_plan(std::shared_ptr<const text::document> document, std::shared_ptr<const plancmp::plan> parsed)
    : document_(std::move(document)), plan_(std::move(parsed)) {
  if (!document_ || !plan_) throw usage_error("source_plan: a document and its plan are both needed (null pointer)");
}

source_plan::source_plan(text::document document, plancmp::plan parsed)
    : document_(std::make_shared<const text::document>(std::move(document))),
      plan_(std::make_shared<const plancmp::plan>(std::move(parsed))) {}

source_plan source_plan::reopen(std::shared_ptr<const plancmp::plan> parsed, const text::read_options& options) {
  if (!parsed) throw usage_error("source_plan::reopen: no plan (null pointer)");
  const source_info& s = parsed->source;
  if (s.path.empty() || s.path.front() == '<') {
    throw usage_error(fmt::format("plan '{}' has no source file to read its text from; parse it from the "
                                  "file or bytes (plancmp.parse) instead of reading it from JSON",
                                  s.path));
  }
  auto doc = std::make_shared<const text::document>(text::read_any_document(s.path, options));
  if (!s.sha256.empty() && sha256_hex(doc->original) != s.sha256) {
    throw usage_error(error_location::file(s.path),
                      "the file changed since the plan was read (SHA-256 differs); parse it again");
  }
  return {std::move(doc), std::move(parsed)};
}

std::vector<plan> plans_of(std::span<const source_plan> sources) {
  std::vector<plan> out;
  out.reserve(sources.size());
  for (const source_plan& s : sources) out.push_back(s.plan());
  return out;
}

}  // namespace plancmp::inline v0
