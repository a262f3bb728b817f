// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/kernels/bgl.hpp>

#include <boost/graph/graph_concepts.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ranges>
#include <type_traits>
#include <utility>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Options for the Weisfeiler–Lehman subtree kernel.
struct wl_options {
  /// Relabeling rounds h: the kernel counts shared rooted subtrees of depth 0 … h.
  int iterations = 3;
};

namespace detail {

using wl_label = std::uint32_t;
/// Sorted (label, count) pairs of one graph.
using wl_label_counts = std::vector<std::pair<wl_label, std::uint64_t>>;

/// Counts of each label (compiled in src/analysis/graph_kernel.cpp).
[[nodiscard]] wl_label_counts count_wl_labels(std::vector<wl_label> labels);
/// Dot product of two count vectors.
[[nodiscard]] double wl_dot(const wl_label_counts& x, const wl_label_counts& y);
/// Throws `usage_error` for a negative iteration count.
void check_wl_options(const wl_options& options);
/// Throws `usage_error`: not one label map per graph.
[[noreturn]] void throw_wl_label_maps(std::size_t graphs, std::size_t maps);

}  // namespace detail

/// The Weisfeiler–Lehman subtree kernel (Shervashidze et al. 2011) between any Boost.Graph
/// graphs, given as a random-access range of pointers (VertexListGraph and IncidenceGraph, vertices indexed 0 … n−1 by
/// `get(boost::vertex_index, g)`), with initial vertex labels read from one readable
/// property map per graph (`labels[g]`, any label type with `<`). Each round relabels a
/// vertex by its label and the sorted multiset of its neighbours' labels, with one label
/// dictionary shared by all graphs, so labels are exact (no hashing). Neighbours are the
/// out-edges' targets, and for a bidirectional directed graph also the in-edges' sources
/// (edges taken both ways). The kernel of two graphs is the dot product of their
/// label-count vectors over rounds 0 … h.
///
/// Returns the `n × n` matrix, row-major; with `normalized`, each entry is
/// K(a, b) / sqrt(K(a, a) · K(b, b)) (1 on the diagonal, 0 for an empty graph).
///
///     using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
///                                         boost::property<boost::vertex_name_t, char>>;
///     std::vector<const graph*> g = {&g1, &g2};
///     std::vector maps = {get(boost::vertex_name, g1), get(boost::vertex_name, g2)};
///     auto k = wl_kernel_matrix(g, maps);  // k[1]: similarity of g1 and g2
template <std::ranges::random_access_range Graphs, std::ranges::random_access_range LabelMaps>
  requires std::is_pointer_v<std::ranges::range_value_t<Graphs>>
[[nodiscard]] std::vector<double> wl_kernel_matrix(const Graphs& graphs, const LabelMaps& labels,
                                                   const wl_options& options = {},
                                                   bool normalized = true) {
  using Graph = std::remove_cvref_t<std::remove_pointer_t<std::ranges::range_value_t<Graphs>>>;
  using LabelMap = std::ranges::range_value_t<LabelMaps>;
  BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<Graph>));
  BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<Graph>));
  using detail::wl_label;
  using traits = boost::graph_traits<Graph>;
  using initial_label = std::remove_cvref_t<typename boost::property_traits<LabelMap>::value_type>;
  constexpr bool both_ways =
      std::is_convertible_v<typename traits::traversal_category, boost::bidirectional_graph_tag> &&
      std::is_convertible_v<typename traits::directed_category, boost::directed_tag>;
  detail::check_wl_options(options);
  const auto n = static_cast<std::size_t>(std::ranges::size(graphs));
  if (static_cast<std::size_t>(std::ranges::size(labels)) != n) detail::throw_wl_label_maps(n, std::ranges::size(labels));
  std::vector<double> kernel(n * n, 0.0);
  std::vector<std::vector<wl_label>> current(n);
  // Round-0 labels: the initial labels numbered in their order; later rounds draw from one
  // dictionary over all graphs, numbered after them, so rounds never share a label.
  std::map<initial_label, wl_label> initial;
  for (std::size_t g = 0; g < n; ++g)
    for (const auto v : boost::make_iterator_range(vertices(*graphs[g])))
      initial.try_emplace(get(labels[g], v), 0);
  wl_label next_label = 0;
  for (auto& [value, id] : initial) id = next_label++;
  for (std::size_t g = 0; g < n; ++g) {
    const Graph& graph = *graphs[g];
    const auto index = get(boost::vertex_index, graph);
    current[g].resize(num_vertices(graph));
    for (const auto v : boost::make_iterator_range(vertices(graph)))
      current[g][get(index, v)] = initial.find(get(labels[g], v))->second;
  }
  std::map<std::vector<wl_label>, wl_label> dictionary;
  std::vector<wl_label> signature;
  for (int round = 0;; ++round) {
    std::vector<detail::wl_label_counts> counts(n);
    for (std::size_t g = 0; g < n; ++g) counts[g] = detail::count_wl_labels(current[g]);
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t y = x; y < n; ++y) {
        const double k = detail::wl_dot(counts[x], counts[y]);
        kernel[x * n + y] += k;
        if (y != x) kernel[y * n + x] += k;
      }
    if (round == options.iterations) break;
    for (std::size_t g = 0; g < n; ++g) {
      const Graph& graph = *graphs[g];
      const auto index = get(boost::vertex_index, graph);
      const std::vector<wl_label>& label = current[g];
      std::vector<wl_label> relabeled(label.size());
      for (const auto v : boost::make_iterator_range(vertices(graph))) {
        signature.clear();
        for (const auto e : boost::make_iterator_range(out_edges(v, graph)))
          signature.push_back(label[get(index, plancmp::detail::bgl::edge_target(e, graph))]);
        if constexpr (both_ways) {
          for (const auto e : boost::make_iterator_range(in_edges(v, graph)))
            signature.push_back(label[get(index, plancmp::detail::bgl::edge_source(e, graph))]);
        }
        std::sort(signature.begin(), signature.end());
        signature.insert(signature.begin(), label[get(index, v)]);
        const auto [it, inserted] = dictionary.try_emplace(signature, next_label);
        if (inserted) ++next_label;
        relabeled[get(index, v)] = it->second;
      }
      current[g] = std::move(relabeled);
    }
  }
  if (normalized) {
    std::vector<double> diagonal(n);
    for (std::size_t g = 0; g < n; ++g) diagonal[g] = kernel[g * n + g];
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t y = 0; y < n; ++y) {
        const double d = std::sqrt(diagonal[x] * diagonal[y]);
        kernel[x * n + y] = d > 0.0 ? kernel[x * n + y] / d : 0.0;
      }
  }
  return kernel;
}

}  // namespace plancmp::inline v0::analysis
