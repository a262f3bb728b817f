// SPDX-License-Identifier: MIT
// Quantitative targets: the acceptance checks of the targets issue on the seed plans, the
// indicator catalog, prose forms one by one, and precision / recall on a fixture of
// hand-checked sentences (tests/data/targets_fixture.json).
#include <plancmp/error.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/parse/targets.hpp>

#include "support/seeds.hpp"
#include "support/parsed.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace plancmp;

namespace {

using test::seed_plan;

std::vector<const target*> owned_by(const plan& p, std::string_view owner) {
  std::vector<const target*> out;
  for (const auto& t : p.targets()) {
    if (t.owner == owner) out.push_back(&t);
  }
  return out;
}

const target* find_target(const plan& p, double value, std::string_view unit, std::string_view owner = "*") {
  for (const auto& t : p.targets()) {
    if (t.value == value && t.unit == unit && (owner == "*" || t.owner == owner)) return &t;
  }
  return nullptr;
}

/// The bytes of the original file a span points at.
std::string bytes_at(const std::string& seed, span s) {
  static std::map<std::string, std::string> files;
  auto it = files.find(seed);
  if (it == files.end()) it = files.emplace(seed, test::seed_bytes(seed)).first;
  return it->second.substr(s.begin, s.size());
}

}  // namespace

TEST_CASE("indicator catalog: built-in indicators, matching, user extension") {
  const auto& c = parse::indicator_catalog::builtin();
  for (const char* key : {"effective_invention_patents", "invention_patents_per_10k",
                          "high_value_invention_patents_per_10k", "pct_applications",
                          "effective_registered_trademarks", "madrid_registrations", "copyright_registrations",
                          "ip_pledge_financing", "ip_standard_certified_enterprises", "geographical_indications"}) {
    CAPTURE(key);
    REQUIRE(c.find(key) != nullptr);
    CHECK_FALSE(c.find(key)->name_en.empty());
    CHECK_FALSE(c.find(key)->aliases.empty());
  }
  // The longest alias wins: 每万人口高价值发明专利 is not 每万人口发明专利.
  CHECK(c.match("每万人口高价值发明专利拥有量") == "high_value_invention_patents_per_10k");
  CHECK(c.match("全市有效发明专利拥有量") == "effective_invention_patents");
  CHECK(c.match("每万人口发明专利拥有量") == "invention_patents_per_10k");
  CHECK(c.match("商标有效注册数") == "effective_registered_trademarks");
  CHECK(c.match("知识产权年质押金额") == "ip_pledge_financing");
  CHECK(c.match("专业服务能力") == "");
  // A unit that is not the indicator's excludes it.
  CHECK(c.match("高价值专利组合培育及绩效评价", "元") == "");
  CHECK(c.match("高价值专利组合", "个") == "high_value_patent_portfolios");

  SUBCASE("user file merged over the built-ins; traditional aliases accepted") {
    auto mine = parse::indicator_catalog::from_json(R"({"schema": "plancmp.indicators/1", "indicators": [
      {"key": "ip_pledge_financing", "name_en": "Pledge financing", "base_unit": "元", "aliases": ["質押貸款"]},
      {"key": "patent_navigation_projects", "name_en": "Patent navigation projects", "base_unit": "项",
       "aliases": ["专利导航项目"]}]})",
                                                    "mine.json");
    parse::indicator_catalog merged = c;
    merged.merge(mine);
    CHECK(merged.indicators().size() == c.indicators().size() + 1);
    CHECK(merged.find("ip_pledge_financing")->name_en == "Pledge financing");
    CHECK(merged.match("知识产权质押贷款") == "ip_pledge_financing");  // 質押貸款 → 质押贷款
    CHECK(merged.match("知识产权质押金额") == "");                    // the replaced aliases are gone
    CHECK(merged.match("实施专利导航项目") == "patent_navigation_projects");
    // A plan parsed with the merged catalog resolves the new indicator.
    parse::parse_options o;
    o.targets.indicators = &merged;
    const auto ts = parse::find_targets("年实施专利导航项目20项以上。", o.targets);
    REQUIRE(ts.size() == 1);
    CHECK(ts[0].indicator_key == "patent_navigation_projects");
  }

  SUBCASE("bad files are refused with the file and the JSON Pointer") {
    CHECK_THROWS_WITH_AS(parse::indicator_catalog::from_json(R"({"schema": "plancmp.indicators/2", "indicators": []})",
                                                             "x.json"),
                         "x.json: /schema: schema must be \"plancmp.indicators/1\"; see docs/targets.md for the "
                         "indicators file format",
                         schema_error);
    CHECK_THROWS_WITH_AS(
        parse::indicator_catalog::from_json(
            R"({"schema": "plancmp.indicators/1", "indicators": [{"key": "a", "aliases": ["x"]}, {"key": "a", "aliases": []}]})",
            "x.json"),
        "x.json: /indicators/1/key: key \"a\" is listed twice; see docs/targets.md for the indicators file format",
        schema_error);
    CHECK_THROWS_AS(parse::indicator_catalog::from_json(R"({"schema": "plancmp.indicators/1", "indicators": [{"key": "a", "aliases": [""]}]})"),
                    schema_error);
    CHECK_THROWS_AS(parse::indicator_catalog::from_json("{", "x.json"), schema_error);
    CHECK_THROWS_AS(parse::indicator_catalog::from_file("/nonexistent/indicators.json"), io_error);
  }
}

TEST_CASE("prose forms: scales, units, comparators, years, periodic, several per sentence") {
  const auto one = [](std::string_view text) {
    const auto ts = parse::find_targets(text);
    CAPTURE(text);
    REQUIRE(ts.size() == 1);
    return ts[0];
  };
  SUBCASE("year from 到2022年, value and span") {
    const std::string text = "力争到2022年，全市有效发明专利拥有量达到36000件。";
    const auto t = one(text);
    CHECK(t.value == 36000);
    CHECK(t.unit == "件");
    CHECK(t.normalized_value == 36000);
    CHECK(t.base_unit == "件");
    CHECK(t.kind == comparator::reach);
    CHECK(t.year == 2022);
    CHECK(t.indicator == "有效发明专利拥有量");
    CHECK(t.indicator_key == "effective_invention_patents");
    CHECK(text.substr(t.where.begin, t.where.size()) == "36000件");
  }
  SUBCASE("万 and 亿 scales; 亿 without 元 takes the indicator's base unit") {
    auto t = one("年新增有效注册商标5万件以上");
    CHECK(t.unit == "万件");
    CHECK(t.normalized_value == 50000);
    CHECK(t.kind == comparator::at_least);
    CHECK(t.periodic);
    t = one("知识产权年质押金额达到40亿");
    CHECK(t.unit == "亿");
    CHECK(t.base_unit == "元");
    CHECK(t.normalized_value == 4e9);
    t = one("合计2.3亿元以上");
    CHECK(t.normalized_value == 230000000);
    CHECK(t.base_unit == "元");
  }
  SUBCASE("comparators") {
    CHECK(one("年登记量递增10%").kind == comparator::annual_growth);
    CHECK(one("年均增幅20%以上").kind == comparator::annual_growth);
    CHECK(one("结案时间缩短20%以上").kind == comparator::reduce_by);
    CHECK(one("质押融资规模增长20%以上").kind == comparator::increase_by);
    CHECK(one("累计达到500家以上").kind == comparator::at_least);
    CHECK(one("发明专利数量不低于50件").kind == comparator::not_less_than);
    CHECK(one("社会满意度达到80分以上").unit == "分");
    CHECK(one("年增品牌指导服务站5家以上").indicator == "品牌指导服务站");
  }
  SUBCASE("ranges, bare numbers after 达到, years from five-year plans") {
    auto t = one("培育30-50家示范企业");
    CHECK(t.value == 30);
    CHECK(t.kind == comparator::at_least);
    t = one("“十四五”末,每万人口发明专利拥有量达到3.85");
    CHECK(t.value == 3.85);
    CHECK(t.unit == "");
    CHECK(t.base_unit == "件");
    CHECK(t.year == 2025);
    CHECK(one("经过三年努力,到2020年,培育6家以上运营机构。").year == 2020);
  }
  SUBCASE("several targets share one year; a list continues without a verb") {
    const auto ts = parse::find_targets(
        "到2025年,累计建成企业专利特色库1900个,行业专利特色库100个;知识产权质押融资金额和知识产权交易量年均增幅20%以上。");
    REQUIRE(ts.size() == 4);
    for (const auto& t : ts) CHECK(t.year == 2025);
    CHECK(ts[0].indicator_key == "enterprise_patent_databases");
    CHECK(ts[1].indicator_key == "industry_patent_databases");
    CHECK(ts[1].value == 100);
    CHECK(ts[2].indicator_key == "ip_pledge_financing");
    CHECK(ts[3].indicator_key == "ip_transactions");
    CHECK(ts[3].kind == comparator::annual_growth);
  }
  SUBCASE("not targets: years, dates, document numbers, names in quotes, context counts") {
    for (std::string_view text : {"2025年12月底前完成", "(国发〔2015〕71号)", "开展“剑网 2020”专项行动",
                                  "围绕我市10个农业特色产业集群", "加强12315行政执法体系建设",
                                  "制定实施2020-2021年全省知识产权保护行动计划", "达到与国家支持资金1:1匹配",
                                  "从2亿元中央财政支持经费中分别列支7000万元", "第3期培训班"}) {
      CAPTURE(text);
      CHECK(parse::find_targets(text).empty());
    }
  }
  SUBCASE("magnitudes in words after a comparator: 过千亿, 超万亿元, 突破百亿元, 达到千亿级") {
    auto t = one("力争到2025年,全省集成电路产业规模过千亿。");
    CHECK(t.value == 1000);
    CHECK(t.unit == "亿");  // as printed: no 元 is supplied
    CHECK(t.normalized_value == 1e11);
    CHECK(t.kind == comparator::at_least);
    CHECK(t.year == 2025);
    CHECK(t.indicator == "集成电路产业规模");
    t = one("带动相关产业规模超万亿元");
    CHECK(t.value == 1);
    CHECK(t.unit == "万亿元");
    CHECK(t.base_unit == "元");
    CHECK(t.normalized_value == 1e12);
    CHECK(t.kind == comparator::at_least);
    CHECK(t.indicator == "相关产业规模");
    t = one("软件业务收入突破百亿元");
    CHECK(t.value == 100);
    CHECK(t.unit == "亿元");
    CHECK(t.kind == comparator::at_least);
    CHECK(t.normalized_value == 1e10);
    const std::string text = "产业规模达到千亿级";
    t = one(text);
    CHECK(t.value == 1000);
    CHECK(t.unit == "亿");
    CHECK(t.kind == comparator::reach);
    CHECK(text.substr(t.where.begin, t.where.size()) == "千亿级");
    // No comparator word, a cap, a fund size: no target; a digit before 万亿 is read as before.
    for (std::string_view none : {"打造千亿级产业集群", "设立百亿元产业基金", "补贴总额不超过百亿元"}) {
      CAPTURE(none);
      CHECK(parse::find_targets(none).empty());
    }
    t = one("人工智能核心产业规模超过1万亿元");
    CHECK(t.value == 1);
    CHECK(t.unit == "万亿元");
  }
  SUBCASE("counts in Chinese numerals: 至少建成一所, 不少于三十家, 超万家, 支持千家企业") {
    std::string text = "每个乡镇至少建成一所具有独立法人资格的公办中心幼儿园。";
    auto t = one(text);
    CHECK(t.value == 1);
    CHECK(t.unit == "所");
    CHECK(t.kind == comparator::at_least);
    CHECK(t.indicator == "公办中心幼儿园");
    CHECK(text.substr(t.where.begin, t.where.size()) == "一所");
    t = one("参与企业不少于一百二十家");
    CHECK(t.value == 120);
    CHECK(t.unit == "家");
    CHECK(t.kind == comparator::not_less_than);
    CHECK(t.indicator == "参与企业");
    t = one("参与企业不少于三十家");
    CHECK(t.value == 30);
    t = one("全省示范点不少于两千个");
    CHECK(t.value == 2000);
    t = one("力争每年服务企业超万家。");
    CHECK(t.value == 1);
    CHECK(t.unit == "万家");
    CHECK(t.base_unit == "家");
    CHECK(t.normalized_value == 1e4);
    CHECK(t.kind == comparator::at_least);
    CHECK(t.periodic);
    t = one("实施提升工程,支持千家企业产学研协同创新。");
    CHECK(t.value == 1000);
    CHECK(t.unit == "家");
    CHECK(t.kind == comparator::reach);
    t = one("培育百家示范企业");
    CHECK(t.value == 100);
    CHECK(t.indicator == "示范企业");
    // No comparator or object cue; a reach cue before 一 (a new level, not a count); a unit
    // that counts no entities; an idiom; a digit-free name; a number that is not a round one
    // after an object cue alone: none is read.
    for (std::string_view none :
         {"建设一所学校", "经济发展达到一个新水平", "至少开展一次培训", "突破一批关键核心技术",
          "让数字服务走进千家万户", "推进“十四五”规划实施", "培育三家示范企业", "打造千亿级产业集群"}) {
      CAPTURE(none);
      CHECK(parse::find_targets(none).empty());
    }
  }
  SUBCASE("shares of a group: 90%的市 …达到") {
    const auto ts = parse::find_targets("到2025年,90%的市和70%的县(市、区)达到省级三星级以上。");
    REQUIRE(ts.size() == 2);
    CHECK(ts[0].value == 90);
    CHECK(ts[0].unit == "%");
    CHECK(ts[0].indicator == "市");
    CHECK(ts[0].kind == comparator::reach);
    CHECK(ts[0].year == 2025);
    CHECK(ts[1].value == 70);
    CHECK(ts[1].unit == "%");
    CHECK(ts[1].indicator == "县(市、区)");
    // Without a level cue after the group the share is context, not a target.
    CHECK(parse::find_targets("其中90%的企业位于园区").empty());
  }
  SUBCASE("a count of a group: 100家企业达到…") {
    const auto t = one("到2022年,力争100家企业达到3级(稳健级)以上标准。");
    CHECK(t.value == 100);
    CHECK(t.unit == "家");
    CHECK(t.indicator == "企业");
    CHECK(t.year == 2022);
    // Without a level cue after the group the count is context.
    CHECK(parse::find_targets("园区已有100家企业入驻").empty());
  }
  SUBCASE("rates per unit, time allotments per period and terms are not targets") {
    for (std::string_view none : {"其在孵企业被新认定为高新技术企业的,每认定1家给予孵化器10万元扶持",
                                  "教师每年至少1个月在企业或实训基地实训",
                                  "保障期限届满超过3个月或家庭人员发生变化的户籍家庭不适用本款规定",
                                  "须在合同期满3个月前提出续租申请"}) {
      CAPTURE(none);
      CHECK(parse::find_targets(none).empty());
    }
    // A period before the cue is no rate per unit; a duration without a per-period marker stays.
    CHECK(one("每年新增5家").value == 5);
    CHECK(one("审批时间压缩至3个月").value == 3);
  }
  SUBCASE("a norm stated as 一般为") {
    const auto t = one("顶岗实习时间一般为6个月");
    CHECK(t.value == 6);
    CHECK(t.unit == "个月");
    CHECK(t.kind == comparator::reach);
  }
  SUBCASE("a unit with an alternative in brackets: 7万套(间)") {
    const auto t = one("建设筹措7万套(间)保障性租赁住房");
    CHECK(t.value == 7);
    CHECK(t.unit == "万套(间)");
    CHECK(t.base_unit == "套");
    CHECK(t.normalized_value == 70000);
    CHECK(parse::find_targets("新建3套(含改造)")[0].unit == "套");
  }
  SUBCASE("traditional script: printed as printed, matched through simplification") {
    const auto t = one("力爭知識產權質押融資規模增長20%以上");
    CHECK(t.indicator == "知識產權質押融資規模");
    CHECK(t.indicator_key == "ip_pledge_financing");
  }
}

TEST_CASE("year_of_title") {
  CHECK(parse::year_of_title("衡水市“十四五”知识产权保护和运用实施方案") == 2025);
  CHECK(parse::year_of_title("2020年甘肅省深入實施知識產權戰略加快建設知識產權強省推進計劃") == 2020);
  CHECK(parse::year_of_title("2023-2025年贯彻落实《关于进一步强化全区知识产权保护的具体措施》推进计划") == 2025);
  CHECK_FALSE(parse::year_of_title("宁波市知识产权运营服务体系建设实施方案").has_value());
}

TEST_CASE("Hengshui: the 9 table indicators, the 发展目标 prose, the conflicting trademark value") {
  const auto& p = seed_plan(test::hengshui);
  REQUIRE(p.tables().size() == 1);
  struct row {
    const char* indicator;
    std::optional<double> baseline;
    double value;
    const char* unit;
    const char* key;
    const char* first_agency;
  };
  const row expected[] = {
      {"每万人口高价值发明专利拥有量", 0.56, 1.17, "件", "high_value_invention_patents_per_10k", "市市场监督管理局"},
      {"每万人口发明专利拥有量", 2.09, 3.85, "件", "invention_patents_per_10k", "市市场监督管理局"},
      {"知识产权质押融资登记金额", 2, 3, "亿元", "ip_pledge_financing", "市市场监督管理局"},
      {"知识产权服务品牌机构", 2, 4, "家", "ip_service_brand_institutions", "市市场监督管理局"},
      {"知识产权管理规范国有标准认证的企事业单位(累计)", 38, 88, "家", "ip_standard_certified_enterprises",
       "市市场监督管理局"},
      {"省级知识产权优势示范企业", 26, 50, "", "provincial_ip_advantage_enterprises", "市市场监督管理局"},
      {"有效注册商标量", 3.8, 5.2, "万件", "effective_registered_trademarks", "市市场监督管理局"},
      {"著作权登记量", std::nullopt, 5200, "件", "copyright_registrations", "市委宣传部"},
      {"知识产权民事一审案件服判息率", std::nullopt, 85, "%", "civil_first_instance_acceptance_rate", "市法院"},
  };
  std::vector<const target*> table;
  for (const auto& t : p.targets()) {
    if (p.tables()[0].where.contains(t.where)) table.push_back(&t);
  }
  REQUIRE(table.size() == 9);
  for (std::size_t i = 0; i < 9; ++i) {
    const auto& t = *table[i];
    const auto& e = expected[i];
    CAPTURE(e.indicator);
    CHECK(t.indicator == e.indicator);
    CHECK(t.value == e.value);
    CHECK(t.unit == e.unit);
    CHECK(t.baseline == e.baseline);
    CHECK(t.baseline_year == (e.baseline ? std::optional<int>(2020) : std::nullopt));
    CHECK(t.year == 2025);
    CHECK(t.indicator_key == e.key);
    CHECK(t.kind == comparator::reach);
    REQUIRE_FALSE(t.agencies.empty());
    CHECK(t.agencies[0] == e.first_agency);
    CHECK(bytes_at(test::hengshui, t.where) == p.tables()[0].rows[i][2]);
  }
  CHECK(table[0]->agencies.size() == 6);  // 市市场监督管理局 leads, five units support
  CHECK(table[6]->normalized_value == 52000);
  CHECK(table[2]->normalized_value == 3e8);
  CHECK(table[2]->base_unit == "元");
  CHECK(table[5]->base_unit == "家");

  // 发展目标: "十四五"末 … four targets in one paragraph.
  const auto prose = owned_by(p, "三.p2");
  REQUIRE(prose.size() == 4);
  CHECK(prose[0]->indicator_key == "invention_patents_per_10k");
  CHECK(prose[0]->value == 3.85);
  CHECK(prose[1]->value == 1.17);
  CHECK(prose[2]->value == 5.4);
  CHECK(prose[2]->unit == "万件");
  CHECK(prose[2]->normalized_value == 54000);
  CHECK(prose[3]->value == 5200);
  CHECK(prose[3]->periodic);
  for (const auto* t : prose) CHECK(t->year == 2025);
  CHECK(bytes_at(test::hengshui, prose[2]->where) == "5.4万件");

  // 5.4万件 in prose, 5.2万件 in the table: both kept, one diagnostic.
  std::vector<const diagnostic*> conflicts;
  for (const auto& d : p.diagnostics) {
    if (d.code == "target.conflict") conflicts.push_back(&d);
  }
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0]->message.find("effective_registered_trademarks") != std::string::npos);
  CHECK(conflicts[0]->message.find("5.2万件") != std::string::npos);
  CHECK(conflicts[0]->message.find("5.4万件") != std::string::npos);
  CHECK(conflicts[0]->line == 130);
  // Measure targets carry the measure's agencies.
  const auto* pledge = find_target(p, 3, "亿元", "六.(一).3");
  REQUIRE(pledge != nullptr);
  CHECK(pledge->year == 2025);
  CHECK(std::find(pledge->agencies.begin(), pledge->agencies.end(), "市市场监督管理局") != pledge->agencies.end());
}

TEST_CASE("Ningbo 2020: the 2022 targets") {
  const auto& p = seed_plan(test::ningbo_2020);
  const auto ts = owned_by(p, "一.p2");
  struct e {
    double value;
    const char* unit;
    comparator kind;
    const char* key;
  };
  const e expected[] = {{36000, "件", comparator::reach, "effective_invention_patents"},
                        {650, "件", comparator::reach, "pct_applications"},
                        {4500, "件", comparator::reach, "copyright_registrations"},
                        {40, "万件", comparator::at_least, "effective_registered_trademarks"},
                        {1200, "件", comparator::reach, "madrid_registrations"},
                        {40, "亿", comparator::reach, "ip_pledge_financing"},
                        {650, "家", comparator::reach, "ip_standard_certified_enterprises"},
                        {150, "家", comparator::reach, "national_ip_advantage_enterprises"}};
  REQUIRE(ts.size() == 8);
  for (std::size_t i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(ts[i]->value == expected[i].value);
    CHECK(ts[i]->unit == expected[i].unit);
    CHECK(ts[i]->kind == expected[i].kind);
    CHECK(ts[i]->indicator_key == expected[i].key);
    CHECK(ts[i]->year == 2022);
  }
  CHECK(ts[3]->normalized_value == 400000);
  CHECK(ts[5]->normalized_value == 4e9);
  // Graph: the goal states its targets.
  const auto g2 = std::find_if(p.goals().begin(), p.goals().end(), [](const plancmp::goal& g) { return g.id == "一.p2"; });
  REQUIRE(g2 != p.goals().end());
  const auto linked = p.targets_of(vertex_kind::goal, static_cast<std::size_t>(g2 - p.goals().begin()));
  CHECK(linked.size() == 8);
}

TEST_CASE("Ningbo 2017: numeric goals and the annex funding table with its totals") {
  const auto& p = seed_plan(test::ningbo_2017);
  struct e {
    const char* owner;
    double value;
    const char* unit;
    comparator kind;
  };
  const e goals[] = {{"二.(一)", 6, "家", comparator::at_least},        {"二.(一)", 1000, "万元", comparator::at_least},
                     {"二.(一)", 1200, "件", comparator::reach},         {"二.(一)", 20, "%", comparator::annual_growth},
                     {"二.(二)", 20, "个", comparator::at_least},        {"二.(二)", 50, "件", comparator::not_less_than},
                     {"二.(二)", 10, "件", comparator::not_less_than},   {"二.(三)", 95, "%", comparator::at_least},
                     {"二.(三)", 20, "%", comparator::reduce_by},        {"二.(三)", 100, "家", comparator::not_less_than},
                     {"二.(三)", 2000, "件", comparator::reach},         {"二.(三)", 80, "分", comparator::at_least},
                     {"二.(四)", 1900, "个", comparator::reach},         {"二.(四)", 100, "个", comparator::reach},
                     {"二.(四)", 500, "家", comparator::at_least},       {"二.(四)", 1500, "家", comparator::at_least},
                     {"三.(三).1.(1)", 80, "人", comparator::at_least}};
  for (const auto& g : goals) {
    CAPTURE(g.owner);
    CAPTURE(g.value);
    const auto ts = owned_by(p, g.owner);
    CHECK(std::any_of(ts.begin(), ts.end(), [&](const target* t) {
      return t->value == g.value && t->unit == g.unit && t->kind == g.kind;
    }));
  }
  CHECK(find_target(p, 1200, "件", "二.(一)")->year == 2020);  // 经过三年努力，到2020年
  CHECK(find_target(p, 80, "人", "三.(三).1.(1)")->year == 2019);
  CHECK(owned_by(p, "二.(三)").size() == 6);  // 95%, +20%/yr cases, −20% closure time, 100家, 2000件, 80分

  // 附件1 资金使用方案 (中央财政支持经费 / 地方配套经费) is a budget table: its amounts are
  // allocations, not targets; its columns still add up to its totals (no mismatch), and
  // 附件2 restating 重点培育6家以上知识产权运营机构 is not counted again.
  for (const auto& annex : p.annexes()) {
    for (const auto& t : p.targets()) {
      CAPTURE(t.indicator);
      CHECK_FALSE(annex.where.contains(t.where));
    }
  }
  // The prose commitment to the budget stays a target.
  CHECK(find_target(p, 2, "亿元", "四.(三)") != nullptr);
  for (const auto& d : p.diagnostics) CHECK(d.code != "target.total_mismatch");
  // A budget table is still checked against its totals: a local total that the rows do
  // not add up to is a diagnostic.
  std::string bytes = test::seed_bytes(test::ningbo_2017);
  const auto at = bytes.rfind("2.3亿元");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, std::string_view("2.3").size(), "2.4");
  const auto changed = parse::parse_bytes(bytes, "ningbo-changed.txt");
  CHECK(std::any_of(changed.diagnostics.begin(), changed.diagnostics.end(),
                    [](const diagnostic& d) { return d.code == "target.total_mismatch"; }));
}

TEST_CASE("Gansu: the 20% pledge-financing growth target") {
  const auto& p = seed_plan(test::gansu);
  const auto it = std::find_if(p.targets().begin(), p.targets().end(),
                               [](const target& t) { return t.indicator_key == "ip_pledge_financing"; });
  REQUIRE(it != p.targets().end());
  CHECK(it->value == 20);
  CHECK(it->unit == "%");
  CHECK(it->kind == comparator::increase_by);
  CHECK(it->year == 2020);
  CHECK(it->indicator == "知識產權質押融資規模");
  CHECK(it->agencies == std::vector<std::string>{"省市場監管局"});
  CHECK(bytes_at(test::gansu, it->where) == "20%以上");
}

TEST_CASE("every seed: spans point at the quantity; JSON round trip with targets") {
  for (const auto& name : test::seed_names()) {
    CAPTURE(name);
    const auto& p = seed_plan(name);
    for (const auto& t : p.targets()) {
      CAPTURE(t.indicator);
      const std::string bytes = bytes_at(name, t.where);
      REQUIRE_FALSE(bytes.empty());
      CHECK((bytes[0] >= '0' && bytes[0] <= '9'));
      CHECK(std::isfinite(t.normalized_value));
      if (!t.owner.empty()) CHECK((p.find_measure(t.owner) != nullptr || p.find_goal(t.owner) != nullptr));
    }
    const std::string json = to_json(p);
    const plan back = plan_from_json(json, name);
    CHECK(back == p);
    CHECK(back.targets() == p.targets());
    CHECK(to_json(back) == json);
  }
  CHECK(seed_plan(test::district).targets().empty());
}

TEST_CASE("target extraction can be turned off") {
  parse::parse_options o;
  o.read_targets = false;
  const auto p = parse::parse_file(test::seed_path(test::hengshui), o);
  CHECK(p.targets().empty());
}

TEST_CASE("fixture: precision and recall on hand-checked sentences") {
  const auto fixture = nlohmann::json::parse(read_file(test::test_data_dir() + "/targets_fixture.json"));
  const auto& sentences = fixture.at("sentences");
  REQUIRE(sentences.size() >= 30);
  std::size_t expected_total = 0, found_total = 0, matched = 0;
  std::set<std::string> seeds;
  for (const auto& s : sentences) {
    const std::string seed = s.at("seed");
    const std::string text = s.at("text");
    seeds.insert(seed);
    const std::string bytes = test::seed_bytes(seed);
    const auto at = bytes.find(text);
    CAPTURE(text);
    REQUIRE(at != std::string::npos);
    const span where{at, at + text.size()};
    std::vector<const target*> found;
    for (const auto& t : seed_plan(seed).targets()) {
      if (where.contains(t.where)) found.push_back(&t);
    }
    std::vector<bool> used(found.size(), false);
    std::size_t here = 0;
    for (const auto& e : s.at("targets")) {
      ++expected_total;
      for (std::size_t k = 0; k < found.size(); ++k) {
        const target& t = *found[k];
        if (used[k] || t.value != e.at("value").get<double>() || t.unit != e.at("unit").get<std::string>() ||
            to_string(t.kind) != e.at("comparator").get<std::string>()) {
          continue;
        }
        if (e.contains("year") && t.year != e.at("year").get<int>()) continue;
        if (e.contains("indicator_key") && t.indicator_key != e.at("indicator_key").get<std::string>()) continue;
        if (e.contains("periodic") && t.periodic != e.at("periodic").get<bool>()) continue;
        used[k] = true;
        ++here;
        break;
      }
    }
    CHECK(here == s.at("targets").size());
    for (std::size_t k = 0; k < found.size(); ++k) {
      if (!used[k]) {
        CAPTURE(found[k]->indicator);
        CAPTURE(found[k]->value);
        CHECK_MESSAGE(false, "unexpected target");
      }
    }
    matched += here;
    found_total += found.size();
  }
  CHECK(seeds.size() >= 4);
  const double precision = found_total == 0 ? 0.0 : static_cast<double>(matched) / static_cast<double>(found_total);
  const double recall = static_cast<double>(matched) / static_cast<double>(expected_total);
  MESSAGE("targets fixture: " << sentences.size() << " sentences, " << expected_total << " expected, " << found_total
                              << " found, precision " << precision << ", recall " << recall);
  CHECK(expected_total >= 40);
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.95);
}

TEST_CASE("completed periods and amounts one may apply for are no targets") {
  const std::string text =
      "某市就业扶持政策\n"
      "一、重点任务\n"
      "（一）发放补贴。建立残疾人死亡、失踪满6个月、户籍迁出等情况的核查机制。\n"
      "（二）支持创业。未被列入经营异常名录的，可申请1万元的一次性创业补贴。\n"
      "（三）扩大就业。到2025年，全市新增就业岗位达到1万个。\n";
  const auto p = parse::parse_bytes(text, "policy.txt");
  REQUIRE(p.targets().size() == 1);
  CHECK(p.targets()[0].value == 1.0);
  CHECK(p.targets()[0].unit == "万个");
  CHECK(p.targets()[0].year == 2025);
}

/// Each target of `p` as "<value><unit> <owner>" (whole values), in order.
static std::vector<std::string> value_unit_owner(const plan& p) {
  std::vector<std::string> out;
  for (const auto& t : p.targets()) out.push_back(std::to_string(static_cast<int>(t.value)) + t.unit + " " + t.owner);
  return out;
}

TEST_CASE("tiers of a rule written without their comma and time limits for acting on a case are no targets") {
  const std::string text =
      "某市就业扶持政策\n"
      "一、重点任务\n"
      "（一）带动就业。招用3人以下的按每人2000元给予补贴；招用4人以上的每增加1人给予3000元补贴。\n"
      "（二）审核发放。区残联应在收到初审意见5个工作日内完成审核，并在审核结果作出后3个工作日内通知申请人。\n"
      "（三）优化服务。企业开办时间压缩至2个工作日内，新建示范基地10个以上的示范点。\n";
  const auto p = parse::parse_bytes(text, "policy.txt");
  // Only (三): a level cue (压缩至) sets the time as an aim; 10个以上的示范点 goes on with a noun.
  const auto found = value_unit_owner(p);
  CHECK(found == std::vector<std::string>{"2个工作日 一.(三)", "10个 一.(三)"});
}

TEST_CASE("figures in the condition of a sentence that grants something are no targets") {
  const std::string text =
      "某市创业扶持政策\n"
      "一、重点任务\n"
      "（一）创业补贴。登记注册满12个月，且有不少于1名员工按规定缴纳社会保险费，且未被列入经营异常名录的，可申请一次性创业补贴。\n"
      "（二）担保贷款。创业带动3人以上就业的借款人，个人贷款额度可提高。\n"
      "（三）扩大就业。到2025年，全市培育创业孵化基地20家以上，新增就业岗位1万个。\n";
  const auto p = parse::parse_bytes(text, "policy.txt");
  const auto found = value_unit_owner(p);
  CHECK(found == std::vector<std::string>{"20家 一.(三)", "1万个 一.(三)"});
}

TEST_CASE("counts in Chinese numerals in a plan; nothing is read after the body") {
  const std::string text =
      "某市教育发展行动方案\n"
      "一、重点任务\n"
      "（一）扩大普惠。每个乡镇至少建成一所公办中心幼儿园。\n"
      "（二）支持创新。实施提升工程，支持千家企业产学研协同创新。\n"
      "（三）普及服务。推动数字服务走进千家万户，达到一个新水平。\n";
  const auto p = parse::parse_bytes(text, "plan.txt");
  CHECK(value_unit_owner(p) == std::vector<std::string>{"1所 一.(一)", "1000家 一.(二)"});
  REQUIRE(p.targets().size() == 2);
  CHECK(p.targets()[0].kind == comparator::at_least);
  CHECK(p.targets()[0].indicator == "公办中心幼儿园");
  CHECK(text.substr(p.targets()[0].where.begin, p.targets()[0].where.size()) == "一所");

  // A web page's tail after the document (from 相关附件 on): its site widget's slogan is no
  // aim of the plan, though it reads like one.
  const std::string page =
      "<html><head><title>某市教育发展行动方案</title></head><body><div class=\"article\">"
      "<h1>某市教育发展行动方案</h1><p>一、重点任务</p><p>（一）扩大普惠。到2025年建成10所幼儿园。</p>"
      "<p>（二）优化服务。到2025年新增学位2000个。</p><p>某市人民政府<br>2024年3月1日</p></div>"
      "<div>相关附件</div><ul><li><span>扫码打开<br>“某市通”APP<br>超万项政务服务轻松办</span></li></"
      "ul>"
      "<div>网站地图 | 联系我们</div></body></html>";
  const auto web = parse::parse_bytes(page, "page.html");
  CHECK(value_unit_owner(web) == std::vector<std::string>{"10所 一.(一)", "2000个 一.(二)"});
}

TEST_CASE(
    "the items of an enumeration share the indicator before them; years alone name none; fractions, "
    "shares in words; a batch's count") {
  const std::string text =
      "某市智能制造发展规划\n"
      "一、发展目标\n"
      "到2025年，智能制造装备和工业软件市场满足率分别超过70%和 "
      "50%。三类企业占比分别达到30%、20%和10%。\n"
      "全市信息技术产业营收年均增长10%以上，2024年、2025年分别突破2.2万亿元、2.4万亿元。\n"
      "二、重点任务\n"
      "（一）建设平台。到2025年，建成120个以上工业互联网平台。\n";
  const auto p = parse::parse_bytes(text, "plan.txt");
  std::vector<std::string> found;
  for (const auto& t : p.targets())
    found.push_back(fmt::format("{} {}{}", t.indicator, t.value, t.unit));
  CHECK(found == std::vector<std::string>{"智能制造装备和工业软件市场满足率 70%",
                                          "智能制造装备和工业软件市场满足率 50%", "三类企业占比 30%",
                                          "三类企业占比 20%", "三类企业占比 10%",
                                          "信息技术产业营收 10%", "信息技术产业营收 2.2万亿元",
                                          "信息技术产业营收 2.4万亿元", "工业互联网平台 120个"});
  REQUIRE(p.targets().size() == 9);
  CHECK(p.targets()[1].kind == comparator::at_least);  // 超过 covers both
  // 2024年、2025年分别突破…: the targets take the listed years in order; the sentence
  // before keeps its own.
  CHECK(p.targets()[5].year == 2025);
  CHECK(p.targets()[6].year == 2024);
  CHECK(p.targets()[7].year == 2025);
  // A share written as a fraction is read; a date written with slashes is not.
  const auto f = parse::parse_bytes(
      "某市规划\n一、发展目标\n到2025年，应用型高校科技成果转化率超过1/3。本规划自2021/3/5起施行，每3/"
      "4年评估。\n",
      "plan.txt");
  REQUIRE(f.targets().size() == 1);
  CHECK(f.targets()[0].value == doctest::Approx(1.0 / 3.0));
  CHECK(f.targets()[0].unit.empty());
  CHECK(f.targets()[0].kind == comparator::at_least);
  CHECK(f.targets()[0].indicator == "应用型高校科技成果转化率");
  // Shares written in words: 三分之一 as 1/3 is, 百分之八十 and 百分之95 as percentages; an
  // improper or large-denominator fraction (十分之十二, 千分之五) is none.
  const auto w = parse::parse_bytes(
      "某市规划\n一、发展目标\n到2025年，核心产业增加值比重超过三分之一，百分之八十的中小学校建成智慧校"
      "园，"
      "全市学校的网络覆盖率达到百分之95以上，十分之十二，千分之五。\n",
      "plan.txt");
  REQUIRE(w.targets().size() == 3);
  CHECK(w.targets()[0].value == doctest::Approx(1.0 / 3.0));
  CHECK(w.targets()[0].unit.empty());
  CHECK(w.targets()[0].kind == comparator::at_least);
  CHECK(w.targets()[1].value == 80);
  CHECK(w.targets()[1].unit == "%");
  CHECK(w.targets()[2].value == 95);
  CHECK(w.targets()[2].kind == comparator::at_least);
  // The size of a fund the plan sets up is an instrument; a fund's size as an aim is a target.
  const auto fund = parse::parse_bytes(
      "某市规划\n一、发展目标\n设立总规模不少于100亿元的数字经济发展专项基金，撬动社会资本。到2025年，"
      "全市股权投资基金规模达到500亿元。\n",
      "plan.txt");
  REQUIRE(fund.targets().size() == 1);
  CHECK(fund.targets()[0].value == 500);
  // A share of a group attaining something is a target without a level cue; a daily time
  // norm and a size class (超过1000人规模的学校) are not.
  const auto g = parse::parse_bytes(
      "某省规划\n一、发展目标\n到2025年，力争30%"
      "的县（市、区）通过国家认定，保证每天校园体育运动不少于1小时，"
      "超过1000人规模的学校必须配备专职教师。\n",
      "plan.txt");
  REQUIRE(g.targets().size() == 1);
  CHECK(g.targets()[0].value == 30);
  CHECK(g.targets()[0].indicator == "县(市、区)");
  // A class of those a target counts is no target, and the target after it keeps its own
  // indicator; alternatives joined by 或 stay targets each.
  const auto cls = parse::parse_bytes(
      "某省规划\n一、发展目标\n到2027年，1亿元以上规上工业企业研发机构覆盖率达到70%左右。"
      "培育运营机构，年主营业务收入1000万元以上或持有的可运营专利数量达到1200件。\n",
      "plan.txt");
  REQUIRE(cls.targets().size() == 3);
  CHECK(cls.targets()[0].value == 70);
  CHECK(cls.targets()[0].indicator == "规上工业企业研发机构覆盖率");
  CHECK(cls.targets()[1].value == 1000);
  // Physical units of other fields' plans.
  const auto units = parse::parse_bytes(
      "某市规划\n一、发展目标\n到2025年，新增光伏装机容量200兆瓦，新能源汽车保有量达到5万辆，新增养老床"
      "位3000床，"
      "年发电量达到10亿千瓦时。\n",
      "plan.txt");
  REQUIRE(units.targets().size() == 4);
  CHECK(units.targets()[0].unit == "兆瓦");
  CHECK(units.targets()[1].unit == "万辆");
  CHECK(units.targets()[3].unit == "亿千瓦时");
  // A count naming nothing counts the batch the clause before builds.
  const auto c = parse::parse_bytes(
      "某市规划\n一、发展目标\n建设一批算力中心，到2025年达到50家。推进数据开放，到2025年达到100项。\n",
      "plan.txt");
  REQUIRE(c.targets().size() == 2);
  CHECK(c.targets()[0].indicator == "算力中心");
  CHECK(c.targets()[1].indicator.empty());  // 推进 is no object verb: the count stays unnamed
  // A year opening the phrase says when, not what.
  const auto y =
      parse::parse_bytes("某市规划\n一、发展目标\n到2026年全市算力总规模达到12EFLOPS。\n", "plan.txt");
  REQUIRE(y.targets().size() == 1);
  CHECK(y.targets()[0].indicator == "算力总规模");
  CHECK(y.targets()[0].year == 2026);
  // A list of places before a count of something else keeps its own phrase.
  const auto q = parse::parse_bytes(
      "某市规划\n一、发展目标\n到2025年，建成省会、鲁南、胶东经济圈100项智慧应用。\n", "plan.txt");
  REQUIRE(q.targets().size() == 1);
  CHECK(q.targets()[0].value == 100);
}

TEST_CASE("an indicator table's columns named by their years: the earliest is the baseline") {
  const auto table = [](const std::string& years_row, const std::string& row) {
    return "某省数字经济发展规划\n一、发展目标\n到2025年，数字经济发展水平显著提升。\n指标\t单位\t" +
           years_row + "\n5G基站数量\t万个\t" + row +
           "\n数控化率\t%\t52\t60\t65\n二、重点任务\n（一）建设数字基础设施。推进5G网络建设。\n";
  };
  // 2020年 | 2025年: the 2020 values are the base; one target per indicator.
  const auto p = parse::parse_bytes(table("2020年\t2023年\t2025年", "3.2\t8\t12"), "indicators.txt");
  std::vector<std::pair<double, int>> found;
  for (const auto& t : p.targets()) found.emplace_back(t.value, t.year.value_or(0));
  CHECK(found == std::vector<std::pair<double, int>>{{8, 2023}, {12, 2025}, {60, 2023}, {65, 2025}});
  REQUIRE(!p.targets().empty());
  REQUIRE(p.targets()[1].baseline);
  CHECK(*p.targets()[1].baseline == doctest::Approx(3.2));
  CHECK(p.targets()[1].baseline_year == 2020);
  // 2023年 | 2024年 | 2025年, the plan's date unknown: yearly targets, all kept.
  const auto y = parse::parse_bytes(table("2023年\t2024年\t2025年", "8\t10\t12"), "yearly.txt");
  CHECK(y.targets().size() == 6);
}
