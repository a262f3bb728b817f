// SPDX-License-Identifier: MIT
// The HTML report: sections, source links that resolve, escaping of document text,
// byte-identical output.
#include <plancmp/report/html_report.hpp>

#include <plancmp/parse/parser.hpp>

#include "support/parsed.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <set>

using namespace plancmp;

namespace {

using test::parse_text;

std::string report_of(const std::vector<source_plan>& plans, const report::report_options& options = {}) {
  return report::html_report(plans, options);
}

/// The page without its one script (sorting, filtering, evidence on demand), which must be
/// the last thing in the body: whatever else holds `<script` came from a document.
std::string without_own_script(const std::string& html) {
  const auto begin = html.rfind("<script>");
  const auto end = html.rfind("</script>\n</body>");
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  CHECK(html.find("<script") == begin);
  return html.substr(0, begin) + html.substr(end + 9);
}

}  // namespace

TEST_CASE("html_report of the seeds: sections, every link has its target, deterministic") {
  std::vector<source_plan> plans;
  for (const auto& name : {test::ningbo_2020, test::hengshui, test::gansu, test::district}) {
    plans.push_back(parse_text(test::seed_bytes(name), "seeds/" + name));
  }
  report::report_options options;
  options.draw_networks = false;  // the test must not depend on Graphviz being installed
  const std::string html = report_of(plans, options);
  for (const char* id : {"overview", "coverage", "tools-by-chain", "pmc", "targets", "agencies", "similarity",
                         "alignment", "reuse", "gaps", "sources"}) {
    CHECK_MESSAGE(html.find(std::string("<section id=\"") + id + "\">") != std::string::npos, id);
  }
  CHECK(without_own_script(html).find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // no network but SVG's namespace
  CHECK(html.find("fetch(") == std::string::npos);
  // Sortable, filterable tables and evidence on demand: the script's hooks.
  CHECK(html.find("addEventListener('click',sort)") != std::string::npos);
  CHECK(html.find("type=\"search\"") != std::string::npos);
  // Every in-page link resolves to an id.
  std::set<std::string> ids, hrefs;
  const std::regex id_re("id=\"([^\"]+)\""), href_re("href=\"#([^\"]+)\"");
  for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it) ids.insert((*it)[1]);
  for (std::sregex_iterator it(html.begin(), html.end(), href_re), end; it != end; ++it) hrefs.insert((*it)[1]);
  CHECK(hrefs.size() > 50);
  for (const auto& h : hrefs) CHECK_MESSAGE(ids.count(h) == 1, h);
  // An evidence cell holds its excerpt; the whole text is stored once, at its source anchor.
  std::set<std::string> on_demand;
  const std::regex src_re("<details data-src=\"([^\"]+)\"><summary><a href=\"#([^\"]+)\">[^<]*</a></summary></details>");
  for (std::sregex_iterator it(html.begin(), html.end(), src_re), end; it != end; ++it) {
    CHECK((*it)[1] == (*it)[2]);
    on_demand.insert((*it)[1]);
  }
  CHECK(on_demand.size() > 20);
  for (const auto& h : on_demand) CHECK_MESSAGE(ids.count(h) == 1, h);
  CHECK(html == report_of(plans, options));
  CHECK(html.find("<section id=\"editions\">") == std::string::npos);  // four jurisdictions, no editions
  CHECK(html.find("<caption>Gaps of 武汉市某区 2024</caption>") != std::string::npos);
  // The page shows the clearest gaps of each kind and says what it left out.
  CHECK(html.find("Shown: the 15 clearest gaps of each kind (lowest score first); left out: ") != std::string::npos);
  options.gap_rows_per_kind = 0;
  CHECK(report_of(plans, options).find("Shown: the 15 clearest") == std::string::npos);
}

TEST_CASE("html_report of two editions of one plan: the changes between them") {
  std::vector<source_plan> plans;
  for (const auto& name : {test::ningbo_2017, test::ningbo_2020})
    plans.push_back(parse_text(test::seed_bytes(name), "seeds/" + name));
  report::report_options options;
  options.draw_networks = false;
  options.pairwise = false;
  const std::string html = report_of(plans, options);
  CHECK(html.find("<section id=\"editions\">") != std::string::npos);
  CHECK(html.find("<caption>宁波市 2017 → 宁波市 2020</caption>") != std::string::npos);
  CHECK(html.find("<td>agency_renamed</td><td>市知识产权局</td>") != std::string::npos);
}

TEST_CASE("html_report marks exactly the bytes of a linked span in its source excerpt") {
  // Full-width brackets and traditional script in the file: the printed text (half-width
  // brackets, original script) has other offsets than the original bytes.
  const std::string bytes =
      "甘肅省知識產權規劃\n"
      "一、加強<保護>&管理\n"
      "(一)加強專利保護。（省市場監管局負責）\n"
      "(二)完善制度。推進商標工作丁戊\n";
  std::vector<source_plan> plans;
  plans.push_back(parse_text(bytes, "plan.txt"));
  const auto& original = plans[0].document().original;
  auto span_of = [&](std::string_view needle) {
    const auto at = original.find(needle);
    REQUIRE(at != std::string::npos);
    return plancmp::span{at, at + needle.size()};
  };
  struct expectation {
    plancmp::span where;
    std::string marked;  // the excerpt as the report must show it
  };
  const std::vector<expectation> cases = {
      // inside a line, markup on both sides escaped
      {span_of("保護>&管"), "一、加強&lt;<mark>保護&gt;&amp;管</mark>理"},
      // traditional text behind a full-width bracket: just the agency's characters
      {span_of("市場監管局"), "(一)加強專利保護。(省<mark>市場監管局</mark>負責)"},
      // a span ending at the line end: the mark closes before the line break
      {span_of("丁戊"), "(二)完善制度。推進商標工作<mark>丁戊</mark>"},
      // a span over two lines: one mark across the line break
      {span_of("管理\n(一)加強"), "一、加強&lt;保護&gt;&amp;<mark>管理\n(一)加強</mark>專利保護。(省市場監管局負責)"},
  };
  report::table t;
  t.caption = "spans";
  t.columns = {"cell"};
  for (const auto& c : cases) {
    report::cell x("link");
    x.source = "plan.txt";
    x.where = c.where;
    t.add_row({x});
  }
  report::report_options options;
  options.draw_networks = false;
  options.extra_sections.push_back({"spans", "spans", {t}, {}});
  const std::string html = report_of(plans, options);
  for (const auto& c : cases) {
    const std::string id = report::source_anchor("plan.txt", c.where);
    const auto at = html.find("<div class=\"source\" id=\"" + id + "\">");
    REQUIRE(at != std::string::npos);
    const auto loc_end = html.find("</span>", at);
    const auto end = html.find("</div>", at);
    CHECK(html.substr(loc_end + 7, end - loc_end - 7) == c.marked);
  }
}

TEST_CASE("html_report escapes document text: a plan holding <script> shows it as text") {
  const std::string bytes =
      "关于印发<script>alert('x')</script>知识产权规划的通知\n"
      "<script>alert(1)</script>知识产权规划\n"
      "一、加强知识产权保护\n"
      "(一)完善<img src=x onerror=alert(2)>制度。加强专利保护。(市市场监管局牵头)\n";
  std::vector<source_plan> plans;
  plans.push_back(parse_text(bytes, "evil<script>.txt"));
  const std::string html = report_of(plans, {.title = "t</title><script>", .extra_sections = {},
                                             .draw_networks = false});
  CHECK(without_own_script(html).find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}
