// SPDX-License-Identifier: MIT
#include <plancmp/model/serialize.hpp>

#include <plancmp/error.hpp>

#include <plancmp/parse/parser.hpp>
#include <plancmp/text/formats.hpp>

#include "model/sample_plan.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

using namespace plancmp;
using ojson = nlohmann::ordered_json;

namespace {

/// The sample plan's JSON, changed by `edit`: hostile input built from valid input, so
/// each case breaks exactly one thing.
std::string edited(const std::function<void(ojson&)>& edit) {
  ojson j = ojson::parse(to_json(test::sample_plan()));
  edit(j);
  return j.dump();
}

std::vector<std::string> keys_of(const ojson& j) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  return keys;
}

/// Text with everything hostile to JSON, XML and DOT writers at once.
const std::string nasty = "<script>alert(\"x&y\")</script> 'q' \\ back\\slash\nline\r\ttab\x01\x1f end";

/// A minimal XML well-formedness check: tags nest and close in order, attribute values are
/// quoted, every '&' starts one of the five predefined entities or a character reference,
/// and no character XML 1.0 forbids appears. Enough to catch escaping mistakes.
void check_xml_well_formed(const std::string& xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  if (xml.starts_with("<?xml")) i = xml.find("?>") + 2;
  while (i < xml.size()) {
    const unsigned char c = static_cast<unsigned char>(xml[i]);
    REQUIRE_MESSAGE((c >= 0x20 || c == '\n' || c == '\t'), "forbidden control byte at " << i);
    if (c == '&') {
      const std::size_t semi = xml.find(';', i);
      REQUIRE(semi != std::string::npos);
      const std::string entity = xml.substr(i, semi - i + 1);
      const bool known = entity == "&amp;" || entity == "&lt;" || entity == "&gt;" ||
                         entity == "&quot;" || entity == "&apos;" || entity.starts_with("&#");
      REQUIRE_MESSAGE(known, "bad entity " << entity);
      i = semi + 1;
      continue;
    }
    if (c == '>') FAIL("raw '>' in character data at " << i);
    if (c != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    REQUIRE(end != std::string::npos);
    std::string tag = xml.substr(i + 1, end - i - 1);
    REQUIRE_MESSAGE(tag.find('<') == std::string::npos, "'<' inside a tag: " << tag);
    // Attribute values: every '"' pairs up.
    CHECK(std::count(tag.begin(), tag.end(), '"') % 2 == 0);
    if (tag.starts_with("/")) {
      REQUIRE_FALSE(open.empty());
      CHECK(tag.substr(1) == open.back());
      open.pop_back();
    } else if (!tag.ends_with("/")) {
      open.push_back(tag.substr(0, tag.find_first_of(" \n")));
    }
    i = end + 1;
  }
  CHECK(open.empty());
}

}  // namespace

TEST_CASE("to_json writes the documented layout") {
  const plan p = test::sample_plan();
  const ojson j = ojson::parse(to_json(p));

  CHECK(keys_of(j) ==
        std::vector<std::string>{"schema",       "source",       "title",    "title_span",
                                 "notice_title", "jurisdiction", "issuer",   "issued",
                                 "issued_text",  "doc_number",   "kind",     "draft",    "first_listed_leads",
                                 "cover",        "body",         "preamble", "preamble_span",
                                 "sections",     "measures",     "goals",    "targets",
                                 "agencies",     "boxes",        "tables",   "annexes",
                                 "diagnostics"});
  CHECK(j["schema"] == "plancmp.plan/1");
  CHECK(keys_of(j["source"]) ==
        std::vector<std::string>{"path", "sha256", "encoding", "script", "bytes"});
  CHECK(j["issued"] == "2022-04-26");
  CHECK(j["title_span"] == ojson::array({300, 339}));
  CHECK(j["jurisdiction"]["level"] == "city");
  CHECK(j["doc_number"]["repaired"] == "甬政办发〔2022〕27号");
  CHECK(keys_of(j["sections"][0]) ==
        std::vector<std::string>{"id", "path", "title", "kind", "depth", "span", "extent"});
  CHECK(keys_of(j["measures"][0]) == std::vector<std::string>{"id", "path", "title", "text", "lead",
                                                              "support", "joint", "deadline", "clause", "span"});
  CHECK(keys_of(j["measures"][0]["deadline"]) ==
        std::vector<std::string>{"text", "due", "recurring", "ongoing", "span"});
  CHECK(j["measures"][0]["deadline"]["due"] == "2025-12-31");
  CHECK(j["measures"][1]["deadline"].is_null());
  CHECK(keys_of(j["targets"][0]) ==
        std::vector<std::string>{"indicator", "indicator_key", "value", "unit", "normalized_value",
                                 "base_unit", "comparator", "year", "baseline", "baseline_year",
                                 "periodic", "agencies", "owner", "span"});
  CHECK(j["targets"][1]["comparator"] == "annual_growth");
  CHECK(j["targets"][1]["year"].is_null());
  CHECK(keys_of(j["agencies"][0]) ==
        std::vector<std::string>{"name", "collective", "canonical", "level", "match", "confidence"});
  CHECK(j["agencies"][0]["canonical"].is_null());
  CHECK(keys_of(j["boxes"][0]) == std::vector<std::string>{"id", "title", "parent", "span", "items"});
  CHECK(keys_of(j["boxes"][0]["items"][0]) ==
        std::vector<std::string>{"title", "text", "span", "restates", "similarity"});
  CHECK(j["boxes"][0]["items"][1]["restates"].is_null());
  CHECK(keys_of(j["tables"][0]) == std::vector<std::string>{"id", "caption", "parent", "columns",
                                                            "rows", "cell_spans", "row_measures",
                                                            "span"});
  CHECK(j["tables"][0]["cell_spans"][1][2] == ojson::array({3166, 3166}));
  CHECK(keys_of(j["annexes"][0]) == std::vector<std::string>{"id", "title", "text", "span"});
  CHECK(keys_of(j["diagnostics"][0]) == std::vector<std::string>{"line", "span", "code", "message"});

  SUBCASE("mentions carry the resolution of their agency, for convenience") {
    CHECK(keys_of(j["measures"][0]["lead"][0]) ==
          std::vector<std::string>{"name", "span", "canonical", "level", "match"});
    CHECK(j["measures"][0]["lead"][0]["canonical"].is_null());

    plan resolved = p;
    resolved.set_agency_resolution(0, agency_resolution{"market_regulation", level::city, 0.95, "exact"},
                                   false);
    const ojson r = ojson::parse(to_json(resolved));
    CHECK(r["measures"][0]["lead"][0]["canonical"] == "market_regulation");
    CHECK(r["measures"][0]["lead"][0]["level"] == "city");
    CHECK(r["measures"][0]["lead"][0]["match"] == "exact");
    CHECK(r["measures"][1]["support"][0]["canonical"] == "market_regulation");
    CHECK(r["measures"][0]["support"][0]["canonical"].is_null());
    CHECK(r["agencies"][0]["confidence"] == 0.95);
  }

  SUBCASE("indent") {
    const std::string compact = to_json(p, -1);
    CHECK(compact.find('\n') == std::string::npos);
    CHECK(compact.starts_with(R"({"schema":"plancmp.plan/1","source":{"path":"samples/ningbo.txt",)"));
    CHECK(
        to_json(p).starts_with("{\n  \"schema\": \"plancmp.plan/1\",\n  \"source\": {\n    \"path\""));
    CHECK(to_json(p, 4).starts_with("{\n    \"schema\""));
    // Arrays of scalars (spans, paths, rows) stay on one line; the rest nests.
    const std::string pretty = to_json(p);
    CHECK(pretty.find("\n  \"title_span\": [300, 339],\n") != std::string::npos);
    CHECK(pretty.find("\n      \"path\": [\"二\", \"(一)\", \"1\"],\n") != std::string::npos);
    CHECK(
        pretty.find("\n      \"cell_spans\": [\n        [[3100, 3101], [3102, 3120], [3121, 3145]],") ==
        std::string::npos);
    CHECK(pretty.find("\n      \"cell_spans\": [\n        [\n          [3100, 3101],\n") !=
          std::string::npos);
    CHECK(pretty.find("\n  \"goals\": [\n    {\n") != std::string::npos);
    CHECK(to_json(plan{}).find("\n  \"sections\": [],\n") != std::string::npos);
    CHECK(to_json(p, 0).starts_with("{\n\"schema\": \"plancmp.plan/1\",\n\"source\": {\n\"path\""));
    CHECK(ojson::parse(compact) == ojson::parse(to_json(p)));
  }
}

TEST_CASE("JSON round trip is exact") {
  plan p = test::sample_plan();

  SUBCASE("the sample plan") {}
  SUBCASE("an empty plan") {
    p = plan{};
  }
  SUBCASE("hostile strings and awkward numbers") {
    p.title = nasty + " \u2028 😀 \u00a0";
    test::edit_content(p, [](plan_content& c) {
      c.measures[0].text = std::string("nul\0inside", 10);
      c.targets[0].value = 0.1;
      c.targets[0].normalized_value = 1e300;
      c.targets[1].value = -0.0;
      c.targets[1].baseline = 5e-324;  // the smallest subnormal
      c.targets[1].year = std::numeric_limits<int>::min();
      c.measures[2].where = {std::numeric_limits<std::uint64_t>::max(),
                             std::numeric_limits<std::uint64_t>::max()};
      c.agencies[1].resolution = agency_resolution{"public_security", level::unknown, 1.0 / 3.0, ""};
      c.agencies[1].collective = true;
    });
    p.source.bytes = std::numeric_limits<std::uint64_t>::max();
    p.diagnostics[0].line = std::numeric_limits<std::uint32_t>::max();
    p.issued = date{2020, 6, 0};
    p.doc_number.reset();
  }

  for (const int indent : {2, -1, 0}) {
    CAPTURE(indent);
    const std::string text = to_json(p, indent);
    const plan q = plan_from_json(text, "round-trip.json");
    CHECK(q == p);
    CHECK(to_json(q, indent) == text);
    // The import builds the graph: the same vertices and edges in the same order.
    CHECK(to_graphml(q) == to_graphml(p));
  }
}

TEST_CASE("JSON round trip is exact for every seed and corpus document (reads ../shared/corpus)") {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {PLANCMP_SEEDS_DIR, PLANCMP_CORPUS_DIR}) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      MESSAGE("skipped: " << dir << " is absent");
      continue;
    }
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    const plan p = parse::parse_document(text::read_any_document(file.string()));
    // Each mention repeats its agency's canonical id (null when unresolved).
    const ojson j = ojson::parse(to_json(p));
    for (std::size_t m = 0; m < p.measures().size(); ++m)
      for (const auto& [key, mentions] :
           {std::pair{"lead", &p.measures()[m].lead}, std::pair{"support", &p.measures()[m].support}})
        for (std::size_t k = 0; k < mentions->size(); ++k) {
          const agency& a = p.agencies()[*p.agency_index((*mentions)[k].name)];
          const ojson& canonical = j["measures"][m][key][k]["canonical"];
          CHECK(canonical == (a.resolution ? ojson(a.resolution->canonical) : ojson(nullptr)));
        }
    for (const int indent : {2, -1}) {
      CAPTURE(indent);
      const std::string json = to_json(p, indent);
      const plan q = plan_from_json(json, file.filename().string() + ".json");
      CHECK(q == p);
      CHECK(to_json(q, indent) == json);
    }
  }
  // The five seeds and, where the corpus is present, its 40 documents.
  const bool corpus = std::filesystem::is_directory(PLANCMP_CORPUS_DIR);
  CHECK(files.size() == (corpus ? 45u : 5u));
}

TEST_CASE("plan_from_json accepts a UTF-8 byte order mark") {
  const plan p = test::sample_plan();
  CHECK(plan_from_json("\xEF\xBB\xBF" + to_json(p)) == p);
}

TEST_CASE("plan_from_json ignores keys it does not know") {
  const plan p = test::sample_plan();
  const plan q = plan_from_json(edited([](ojson& j) {
    j["generator"] = {{"name", "plancmp"}, {"nested", {{"deep", ojson::array({1, 2, 3})}}}};
    j["measures"][0]["themes"] = ojson::array({"protection"});
    j["measures"][0]["lead"][0]["canonical"] = "ignored: derived from the agency list";
  }));
  CHECK(q == p);
}

TEST_CASE("plan_from_json refuses hostile input with a precise message") {
  const auto read = [](const std::string& text) { return plan_from_json(text, "t.json"); };

  SUBCASE("another schema version") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["schema"] = "plancmp.plan/2"; })),
                         "t.json: /schema: unsupported schema \"plancmp.plan/2\" (supported: "
                         "\"plancmp.plan/1\"); read the file with the plancmp version that wrote "
                         "it, or upgrade plancmp",
                         schema_error);
  }
  SUBCASE("no schema at all") {
    CHECK_THROWS_WITH_AS(read(R"({"title": "x"})"), "t.json: /schema: required key is missing",
                         schema_error);
  }
  SUBCASE("not an object") {
    CHECK_THROWS_WITH_AS(read("[1, 2]"), "t.json: /: expected an object, got array", schema_error);
  }
  SUBCASE("a missing key") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["measures"][1].erase("title"); })),
                         "t.json: /measures/1/title: required key is missing", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j.erase("diagnostics"); })),
                         "t.json: /diagnostics: required key is missing", schema_error);
  }
  SUBCASE("a wrong type") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["measures"][0]["lead"][0]["name"] = 5; })),
                         "t.json: /measures/0/lead/0/name: expected a string, got number",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["draft"] = "no"; })),
                         "t.json: /draft: expected true or false, got string", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["sections"] = ojson::object(); })),
                         "t.json: /sections: expected an array, got object", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["targets"][0]["value"] = "3.6"; })),
                         "t.json: /targets/0/value: expected a number, got string", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["sections"][2]["depth"] = 1.5; })),
                         "t.json: /sections/2/depth: expected an integer, got 1.5", schema_error);
  }
  SUBCASE("a negative span") {
    CHECK_THROWS_WITH_AS(
        read(edited([](ojson& j) {
          j["measures"][2]["lead"] = ojson::parse(R"([{"name": "市科技局", "span": [-1, 4]}])");
        })),
        "t.json: /measures/2/lead/0/span/0: expected a non-negative integer, got -1", schema_error);
  }
  SUBCASE("a span that ends before it begins") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) {
                           j["measures"][1]["lead"][0]["span"] = {9, 4};
                         })),
                         "t.json: /measures/1/lead/0/span: span [9, 4] ends before it begins",
                         schema_error);
  }
  SUBCASE("a span of the wrong shape") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) {
                           j["cover"] = {1, 2, 3};
                         })),
                         "t.json: /cover: expected a span [begin, end] of two non-negative "
                         "integers, got an array of 3",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["body"] = "0-10"; })),
                         "t.json: /body: expected a span [begin, end] of two non-negative "
                         "integers, got string",
                         schema_error);
  }
  SUBCASE("nesting 10,000 levels deep is refused before it is built") {
    const std::string deep = std::string(10000, '[') + std::string(10000, ']');
    std::string expected = "t.json: ";
    for (int i = 0; i < 64; ++i) expected += "/0";
    expected +=
        ": JSON nested deeper than 64 levels; a plan file nests 6, so this is not one (or it "
        "was corrupted)";
    CHECK_THROWS_WITH_AS(read(deep), expected.c_str(), schema_error);
    // Unterminated, too: refused at depth 65 before the parser sees the missing brackets.
    CHECK_THROWS_WITH_AS(read(std::string(1'000'000, '[')), expected.c_str(), schema_error);
    const std::string in_object = R"({"schema": "plancmp.plan/1", "x": )" + deep + "}";
    CHECK_THROWS_AS(read(in_object), schema_error);
  }
  SUBCASE("64 levels are accepted as JSON (and then fail the schema)") {
    const std::string deep = std::string(64, '[') + std::string(64, ']');
    CHECK_THROWS_WITH_AS(read(deep), "t.json: /: expected an object, got array", schema_error);
  }
  SUBCASE("huge numbers") {
    CHECK_THROWS_WITH_AS(read(R"({"schema": "plancmp.plan/1", "n": 1e999})"),
                         "t.json: byte 39: invalid JSON: number overflow parsing '1e999'",
                         schema_error);
    CHECK_THROWS_WITH_AS(
        read(edited([](ojson& j) { j["title_span"] = ojson::parse("[0, 100000000000000000000000]"); })),
        "t.json: /title_span/1: expected a non-negative integer, got 1e+23", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["targets"][0]["year"] = 3000000000; })),
                         "t.json: /targets/0/year: 3000000000 is out of range (-2147483648 to "
                         "2147483647)",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["diagnostics"][0]["line"] = 4294967296; })),
                         "t.json: /diagnostics/0/line: 4294967296 is out of range (0 to 4294967295)",
                         schema_error);
  }
  SUBCASE("malformed JSON") {
    CHECK_THROWS_WITH_AS(read(R"({"schema": "plancmp.plan/1",)"),
                         "t.json: byte 29: invalid JSON: parse error at line 1, column 29: syntax "
                         "error while parsing object key - unexpected end of input; expected "
                         "string literal",
                         schema_error);
    CHECK_THROWS_AS(read(""), schema_error);
    CHECK_THROWS_AS(read("{} trailing"), schema_error);
    CHECK_THROWS_AS(read("{\"title\": \"\xff\"}"), schema_error);  // not UTF-8
  }
  SUBCASE("a duplicate key") {
    CHECK_THROWS_WITH_AS(read(R"({"schema": "plancmp.plan/1", "measures": [{"id": "1", "id": "2"}]})"),
                         "t.json: /measures/0/id: duplicate key; a key may appear once per object",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(R"({"a": 1, "a": 1})"),
                         "t.json: /a: duplicate key; a key may appear once per object", schema_error);
  }
  SUBCASE("unknown enum names") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["sections"][0]["kind"] = "目标"; })),
                         "t.json: /sections/0/kind: unknown section kind \"目标\" (expected one of: "
                         "guiding_ideology, principles, overall_requirements, overall_approach, "
                         "goals, tasks, safeguards, background)",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["jurisdiction"]["level"] = "City"; })),
                         "t.json: /jurisdiction/level: unknown level \"City\" (expected one of: "
                         "unknown, national, province, city, district, county)",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["targets"][1]["comparator"] = ">="; })),
                         "t.json: /targets/1/comparator: unknown comparator \">=\" (expected one "
                         "of: reach, at_least, not_less_than, increase_by, reduce_by, "
                         "annual_growth)",
                         schema_error);
  }
  SUBCASE("impossible dates") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["issued"] = "2022-02-30"; })),
                         "t.json: /issued: expected a date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", "
                         "got \"2022-02-30\"",
                         schema_error);
    CHECK_THROWS_AS(read(edited([](ojson& j) { j["issued"] = "2022-4-26"; })), schema_error);
    CHECK_THROWS_AS(read(edited([](ojson& j) { j["issued"] = "2022-00"; })), schema_error);
    CHECK_THROWS_AS(read(edited([](ojson& j) { j["measures"][0]["deadline"]["due"] = "2025年"; })),
                    schema_error);
    CHECK(plan_from_json(edited([](ojson& j) { j["issued"] = "2024-02-29"; })).issued ==
          date{2024, 2, 29});
  }
  SUBCASE("agency list inconsistent with the measures") {
    CHECK_THROWS_WITH_AS(
        read(edited([](ojson& j) {
          j["agencies"].push_back({{"name", "市教育局"},
                                   {"collective", false},
                                   {"canonical", nullptr},
                                   {"level", nullptr},
                                   {"match", nullptr},
                                   {"confidence", nullptr}});
        })),
        "t.json: /agencies/4/name: agency \"市教育局\" is not named by any measure's lead or "
        "support; the agency list holds exactly the agencies the measures name",
        schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["agencies"][3]["name"] = "市公安局"; })),
                         "t.json: /agencies/3/name: agency \"市公安局\" is listed twice (also at "
                         "/agencies/1)",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["agencies"][0]["canonical"] = "x"; })),
                         "t.json: /agencies/0/level: is null while other resolution fields are "
                         "set; canonical, level, match and confidence are all null (unresolved) or "
                         "all set",
                         schema_error);
  }
  SUBCASE("a table whose spans do not match its cells") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["tables"][0]["cell_spans"][1].erase(2); })),
                         "t.json: /tables/0/cell_spans/1: 2 spans for 3 cells; cell_spans has the "
                         "shape of rows",
                         schema_error);
  }
  SUBCASE("an escaped key in the path") {
    CHECK_THROWS_WITH_AS(read(R"({"a/b~": {"x": 1, "x": 2}})"),
                         "t.json: /a~1b~0/x: duplicate key; a key may appear once per object",
                         schema_error);
  }
}

TEST_CASE("plan_from_json: every key of every type is checked") {
  // The cases above pin the messages on a few keys; these pin them on the others, one per
  // type or value kind, so that the field lists and their walker keep them.
  const auto read = [](const std::string& text) { return plan_from_json(text, "t.json"); };

  SUBCASE("a nested object of the wrong type") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["jurisdiction"] = "宁波市"; })),
                         "t.json: /jurisdiction: expected an object, got string", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["measures"][0]["deadline"] = 5; })),
                         "t.json: /measures/0/deadline: expected an object, got number", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["boxes"][0]["items"][1] = ojson::array(); })),
                         "t.json: /boxes/0/items/1: expected an object, got array", schema_error);
  }
  SUBCASE("a scalar of the wrong type") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["measures"][0]["deadline"]["recurring"] = 1; })),
                         "t.json: /measures/0/deadline/recurring: expected true or false, got number",
                         schema_error);
    CHECK_THROWS_WITH_AS(
        read(edited([](ojson& j) { j["boxes"][0]["items"][0]["similarity"] = nullptr; })),
        "t.json: /boxes/0/items/0/similarity: expected a number, got null", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["boxes"][0]["items"][0]["restates"] = 3; })),
                         "t.json: /boxes/0/items/0/restates: expected a string, got number",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["tables"][0]["rows"][1][2] = nullptr; })),
                         "t.json: /tables/0/rows/1/2: expected a string, got null", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["source"]["bytes"] = "16274"; })),
                         "t.json: /source/bytes: expected a non-negative integer, got string",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["diagnostics"][0]["line"] = -1; })),
                         "t.json: /diagnostics/0/line: expected a non-negative integer, got -1",
                         schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["targets"][0]["baseline_year"] = "2020"; })),
                         "t.json: /targets/0/baseline_year: expected an integer, got string",
                         schema_error);
  }
  SUBCASE("a missing key in a nested object") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["doc_number"].erase("span"); })),
                         "t.json: /doc_number/span: required key is missing", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["source"].erase("sha256"); })),
                         "t.json: /source/sha256: required key is missing", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["annexes"][0].erase("text"); })),
                         "t.json: /annexes/0/text: required key is missing", schema_error);
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["agencies"][2].erase("match"); })),
                         "t.json: /agencies/2/match: required key is missing", schema_error);
  }
  SUBCASE("a resolved agency of the wrong type") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) {
                           j["agencies"][0]["canonical"] = "market_regulation";
                           j["agencies"][0]["level"] = "city";
                           j["agencies"][0]["match"] = "exact";
                           j["agencies"][0]["confidence"] = "high";
                         })),
                         "t.json: /agencies/0/confidence: expected a number, got string", schema_error);
  }
  SUBCASE("an unknown document kind") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["kind"] = "law"; })),
                         "t.json: /kind: unknown document kind \"law\" (expected plan, regulation, "
                         "notice, qa, other)",
                         schema_error);
  }
  SUBCASE("a table with fewer rows of spans than rows of cells") {
    CHECK_THROWS_WITH_AS(read(edited([](ojson& j) { j["tables"][0]["cell_spans"].erase(0); })),
                         "t.json: /tables/0/cell_spans: 1 rows of spans for 2 rows of cells; "
                         "cell_spans has the shape of rows",
                         schema_error);
  }
}

TEST_CASE("plan_from_json ignores unknown keys in every nested type") {
  const plan p = test::sample_plan();
  const plan q = plan_from_json(edited([](ojson& j) {
    j["source"]["mtime"] = "2024-01-01";
    j["jurisdiction"]["code"] = 330200;
    j["doc_number"]["year"] = 2022;
    j["measures"][0]["deadline"]["note"] = nullptr;
    j["agencies"][0]["aliases"] = ojson::array({"市监局"});
    j["boxes"][0]["items"][0]["score"] = 0.5;
    j["tables"][0]["header_rows"] = 1;
    j["diagnostics"][0]["severity"] = "warning";
  }));
  CHECK(q == p);
}

TEST_CASE("plan_from_json reads files written before \"kind\" and \"joint\" existed") {
  plan p = test::sample_plan();
  p.kind = document_kind::regulation;
  test::edit_content(p, [](plan_content& c) { c.measures[0].joint = true; });
  ojson j = ojson::parse(to_json(p));
  REQUIRE(j["kind"] == "regulation");
  REQUIRE(j["measures"][0]["joint"] == true);
  j.erase("kind");
  j["measures"][0].erase("joint");
  const plan q = plan_from_json(j.dump());
  CHECK(q.kind == document_kind::plan);
  CHECK_FALSE(q.measures()[0].joint);
  // Mentions get their role from the key they stand under.
  CHECK(q.measures()[0].lead[0].part == role::lead);
  CHECK(q.measures()[0].support[1].part == role::support);
}

TEST_CASE("to_json refuses what would not read back") {
  plan p = test::sample_plan();
  SUBCASE("a non-finite number") {
    test::edit_content(
        p, [](plan_content& c) { c.targets[1].normalized_value = std::numeric_limits<double>::quiet_NaN(); });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /targets/1/normalized_value: nan is not a finite "
                         "number; the plan cannot be written as JSON (fix the value, or report the "
                         "step that produced it)",
                         schema_error);
  }
  SUBCASE("ill-formed UTF-8") {
    test::edit_content(
        p, [](plan_content& c) { c.measures[2].lead = {test::mention("市\xe5\xb8局", role::lead, 5)}; });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /measures/2/lead/0/name: string is not valid UTF-8 "
                         "(byte 3 of 8); the plan cannot be written as JSON (fix the value, or "
                         "report the step that produced it)",
                         schema_error);
  }
  SUBCASE("an impossible date") {
    p.issued = date{2021, 2, 29};
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /issued: date {year 2021, month 2, day 29} is not a "
                         "calendar date of the form YYYY, YYYY-MM or YYYY-MM-DD; the plan cannot be "
                         "written as JSON (fix the value, or report the step that produced it)",
                         schema_error);
    p.issued = date{2021, 0, 3};
    CHECK_THROWS_AS(to_json(p), schema_error);
  }
  SUBCASE("a reversed span") {
    test::edit_content(p, [](plan_content& c) { c.sections[1].extent = {10, 9}; });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /sections/1/extent: span [10, 9] ends before it "
                         "begins; the plan cannot be written as JSON (fix the value, or report the "
                         "step that produced it)",
                         schema_error);
  }
  SUBCASE("ragged table spans") {
    test::edit_content(p, [](plan_content& c) { c.tables[0].cell_spans.pop_back(); });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /tables/0/cell_spans: 1 rows of spans for 2 rows of "
                         "cells; the plan cannot be written as JSON (fix the value, or report the "
                         "step that produced it)",
                         schema_error);
    p = test::sample_plan();
    test::edit_content(p, [](plan_content& c) { c.tables[0].cell_spans[1].pop_back(); });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /tables/0/cell_spans/1: 2 spans for 3 cells; the plan "
                         "cannot be written as JSON (fix the value, or report the step that "
                         "produced it)",
                         schema_error);
  }
  SUBCASE("a non-finite optional number and a bad string deep in a table") {
    test::edit_content(
        p, [](plan_content& c) { c.targets[0].baseline = std::numeric_limits<double>::infinity(); });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /targets/0/baseline: inf is not a finite number; the "
                         "plan cannot be written as JSON (fix the value, or report the step that "
                         "produced it)",
                         schema_error);
    p = test::sample_plan();
    test::edit_content(p, [](plan_content& c) { c.tables[0].rows[1][1] = "\xff"; });
    CHECK_THROWS_WITH_AS(to_json(p),
                         "samples/ningbo.txt: /tables/0/rows/1/1: string is not valid UTF-8 (byte 0 "
                         "of 1); the plan cannot be written as JSON (fix the value, or report the "
                         "step that produced it)",
                         schema_error);
  }
}

TEST_CASE("to_graphml") {
  plan p = test::sample_plan();
  test::edit_content(p, [](plan_content& c) {
    c.measures[0].title = nasty;
    c.agencies[0].resolution = agency_resolution{"market_regulation", level::city, 1.0, "exact"};
    c.measures[1].title = "bad \xff byte";
  });
  const std::string xml = to_graphml(p);

  check_xml_well_formed(xml);
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "));
  CHECK(xml.find(R"(<key id="kind" for="node" attr.name="kind" attr.type="string"/>)") !=
        std::string::npos);
  CHECK(xml.find(R"(<key id="element" for="node" attr.name="id" attr.type="string"/>)") !=
        std::string::npos);
  CHECK(xml.find(R"(<key id="label" for="node" attr.name="label" attr.type="string"/>)") !=
        std::string::npos);
  CHECK(xml.find(R"(<key id="edge_kind" for="edge" attr.name="kind" attr.type="string"/>)") !=
        std::string::npos);
  CHECK(xml.find(R"(<graph id="plan" edgedefault="directed">)") != std::string::npos);

  const auto count = [&xml](std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t at = xml.find(needle); at != std::string::npos; at = xml.find(needle, at + 1)) ++n;
    return n;
  };
  CHECK(count("<node ") == boost::num_vertices(p.graph()));
  CHECK(count("<edge ") == boost::num_edges(p.graph()));
  CHECK(count("<data key=\"edge_kind\">lead</data>") == 2);
  CHECK(count("<data key=\"kind\">agency</data>") == 4);

  SUBCASE("text is escaped") {
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find("<data key=\"label\">&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; "
                   "&apos;q&apos; \\ back\\slash\nline&#13;\ttab end</data>") != std::string::npos);
    CHECK(xml.find("bad \xef\xbf\xbd byte") != std::string::npos);  // U+FFFD
    CHECK(xml.find('\x01') == std::string::npos);
  }
  SUBCASE("a node carries kind, element id and label") {
    CHECK(xml.find("<node id=\"n5\">\n      <data key=\"kind\">measure</data>\n      <data "
                   "key=\"element\">二.(一).1</data>") != std::string::npos);
    CHECK(xml.find("<edge id=\"e0\" source=\"n0\" target=\"n1\">\n      <data "
                   "key=\"edge_kind\">contains</data>\n    </edge>") != std::string::npos);
    CHECK(xml.find("<data key=\"element\">专栏1.2</data>") != std::string::npos);
    CHECK(xml.find("<data key=\"element\">target1</data>\n      <data "
                   "key=\"label\">有效发明专利拥有量 3.6万件</data>") != std::string::npos);
  }
  SUBCASE("deterministic") { CHECK(to_graphml(plan(p)) == xml); }
  SUBCASE("a plan without content: the plan node alone") {
    const std::string empty = to_graphml(plan{});
    CHECK(empty.find("<node id=\"n0\">\n      <data key=\"kind\">plan</data>") != std::string::npos);
    CHECK(empty.find("<node id=\"n1\"") == std::string::npos);
    CHECK(empty.find("<edge ") == std::string::npos);
  }

}

TEST_CASE("to_dot") {
  plan p = test::sample_plan();
  test::edit_content(p, [](plan_content& c) {
    c.measures[0].title = "say \"hi\" \\N\nnext";
    c.measures[2].title = std::string(60, 'x');
  });
  const std::string dot = to_dot(p);

  CHECK(dot.starts_with("digraph plan {\n"));
  CHECK(dot.ends_with("}\n"));
  // One line per statement: no raw newline inside a label.
  const auto lines = static_cast<std::size_t>(std::count(dot.begin(), dot.end(), '\n'));
  CHECK(lines == 3 + boost::num_vertices(p.graph()) + boost::num_edges(p.graph()) + 1);

  CHECK(
      dot.find("  n0 [kind=\"plan\", shape=doubleoctagon, label=\"宁波市知识产权保护实施方案\"];\n") !=
      std::string::npos);
  CHECK(dot.find("  n5 [kind=\"measure\", shape=box, label=\"二.(一).1\\nsay \\\"hi\\\" "
                 "\\\\N\\nnext\"];\n") != std::string::npos);
  CHECK(dot.find("  n7 [kind=\"measure\", shape=box, label=\"二.(二).1\\n" + std::string(32, 'x') +
                 "…\"];\n") != std::string::npos);
  CHECK(dot.find("  n16 [kind=\"agency\", shape=ellipse, label=\"市市场监督管理局\"];\n") !=
        std::string::npos);
  CHECK(dot.find("  n16 -> n5 [kind=\"lead\", style=bold];\n") != std::string::npos);
  CHECK(dot.find("  n10 -> n5 [kind=\"restates\", style=dotted];\n") != std::string::npos);
  CHECK(to_dot(plan(p)) == dot);
}
