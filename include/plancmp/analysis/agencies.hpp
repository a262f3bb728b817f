// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/kernels/network.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/span.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace plancmp::inline v0::analysis {

/// A short name for a plan in table headers: its jurisdiction as printed and its issue
/// year, e.g. "宁波市 2017". When the plan names no place but its level is known (from
/// its agencies' prefixes), the place above it that the titles of the regulations it cites
/// name at least twice plus the level's word for an unnamed place (data/labels.json):
/// "武汉市某区 2024" (it cites 《武汉市知识产权促进和保护条例》 and 《武汉市商业秘密保护办法》);
/// without such a place "某区 2024"; with no level either, the file name.
[[nodiscard]] std::string plan_label(const plan& p);

// ---------------------------------------------------------------- responsibility matrix

/// Agency × measure with the role each agency plays (责任分工表).
///
///     auto m = plancmp::analysis::make_responsibility_matrix(p);
///     if (m.at(0, 3) == plancmp::role::lead) …
struct responsibility_matrix {
  std::string plan;                    ///< plan_label of the plan
  std::vector<std::string> agencies;   ///< printed names, in the plan's agency order
  std::vector<std::string> canonical;  ///< per agency: ontology id, "" when unresolved
  std::vector<std::string> measures;   ///< measure ids, in document order
  /// roles[agency][measure]: lead, support, or nullopt (not named). An agency named both
  /// as lead and as support of one measure counts as lead.
  std::vector<std::vector<std::optional<role>>> roles;

  [[nodiscard]] std::optional<role> at(std::size_t agency, std::size_t measure) const {
    return roles.at(agency).at(measure);
  }
};

[[nodiscard]] responsibility_matrix make_responsibility_matrix(const plan& p);

// ---------------------------------------------------------------- lead load

/// How many measures of a plan one agency leads and supports, and their shares.
struct agency_load {
  std::string name;       ///< as printed
  std::string canonical;  ///< ontology id, "" when unresolved
  bool collective = false;
  std::size_t lead = 0;        ///< measures it leads
  std::size_t support = 0;     ///< measures it supports (and does not lead)
  double lead_share = 0.0;     ///< lead / measures of the plan
  double support_share = 0.0;  ///< support / measures of the plan
  double share = 0.0;          ///< (lead + support) / measures of the plan
};

/// The lead load of a plan: every agency's share of the plan's measures.
struct lead_load {
  std::string plan;                   ///< plan_label
  std::size_t measures = 0;           ///< measures in the plan (the shares' denominator)
  std::size_t assigned = 0;           ///< measures naming at least one agency
  std::vector<agency_load> agencies;  ///< most leads first, then most supports, then plan order
};

[[nodiscard]] lead_load compute_lead_load(const plan& p);

// ---------------------------------------------------------------- co-responsibility network

/// A vertex of the co-responsibility network: one agency (or one canonical function).
struct network_agency {
  std::string name;       ///< printed name; names joined by 、 when grouped by function
  std::string canonical;  ///< ontology id, "" when unresolved
  bool collective = false;
  std::size_t lead = 0;     ///< measures it leads
  std::size_t support = 0;  ///< measures it supports (and does not lead)
};

/// An edge: the measures two agencies share. Direction is kept by counts relative to the
/// edge's stored endpoints (`boost::source` is always the lower-numbered vertex).
struct network_tie {
  std::size_t weight = 0;        ///< shared measures
  std::size_t source_leads = 0;  ///< shared measures the source leads and the target supports
  std::size_t target_leads = 0;  ///< shared measures the target leads and the source supports
};

/// The network as a Boost.Graph graph (undirected, simple); every BGL algorithm runs on it.
using co_responsibility_graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, network_agency, network_tie>;

/// Structural measures of a co-responsibility graph, indexed by vertex
/// (`basic_network_metrics`, plancmp/analysis/kernels/network.hpp).
using network_metrics = basic_network_metrics<std::size_t>;

/// The edge weights of a co-responsibility graph: `network_tie::weight`.
using co_responsibility_weights =
    decltype(boost::get(&network_tie::weight, std::declval<const co_responsibility_graph&>()));
extern template network_metrics measure_network<co_responsibility_graph, co_responsibility_weights>(
    const co_responsibility_graph&, co_responsibility_weights);

/// The generic `measure_network` kernel on a co-responsibility graph, weighted by the
/// shared measures (`network_tie::weight`); compiled in the library.
[[nodiscard]] network_metrics measure_network(const co_responsibility_graph& g);

struct network_options {
  /// One vertex per canonical function instead of per printed name (unresolved names
  /// stay on their own).
  bool by_canonical = false;
  /// Keep collectives (各成员单位, 各县市区政府 …) as vertices.
  bool include_collectives = true;
};

/// A plan's co-responsibility network with its metrics.
struct co_responsibility_network {
  std::string plan;  ///< plan_label
  co_responsibility_graph graph;
  network_metrics metrics;
};

/// Links every two agencies named in the same measure; vertices in the plan's agency
/// order (first mention), edges weighted by the number of shared measures.
///
///     auto net = plancmp::analysis::build_co_responsibility_network(p);
///     fmt::print("density {:.3f}\n", net.metrics.density);
///     std::string gephi = plancmp::analysis::to_graphml(net);
[[nodiscard]] co_responsibility_network build_co_responsibility_network(
    const plan& p, const network_options& options = {});
/// GraphML for Gephi / networkx (undirected; node data label, canonical, collective,
/// lead, support, degree, weighted_degree, betweenness, component; edge data weight,
/// source_leads, target_leads).
[[nodiscard]] std::string to_graphml(const co_responsibility_network& net);
/// Graphviz DOT (`graph`); an edge has `dir=forward` when only its source leads, `back`
/// when only its target leads, `both` or `none` otherwise; pen width grows with weight.
[[nodiscard]] std::string to_dot(const co_responsibility_network& net);

// ---------------------------------------------------------------- cross-plan table

/// One plan's part of a function row.
struct function_cell {
  std::size_t lead = 0;            ///< measures this function leads in the plan
  std::size_t support = 0;         ///< measures it supports (and does not lead)
  std::vector<std::string> names;  ///< the names the plan prints for it, as printed
  std::optional<span> first;       ///< the first mention, in the plan's source file
};

/// A row of the cross-plan table: one canonical function (or one unresolved name).
struct function_row {
  std::string canonical;  ///< ontology id; "" for an unresolved name
  std::string name_en;
  std::string name_zh;               ///< canonical Chinese name, or the unresolved name as printed
  std::vector<function_cell> cells;  ///< one per plan
  /// Why names stand in this row, e.g. "宁波市 2017: 市知识产权局 is the pre-2018 name:
  /// 知识产权局 → 市场监督管理局 (2018)".
  std::vector<std::string> notes;
};

/// Rows: canonical functions (ontology order) then unresolved names; columns: plans.
struct agency_function_table {
  std::vector<std::string> plans;    ///< plan labels
  std::vector<std::string> sources;  ///< the plans' source paths
  std::vector<function_row> rows;
};

/// Compares which functions lead and support measures across plans. Agencies already
/// resolved keep their resolution; unresolved ones are resolved against `ontology`
/// (names it cannot resolve get their own row, never dropped).
[[nodiscard]] agency_function_table compare_agency_functions(
    std::span<const plan> plans, const agency_ontology& ontology = agency_ontology::builtin());


}  // namespace plancmp::inline v0::analysis
