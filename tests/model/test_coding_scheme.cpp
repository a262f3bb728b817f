// SPDX-License-Identifier: MIT
// Coding schemes: the JSON format and its errors, quanteda YAML dictionaries and their
// errors, and the built-in schemes.
#include <plancmp/model/coding_scheme.hpp>

#include <plancmp/error.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace plancmp;

namespace {

std::string wrap(const char* themes) {
  return std::string(R"({"schema": "plancmp.coding_scheme/1", "id": "s", "themes": )") + themes + "}";
}

}  // namespace

TEST_CASE("a JSON scheme reads into a pre-ordered tree") {
  const auto s = coding_scheme::from_json(
      wrap(R"([{"id": "supply", "zh": "供给型", "en": "supply-side", "children": [
                 {"id": "funding", "zh": "资金投入", "en": "funding",
                  "keywords": ["资金", {"phrase": "補貼", "weight": 0.5, "boundary": "any"}], "exclude": ["資金池"]}]},
               {"id": "demand", "zh": "需求型", "en": "demand-side", "keywords": ["采购"]}])"),
      "s.json");
  REQUIRE(s.themes.size() == 3);
  CHECK(s.themes[0].id == "supply");
  CHECK(s.themes[0].children == std::vector<std::size_t>{1});
  CHECK(s.themes[1].parent == std::optional<std::size_t>{0});
  CHECK(s.themes[1].depth == 1);
  CHECK(s.themes[1].keywords[1] == keyword{"补贴", 0.5, keyword_boundary::any});  // converted to simplified
  CHECK(s.themes[1].exclude == std::vector<std::string>{"资金池"});
  CHECK(s.top_level() == std::vector<std::size_t>{0, 2});
  CHECK(s.leaves() == std::vector<std::size_t>{1, 2});
  CHECK(s.root_of(1) == 0);
  CHECK(s.find("demand") == std::optional<std::size_t>{2});
  CHECK(s.display_name(2) == "需求型 demand-side");
  CHECK(s.min_score == 1.0);
  CHECK(s.title_weight == 2.0);
}

TEST_CASE("JSON scheme errors name the file and the JSON Pointer") {
  CHECK_THROWS_WITH_AS(coding_scheme::from_json("{", "x.json"), doctest::Contains("x.json: byte"), schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_json(R"({"schema": "plancmp.coding_scheme/2", "id": "s", "themes": []})", "x.json"),
                       "x.json: /schema: unsupported schema \"plancmp.coding_scheme/2\" (supported: \"plancmp.coding_scheme/1\")",
                       schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_json(wrap(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": [3]}])"), "x.json"),
                       "x.json: /themes/0/keywords/0: must be a phrase or an object {\"phrase\", \"weight\", \"boundary\"}",
                       schema_error);
  CHECK_THROWS_WITH_AS(
      coding_scheme::from_json(wrap(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": [{"phrase": "x", "weight": -1}]}])"),
                               "x.json"),
      "x.json: /themes/0/keywords/0/weight: must be a positive number up to 1000000", schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_json(wrap(R"([{"id": "a", "zh": "甲", "en": "A"}])"), "x.json"),
                       "x.json: /themes/0: theme \"a\" has neither keywords nor children", schema_error);
  CHECK_THROWS_WITH_AS(
      coding_scheme::from_json(wrap(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": ["x"], "colour": 1}])"), "x.json"),
      doctest::Contains("x.json: /themes/0/colour: unknown key"), schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_json(wrap(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": ["x"]},
                                                          {"id": "a", "zh": "乙", "en": "B", "keywords": ["y"]}])"),
                                                "x.json"),
                       "x.json: /themes: theme id \"a\" is used twice", schema_error);
  CHECK_THROWS_WITH_AS(
      coding_scheme::from_json(wrap(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": ["x", "x"]}])"), "x.json"),
      "x.json: /themes: theme \"a\" lists keyword \"x\" twice", schema_error);
  CHECK_THROWS_WITH_AS(
      coding_scheme::from_json(
          wrap(R"([{"id": "a", "zh": "甲", "en": "A", "keywords": [{"phrase": "x", "boundary": "edge"}]}])"), "x.json"),
      "x.json: /themes/0/keywords/0/boundary: must be automatic, word, any, prefix or suffix", schema_error);
}

TEST_CASE("quanteda YAML dictionaries: nested keys, both list styles, globs, comments") {
  const auto s = coding_scheme::from_yaml(
      "# a quanteda dictionary\n"
      "---\n"
      "保护:\n"
      "  司法:\n"
      "    - 法院\n"
      "    - \"审判*\"   # trailing glob\n"
      "  行政: [执法, '*查处']\n"
      "Creation:\n"
      "  - 专利\n",
      "dict/my_dictionary.yml");
  CHECK(s.id == "my_dictionary");
  REQUIRE(s.themes.size() == 4);
  CHECK(s.themes[0].zh == "保护");
  CHECK(s.themes[0].children == std::vector<std::size_t>{1, 2});
  CHECK(s.themes[1].keywords == std::vector<keyword>{{"法院", 1.0, keyword_boundary::word},
                                                      {"审判", 1.0, keyword_boundary::prefix}});
  CHECK(s.themes[2].keywords == std::vector<keyword>{{"执法", 1.0, keyword_boundary::word},
                                                      {"查处", 1.0, keyword_boundary::suffix}});
  CHECK(s.themes[3].id == "creation");
  CHECK(s.themes[3].depth == 0);
}

TEST_CASE("quanteda YAML errors name the file, line and column") {
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("a:\n\t- x\n", "d.yml"), doctest::Contains("d.yml:2:1: tabs are not allowed"),
                       schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("a:\n  - x\n b: [y]\n", "d.yml"),
                       doctest::Contains("d.yml:3:2: unexpected indentation"), schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("a: x\n", "d.yml"),
                       doctest::Contains("d.yml:1:4: a key's value is a list"), schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("a:\n  - 专*利\n", "d.yml"),
                       doctest::Contains("d.yml:2:5: only a leading or trailing `*`"), schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("a:\nb:\n  - x\n", "d.yml"),
                       doctest::Contains("d.yml:1:1: key \"a\" has no patterns"), schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("a: &anchor [x]\n", "d.yml"), doctest::Contains("d.yml:1:4"),
                       schema_error);
  CHECK_THROWS_WITH_AS(coding_scheme::from_yaml("", "d.yml"), doctest::Contains("d.yml:1:1: the dictionary is empty"),
                       schema_error);
}

TEST_CASE("from_file reads YAML by extension and JSON otherwise") {
  const std::string path = (std::filesystem::temp_directory_path() / "plancmp_scheme_test.yml").string();
  {
    std::ofstream out(path);
    out << "专利:\n  - 专利\n";
  }
  const auto s = coding_scheme::from_file(path);
  CHECK(s.themes.size() == 1);
  CHECK(s.origin == path);
  std::remove(path.c_str());
  CHECK_THROWS_AS((void)coding_scheme::from_file(path), io_error);
}

TEST_CASE("the built-in schemes load, and each theme has its Chinese and English name") {
  CHECK(coding_scheme::builtin_ids() ==
        std::vector<std::string>{"ip_objects", "ip_related", "ip_value_chain", "policy_tools", "protection_channels"});
  for (const auto& id : coding_scheme::builtin_ids()) {
    const auto& s = coding_scheme::builtin(id);
    CHECK(s.id == id);
    CHECK(!s.version.empty());
    for (const auto& t : s.themes) {
      CHECK_MESSAGE(!t.zh.empty(), id, " ", t.id);
      CHECK_MESSAGE(!t.en.empty(), id, " ", t.id);
    }
  }
  const auto& chain = coding_scheme::builtin("ip_value_chain");
  std::vector<std::string> stages;
  for (const auto t : chain.top_level()) stages.push_back(chain.themes[t].zh);
  CHECK(std::vector<std::string>(stages.begin(), stages.begin() + 5) ==
        std::vector<std::string>{"创造", "运用", "保护", "管理", "服务"});
  const auto& tools = coding_scheme::builtin("policy_tools");
  CHECK(tools.top_level().size() == 3);
  CHECK(tools.leaves().size() == 18);
  CHECK(&coding_scheme::builtin("ip_objects") == &coding_scheme::builtin("ip_objects"));
  CHECK_THROWS_WITH_AS((void)coding_scheme::builtin("nope"),
                       doctest::Contains("no built-in coding scheme named 'nope'; known: ip_objects, ip_related, ip_value_chain"),
                       usage_error);
  CHECK(coding_scheme::load("policy_tools") == tools);
  CHECK_THROWS_WITH_AS((void)coding_scheme::load("nope"),
                       "'nope' is neither a built-in coding scheme (ip_objects, ip_related, ip_value_chain, policy_tools, "
                       "protection_channels) nor a file",
                       usage_error);
  CHECK(to_string(keyword_boundary::prefix) == "prefix");
  CHECK(parse_keyword_boundary("suffix") == keyword_boundary::suffix);
  CHECK_FALSE(parse_keyword_boundary("edge").has_value());
}

TEST_CASE("damaged YAML dictionaries fail with schema_error, never otherwise") {
  // Every prefix and every one-byte deletion of a valid dictionary (run under ASan by
  // scripts/test): the reader either accepts it or throws schema_error.
  const std::string valid =
      "# comment\n---\n保护:\n  司法:\n    - 法院\n    - \"审判*\"  # glob\n  行政: [执法, '*查处', \"a\\\"b\"]\nx:\n  - 'it''s'\n";
  std::size_t accepted = 0, rejected = 0;
  const auto attempt = [&](const std::string& text) {
    try {
      (void)coding_scheme::from_yaml(text, "d.yml");
      ++accepted;
    } catch (const schema_error&) {
      ++rejected;
    }
  };
  for (std::size_t n = 0; n <= valid.size(); ++n) attempt(valid.substr(0, n));
  for (std::size_t i = 0; i < valid.size(); ++i) attempt(valid.substr(0, i) + valid.substr(i + 1));
  CHECK(accepted > 0);
  CHECK(rejected > 0);
  CHECK(accepted + rejected == 2 * valid.size() + 1);
}
