// SPDX-License-Identifier: MIT
#include <plancmp/model/plan.hpp>

#include "model/sample_plan.hpp"

#include <doctest/doctest.h>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>

#include <map>
#include <set>

using namespace plancmp;

namespace {

using indices = std::vector<std::size_t>;

/// The vertex's parent along `contains` edges, or nullopt (plan, targets, agencies).
std::optional<plan_vertex> container_of(const plan& p, plan_vertex v) {
  std::optional<plan_vertex> parent;
  for (const auto e : boost::make_iterator_range(boost::in_edges(v, p.graph()))) {
    if (p.graph()[e].kind != edge_kind::contains) continue;
    REQUIRE_FALSE(parent.has_value());  // the outline is a tree: one container at most
    parent = boost::source(e, p.graph());
  }
  return parent;
}

plan_vertex must_vertex(const plan& p, vertex_kind k, std::size_t i, std::size_t item = 0) {
  const auto v = p.vertex(k, i, item);
  REQUIRE(v.has_value());
  return *v;
}

std::map<edge_kind, int> edge_counts(const plan& p) {
  std::map<edge_kind, int> counts;
  for (const auto e : boost::make_iterator_range(boost::edges(p.graph()))) ++counts[p.graph()[e].kind];
  return counts;
}

struct discovered_recorder : boost::default_bfs_visitor {
  std::set<plan_vertex>* seen;
  explicit discovered_recorder(std::set<plan_vertex>& s) : seen(&s) {}
  void discover_vertex(plan_vertex v, const plan_graph&) const { seen->insert(v); }
};

}  // namespace

TEST_CASE("vertex_kind and edge_kind names round-trip") {
  for (int i = 0; i <= static_cast<int>(vertex_kind::agency); ++i) {
    const auto k = static_cast<vertex_kind>(i);
    CHECK(parse_vertex_kind(to_string(k)) == k);
  }
  for (int i = 0; i <= static_cast<int>(edge_kind::states); ++i) {
    const auto k = static_cast<edge_kind>(i);
    CHECK(parse_edge_kind(to_string(k)) == k);
  }
  CHECK(to_string(vertex_kind::box_item) == "box_item");
  CHECK(to_string(edge_kind::restates) == "restates");
  CHECK_FALSE(parse_vertex_kind("Measure").has_value());
  CHECK_FALSE(parse_edge_kind("").has_value());
}

TEST_CASE("the graph: vertices, edges and their kinds") {
  const plan p = test::sample_plan();
  const plan_graph& g = p.graph();

  // 1 plan + 4 sections + 3 measures + 1 goal + 1 box + 2 items + 1 table + 1 annex
  // + 2 targets + 4 agencies
  CHECK(boost::num_vertices(g) == 20);
  CHECK(boost::num_edges(g) == 23);
  const auto counts = edge_counts(p);
  CHECK(counts.at(edge_kind::contains) == 13);
  CHECK(counts.at(edge_kind::lead) == 2);
  CHECK(counts.at(edge_kind::support) == 5);
  CHECK(counts.at(edge_kind::restates) == 1);
  CHECK(counts.at(edge_kind::states) == 2);

  SUBCASE("vertices come in the documented order") {
    const std::vector<vertex_kind> expected{
        vertex_kind::plan,    vertex_kind::section, vertex_kind::section,  vertex_kind::section,
        vertex_kind::section, vertex_kind::measure, vertex_kind::measure,  vertex_kind::measure,
        vertex_kind::goal,    vertex_kind::box,     vertex_kind::box_item, vertex_kind::box_item,
        vertex_kind::table,   vertex_kind::annex,   vertex_kind::target,   vertex_kind::target,
        vertex_kind::agency,  vertex_kind::agency,  vertex_kind::agency,   vertex_kind::agency};
    for (std::size_t v = 0; v < expected.size(); ++v) CHECK(g[v].kind == expected[v]);
    CHECK(g[11].index == 0);
    CHECK(g[11].item == 1);
    CHECK(g[7].index == 2);
  }

  SUBCASE("vertex() maps elements to vertices and back") {
    CHECK(p.vertex(vertex_kind::plan, 0) == plan_vertex{0});
    for (std::size_t m = 0; m < p.measures().size(); ++m) {
      const plan_vertex v = must_vertex(p, vertex_kind::measure, m);
      CHECK(g[v].kind == vertex_kind::measure);
      CHECK(g[v].index == m);
    }
    const plan_vertex item = must_vertex(p, vertex_kind::box_item, 0, 1);
    CHECK(g[item].kind == vertex_kind::box_item);
    CHECK(g[item].index == 0);
    CHECK(g[item].item == 1);
    CHECK_FALSE(p.vertex(vertex_kind::measure, 3).has_value());
    CHECK_FALSE(p.vertex(vertex_kind::box_item, 0, 2).has_value());
    CHECK_FALSE(p.vertex(vertex_kind::box_item, 1, 0).has_value());
    CHECK_FALSE(p.vertex(vertex_kind::plan, 1).has_value());
    CHECK_FALSE(p.vertex(static_cast<vertex_kind>(42), 0).has_value());
  }

  SUBCASE("contains edges follow the outline") {
    const auto parent = [&](vertex_kind k, std::size_t i, std::size_t item = 0) {
      return container_of(p, must_vertex(p, k, i, item));
    };
    const plan_vertex root = 0;
    CHECK_FALSE(parent(vertex_kind::plan, 0).has_value());
    CHECK(parent(vertex_kind::section, 0) == root);
    CHECK(parent(vertex_kind::section, 1) == root);
    CHECK(parent(vertex_kind::section, 2) == must_vertex(p, vertex_kind::section, 1));
    CHECK(parent(vertex_kind::section, 3) == must_vertex(p, vertex_kind::section, 1));
    CHECK(parent(vertex_kind::measure, 0) == must_vertex(p, vertex_kind::section, 2));
    CHECK(parent(vertex_kind::measure, 1) == must_vertex(p, vertex_kind::section, 2));
    CHECK(parent(vertex_kind::measure, 2) == must_vertex(p, vertex_kind::section, 3));
    CHECK(parent(vertex_kind::goal, 0) == must_vertex(p, vertex_kind::section, 0));
    CHECK(parent(vertex_kind::box, 0) == must_vertex(p, vertex_kind::section, 2));
    CHECK(parent(vertex_kind::box_item, 0, 0) == must_vertex(p, vertex_kind::box, 0));
    CHECK(parent(vertex_kind::box_item, 0, 1) == must_vertex(p, vertex_kind::box, 0));
    CHECK(parent(vertex_kind::table, 0) == must_vertex(p, vertex_kind::annex, 0));
    CHECK(parent(vertex_kind::annex, 0) == root);
    CHECK_FALSE(parent(vertex_kind::target, 0).has_value());
    CHECK_FALSE(parent(vertex_kind::agency, 0).has_value());
  }

  SUBCASE("responsibility, restatement and target edges") {
    const plan_vertex market = must_vertex(p, vertex_kind::agency, 0);
    std::vector<std::pair<edge_kind, plan_vertex>> out;
    for (const auto e : boost::make_iterator_range(boost::out_edges(market, g)))
      out.emplace_back(g[e].kind, boost::target(e, g));
    const std::vector<std::pair<edge_kind, plan_vertex>> expected{
        {edge_kind::lead, must_vertex(p, vertex_kind::measure, 0)},
        {edge_kind::support, must_vertex(p, vertex_kind::measure, 1)},
        {edge_kind::support, must_vertex(p, vertex_kind::measure, 2)}};
    CHECK(out == expected);

    const plan_vertex item = must_vertex(p, vertex_kind::box_item, 0, 0);
    REQUIRE(boost::out_degree(item, g) == 1);
    const auto restates = *boost::out_edges(item, g).first;
    CHECK(g[restates].kind == edge_kind::restates);
    CHECK(boost::target(restates, g) == must_vertex(p, vertex_kind::measure, 0));
    CHECK(boost::out_degree(must_vertex(p, vertex_kind::box_item, 0, 1), g) == 0);

    const plan_vertex t1 = must_vertex(p, vertex_kind::target, 1);
    REQUIRE(boost::in_degree(t1, g) == 1);
    const auto states = *boost::in_edges(t1, g).first;
    CHECK(g[states].kind == edge_kind::states);
    CHECK(boost::source(states, g) == must_vertex(p, vertex_kind::measure, 2));
  }

  SUBCASE("a BFS from the plan vertex reaches the whole outline") {
    std::set<plan_vertex> seen;
    boost::breadth_first_search(g, plan_vertex{0}, boost::visitor(discovered_recorder(seen)));
    for (const plan_vertex v : boost::make_iterator_range(boost::vertices(g))) {
      CAPTURE(v);
      // Agencies point at measures, so they are the only vertices the plan cannot reach
      // along edge directions; targets hang from their owners.
      CHECK(seen.contains(v) == (g[v].kind != vertex_kind::agency));
    }
  }

  SUBCASE("the graph is one connected component") {
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> undirected(
        boost::num_vertices(g));
    for (const auto e : boost::make_iterator_range(boost::edges(g)))
      boost::add_edge(boost::source(e, g), boost::target(e, g), undirected);
    std::vector<int> component(boost::num_vertices(g));
    CHECK(boost::connected_components(undirected, component.data()) == 1);
  }
}

TEST_CASE("copying and moving a plan carry its graph") {
  plan p = test::sample_plan();
  const auto vertices = boost::num_vertices(p.graph());
  const auto edges = boost::num_edges(p.graph());
  const auto leads = p.measures_of(0, role::lead);
  REQUIRE(vertices > 0);

  const plan copy = p;  // NOLINT(performance-unnecessary-copy-initialization): the copy is the test
  CHECK(boost::num_vertices(copy.graph()) == vertices);
  CHECK(copy.measures_of(0, role::lead) == leads);

  plan moved = std::move(p);
  CHECK(boost::num_vertices(moved.graph()) == vertices);
  CHECK(boost::num_edges(moved.graph()) == edges);
  CHECK(moved.measures_of(0, role::lead) == leads);

  plan assigned;
  assigned = std::move(moved);
  CHECK(boost::num_vertices(assigned.graph()) == vertices);
  CHECK(assigned.measures_of(0, role::lead) == leads);
  CHECK(assigned == copy);
}

TEST_CASE("set_content: the agency list") {
  plan p = test::sample_plan();
  REQUIRE(p.agencies().size() == 4);
  CHECK(p.agencies()[0].name == "市市场监督管理局");
  CHECK(p.agencies()[1].name == "市公安局");
  CHECK(p.agencies()[2].name == "市司法局");
  CHECK(p.agencies()[3].name == "市科技局");
  for (const agency& a : p.agencies()) {
    CHECK_FALSE(a.collective);
    CHECK_FALSE(a.resolution.has_value());
  }

  plan_content c = p.content();

  SUBCASE("resolutions and collective flags survive an edit") {
    const agency_resolution market{"market_regulation", level::city, 0.98, "short_form"};
    c.agencies[0].resolution = market;
    c.agencies[2].collective = true;
    // A new first mention of a new agency, and 市司法局 no longer named anywhere but m0.
    c.measures[1].lead.insert(c.measures[1].lead.begin(),
                              test::mention("各区县(市)政府", role::lead, 1050));
    p.set_content(std::move(c));
    REQUIRE(p.agencies().size() == 5);
    CHECK(p.agencies()[0].name == "市市场监督管理局");
    CHECK(p.agencies()[0].resolution == market);
    CHECK(p.agencies()[2].name == "市司法局");
    CHECK(p.agencies()[2].collective);
    CHECK(p.agencies()[3].name == "各区县(市)政府");
    CHECK_FALSE(p.agencies()[3].resolution.has_value());
    CHECK_FALSE(p.agencies()[3].collective);
  }

  SUBCASE("an agency no measure names any more is dropped") {
    c.measures[0].support.pop_back();  // 市司法局
    p.set_content(std::move(c));
    CHECK(p.agencies().size() == 3);
    CHECK_FALSE(p.agency_index("市司法局").has_value());
  }

  SUBCASE("entries of no agency the measures name are dropped") {
    c.agencies.push_back(agency{"市教育局", true, std::nullopt});
    p.set_content(std::move(c));
    CHECK(p.agencies().size() == 4);
    CHECK_FALSE(p.agency_index("市教育局").has_value());
  }

  SUBCASE("order of first mention follows the text, not the role") {
    measure m;
    m.id = "一.1";
    m.path = {"一", "1"};
    // (市教育局、市科技局配合,市知识产权局牵头): the supporters are printed first.
    m.lead = {test::mention("市知识产权局", role::lead, 60)};
    m.support = {test::mention("市教育局", role::support, 10),
                 test::mention("市科技局", role::support, 30)};
    plan_content qc;
    qc.measures = {m};
    const plan q(std::move(qc));
    REQUIRE(q.agencies().size() == 3);
    CHECK(q.agencies()[0].name == "市教育局");
    CHECK(q.agencies()[1].name == "市科技局");
    CHECK(q.agencies()[2].name == "市知识产权局");
    CHECK(q.measures_of(2, role::lead) == indices{0});
  }

  SUBCASE("a name repeated within one clause makes one edge") {
    c.measures[0].support.push_back(test::mention("市公安局", role::support, 960));
    p.set_content(std::move(c));
    CHECK(boost::num_edges(p.graph()) == 23);
    CHECK(p.agencies_of(0) == indices{0, 1, 2});
  }
}

TEST_CASE("set_agency_resolution: an agency's resolution, with the graph as it was") {
  plan p = test::sample_plan();
  const plan before = p;
  const plan_graph* graph = &p.graph();
  const agency_resolution police{"public_security", level::city, 1.0, "exact"};
  p.set_agency_resolution(1, police, true);
  CHECK(p.agencies()[1].name == "市公安局");
  CHECK(p.agencies()[1].resolution == police);
  CHECK(p.agencies()[1].collective);
  CHECK(&p.graph() == graph);  // not rebuilt: agencies are linked by name
  CHECK(p.agencies_of(1) == before.agencies_of(1));
  CHECK(p != before);
  p.set_agency_resolution(1, std::nullopt, false);
  CHECK(p == before);
  CHECK_THROWS_AS(p.set_agency_resolution(4, std::nullopt, false), std::out_of_range);
}

TEST_CASE("set_content: a copy keeps the graph of its own content") {
  plan p = test::sample_plan();
  const plan copy = p;
  plan_content c = p.content();
  c.measures.pop_back();
  p.set_content(std::move(c));
  CHECK(p.measures().size() + 1 == copy.measures().size());
  CHECK(boost::num_vertices(p.graph()) + 1 + 1 == boost::num_vertices(copy.graph()));
  CHECK_FALSE(p.vertex(vertex_kind::measure, 2).has_value());
  CHECK(copy.vertex(vertex_kind::measure, 2).has_value());
}

TEST_CASE("set_content: parents when the outline has gaps") {
  plan_content c;
  c.sections = {section{"三", {"三"}, "重点任务", section_kind::tasks, 0, {}, {}}};
  measure skipped;  // 三.(一) was never recognized as a section
  skipped.id = "三.(一).2";
  skipped.path = {"三", "(一)", "2"};
  measure orphan;  // under a section that does not exist at all
  orphan.id = "九.1";
  orphan.path = {"九", "1"};
  c.measures = {skipped, orphan};
  c.boxes = {box{"专栏1", "", "no-such-section", {}, {}}};
  c.tables = {table_block{"table1", "", "", {}, {}, {}, {}, {}}};
  c.targets = {target{}};  // no owner
  c.targets[0].owner = "no-such-goal";
  c.boxes[0].items = {box_item{"", "", {}, std::string("no-such-measure"), 0.5}};
  const plan p(std::move(c));

  CHECK(container_of(p, must_vertex(p, vertex_kind::measure, 0)) ==
        must_vertex(p, vertex_kind::section, 0));
  CHECK(container_of(p, must_vertex(p, vertex_kind::measure, 1)) == plan_vertex{0});
  CHECK(container_of(p, must_vertex(p, vertex_kind::box, 0)) == plan_vertex{0});
  CHECK(container_of(p, must_vertex(p, vertex_kind::table, 0)) == plan_vertex{0});
  // Dangling references make no edge.
  CHECK(boost::degree(must_vertex(p, vertex_kind::target, 0), p.graph()) == 0);
  CHECK(boost::out_degree(must_vertex(p, vertex_kind::box_item, 0, 0), p.graph()) == 0);
  CHECK(p.measures_in(0) == indices{0});
}

TEST_CASE("typed accessors") {
  const plan p = test::sample_plan();
  const std::size_t market = p.agency_index("市市场监督管理局").value();
  const std::size_t police = p.agency_index("市公安局").value();

  SUBCASE("find by id") {
    REQUIRE(p.find_measure("二.(一).2") != nullptr);
    CHECK(p.find_measure("二.(一).2")->title == "打击侵权假冒");
    CHECK(p.find_measure("二.(一)") == nullptr);
    REQUIRE(p.find_goal("一.p1") != nullptr);
    CHECK(p.find_goal("一.p1")->kind == section_kind::goals);
    REQUIRE(p.find_section("二.(二)") != nullptr);
    CHECK(p.find_section("二.(二)")->title == "促进知识产权运用");
    CHECK(p.find_section("") == nullptr);
    // The content answers the same, before it is a plan's (the parser asks it so).
    CHECK(p.content().find_measure("二.(一).2") == p.find_measure("二.(一).2"));
    CHECK(p.content().find_goal("一.p1") == p.find_goal("一.p1"));
    CHECK(p.content().find_section("二.(二)") == p.find_section("二.(二)"));
    CHECK_FALSE(p.agency_index("市市场监管局").has_value());  // printed names, not resolved
  }

  SUBCASE("measures of an agency") {
    CHECK(p.measures_of(market) == indices{0, 1, 2});
    CHECK(p.measures_of(market, role::lead) == indices{0});
    CHECK(p.measures_of(market, role::support) == indices{1, 2});
    CHECK(p.measures_of(police, role::lead) == indices{1});
    CHECK(p.measures_of(police, role::support) == indices{0});
    CHECK(p.measures_of(99).empty());
  }

  SUBCASE("agencies of a measure") {
    CHECK(p.agencies_of(0) == indices{0, 1, 2});
    CHECK(p.agencies_of(0, role::lead) == indices{market});
    CHECK(p.agencies_of(0, role::support) == indices{1, 2});
    CHECK(p.agencies_of(2, role::lead).empty());
    CHECK(p.agencies_of(2) == indices{0, 3});
    CHECK(p.agencies_of(3).empty());
  }

  SUBCASE("measures in a section, at any depth") {
    CHECK(p.measures_in(0).empty());  // 一: goals only
    CHECK(p.measures_in(1) == indices{0, 1, 2});
    CHECK(p.measures_in(2) == indices{0, 1});
    CHECK(p.measures_in(3) == indices{2});
    CHECK(p.measures_in(4).empty());
  }

  SUBCASE("targets of a goal or a measure") {
    CHECK(p.targets_of(vertex_kind::goal, 0) == indices{0});
    CHECK(p.targets_of(vertex_kind::measure, 2) == indices{1});
    CHECK(p.targets_of(vertex_kind::measure, 0).empty());
    CHECK(p.targets_of(vertex_kind::section, 0).empty());
    CHECK(p.targets_of(vertex_kind::goal, 7).empty());
  }

  SUBCASE("a plan without content has the plan vertex alone and answers nothing") {
    const plan empty;
    CHECK(boost::num_vertices(empty.graph()) == 1);
    CHECK(boost::num_edges(empty.graph()) == 0);
    CHECK(empty.vertex(vertex_kind::plan, 0) == plan_vertex{0});
    CHECK_FALSE(empty.vertex(vertex_kind::measure, 0).has_value());
    CHECK(empty.agencies_of(0).empty());
    CHECK(empty.measures_in(0).empty());
    CHECK(empty == plan(plan_content{}));
  }
}

TEST_CASE("plan equality compares the data, not the graph") {
  const plan p = test::sample_plan();
  plan q = p;
  CHECK(q == p);

  SUBCASE("metadata") {
    q.issued = date{2022, 4, 27};
    CHECK(q != p);
  }
  SUBCASE("the kind of document") {
    REQUIRE(p.kind == document_kind::plan);
    q.kind = document_kind::regulation;
    CHECK(q != p);
  }
  SUBCASE("a nested field") {
    plan_content c = q.content();
    c.measures[1].support[0].where.end += 1;
    q.set_content(std::move(c));
    CHECK(q != p);
  }
  SUBCASE("an agency resolution") {
    q.set_agency_resolution(3, agency_resolution{}, false);
    CHECK(q != p);
  }
  SUBCASE("a diagnostic") {
    q.diagnostics.clear();
    CHECK(q != p);
  }
  SUBCASE("content set back to the same data") {
    plan_content c = q.content();
    c.annexes.push_back(annex{"附件2", "", "", {}});
    q.set_content(c);
    CHECK(q != p);
    CHECK(boost::num_vertices(q.graph()) == boost::num_vertices(p.graph()) + 1);
    c.annexes.pop_back();
    q.set_content(std::move(c));  // data as in p again, and so is the graph
    CHECK(q == p);
    CHECK(boost::num_vertices(q.graph()) == boost::num_vertices(p.graph()));
  }
}
