// SPDX-License-Identifier: MIT
// A document and the plan parsed from it, for tests of analyses that map back into the text.
#pragma once

#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include <string>

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

}  // namespace plancmp::test
