// SPDX-License-Identifier: MIT
// The report's diffusion section: given dated plans, the timeline figure, the network and
// the tables; none without two dated plans; in the report under `diffusion`.
#include <plancmp/report/diffusion_section.hpp>

#include "support/parsed.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace plancmp;

namespace {

std::vector<source_plan> ningbo_editions() {
  std::vector<source_plan> plans;
  for (const auto& name : {test::ningbo_2017, test::ningbo_2020})
    plans.push_back(test::parse_text(test::seed_bytes(name), "seeds/" + name));
  return plans;
}

std::vector<source_plan> refs_of(const std::vector<source_plan>& plans) {
  std::vector<source_plan> refs;
  for (const auto& x : plans) refs.push_back(x);
  return refs;
}

}  // namespace

TEST_CASE("diffusion_section of two dated editions: timeline figure, network and tables") {
  const auto plans = ningbo_editions();
  const auto s = report::diffusion_section(refs_of(plans), /*draw_network=*/false);
  REQUIRE(s.has_value());
  CHECK(s->id == "diffusion");
  REQUIRE(s->tables.size() == 4);
  CHECK(s->tables[0].caption == "Originality and influence per plan");
  // The network's one edge: Ningbo 2017 → Ningbo 2020, two measures, same place.
  const report::table& edges = s->tables[1];
  REQUIRE(edges.rows.size() == 1);
  CHECK(edges.rows[0][0].text() == "宁波市 2017");
  CHECK(edges.rows[0][3].text() == "宁波市 2020");
  CHECK(edges.rows[0][6].text() == "same place");
  CHECK(edges.rows[0][7].text() == "2");
  CHECK(s->tables[2].rows.size() == 2);  // the two borrowed measures
  // Figures: the timeline (themes × years 2017…2020) and the source × borrower matrix.
  REQUIRE(s->svg_figures.size() == 2);
  const std::string& timeline = s->svg_figures[0];
  CHECK(timeline.find("adoption timeline") != std::string::npos);
  for (const char* year : {">2017<", ">2018<", ">2019<", ">2020<"}) CHECK_MESSAGE(timeline.find(year) != std::string::npos, year);
  const std::string& network = s->svg_figures[1];
  CHECK(network.find("diffusion network") != std::string::npos);
  CHECK(network.find("宁波市 2017") != std::string::npos);
  CHECK(network.find("宁波市 2020") != std::string::npos);
}

TEST_CASE("diffusion_section needs two dated plans, and html_report shows it under `diffusion`") {
  auto plans = ningbo_editions();
  report::report_options options;
  options.draw_networks = false;
  options.pairwise = false;
  options.gaps = false;
  SUBCASE("in the report") {
    const std::string html = report::html_report(refs_of(plans), options);
    CHECK(html.find("<section id=\"diffusion\">") != std::string::npos);
    CHECK(html.find("<a href=\"#diffusion\">") != std::string::npos);
  }
  SUBCASE("turned off") {
    options.diffusion = false;
    CHECK(report::html_report(refs_of(plans), options).find("<section id=\"diffusion\">") == std::string::npos);
  }
  SUBCASE("one plan undated: nothing to order") {
    plan undated = plans[1].plan();
    undated.issued.reset();
    plans[1] = test::with_plan(plans[1], std::move(undated));
    CHECK_FALSE(report::diffusion_section(refs_of(plans), false).has_value());
    CHECK(report::html_report(refs_of(plans), options).find("<section id=\"diffusion\">") == std::string::npos);
  }
}
