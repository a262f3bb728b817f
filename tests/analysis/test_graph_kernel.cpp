// SPDX-License-Identifier: MIT
// Weisfeiler–Lehman subtree kernel: two small graphs computed by hand, then the seeds.
#include <plancmp/analysis/graph_kernel.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace plancmp;

namespace {

// add_vertex(g) then the bundle: GCC 12 under ASan warns (falsely) about Boost's
// named_graph optional when the property is passed to add_vertex in inlined test code.
plan_vertex add(plan_graph& g, vertex_kind k) {
  const plan_vertex v = boost::add_vertex(g);
  g[v].kind = k;
  return v;
}
void link(plan_graph& g, plan_vertex from, plan_vertex to, edge_kind k = edge_kind::contains) {
  boost::add_edge(from, to, edge_property{k}, g);
}

}  // namespace

TEST_CASE("wl_kernel_matrix: two small graphs by hand") {
  // A: plan → section → measure ← agency.   B: plan → section → measure, plan → section.
  plan_graph a;
  const auto ap = add(a, vertex_kind::plan);
  const auto as = add(a, vertex_kind::section);
  const auto am = add(a, vertex_kind::measure);
  const auto ag = add(a, vertex_kind::agency);
  link(a, ap, as);
  link(a, as, am);
  link(a, ag, am, edge_kind::lead);
  plan_graph b;
  const auto bp = add(b, vertex_kind::plan);
  const auto bs = add(b, vertex_kind::section);
  const auto bm = add(b, vertex_kind::measure);
  const auto bs2 = add(b, vertex_kind::section);
  link(b, bp, bs);
  link(b, bs, bm);
  link(b, bp, bs2);
  const std::vector<const plan_graph*> graphs = {&a, &b};

  // Round 0, kinds: A {plan, section, measure, agency}, B {plan, section ×2, measure}:
  // K(A,B) = 1 + 2 + 1 = 4, K(A,A) = 4, K(B,B) = 1 + 4 + 1 = 6.
  auto k = analysis::wl_kernel_matrix(graphs, {.iterations = 0}, false);
  CHECK(k == std::vector<double>{4, 4, 4, 6});
  // Round 1: the only shared subtree is section{measure, plan} (once in each):
  // K(A,B) = 4 + 1, K(A,A) = 4 + 4, K(B,B) = 6 + 4 (all four of B's round-1 labels distinct).
  k = analysis::wl_kernel_matrix(graphs, {.iterations = 1}, false);
  CHECK(k == std::vector<double>{8, 5, 5, 10});
  k = analysis::wl_kernel_matrix(graphs, {.iterations = 1});
  CHECK(k[0] == doctest::Approx(1.0));
  CHECK(k[1] == doctest::Approx(5.0 / std::sqrt(80.0)));
  CHECK(analysis::wl_similarity(a, b, {.iterations = 1}) == doctest::Approx(5.0 / std::sqrt(80.0)));
  // Round 2 adds nothing shared: B's section{measure, plan} has neighbours plan{section,
  // section} and measure{section}, A's plan{section} and measure{agency, section}.
  k = analysis::wl_kernel_matrix(graphs, {.iterations = 2}, false);
  CHECK(k == std::vector<double>{12, 5, 5, 14});

  SUBCASE("an empty graph has similarity 0") {
    const plan_graph empty;
    CHECK(analysis::wl_similarity(a, empty) == 0.0);
  }
  SUBCASE("negative iterations are a usage error") {
    CHECK_THROWS_AS((void)analysis::wl_kernel_matrix(graphs, {.iterations = -1}), usage_error);
  }
}

TEST_CASE("wl_kernel_matrix on the seeds: symmetric, unit diagonal, in [0, 1]") {
  std::vector<plan> plans;
  for (const auto& name : test::seed_names()) plans.push_back(parse::parse_file(test::seed_path(name)));
  std::vector<const plan_graph*> graphs;
  for (const plan& p : plans) graphs.push_back(&p.graph());
  const auto k = analysis::wl_kernel_matrix(graphs);
  const std::size_t n = plans.size();
  for (std::size_t x = 0; x < n; ++x) {
    CHECK(k[x * n + x] == doctest::Approx(1.0));
    for (std::size_t y = 0; y < n; ++y) {
      CHECK(k[x * n + y] == doctest::Approx(k[y * n + x]));
      CHECK(k[x * n + y] >= 0.0);
      CHECK(k[x * n + y] <= 1.0 + 1e-12);
    }
  }
  const auto m = analysis::structure_similarity_matrix(plans);
  REQUIRE(m.score.size() == n);
  CHECK(m.score[0][4] == doctest::Approx(k[4]));
  CHECK(m.metric == "structure (WL subtree kernel, h = 3)");
  // A plan is more like itself parsed again than like any other plan.
  const plan again = parse::parse_file(test::seed_path(test::hengshui));
  CHECK(analysis::wl_similarity(plans[1].graph(), again.graph()) == doctest::Approx(1.0));
}
