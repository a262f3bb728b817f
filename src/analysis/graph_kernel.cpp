// SPDX-License-Identifier: MIT
#include <plancmp/analysis/graph_kernel.hpp>
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace plancmp::inline v0::analysis {
namespace {

using label = std::uint32_t;
/// Sorted (label, count) pairs of one graph.
using label_counts = std::vector<std::pair<label, std::uint64_t>>;

label_counts count_labels(std::vector<label> labels) {
  std::sort(labels.begin(), labels.end());
  label_counts counts;
  for (const label l : labels) {
    if (!counts.empty() && counts.back().first == l) {
      ++counts.back().second;
    } else {
      counts.emplace_back(l, 1);
    }
  }
  return counts;
}

double dot(const label_counts& x, const label_counts& y) {
  double sum = 0.0;
  auto i = x.begin();
  auto j = y.begin();
  while (i != x.end() && j != y.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += static_cast<double>(i->second) * static_cast<double>(j->second);
      ++i, ++j;
    }
  }
  return sum;
}

}  // namespace

std::vector<double> wl_kernel_matrix(std::span<const plan_graph* const> graphs,
                                     const wl_options& options, bool normalized) {
  if (options.iterations < 0) {
    throw usage_error(fmt::format("wl_kernel_matrix: iterations is {}; give 0 or more",
                                  options.iterations));
  }
  const std::size_t n = graphs.size();
  std::vector<double> kernel(n * n, 0.0);
  std::vector<std::vector<label>> labels(n);
  for (std::size_t g = 0; g < n; ++g) {
    const plan_graph& graph = *graphs[g];
    labels[g].resize(boost::num_vertices(graph));
    for (std::size_t v = 0; v < labels[g].size(); ++v)
      labels[g][v] = static_cast<label>(graph[v].kind);
  }
  // Round-0 labels are the kinds; later rounds draw from one dictionary over all graphs,
  // numbered after the kinds so that labels of different rounds never collide.
  std::map<std::vector<label>, label> dictionary;
  label next_label = static_cast<label>(vertex_kind::agency) + 1;
  std::vector<label> signature;
  for (int round = 0;; ++round) {
    std::vector<label_counts> counts(n);
    for (std::size_t g = 0; g < n; ++g) counts[g] = count_labels(labels[g]);
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t y = x; y < n; ++y) {
        const double k = dot(counts[x], counts[y]);
        kernel[x * n + y] += k;
        if (y != x) kernel[y * n + x] += k;
      }
    if (round == options.iterations) break;
    for (std::size_t g = 0; g < n; ++g) {
      const plan_graph& graph = *graphs[g];
      std::vector<label> relabeled(labels[g].size());
      for (std::size_t v = 0; v < labels[g].size(); ++v) {
        signature.clear();
        for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph)))
          signature.push_back(labels[g][boost::target(e, graph)]);
        for (const auto e : boost::make_iterator_range(boost::in_edges(v, graph)))
          signature.push_back(labels[g][boost::source(e, graph)]);
        std::sort(signature.begin(), signature.end());
        signature.insert(signature.begin(), labels[g][v]);
        const auto [it, inserted] = dictionary.try_emplace(signature, next_label);
        if (inserted) ++next_label;
        relabeled[v] = it->second;
      }
      labels[g] = std::move(relabeled);
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

double wl_similarity(const plan_graph& a, const plan_graph& b, const wl_options& options) {
  const std::vector<const plan_graph*> graphs = {&a, &b};
  return wl_kernel_matrix(graphs, options, true)[1];
}

plan_matrix structure_similarity_matrix(std::span<const plan> plans, const wl_options& options) {
  std::vector<const plan_graph*> graphs;
  graphs.reserve(plans.size());
  for (const plan& p : plans) graphs.push_back(&p.graph());
  const std::vector<double> k = wl_kernel_matrix(graphs, options);
  plan_matrix m;
  m.metric = fmt::format("structure (WL subtree kernel, h = {})", options.iterations);
  const std::size_t n = plans.size();
  for (const plan& p : plans) m.plans.push_back(plan_label(p));
  m.score.assign(n, std::vector<double>(n, 0.0));
  for (std::size_t x = 0; x < n; ++x)
    for (std::size_t y = 0; y < n; ++y) m.score[x][y] = k[x * n + y];
  return m;
}

}  // namespace plancmp::inline v0::analysis
