// SPDX-License-Identifier: MIT
#include <plancmp/analysis/graph_kernel.hpp>
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace plancmp::inline v0::analysis {
namespace detail {

wl_label_counts count_wl_labels(std::vector<wl_label> labels) {
  std::sort(labels.begin(), labels.end());
  wl_label_counts counts;
  for (const wl_label l : labels) {
    if (!counts.empty() && counts.back().first == l) {
      ++counts.back().second;
    } else {
      counts.emplace_back(l, 1);
    }
  }
  return counts;
}

double wl_dot(const wl_label_counts& x, const wl_label_counts& y) {
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

void check_wl_options(const wl_options& options) {
  if (options.iterations < 0) {
    throw usage_error(fmt::format("wl_kernel_matrix: iterations is {}; give 0 or more",
                                  options.iterations));
  }
}

void throw_wl_label_maps(std::size_t graphs, std::size_t maps) {
  throw usage_error(fmt::format("wl_kernel_matrix: {} graphs but {} label maps; give one label map per graph",
                                graphs, maps));
}

}  // namespace detail

template std::vector<double> wl_kernel_matrix<std::span<const plan_graph* const>, std::span<const plan_graph_kinds>>(
    const std::span<const plan_graph* const>&, const std::span<const plan_graph_kinds>&, const wl_options&,
    bool);

std::vector<double> wl_kernel_matrix(std::span<const plan_graph* const> graphs,
                                     const wl_options& options, bool normalized) {
  std::vector<plan_graph_kinds> kinds;
  kinds.reserve(graphs.size());
  for (const plan_graph* g : graphs) kinds.push_back(boost::get(&vertex_property::kind, *g));
  return wl_kernel_matrix(graphs, std::span<const plan_graph_kinds>(kinds), options, normalized);
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
