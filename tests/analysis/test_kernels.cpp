// SPDX-License-Identifier: MIT
// The generic kernels (include/plancmp/analysis/kernels/) on data that is not a plan:
// DNA-like strings, word lists, cost matrices, hand-made sparse rows, with values
// computed by hand; and the plancmp-typed functions, which are these kernels on
// plancmp's types, giving the same results as the kernels called directly.
// First: the class plancmp::target declared before the WL kernel's template must not hide
// Boost.Graph's target(e, g) from it (it did, for any graph: a regression test).
#include <plancmp/model/target.hpp>
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/assignment.hpp>
#include <plancmp/analysis/graph_kernel.hpp>
#include <plancmp/analysis/local_alignment.hpp>
#include <plancmp/analysis/similarity.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <ranges>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <span>
#include <vector>

using namespace plancmp;
using analysis::aligned_column;
using analysis::local_alignment;

namespace {

int dna_score(char x, char y) { return x == y ? 2 : -3; }

/// Sparse rows as a vector of (column, value) lists: not a csr_matrix. Rows are served as
/// spans of per-row column and value vectors (clang 14 cannot take libstdc++ 12's
/// views::keys through the range concepts).
struct sparse_table {
  std::vector<std::vector<std::pair<int, double>>> data;
  std::vector<std::vector<int>> columns;
  std::vector<std::vector<double>> values;
  explicit sparse_table(std::vector<std::vector<std::pair<int, double>>> rows) : data(std::move(rows)) {
    for (const auto& row : data) {
      columns.emplace_back();
      values.emplace_back();
      for (const auto& [c, v] : row) {
        columns.back().push_back(c);
        values.back().push_back(v);
      }
    }
  }
  [[nodiscard]] std::size_t rows() const { return data.size(); }
  [[nodiscard]] std::span<const int> row_columns(std::size_t r) const { return columns[r]; }
  [[nodiscard]] std::span<const double> row_values(std::size_t r) const { return values[r]; }
};
static_assert(analysis::sparse_rows<sparse_table>);
static_assert(analysis::sparse_rows<analysis::csr_matrix>);

analysis::csr_matrix to_csr(const sparse_table& t, std::size_t columns) {
  analysis::csr_matrix m;
  m.columns = columns;
  for (const auto& row : t.data) {
    std::vector<std::uint32_t> c;
    std::vector<float> v;
    for (const auto& [column, value] : row) {
      c.push_back(static_cast<std::uint32_t>(column));
      v.push_back(static_cast<float>(value));
    }
    m.push_row(c, v);
  }
  return m;
}

}  // namespace

TEST_CASE("local_align: any two random-access ranges with a scoring callable") {
  SUBCASE("DNA: the best ungapped run beats a gapped longer one") {
    // GACCGTA / GAC-GTA scores 6·2 − 5 = 7; CGTA / CGTA scores 8.
    const std::string a = "TTGACCGTAA";
    const std::string b = "GACGTA";
    CHECK(analysis::local_align(a, b, dna_score) ==
          local_alignment{.a_begin = 5, .a_end = 9, .b_begin = 2, .b_end = 6, .score = 8, .matches = 4});
  }
  SUBCASE("DNA: one affine gap bridges two runs") {
    // ACGT-ACGT / ACGTTACGT: 8 matches · 2 − (3 + 2) = 11, above TACGT alone (10).
    const std::string a = "ACGTACGT";
    const std::string b = "ACGTTACGT";
    const auto r = analysis::local_align(a, b, dna_score);
    CHECK(r == local_alignment{.a_end = 8, .b_end = 9, .score = 11, .matches = 8, .gaps = 1});
    CHECK(r.identity() == doctest::Approx(8.0 / 9.0));
    SUBCASE("a dearer gap leaves the ungapped run") {
      CHECK(analysis::local_align(a, b, dna_score, {.gap_open = -10, .gap_extend = -2}) ==
            local_alignment{.a_begin = 3, .a_end = 8, .b_begin = 4, .b_end = 9, .score = 10, .matches = 5});
    }
  }
  SUBCASE("word lists of two element types, a similarity score and a classifier") {
    const std::vector<std::string> a = {"strengthen", "ip", "protection", "system"};
    const std::vector<std::string_view> b = {"build", "ip", "protections", "system"};
    // Equal words 3, words sharing their first four letters 1, others −2.
    const auto score = [](const std::string& x, std::string_view y) {
      if (x == y) return 3;
      return x.substr(0, 4) == y.substr(0, 4) ? 1 : -2;
    };
    // ip · protection(s) · system: 3 + 1 + 3; by default only == is a match.
    CHECK(analysis::local_align(a, b, score) ==
          local_alignment{.a_begin = 1, .a_end = 4, .b_begin = 1, .b_end = 4, .score = 7, .matches = 2,
                          .mismatches = 1});
    const auto similar = [&](const std::string& x, std::string_view y) {
      return x == y ? aligned_column::match
                    : (score(x, y) > 0 ? aligned_column::neutral : aligned_column::mismatch);
    };
    CHECK(analysis::local_align(a, b, score, {}, similar) ==
          local_alignment{.a_begin = 1, .a_end = 4, .b_begin = 1, .b_end = 4, .score = 7, .matches = 2,
                          .neutral = 1});
  }
  SUBCASE("nothing scores: empty") {
    const std::vector<int> a = {1, 2, 3};
    const std::vector<int> b = {4, 5};
    CHECK(analysis::local_align(a, b, [](int x, int y) { return x == y ? 1 : -1; }) ==
          local_alignment{});
    CHECK(analysis::local_align(std::vector<int>{}, b, [](int, int) { return 1; }).score == 0);
  }
  SUBCASE("best_local_alignment is the kernel on char32_t text") {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> letter(0, 3);
    const analysis::alignment_scoring s{.match = 3, .mismatch = -2, .gap_open = -4, .gap_extend = -1};
    for (int round = 0; round < 50; ++round) {
      std::u32string a(20 + round % 7, U'a');
      std::u32string b(15 + round % 5, U'a');
      for (auto& c : a) c = U'a' + static_cast<char32_t>(letter(rng));
      for (auto& c : b) c = U'a' + static_cast<char32_t>(letter(rng));
      if (round % 3 == 0) a[3] = b[2] = U'b' | analysis::boilerplate_bit;
      const auto direct = analysis::local_align(a, b, analysis::character_score{s},
                                                {.gap_open = s.gap_open, .gap_extend = s.gap_extend},
                                                analysis::character_columns{});
      CHECK(analysis::best_local_alignment(a, b, s) == direct);
    }
  }
}

TEST_CASE("max_weight_assignment: any weight callable") {
  SUBCASE("a 3 × 3 cost matrix as weights 10 − cost") {
    // The minimum-cost assignment of {{4,1,3},{2,0,5},{3,2,2}} is 0→1, 1→0, 2→2 (cost 5),
    // so the maximum weight is 3 · 10 − 5 = 25; the next best total is 24.
    const int cost[3][3] = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    const auto a = analysis::max_weight_assignment(
        [&](std::size_t i, std::size_t j) { return 10.0 - cost[i][j]; }, 3, 3);
    REQUIRE(a.pairs.size() == 3);
    CHECK(a.pairs[0] == analysis::assigned_pair{0, 1, 9.0, false});
    CHECK(a.pairs[1] == analysis::assigned_pair{1, 0, 8.0, false});
    CHECK(a.pairs[2] == analysis::assigned_pair{2, 2, 8.0, false});
    CHECK(a.total_weight == 25.0);
    CHECK(a.unmatched_rows.empty());
    CHECK(a.unmatched_columns.empty());
  }
  SUBCASE("points on a line, closeness 1 / (1 + distance), a threshold, one-to-many") {
    const std::vector<double> x = {1.0, 5.0};
    const std::vector<double> y = {1.5, 4.0, 9.0};
    const auto close = [&](std::size_t i, std::size_t j) { return 1.0 / (1.0 + std::abs(x[i] - y[j])); };
    // Closeness: row 0 {2/3, 1/4, 1/10}, row 1 {2/9, 1/2, 1/5}.
    const auto a = analysis::max_weight_assignment(close, 2, 3, {.threshold = 0.3});
    REQUIRE(a.pairs.size() == 2);
    CHECK(a.pairs[0].column == 0);
    CHECK(a.pairs[1].column == 1);
    CHECK(a.total_weight == doctest::Approx(2.0 / 3.0 + 0.5));
    CHECK(a.unmatched_columns == std::vector<std::size_t>{2});
    const auto m = analysis::max_weight_assignment(close, 2, 3, {.threshold = 0.15, .one_to_many = true});
    REQUIRE(m.pairs.size() == 3);
    CHECK(m.pairs[2].row == 1);  // 9 joins 5 (1/5), not 1 (1/9, under the threshold)
    CHECK(m.pairs[2].column == 2);
    CHECK(m.pairs[2].extra);
    CHECK(m.total_weight == doctest::Approx(2.0 / 3.0 + 0.5));
  }
  SUBCASE("a NaN weight is named") {
    CHECK_THROWS_WITH(analysis::max_weight_assignment(
                          [](std::size_t i, std::size_t j) { return i == 1 && j == 0 ? std::nan("") : 1.0; }, 2, 2),
                      "max_weight_assignment: weight (1, 0) is NaN; give every pair a number");
  }
  SUBCASE("the matrix overload is the kernel on row_major_weights, dense and sparse") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (const double threshold : {0.0, 0.9}) {  // 0.9: few admissible pairs, sparse solver
      for (int round = 0; round < 20; ++round) {
        const std::size_t rows = 3 + static_cast<std::size_t>(round % 5);
        const std::size_t columns = 2 + static_cast<std::size_t>(round % 7);
        std::vector<double> w(rows * columns);
        for (auto& v : w) v = unit(rng);
        const auto via_matrix = analysis::max_weight_assignment(w, rows, columns, {.threshold = threshold});
        const auto via_callable = analysis::max_weight_assignment(
            [&](std::size_t i, std::size_t j) { return w[i * columns + j]; }, rows, columns,
            {.threshold = threshold});
        CHECK(via_matrix.pairs == via_callable.pairs);
        CHECK(via_matrix.total_weight == via_callable.total_weight);
        CHECK(via_matrix.unmatched_rows == via_callable.unmatched_rows);
        CHECK(via_matrix.unmatched_columns == via_callable.unmatched_columns);
      }
    }
  }
}

TEST_CASE("top_k_rows: any sparse rows") {
  // Rows {0:1, 2:2}, {1:3}, {0:1, 1:1, 2:1}, {2:1}. Dot products: r0·r2 = 3, r0·r3 = 2,
  // r1·r2 = 3, r2·r3 = 1, r0·r1 = r1·r3 = 0.
  const sparse_table t{{{{0, 1.0}, {2, 2.0}}, {{1, 3.0}}, {{0, 1.0}, {1, 1.0}, {2, 1.0}}, {{2, 1.0}}}};
  using analysis::match;
  SUBCASE("within one set of rows") {
    const auto r = analysis::top_k_rows_within(t, {.top_k = 2, .threads = 1});
    CHECK(r.queries == 4);
    CHECK(std::vector<match>(r.of(0).begin(), r.of(0).end()) == std::vector<match>{{0, 2, 3.0F}, {0, 3, 2.0F}});
    CHECK(std::vector<match>(r.of(1).begin(), r.of(1).end()) == std::vector<match>{{1, 2, 3.0F}});
    // r2: r0 and r1 tie at 3, the lower index first; r3 (1) is cut by k = 2.
    CHECK(std::vector<match>(r.of(2).begin(), r.of(2).end()) == std::vector<match>{{2, 0, 3.0F}, {2, 1, 3.0F}});
    CHECK(std::vector<match>(r.of(3).begin(), r.of(3).end()) == std::vector<match>{{3, 0, 2.0F}, {3, 2, 1.0F}});
  }
  SUBCASE("queries of another type, a threshold, a filter") {
    // The query {1:1, 2:1} scores r0 2, r1 3, r2 2, r3 1.
    struct one_row {
      std::vector<std::uint32_t> columns{1, 2};
      std::vector<float> values{1.0F, 1.0F};
      [[nodiscard]] std::size_t rows() const { return 1; }
      [[nodiscard]] const std::vector<std::uint32_t>& row_columns(std::size_t) const { return columns; }
      [[nodiscard]] const std::vector<float>& row_values(std::size_t) const { return values; }
    };
    const auto r = analysis::top_k_rows(one_row{}, t, {.top_k = 3, .threshold = 1.5});
    CHECK(r.matches == std::vector<match>{{0, 1, 3.0F}, {0, 0, 2.0F}, {0, 2, 2.0F}});
    struct not_row_1 {
      [[nodiscard]] bool allowed(std::size_t, std::size_t c) const { return c != 1; }
      [[nodiscard]] std::uint32_t query_row(std::size_t q) const { return static_cast<std::uint32_t>(q + 10); }
    };
    const auto f = analysis::top_k_rows(one_row{}, t, {.top_k = 3, .threshold = 1.5}, not_row_1{});
    CHECK(f.matches == std::vector<match>{{10, 0, 2.0F}, {10, 2, 2.0F}});
  }
  SUBCASE("top_k_similar on csr_matrix is the kernel with the plan filter") {
    const analysis::csr_matrix m = to_csr(t, 3);
    for (const std::size_t k : {1, 2, 3}) {
      analysis::similarity_options o;
      o.top_k = k;
      CHECK(analysis::top_k_similar(m, o).matches == analysis::top_k_rows_within(t, {.top_k = k}).matches);
      CHECK(analysis::top_k_similar(m, m, o).matches == analysis::top_k_rows(t, t, {.top_k = k}).matches);
    }
  }
}

TEST_CASE("wl_kernel_matrix: any Boost.Graph graph with a label property map") {
  using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                      boost::property<boost::vertex_name_t, char>>;
  // g1: the path A–B–A; g2: the edge A–B.
  graph g1(3);
  boost::add_edge(0, 1, g1);
  boost::add_edge(1, 2, g1);
  graph g2(2);
  boost::add_edge(0, 1, g2);
  const auto name1 = get(boost::vertex_name, g1);
  const auto name2 = get(boost::vertex_name, g2);
  put(name1, 0, 'A'), put(name1, 1, 'B'), put(name1, 2, 'A');
  put(name2, 0, 'A'), put(name2, 1, 'B');
  const std::vector<const graph*> graphs = {&g1, &g2};
  const std::vector maps = {get(boost::vertex_name, g1), get(boost::vertex_name, g2)};
  SUBCASE("round 0 only: label counts") {
    // g1 {A: 2, B: 1}, g2 {A: 1, B: 1}: K = 2·1 + 1·1 = 3, K(g1, g1) = 5, K(g2, g2) = 2.
    const auto k = analysis::wl_kernel_matrix(graphs, maps, {.iterations = 0}, false);
    CHECK(k == std::vector<double>{5.0, 3.0, 3.0, 2.0});
  }
  SUBCASE("one round: neighbourhoods") {
    // Round 1: g1 {A(B): 2, B(AA): 1}, g2 {A(B): 1, B(A): 1}: adds 2, 5 and 2.
    const auto k = analysis::wl_kernel_matrix(graphs, maps, {.iterations = 1}, false);
    CHECK(k == std::vector<double>{10.0, 5.0, 5.0, 4.0});
    const auto n = analysis::wl_kernel_matrix(graphs, maps, {.iterations = 1});
    CHECK(n[0] == 1.0);
    CHECK(n[1] == doctest::Approx(5.0 / std::sqrt(40.0)));
  }
  SUBCASE("one label map per graph") {
    const std::vector one = {get(boost::vertex_name, g1)};
    CHECK_THROWS_WITH(analysis::wl_kernel_matrix(graphs, one),
                      "wl_kernel_matrix: 2 graphs but 1 label maps; give one label map per graph");
  }
}

TEST_CASE("measure_network: any undirected Boost.Graph graph with an edge weight map") {
  SUBCASE("vertices in a list, indexed by a vertex_index property; double weights") {
    // The star 0–1, 0–2, 0–3 plus the separate edge 4–5; vertices stored in a std::list,
    // so the kernel must go through the graph's vertex_index map, not the descriptors.
    using graph = boost::adjacency_list<boost::vecS, boost::listS, boost::undirectedS,
                                        boost::property<boost::vertex_index_t, std::size_t>,
                                        boost::property<boost::edge_weight_t, double>>;
    graph g;
    std::vector<graph::vertex_descriptor> v;
    for (std::size_t i = 0; i < 6; ++i) v.push_back(boost::add_vertex(i, g));
    boost::add_edge(v[0], v[1], 0.5, g);
    boost::add_edge(v[0], v[2], 1.5, g);
    boost::add_edge(v[0], v[3], 2.0, g);
    boost::add_edge(v[4], v[5], 0.25, g);
    const auto m = analysis::measure_network(g, get(boost::edge_weight, g));
    static_assert(std::is_same_v<decltype(m.weighted_degree), std::vector<double>>);
    CHECK(m.degree == std::vector<std::size_t>{3, 1, 1, 1, 1, 1});
    CHECK(m.weighted_degree == std::vector<double>{4.0, 0.5, 1.5, 2.0, 0.25, 0.25});
    // The centre lies on the 3 paths between its leaves; of 10 pairs of the other five.
    CHECK(m.betweenness == std::vector<double>{3.0, 0.0, 0.0, 0.0, 0.0, 0.0});
    CHECK(m.betweenness_normalized[0] == doctest::Approx(0.3));
    CHECK(m.components == 2);
    CHECK(m.component == std::vector<std::size_t>{0, 0, 0, 0, 1, 1});
    CHECK(m.density == doctest::Approx(8.0 / 30.0));  // 2·4 / (6·5)
  }
  SUBCASE("a constant weight map: weighted degree is the degree times the weight") {
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    graph g(3);
    boost::add_edge(0, 1, g);
    boost::add_edge(1, 2, g);
    const auto m = analysis::measure_network(g, boost::static_property_map<int>(2));
    CHECK(m.weighted_degree == std::vector<int>{2, 4, 2});
    CHECK(m.betweenness == std::vector<double>{0.0, 1.0, 0.0});
    CHECK(m.components == 1);
  }
  SUBCASE("plancmp's co-responsibility graph: the compiled instantiation") {
    analysis::co_responsibility_graph g(3);
    boost::add_edge(0, 1, analysis::network_tie{4, 0, 0}, g);
    boost::add_edge(1, 2, analysis::network_tie{1, 0, 0}, g);
    const auto direct = analysis::measure_network(g, get(&analysis::network_tie::weight, g));
    const auto wrapped = analysis::measure_network(g);
    CHECK(direct.weighted_degree == std::vector<std::size_t>{4, 5, 1});
    CHECK(wrapped.weighted_degree == direct.weighted_degree);
    CHECK(wrapped.betweenness == direct.betweenness);
  }
}
