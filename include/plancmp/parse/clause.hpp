// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/responsibility.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::parse {

/// Where a responsibility clause stands at the end of a measure's text.
struct clause_location {
  std::size_t begin = 0;     ///< offset of the opening bracket
  std::size_t end = 0;       ///< offset just past the closing bracket (or end of text)
  bool closed = true;        ///< false when the closing bracket is missing
  bool opened = true;        ///< false when the opening bracket was lost: `begin` is then the
                             ///< first agency name (…效益省市场监管局负责))
  std::size_t content_begin = 0;  ///< the clause without its brackets, for parse_clause
  std::size_t content_end = 0;
};

/// Finds the responsibility clause that ends `text` (normalized, simplified): a final
/// bracketed group — `(…)`, `[…]`, `【…】`, nested brackets allowed — holding clause
/// words (牵头, 负责, 责任单位 …), a deadline, or a list of agency names. A clause whose
/// closing bracket is missing at the end of the text is found too (`closed` false), and
/// one whose opening bracket was lost, when its names start with a level prefix
/// (省/市/区/县) right after the sentence (`opened` false).
[[nodiscard]] std::optional<clause_location> find_clause(std::string_view text);

/// One agency name in a clause, as offsets into the clause content.
struct clause_agency {
  std::size_t begin = 0;
  std::size_t end = 0;
  role part = role::support;
  bool collective = false;
  bool marked_lead = false;  ///< marked as leading (牵头, 牵头单位:), not lead by the rules
};

/// A parsed responsibility clause.
struct parsed_clause {
  std::vector<clause_agency> agencies;
  bool has_lead_marker = false;                   ///< some unit was marked 牵头
  /// Several units were named with no lead mark and no first-listed rule: all of them are
  /// jointly responsible (each has role lead).
  bool joint = false;
  std::optional<std::pair<std::size_t, std::size_t>> deadline_text;  ///< offsets
  /// Parts of the clause in the place of a name that are not names of units (rule text
  /// such as 下同, a scope such as 适用范围…), as offsets: kept out of the agencies.
  std::vector<std::pair<std::size_t, std::size_t>> rejected;
};

/// Every responsibility clause of a measure's text, in order: bracketed groups in
/// mid-paragraph that hold clause words or labelled fields and name units (each covers the
/// sentences before it: `…提升服务能力（A牵头，B配合）。…`), then the final clause
/// (`find_clause`).
[[nodiscard]] std::vector<clause_location> find_clauses(std::string_view text);

/// Parses the content of a clause (between its brackets). Roles: units marked 牵头 or in a
/// `牵头单位：` field lead; units marked 配合 / 参与 / 指导 or in a `配合单位：` field support;
/// `A会同B`: A leads, B supports. Units named as responsible (`负责`, `按职责分工负责`,
/// `责任单位：`, a plain list) support when another unit leads; otherwise a unit named
/// alone leads, the first leads under `first_listed_leads` (a rule the document states),
/// and several units are jointly responsible (`joint`: all lead). Names are split at 、
/// and at conjunctions (`A等和B`, `A及各B`); rule text and scopes are not names.
[[nodiscard]] parsed_clause parse_clause(std::string_view content, bool first_listed_leads);

/// Reads a deadline phrase: `持续推进`, `2025年12月底前完成`, `每年4月底前完成`,
/// `2024年6月底前完成并持续推进`, `2023年底前`. nullopt when `text` is not one.
[[nodiscard]] std::optional<deadline> parse_deadline(std::string_view text);

/// True if `line` states that the first listed unit of a clause leads
/// (列第一位的部门为牵头部门 and its variants from the rules file).
[[nodiscard]] bool states_first_listed_leads(std::string_view line);

}  // namespace plancmp::inline v0::parse
