// SPDX-License-Identifier: MIT
#include <plancmp/model/plan.hpp>

#include "enum_names.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <span>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace plancmp::inline v0 {

namespace {

static_assert(static_cast<std::size_t>(vertex_kind::agency) + 1 == detail::vertex_kind_names.size());
constexpr std::size_t vertex_kind_count = detail::vertex_kind_names.size();

static_assert(static_cast<std::size_t>(edge_kind::states) + 1 == detail::edge_kind_names.size());

constexpr std::size_t slot(vertex_kind k) noexcept { return static_cast<std::size_t>(k); }

/// Vertex bundles store 32-bit indices (a plan has hundreds of elements, and the bundle
/// is copied by every algorithm); refuse rather than wrap around.
std::uint32_t narrow_index(std::size_t i) {
  if (i > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("plancmp::plan: more than 2^32 elements of one kind");
  return static_cast<std::uint32_t>(i);
}

/// The agency list of `measures`, keeping what `previous` knew (see plan::set_content).
std::vector<agency> collect_agencies(const std::vector<measure>& measures,
                                     const std::vector<agency>& previous) {
  // Sized up front: these maps are only looked up, never iterated, and growing them costs
  // a rehash and an allocation per doubling on every plan.
  std::unordered_map<std::string_view, const agency*> known;
  known.reserve(previous.size());
  for (const agency& a : previous) known.try_emplace(a.name, &a);

  std::vector<agency> result;
  std::unordered_map<std::string_view, std::size_t> seen;
  std::size_t mention_count = 0;
  for (const measure& m : measures) mention_count += m.lead.size() + m.support.size();
  seen.reserve(mention_count);
  std::vector<const agency_mention*> mentions;
  for (const measure& m : measures) {
    mentions.clear();
    for (const agency_mention& a : m.lead) mentions.push_back(&a);
    for (const agency_mention& a : m.support) mentions.push_back(&a);
    // A clause may name supporting units before the lead (`市教育局、市科技局配合,市知识产权局
    // 牵头`); first mention means first in the text. Stable: without spans, leads first.
    std::stable_sort(mentions.begin(), mentions.end(),
                     [](const agency_mention* x, const agency_mention* y) {
                       return x->where.begin < y->where.begin;
                     });
    for (const agency_mention* a : mentions) {
      if (!seen.try_emplace(a->name, result.size()).second) continue;
      const auto old = known.find(a->name);
      result.push_back(old != known.end() ? *old->second : agency{a->name, false, std::nullopt});
    }
  }
  return result;
}

/// Orders outline paths as std::vector's operator< does, and compares a path with a prefix
/// of another (a span over its first labels) without copying it.
struct path_less {
  using is_transparent = void;
  bool operator()(std::span<const std::string> a, std::span<const std::string> b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
  }
};
using section_path_index = std::map<std::vector<std::string>, std::size_t, path_less>;

/// The index of the entry with the longest path that is a proper prefix of `path`.
std::optional<std::size_t> deepest_proper_prefix(const section_path_index& by_path,
                                                 const std::vector<std::string>& path) {
  for (std::size_t n = path.size(); n-- > 1;) {
    if (const auto it = by_path.find(std::span<const std::string>(path.data(), n)); it != by_path.end())
      return it->second;
  }
  return std::nullopt;
}

template <typename T>
std::unordered_map<std::string_view, std::size_t> index_by_id(const std::vector<T>& elements) {
  std::unordered_map<std::string_view, std::size_t> result;
  result.reserve(elements.size());
  // try_emplace keeps the first of duplicated ids: the first one printed wins.
  for (std::size_t i = 0; i < elements.size(); ++i) result.try_emplace(elements[i].id, i);
  return result;
}

template <typename Map>
std::optional<std::size_t> lookup(const Map& map, std::string_view key) {
  const auto it = map.find(key);
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::string_view to_string(document_kind k) noexcept { return detail::enum_name(detail::document_kind_names, k); }
std::optional<document_kind> parse_document_kind(std::string_view name) noexcept {
  return detail::enum_from_name<document_kind>(detail::document_kind_names, name);
}

std::string_view to_string(vertex_kind k) noexcept {
  return detail::enum_name(detail::vertex_kind_names, k);
}
std::optional<vertex_kind> parse_vertex_kind(std::string_view name) noexcept {
  return detail::enum_from_name<vertex_kind>(detail::vertex_kind_names, name);
}
std::string_view to_string(edge_kind k) noexcept {
  return detail::enum_name(detail::edge_kind_names, k);
}
std::optional<edge_kind> parse_edge_kind(std::string_view name) noexcept {
  return detail::enum_from_name<edge_kind>(detail::edge_kind_names, name);
}

plan::plan(plan_content content) { set_content(std::move(content)); }

std::shared_ptr<const plan::graph_index> plan::empty_index() {
  static const std::shared_ptr<const graph_index> empty = index_of(plan_content{});
  return empty;
}

void plan::set_content(plan_content content) {
  // Build into the parameter and locals, and commit at the end: a throw (length_error,
  // bad_alloc) leaves the plan as it was rather than half-built.
  content.agencies = collect_agencies(content.measures, content.agencies);
  std::shared_ptr<const graph_index> index = index_of(content);
  content_ = std::move(content);
  index_ = std::move(index);
}

void plan::set_agency_resolution(std::size_t index, std::optional<agency_resolution> resolution,
                                 bool collective) {
  agency& a = content_.agencies.at(index);
  a.resolution = std::move(resolution);
  a.collective = collective;
}

std::shared_ptr<const plan::graph_index> plan::index_of(const plan_content& content) {
  const auto& sections = content.sections;
  const auto& measures = content.measures;
  const auto& goals = content.goals;
  const auto& boxes = content.boxes;
  const auto& tables = content.tables;
  const auto& annexes = content.annexes;
  const auto& targets = content.targets;
  const auto& agencies = content.agencies;
  auto built = std::make_shared<graph_index>();
  plan_graph& g = built->graph;
  std::vector<std::vector<plan_vertex>>& vertex_of = built->vertex_of;
  std::vector<std::vector<plan_vertex>>& item_vertex = built->box_item_vertex;
  vertex_of.resize(vertex_kind_count);
  item_vertex.resize(boxes.size());

  const auto add_vertex = [&g](vertex_kind vk, std::size_t index, std::size_t item = 0) {
    return boost::add_vertex(vertex_property{vk, narrow_index(index), narrow_index(item)}, g);
  };
  const auto add_all = [&](vertex_kind vk, std::size_t count) {
    auto& slots = vertex_of[slot(vk)];
    slots.reserve(count);
    for (std::size_t i = 0; i < count; ++i) slots.push_back(add_vertex(vk, i));
  };
  const auto add_edge = [&g](plan_vertex from, plan_vertex to, edge_kind ek) {
    boost::add_edge(from, to, edge_property{ek}, g);
  };

  // ---- vertices, in the documented order
  vertex_of[slot(vertex_kind::plan)].push_back(add_vertex(vertex_kind::plan, 0));
  add_all(vertex_kind::section, sections.size());
  add_all(vertex_kind::measure, measures.size());
  add_all(vertex_kind::goal, goals.size());
  add_all(vertex_kind::box, boxes.size());
  for (std::size_t b = 0; b < boxes.size(); ++b) {
    item_vertex[b].reserve(boxes[b].items.size());
    for (std::size_t i = 0; i < boxes[b].items.size(); ++i)
      item_vertex[b].push_back(add_vertex(vertex_kind::box_item, b, i));
  }
  add_all(vertex_kind::table, tables.size());
  add_all(vertex_kind::annex, annexes.size());
  add_all(vertex_kind::target, targets.size());
  add_all(vertex_kind::agency, agencies.size());

  const plan_vertex root = vertex_of[slot(vertex_kind::plan)][0];
  const auto& section_v = vertex_of[slot(vertex_kind::section)];
  const auto& measure_v = vertex_of[slot(vertex_kind::measure)];
  const auto& goal_v = vertex_of[slot(vertex_kind::goal)];

  // ---- contains: the outline tree
  section_path_index section_by_path;
  for (std::size_t i = 0; i < sections.size(); ++i) section_by_path.try_emplace(sections[i].path, i);
  const auto outline_parent = [&](const std::vector<std::string>& path) {
    const auto s = deepest_proper_prefix(section_by_path, path);
    return s ? section_v[*s] : root;
  };
  for (std::size_t i = 0; i < sections.size(); ++i)
    add_edge(outline_parent(sections[i].path), section_v[i], edge_kind::contains);
  for (std::size_t i = 0; i < measures.size(); ++i)
    add_edge(outline_parent(measures[i].path), measure_v[i], edge_kind::contains);
  for (std::size_t i = 0; i < goals.size(); ++i)
    add_edge(outline_parent(goals[i].path), goal_v[i], edge_kind::contains);

  const auto section_by_id = index_by_id(sections);
  const auto annex_by_id = index_by_id(annexes);
  for (std::size_t b = 0; b < boxes.size(); ++b) {
    const auto s = lookup(section_by_id, boxes[b].parent);
    const plan_vertex box_v = vertex_of[slot(vertex_kind::box)][b];
    add_edge(s ? section_v[*s] : root, box_v, edge_kind::contains);
    for (const plan_vertex item : item_vertex[b]) add_edge(box_v, item, edge_kind::contains);
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    plan_vertex parent = root;
    if (const auto s = lookup(section_by_id, tables[t].parent))
      parent = section_v[*s];
    else if (const auto a = lookup(annex_by_id, tables[t].parent))
      parent = vertex_of[slot(vertex_kind::annex)][*a];
    add_edge(parent, vertex_of[slot(vertex_kind::table)][t], edge_kind::contains);
  }
  for (const plan_vertex a : vertex_of[slot(vertex_kind::annex)])
    add_edge(root, a, edge_kind::contains);

  // ---- lead / support: agency → measure, once per (agency, measure, role)
  std::unordered_map<std::string_view, std::size_t> agency_by_name;
  agency_by_name.reserve(agencies.size());
  for (std::size_t i = 0; i < agencies.size(); ++i) agency_by_name.try_emplace(agencies[i].name, i);
  const auto& agency_v = vertex_of[slot(vertex_kind::agency)];
  std::vector<std::size_t> linked;
  for (std::size_t m = 0; m < measures.size(); ++m) {
    for (const auto& [mentions, ek] : {std::pair{&measures[m].lead, edge_kind::lead},
                                         std::pair{&measures[m].support, edge_kind::support}}) {
      linked.clear();
      for (const agency_mention& mention : *mentions) {
        const std::size_t a = agency_by_name.at(mention.name);  // collect_agencies saw it
        if (std::find(linked.begin(), linked.end(), a) != linked.end()) continue;
        linked.push_back(a);
        add_edge(agency_v[a], measure_v[m], ek);
      }
    }
  }

  // ---- restates: box item → measure
  const auto measure_by_id = index_by_id(measures);
  for (std::size_t b = 0; b < boxes.size(); ++b)
    for (std::size_t i = 0; i < boxes[b].items.size(); ++i)
      if (const auto& r = boxes[b].items[i].restates)
        if (const auto m = lookup(measure_by_id, *r))
          add_edge(item_vertex[b][i], measure_v[*m], edge_kind::restates);

  // ---- states: goal or measure → target
  const auto goal_by_id = index_by_id(goals);
  for (std::size_t t = 0; t < targets.size(); ++t) {
    std::optional<plan_vertex> owner;
    if (const auto m = lookup(measure_by_id, targets[t].owner))
      owner = measure_v[*m];
    else if (const auto gl = lookup(goal_by_id, targets[t].owner))
      owner = goal_v[*gl];
    if (owner) add_edge(*owner, vertex_of[slot(vertex_kind::target)][t], edge_kind::states);
  }

  return built;
}

std::optional<plan_vertex> plan::vertex(vertex_kind of, std::size_t index, std::size_t item) const {
  if (of == vertex_kind::box_item) {
    const auto& items = index_->box_item_vertex;
    if (index < items.size() && item < items[index].size()) return items[index][item];
    return std::nullopt;
  }
  const auto& vertex_of = index_->vertex_of;
  const std::size_t k = slot(of);
  if (k < vertex_of.size() && index < vertex_of[k].size()) return vertex_of[k][index];
  return std::nullopt;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& elements, std::string_view id) noexcept {
  const auto it =
      std::find_if(elements.begin(), elements.end(), [id](const T& e) { return e.id == id; });
  return it == elements.end() ? nullptr : &*it;
}

bool role_matches(edge_kind kind, std::optional<role> part) noexcept {
  if (kind != edge_kind::lead && kind != edge_kind::support) return false;
  if (!part) return true;
  return (*part == role::lead) == (kind == edge_kind::lead);
}

std::vector<std::size_t> sorted_unique(std::vector<std::size_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}
}  // namespace

const measure* plan_content::find_measure(std::string_view id) const noexcept {
  return find_by_id(measures, id);
}
const goal* plan_content::find_goal(std::string_view id) const noexcept { return find_by_id(goals, id); }
const section* plan_content::find_section(std::string_view id) const noexcept {
  return find_by_id(sections, id);
}

const measure* plan::find_measure(std::string_view id) const noexcept {
  return content_.find_measure(id);
}
const goal* plan::find_goal(std::string_view id) const noexcept { return content_.find_goal(id); }
const section* plan::find_section(std::string_view id) const noexcept {
  return content_.find_section(id);
}

std::optional<std::size_t> plan::agency_index(std::string_view printed_name) const noexcept {
  const std::vector<agency>& agencies = content_.agencies;
  for (std::size_t i = 0; i < agencies.size(); ++i)
    if (agencies[i].name == printed_name) return i;
  return std::nullopt;
}

std::vector<std::size_t> plan::measures_of(std::size_t agency_idx, std::optional<role> part) const {
  std::vector<std::size_t> result;
  const auto v = vertex(vertex_kind::agency, agency_idx);
  if (!v) return result;
  for (const auto e : boost::make_iterator_range(boost::out_edges(*v, graph()))) {
    const vertex_property& to = graph()[boost::target(e, graph())];
    if (role_matches(graph()[e].kind, part) && to.kind == vertex_kind::measure)
      result.push_back(to.index);
  }
  return sorted_unique(std::move(result));
}

std::vector<std::size_t> plan::agencies_of(std::size_t measure_idx, std::optional<role> part) const {
  std::vector<std::size_t> result;
  const auto v = vertex(vertex_kind::measure, measure_idx);
  if (!v) return result;
  for (const auto e : boost::make_iterator_range(boost::in_edges(*v, graph()))) {
    const vertex_property& from = graph()[boost::source(e, graph())];
    if (role_matches(graph()[e].kind, part) && from.kind == vertex_kind::agency)
      result.push_back(from.index);
  }
  return sorted_unique(std::move(result));
}

std::vector<std::size_t> plan::measures_in(std::size_t section_idx) const {
  std::vector<std::size_t> result;
  const auto start = vertex(vertex_kind::section, section_idx);
  if (!start) return result;
  // The contains edges form a tree, so a plain stack walk visits each vertex once.
  std::vector<plan_vertex> stack{*start};
  while (!stack.empty()) {
    const plan_vertex v = stack.back();
    stack.pop_back();
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, graph()))) {
      if (graph()[e].kind != edge_kind::contains) continue;
      const plan_vertex child = boost::target(e, graph());
      if (graph()[child].kind == vertex_kind::measure) result.push_back(graph()[child].index);
      stack.push_back(child);
    }
  }
  return sorted_unique(std::move(result));
}

std::vector<std::size_t> plan::targets_of(vertex_kind owner_kind, std::size_t owner) const {
  std::vector<std::size_t> result;
  if (owner_kind != vertex_kind::goal && owner_kind != vertex_kind::measure) return result;
  const auto v = vertex(owner_kind, owner);
  if (!v) return result;
  for (const auto e : boost::make_iterator_range(boost::out_edges(*v, graph())))
    if (graph()[e].kind == edge_kind::states) result.push_back(graph()[boost::target(e, graph())].index);
  return sorted_unique(std::move(result));
}

namespace {
// Every public data member in declaration order, then the content; the graph is derived
// and left out.
auto public_data(const plan& p) {
  return std::tie(p.source, p.kind, p.title, p.title_span, p.notice_title, p.issuing_jurisdiction, p.issuer,
                  p.issued, p.issued_text, p.doc_number, p.draft, p.first_listed_leads, p.cover, p.body,
                  p.preamble, p.preamble_span, p.diagnostics, p.content());
}
}  // namespace

bool operator==(const plan& a, const plan& b) { return public_data(a) == public_data(b); }

}  // namespace plancmp::inline v0
