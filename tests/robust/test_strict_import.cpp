// SPDX-License-Identifier: MIT
// Strict import of hostile files (docs/robustness.md): plan JSON and coding schemes
// (JSON and quanteda YAML) refuse deep nesting, huge numbers, overlong strings, wrong
// types, unknown versions and spans outside the source with a schema_error that names
// the file and the JSON Pointer (or line and column) — and without recursing as deep as
// the input nests.
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace plancmp;

namespace {

std::string scheme_with(const std::string& themes) {
  return R"({"schema": "plancmp.coding_scheme/1", "id": "s", "themes": )" + themes + "}";
}

/// Themes nested `depth` levels through "children".
std::string nested_themes(int depth) {
  std::string open, close;
  for (int i = 0; i < depth; ++i) {
    open += R"([{"id": "t)" + std::to_string(i) + R"(", "zh": "甲", "en": "a", "keywords": ["专利"], "children": )";
    close += "}]";
  }
  return open + R"([{"id": "leaf", "zh": "乙", "en": "b", "keywords": ["商标"]}])" + close;
}

const std::string& gansu_json() {
  static const std::string json = to_json(parse::parse_file(test::seed_path(test::gansu)), -1);
  return json;
}

}  // namespace

TEST_CASE("strict import: coding scheme JSON") {
  SUBCASE("nesting 10^5 deep is refused before it is built") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(scheme_with(deep), "x.json"),
                         doctest::Contains("x.json: /themes/0/0/0/0"), schema_error);
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(scheme_with(deep), "x.json"),
                         doctest::Contains("JSON nested deeper than 64 levels"), schema_error);
  }
  SUBCASE("theme trees deeper than 16 levels") {
    CHECK_NOTHROW((void)coding_scheme::from_json(scheme_with(nested_themes(15)), "x.json"));
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(scheme_with(nested_themes(20)), "x.json"),
                         doctest::Contains("themes nested deeper than 16 levels; flatten the scheme"), schema_error);
  }
  SUBCASE("a duplicate key") {
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(R"({"schema": "a", "schema": "b"})", "x.json"),
                         "x.json: /schema: duplicate key; a key may appear once per object", schema_error);
  }
  SUBCASE("huge and non-positive numbers") {
    for (const char* w : {"1e300", "0", "-1", "1e7"}) {
      CAPTURE(w);
      CHECK_THROWS_WITH_AS(
          (void)coding_scheme::from_json(
              scheme_with(std::string(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": [{"phrase": "x", "weight": )") +
                          w + "}]}]"),
              "x.json"),
          "x.json: /themes/0/keywords/0/weight: must be a positive number up to 1000000", schema_error);
    }
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(scheme_with("[]").replace(1, 0, R"("min_score": 1e999, )"),
                                                        "x.json"),
                         doctest::Contains("x.json: byte"), schema_error);
  }
  SUBCASE("an overlong phrase") {
    const std::string phrase(2000, 'x');
    CHECK_THROWS_WITH_AS(
        (void)coding_scheme::from_json(scheme_with(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": [")" + phrase +
                                                   R"("]}])"),
                                       "x.json"),
        "x.json: /themes/0/keywords/0: a phrase of 2000 bytes; keywords are at most 1024 bytes", schema_error);
  }
  SUBCASE("wrong types") {
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(R"({"schema": 1})", "x.json"), doctest::Contains("x.json: /schema"),
                         schema_error);
    CHECK_THROWS_WITH_AS((void)coding_scheme::from_json(R"({"schema": "plancmp.coding_scheme/1", "id": "s", "themes": {}})",
                                                        "x.json"),
                         "x.json: /themes: must be a list of themes", schema_error);
  }
}

TEST_CASE("strict import: quanteda YAML") {
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += std::string(static_cast<std::size_t>(2 * i), ' ') + "k" + std::to_string(i) + ":\n";
  deep += std::string(80, ' ') + "- 专利\n";
  CHECK_THROWS_WITH_AS((void)coding_scheme::from_yaml(deep, "d.yml"),
                       doctest::Contains("d.yml:17:33: keys nested deeper than 16 levels"), schema_error);
  CHECK_THROWS_WITH_AS((void)coding_scheme::from_yaml("a:\n  - " + std::string(3000, 'x') + "\n", "d.yml"),
                       doctest::Contains("d.yml:2:5: a pattern of 3000 bytes; patterns are at most 1024 bytes"),
                       schema_error);
}

TEST_CASE("strict import: plan JSON") {
  nlohmann::json j = nlohmann::json::parse(gansu_json());
  SUBCASE("the seed reads back") { CHECK_NOTHROW((void)plan_from_json(gansu_json(), "p.json")); }
  SUBCASE("a span past the end of the source") {
    const auto bytes = j["source"]["bytes"].get<std::uint64_t>();
    j["title_span"] = {0, bytes + 1};
    CHECK_THROWS_WITH_AS((void)plan_from_json(j.dump(), "p.json"),
                         ("p.json: /title_span: span [0, " + std::to_string(bytes + 1) +
                          "] ends past the end of the source (" + std::to_string(bytes) + " bytes)")
                             .c_str(),
                         schema_error);
  }
  SUBCASE("an unknown schema version") {
    j["schema"] = "plancmp.plan/99";
    CHECK_THROWS_WITH_AS((void)plan_from_json(j.dump(), "p.json"), doctest::Contains("p.json: /schema: unsupported schema"),
                         schema_error);
  }
  SUBCASE("a huge number") {
    j["source"]["bytes"] = 1e300;
    CHECK_THROWS_WITH_AS((void)plan_from_json(j.dump(), "p.json"), doctest::Contains("p.json: /source/bytes"),
                         schema_error);
  }
  SUBCASE("a wrong type") {
    j["measures"][0]["id"] = 7;
    CHECK_THROWS_WITH_AS((void)plan_from_json(j.dump(), "p.json"), doctest::Contains("p.json: /measures/0/id"),
                         schema_error);
  }
  SUBCASE("nesting 10^6 deep") {
    const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    CHECK_THROWS_WITH_AS((void)plan_from_json(deep, "p.json"), doctest::Contains("JSON nested deeper than 64 levels"),
                         schema_error);
  }
}
