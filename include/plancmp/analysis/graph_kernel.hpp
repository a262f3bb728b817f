// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/kernels/wl.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/model/plan.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace plancmp::inline v0::analysis {

/// The initial vertex labels of a plan graph: the vertex kinds.
using plan_graph_kinds = boost::property_map<plan_graph, vertex_kind vertex_property::*>::const_type;

// The generic kernel (kernels/wl.hpp) on plan graphs, compiled once in src/analysis/graph_kernel.cpp.
extern template std::vector<double> wl_kernel_matrix<std::span<const plan_graph* const>, std::span<const plan_graph_kinds>>(
    const std::span<const plan_graph* const>&, const std::span<const plan_graph_kinds>&, const wl_options&,
    bool);

/// The Weisfeiler–Lehman subtree kernel (Shervashidze et al. 2011) between plan graphs:
/// the generic kernel (any Boost.Graph graph with a label property map, kernels/wl.hpp)
/// with the vertex kinds as labels.
/// Initial vertex labels are the vertex kinds (plan, section, measure, goal, box, …);
/// each round relabels a vertex by its label and the sorted multiset of its neighbours'
/// labels (edges taken both ways, as an undirected graph), with one label dictionary
/// shared by all graphs, so labels are exact (no hashing). The kernel of two graphs is
/// the dot product of their label-count vectors over rounds 0 … h.
///
/// Returns the `n × n` matrix, row-major, for the `n` graphs; with `normalized`, each
/// entry is K(a, b) / sqrt(K(a, a) · K(b, b)) (1 on the diagonal, 0 for an empty graph).
///
///     std::vector<const plan_graph*> g = {&p.graph(), &q.graph()};
///     auto k = wl_kernel_matrix(g);  // k[1] is the similarity of p and q
[[nodiscard]] std::vector<double> wl_kernel_matrix(std::span<const plan_graph* const> graphs,
                                                   const wl_options& options = {},
                                                   bool normalized = true);

/// The normalized kernel of two plan graphs (0 … 1).
[[nodiscard]] double wl_similarity(const plan_graph& a, const plan_graph& b,
                                   const wl_options& options = {});

/// The normalized WL kernel of every pair of plans, as a plan × plan matrix (metric
/// "structure (WL subtree kernel, h = …)", plans labelled by `plan_label`).
[[nodiscard]] plan_matrix structure_similarity_matrix(std::span<const plan> plans,
                                                      const wl_options& options = {});

}  // namespace plancmp::inline v0::analysis
