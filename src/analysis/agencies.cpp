// SPDX-License-Identifier: MIT
// Agency analyses: responsibility matrix, lead load, co-responsibility network (with
// Boost.Graph metrics and GraphML/DOT export) and the cross-plan agency-function table.
#include <plancmp/analysis/agencies.hpp>

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/detail/markup.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <boost/property_map/property_map.hpp>

#include "../detail/json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace plancmp::inline v0::analysis {

namespace {

/// The role an agency plays in a measure, lead winning over support (jointly responsible
/// units share the work: see accountable_role).
std::optional<role> role_in(const measure& m, std::string_view name) {
  for (const auto& a : m.lead)
    if (a.name == name) return accountable_role(m, a);
  for (const auto& a : m.support)
    if (a.name == name) return role::support;
  return std::nullopt;
}

std::string canonical_of(const agency& a) {
  return a.resolution ? a.resolution->canonical : std::string();
}

std::string xml(std::string_view text) {
  std::string out;
  detail::append_xml(out, text);
  return out;
}

std::string dot(std::string_view text) {
  std::string out;
  detail::append_dot(out, text);
  return out;
}

/// Shortest round-trip form of a double, as the plan JSON writes them.
std::string number(double x) { return fmt::format("{}", x); }

}  // namespace

namespace {

/// The vocabulary of data/labels.json.
struct label_rules {
  std::map<level, std::string> unnamed;
  std::map<level, level> parent_level;
  std::map<level, std::vector<std::string>> place_suffixes;
  std::vector<std::string> title_openers;
  std::size_t min_characters = 2, max_characters = 4;
  std::set<char32_t> not_in_names;
  std::size_t min_mentions = 2;
};

level level_named(const std::string& name) {
  const auto l = parse_level(name);
  if (!l) throw schema_error(error_location::file("labels.json"), fmt::format("unknown level '{}'", name));
  return *l;
}

const label_rules& rules() {
  static const label_rules r = [] {
    const auto& j = plancmp::detail::builtin_json("labels.json");
    label_rules out;
    for (const auto& [k, v] : j.at("unnamed").items()) out.unnamed[level_named(k)] = v.get<std::string>();
    for (const auto& [k, v] : j.at("parent_level").items())
      out.parent_level[level_named(k)] = level_named(v.get<std::string>());
    for (const auto& [k, v] : j.at("place_suffixes").items())
      out.place_suffixes[level_named(k)] = v.get<std::vector<std::string>>();
    out.title_openers = j.at("title_openers").get<std::vector<std::string>>();
    out.min_characters = j.at("name_characters").at("min").get<std::size_t>();
    out.max_characters = j.at("name_characters").at("max").get<std::size_t>();
    for (const auto& c : j.at("not_in_names").get<std::vector<std::string>>()) {
      std::size_t pos = 0;
      out.not_in_names.insert(text::detail::next_code_point(c, pos));
    }
    out.min_mentions = j.at("min_mentions").get<std::size_t>();
    return out;
  }();
  return r;
}

bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

/// Counts the places of level `parent` named right after a title opener (《武汉市…》) in
/// `text`: 2–4 Han characters (none of `not_in_names`) followed by one of the level's suffixes.
void count_places(std::string_view text, level parent, std::map<std::string, std::pair<std::size_t, std::size_t>>& seen,
                  std::size_t& order) {
  const auto& r = rules();
  const auto suffixes = r.place_suffixes.find(parent);
  if (suffixes == r.place_suffixes.end()) return;
  for (const auto& opener : r.title_openers) {
    for (std::size_t at = text.find(opener); at != std::string_view::npos; at = text.find(opener, at + 1)) {
      std::size_t pos = at + opener.size();
      for (std::size_t n = 1; n <= r.max_characters && pos < text.size(); ++n) {
        const char32_t c = text::detail::next_code_point(text, pos);
        if (!is_han(c) || r.not_in_names.contains(c)) break;
        if (n < r.min_characters) continue;
        const std::string_view rest = text.substr(pos);
        const auto suffix = std::find_if(suffixes->second.begin(), suffixes->second.end(),
                                         [&](const std::string& s) { return rest.starts_with(s); });
        if (suffix == suffixes->second.end()) continue;
        auto& entry = seen.try_emplace(std::string(text.substr(at + opener.size(), pos - at - opener.size())) + *suffix,
                                       0, order++)
                          .first->second;
        ++entry.first;
        break;
      }
    }
  }
}

/// The place above an unnamed plan's level that it names most often in cited titles
/// (ties: the first named), or "" when none is named `min_mentions` times.
std::string parent_place(const plan& p) {
  const auto& r = rules();
  const auto parent = r.parent_level.find(p.issuing_jurisdiction.admin_level);
  if (parent == r.parent_level.end()) return {};
  std::map<std::string, std::pair<std::size_t, std::size_t>> seen;  // name → (mentions, first seen)
  std::size_t order = 0;
  count_places(p.title, parent->second, seen, order);
  count_places(p.preamble, parent->second, seen, order);
  for (const auto& g : p.goals()) count_places(g.text, parent->second, seen, order);
  for (const auto& m : p.measures()) count_places(m.text, parent->second, seen, order);
  std::string best;
  std::pair<std::size_t, std::size_t> best_at{0, 0};
  for (const auto& [name, at] : seen)
    if (at.first >= r.min_mentions && (at.first > best_at.first || (at.first == best_at.first && at.second < best_at.second)))
      best = name, best_at = at;
  return best;
}

}  // namespace

std::string plan_label(const plan& p) {
  std::string label = p.issuing_jurisdiction.name;
  if (label.empty()) {
    const auto& r = rules();
    if (const auto word = r.unnamed.find(p.issuing_jurisdiction.admin_level); word != r.unnamed.end()) {
      label = parent_place(p) + word->second;
    } else {
      label = p.source.path;
      if (const auto slash = label.find_last_of('/'); slash != std::string::npos) label.erase(0, slash + 1);
      if (label.empty()) label = "plan";
    }
  }
  if (p.issued) label += fmt::format(" {}", p.issued->year);
  return label;
}

// ---------------------------------------------------------------- responsibility matrix

responsibility_matrix make_responsibility_matrix(const plan& p) {
  responsibility_matrix m;
  m.plan = plan_label(p);
  for (const auto& x : p.measures()) m.measures.push_back(x.id);
  for (const auto& a : p.agencies()) {
    m.agencies.push_back(a.name);
    m.canonical.push_back(canonical_of(a));
    std::vector<std::optional<role>> row;
    row.reserve(p.measures().size());
    for (const auto& x : p.measures()) row.push_back(role_in(x, a.name));
    m.roles.push_back(std::move(row));
  }
  return m;
}

// ---------------------------------------------------------------- lead load

lead_load compute_lead_load(const plan& p) {
  lead_load load;
  load.plan = plan_label(p);
  load.measures = p.measures().size();
  for (const auto& m : p.measures()) load.assigned += !m.lead.empty() || !m.support.empty();
  const double n = static_cast<double>(load.measures);
  for (const auto& a : p.agencies()) {
    agency_load x;
    x.name = a.name;
    x.canonical = canonical_of(a);
    x.collective = a.collective;
    for (const auto& m : p.measures()) {
      const auto r = role_in(m, a.name);
      if (r == role::lead) ++x.lead;
      if (r == role::support) ++x.support;
    }
    if (n > 0) {
      x.lead_share = static_cast<double>(x.lead) / n;
      x.support_share = static_cast<double>(x.support) / n;
      x.share = static_cast<double>(x.lead + x.support) / n;
    }
    load.agencies.push_back(std::move(x));
  }
  std::stable_sort(load.agencies.begin(), load.agencies.end(),
                   [](const agency_load& a, const agency_load& b) {
                     return a.lead != b.lead ? a.lead > b.lead : a.support > b.support;
                   });
  return load;
}

// ---------------------------------------------------------------- network

template network_metrics measure_network<co_responsibility_graph, co_responsibility_weights>(
    const co_responsibility_graph&, co_responsibility_weights);

network_metrics measure_network(const co_responsibility_graph& g) {
  return measure_network(g, boost::get(&network_tie::weight, g));
}

co_responsibility_network build_co_responsibility_network(const plan& p,
                                                          const network_options& options) {
  co_responsibility_network net;
  net.plan = plan_label(p);
  auto& g = net.graph;
  // Vertex of each agency (npos: left out).
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> vertex_of(p.agencies().size(), none);
  std::map<std::string, std::size_t> by_key;
  for (std::size_t a = 0; a < p.agencies().size(); ++a) {
    const agency& x = p.agencies()[a];
    if (x.collective && !options.include_collectives) continue;
    const std::string key =
        options.by_canonical && x.resolution ? "id:" + x.resolution->canonical : "name:" + x.name;
    if (const auto it = by_key.find(key); it != by_key.end()) {
      vertex_of[a] = it->second;
      g[it->second].name += "、" + x.name;
      continue;
    }
    vertex_of[a] = boost::add_vertex(network_agency{x.name, canonical_of(x), x.collective, 0, 0}, g);
    by_key.emplace(key, vertex_of[a]);
  }
  std::map<std::string_view, std::size_t> agency_index;
  for (std::size_t a = 0; a < p.agencies().size(); ++a) agency_index.emplace(p.agencies()[a].name, a);

  for (const measure& m : p.measures()) {
    // Each vertex once per measure, lead winning over support.
    std::map<std::size_t, role> present;
    for (const auto* mentions : {&m.lead, &m.support}) {
      for (const agency_mention& mention : *mentions) {
        const auto it = agency_index.find(mention.name);
        if (it == agency_index.end() || vertex_of[it->second] == none) continue;
        const role r = accountable_role(m, mention);
        const auto [slot, fresh] = present.emplace(vertex_of[it->second], r);
        if (!fresh && r == role::lead) slot->second = role::lead;
      }
    }
    for (const auto& [v, r] : present) (r == role::lead ? g[v].lead : g[v].support) += 1;
    for (auto i = present.begin(); i != present.end(); ++i) {
      for (auto j = std::next(i); j != present.end(); ++j) {
        const std::size_t u = i->first, v = j->first;  // u < v: map order
        auto [e, exists] = boost::edge(u, v, g);
        if (!exists) e = boost::add_edge(u, v, network_tie{}, g).first;
        network_tie& tie = g[e];
        ++tie.weight;
        // The stored source of an undirected edge is the vertex it was added from (u).
        if (i->second == role::lead && j->second == role::support) ++tie.source_leads;
        if (i->second == role::support && j->second == role::lead) ++tie.target_leads;
      }
    }
  }
  net.metrics = measure_network(g);
  return net;
}

std::string to_graphml(const co_responsibility_network& net) {
  const auto& g = net.graph;
  const auto& m = net.metrics;
  std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="canonical" for="node" attr.name="canonical" attr.type="string"/>
  <key id="collective" for="node" attr.name="collective" attr.type="boolean"/>
  <key id="lead" for="node" attr.name="lead" attr.type="int"/>
  <key id="support" for="node" attr.name="support" attr.type="int"/>
  <key id="degree" for="node" attr.name="degree" attr.type="int"/>
  <key id="weighted_degree" for="node" attr.name="weighted_degree" attr.type="int"/>
  <key id="betweenness" for="node" attr.name="betweenness" attr.type="double"/>
  <key id="component" for="node" attr.name="component" attr.type="int"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="source_leads" for="edge" attr.name="source_leads" attr.type="int"/>
  <key id="target_leads" for="edge" attr.name="target_leads" attr.type="int"/>
)";
  out += fmt::format("  <graph id=\"{}\" edgedefault=\"undirected\">\n", xml(net.plan));
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    out += fmt::format(
        "    <node id=\"n{}\">\n      <data key=\"label\">{}</data>\n      <data "
        "key=\"canonical\">{}</data>\n"
        "      <data key=\"collective\">{}</data>\n      <data key=\"lead\">{}</data>\n"
        "      <data key=\"support\">{}</data>\n      <data key=\"degree\">{}</data>\n"
        "      <data key=\"weighted_degree\">{}</data>\n      <data key=\"betweenness\">{}</data>\n"
        "      <data key=\"component\">{}</data>\n    </node>\n",
        v, xml(g[v].name), xml(g[v].canonical), g[v].collective ? "true" : "false", g[v].lead,
        g[v].support, m.degree[v], m.weighted_degree[v], number(m.betweenness[v]), m.component[v]);
  }
  std::size_t k = 0;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    out += fmt::format(
        "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">\n      <data key=\"weight\">{}</data>\n"
        "      <data key=\"source_leads\">{}</data>\n      <data key=\"target_leads\">{}</data>\n    "
        "</edge>\n",
        k++, boost::source(e, g), boost::target(e, g), g[e].weight, g[e].source_leads,
        g[e].target_leads);
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

std::string to_dot(const co_responsibility_network& net) {
  const auto& g = net.graph;
  std::string out =
      fmt::format("graph co_responsibility {{\n  label=\"{}\";\n  node [shape=ellipse];\n",
                  dot("co-responsibility network — " + net.plan));
  for (std::size_t v = 0; v < boost::num_vertices(g); ++v) {
    out += fmt::format("  n{} [label=\"{}\", canonical=\"{}\"{}];\n", v, dot(g[v].name),
                       dot(g[v].canonical), g[v].collective ? ", style=dashed" : "");
  }
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const network_tie& tie = g[e];
    const char* dir = tie.source_leads > 0 && tie.target_leads > 0 ? "both"
                      : tie.source_leads > 0                       ? "forward"
                      : tie.target_leads > 0                       ? "back"
                                                                   : "none";
    out += fmt::format("  n{} -- n{} [weight={}, label=\"{}\", penwidth={}, dir={}];\n",
                       boost::source(e, g), boost::target(e, g), tie.weight, tie.weight,
                       1 + std::min<std::size_t>(tie.weight, 9) / 2, dir);
  }
  out += "}\n";
  return out;
}

// ---------------------------------------------------------------- cross-plan table

agency_function_table compare_agency_functions(std::span<const plan> plans,
                                               const agency_ontology& ontology) {
  agency_function_table t;
  for (const plan& p : plans) {
    t.plans.push_back(plan_label(p));
    t.sources.push_back(p.source.path);
  }
  // Row key: the canonical id, or "?" + printed name for an unresolved name.
  std::map<std::string, function_row> rows;
  std::vector<std::string> unresolved_order;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const plan& p = plans[k];
    const int year = p.issued ? p.issued->year : 0;
    std::map<std::string_view, std::string> key_of;  // printed name → row key
    for (const agency& a : p.agencies()) {
      std::optional<agency_resolution> r = a.resolution;
      agency_match m;
      if (!r || r->match == match_kind::predecessor) {
        m = ontology.resolve(a.name, p.issuing_jurisdiction, year);
        if (!r) r = m.resolution;
      }
      std::string key = r ? r->canonical : "?" + a.name;
      auto [it, fresh] = rows.try_emplace(key);
      function_row& row = it->second;
      if (fresh) {
        row.cells.resize(plans.size());
        if (!r) {
          row.name_zh = a.name;
          row.name_en = "(not in the ontology)";
          unresolved_order.push_back(key);
        } else if (const agency_entry* e = ontology.find(r->canonical)) {
          row.canonical = e->id;
          row.name_en = e->name_en;
          row.name_zh = e->name_zh;
        } else {
          row.canonical = r->canonical;
        }
      }
      if (r && r->match == match_kind::predecessor && !m.note.empty())
        row.notes.push_back(fmt::format("{}: {}", t.plans[k], m.note));
      auto& names = row.cells[k].names;
      if (std::find(names.begin(), names.end(), a.name) == names.end()) names.push_back(a.name);
      key_of.emplace(a.name, std::move(key));
    }
    for (const measure& m : p.measures()) {
      std::map<std::string_view, role> present;  // row key → role in this measure
      std::map<std::string_view, span> where;
      for (const auto* mentions : {&m.lead, &m.support}) {
        for (const agency_mention& mention : *mentions) {
          const auto it = key_of.find(mention.name);
          if (it == key_of.end()) continue;
          const role r = accountable_role(m, mention);
          const auto [slot, fresh] = present.emplace(it->second, r);
          if (!fresh && r == role::lead) slot->second = role::lead;
          where.try_emplace(it->second, mention.where);
        }
      }
      for (const auto& [key, r] : present) {
        function_cell& cell = rows.find(std::string(key))->second.cells[k];
        (r == role::lead ? cell.lead : cell.support) += 1;
        if (!cell.first) cell.first = where.at(key);
      }
    }
  }
  // Ontology order for functions, then unresolved names in order of appearance.
  std::vector<std::pair<std::size_t, std::string>> order;
  for (const auto& [key, row] : rows) {
    if (key.front() == '?') continue;
    order.emplace_back(ontology.position(key).value_or(ontology.entries().size()), key);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [position, key] : order) t.rows.push_back(std::move(rows.at(key)));
  for (const auto& key : unresolved_order) t.rows.push_back(std::move(rows.at(key)));
  return t;
}

}  // namespace plancmp::inline v0::analysis
