// SPDX-License-Identifier: MIT
// 07 — The generic kernels on data that is not a plan.
//
// plancmp's local alignment, assignment and top-k search are header templates
// (plancmp/analysis/kernels.hpp) over the caller's own types, in the manner of
// rapidfuzz-cpp: any two random-access ranges with a scoring callable, any weight
// callable, any rows of (column, value) pairs, any Boost.Graph graph with a label
// property map, any undirected Boost.Graph graph with an edge weight map. plancmp's own
// functions are these kernels compiled once for its types. Here they run on DNA, word
// lists, a cost matrix, a tiny bag-of-words table, three small molecules and a rail
// network.
#include <plancmp/analysis/kernels.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <ranges>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace analysis = plancmp::analysis;

namespace {

void print_alignment(const analysis::local_alignment& r) {
  fmt::print("  score {}: a[{}, {}) with b[{}, {}); {} matches, {} similar, {} mismatches, {} gaps\n",
             r.score, r.a_begin, r.a_end, r.b_begin, r.b_end, r.matches, r.neutral, r.mismatches,
             r.gaps);
}

/// A bag of words: per row, (word id, count) pairs by increasing id.
struct word_counts {
  std::vector<std::vector<std::pair<std::uint32_t, float>>> data;
  [[nodiscard]] std::size_t rows() const { return data.size(); }
  [[nodiscard]] auto row_columns(std::size_t r) const { return data[r] | std::views::keys; }
  [[nodiscard]] auto row_values(std::size_t r) const { return data[r] | std::views::values; }
};

}  // namespace

int main() {
  // 1. Local alignment of two DNA strings: +2 for equal bases, +1 for a transition
  //    (A↔G, C↔T), −3 otherwise; a gap of length L scores −3 − 2L.
  const std::string a = "TTGACCGTAAGGCT";
  const std::string b = "CCGACGTAGT";
  const auto dna = [](char x, char y) {
    if (x == y) return 2;
    const auto purine = [](char c) { return c == 'A' || c == 'G'; };
    return purine(x) == purine(y) ? 1 : -3;
  };
  fmt::print("DNA, {} against {}\n", a, b);
  const auto r = analysis::local_align(a, b, dna);
  print_alignment(r);
  fmt::print("  {}\n  {}\n", a.substr(r.a_begin, r.a_end - r.a_begin),
             b.substr(r.b_begin, r.b_end - r.b_begin));
  // A transition counted as "similar" (neutral) rather than a mismatch.
  const auto transitions = [&](char x, char y) {
    return x == y ? analysis::aligned_column::match
                  : (dna(x, y) > 0 ? analysis::aligned_column::neutral
                                   : analysis::aligned_column::mismatch);
  };
  print_alignment(analysis::local_align(a, b, dna, {}, transitions));

  // 2. Word lists of two element types (std::string, std::string_view): equal words 3,
  //    words sharing their first four letters 1, others −2.
  const std::vector<std::string> s1 = {"we", "will", "strengthen", "the", "protection", "of",
                                       "intellectual", "property", "rights"};
  const std::array<std::string_view, 8> s2 = {"to",         "strengthen",   "protections", "of",
                                              "intellectual", "property", "in", "trade"};
  const auto words = [](const std::string& x, std::string_view y) {
    if (x == y) return 3;
    return x.substr(0, 4) == y.substr(0, 4) ? 1 : -2;
  };
  fmt::print("\nwords\n");
  const auto w = analysis::local_align(s1, s2, words, {.gap_open = -2, .gap_extend = -1});
  print_alignment(w);
  fmt::print("  {}\n  {}\n",
             fmt::join(std::vector(s1.begin() + static_cast<std::ptrdiff_t>(w.a_begin),
                                   s1.begin() + static_cast<std::ptrdiff_t>(w.a_end)), " "),
             fmt::join(std::vector(s2.begin() + static_cast<std::ptrdiff_t>(w.b_begin),
                                   s2.begin() + static_cast<std::ptrdiff_t>(w.b_end)), " "));

  // 3. Assignment: four workers, three jobs, hours each worker needs per job. Weight
  //    10 − hours, so the maximum weight is the fewest total hours; a pair taking more
  //    than 8 hours (weight < 2) is never made.
  const std::array<std::string_view, 4> workers = {"Ada", "Ben", "Cai", "Dee"};
  const std::array<std::string_view, 3> jobs = {"wiring", "plumbing", "painting"};
  const double hours[4][3] = {{4, 9, 3}, {2, 5, 7}, {9, 4, 9}, {3, 6, 2}};
  const auto plan = analysis::max_weight_assignment(
      [&](std::size_t i, std::size_t j) { return 10.0 - hours[i][j]; }, 4, 3, {.threshold = 2.0});
  fmt::print("\nassignment (total weight {})\n", plan.total_weight);
  for (const auto& p : plan.pairs)
    fmt::print("  {} → {} ({} h)\n", workers[p.row], jobs[p.column], hours[p.row][p.column]);
  for (const std::size_t i : plan.unmatched_rows) fmt::print("  {} has no job\n", workers[i]);

  // 4. Top-k by dot product over a bag-of-words table (word ids: 0 flour, 1 sugar, 2 egg,
  //    3 butter, 4 salt, 5 yeast), the two most similar recipes of each.
  const std::array<std::string_view, 4> recipes = {"cake", "bread", "cookies", "brioche"};
  const word_counts table{{{{0, 2}, {1, 2}, {2, 3}, {3, 1}},
                           {{0, 4}, {4, 1}, {5, 1}},
                           {{0, 2}, {1, 1}, {3, 2}},
                           {{0, 3}, {2, 2}, {3, 1}, {4, 1}, {5, 1}}}};
  const auto best = analysis::top_k_rows_within(table, {.top_k = 2, .threads = 1});
  fmt::print("\ntop-2 recipes by shared ingredients (dot product)\n");
  for (std::size_t q = 0; q < best.queries; ++q) {
    fmt::print("  {}:", recipes[q]);
    for (const auto& m : best.of(q)) fmt::print(" {} {}", recipes[m.candidate], m.score);
    fmt::print("\n");
  }

  // 5. The Weisfeiler–Lehman subtree kernel (h = 2) on three molecules as undirected
  //    graphs of atoms labelled by element (hydrogens left out): ethanol C–C–O,
  //    propanol C–C–C–O and dimethyl ether C–O–C.
  using molecule = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                         boost::property<boost::vertex_name_t, char>>;
  const auto chain = [](std::string_view atoms) {
    molecule g(atoms.size());
    for (std::size_t v = 0; v < atoms.size(); ++v) {
      put(boost::vertex_name, g, v, atoms[v]);
      if (v > 0) boost::add_edge(v - 1, v, g);
    }
    return g;
  };
  const std::array<std::string_view, 3> names = {"ethanol", "propanol", "dimethyl ether"};
  const molecule ethanol = chain("CCO");
  const molecule propanol = chain("CCCO");
  const molecule ether = chain("COC");
  const std::vector<const molecule*> molecules = {&ethanol, &propanol, &ether};
  const std::vector labels = {get(boost::vertex_name, ethanol), get(boost::vertex_name, propanol),
                              get(boost::vertex_name, ether)};
  const auto k = analysis::wl_kernel_matrix(molecules, labels, {.iterations = 2});
  fmt::print("\nWL subtree kernel (h = 2, normalized)\n");
  for (std::size_t x = 0; x < names.size(); ++x) {
    fmt::print("  {:<15}", names[x]);
    for (std::size_t y = 0; y < names.size(); ++y) fmt::print(" {:.4f}", k[x * names.size() + y]);
    fmt::print("\n");
  }

  // 6. Network measures of a rail network weighted by direct trains per day: Paris links
  //    Lille, Rennes and Lyon; Lyon links Marseille, which links Nice; Ajaccio (on
  //    Corsica) has no line. Betweenness counts the city pairs whose shortest route runs
  //    through a city.
  using rail = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                     boost::property<boost::edge_weight_t, int>>;
  const std::array<std::string_view, 7> cities = {"Paris",     "Lyon", "Lille",  "Rennes",
                                                  "Marseille", "Nice", "Ajaccio"};
  rail lines(cities.size());
  boost::add_edge(0, 2, 20, lines);
  boost::add_edge(0, 3, 12, lines);
  boost::add_edge(0, 1, 30, lines);
  boost::add_edge(1, 4, 25, lines);
  boost::add_edge(4, 5, 10, lines);
  const auto net = analysis::measure_network(lines, get(boost::edge_weight, lines));
  fmt::print("\nrail network: {} components, density {:.4f}\n", net.components, net.density);
  fmt::print("  {:<10} {:>6} {:>13} {:>11} {:>10}\n", "city", "lines", "trains/day", "betweenness",
             "normalized");
  for (std::size_t v = 0; v < cities.size(); ++v) {
    fmt::print("  {:<10} {:>6} {:>13} {:>11} {:>10.4f}\n", cities[v], net.degree[v], net.weighted_degree[v],
               net.betweenness[v], net.betweenness_normalized[v]);
  }
}
