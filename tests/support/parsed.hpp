// SPDX-License-Identifier: MIT
// A document and the plan parsed from it, for tests of analyses that map back into the text.
#pragma once

#include <plancmp/analysis/tagging.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include "seeds.hpp"

#include <string>
#include <vector>

namespace plancmp::test {

struct parsed {
  text::document doc;
  plan p;
};

inline parsed parse_text(std::string text, std::string name) {
  parsed out{text::make_document(std::move(text), std::move(name)), {}};
  out.p = parse::parse_document(out.doc);
  return out;
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
