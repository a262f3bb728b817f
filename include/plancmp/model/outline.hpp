// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/responsibility.hpp>
#include <plancmp/span.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0 {

/// What a top-level section of a plan is for. Units under the goal kinds are Goals;
/// units under the others are Measures.
enum class section_kind {
  guiding_ideology,      ///< 指导思想
  principles,            ///< 基本原则
  overall_requirements,  ///< 总体要求
  overall_approach,      ///< 总体思路
  goals,                 ///< 发展目标, 主要目标, 工作目标
  tasks,                 ///< 重点任务 and any other section of measures
  safeguards,            ///< 保障措施, 组织实施
  background,            ///< 发展基础, 面临形势, 战略态势: context, neither goals nor measures
};

/// "guiding_ideology", "principles", … ; parse_section_kind is its inverse.
[[nodiscard]] std::string_view to_string(section_kind k) noexcept;
[[nodiscard]] std::optional<section_kind> parse_section_kind(std::string_view name) noexcept;
/// True for the kinds whose units are goals.
[[nodiscard]] bool holds_goals(section_kind k) noexcept;

/// A numbered heading that groups measures or goals: `一、` sections and `(一)`
/// subsections that have numbered children.
struct section {
  std::string id;                 ///< numbering path joined by '.', e.g. "三.(一)"
  std::vector<std::string> path;  ///< e.g. {"三", "(一)"}
  std::string title;              ///< heading text as printed, without the number
  section_kind kind = section_kind::tasks;  ///< of the top-level section it is in
  int depth = 0;                  ///< 0 for `一、`, 1 for `(一)`, …
  span where;                     ///< the heading line
  span extent;                    ///< the heading and everything under it
  friend bool operator==(const section&, const section&) = default;
};

/// The finest numbered unit of a task section (Measure), with its responsibility clause.
struct measure {
  std::string id;                 ///< e.g. "三.(一).2"
  std::vector<std::string> path;  ///< e.g. {"三", "(一)", "2"}
  std::string title;              ///< run-in title before the first 。, or the heading line
  std::string text;               ///< the whole text as printed (heading through clause)
  std::vector<agency_mention> lead;
  std::vector<agency_mention> support;
  /// The listed units are jointly responsible (`A、B按职责分工负责`, no unit marked as lead
  /// and no first-listed rule): all of them are in `lead`, none leads alone.
  bool joint = false;
  std::optional<deadline> due;
  std::string clause;             ///< the responsibility clause as printed, brackets included
  span where;                     ///< the whole measure in the original bytes
  friend bool operator==(const measure&, const measure&) = default;
};

/// The role a unit plays for accountability (lead load, responsibility matrices, gaps): in
/// a measure whose units are jointly responsible (`joint`) none leads alone, so each shares
/// the work as a supporting unit; otherwise the role the clause gives it.
[[nodiscard]] inline role accountable_role(const measure& m, const agency_mention& a) noexcept {
  return m.joint ? role::support : a.part;
}

/// A unit of a goal section (Goal): numbered, or one paragraph of it.
struct goal {
  std::string id;                 ///< numbering path, or "<section>.p<N>" for the Nth paragraph
  std::vector<std::string> path;
  std::string title;
  std::string text;
  section_kind kind = section_kind::goals;
  span where;
  friend bool operator==(const goal&, const goal&) = default;
};

/// One item of a 专栏 box, linked to the measure it restates when the text is
/// (nearly) the same.
struct box_item {
  std::string title;
  std::string text;
  span where;
  std::optional<std::string> restates;  ///< measure id
  double similarity = 0.0;              ///< with that measure, 0..1
  friend bool operator==(const box_item&, const box_item&) = default;
};

/// A 专栏 box (Box): a framed list that restates or details measures.
struct box {
  std::string id;      ///< "专栏1"
  std::string title;   ///< as printed after the number
  std::string parent;  ///< id of the section it stands in
  std::vector<box_item> items;
  span where;
  friend bool operator==(const box&, const box&) = default;
};

/// A table flattened by scraping into one cell per line, with its header row recognized.
struct table_block {
  std::string id;                                ///< "table1", … in document order
  std::string caption;                           ///< line(s) above the header, as printed
  std::string parent;                            ///< section or annex id it stands in
  std::vector<std::string> columns;              ///< header cells
  std::vector<std::vector<std::string>> rows;    ///< body cells as printed; short rows padded with ""
  std::vector<std::vector<span>> cell_spans;     ///< same shape as rows
  span where;
  /// A task-assignment table in an annex: per row, the id of the measure the row assigns
  /// (its units and deadline), "" for a row that assigns none; empty for other tables.
  std::vector<std::string> row_measures;
  friend bool operator==(const table_block&, const table_block&) = default;
};

/// An annex (附件): its number, title and body lines.
struct annex {
  std::string id;      ///< "附件1"
  std::string title;
  std::string text;    ///< body as printed, lines joined with '\n'
  span where;
  friend bool operator==(const annex&, const annex&) = default;
};

}  // namespace plancmp::inline v0
