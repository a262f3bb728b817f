// SPDX-License-Identifier: MIT
// A small hand-built plan exercising every part of the model: two top-level sections (one
// of goals, one of tasks with two subsections), three measures with lead and support
// agencies and a deadline, a goal and a measure stating targets, a 专栏 box whose first
// item restates a measure, a table inside an annex, and a diagnostic.
#pragma once

#include <plancmp/model/plan.hpp>

namespace plancmp::test {

inline agency_mention mention(std::string name, role part, std::uint64_t begin) {
  const auto size = static_cast<std::uint64_t>(name.size());
  return agency_mention{std::move(name), part, span{begin, begin + size}};
}

/// Edits a copy of `p`'s content with `edit(plan_content&)` and sets it back (which
/// rebuilds the graph), as code outside the library edits a plan.
template <typename Edit>
void edit_content(plan& p, Edit edit) {
  plan_content c = p.content();
  edit(c);
  p.set_content(std::move(c));
}

inline plan sample_plan() {
  plan p;
  p.source = {"samples/ningbo.txt", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
              "gb18030", "simplified", 4096};
  p.title = "宁波市知识产权保护实施方案";
  p.title_span = {300, 339};
  p.notice_title = "关于印发宁波市知识产权保护实施方案的通知";
  p.issuing_jurisdiction = {"宁波市", level::city, "宁波市人民政府办公厅"};
  p.issuer = "宁波市人民政府办公厅";
  p.issued = date{2022, 4, 26};
  p.issued_text = "2022年4月26日";
  p.doc_number = document_number{"甬政办发2022〕27号", "甬政办发〔2022〕27号", {120, 146}};
  p.draft = false;
  p.first_listed_leads = true;
  p.cover = {0, 299};
  p.body = {300, 4096};
  p.preamble = "为加强知识产权保护，制定本方案。";
  p.preamble_span = {340, 388};

  plan_content c;
  // Sections: 一 (goals), 二 (tasks) with (一) and (二).
  c.sections = {
      section{"一", {"一"}, "工作目标", section_kind::goals, 0, {390, 402}, {390, 700}},
      section{"二", {"二"}, "重点任务", section_kind::tasks, 0, {701, 713}, {701, 3000}},
      section{"二.(一)",
              {"二", "(一)"},
              "加强知识产权保护",
              section_kind::tasks,
              1,
              {714, 740},
              {714, 2000}},
      section{"二.(二)",
              {"二", "(二)"},
              "促进知识产权运用",
              section_kind::tasks,
              1,
              {2001, 2030},
              {2001, 3000}},
  };

  c.goals = {goal{"一.p1",
                  {"一", "p1"},
                  "",
                  "力争到2022年，全市有效发明专利拥有量达到36000件。",
                  section_kind::goals,
                  {403, 480}}};

  measure m0;
  m0.id = "二.(一).1";
  m0.path = {"二", "(一)", "1"};
  m0.title = "深化协同保护";
  m0.text =
      "1.深化协同保护。建立行政执法与司法衔接机制。(市市场监督管理局牵头,"
      "市公安局、市司法局按职责分工负责;2025年12月底前完成)";
  m0.lead = {mention("市市场监督管理局", role::lead, 900)};
  m0.support = {mention("市公安局", role::support, 930), mention("市司法局", role::support, 943)};
  m0.due = deadline{"2025年12月底前完成", date{2025, 12, 31}, false, false, {980, 1003}};
  m0.clause = "(市市场监督管理局牵头,市公安局、市司法局按职责分工负责;2025年12月底前完成)";
  m0.where = {741, 1004};

  measure m1;
  m1.id = "二.(一).2";
  m1.path = {"二", "(一)", "2"};
  m1.title = "打击侵权假冒";
  m1.text = "2.打击侵权假冒。(市公安局牵头,市市场监督管理局配合)";
  m1.lead = {mention("市公安局", role::lead, 1100)};
  m1.support = {mention("市市场监督管理局", role::support, 1115)};
  m1.clause = "(市公安局牵头,市市场监督管理局配合)";
  m1.where = {1005, 1200};

  measure m2;
  m2.id = "二.(二).1";
  m2.path = {"二", "(二)", "1"};
  m2.title = "推进专利转化";
  m2.text = "1.推进专利转化。年均增幅0.1%以上。(市科技局、市市场监督管理局按职责分工负责;持续推进)";
  m2.support = {mention("市科技局", role::support, 2200),
                mention("市市场监督管理局", role::support, 2213)};
  m2.due = deadline{"持续推进", std::nullopt, false, true, {2260, 2272}};
  m2.clause = "(市科技局、市市场监督管理局按职责分工负责;持续推进)";
  m2.where = {2031, 2300};
  c.measures = {m0, m1, m2};

  target t0;
  t0.indicator = "有效发明专利拥有量";
  t0.indicator_key = "valid_invention_patents";
  t0.value = 3.6;
  t0.unit = "万件";
  t0.normalized_value = 36000;
  t0.base_unit = "件";
  t0.kind = comparator::reach;
  t0.year = 2022;
  t0.baseline = 2.15;
  t0.baseline_year = 2020;
  t0.owner = "一.p1";
  t0.where = {420, 470};
  target t1;
  t1.indicator = "专利转化率";
  t1.value = 0.1;
  t1.unit = "%";
  t1.normalized_value = 0.001;
  t1.base_unit = "";
  t1.kind = comparator::annual_growth;
  t1.periodic = true;
  t1.agencies = {"市科技局"};
  t1.owner = "二.(二).1";
  t1.where = {2100, 2130};
  c.targets = {t0, t1};

  c.boxes = {box{"专栏1",
                 "知识产权保护工程",
                 "二.(一)",
                 {box_item{"协同保护", "建立行政执法与司法衔接机制。", {1900, 1950}, "二.(一).1", 0.87},
                  box_item{"快速维权", "建设快速维权中心。", {1951, 1990}, std::nullopt, 0.0}},
                 {1850, 1990}}};

  c.annexes = {annex{"附件1", "重点任务分工表", "序号\n任务\n责任单位", {3001, 4000}}};
  c.tables = {table_block{
      "table1",
      "重点任务分工表",
      "附件1",
      {"序号", "任务", "责任单位"},
      {{"1", "深化协同保护", "市市场监督管理局"}, {"2", "打击侵权假冒", ""}},
      {{{3100, 3101}, {3102, 3120}, {3121, 3145}}, {{3146, 3147}, {3148, 3166}, {3166, 3166}}},
      {3050, 3170},
      {"二.(一).1", ""}}};

  p.diagnostics = {diagnostic{2, {40, 60}, "noise.share", "扫一扫 share line"}};

  p.set_content(std::move(c));
  return p;
}

}  // namespace plancmp::test
