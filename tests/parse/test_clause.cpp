// SPDX-License-Identifier: MIT
#include <plancmp/parse/clause.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace plancmp;
using namespace plancmp::parse;

namespace {
struct named {
  std::string name;
  role part;
};
std::vector<named> agencies(std::string_view content, bool first_listed = false) {
  std::vector<named> out;
  for (const auto& a : parse_clause(content, first_listed).agencies) {
    out.push_back({std::string(content.substr(a.begin, a.end - a.begin)), a.part});
  }
  return out;
}
}  // namespace

TEST_CASE("find_clause") {
  SUBCASE("closed, at the end") {
    const std::string t = "加强知识产权信用监管。(市市场监督管理局牵头,市发展改革委等按职责分工负责)";
    const auto loc = find_clause(t);
    REQUIRE(loc);
    CHECK(loc->closed);
    CHECK(t.substr(loc->begin, loc->end - loc->begin) ==
          "(市市场监督管理局牵头,市发展改革委等按职责分工负责)");
  }
  SUBCASE("nested brackets") {
    const std::string t = "推进导航。[责任单位:市知识产权局、市经信委,各区县(市)政府、开发园区管委会]";
    const auto loc = find_clause(t);
    REQUIRE(loc);
    CHECK(t.substr(loc->begin, 1) == "[");
    CHECK(loc->end == t.size());
  }
  SUBCASE("trailing full stop after the clause") {
    const auto loc = find_clause("开展专项行动。(区公安局;持续推进)。");
    REQUIRE(loc);
    CHECK(loc->closed);
  }
  SUBCASE("closing bracket missing") {
    const std::string t = "加强跨区域执法协作。(省市场监管局牵头,各成员单位按照职责分工负责";
    const auto loc = find_clause(t);
    REQUIRE(loc);
    CHECK_FALSE(loc->closed);
    CHECK(loc->opened);
    CHECK(t.substr(loc->begin) == "(省市场监管局牵头,各成员单位按照职责分工负责");
  }
  SUBCASE("opening bracket lost (Gansu 49)") {
    const std::string t = "切实提高高校的创新质量和效益省市场监管局、省教育厅负责)";
    const auto loc = find_clause(t);
    REQUIRE(loc);
    CHECK_FALSE(loc->opened);
    CHECK(t.substr(loc->begin) == "省市场监管局、省教育厅负责)");
  }
  SUBCASE("comma before the deadline") {
    const std::string t = "积极推进中试平台建设。(区科经局,持续推进)";
    const auto loc = find_clause(t);
    REQUIRE(loc);
    const auto parsed = parse_clause("区科经局,持续推进", false);
    REQUIRE(parsed.agencies.size() == 1);
    CHECK(parsed.deadline_text);
  }
  SUBCASE("a bracket that is not a clause") {
    CHECK_FALSE(find_clause("推进中国(宁波)知识产权保护中心建设").has_value());
    CHECK_FALSE(find_clause("制定实施方案(2021-2035年)").has_value());
    CHECK_FALSE(find_clause("没有括号的句子。").has_value());
  }
}

TEST_CASE("parse_clause roles") {
  SUBCASE("lead and support") {
    const auto a = agencies("市市场监督管理局牵头,市委军民融合办、市发展改革委、市教育局等按职责分工负责");
    REQUIRE(a.size() == 4);
    CHECK(a[0].name == "市市场监督管理局");
    CHECK(a[0].part == role::lead);
    CHECK(a[1].name == "市委军民融合办");
    CHECK(a[3].name == "市教育局");
    CHECK(a[3].part == role::support);
  }
  SUBCASE("sole unit leads") {
    const auto a = agencies("省市场监管局负责");
    REQUIRE(a.size() == 1);
    CHECK(a[0].name == "省市场监管局");
    CHECK(a[0].part == role::lead);
  }
  SUBCASE("several units: jointly responsible unless the document says the first leads") {
    const auto a = agencies("省法院、省检察院、省公安厅负责");
    REQUIRE(a.size() == 3);
    CHECK(std::all_of(a.begin(), a.end(), [](const auto& x) { return x.part == role::lead; }));
    CHECK(parse::parse_clause("省法院、省检察院、省公安厅负责", false).joint);
    const auto b = agencies("省法院、省检察院、省公安厅负责", true);
    CHECK(b[0].part == role::lead);
    CHECK(b[1].part == role::support);
    CHECK_FALSE(parse::parse_clause("省法院、省检察院、省公安厅负责", true).joint);
  }
  SUBCASE("labelled fields run on over commas") {
    const auto a = agencies("牵头单位:市科技局,责任单位:市发展改革委、市教育局");
    REQUIRE(a.size() == 3);
    CHECK(a[0].part == role::lead);
    CHECK(a[1].part == role::support);
    CHECK(a[2].part == role::support);
    const auto b = agencies("责任单位:崂山区政府,市自然资源和规划局、市工业和信息化局");
    REQUIRE(b.size() == 3);
    CHECK(parse::parse_clause("责任单位:崂山区政府,市自然资源和规划局、市工业和信息化局", false).joint);
    const auto c = agencies("牵头单位:省工业和信息化厅;配合单位:省科技厅");
    REQUIRE(c.size() == 2);
    CHECK(c[1].part == role::support);
  }
  SUBCASE("会同, conjunctions, rule text") {
    const auto a = agencies("省科技厅会同有关部门负责");
    REQUIRE(a.size() == 2);
    CHECK(a[0].name == "省科技厅");
    CHECK(a[0].part == role::lead);
    CHECK(a[1].name == "有关部门");
    CHECK(a[1].part == role::support);
    const auto b = agencies("国家发展改革委、农业农村部等和各有关省级人民政府负责");
    REQUIRE(b.size() == 3);
    CHECK(b[1].name == "农业农村部");
    CHECK(b[2].name == "各有关省级人民政府");
    const auto c = agencies("工业和信息化部、国家发展改革委等负责。列第一位者为牵头单位,下同");
    REQUIRE(c.size() == 2);  // the rule sentence names no unit
    // The rule stated in the clause itself, after its units: they are read, the rule is not.
    const auto e = agencies("省委教育工委、省委宣传部、团省委负责,列第一位者为牵头部门,下同");
    REQUIRE(e.size() == 3);
    CHECK(e[2].name == "团省委");
    const auto d = agencies("A部牵头,相关部门及各地区按职责分工负责");
    REQUIRE(d.size() == 3);
    CHECK(d[1].name == "相关部门");
    CHECK(d[2].name == "各地区");
    CHECK(d[2].part == role::support);
  }
  SUBCASE("two leads and a collective") {
    const auto a = agencies("省市场监管局、省委宣传部牵头,各成员单位按照职责分工负责");
    REQUIRE(a.size() == 3);
    CHECK(a[0].part == role::lead);
    CHECK(a[1].name == "省委宣传部");
    CHECK(a[1].part == role::lead);
    CHECK(a[2].name == "各成员单位");
    CHECK(a[2].part == role::support);
    CHECK(parse_clause("省市场监管局、省委宣传部牵头,各成员单位按照职责分工负责", false).agencies[2].collective);
  }
  SUBCASE("责任单位 prefix, nested brackets") {
    const auto a = agencies("责任单位:市知识产权局、市经信委,各区县(市)政府、开发园区管委会");
    REQUIRE(a.size() == 4);
    CHECK(a[2].name == "各区县(市)政府");
    CHECK(a[3].name == "开发园区管委会");
  }
  SUBCASE("按职责分别负责 closes the names like 按职责分工负责") {
    const auto a = agencies("各地区、各部门按职责分别负责");
    REQUIRE(a.size() == 2);
    CHECK(a[0].name == "各地区");
    CHECK(a[1].name == "各部门");
  }
  SUBCASE("agencies and a deadline") {
    const std::string c = "区市场监管局、区司法局按职责分工负责;2025年12月底前完成";
    const auto parsed = parse_clause(c, false);
    REQUIRE(parsed.agencies.size() == 2);
    REQUIRE(parsed.deadline_text);
    CHECK(c.substr(parsed.deadline_text->first, parsed.deadline_text->second - parsed.deadline_text->first) ==
          "2025年12月底前完成");
    const auto one = parse_clause("区市场监管局;持续推进", false);
    REQUIRE(one.agencies.size() == 1);
    CHECK(one.agencies[0].part == role::lead);
    CHECK(one.deadline_text);
  }
}

TEST_CASE("parse_deadline") {
  const auto ongoing = parse_deadline("持续推进");
  REQUIRE(ongoing);
  CHECK(ongoing->ongoing);
  CHECK_FALSE(ongoing->due);
  const auto dated = parse_deadline("2025年12月底前完成");
  REQUIRE(dated);
  CHECK(dated->due == date{2025, 12, 31});
  const auto feb = parse_deadline("2024年2月底前完成");
  REQUIRE(feb);
  CHECK(feb->due == date{2024, 2, 29});
  const auto yearly = parse_deadline("每年4月底前完成");
  REQUIRE(yearly);
  CHECK(yearly->recurring);
  CHECK_FALSE(yearly->due);
  const auto both = parse_deadline("2024年6月底前完成并持续推进");
  REQUIRE(both);
  CHECK(both->due == date{2024, 6, 30});
  CHECK(both->ongoing);
  const auto year_end = parse_deadline("2023年底前");
  REQUIRE(year_end);
  CHECK(year_end->due == date{2023, 12, 31});
  CHECK_FALSE(parse_deadline("区市场监管局负责").has_value());
  CHECK_FALSE(parse_deadline("加强保护").has_value());
}

TEST_CASE("first-listed rule") {
  CHECK(states_first_listed_leads("上述各项任务分工中,由多个部门负责的,列第一位的部门为牵头部门,其他为配合部门。"));
  CHECK(states_first_listed_leads("排在第一位的部门为牵头部门"));
  CHECK_FALSE(states_first_listed_leads("各部门按职责分工负责"));
}
