// SPDX-License-Identifier: MIT
// The parser on the five seed plans: the acceptance checks of the parser issue, and the
// "nothing lost" and provenance guarantees on every seed.
#include <plancmp/model/plan.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/normalize.hpp>

#include "support/seeds.hpp"
#include "support/parsed.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace plancmp;
using plancmp::test::seed_path;

namespace {

using test::seed_plan;

/// Parses `text` and receives the role of every line in `uses`.
plan parse_accounted(const std::string& text, const std::string& name, std::vector<parse::line_use>& uses) {
  parse::parse_options options;
  options.accounting = &uses;
  return parse::parse_document(text::make_document(text, name), options);
}

std::vector<std::string> measure_ids(const plan& p) {
  std::vector<std::string> ids;
  for (const auto& m : p.measures()) ids.push_back(m.id);
  return ids;
}

bool ends_with_agency_word(const std::string& name) {
  for (const char* e : {"局", "委", "院", "办", "厅", "部", "会", "府", "中心", "组", "行", "队", "署", "位", "室",
                        "社", "联", "關", "关", "门", "辦", "廳", "會", "門"}) {
    if (name.ends_with(e)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Ningbo 2020: 24 measures, goals in 总体要求, metadata") {
  const auto& p = seed_plan(test::ningbo_2020);
  REQUIRE(p.measures().size() == 24);
  static const char* labels[] = {"(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)",
                                 "(九)", "(十)", "(十一)", "(十二)", "(十三)", "(十四)", "(十五)", "(十六)",
                                 "(十七)", "(十八)", "(十九)", "(二十)", "(二十一)", "(二十二)", "(二十三)", "(二十四)"};
  for (std::size_t i = 0; i < 24; ++i) CHECK(p.measures()[i].path.back() == labels[i]);
  CHECK(p.measures()[0].id == "二.(一)");
  CHECK(p.measures()[0].title == "严格司法保护");
  CHECK(p.measures()[23].id == "六.(二十四)");
  const auto* req = p.find_section("一");
  REQUIRE(req != nullptr);
  CHECK(req->kind == section_kind::overall_requirements);
  REQUIRE(p.goals().size() == 2);
  CHECK(p.goals()[0].id == "一.p1");
  CHECK(p.goals()[1].text.find("力争到2022年") == 0);
  CHECK(p.title == "关于全面加强知识产权工作的实施意见");
  CHECK(p.draft);
  CHECK(p.issuer == "宁波市市场监督管理局");
  CHECK(p.issuing_jurisdiction.name == "宁波市");
  CHECK(p.issuing_jurisdiction.admin_level == level::city);
  REQUIRE(p.issued);
  CHECK(*p.issued == date{2020, 7, 8});
}

TEST_CASE("Hengshui: agency lists, leads, boxes, table, metadata") {
  const auto& p = seed_plan(test::hengshui);
  CHECK(p.title == "衡水市“十四五”知识产权保护和运用实施方案");
  REQUIRE(p.doc_number);
  CHECK(p.doc_number->printed == "衡政办字〔2022〕27号");
  CHECK(p.doc_number->repaired == "衡政办字〔2022〕27号");
  REQUIRE(p.issued);
  CHECK(*p.issued == date{2022, 4, 26});
  CHECK(p.issuer == "衡水市人民政府办公室");
  CHECK(p.issuing_jurisdiction.name == "衡水市");
  CHECK(p.issuing_jurisdiction.admin_level == level::city);
  // Goal sections: 指导思想, 基本原则, 发展目标 hold goals, not measures.
  for (const auto& m : p.measures()) {
    CAPTURE(m.id);
    CHECK(m.path.front() != "一");
    CHECK(m.path.front() != "二");
    CHECK(m.path.front() != "三");
  }
  CHECK(p.goals().size() >= 6);
  // Every agency list split into names: no separators left inside a name.
  std::size_t with_clause = 0;
  for (const auto& m : p.measures()) {
    if (m.clause.empty()) continue;
    ++with_clause;
    CAPTURE(m.id);
    CHECK(m.lead.size() + m.support.size() > 0);
    for (const auto* list : {&m.lead, &m.support}) {
      for (const auto& a : *list) {
        CAPTURE(a.name);
        CHECK(a.name.find("、") == std::string::npos);
        CHECK(a.name.find(',') == std::string::npos);
        CHECK(a.name.find("牵头") == std::string::npos);
        CHECK(a.name.find("负责") == std::string::npos);
        CHECK(ends_with_agency_word(a.name));
      }
    }
    if (m.clause.find("牵头") != std::string::npos) CHECK(!m.lead.empty());
  }
  CHECK(with_clause > 20);
  // 专栏 boxes: four of them, items linked to the measures they restate.
  REQUIRE(p.boxes().size() == 4);
  CHECK(p.boxes()[0].id == "专栏1");
  // 专栏1 restates 四.(一).1, 四.(一).2 and 四.(二); its fourth item and the project lists
  // of the other boxes (工程, 行动) restate no measure.
  const auto& box1 = p.boxes()[0].items;
  REQUIRE(box1.size() == 4);
  CHECK(box1[0].restates == "四.(一).1");
  CHECK(box1[1].restates == "四.(一).2");
  CHECK(box1[2].restates == "四.(二)");
  CHECK(box1[0].similarity > 0.9);
  std::size_t items = 0;
  for (const auto& b : p.boxes()) items += b.items.size();
  CHECK(items == 16);
  // The indicator table: 4 columns, 9 rows.
  REQUIRE(p.tables().size() == 1);
  CHECK(p.tables()[0].columns == std::vector<std::string>{"指标名称", "2020年基期值", "2025年目标值", "责任单位"});
  CHECK(p.tables()[0].rows.size() == 9);
  CHECK(p.tables()[0].rows[0][1] == "0.56");
  CHECK(p.tables()[0].rows[7][1] == "-");
}

TEST_CASE("Gansu: 80 measures, each with a lead, traditional names, broken doc number") {
  const auto& p = seed_plan(test::gansu);
  REQUIRE(p.measures().size() == 80);
  for (std::size_t i = 0; i < 80; ++i) {
    const auto& m = p.measures()[i];
    CAPTURE(m.id);
    CHECK(m.path.back() == std::to_string(i + 1));
    CHECK_FALSE(m.lead.empty());
  }
  CHECK(p.first_listed_leads);
  CHECK(p.measures()[9].lead.at(0).name == "省市場監管局");
  REQUIRE(p.doc_number);
  CHECK(p.doc_number->printed == "知戰辦發2020〕3號");
  CHECK(p.doc_number->repaired == "知戰辦發〔2020〕3號");
  REQUIRE(p.issued);
  CHECK(*p.issued == date{2020, 6, 4});
  CHECK(p.issuing_jurisdiction.name == "甘肅省");
  CHECK(p.issuing_jurisdiction.admin_level == level::province);
  CHECK(p.title == "2020年甘肅省深入實施知識產權戰略加快建設知識產權強省推進計劃");
}

TEST_CASE("District: 70 measures, each with its deadline") {
  const auto& p = seed_plan(test::district);
  REQUIRE(p.measures().size() == 70);
  for (const auto& m : p.measures()) {
    CAPTURE(m.id);
    REQUIRE(m.due.has_value());
    CHECK((m.due->ongoing || m.due->recurring || m.due->due.has_value()));
  }
  CHECK(p.issuing_jurisdiction.admin_level == level::district);
  REQUIRE(p.issued);
  CHECK(*p.issued == date{2024, 1, 31});
  const auto* m3 = p.find_measure("一.3");
  REQUIRE(m3 != nullptr);
  REQUIRE(m3->lead.size() == 2);
  CHECK(m3->joint);  // no 牵头 and no first-listed rule in this document: jointly responsible
  CHECK(m3->support.empty());
  CHECK(m3->due->due == date{2025, 12, 31});
}

TEST_CASE("Ningbo 2017: sub-items, nested brackets, annexes") {
  const auto& p = seed_plan(test::ningbo_2017);
  const auto ids = measure_ids(p);
  CHECK(std::find(ids.begin(), ids.end(), "三.(一).1.(1)") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "三.(一).1.(2)") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "三.(一).2") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "三.(一).1") == ids.end());  // has sub-items: a section
  bool nested = false;
  for (const auto& m : p.measures()) {
    for (const auto& a : m.lead) nested = nested || (a.name == "各区县(市)政府" && m.joint);
  }
  CHECK(nested);  // [责任单位:…,各区县(市)政府、…]: several units, jointly responsible
  REQUIRE(p.doc_number);
  CHECK(p.doc_number->printed == "甬政办发〔2017〕150号");
  CHECK(p.title == "宁波市知识产权运营服务体系建设实施方案");
  REQUIRE(p.annexes().size() == 2);
  CHECK(p.annexes()[0].id == "附件1");
  CHECK(p.annexes()[1].id == "附件2");
  // Goals of 主要目标 are goals.
  CHECK(p.find_goal("二.(一)") != nullptr);
}

TEST_CASE("every seed: nothing lost, provenance exact") {
  for (const auto& name : test::seed_names()) {
    CAPTURE(name);
    const auto doc = text::read_document(seed_path(name));
    std::vector<parse::line_use> uses;
    parse::parse_options options;
    options.accounting = &uses;
    const auto p = parse::parse_document(doc, options);
    REQUIRE(uses.size() == doc.lines.size());
    std::set<std::uint32_t> diagnosed;
    for (const auto& d : p.diagnostics) diagnosed.insert(d.line);
    for (std::size_t i = 0; i < uses.size(); ++i) {
      CAPTURE(uses[i].line);
      if (doc.lines[i].blank) {
        CHECK(uses[i].role == parse::line_role::blank);
        continue;
      }
      CHECK(uses[i].role != parse::line_role::blank);
      if (uses[i].role == parse::line_role::noise || uses[i].role == parse::line_role::unparsed) {
        CHECK(diagnosed.count(uses[i].line) == 1);
      }
      // The seeds are fully understood: no line is left unplaced.
      CHECK(uses[i].role != parse::line_role::unparsed);
    }
    // A measure's text is recoverable from the original bytes at its span.
    for (const auto& m : p.measures()) {
      CAPTURE(m.id);
      const auto original = doc.original.substr(m.where.begin, m.where.size());
      const auto normalized = text::normalize(original).text;
      CHECK(normalized.find(m.text) != std::string::npos);
      for (const auto* list : {&m.lead, &m.support}) {
        for (const auto& a : *list) {
          CHECK(text::normalize(doc.original.substr(a.where.begin, a.where.size())).text == a.name);
        }
      }
    }
  }
}

TEST_CASE("principles, eligibility and the effective-date item are no measures") {
  const std::string text =
      "某区幼儿园招生工作方案\n"
      "一、招生原则\n（一）适龄优先。幼儿园优先满足本区户籍适龄幼儿的入园需求。\n"
      "（二）免试入园。幼儿园招生实行免试入园。\n"
      "二、招生对象\n本区户籍适龄幼儿。\n"
      "三、工作安排\n（一）发布公告。各园在招生开始前公布招生计划。\n"
      "（二）组织报名。各园组织家长网上报名。\n"
      "四、本通知自2024年3月4日起施行，有效期5年。\n";
  const auto p = parse::parse_bytes(text, "enrolment.txt");
  std::vector<std::string> ids;
  for (const auto& m : p.measures()) ids.push_back(m.id);
  CHECK(ids == std::vector<std::string>{"三.(一)", "三.(二)"});
}

TEST_CASE("a service page: procedural fields join their policy, the page's own matter ends the body") {
  const std::string text =
      "某省高校毕业生就业扶持政策清单\n"
      "一、小微企业社保补贴\n"
      "小微企业招用毕业2年内高校毕业生的，按规定给予社会保险补贴。\n"
      "申领方式：登录公共就业服务平台申领。\n"
      "网址：https://example.gov.cn/portal\n"
      "二、一次性扩岗补助\n"
      "企业招用毕业生并签订劳动合同的，给予一次性扩岗补助。\n"
      "对吸纳就业困难毕业生的企业，补助标准适当提高。\n"
      "申请方式：向所在地人社部门提出申请。\n"
      "相关附件\n"
      "相关新闻\n"
      "市民网页\n"
      "本网站由市政府办公厅主办\n";
  std::vector<parse::line_use> uses;
  const auto p = parse_accounted(text, "page.txt", uses);
  // Under 二, two policy paragraphs; each procedural field stays with the paragraph above it.
  CHECK(measure_ids(p) == std::vector<std::string>{"一.p1", "二.p1", "二.p2"});
  REQUIRE(p.measures().size() == 3);
  CHECK(p.measures()[0].text.find("网址:https://example.gov.cn/portal") != std::string::npos);
  CHECK(p.measures()[2].text.find("申请方式:向所在地人社部门提出申请。") != std::string::npos);
  CHECK(p.measures()[2].text.find("相关附件") == std::string::npos);
  // 相关附件 and everything after it: page matter, each line with its diagnostic.
  std::vector<std::uint32_t> tail_lines;
  for (const auto& d : p.diagnostics)
    if (d.code == "noise.page_tail") tail_lines.push_back(d.line);
  CHECK(tail_lines == std::vector<std::uint32_t>{10, 11, 12, 13});
  REQUIRE(uses.size() == 13);
  for (const auto& u : uses) {
    CAPTURE(u.line);
    CHECK((u.role == parse::line_role::noise) == (u.line >= 10));
  }
}

TEST_CASE("numbered items that all name situations are what their unit examines, not measures") {
  const std::string text =
      "关于清理整顿社会团体的意见\n"
      "一、主要内容\n"
      "（一）清理整顿的重点。\n"
      "登记管理机关要对社会团体的情况进行一次全面检查。检查的重点是：\n"
      "1.贯彻执行国家法律法规的情况。\n"
      "2.接受境外资助、捐赠等情况。\n"
      "3.财务活动和向社会集资等情况。\n"
      "（二）工作要求。\n"
      "1.加强组织领导，落实工作责任。\n"
      "2.认真核查各类社会团体的登记情况。\n";
  const auto p = parse::parse_bytes(text, "situations.txt");
  // 一.(二)'s second item ends with 情况 too, but its first is a task: both stay measures.
  CHECK(measure_ids(p) == std::vector<std::string>{"一.(一)", "一.(二).1", "一.(二).2"});
  // 附则 (supplementary provisions) holds no tasks.
  const auto q = parse::parse_bytes(text + "二、附则\n本意见自印发之日起实施，有效期5年。\n", "situations.txt");
  CHECK(measure_ids(q) == measure_ids(p));
  REQUIRE(!p.measures().empty());
  CHECK(p.measures()[0].text.find("3.财务活动和向社会集资等情况。") != std::string::npos);
}

TEST_CASE("a list of conditions announced by its lead-in belongs to that one measure, its figures are no targets") {
  const std::string text =
      "某市促进企业发展的若干措施\n"
      "一、支持企业发展\n"
      "（一）统筹开展企业评估。\n"
      "（二）符合下列条件的企业纳入扶持名单。\n"
      "1.在本市登记注册；\n"
      "2.有50个以上的会员单位；\n"
      "3.无违法违规记录。\n"
      "（三）企业有以下情形之一的，取消扶持资格：1.弄虚作假的；2.发生重大安全事故的。\n"
      "二、一次性补贴\n"
      "毕业学年学生符合以下2个条件之一，可申请一次性补贴。\n"
      "（1）属于低保家庭；\n"
      "（2）属于持证残疾人。\n"
      "申领方式：向所在学校申请。\n"
      "三、重点工作\n"
      "（一）各区要按以下要求推进：\n"
      "1.建立企业服务专员制度，到2025年培育服务专员50名以上。\n"
      "2.开展政策宣讲活动。\n"
      "（二）符合以下条件的家庭，按以下标准计收租金：\n"
      "（1）收入在限额以内的，按市场租金的50%计收；\n"
      "（2）收入超过限额的，按市场租金计收。\n";
  std::vector<parse::line_use> uses;
  const auto p = parse_accounted(text, "conditions.txt", uses);
  // 一.(二), 一.(三) and 二.p1 announce conditions: their items are no measures of their
  // own. 按以下要求推进 announces tasks and 按以下标准计收 tiers of a rule (no verb of
  // meeting a condition before the list word): their items stay measures.
  CHECK(measure_ids(p) == std::vector<std::string>{"一.(一)", "一.(二)", "一.(三)", "二.p1", "三.(一).1", "三.(一).2",
                                                   "三.(二).(1)", "三.(二).(2)"});
  REQUIRE(p.measures().size() == 8);
  CHECK(p.measures()[1].text.find("3.无违法违规记录。") != std::string::npos);
  CHECK(p.measures()[2].text.find("2.发生重大安全事故的。") != std::string::npos);
  CHECK(p.measures()[3].text.find("(2)属于持证残疾人。") != std::string::npos);
  CHECK(p.measures()[3].text.find("申领方式:") != std::string::npos);
  // Figures in the conditions are thresholds, not targets; a task's figure is one.
  std::vector<std::string> target_owners;
  for (const auto& t : p.targets()) target_owners.push_back(t.owner);
  CHECK(target_owners == std::vector<std::string>{"三.(一).1"});
  for (const auto& u : uses) {
    CAPTURE(u.line);
    CHECK(u.role != parse::line_role::unparsed);
  }
}

TEST_CASE("a table of contents is listed, not read as a second outline") {
  const std::string text =
      "某市智能制造发展规划\n"
      "目 录\n"
      "一、发展形势................................1\n"
      "二、重点任务................................2\n"
      "（一）推进技术攻关…………………………2\n"
      "一、发展形势\n"
      "我市智能制造发展取得长足进步。\n"
      "二、重点任务\n"
      "（一）推进技术攻关。突破一批关键核心技术。\n"
      "（二）建设示范工厂。建成一批智能制造示范工厂。\n";
  std::vector<parse::line_use> uses;
  const auto p = parse_accounted(text, "plan.txt", uses);
  // No restarted series (二~2 …): the contents' entries are no headings.
  CHECK(measure_ids(p) == std::vector<std::string>{"二.(一)", "二.(二)"});
  std::vector<std::uint32_t> contents;
  for (const auto& d : p.diagnostics)
    if (d.code == "contents") contents.push_back(d.line);
  CHECK(contents == std::vector<std::uint32_t>{2, 3, 4, 5});
  REQUIRE(uses.size() == 10);
  for (std::uint32_t line = 2; line <= 5; ++line) CHECK(uses[line - 1].role == parse::line_role::preamble);
}

TEST_CASE("a definition of the document's terms and a section on why are no measures") {
  const std::string text =
      "关于推进政务新媒体健康有序发展的意见\n"
      "一、充分认识推进政务新媒体健康有序发展的重要意义\n"
      "政务新媒体是移动互联网时代党和政府联系群众的重要渠道。\n"
      "二、明确工作职责\n"
      "本意见所称政务新媒体，是指各级行政机关在第三方平台上开设的政务账号。\n"
      "按照谁开设、谁主管的原则，确定政务新媒体的主管单位。\n"
      "各地区、各部门办公厅（室）是本地区、本部门政务新媒体工作的主管单位。\n";
  const auto p = parse::parse_bytes(text, "opinion.txt");
  CHECK(measure_ids(p) == std::vector<std::string>{"二.p1", "二.p2"});
  REQUIRE(p.measures().size() == 2);
  CHECK(p.measures()[0].text.starts_with("按照谁开设"));
}

TEST_CASE("a stage's period of months opening its paragraph is its deadline") {
  const std::string text =
      "某市社会团体清理整顿工作方案\n"
      "一、工作步骤\n"
      "（一）第一阶段为自查阶段。1997年4―6月，由社会团体进行自查。\n"
      "（二）第二阶段为审查阶段。\n1997年10月――1998年2月，由业务主管部门审查。\n"
      "（三）第三阶段为总结阶段。对比2020年1-6月的数据进行总结。\n";
  const auto p = parse::parse_bytes(text, "stages.txt");
  REQUIRE(p.measures().size() == 3);
  REQUIRE(p.measures()[0].due);
  CHECK(p.measures()[0].due->text == "1997年4―6月");
  REQUIRE(p.measures()[1].due);
  CHECK(p.measures()[1].due->text == "1997年10月――1998年2月");
  // A period inside a sentence (对比…的数据) is no stage of the measure's own.
  CHECK_FALSE(p.measures()[2].due);
}

TEST_CASE("a time limit opening a clause with no figure is the measure's deadline") {
  const std::string text =
      "某省教育发展规划\n"
      "一、主要任务\n"
      "（一）推进课程改革。开齐课程、开足课时。到2021年年底，各级教研机构配齐所有学科教研员。（省教育厅"
      "负责）\n"
      "（二）扩大优质资源。到2025年底，建成100所示范学校。（省教育厅负责）\n"
      "（三）建设心理健康队伍。各学校于2022年年底前配备到位。（省教育厅负责,列第一位者为牵头部门,"
      "下同）\n";
  const auto p = parse::parse_bytes(text, "limits.txt");
  REQUIRE(p.measures().size() == 3);
  REQUIRE(p.measures()[0].due);
  CHECK(p.measures()[0].due->text == "2021年年底");
  CHECK(p.measures()[0].due->due == date{2021, 12, 31});
  CHECK_FALSE(p.measures()[1].due);  // before a figure the date is the target's year
  REQUIRE(p.measures()[2].due);
  CHECK(p.measures()[2].due->text == "2022年年底前");
  REQUIRE(p.measures()[2].lead.size() == 1);
}

TEST_CASE("a web page's article header: the title is the line above the posting date") {
  const std::string text =
      "首页 > 政务公开 > 民政\n"
      "某市困难残疾人生活补贴实施办法\n"
      "2022-11-16 来源: 某市民政局\n"
      "分享\n"
      "为进一步完善残疾人两项补贴制度，制定本办法。\n"
      "一、补贴标准\n"
      "（一）生活补贴标准为每人每月200元。\n"
      "（二）护理补贴标准为每人每月250元。\n";
  const auto p = parse::parse_bytes(text, "page.txt");
  CHECK(p.title == "某市困难残疾人生活补贴实施办法");
  CHECK(p.measures().size() == 2);
}

TEST_CASE("a web page: a group heading is no title, the posting date no issue date, the source its office") {
  const std::string text =
      "首页 > 政务服务 > 就业服务\n"
      "某省高校毕业生就业创业扶持政策清单\n"
      "2026-08-03\n"
      "来源：\n"
      "某省人力资源和社会保障厅官网\n"
      "为促进高校毕业生充分就业，推出面向单位和毕业生的扶持政策清单，一文了解！\n"
      "面向单位的扶持政策\n"
      "一、小微企业社保补贴\n"
      "小微企业招用毕业2年内高校毕业生的，按规定给予社会保险补贴。\n"
      "二、一次性扩岗补助\n"
      "企业招用毕业生并签订劳动合同的，给予一次性扩岗补助。\n";
  const auto p = parse::parse_bytes(text, "page.txt");
  CHECK(p.title == "某省高校毕业生就业创业扶持政策清单");
  CHECK_FALSE(p.issued.has_value());
  CHECK(p.issuer == "某省人力资源和社会保障厅");
  CHECK(p.measures().size() == 2);
  // A source that names a site or a gazette, not an office, gives no issuer.
  const std::string gazette =
      "某市困难残疾人生活补贴实施办法\n"
      "2022-11-16 来源: 政府公报\n"
      "为进一步完善残疾人两项补贴制度，制定本办法。\n"
      "一、补贴标准\n"
      "（一）生活补贴标准为每人每月200元。\n"
      "（二）护理补贴标准为每人每月250元。\n";
  CHECK(parse::parse_bytes(gazette, "gazette.txt").issuer.empty());
}

TEST_CASE("a forwarded document's note of origin is no part of its title; a group heading is no measure") {
  const std::string text =
      "关于加强某类组织管理的意见\n"
      "（某某部　二〇〇一年三月五日）\n"
      "为加强某类组织管理，现提出如下意见。\n"
      "一、开展登记\n"
      "各级登记机关要开展登记工作。\n"
      "二、开展检查\n"
      "各级登记机关要开展年度检查。\n"
      "面向个人的措施\n"
      "一、开展培训\n"
      "各级登记机关要开展培训。\n";
  std::vector<parse::line_use> uses;
  const auto p = parse_accounted(text, "forwarded.txt", uses);
  CHECK(p.title == "关于加强某类组织管理的意见");
  // 面向个人的措施 heads the series that starts again at 一: not a paragraph of 二.
  CHECK(measure_ids(p) == std::vector<std::string>{"一.p1", "二.p1", "一~2.p1"});
  REQUIRE(p.measures().size() == 3);
  CHECK(p.measures()[1].text.find("面向个人的措施") == std::string::npos);
  REQUIRE(uses.size() == 10);
  CHECK(uses[7].role == parse::line_role::heading);
  // A period in a title (2021—2025年) names no day: it stays.
  const std::string period =
      "某市数字经济发展规划（2021—2025年）\n"
      "为加快数字经济发展，制定本规划。\n"
      "一、重点任务\n"
      "（一）建设数据中心。\n"
      "（二）培育数字企业。\n";
  CHECK(parse::parse_bytes(period, "period.txt").title == "某市数字经济发展规划(2021—2025年)");
}

TEST_CASE("a PDF plan's title above its table of contents, when its text opens mid-sentence") {
  const std::string text =
      "某市数字经济发展规划\n"
      "目 录\n"
      "一、总体要求......................................1\n"
      "二、重点任务......................................2\n"
      "1\n"
      "数字经济是高质量发展的重要引擎，其发展程度直接关\n"
      "乎产业竞争力。为贯\n"
      "彻落实《某省国民经济和社会发展第十四个五年规\n"
      "划纲要》，编制本规划。\n"
      "一、总体要求\n"
      "（一）坚持创新驱动，加快数字化转型。\n"
      "二、重点任务\n"
      "（一）建设数据中心。\n"
      "（二）培育数字企业。\n";
  const auto p = parse::parse_bytes(text, "plan.txt");
  CHECK(p.title == "某市数字经济发展规划");
  CHECK(p.measures().size() == 2);  // 二.(一), 二.(二); 一 总体要求 holds no tasks
}

TEST_CASE("a top-level section whose title ends in 目标 holds goals") {
  const std::string text =
      "某市智能检测装备产业发展行动计划\n"
      "一、行动目标\n"
      "到2025年，智能检测技术基本满足用户领域制造工艺需求。\n"
      "——技术水平明显提高。突破一批关键技术。\n"
      "二、重点任务\n"
      "（一）突破关键技术。研制一批智能检测装备。\n";
  const auto p = parse::parse_bytes(text, "action.txt");
  CHECK(measure_ids(p) == std::vector<std::string>{"二.(一)"});
  CHECK(p.goals().size() == 2);
}

TEST_CASE("documents without structure, truncated and garbled input") {
  SUBCASE("plain prose") {
    const auto p = parse::parse_bytes("这是一段没有任何编号结构的文字。\n第二行文字。\n", "prose.txt");
    CHECK(p.measures().empty());
    CHECK(p.diagnostics.size() == 2);
    CHECK(p.diagnostics[0].code == "structure.none");
  }
  SUBCASE("empty") {
    const auto p = parse::parse_bytes("", "empty.txt");
    CHECK(p.measures().empty());
  }
  SUBCASE("every seed cut at many places") {
    for (const auto& name : test::seed_names()) {
      const auto bytes = test::seed_bytes(name);
      for (std::size_t cut = 0; cut < bytes.size(); cut += 997) {
        // Cut at a character boundary so that the bytes stay valid UTF-8.
        std::size_t c = cut;
        while (c > 0 && (static_cast<unsigned char>(bytes[c]) & 0xC0) == 0x80) --c;
        CAPTURE(name);
        CAPTURE(c);
        CHECK_NOTHROW((void)parse::parse_bytes(bytes.substr(0, c), name));
      }
    }
  }
}

TEST_CASE("every seed: plan JSON round-trips exactly; graph exports") {
  for (const auto& name : test::seed_names()) {
    CAPTURE(name);
    const auto& p = seed_plan(name);
    const auto json = to_json(p);
    const auto back = plan_from_json(json, name + ".json");
    CHECK(back == p);
    CHECK(to_json(back) == json);
    CHECK(p.source.sha256.size() == 64);
    // Graph: one vertex per element, every measure reachable from the plan vertex.
    const auto& g = p.graph();
    CHECK(boost::num_vertices(g) >= 1 + p.sections().size() + p.measures().size() + p.goals().size());
    for (std::size_t m = 0; m < p.measures().size(); ++m) {
      const auto v = p.vertex(vertex_kind::measure, m);
      REQUIRE(v);
      CHECK(boost::in_degree(*v, g) >= 1);  // contained in a section
    }
    const auto graphml = to_graphml(p);
    CHECK(graphml.find("<graphml") != std::string::npos);
    CHECK(to_dot(p).find("digraph") != std::string::npos);
  }
  // Lead and support edges agree with the measures' clauses.
  const auto& h = seed_plan(test::hengshui);
  const auto lead = h.agency_index("市市场监督管理局");
  REQUIRE(lead);
  std::size_t led = 0;
  std::size_t led_alone = 0;  // as the one lead, not one of several jointly responsible units
  for (const auto& m : h.measures()) {
    for (const auto& a : m.lead) {
      led += a.name == "市市场监督管理局";
      led_alone += a.name == "市市场监督管理局" && !m.joint;
    }
  }
  CHECK(h.measures_of(*lead, role::lead).size() == led);
  // tests/data/accountability_hand_counts.json, counted by reading the seed: it leads 15
  // measures (12 × 牵头 + 3 × named alone); the other lead edges are the joint clauses
  // (…等按职责分工负责) that name it among several units.
  CHECK(led_alone == 15);
  CHECK(led > led_alone);
}

TEST_CASE(
    "topic paragraphs beside boxes: a framing paragraph, a box's numbered list, the body going on") {
  // A ministry's five-year plan as its PDF gives it: each task group's title alone on its
  // line, a paragraph framing the group, then topic paragraphs (run-in title, then text),
  // a 专栏 box numbered 01, 02 … with no closing line, and the body going on after it.
  const std::string text =
      "某部门智能制造发展规划\n"
      "一、重点任务\n"
      "（一）加快系统创新，增强融合发展新动能。\n"
      "强化科技支撑引领作用，推动跨学科、跨领域融合创新，持续提升创新效能。\n"
      "加强关键核心技术攻关。聚焦设计、生产等制造全过程，突破设计仿真等基础技术。\n"
      "加速系统集成技术开发。面向装备、单元等制造载体，开发数据集成技术。\n"
      "专栏1 智能制造技术攻关行动\n"
      "01 关键核心技术\n"
      "突破产品优化设计与全流程仿真等基础技术。\n"
      "02 系统集成技术\n"
      "开发基于信息模型和标准接口的可复用数据集成技术。\n"
      "推进新型创新网络建设。围绕关键工艺等重点领域，建设一批制造业创新载体。\n"
      "（二）深化推广应用，开拓转型升级新路径。\n"
      "聚焦企业、行业、区域转型升级需要，培育推广智能制造新模式。\n"
      "建设智能制造示范工厂。加快新一代信息技术与制造全过程深度融合。\n"
      "推进中小企业数字化转型。加快实施中小企业数字化促进工程。\n"
      "专栏2 重点工程\n"
      "智能工厂工程。建设一批智能工厂。\n"
      "绿色制造工程。推广一批绿色制造技术。\n"
      "二、保障措施\n"
      "（一）强化统筹协调。加强部门协同，统筹实施智能制造工程。\n";
  std::vector<parse::line_use> uses;
  const auto p = parse_accounted(text, "fyp.txt", uses);
  // The framing paragraphs are section text; the box's list ends at 推进新型创新网络建设, a
  // topic paragraph with no number after the list's finished last item.
  CHECK(measure_ids(p) == std::vector<std::string>{"一.(一).p1", "一.(一).p2", "一.(一).p3",
                                                   "一.(二).p1", "一.(二).p2", "二.(一)"});
  REQUIRE(p.measures().size() == 6);
  CHECK(p.measures()[2].text.starts_with("推进新型创新网络建设。"));
  REQUIRE(uses.size() == 21);
  CHECK(uses[3].role == parse::line_role::section_text);
  CHECK(uses[13].role == parse::line_role::section_text);
  REQUIRE(p.boxes().size() == 2);
  REQUIRE(p.boxes()[0].items.size() == 2);
  CHECK(p.boxes()[0].items[0].title == "01 关键核心技术");
  CHECK(p.boxes()[0].items[1].text.starts_with("02 系统集成技术"));
  // A box whose items are themselves run-in paragraphs, with no numbers, keeps them all.
  CHECK(p.boxes()[1].items.size() == 2);
  for (std::size_t i = 7; i <= 10; ++i) CHECK(uses[i].role == parse::line_role::box);
  CHECK(uses[11].role == parse::line_role::measure);

  // A short sentence alone on a line after a numbered item (a page's width broke the item
  // there) is the item's, not the body's: a topic paragraph has a body after its title.
  const std::string broken =
      "某部门发展规划\n"
      "一、重点任务\n"
      "（一）推进地理标志保护。建设地理标志保护示范区。\n"
      "专栏1 重点工程\n"
      "1.高价值专利培育工程。完善培育机制。\n"
      "建设10个培育中心。\n"
      "2.商标品牌工程。培育100个知名品牌。\n"
      "（二）加强组织领导。建立联席会议制度。\n";
  const auto q = parse::parse_bytes(broken, "broken.txt");
  CHECK(measure_ids(q) == std::vector<std::string>{"一.(一)", "一.(二)"});
  REQUIRE(q.boxes().size() == 1);
  REQUIRE(q.boxes()[0].items.size() == 2);
  CHECK(q.boxes()[0].items[0].text == "1.高价值专利培育工程。完善培育机制。\n建设10个培育中心。");
}

TEST_CASE("a plan in parts, chapters and sections, with contents that print no page numbers") {
  const std::string text =
      "某省“十四五”知识产权发展规划\n"
      "目  录\n"
      "第一章　发展基础\n"
      "第二章　总体要求\n"
      "第三章　强化知识产权创造\n"
      "第四章　保障措施\n"
      "第一章　发展基础\n"
      "“十三五”期间，全省知识产权事业取得显著成效。\n"
      "第二章　总体要求\n"
      "第一节　指导思想\n"
      "坚持以习近平新时代中国特色社会主义思想为指导。\n"
      "第二节　发展目标\n"
      "到2025年，全省每万人口高价值发明专利拥有量达到8件。\n"
      "第三章　强化知识产权创造\n"
      "第一节　提升专利质量\n"
      "一、完善专利审查机制。建立专利申请预审制度。（省知识产权局牵头，省科技厅配合）\n"
      "二、培育高价值专利。实施高价值专利培育工程。（省知识产权局负责）\n"
      "第二节　加强商标品牌建设\n"
      "一、实施商标品牌战略。培育一批知名品牌。\n"
      "专栏1　知识产权创造重点工程\n"
      "1.高价值专利培育工程。建设10个高价值专利培育中心。\n"
      "2.商标品牌工程。培育100个知名品牌。\n"
      "第四章　保障措施\n"
      "一、加强组织领导。建立联席会议制度。\n";
  std::vector<parse::line_use> uses;
  const auto p = parse_accounted(text, "chapters.txt", uses);
  CHECK(p.title == "某省“十四五”知识产权发展规划");
  std::vector<std::string> sections;
  for (const auto& s : p.sections()) sections.push_back(s.id);
  CHECK(sections == std::vector<std::string>{"第一章", "第二章", "第二章.第一节", "第二章.第二节",
                                             "第三章", "第三章.第一节", "第三章.第二节", "第四章"});
  // Items numbered again from 一 under each section; the section's number keeps ids apart.
  CHECK(measure_ids(p) == std::vector<std::string>{"第三章.第一节.一", "第三章.第一节.二",
                                                   "第三章.第二节.一", "第四章.一"});
  REQUIRE(p.measures().size() == 4);
  REQUIRE(p.measures()[0].lead.size() == 1);
  CHECK(p.measures()[0].lead[0].name == "省知识产权局");
  REQUIRE(p.goals().size() == 2);
  CHECK(p.goals()[1].id == "第二章.第二节.p1");
  REQUIRE(p.boxes().size() == 1);
  CHECK(p.boxes()[0].items.size() == 2);
  // The contents (目录 and its four entries) are no second outline; nothing is lost.
  REQUIRE(uses.size() == 24);
  for (std::size_t i = 1; i <= 5; ++i) CHECK(uses[i].role == parse::line_role::preamble);
  CHECK(uses[7].role == parse::line_role::section_text);  // 发展基础: background
  for (const auto& u : uses) CHECK(u.role != parse::line_role::unparsed);
  for (const auto& d : p.diagnostics) CHECK(d.code.find("numbering") == std::string::npos);

  // Parts above chapters: each chapter names its own kind (发展环境: background).
  const std::string outline =
      "某市国民经济和社会发展第十四个五年规划纲要\n"
      "第一篇　开启全面建设现代化新征程\n"
      "第一章　发展环境\n"
      "“十三五”时期，全市经济社会发展取得重大成就。\n"
      "第二篇　坚持创新驱动发展\n"
      "第二章　建设科技创新中心\n"
      "加快建设创新平台。建设一批重点实验室。\n"
      "强化企业创新主体地位。支持企业加大研发投入。\n";
  const auto q = parse::parse_bytes(outline, "outline.txt");
  CHECK(measure_ids(q) == std::vector<std::string>{"第二篇.第二章.p1", "第二篇.第二章.p2"});
  REQUIRE(q.sections().size() == 4);
  CHECK(q.sections()[1].kind == section_kind::background);
}

TEST_CASE("labelled fields without brackets: after the sentence, or on lines of their own") {
  const std::string text =
      "某市知识产权强市建设实施方案\n"
      "一、重点任务\n"
      "（一）提升知识产权创造质量。实施高价值专利培育计划。责任单位：市市场监管局、市科技局\n"
      "（二）加强知识产权运用。建立运营平台。\n"
      "责任单位：市市场监管局\n"
      "（三）加强知识产权服务。建立服务平台。\n"
      "牵头单位：市市场监管局；配合单位：市公安局、市法院\n"
      "完成时限：2025年12月底\n"
      "（四）加强宣传。开展宣传活动，由责任单位：各区政府自行安排。\n";
  const auto p = parse::parse_bytes(text, "fields.txt");
  REQUIRE(p.measures().size() == 4);
  const auto names = [](const std::vector<agency_mention>& list) {
    std::vector<std::string> out;
    for (const auto& a : list) out.push_back(a.name);
    return out;
  };
  // Two units named responsible, none marked as leading: jointly responsible.
  CHECK(names(p.measures()[0].lead) == std::vector<std::string>{"市市场监管局", "市科技局"});
  CHECK(p.measures()[0].joint);
  CHECK(p.measures()[0].clause == "责任单位:市市场监管局、市科技局");
  CHECK(names(p.measures()[1].lead) == std::vector<std::string>{"市市场监管局"});
  CHECK(names(p.measures()[2].lead) == std::vector<std::string>{"市市场监管局"});
  CHECK(names(p.measures()[2].support) == std::vector<std::string>{"市公安局", "市法院"});
  REQUIRE(p.measures()[2].due);
  CHECK(p.measures()[2].due->text == "2025年12月底");
  REQUIRE(p.measures()[2].due->due);
  CHECK(p.measures()[2].due->due->month == 12);
  // A label inside a sentence is no field: the line does not open with it.
  CHECK(p.measures()[3].lead.empty());
}

TEST_CASE(
    "a document in articles: measures when its title names measures, a regulation when it names "
    "rules") {
  const std::string articles =
      "第一条 为加快人工智能产业发展，结合我市实际，制定本措施。\n"
      "第二条 支持企业研发创新。对企业年度研发投入给予补助。（责任单位：市科技局）\n"
      "第三条 建设算力基础设施。推进智能算力中心建设。（责任单位：市发展改革委）\n"
      "第四条 培育龙头企业。对首次入选全国百强的企业给予奖励。（责任单位：市工业和信息化局）\n"
      "第五条 加强人才引进。完善人才服务体系。（责任单位：市委组织部、市人力资源社会保障局）\n"
      "第六条 本措施由市科技局负责解释。\n"
      "第七条 本措施自2024年1月1日起施行，有效期3年。\n";
  const auto p =
      parse::parse_bytes("某市关于支持人工智能产业高质量发展的若干措施\n" + articles, "measures.txt");
  CHECK(p.kind == document_kind::plan);
  CHECK(measure_ids(p) == std::vector<std::string>{"第二条", "第三条", "第四条", "第五条"});
  REQUIRE(p.measures().size() == 4);
  CHECK(p.measures()[0].title == "支持企业研发创新");
  REQUIRE(p.measures()[0].lead.size() == 1);
  CHECK(p.measures()[0].lead[0].name == "市科技局");
  // The same articles under a title naming rules (办法) are a regulation: no measures.
  const auto r = parse::parse_bytes("某市人工智能产业发展管理办法\n" + articles, "rules.txt");
  CHECK(r.kind == document_kind::regulation);
  CHECK(r.measures().empty());
}

TEST_CASE("a plan numbered in decimals (1 / 2.1 / 2.1.1) and nothing else") {
  const std::string text =
      "某省数字经济发展规划\n"
      "1 发展基础\n"
      "我省数字经济发展取得明显成效，2023年数字经济规模达到2.5万亿元。\n"
      "2 重点任务\n"
      "2.1 加强数字基础设施建设\n"
      "推进5G网络建设，到2025年建成5G基站10万个。（省通信管理局牵头）\n"
      "2.2 推动产业数字化转型\n"
      "2.2.1 实施制造业数字化转型行动。（省工业和信息化厅牵头）\n"
      "2.2.2 推进服务业数字化。（省商务厅牵头）\n"
      "2.3 发展数字服务业\n"
      "培育一批平台企业。（省商务厅牵头）\n"
      "3 保障措施\n"
      "3.1 加强组织领导\n"
      "建立工作协调机制。\n"
      "附件1\n"
      "重点项目清单\n"
      "1 数据中心项目\n";
  const auto p = parse::parse_bytes(text, "decimal.txt");
  // An annex keeps its heading: its lines are no measure's text.
  REQUIRE(p.annexes().size() == 1);
  CHECK(p.annexes()[0].id == "附件1");
  CHECK(measure_ids(p) == std::vector<std::string>{"2.1", "2.2.1", "2.2.2", "2.3", "3.1"});
  REQUIRE(p.measures().size() == 5);
  CHECK(p.measures()[0].title == "加强数字基础设施建设");
  REQUIRE(p.measures()[1].lead.size() == 1);
  CHECK(p.measures()[1].lead[0].name == "省工业和信息化厅");
  // 2.5万亿元 in a sentence is a quantity, not a heading.
  REQUIRE(!p.sections().empty());
  CHECK(p.sections()[0].kind == section_kind::background);
}

TEST_CASE("responsibility: labels on one line, bracketed labels, a last sentence that only assigns") {
  const std::string text =
      "某市优化营商环境行动方案\n"
      "一、重点任务\n"
      "（一）深化商事制度改革。推行企业开办一网通办。\n"
      "牵头单位：市市场监管局 配合单位：市政务服务数据管理局、市税务局\n"
      "完成时限：2024年6月底\n"
      "（二）加强知识产权保护。建立快速维权机制。【责任单位】市市场监管局【配合单位】市公安局、市中级法"
      "院\n"
      "（三）优化纳税服务。压缩办税时间。市税务局牵头，市财政局配合，2024年底前完成。\n"
      "（四）推进数据共享。市政务服务数据管理局牵头建设共享平台，各部门按要求接入。\n";
  const auto p = parse::parse_bytes(text, "clauses.txt");
  REQUIRE(p.measures().size() == 4);
  const auto names = [](const std::vector<agency_mention>& v) {
    std::vector<std::string> out;
    for (const auto& a : v) out.push_back(a.name);
    return out;
  };
  CHECK(names(p.measures()[0].lead) == std::vector<std::string>{"市市场监管局"});
  CHECK(names(p.measures()[0].support) == std::vector<std::string>{"市政务服务数据管理局", "市税务局"});
  CHECK(names(p.measures()[1].lead) == std::vector<std::string>{"市市场监管局"});
  CHECK(names(p.measures()[1].support) == std::vector<std::string>{"市公安局", "市中级法院"});
  CHECK(names(p.measures()[2].lead) == std::vector<std::string>{"市税务局"});
  CHECK(names(p.measures()[2].support) == std::vector<std::string>{"市财政局"});
  REQUIRE(p.measures()[2].due);
  CHECK(p.measures()[2].due->due == date{2024, 12, 31});
  // A sentence that does more than assign (牵头建设…) is prose: no clause.
  CHECK(p.measures()[3].lead.empty());
}

TEST_CASE("a task table in the body that restates the outline's measures assigns them") {
  const std::string text =
      "某市推进数字经济发展实施方案\n"
      "一、主要任务\n"
      "（一）加强数字基础设施建设。推进5G基站建设，建设城市数据中心。\n"
      "（二）推动产业数字化转型。实施企业上云行动，培育工业互联网平台。\n"
      "（三）发展数字服务业。培育平台企业，发展电子商务。\n"
      "二、任务分工\n"
      "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
      "1\t加强数字基础设施建设，推进5G基站建设\t市工业和信息化局\t市发展改革委\t2025年底\n"
      "2\t推动产业数字化转型，实施企业上云行动\t市工业和信息化局\t市科技局\t2025年底\n"
      "3\t发展数字服务业，培育平台企业\t市商务局\t市市场监管局\t2024年底\n";
  const auto p = parse::parse_bytes(text, "body-table.txt");
  // Three measures, not six: the table's rows give the outline's measures their units.
  CHECK(measure_ids(p) == std::vector<std::string>{"一.(一)", "一.(二)", "一.(三)"});
  REQUIRE(p.measures().size() == 3);
  REQUIRE(p.measures()[2].lead.size() == 1);
  CHECK(p.measures()[2].lead[0].name == "市商务局");
  REQUIRE(p.measures()[2].due);
  CHECK(p.measures()[2].due->due == date{2024, 12, 31});
  REQUIRE(p.tables().size() == 1);
  CHECK(p.tables()[0].row_measures == std::vector<std::string>{"一.(一)", "一.(二)", "一.(三)"});
}

TEST_CASE("the issuer's place at every level: autonomous prefectures, leagues, regions, banners") {
  const std::vector<std::tuple<std::string, std::string, level>> cases = {
      {"黔东南苗族侗族自治州人民政府办公室", "黔东南苗族侗族自治州", level::city},
      {"锡林郭勒盟行政公署办公室", "锡林郭勒盟", level::city},
      {"喀什地区行政公署", "喀什地区", level::city},
      {"鄂温克族自治旗人民政府", "鄂温克族自治旗", level::county},
      {"湘西土家族苗族自治州永顺县人民政府", "湘西土家族苗族自治州永顺县", level::county},
      {"广西壮族自治区人民政府办公厅", "广西壮族自治区", level::province},
  };
  // No issuer: the level from the agencies' prefixes, 旗 and 盟 among them.
  const auto banner = parse::parse_bytes(
      "数字经济发展实施方案\n一、重点任务\n（一）建设数字基础设施。推进5G网络建设。（旗工业和信息化局负"
      "责）\n"
      "（二）发展数字产业。培育龙头企业。（旗发展和改革委员会负责）\n",
      "banner.txt");
  CHECK(banner.issuing_jurisdiction.admin_level == level::county);
  for (const auto& c : cases) {
    const std::string& issuer = std::get<0>(c);
    const std::string& place = std::get<1>(c);
    const level lv = std::get<2>(c);
    CAPTURE(issuer);
    const std::string text = issuer +
                             "关于印发数字经济发展实施方案的通知\n各有关单位：\n现将《数字经济发展实施"
                             "方案》印发给你们，请认真贯彻执行。\n" +
                             issuer +
                             "\n2023年6月12日\n数字经济发展实施方案\n一、重点任务\n（一）建设数字基础设"
                             "施。推进5G网络建设。\n"
                             "（二）发展数字产业。培育龙头企业。\n";
    const auto p = parse::parse_bytes(text, "issuer.txt");
    CHECK(p.issuing_jurisdiction.name == place);
    CHECK(p.issuing_jurisdiction.admin_level == lv);
  }
}

TEST_CASE("document kinds: a question-and-answer page, a notice without an outline, something else") {
  const auto qa = parse::parse_bytes(
      "关于数字经济发展实施方案的政策解读\n问：出台方案的背景是什么？\n答：为加快数字经济发展，制定本方"
      "案。\n"
      "问：方案的主要任务有哪些？\n答：一是建设数字基础设施；二是发展数字产业。\n",
      "qa.txt");
  CHECK(qa.kind == document_kind::qa);
  CHECK(qa.measures().empty());
  CHECK(qa.title == "关于数字经济发展实施方案的政策解读");
  const auto notice = parse::parse_bytes(
      "关于做好2024年元旦春节期间安全生产工作的通知\n各区、各部门：\n请认真做好节日期间安全生产工作。\n"
      "市应急管理局\n",
      "notice.txt");
  CHECK(notice.kind == document_kind::notice);
  const auto other = parse::parse_bytes("今天天气很好。\n我们去公园散步。\n", "other.txt");
  CHECK(other.kind == document_kind::other);
}
