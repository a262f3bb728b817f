// SPDX-License-Identifier: MIT
// One JSON reader for every JSON file the library reads (src/detail/json.hpp): the same
// error for the same mistake whichever loader meets it, and built-in files parsed once.
#include <plancmp/analysis/alignment_gold.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/targets.hpp>
#include <plancmp/text/noise.hpp>
#include <plancmp/text/tokenize.hpp>

#include "src/detail/json.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

using namespace plancmp;

TEST_CASE("data files: built-in JSON is parsed once and shared") {
  const nlohmann::json& a = plancmp::detail::builtin_json("outline.json");
  const nlohmann::json& b = plancmp::detail::builtin_json("outline.json");
  CHECK(&a == &b);
  CHECK(a.at("schema") == "plancmp.outline/1");
  CHECK(&plancmp::detail::builtin_json("lexicon.json") != &a);
  CHECK_THROWS_WITH_AS(plancmp::detail::builtin_json("nope.json"), doctest::Contains("no built-in data file named 'nope.json'"),
                       usage_error);
}

TEST_CASE("data files: every loader reports malformed JSON and duplicate keys alike") {
  // Each loader, given the same broken text, must name the file and the byte, in one style.
  const std::vector<std::function<void(const std::string&)>> loaders{
      [](const std::string& s) { (void)text::word_tokenizer::read_lexicon(s, "f.json"); },
      [](const std::string& s) { text::noise_classifier c(s, "f.json"); },
      [](const std::string& s) { (void)parse::indicator_catalog::from_json(s, "f.json"); },
      [](const std::string& s) { (void)analysis::read_alignment_gold(s, "f.json"); },
  };
  for (std::size_t i = 0; i < loaders.size(); ++i) {
    CAPTURE(i);
    // The object is unclosed: the parser stops at the end, byte 11.
    CHECK_THROWS_WITH_AS(loaders[i]("{\"schema\": "), doctest::Contains("f.json: byte 11: malformed JSON"), schema_error);
    // nlohmann alone would keep the last "schema" silently.
    CHECK_THROWS_WITH_AS(loaders[i](R"({"schema": "a", "schema": "b"})"),
                         "f.json: /schema: duplicate key; a key may appear once per object", schema_error);
  }
}
