// SPDX-License-Identifier: MIT
// Safe output (docs/robustness.md): document text and file names cannot become markup,
// formulas or TeX commands in any renderer — HTML tables and the report, SVG figures,
// CSV and LaTeX. The renderers' own tests cover the ordinary cases; these are the
// hostile ones.
#include <plancmp/report/figures.hpp>
#include <plancmp/report/html_report.hpp>
#include <plancmp/report/table.hpp>

#include "support/parsed.hpp"

#include <doctest/doctest.h>

using namespace plancmp;

namespace {

const std::string hostile = "a\"><script>alert('x')</script>&amp;'";

/// No raw markup from `hostile` may survive: no tag opens, no attribute closes early.
void check_no_breakout(const std::string& out) {
  CHECK(out.find("<script") == std::string::npos);
  CHECK(out.find("a\"><") == std::string::npos);
  CHECK(out.find("'x')") == std::string::npos);  // the quote inside the script is escaped too
}

}  // namespace

TEST_CASE("safe output: a file name cannot break out of the report's attributes") {
  const std::string bytes =
      "知识产权规划\n一、加强知识产权保护\n(一)完善制度。加强\"专利\"&'商标'保护<b>。(市市场监管局牵头)\n";
  const std::vector<source_plan> inputs{test::parse_text(bytes, hostile + ".txt")};
  report::report_options options;
  options.title = hostile;
  options.draw_networks = false;
  std::string html = report::html_report(inputs, options);
  // The report's own script (the last thing in the body) aside, nothing may open a tag.
  const auto own = html.rfind("<script>");
  REQUIRE(own != std::string::npos);
  CHECK(html.compare(html.rfind("</script>"), 17, "</script>\n</body>") == 0);
  html.erase(own, html.rfind("</script>") + 9 - own);
  check_no_breakout(html);
  CHECK(html.find("a&quot;&gt;&lt;script&gt;") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&amp;amp;") != std::string::npos);  // an entity in the text stays text
}

TEST_CASE("safe output: SVG labels and titles are escaped") {
  report::heatmap h;
  h.title = hostile;
  h.rows = {hostile};
  h.columns = {hostile};
  h.values = {{0.5}};
  check_no_breakout(report::to_svg(h));
  report::bar_chart b;
  b.title = hostile;
  b.categories = {hostile};
  b.series = {hostile};
  b.values = {{1.0}};
  check_no_breakout(report::to_svg(b));
}

TEST_CASE("safe output: HTML tables escape cells, captions, notes and ids") {
  report::table t;
  t.caption = hostile;
  t.columns = {hostile};
  t.add_row({hostile});
  t.notes = {hostile};
  check_no_breakout(report::to_html(t, {.id = hostile}));
}

TEST_CASE("safe output: CSV neutralizes formulas, typed numbers stay numbers") {
  report::table t;
  // A header of ASCII words becomes its snake_case key (no formula character survives); a
  // header that is a name (non-ASCII letters, here a plan label) is kept and neutralized.
  t.columns = {"=cmd|' /C calc'!A0", "=某市 2024"};
  t.add_row({"\r=1+1", "-3"});
  t.add_row({"@A1", -3});
  t.add_row({"+1", report::cell(2.5)});
  CHECK(report::to_csv(t) ==
        "cmd_c_calc_a0,'=某市 2024\r\n"
        "\"'\r=1+1\",'-3\r\n"
        "'@A1,-3\r\n"
        "'+1,2.50\r\n");
}

TEST_CASE("safe output: LaTeX escapes every special character and line breaks") {
  CHECK(report::latex_escape("\\input{/etc/passwd} 100% $x$ #1 a_b ^ ~ &\n\\\\") ==
        "\\textbackslash{}input\\{/etc/passwd\\} 100\\% \\$x\\$ \\#1 a\\_b \\textasciicircum{} "
        "\\textasciitilde{} \\& \\textbackslash{}\\textbackslash{}");
  report::table t;
  t.caption = "\\write18{rm -rf /}";
  t.columns = {"\\end{tabular}"};
  t.add_row({"}{"});
  const std::string tex = report::to_latex(t);
  CHECK(tex.find("\\write18") == std::string::npos);
  CHECK(tex.find("\\end{tabular}}") == std::string::npos);
  CHECK(tex.find("\\textbackslash{}write18\\{rm -rf /\\}") != std::string::npos);
}
