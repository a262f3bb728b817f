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

using test::parsed;
using test::parse_text;

std::string report_of(const std::vector<parsed>& plans, const report::report_options& options = {}) {
  std::vector<report::report_input> refs;
  for (const auto& x : plans) refs.push_back({&x.doc, &x.p});
  return report::html_report(refs, options);
}

}  // namespace

TEST_CASE("html_report of the seeds: sections, every link has its target, deterministic") {
  std::vector<parsed> plans;
  for (const auto& name : {test::ningbo_2020, test::hengshui, test::gansu, test::district}) {
    plans.push_back(parse_text(test::seed_bytes(name), "seeds/" + name));
  }
  report::report_options options;
  options.draw_networks = false;  // the test must not depend on Graphviz being installed
  const std::string html = report_of(plans, options);
  for (const char* id : {"overview", "coverage", "tools-by-chain", "pmc", "targets", "agencies", "similarity",
                         "alignment", "reuse", "sources"}) {
    CHECK_MESSAGE(html.find(std::string("<section id=\"") + id + "\">") != std::string::npos, id);
  }
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // no network but SVG's namespace
  // Every in-page link resolves to an id.
  std::set<std::string> ids, hrefs;
  const std::regex id_re("id=\"([^\"]+)\""), href_re("href=\"#([^\"]+)\"");
  for (std::sregex_iterator it(html.begin(), html.end(), id_re), end; it != end; ++it) ids.insert((*it)[1]);
  for (std::sregex_iterator it(html.begin(), html.end(), href_re), end; it != end; ++it) hrefs.insert((*it)[1]);
  CHECK(hrefs.size() > 50);
  for (const auto& h : hrefs) CHECK_MESSAGE(ids.count(h) == 1, h);
  CHECK(html == report_of(plans, options));
}

TEST_CASE("html_report escapes document text: a plan holding <script> shows it as text") {
  const std::string bytes =
      "关于印发<script>alert('x')</script>知识产权规划的通知\n"
      "<script>alert(1)</script>知识产权规划\n"
      "一、加强知识产权保护\n"
      "(一)完善<img src=x onerror=alert(2)>制度。加强专利保护。(市市场监管局牵头)\n";
  std::vector<parsed> plans;
  plans.push_back(parse_text(bytes, "evil<script>.txt"));
  const std::string html = report_of(plans, {.title = "t</title><script>", .extra_sections = {},
                                             .draw_networks = false});
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}
