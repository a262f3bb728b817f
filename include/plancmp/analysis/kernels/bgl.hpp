// SPDX-License-Identifier: MIT
// Internal to the generic kernels: calls of Boost.Graph's free functions that find a
// user's own graph type by argument-dependent lookup.
#pragma once

namespace plancmp::inline v0::detail {

/// Boost.Graph's `source(e, g)` and `target(e, g)` are found by argument-dependent lookup,
/// for Boost's graphs and a user's own. Called from plancmp's namespaces, ordinary lookup
/// would first find `plancmp::target` (a class), which turns the call into a cast and
/// switches ADL off; the deleted catch-alls here are functions, so ADL still applies and
/// the graph's own overloads win.
namespace bgl {
void source(...) = delete;
void target(...) = delete;
template <class Edge, class Graph>
auto edge_source(const Edge& e, const Graph& g) {
  return source(e, g);
}
template <class Edge, class Graph>
auto edge_target(const Edge& e, const Graph& g) {
  return target(e, g);
}
}  // namespace bgl

}  // namespace plancmp::inline v0::detail
