// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/kernels/bgl.hpp>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <cstddef>
#include <type_traits>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Structural measures of an undirected network, indexed by vertex (the graph's
/// `vertex_index`). `Weight` is the value type of the edge weights.
template <class Weight>
struct basic_network_metrics {
  std::vector<std::size_t> degree;      ///< distinct partners
  std::vector<Weight> weighted_degree;  ///< sum of the weights of its edges
  /// Brandes betweenness on unweighted shortest paths (hops; weights are strengths, not
  /// distances), each unordered pair of other vertices counted once — networkx's
  /// `betweenness_centrality(G, normalized=False)`.
  std::vector<double> betweenness;
  /// betweenness / ((n−1)(n−2)/2), 0 when n < 3.
  std::vector<double> betweenness_normalized;
  std::vector<std::size_t> component;  ///< connected component of each vertex, numbered from 0
  std::size_t components = 0;          ///< connected components (isolated vertices count)
  double density = 0.0;                ///< 2E / (N(N−1)), 0 when N < 2
};

/// The measures of any undirected, simple Boost.Graph graph (a model of VertexListGraph,
/// EdgeListGraph and IncidenceGraph with a `vertex_index` property map: an
/// `adjacency_list<vecS, vecS, undirectedS, …>`, or a user's own graph type), with edge
/// weights read through `weight` (any readable property map from edges to numbers):
/// degrees, weighted degrees, Boost's `brandes_betweenness_centrality` (unweighted) and
/// `connected_components`. plancmp's `measure_network(co_responsibility_graph)` is this
/// kernel with the edges' `network_tie::weight`, compiled in the library.
///
///     boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
///                           boost::property<boost::edge_weight_t, double>> g(4);
///     boost::add_edge(0, 1, 2.5, g);
///     auto m = plancmp::analysis::measure_network(g, boost::get(boost::edge_weight, g));
template <class Graph, class WeightMap>
[[nodiscard]] basic_network_metrics<typename boost::property_traits<WeightMap>::value_type>
measure_network(const Graph& g, WeightMap weight) {
  using traits = boost::graph_traits<Graph>;
  static_assert(std::is_convertible_v<typename traits::directed_category, boost::undirected_tag>,
                "measure_network: the graph must be undirected");
  BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
  BOOST_CONCEPT_ASSERT((boost::EdgeListGraphConcept<Graph>));
  BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
  using weight_type = typename boost::property_traits<WeightMap>::value_type;

  basic_network_metrics<weight_type> m;
  // Unqualified, so that a user's own graph type is found by argument-dependent lookup.
  const auto index = get(boost::vertex_index, g);
  const std::size_t n = num_vertices(g);
  m.degree.assign(n, 0);
  m.weighted_degree.assign(n, weight_type{});
  for (const auto v : boost::make_iterator_range(vertices(g)))
    m.degree[static_cast<std::size_t>(get(index, v))] = out_degree(v, g);
  for (const auto e : boost::make_iterator_range(edges(g))) {
    const weight_type w = get(weight, e);
    const auto from = static_cast<std::size_t>(get(index, plancmp::detail::bgl::edge_source(e, g)));
    const auto to = static_cast<std::size_t>(get(index, plancmp::detail::bgl::edge_target(e, g)));
    m.weighted_degree[from] += w;
    m.weighted_degree[to] += w;
  }
  m.betweenness.assign(n, 0.0);
  if (n > 0) {
    boost::brandes_betweenness_centrality(
        g, boost::make_iterator_property_map(m.betweenness.begin(), index));
  }
  // For undirected graphs Boost already counts each unordered pair once (it halves the
  // ordered-pair sums), which is networkx's convention; the tests pin that.
  const double pairs = n >= 3 ? static_cast<double>(n - 1) * static_cast<double>(n - 2) / 2.0 : 0.0;
  m.betweenness_normalized.resize(n);
  for (std::size_t v = 0; v < n; ++v)
    m.betweenness_normalized[v] = pairs > 0 ? m.betweenness[v] / pairs : 0.0;
  m.component.assign(n, 0);
  if (n > 0) {
    m.components = static_cast<std::size_t>(
        boost::connected_components(g, boost::make_iterator_property_map(m.component.begin(), index)));
  }
  m.density = n >= 2 ? 2.0 * static_cast<double>(num_edges(g)) /
                           (static_cast<double>(n) * static_cast<double>(n - 1))
                     : 0.0;
  return m;
}

}  // namespace plancmp::inline v0::analysis
