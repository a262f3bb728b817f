// SPDX-License-Identifier: MIT
// SVG figures: heatmap labels, legend and hover values; bar charts; escaping; the PMC
// surface; Graphviz fallback.
#include <plancmp/report/figures.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>

#include "support/seeds.hpp"

#include <boost/range/iterator_range.hpp>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>

using namespace plancmp;
using namespace plancmp::report;

TEST_CASE("heatmap: Chinese labels, CJK font stack, legend, values on hover, escaping") {
  heatmap h;
  h.title = "相似度 <similarity>";
  h.row_axis = "规划";
  h.column_axis = "规划";
  h.rows = {"宁波市 2020", "衡水市 & co"};
  h.columns = {"宁波市 2020", "衡水市 & co"};
  h.values = {{1.0, 0.25}, {0.25, 1.0}};
  const std::string svg = to_svg(h);
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(svg.find("Noto Sans CJK SC") != std::string::npos);
  CHECK(svg.find("<title>相似度 &lt;similarity&gt;</title>") != std::string::npos);
  CHECK(svg.find("<title>宁波市 2020 × 衡水市 &amp; co: 0.25</title>") != std::string::npos);
  CHECK(svg.find("<similarity>") == std::string::npos);
  CHECK(svg.find("linearGradient") != std::string::npos);  // the colour scale legend
  CHECK(svg.find(">1.00</text>") != std::string::npos);
  CHECK(svg == to_svg(h));  // deterministic

  // A missing value is grey and marked, and leaves the scale to the others.
  h.values = {{1.0, std::nan("")}, {0.25, 1.0}};
  const std::string missing = to_svg(h);
  CHECK(missing.find("<title>宁波市 2020 × 衡水市 &amp; co: no value</title>") != std::string::npos);
  CHECK(missing.find("fill=\"#e6e6e6\"") != std::string::npos);

  h.values = {{1.0}, {0.25, 1.0}};
  CHECK_THROWS_AS((void)to_svg(h), usage_error);
}

TEST_CASE("bar chart: one bar per value, gaps for missing ones") {
  bar_chart b;
  b.title = "有效发明专利";
  b.categories = {"invention_patents (件)"};
  b.series = {"宁波市 2020", "衡水市 2022", "甘肃省"};
  b.values = {{36000.0, std::nullopt, 1200.0}};
  const std::string svg = to_svg(b);
  CHECK(svg.find("<title>invention_patents (件) — 宁波市 2020: 36000</title>") != std::string::npos);
  CHECK(svg.find("衡水市 2022: ") == std::string::npos);
  CHECK(svg.find("甘肃省: 1200") != std::string::npos);
}

TEST_CASE("PMC surface and network drawings of a seed") {
  const auto doc = text::make_document(test::seed_bytes(test::hengshui), test::hengshui);
  const plan p = parse::parse_document(doc);
  const auto r = analysis::compute_pmc(p, doc);
  const heatmap h = pmc_surface(r, analysis::pmc_model::builtin());
  CHECK(h.rows.size() == r.surface.size());
  CHECK(to_svg(h).find("<svg") == 0);

  const auto net = analysis::build_co_responsibility_network(p);
  const network_figure fig = draw_network(net);
  if (fig.is_svg) {
    CHECK(fig.text.starts_with("<svg"));
    CHECK(fig.text.find("<!--") == std::string::npos);  // Graphviz's comments dropped
  } else {
    CHECK(fig.text.find("graph") != std::string::npos);  // DOT when Graphviz is absent
  }

  // Only the strongest ties are drawn; the legend says how many of how many.
  const std::size_t ties = boost::num_edges(net.graph);
  REQUIRE(ties > 40);
  const std::string dot = network_dot(net);
  std::size_t drawn = 0;
  for (auto at = dot.find(" -- "); at != std::string::npos; at = dot.find(" -- ", at + 1)) ++drawn;
  CHECK(drawn == 40);
  CHECK(dot.find("layout=neato") != std::string::npos);
  CHECK(fig.legend.find(fmt::format("Showing the 40 strongest of {} ties", ties)) != std::string::npos);
  std::size_t all = 0;
  const std::string full = network_dot(net, {.max_edges = 0});
  for (auto at = full.find(" -- "); at != std::string::npos; at = full.find(" -- ", at + 1)) ++all;
  CHECK(all == ties);
  // The heaviest tie is drawn widest.
  std::size_t heaviest = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(net.graph))) heaviest = std::max(heaviest, net.graph[e].weight);
  CHECK(dot.find(fmt::format("penwidth=5.0, weight={}", heaviest)) != std::string::npos);
}
