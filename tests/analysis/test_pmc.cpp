// SPDX-License-Identifier: MIT
// PMC index: the model file and its errors, the rules on a small plan checked by hand,
// evidence for every 1, grades and the surface matrix, and the seeds.
#include <plancmp/analysis/pmc.hpp>

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/error.hpp>
#include <plancmp/fmt.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/pmc_tables.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace plancmp;
using namespace plancmp::analysis;

namespace {

const char* small_model = R"({
  "schema": "plancmp.pmc/1",
  "surface": ["X1", "X2", "X3", "X4"],
  "grades": [{"min": 3, "zh": "好", "en": "good"}, {"min": 0, "zh": "差", "en": "bad"}],
  "variables": [
    {"id": "X1", "zh": "甲", "en": "a", "sub": [
      {"id": "X1:1", "zh": "监督", "en": "supervision", "rule": {"kind": "keywords", "phrases": ["督查"]}},
      {"id": "X1:2", "zh": "税收", "en": "tax", "rule": {"kind": "keywords", "phrases": ["税收"]}}]},
    {"id": "X2", "zh": "乙", "en": "b", "sub": [
      {"id": "X2:1", "zh": "保护", "en": "protection", "rule": {"kind": "theme", "scheme": "ip_value_chain", "theme": "protection", "min": 1}},
      {"id": "X2:2", "zh": "短期", "en": "short", "rule": {"kind": "horizon", "min_years": 0, "max_years": 2}},
      {"id": "X2:3", "zh": "长期", "en": "long", "rule": {"kind": "horizon", "min_years": 6, "max_years": 50}}]},
    {"id": "X3", "zh": "丙", "en": "c", "sub": [
      {"id": "X3:1", "zh": "市级", "en": "city", "rule": {"kind": "issuer_level", "levels": ["city"]}},
      {"id": "X3:2", "zh": "部门", "en": "agencies", "rule": {"kind": "agencies", "min": 2}},
      {"id": "X3:3", "zh": "牵头", "en": "leads", "rule": {"kind": "lead_share", "min": 1.0}},
      {"id": "X3:4", "zh": "时限", "en": "deadlines", "rule": {"kind": "deadlines", "min": 1}}]},
    {"id": "X4", "zh": "丁", "en": "d", "sub": [
      {"id": "X4:1", "zh": "公开", "en": "published", "rule": {"kind": "always"}},
      {"id": "X4:2", "zh": "指标", "en": "targets", "rule": {"kind": "targets", "min": 1}}]}
  ]})";

const char* small_plan_text =
    "宁波市人民政府办公厅关于印发宁波市知识产权保护实施方案的通知\n"
    "宁波市人民政府办公厅\n"
    "2022年3月1日\n"
    "宁波市知识产权保护实施方案\n"
    "一、重点任务\n"
    "(一)加强司法保护。开展督查。(市法院牵头,市公安局负责;2023年底前完成)\n"
    "(二)强化行政执法。(市市场监管局负责;持续推进)\n";

}  // namespace

TEST_CASE("PMC rules on a small plan, each 1 with evidence") {
  const auto model = pmc_model::from_json(small_model, "m.json");
  const auto doc = text::make_document(small_plan_text, "p.txt");
  const plan p = parse::parse_document(doc);
  REQUIRE(p.measures().size() == 2);
  const auto r = compute_pmc(p, doc, model);
  const auto value = [&](std::size_t v, std::size_t s) { return r.values.at(v).at(s).value; };
  CHECK(value(0, 0) == 1);  // 督查
  CHECK(value(0, 1) == 0);  // no 税收
  CHECK(value(1, 0) == 1);  // protection measures
  CHECK(value(1, 1) == (p.issued ? 1 : 0));  // 2023 deadline, 1 year after 2022
  CHECK(value(1, 2) == 0);
  CHECK(value(2, 1) == 1);  // 市法院, 市公安局, 市市场监管局
  CHECK(value(2, 2) == 1);  // both measures name a lead
  CHECK(value(2, 3) == 1);
  CHECK(value(3, 0) == 1);
  CHECK(value(3, 1) == 0);  // no targets
  CHECK(r.scores[0] == doctest::Approx(0.5));
  CHECK(r.scores[3] == doctest::Approx(0.5));
  double sum = 0;
  for (const double s : r.scores) sum += s;
  CHECK(r.pmc == doctest::Approx(sum));
  CHECK(r.grade_en == (r.pmc >= 3 ? "good" : "bad"));
  REQUIRE(r.surface.size() == 2);
  CHECK(r.surface[0][0] == doctest::Approx(r.scores[0]));
  CHECK(r.surface[1][1] == doctest::Approx(r.scores[3]));
  // Every 1 carries the bytes it came from; a keyword's bytes are the keyword.
  for (const auto& var : r.values) {
    for (const auto& v : var) {
      if (v.value == 1) CHECK_MESSAGE(v.where.has_value(), v.id);
      if (v.value == 0) CHECK_MESSAGE(!v.evidence.empty(), v.id);
    }
  }
  const auto where = *r.values[0][0].where;
  CHECK(doc.original.substr(where.begin, where.size()) == "督查");

  const std::vector<pmc_result> results{r};
  CHECK(report::to_table(results, model).rows.size() == 4 + 2);
  CHECK(report::detail_table(results, model).rows.size() == 11);
  CHECK(report::surface_table(r, model).rows.size() == 2);
}

TEST_CASE("PMC from a human coding sheet: its codes, labelled, in place of the tagger's") {
  const auto model = pmc_model::from_json(small_model, "m.json");
  const auto doc = text::make_document(small_plan_text, "p.txt");
  const plan p = parse::parse_document(doc);
  REQUIRE(p.measures().size() == 2);
  const auto sheet = [&](const char* stages) {
    return coding_sheet::from_json(fmt::format(R"({{"schema": "plancmp.gold.coding/1", "coder": "H", "units": [
      {{"source": "p.txt", "id": "{}", "ip_related": true, "value_chain": {}, "policy_tools": ["environment"]}},
      {{"source": "p.txt", "id": "{}", "ip_related": true, "value_chain": ["management"], "policy_tools": []}}]}})",
                                               p.measures()[0].id, stages, p.measures()[1].id),
                                   "h.json");
  };
  const auto automatic = compute_pmc(p, doc, model);
  CHECK(automatic.codes.empty());
  CHECK(automatic.values.at(1).at(0).value == 1);  // the tagger finds protection

  // The person says no measure is about protection: X2:1 is 0, and the result says whose codes.
  const auto none = compute_pmc(p, doc, model, sheet("[]"));
  CHECK(none.codes == "human codes: H");
  CHECK(none.values.at(1).at(0).value == 0);
  CHECK(none.codes_note.empty());
  // The person codes protection: X2:1 is 1, its evidence the coded unit (no phrase).
  const auto yes = compute_pmc(p, doc, model, sheet(R"(["protection"])"));
  const auto& v = yes.values.at(1).at(0);
  CHECK(v.value == 1);
  REQUIRE(v.where.has_value());
  CHECK(v.where->begin == p.measures()[0].where.begin);
  CHECK(v.evidence.find("human codes: H") != std::string::npos);
  // Rules that do not read codes are unchanged.
  CHECK(yes.values.at(0).at(0).value == automatic.values.at(0).at(0).value);
  const auto t = report::to_table(std::span<const pmc_result>(&yes, 1), model);
  CHECK(t.caption.find("(human codes: H)") != std::string::npos);

  // A sheet of another plan codes nothing here, and says so.
  const auto other = coding_sheet::from_json(R"({"schema": "plancmp.gold.coding/1", "coder": "H", "units": [
      {"source": "q.txt", "id": "1", "ip_related": false, "value_chain": [], "policy_tools": ["supply"]}]})",
                                             "o.json");
  const auto missing = compute_pmc(p, doc, model, other);
  CHECK(missing.codes_note.find("2 of 2 measures") != std::string::npos);
}

TEST_CASE("pmc_rule_kind: names, their inverse, fmt") {
  for (const auto k : {pmc_rule_kind::keywords, pmc_rule_kind::theme, pmc_rule_kind::horizon,
                       pmc_rule_kind::issuer_level, pmc_rule_kind::agencies, pmc_rule_kind::lead_share,
                       pmc_rule_kind::targets, pmc_rule_kind::deadlines, pmc_rule_kind::always})
    CHECK(parse_pmc_rule_kind(to_string(k)) == k);
  CHECK(to_string(pmc_rule_kind::issuer_level) == "issuer_level");
  CHECK(fmt::format("{}", pmc_rule_kind::lead_share) == "lead_share");
  CHECK_THROWS_WITH_AS((void)parse_pmc_rule_kind("Keywords"),
                       "unknown rule kind \"Keywords\" (known: keywords, theme, horizon, issuer_level, agencies, "
                       "lead_share, targets, deadlines, always)",
                       usage_error);
  // The built-in designs spell their kinds as strings; the loader makes them enums.
  CHECK(pmc_model::builtin().variables.at(0).sub.at(0).rule.kind == pmc_rule_kind::keywords);
}

TEST_CASE("PMC model errors name the file and the JSON Pointer") {
  const auto wrap = [](const char* rule) {
    return std::string(R"({"schema": "plancmp.pmc/1", "variables": [{"id": "X1", "zh": "甲", "en": "a", "sub": [
      {"id": "X1:1", "zh": "乙", "en": "b", "rule": )") + rule + "}]}]}";
  };
  CHECK_THROWS_WITH_AS((void)pmc_model::from_json(wrap(R"({"kind": "magic"})"), "m.json"),
                       doctest::Contains("m.json: /variables/0/sub/0/rule/kind: unknown rule kind \"magic\" (known: "
                                         "keywords, theme, horizon, issuer_level, agencies, lead_share, targets, "
                                         "deadlines, always)"),
                       schema_error);
  CHECK_THROWS_WITH_AS(
      (void)pmc_model::from_json(wrap(R"({"kind": "theme", "scheme": "ip_value_chain", "theme": "nope", "min": 1})"), "m.json"),
      "m.json: /variables/0/sub/0/rule/theme: scheme 'ip_value_chain' has no theme 'nope'", schema_error);
  CHECK_THROWS_WITH_AS((void)pmc_model::from_json(wrap(R"({"kind": "issuer_level", "levels": ["planet"]})"), "m.json"),
                       doctest::Contains("m.json: /variables/0/sub/0/rule/levels/0: must be a level"), schema_error);
  CHECK_THROWS_WITH_AS((void)pmc_model::from_json(wrap(R"({"kind": "horizon", "min_years": 5, "max_years": 1})"), "m.json"),
                       "m.json: /variables/0/sub/0/rule/max_years: must not be less than min_years", schema_error);
  CHECK_THROWS_WITH_AS((void)pmc_model::from_json(R"({"schema": "plancmp.pmc/1", "variables": []})", "m.json"),
                       "m.json: /variables: must be a non-empty list", schema_error);
}

TEST_CASE("the built-in PMC model scores the seeds with evidence for every 1") {
  const auto& model = pmc_model::builtin();
  CHECK(model.variables.size() == 10);
  CHECK(model.surface.size() == 9);
  for (const auto& name : test::seed_names()) {
    const auto doc = text::read_document(test::seed_path(name));
    const plan p = parse::parse_document(doc);
    const auto r = compute_pmc(p, doc, model);
    CHECK(r.scores.size() == 10);
    CHECK(r.pmc >= 0.0);
    CHECK(r.pmc <= 10.0);
    CHECK(!r.grade_en.empty());
    for (const auto& var : r.values) {
      for (const auto& v : var) {
        if (v.value != 1) continue;
        REQUIRE_MESSAGE(v.where.has_value(), name, " ", v.id);
        CHECK_MESSAGE(v.where->end <= doc.original.size(), name, " ", v.id);
      }
    }
  }
}

TEST_CASE("PMC designs: a plan outside the design's domain cannot reach its top grades") {
  const auto with_domain = [](bool domain) {
    return std::string(R"({"schema": "plancmp.pmc/1", "id": "tiny",)") +
           (domain ? R"("domain": {"scheme": "ip_related", "theme": "ip_related", "min_share": 0.5, "max_grade": "差"},)"
                   : "") +
           R"("grades": [{"min": 1, "zh": "好", "en": "good"}, {"min": 0, "zh": "差", "en": "bad"}],
               "variables": [{"id": "X1", "zh": "甲", "en": "a", "sub": [
                 {"id": "X1:1", "zh": "公开", "en": "published", "rule": {"kind": "always"}}]}]})";
  };
  const auto doc = text::make_document(
      "某市家庭医生签约服务实施方案\n一、重点任务\n(一)推进家庭医生签约服务。(市卫健委负责)\n"
      "(二)加强基层医疗机构管理。(市卫健委负责)\n",
      "doctor.txt");
  const plan p = parse::parse_document(doc);
  REQUIRE(p.measures().size() == 2);
  const auto open = compute_pmc(p, doc, pmc_model::from_json(with_domain(false), "open.json"));
  CHECK(open.grade_zh == "好");
  const auto ip = compute_pmc(p, doc, pmc_model::from_json(with_domain(true), "ip.json"));
  CHECK(ip.pmc == doctest::Approx(open.pmc));
  CHECK(ip.grade_zh == "差");
  CHECK(ip.domain_share == doctest::Approx(0.0));
  CHECK(ip.domain_note.find("the grade is at most 差") != std::string::npos);
  CHECK_THROWS_WITH_AS((void)pmc_model::from_json(
                           R"({"schema": "plancmp.pmc/1", "domain": {"scheme": "ip_related", "theme": "ip_related",
                               "min_share": 0.5, "max_grade": "优"}, "grades": [{"min": 0, "zh": "差", "en": "bad"}],
                               "variables": [{"id": "X1", "zh": "甲", "en": "a", "sub": [
                                 {"id": "X1:1", "zh": "公开", "en": "published", "rule": {"kind": "always"}}]}]})",
                           "d.json"),
                       "d.json: /domain/max_grade: no grade \"优\"", schema_error);
  SUBCASE("the built-in designs and the sensitivity table") {
    CHECK(pmc_model::builtin_ids() == std::vector<std::string>{"ip_pmc_10", "ip_pmc_9"});
    const auto& ten = pmc_model::builtin("ip_pmc_10");
    const auto& nine = pmc_model::builtin("ip_pmc_9");
    CHECK(ten.variables.size() == 10);
    CHECK(nine.variables.size() == 9);
    const std::vector<std::vector<pmc_result>> all{{compute_pmc(p, doc, ten)}, {compute_pmc(p, doc, nine)}};
    const std::vector<const pmc_model*> designs{&ten, &nine};
    const auto t = report::sensitivity_table(all, designs);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0][2].text().find("outside the domain") != std::string::npos);
    CHECK(all[0][0].grade_zh != "优秀");
    CHECK_THROWS_AS((void)pmc_model::builtin("nope"), usage_error);
  }
}
