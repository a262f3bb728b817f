// SPDX-License-Identifier: MIT
// Plans parsed for tests: source_plans (a document and its plan) of text, and tagged seeds.
#pragma once

#include <plancmp/analysis/tagging.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include "seeds.hpp"

#include <map>
#include <string>
#include <vector>

namespace plancmp::test {

/// A text document and the plan parsed from it, for tests of analyses that map back into
/// the text (read as text whatever the name's extension).
inline source_plan parse_text(std::string text, std::string name) {
  return parse::parse_source(text::make_document(std::move(text), std::move(name)));
}

/// `s` with its plan replaced by `p` (an edited copy of `s.plan()`), for tests that change
/// a plan: a source_plan's own plan is immutable.
inline source_plan with_plan(const source_plan& s, plan p) {
  return {s.shared_document(), std::make_shared<const plan>(std::move(p))};
}

/// A seed parsed once per test run and shared by every test that reads it.
inline const plan& seed_plan(const std::string& name) {
  static std::map<std::string, plan> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, parse::parse_file(seed_path(name))).first;
  return it->second;
}

/// The five seeds parsed and tagged by `t`, in seed order.
struct tagged_plans {
  std::vector<plan> plans;
  std::vector<analysis::plan_tagging> tags;
};

inline tagged_plans tagged_seeds(const analysis::tagger& t) {
  tagged_plans out;
  for (const auto& name : seed_names()) {
    const auto doc = text::read_document(seed_path(name));
    out.plans.push_back(parse::parse_document(doc));
    out.tags.push_back(t.tag(out.plans.back(), doc));
  }
  return out;
}

}  // namespace plancmp::test
