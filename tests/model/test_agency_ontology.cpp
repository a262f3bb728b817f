// SPDX-License-Identifier: MIT
// The agency ontology: the built-in data, every resolution kind, user files that extend
// or override it, unknown names, and coverage of every agency the five seeds print.
#include <plancmp/model/agency_ontology.hpp>

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>

#include "support/seeds.hpp"
#include "support/parsed.hpp"

#include <doctest/doctest.h>

#include <tuple>

#include <algorithm>
#include <map>

using namespace plancmp;
using plancmp::test::seed_path;

namespace {

const jurisdiction hengshui{"衡水市", level::city, "衡水市人民政府办公室"};
const jurisdiction ningbo{"宁波市", level::city, "宁波市人民政府办公厅"};
const jurisdiction gansu{"甘肅省", level::province,
                         "甘肅省知識產權戰略實施暨強省建設工作領導小組辦公室"};
const jurisdiction district{"", level::district, "agencies named with the prefix 区"};

using test::seed_plan;

const agency& agency_named(const plan& p, std::string_view name) {
  const auto i = p.agency_index(name);
  REQUIRE(i.has_value());
  return p.agencies()[*i];
}

bool has_successor(const agency_ontology& o, std::string_view from, std::string_view to, int year) {
  const agency_entry* e = o.find(from);
  if (e == nullptr) return false;
  return std::any_of(e->successors.begin(), e->successors.end(),
                     [&](const agency_succession& s) { return s.id == to && s.year == year; });
}

std::string wrap(std::string_view agencies) {
  return std::string(R"({"schema": "plancmp.agencies/1", "version": "t", "agencies": )") +
         std::string(agencies) + "}";
}

}  // namespace

TEST_CASE("the built-in ontology holds the reforms the plans need") {
  const auto& o = agency_ontology::builtin();
  CHECK(o.version() == "2026.2");
  CHECK(o.entries().size() > 50);
  const agency_entry* mr = o.find("market_regulation");
  REQUIRE(mr != nullptr);
  CHECK(mr->name_zh == "市场监督管理局");
  CHECK(mr->name_en == "Administration for Market Regulation");
  CHECK(std::find(mr->short_forms.begin(), mr->short_forms.end(), "市场监管局") !=
        mr->short_forms.end());
  CHECK(std::find(mr->prefixes.begin(), mr->prefixes.end(), "州") != mr->prefixes.end());
  CHECK(o.find("no_such_agency") == nullptr);

  // The reforms of the issue, each as data.
  CHECK(has_successor(o, "intellectual_property_office", "market_regulation", 2018));
  CHECK(has_successor(o, "industry_commerce", "market_regulation", 2018));
  CHECK(has_successor(o, "quality_supervision", "market_regulation", 2018));
  CHECK(has_successor(o, "food_drug_administration", "market_regulation", 2018));
  CHECK(has_successor(o, "culture_press_publication", "publicity_department", 2018));
  CHECK(has_successor(o, "culture_press_publication", "culture_tourism", 2018));
  CHECK(has_successor(o, "banking_regulation", "banking_insurance_regulation", 2018));
  CHECK(has_successor(o, "insurance_regulation", "banking_insurance_regulation", 2018));
  CHECK(has_successor(o, "banking_insurance_regulation", "financial_regulation", 2023));
  CHECK(has_successor(o, "economy_informatization", "industry_it", 2018));
  CHECK(has_successor(o, "agriculture", "agriculture_rural", 2018));
  CHECK(has_successor(o, "land_resources", "natural_resources", 2018));
  // Every collective of the issue is a collective entity.
  for (const char* id :
       {"member_units", "relevant_departments", "subordinate_governments", "development_zones"}) {
    REQUIRE(o.find(id) != nullptr);
    CHECK(o.find(id)->collective);
  }
  // The data file is valid JSON that the strict loader accepts on its own, too.
  CHECK_NOTHROW((void)agency_ontology::from_json(builtin_data("agencies.json"), "agencies.json"));
}

TEST_CASE("the functions of every government's standard structure, at every level") {
  // The offices a city, a province or the State Council name most often after the 2018
  // reform: each resolves, with the level its prefix (or its national form) gives.
  const auto& o = agency_ontology::builtin();
  const std::vector<std::tuple<const char*, const char*, level>> names = {
      {"市民政局", "civil_affairs", level::city},
      {"市交通运输局", "transport", level::city},
      {"交通运输部", "transport", level::national},
      {"省应急厅", "emergency_management", level::province},
      {"省退役军人厅", "veterans_affairs", level::province},
      {"审计署", "audit", level::national},
      {"市医保局", "healthcare_security", level::city},
      {"市大数据局", "data_administration", level::city},
      {"省通信管理局", "communications_administration", level::province},
      {"人力资源社会保障部", "human_resources_social_security", level::national},
      {"住房城乡建设部", "housing_urban_rural", level::national},
      {"国务院办公厅", "government_office", level::national},
      {"市政府", "people_government", level::city},
      {"省委办公厅", "party_committee_office", level::province},
      {"省委编办", "establishment_office", level::province},
      {"市残联", "federation_disabled", level::city},
      {"各县政府", "subordinate_governments", level::city},
      {"各区人民政府", "subordinate_governments", level::city},
  };
  for (const auto& row : names) {
    const std::string name = std::get<0>(row);
    const level at = std::get<2>(row);
    CAPTURE(name);
    const auto m = o.resolve(name, hengshui, 2024);
    REQUIRE(m.resolution);
    CHECK(m.resolution->canonical == std::get<1>(row));
    // A national body's form has no prefix: the parser gives it its level (national), the
    // resolver the plan's.
    if (at != level::national) CHECK(m.resolution->admin_level == at);
  }
  // A named government is place-named; 各县 (every county) is no place (not_place_openers).
  const auto named = o.resolve("济南市政府", hengshui, 2024);
  REQUIRE(named.resolution);
  CHECK(named.resolution->canonical == "people_government");
  CHECK(named.resolution->match == "place_name");
  CHECK(named.place == "济南");
  CHECK_FALSE(o.resolve("各旗政府", hengshui, 2024).resolution.has_value());
}

TEST_CASE("resolution kinds") {
  const auto& o = agency_ontology::builtin();

  SUBCASE("exact alias, with its level prefix") {
    const auto m = o.resolve("市市场监督管理局", hengshui, 2022);
    REQUIRE(m.resolution);
    CHECK(m.resolution->canonical == "market_regulation");
    CHECK(m.resolution->admin_level == level::city);
    CHECK(m.resolution->match == "exact");
    CHECK(m.resolution->confidence == 1.0);
    CHECK(m.alias == "市场监督管理局");
    CHECK(m.note.empty());
  }
  SUBCASE("short form") {
    const auto m = o.resolve("市市场监管局", ningbo, 2017);
    REQUIRE(m.resolution);
    CHECK(m.resolution->canonical == "market_regulation");
    CHECK(m.resolution->match == "short_form");
    CHECK(m.resolution->confidence == doctest::Approx(0.95));
    CHECK(o.resolve("区发改局", district, 2024).resolution->canonical == "development_reform");
    CHECK(o.resolve("区科经局", district, 2024).resolution->canonical == "science_economy");
    CHECK(o.resolve("区城建局", district, 2024).resolution->canonical == "housing_urban_rural");
    CHECK(o.resolve("区人资局", district, 2024).resolution->canonical ==
          "human_resources_social_security");
    CHECK(o.resolve("区金融办", district, 2024).resolution->canonical == "local_financial_regulation");
  }
  SUBCASE("traditional form, matched through the simplifier") {
    const auto m = o.resolve("省市場監管局", gansu, 2020);
    REQUIRE(m.resolution);
    CHECK(m.resolution->canonical == "market_regulation");
    CHECK(m.resolution->admin_level == level::province);
    CHECK(m.resolution->match == "traditional");
    CHECK(m.traditional);
    CHECK(m.short_form);
    CHECK(m.simplified == "省市场监管局");
    CHECK(m.resolution->confidence < 0.95);
    // A traditional alias in a data file works as well as its simplified form.
    const auto own = agency_ontology::from_json(
        R"({"schema": "plancmp.agencies/1", "level_prefixes": {"省": "province"},
            "agencies": [{"id": "x", "en": "X", "zh": "市場監督管理局", "prefixes": ["省"]}]})");
    CHECK(own.resolve("省市场监督管理局", gansu, 2020).resolution->canonical == "x");
  }
  SUBCASE("predecessor → successor") {
    const auto m = o.resolve("市知识产权局", ningbo, 2017);
    REQUIRE(m.resolution);
    CHECK(m.resolution->canonical == "market_regulation");
    CHECK(m.resolution->match == "predecessor");
    CHECK(m.matched_id == "intellectual_property_office");
    CHECK(m.reform_year == 2018);
    CHECK_FALSE(m.after_reform);
    CHECK(m.note == "市知识产权局 is the pre-2018 name: 知识产权局 → 市场监督管理局 (2018)");
    // The same name printed after the reform is still mapped, with less confidence.
    const auto late = o.resolve("市知识产权局", ningbo, 2020);
    CHECK(late.after_reform);
    CHECK(late.resolution->confidence < m.resolution->confidence);
    // The national office was not folded into market regulation.
    const auto cnipa = o.resolve("国家知识产权局", {}, 2020);
    CHECK(cnipa.resolution->canonical == "intellectual_property_office");
    CHECK(cnipa.resolution->admin_level == level::national);
    CHECK(cnipa.resolution->match == "exact");
    // Two reforms in a row: 银监局 → 银保监分局 (2018) → 金融监管分局 (2023).
    const auto bank = o.resolve("宁波银监局", ningbo, 2017);
    CHECK(bank.resolution->canonical == "financial_regulation");
    CHECK(bank.resolution->admin_level == level::city);
    CHECK(bank.matched_id == "banking_regulation");
    CHECK(bank.note.find("(2018) → 金融监督管理分局 (2023)") != std::string::npos);
    // Copyright duties went to the publicity department.
    CHECK(o.resolve("市文广新闻出版局", ningbo, 2017).resolution->canonical == "publicity_department");
    CHECK(o.resolve("市经信委", ningbo, 2017).resolution->canonical == "industry_it");
    CHECK(o.resolve("市国土局", ningbo, 2017).resolution->canonical == "natural_resources");
    CHECK(o.resolve("市农业局", ningbo, 2017).resolution->canonical == "agriculture_rural");
    CHECK(o.resolve("市工商局", ningbo, 2017).resolution->canonical == "market_regulation");
    // A reform restricted to some levels: drugs went to a province-level administration.
    CHECK(o.resolve("省食药监局", gansu, 2017).resolution->canonical == "drug_administration");
    CHECK(o.resolve("市食药监局", ningbo, 2017).resolution->canonical == "market_regulation");
  }
  SUBCASE("place names: the plan's own, another, and inside a template") {
    const auto own = o.resolve("衡水海关", hengshui, 2022);
    CHECK(own.resolution->canonical == "customs");
    CHECK(own.resolution->match == "exact");
    CHECK(own.place == "衡水");
    const auto other = o.resolve("兰州海关", gansu, 2020);
    CHECK(other.resolution->canonical == "customs");
    CHECK(other.resolution->match == "place_name");
    CHECK(other.resolution->admin_level == level::province);
    CHECK(other.resolution->confidence == doctest::Approx(0.85));
    // Only agencies named after places take another place's name.
    CHECK_FALSE(o.resolve("兰州财政局", gansu, 2020).resolution);
    const auto bank = o.resolve("人行衡水市中心支行", hengshui, 2022);
    CHECK(bank.resolution->canonical == "central_bank");
    CHECK(bank.resolution->admin_level == level::city);
    CHECK(bank.resolution->match == "exact");
  }
  SUBCASE("level prefixes: party, judicial, national") {
    CHECK(o.resolve("区委组织部", district, 2024).resolution->admin_level == level::district);
    CHECK(o.resolve("省委宣传部", gansu, 2020).resolution->admin_level == level::province);
    CHECK(o.resolve("最高人民法院", gansu, 2020).resolution->admin_level == level::national);
    CHECK(o.resolve("市中级法院", ningbo, 2017).resolution->canonical == "courts");
    // A party body takes a party prefix: 区委办 is the party committee's general office.
    const auto office = o.resolve("区委办(区委外办)", district, 2024);
    CHECK(office.resolution->canonical == "party_committee_office");
    CHECK(office.qualifier);
    CHECK(office.note == "read as 区委办; the bracketed second name (区委外办) is set aside");
    CHECK_FALSE(o.resolve("区办", district, 2024).resolution);
  }
  SUBCASE("collectives, also after the body they belong to") {
    const auto m = o.resolve("各成員單位", gansu, 2020);
    CHECK(m.resolution->canonical == "member_units");
    CHECK(m.collective);
    CHECK(m.resolution->admin_level == level::province);
    const auto group = o.resolve("区知识产权工作领导小组各成员单位", district, 2024);
    CHECK(group.resolution->canonical == "member_units");
    CHECK(group.resolution->admin_level == level::district);
    CHECK(o.resolve("各区县（市）政府", ningbo, 2017).resolution->canonical ==
          "subordinate_governments");
    CHECK(o.resolve("县市区政府", hengshui, 2022).collective);
  }
  SUBCASE("unknown names stay unknown, with a reason") {
    for (const char* name :
         {"市宇宙探索局", "宁波大学", "市委宣传", "", "区知识产权工作", "某某公司"}) {
      CAPTURE(name);
      const auto m = o.resolve(name, ningbo, 2020);
      CHECK_FALSE(m.resolution);
      CHECK(m.name == name);
      CHECK(m.note.find("is not in the agency ontology (version 2026.2)") != std::string::npos);
    }
  }
}

TEST_CASE("user files extend and override the ontology") {
  auto o = agency_ontology::builtin();
  o.merge_file(test::test_data_dir() + "/agencies_extra.json");
  CHECK(o.version() == "2026.2+test.1");

  // A new collective entry.
  const auto uni = o.resolve("各高校", ningbo, 2020);
  REQUIRE(uni.resolution);
  CHECK(uni.resolution->canonical == "universities");
  CHECK(uni.collective);
  // "extend": a new short form and a new level prefix for an existing entry.
  const auto town = o.resolve("镇市场监管所", ningbo, 2020);
  CHECK(town.resolution->canonical == "market_regulation");
  CHECK(town.resolution->admin_level == level::county);
  CHECK(o.resolve("市市场监督管理局", hengshui, 2022).resolution->canonical == "market_regulation");
  // An alias claimed by the user file moves to its entry.
  CHECK(o.resolve("市委金融办", ningbo, 2024).resolution->canonical == "finance_office");
  CHECK(o.resolve("市金融办", ningbo, 2024).resolution->canonical == "finance_office");
  CHECK(agency_ontology::builtin().resolve("市金融办", ningbo, 2024).resolution->canonical ==
        "local_financial_regulation");
  // A replaced entry loses what the new one does not say: customs is no longer place-named.
  CHECK(o.find("customs")->name_en == "Customs (replaced)");
  CHECK(o.resolve("衡水海关", hengshui, 2022).resolution->canonical == "customs");
  CHECK_FALSE(o.resolve("兰州海关", gansu, 2020).resolution);
  // Parsing with the merged ontology.
  parse::parse_options options;
  options.ontology = &o;
  const plan p = parse::parse_file(seed_path(test::gansu), options);
  CHECK_FALSE(agency_named(p, "蘭州海關").resolution);
  CHECK(std::count_if(p.diagnostics.begin(), p.diagnostics.end(),
                      [](const diagnostic& d) { return d.code == "agency.unresolved"; }) == 1);
}

TEST_CASE("ontology files are read strictly") {
  auto o = agency_ontology::builtin();
  CHECK_THROWS_WITH_AS(o.merge_json("{", "x.json"), doctest::Contains("x.json: byte 1: malformed JSON"),
                       schema_error);
  CHECK_THROWS_WITH_AS(o.merge_json(R"({"schema": "plancmp.agencies/2", "agencies": []})", "x.json"),
                       "x.json: /schema: unsupported schema \"plancmp.agencies/2\" (supported: "
                       "\"plancmp.agencies/1\")",
                       schema_error);
  CHECK_THROWS_WITH_AS(o.merge_json(wrap(R"([{"id": "a", "en": "A"}])"), "x.json"),
                       "x.json: /agencies/0: missing key \"zh\"", schema_error);
  CHECK_THROWS_WITH_AS(o.merge_json(wrap(R"([{"id": "A-1", "en": "A", "zh": "甲局"}])"), "x.json"),
                       "x.json: /agencies/0/id: \"A-1\" is not an id (a-z, 0-9 and _)", schema_error);
  CHECK_THROWS_WITH_AS(
      o.merge_json(
          wrap(
              R"([{"id": "a", "en": "A", "zh": "甲局", "history": {"successors": [{"id": "nope", "year": 2018}]}}])"),
          "x.json"),
      "x.json: /agencies: entry \"a\" names \"nope\" in its history, which is not in the ontology",
      schema_error);
  CHECK_THROWS_WITH_AS(
      o.merge_json(wrap(R"([{"id": "a", "en": "A", "zh": "甲局", "aliases": ["乙局"]},
                                             {"id": "b", "en": "B", "zh": "乙局"}])"),
                   "x.json"),
      "x.json: /agencies: alias \"乙局\" is claimed by both \"a\" and \"b\"; keep it in one entry",
      schema_error);
  CHECK_THROWS_WITH_AS(
      o.merge_json(
          wrap(
              R"([{"id": "a", "en": "A", "zh": "甲局", "history": {"successors": [{"id": "b", "year": 2018}]}},
                           {"id": "b", "en": "B", "zh": "乙局", "history": {"successors": [{"id": "a", "year": 2019}]}}])"),
          "x.json"),
      "x.json: /agencies: the successors of \"a\" form a cycle", schema_error);
  CHECK_THROWS_WITH_AS(
      o.merge_json(wrap(R"([{"id": "nope", "extend": true, "aliases": ["甲"]}])"), "x.json"),
      "x.json: /agencies/0/extend: no entry \"nope\" to extend", schema_error);
  CHECK_THROWS_WITH_AS(
      o.merge_json(wrap(R"([{"id": "a", "en": "A", "zh": "甲局", "prefixes": ["村"]}])"), "x.json"),
      "x.json: /agencies/0/prefixes/0: \"村\" is neither a prefix set nor in level_prefixes",
      schema_error);
  CHECK_THROWS_AS(o.merge_file("/nonexistent/agencies.json"), io_error);
  // A failed merge leaves the ontology as it was.
  CHECK(o.version() == "2026.2");
  CHECK(o.entries() == agency_ontology::builtin().entries());
}

TEST_CASE("every agency the five seeds print resolves") {
  std::map<std::string, std::size_t> by_match;
  std::size_t names = 0;
  for (const auto& seed : test::seed_names()) {
    CAPTURE(seed);
    const plan& p = seed_plan(seed);
    for (const agency& a : p.agencies()) {
      CAPTURE(a.name);
      ++names;
      REQUIRE(a.resolution.has_value());
      CHECK_FALSE(a.resolution->canonical.empty());
      CHECK(a.resolution->admin_level != level::unknown);
      CHECK(a.resolution->confidence > 0.75);
      ++by_match[a.resolution->match];
    }
    CHECK(std::none_of(p.diagnostics.begin(), p.diagnostics.end(),
                       [](const diagnostic& d) { return d.code == "agency.unresolved"; }));
  }
  // 0 + 33 + 27 + 24 + 18 distinct printed names; 0 unresolved.
  CHECK(names == 102);
  CHECK(by_match == std::map<std::string, std::size_t>{{"exact", 42},
                                                       {"short_form", 29},
                                                       {"traditional", 24},
                                                       {"predecessor", 6},
                                                       {"place_name", 1}});

  // The four names of the acceptance row.
  CHECK(agency_named(seed_plan(test::ningbo_2017), "市知识产权局").resolution->match == "predecessor");
  CHECK(agency_named(seed_plan(test::hengshui), "市市场监督管理局").resolution->match == "exact");
  const auto& gansu_mr = *agency_named(seed_plan(test::gansu), "省市場監管局").resolution;
  CHECK(gansu_mr.match == "traditional");
  CHECK(gansu_mr.admin_level == level::province);
  const auto& district_mr = *agency_named(seed_plan(test::district), "区市场监管局").resolution;
  CHECK(district_mr.admin_level == level::district);
  for (const auto* a : {&agency_named(seed_plan(test::ningbo_2017), "市知识产权局"),
                        &agency_named(seed_plan(test::hengshui), "市市场监督管理局"),
                        &agency_named(seed_plan(test::gansu), "省市場監管局"),
                        &agency_named(seed_plan(test::district), "区市场监管局")})
    CHECK(a->resolution->canonical == "market_regulation");
  // Collectives the parser did not flag are flagged from the ontology.
  CHECK(agency_named(seed_plan(test::hengshui), "县市区政府").collective);
}

TEST_CASE("resolve_agencies on a plan") {
  plan p;
  p.issuing_jurisdiction = ningbo;
  p.issued = date{2017, 12, 21};
  measure m;
  m.id = "一.1";
  m.path = {"一", "1"};
  m.lead = {{"市知识产权局", role::lead, {100, 118}}};
  m.support = {{"市宇宙探索局", role::support, {119, 137}},
               {"各区县(市)政府", role::support, {138, 158}}};
  m.where = {50, 160};
  plan_content c;
  c.measures.push_back(m);
  p.set_content(std::move(c));
  p.diagnostics = {{1, {0, 10}, "noise.menu", "menu"}, {9, {300, 310}, "numbering.gap", "gap"}};

  const auto line_of = [](std::uint64_t byte) { return static_cast<std::uint32_t>(byte / 20 + 1); };
  const auto summary = resolve_agencies(p, agency_ontology::builtin(), {line_of});
  CHECK(summary.names == 3);
  CHECK(summary.resolved == 2);
  CHECK(summary.unresolved == std::vector<std::string>{"市宇宙探索局"});
  CHECK(summary.by_match == std::map<std::string, std::size_t>{{"exact", 1}, {"predecessor", 1}});
  CHECK(p.agencies()[0].resolution->canonical == "market_regulation");
  CHECK_FALSE(p.agencies()[1].resolution);
  CHECK(p.agencies()[2].collective);
  // The unknown name is kept, with a diagnostic at its mention, in line order.
  REQUIRE(p.diagnostics.size() == 3);
  CHECK(p.diagnostics[1].code == "agency.unresolved");
  CHECK(p.diagnostics[1].line == 6);
  CHECK(p.diagnostics[1].where == span{119, 137});
  CHECK(p.diagnostics[1].message.find("市宇宙探索局") != std::string::npos);
  // Running it again replaces its diagnostics rather than adding more.
  (void)resolve_agencies(p, agency_ontology::builtin(), {line_of});
  CHECK(p.diagnostics.size() == 3);
  // The graph stays current: accessors and exports still work.
  CHECK(p.measures_of(0, role::lead) == std::vector<std::size_t>{0});
  CHECK_NOTHROW((void)to_graphml(p));
}

TEST_CASE("parsing resolves agencies unless told not to") {
  parse::parse_options off;
  off.resolve_agencies = false;
  const plan raw = parse::parse_file(seed_path(test::gansu), off);
  CHECK(std::none_of(raw.agencies().begin(), raw.agencies().end(),
                     [](const agency& a) { return a.resolution; }));
  const plan& resolved = seed_plan(test::gansu);
  CHECK(raw.measures() == resolved.measures());
  CHECK(raw.agencies().size() == resolved.agencies().size());
}

TEST_CASE("resolutions survive the plan JSON round trip") {
  for (const auto& seed : test::seed_names()) {
    CAPTURE(seed);
    const plan& p = seed_plan(seed);
    const std::string json = to_json(p);
    const plan back = plan_from_json(json, seed);
    CHECK(back == p);
    CHECK(to_json(back) == json);
  }
  const std::string gansu_json = to_json(seed_plan(test::gansu), -1);
  CHECK(gansu_json.find(R"({"name":"省市場監管局","collective":false,"canonical":"market_regulation",)"
                        R"("level":"province","match":"traditional","confidence":0.931})") !=
        std::string::npos);
  // Mentions in the measures carry the derived keys.
  CHECK(
      gansu_json.find(R"("canonical":"market_regulation","level":"province","match":"traditional"})") !=
      std::string::npos);
}

TEST_CASE("resolution is repeatable: the same name gives the same answer every time") {
  const auto& o = agency_ontology::builtin();
  std::vector<std::pair<std::string, jurisdiction>> names;
  for (const auto& seed : test::seed_names())
    for (const agency& a : seed_plan(seed).agencies())
      names.emplace_back(a.name, seed_plan(seed).issuing_jurisdiction);
  REQUIRE(names.size() > 50);
  std::vector<agency_resolution> first;
  for (const auto& [name, where] : names) first.push_back(o.resolve(name, where, 2020).resolution.value());
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      CHECK(o.resolve(names[i].first, names[i].second, 2020).resolution == first[i]);
    }
  }
}
