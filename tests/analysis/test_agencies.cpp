// SPDX-License-Identifier: MIT
// Agency analyses: responsibility matrix, lead load and co-responsibility network checked
// against values computed by hand on a small plan; the cross-plan function table on the
// five seeds.
#include <plancmp/analysis/agencies.hpp>

#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/agencies_tables.hpp>

#include "support/parsed.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

using namespace plancmp;
using plancmp::test::seed_path;

namespace {

measure make_measure(std::string id, std::vector<std::string> leads,
                     std::vector<std::string> supports) {
  measure m;
  m.id = id;
  m.path = {std::move(id)};
  std::uint64_t at = 0;
  for (auto& n : leads) {
    m.lead.push_back({n, role::lead, {at, at + n.size()}});
    at += 100;
  }
  for (auto& n : supports) {
    m.support.push_back({n, role::support, {at, at + n.size()}});
    at += 100;
  }
  return m;
}

// Five agencies A…E over five measures:
//   1: A leads, B and C support      2: A leads, B supports
//   3: C leads, D supports           4: E alone (a collective)      5: nobody
// Ties: A–B (2, A leads both), A–C (1, A leads), B–C (1, both support), C–D (1, C leads).
plan small_plan() {
  const std::string a = "市市场监督管理局", b = "市公安局", c = "市司法局", d = "市财政局",
                    e = "各成员单位";
  plan p;
  p.issuing_jurisdiction = {"宁波市", level::city, "宁波市人民政府办公厅"};
  p.issued = date{2022, 4, 26};
  p.source.path = "samples/small.txt";
  plan_content content;
  content.measures = {make_measure("1", {a}, {b, c}), make_measure("2", {a}, {b}),
                      make_measure("3", {c}, {d}), make_measure("4", {e}, {}), make_measure("5", {}, {})};
  p.set_content(std::move(content));
  (void)resolve_agencies(p);
  return p;
}

using test::seed_plan;

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("plan labels") {
  CHECK(analysis::plan_label(small_plan()) == "宁波市 2022");
  plan p;
  p.source.path = "seeds/003_53900fa8173cc0f4.txt";
  p.issued = date{2024, 1, 31};
  // No place and no level: the file name.
  CHECK(analysis::plan_label(p) == "003_53900fa8173cc0f4.txt 2024");
  // A district level known from the agencies, no place above it named: 某区.
  p.issuing_jurisdiction.admin_level = level::district;
  CHECK(analysis::plan_label(p) == "某区 2024");
  plan_content c;
  measure m;
  m.text = "3.配合修订并实施《武汉市知识产权促进和保护条例》。(区市场监管局、区司法局按职责分工负责)";
  c.measures.push_back(m);
  p.set_content(c);
  CHECK(analysis::plan_label(p) == "某区 2024");  // one mention is not enough
  m.text = "4.配合修订并实施《武汉市商业秘密保护办法》。落实《关于进一步强化全市知识产权保护的具体措施》。";
  c.measures.push_back(m);
  p.set_content(c);
  CHECK(analysis::plan_label(p) == "武汉市某区 2024");  // 《关于…全市…》 names no place
  // A province named twice does not make a district's parent (the level above is a city).
  c.measures.clear();
  m.text = "落实《湖北省专利条例》《湖北省知识产权促进条例》。";
  c.measures.push_back(m);
  p.set_content(std::move(c));
  CHECK(analysis::plan_label(p) == "某区 2024");
  // The district seed, parsed: it names no place on its cover but cites Wuhan's regulations.
  const auto seed = parse::parse_file(seed_path(test::district));
  CHECK(seed.issuing_jurisdiction.name.empty());
  CHECK(analysis::plan_label(seed) == "武汉市某区 2024");
}

TEST_CASE("responsibility matrix") {
  const auto m = analysis::make_responsibility_matrix(small_plan());
  CHECK(m.agencies ==
        std::vector<std::string>{"市市场监督管理局", "市公安局", "市司法局", "市财政局", "各成员单位"});
  CHECK(m.canonical == std::vector<std::string>{"market_regulation", "public_security", "justice",
                                                "finance", "member_units"});
  CHECK(m.measures == std::vector<std::string>{"1", "2", "3", "4", "5"});
  using r = std::optional<role>;
  CHECK(m.roles[0] == std::vector<r>{role::lead, role::lead, {}, {}, {}});
  CHECK(m.roles[1] == std::vector<r>{role::support, role::support, {}, {}, {}});
  CHECK(m.roles[2] == std::vector<r>{role::support, {}, role::lead, {}, {}});
  CHECK(m.roles[3] == std::vector<r>{{}, {}, role::support, {}, {}});
  CHECK(m.roles[4] == std::vector<r>{{}, {}, {}, role::lead, {}});
  CHECK(m.at(2, 2) == role::lead);

  const auto t = report::to_table(m);
  CHECK(t.columns == std::vector<std::string>{"agency", "canonical", "1", "2", "3", "4", "5"});
  CHECK(t.rows.size() == 5);
  CHECK(t.rows[2][4].text() == "L");
  CHECK(t.rows[2][2].text() == "S");
  CHECK(t.rows[2][3].text().empty());
}

TEST_CASE("lead load") {
  const auto load = analysis::compute_lead_load(small_plan());
  CHECK(load.plan == "宁波市 2022");
  CHECK(load.measures == 5);
  CHECK(load.assigned == 4);
  std::vector<std::string> order;
  for (const auto& a : load.agencies) order.push_back(a.name);
  // Most leads first, then most supports, then plan order.
  CHECK(order ==
        std::vector<std::string>{"市市场监督管理局", "市司法局", "各成员单位", "市公安局", "市财政局"});
  const auto& a = load.agencies[0];
  CHECK(a.lead == 2);
  CHECK(a.support == 0);
  CHECK(a.lead_share == doctest::Approx(0.4));
  CHECK(a.share == doctest::Approx(0.4));
  const auto& c = load.agencies[1];
  CHECK(c.lead == 1);
  CHECK(c.support == 1);
  CHECK(c.support_share == doctest::Approx(0.2));
  CHECK(c.share == doctest::Approx(0.4));
  CHECK(load.agencies[2].collective);
  CHECK(load.agencies[3].support_share == doctest::Approx(0.4));

  const auto t = report::to_table(load);
  CHECK(t.rows.size() == 5);
  CHECK(t.rows[0][5].text() == "0.400");
  CHECK(t.notes.front() == "5 measures, 4 naming at least one agency; shares are of all 5 measures.");
}

TEST_CASE("co-responsibility network against hand-computed metrics") {
  const auto net = analysis::build_co_responsibility_network(small_plan());
  const auto& g = net.graph;
  REQUIRE(boost::num_vertices(g) == 5);
  REQUIRE(boost::num_edges(g) == 4);
  CHECK(g[0].name == "市市场监督管理局");
  CHECK(g[0].lead == 2);
  CHECK(g[2].lead == 1);
  CHECK(g[2].support == 1);

  SUBCASE("edge weights and lead → support direction") {
    const auto tie = [&](std::size_t u, std::size_t v) {
      const auto [e, found] = boost::edge(u, v, g);
      REQUIRE(found);
      // Stored source is the lower-numbered vertex whichever way the edge is asked for.
      CHECK(boost::source(e, g) == std::min(u, v));
      return g[e];
    };
    CHECK(tie(0, 1).weight == 2);
    CHECK(tie(0, 1).source_leads == 2);
    CHECK(tie(0, 1).target_leads == 0);
    CHECK(tie(0, 2).weight == 1);
    CHECK(tie(0, 2).source_leads == 1);
    CHECK(tie(1, 2).weight == 1);
    CHECK(tie(1, 2).source_leads == 0);
    CHECK(tie(1, 2).target_leads == 0);
    CHECK(tie(2, 3).source_leads == 1);
    CHECK_FALSE(boost::edge(0, 3, g).second);
    CHECK_FALSE(boost::edge(3, 4, g).second);
  }
  SUBCASE("metrics") {
    const auto& m = net.metrics;
    CHECK(m.degree == std::vector<std::size_t>{2, 2, 3, 1, 0});
    CHECK(m.weighted_degree == std::vector<std::size_t>{3, 3, 3, 1, 0});
    // Only C (vertex 2) is on shortest paths: A–D and B–D pass through it.
    REQUIRE(m.betweenness.size() == 5);
    CHECK(m.betweenness[0] == doctest::Approx(0.0));
    CHECK(m.betweenness[1] == doctest::Approx(0.0));
    CHECK(m.betweenness[2] == doctest::Approx(2.0));
    CHECK(m.betweenness[3] == doctest::Approx(0.0));
    CHECK(m.betweenness[4] == doctest::Approx(0.0));
    CHECK(m.betweenness_normalized[2] == doctest::Approx(2.0 / 6.0));  // (n−1)(n−2)/2 = 6 pairs
    CHECK(m.density == doctest::Approx(0.4));                          // 2·4 / (5·4)
    CHECK(m.components == 2);
    CHECK(m.component == std::vector<std::size_t>{0, 0, 0, 0, 1});
  }
  SUBCASE("a path graph: betweenness of the middle vertices") {
    analysis::co_responsibility_graph path(4);
    for (std::size_t v = 0; v + 1 < 4; ++v)
      boost::add_edge(v, v + 1, analysis::network_tie{1, 0, 0}, path);
    const auto m = analysis::measure_network(path);
    CHECK(m.betweenness == std::vector<double>{0.0, 2.0, 2.0, 0.0});
    CHECK(m.density == doctest::Approx(0.5));
    CHECK(m.components == 1);
    const auto empty = analysis::measure_network(analysis::co_responsibility_graph{});
    CHECK(empty.components == 0);
    CHECK(empty.density == 0.0);
  }
  SUBCASE("options: without collectives, by canonical function") {
    analysis::network_options without;
    without.include_collectives = false;
    const auto smaller = analysis::build_co_responsibility_network(small_plan(), without);
    CHECK(boost::num_vertices(smaller.graph) == 4);
    CHECK(smaller.metrics.components == 1);
    CHECK(smaller.metrics.density == doctest::Approx(4.0 / 6.0));

    plan p = small_plan();
    plan_content c = p.content();
    c.measures[1].lead[0].name = "市市场监管局";  // the same function under its short name
    p.set_content(std::move(c));
    (void)resolve_agencies(p);
    CHECK(boost::num_vertices(analysis::build_co_responsibility_network(p).graph) == 6);
    analysis::network_options grouped;
    grouped.by_canonical = true;
    const auto merged = analysis::build_co_responsibility_network(p, grouped);
    CHECK(boost::num_vertices(merged.graph) == 5);
    CHECK(merged.graph[0].name == "市市场监督管理局、市市场监管局");
    CHECK(merged.graph[0].lead == 2);
    CHECK(merged.graph[boost::edge(0, 1, merged.graph).first].weight == 2);
  }
  SUBCASE("table, GraphML and DOT") {
    const auto t = report::to_table(net);
    CHECK(t.rows.size() == 5);
    CHECK(t.rows[2][6].text() == "2.00");
    CHECK(t.notes.front() == "5 agencies, 4 ties, density 0.4000, 2 connected components.");

    const std::string graphml = analysis::to_graphml(net);
    CHECK(graphml.find(R"(<graph id="宁波市 2022" edgedefault="undirected">)") != std::string::npos);
    CHECK(count(graphml, "<node ") == 5);
    CHECK(count(graphml, "<edge ") == 4);
    CHECK(graphml.find(
              "<edge id=\"e0\" source=\"n0\" target=\"n1\">\n      <data key=\"weight\">2</data>\n"
              "      <data key=\"source_leads\">2</data>") != std::string::npos);
    CHECK(graphml.find("<data key=\"betweenness\">2</data>") != std::string::npos);

    const std::string dot = analysis::to_dot(net);
    CHECK(dot.starts_with("graph co_responsibility {"));
    CHECK(dot.find("n0 -- n1 [weight=2, label=\"2\", penwidth=2, dir=forward];") != std::string::npos);
    CHECK(dot.find("n1 -- n2 [weight=1, label=\"1\", penwidth=1, dir=none];") != std::string::npos);
    CHECK(dot.find("n4 [label=\"各成员单位\", canonical=\"member_units\", style=dashed];") !=
          std::string::npos);
  }
}

TEST_CASE("cross-plan agency functions: one row across levels, scripts and reforms") {
  std::vector<plan> plans;
  for (const auto& seed : test::seed_names()) plans.push_back(seed_plan(seed));
  const auto t = analysis::compare_agency_functions(plans);
  CHECK(t.plans == std::vector<std::string>{"宁波市 2020", "衡水市 2022", "甘肅省 2020",
                                            "武汉市某区 2024", "宁波市 2017"});
  // No name is left outside the ontology.
  CHECK(std::none_of(t.rows.begin(), t.rows.end(),
                     [](const analysis::function_row& r) { return r.canonical.empty(); }));
  // Rows follow the ontology: market regulation first.
  REQUIRE_FALSE(t.rows.empty());
  const auto& row = t.rows.front();
  CHECK(row.canonical == "market_regulation");
  CHECK(row.name_zh == "市场监督管理局");
  REQUIRE(row.cells.size() == 5);
  CHECK(row.cells[0].names.empty());
  CHECK(row.cells[0].lead + row.cells[0].support == 0);
  CHECK(row.cells[1].names == std::vector<std::string>{"市市场监督管理局"});
  CHECK(row.cells[2].names == std::vector<std::string>{"省市場監管局"});
  CHECK(row.cells[3].names == std::vector<std::string>{"区市场监管局"});
  CHECK(row.cells[4].names == std::vector<std::string>{"市知识产权局", "市市场监管局"});
  for (std::size_t k = 1; k < 5; ++k) {
    CAPTURE(k);
    CHECK(row.cells[k].lead > 0);
    CHECK(row.cells[k].first.has_value());
  }
  CHECK(row.cells[1].lead == 15);  // Hengshui: 市市场监督管理局 leads 15 of 35 measures
  // The row says that Ningbo 2017's name is the pre-2018 predecessor.
  REQUIRE(row.notes.size() == 1);
  CHECK(row.notes[0] ==
        "宁波市 2017: 市知识产权局 is the pre-2018 name: 知识产权局 → 市场监督管理局 (2018)");

  // Other reforms land in today's rows too.
  const auto find = [&](std::string_view id) -> const analysis::function_row& {
    const auto it =
        std::find_if(t.rows.begin(), t.rows.end(), [&](const auto& r) { return r.canonical == id; });
    REQUIRE(it != t.rows.end());
    return *it;
  };
  CHECK(find("publicity_department").cells[4].names == std::vector<std::string>{"市文广新闻出版局"});
  CHECK(find("industry_it").cells[4].names == std::vector<std::string>{"市经信委"});
  CHECK(find("financial_regulation").cells[1].names == std::vector<std::string>{"衡水银保监分局"});
  CHECK(find("financial_regulation").cells[4].names ==
        std::vector<std::string>{"宁波银监局", "宁波保监局"});
  CHECK(find("financial_regulation").notes.size() == 3);

  const auto table = report::to_table(t);
  CHECK(table.columns.size() == 3 + 2 * 5 + 2);
  CHECK(table.columns[3] == "宁波市 2020 lead");
  CHECK(table.rows.front()[0].text() == "Administration for Market Regulation");
  CHECK(table.rows.front()[5].where.has_value());  // Hengshui lead cell links to its first mention
  CHECK(table.rows.front()[5].source == plans[1].source.path);
  CHECK(table.rows.front().back().text().find("市知识产权局 is the pre-2018 name") !=
        std::string::npos);
  CHECK(table.rows.front()[13].text().find("宁波市 2017: 市知识产权局、市市场监管局") !=
        std::string::npos);
}

TEST_CASE("cross-plan table resolves plans parsed without resolution, and keeps unknown names") {
  parse::parse_options off;
  off.resolve_agencies = false;
  std::vector<plan> plans{parse::parse_file(seed_path(test::ningbo_2017), off)};
  plan_content c = plans[0].content();
  const auto with_lead = std::find_if(c.measures.begin(), c.measures.end(),
                                      [](const measure& m) { return !m.lead.empty() && !m.joint; });
  REQUIRE(with_lead != c.measures.end());
  with_lead->lead[0].name = "市宇宙探索局";
  plans[0].set_content(std::move(c));
  const auto t = analysis::compare_agency_functions(plans);
  REQUIRE_FALSE(t.rows.empty());
  const auto& last = t.rows.back();
  CHECK(last.canonical.empty());
  CHECK(last.name_zh == "市宇宙探索局");
  CHECK(last.cells[0].lead == 1);
  const auto mr = std::find_if(t.rows.begin(), t.rows.end(),
                               [](const auto& r) { return r.canonical == "market_regulation"; });
  REQUIRE(mr != t.rows.end());
  CHECK(mr->notes.size() == 1);

  const auto res = report::resolution_table(plans);
  CHECK(res.columns == std::vector<std::string>{"plan", "name as printed", "collective", "canonical",
                                                "level", "match", "confidence", "note"});
  const auto unknown = std::find_if(res.rows.begin(), res.rows.end(),
                                    [](const auto& r) { return r[1].text() == "市宇宙探索局"; });
  REQUIRE(unknown != res.rows.end());
  CHECK((*unknown)[5].text() == "unresolved");
}
