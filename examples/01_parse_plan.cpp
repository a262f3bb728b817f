// SPDX-License-Identifier: MIT
// 01 — Parse a plan and look at its structure and facts.
//
// Reads the Hengshui plan (a city plan with an indicator table and 专栏 boxes), then
// prints what a researcher checks first: the plan's metadata, its outline, a few
// measures with the agencies that lead and support them, the boxes and what they
// restate, and the diagnostics the parser left.
#include <plancmp/plancmp.hpp>

#include <fmt/format.h>
#include <algorithm>
#include <fmt/ranges.h>

int main() {
  // The seed plans ship with the project; any plan file works here.
  const std::string path = std::string(PLANCMP_SEEDS_DIR) + "/001_e9d616c0cc0faf37.txt";

  // parse_file = read (decode, normalize, simplify, mark noise) + parse.
  const plancmp::plan p = plancmp::parse::parse_file(path);

  fmt::print("title:        {}\n", p.title);
  fmt::print("issued by:    {} ({}, {})\n", p.issuer, p.issuing_jurisdiction.name,
             plancmp::to_string(p.issuing_jurisdiction.admin_level));
  fmt::print("issued on:    {}\n", p.issued ? p.issued->to_string() : "unknown");
  fmt::print("doc number:   {}\n", p.doc_number ? p.doc_number->printed : "none");
  fmt::print("source:       {} bytes, {}, sha256 {}…\n\n", p.source.bytes, p.source.encoding,
             p.source.sha256.substr(0, 12));

  // The outline: top-level sections with their kind and how many measures they hold.
  fmt::print("outline:\n");
  for (std::size_t s = 0; s < p.sections().size(); ++s) {
    const auto& section = p.sections()[s];
    if (section.depth != 0) continue;
    fmt::print("  {}、{}  [{}] {} measures\n", section.id, section.title, plancmp::to_string(section.kind),
               p.measures_in(s).size());
  }

  // Goals come from the goal sections (指导思想, 基本原则, 发展目标).
  fmt::print("\n{} goals, {} measures, {} agencies\n\n", p.goals().size(), p.measures().size(),
             p.agencies().size());

  // The first three measures: id, run-in title, lead and support agencies as printed.
  for (std::size_t i = 0; i < 3 && i < p.measures().size(); ++i) {
    const auto& m = p.measures()[i];
    fmt::print("measure {}: {}\n", m.id, m.title);
    // Several units named with no lead mark are jointly responsible: all in `lead`, `joint`.
    for (const auto& a : m.lead) fmt::print("  {}  {}\n", m.joint ? "joint  " : "lead   ", a.name);
    for (const auto& a : m.support) fmt::print("  support  {}\n", a.name);
  }

  // Which agency leads most measures (alone or marked 牵头, not as one of several jointly
  // responsible units)? The graph answers through typed accessors.
  std::size_t top = 0, top_count = 0;
  for (std::size_t a = 0; a < p.agencies().size(); ++a) {
    const auto led = p.measures_of(a, plancmp::role::lead);
    const auto n = static_cast<std::size_t>(
        std::count_if(led.begin(), led.end(), [&](std::size_t m) { return !p.measures()[m].joint; }));
    if (n > top_count) top = a, top_count = n;
  }
  if (top_count > 0) fmt::print("\nleads most measures: {} ({} of {})\n", p.agencies()[top].name, top_count,
                                p.measures().size());

  // 专栏 boxes restate measures: each item links to the measure it repeats, if any.
  fmt::print("\nboxes:\n");
  for (const auto& b : p.boxes()) {
    fmt::print("  {} {} ({} items)\n", b.id, b.title, b.items.size());
    for (const auto& item : b.items) {
      if (item.restates) fmt::print("    \"{}\" restates {} ({:.2f})\n", item.title, *item.restates, item.similarity);
    }
  }

  // The indicator table, flattened one cell per line on the web page, comes back as rows.
  for (const auto& t : p.tables()) {
    fmt::print("\ntable {} \"{}\": {} columns × {} rows\n", t.id, t.caption, t.columns.size(), t.rows.size());
    fmt::print("  {}\n", fmt::join(t.columns, " | "));
    fmt::print("  {}\n", fmt::join(t.rows.front(), " | "));
  }

  // Nothing is dropped silently: noise lines and oddities are diagnostics with spans.
  fmt::print("\ndiagnostics:\n");
  for (const auto& d : p.diagnostics) {
    fmt::print("  line {:>3}  {:<24} {}\n", d.line, d.code, d.message);
  }
}
