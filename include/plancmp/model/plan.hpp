// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/diagnostic.hpp>
#include <plancmp/model/jurisdiction.hpp>
#include <plancmp/model/outline.hpp>
#include <plancmp/model/responsibility.hpp>
#include <plancmp/model/target.hpp>
#include <plancmp/span.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0 {

/// Kinds of vertices in a plan graph; each indexes one of the plan's typed vectors.
enum class vertex_kind { plan, section, measure, goal, box, box_item, table, annex, target, agency };
/// Kinds of edges: `contains` (outline tree, plan → section → measure …), `lead` and
/// `support` (agency → measure), `restates` (box item → measure), `states`
/// (goal/measure → target).
enum class edge_kind { contains, lead, support, restates, states };

/// "plan", "section", "measure", "goal", "box", "box_item", "table", "annex", "target",
/// "agency"; parse_vertex_kind is its inverse (nullopt for other text).
[[nodiscard]] std::string_view to_string(vertex_kind k) noexcept;
[[nodiscard]] std::optional<vertex_kind> parse_vertex_kind(std::string_view name) noexcept;
/// "contains", "lead", "support", "restates", "states"; parse_edge_kind is its inverse.
[[nodiscard]] std::string_view to_string(edge_kind k) noexcept;
[[nodiscard]] std::optional<edge_kind> parse_edge_kind(std::string_view name) noexcept;

/// What a file is (document kind): a plan of numbered or topic-led tasks (规划, 方案, 意见,
/// 计划, a notice that sets tasks), a regulation in articles (`第X条`: 条例, 办法), a notice
/// with no tasks of its own, a question-and-answer page, or something else.
enum class document_kind { plan, regulation, notice, qa, other };
/// "plan", "regulation", "notice", "qa", "other"; parse_document_kind is its inverse.
[[nodiscard]] std::string_view to_string(document_kind k) noexcept;
[[nodiscard]] std::optional<document_kind> parse_document_kind(std::string_view name) noexcept;

/// Vertex bundle: which element of the plan the vertex stands for.
struct vertex_property {
  vertex_kind kind = vertex_kind::plan;
  std::uint32_t index = 0;  ///< into the plan's vector of that kind (boxes for box items)
  std::uint32_t item = 0;   ///< for box items: the item's index within its box
};
/// Edge bundle.
struct edge_property {
  edge_kind kind = edge_kind::contains;
};

/// The plan graph: every Boost.Graph algorithm runs on it directly.
using plan_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         vertex_property, edge_property>;
using plan_vertex = plan_graph::vertex_descriptor;

/// Where a plan's text came from.
struct source_info {
  std::string path;
  std::string sha256;        ///< of the original bytes, lowercase hex
  std::string encoding;      ///< "utf-8", "gb18030", …
  std::string script;        ///< "simplified", "traditional", …
  std::uint64_t bytes = 0;
  friend bool operator==(const source_info&, const source_info&) = default;
};

/// A document number (文号) such as 衡政办字〔2022〕27号.
struct document_number {
  std::string printed;   ///< as printed, e.g. "知战办发2020〕3号"
  std::string repaired;  ///< with both brackets, e.g. "知战办发〔2020〕3号"
  span where;
  friend bool operator==(const document_number&, const document_number&) = default;
};

/// What a plan says, as typed vectors: everything its graph (`plan::graph`) is built from.
/// A plain aggregate to fill or edit freely; a `plan` takes it whole with `set_content`.
struct plan_content {
  std::vector<section> sections;
  std::vector<measure> measures;
  std::vector<goal> goals;
  std::vector<box> boxes;
  std::vector<table_block> tables;
  std::vector<annex> annexes;
  std::vector<target> targets;
  /// Distinct printed names, in order of first mention. `plan::set_content` derives the
  /// list from the measures; what an entry here contributes is its `collective` flag and
  /// `resolution`, kept for the agency of the same name.
  std::vector<agency> agencies;

  /// The first element with this id; nullptr when there is none. (`plan::find_measure` and
  /// the others answer the same for a plan's content.)
  [[nodiscard]] const measure* find_measure(std::string_view id) const noexcept;
  [[nodiscard]] const goal* find_goal(std::string_view id) const noexcept;
  [[nodiscard]] const section* find_section(std::string_view id) const noexcept;
  friend bool operator==(const plan_content&, const plan_content&) = default;
};

/// A plan (规划 / 实施方案 / 推进计划 / 实施意见) as a graph of typed elements.
///
/// The typed vectors (`sections()`, `measures()`, … `agencies()`, together `content()`)
/// are read-only; `graph()` links them (outline tree, responsibilities, restatements,
/// targets) and is built whenever they are set, so it cannot go stale. The metadata
/// (title, issuer, dates, spans …) and the diagnostics are plain public fields. To edit
/// the content, copy it out, change the copy and set it back:
///
///     plancmp::plan_content c = p.content();
///     c.measures.pop_back();
///     p.set_content(std::move(c));  // rebuilds the graph and the agency list
///
/// Typed accessors answer the usual questions without descriptors:
///
///     for (const measure& m : p.measures())
///       for (const agency_mention& a : m.lead) fmt::print("{} leads {}\n", a.name, m.id);
///     auto led = p.measures_of(p.agency_index("市市场监督管理局").value(), role::lead);
class plan {
 public:
  /// A plan without content: its graph has the plan vertex alone.
  plan() = default;
  /// A plan with this content (see `set_content`) and empty metadata.
  explicit plan(plan_content content);

  // ---- metadata
  source_info source;
  document_kind kind = document_kind::plan;  ///< what the file is; only plans have measures
  std::string title;                       ///< the plan's own title, as printed
  span title_span;
  std::string notice_title;                ///< the cover notice's title (…的通知 / 函), if any
  jurisdiction issuing_jurisdiction;
  std::string issuer;                      ///< issuing office, as printed
  std::optional<date> issued;
  std::string issued_text;                 ///< the date as printed
  std::optional<document_number> doc_number;
  bool draft = false;                      ///< 征求意见稿
  bool first_listed_leads = false;         ///< the document states that the first listed unit leads
  span cover;                              ///< the cover notice (empty if none)
  span body;                               ///< the plan body
  std::string preamble;                    ///< body text before the first section, as printed
  span preamble_span;
  std::vector<diagnostic> diagnostics;

  // ---- content (read-only; set with set_content)
  [[nodiscard]] const plan_content& content() const noexcept { return content_; }
  [[nodiscard]] const std::vector<section>& sections() const noexcept { return content_.sections; }
  [[nodiscard]] const std::vector<measure>& measures() const noexcept { return content_.measures; }
  [[nodiscard]] const std::vector<goal>& goals() const noexcept { return content_.goals; }
  [[nodiscard]] const std::vector<box>& boxes() const noexcept { return content_.boxes; }
  [[nodiscard]] const std::vector<table_block>& tables() const noexcept { return content_.tables; }
  [[nodiscard]] const std::vector<annex>& annexes() const noexcept { return content_.annexes; }
  [[nodiscard]] const std::vector<target>& targets() const noexcept { return content_.targets; }
  /// Distinct printed names of the measures' lead and support units, in order of first mention.
  [[nodiscard]] const std::vector<agency>& agencies() const noexcept { return content_.agencies; }

  /// Replaces the content and builds the graph and the agency list from it.
  ///
  /// `agencies()` becomes the distinct printed names of all measures' lead and support
  /// mentions, in order of first mention (measures in order, each measure's mentions by
  /// span); an agency in `content.agencies` under the same name keeps its `collective`
  /// flag and `resolution`, so editing a copy of `content()` loses no resolution, and
  /// other entries there are dropped.
  ///
  /// Vertices are numbered in a fixed order: the plan (0), then sections, measures,
  /// goals, boxes, box items (box by box), tables, annexes, targets, agencies, each in
  /// vector order. `contains` edges follow the outline: a section hangs from the
  /// section whose path is its path minus the last element (else the deepest section
  /// whose path is a prefix of it, else the plan); measures and goals from the deepest
  /// section whose path is a proper prefix of theirs (else the plan); boxes and tables
  /// from the section (tables also: annex) named by `parent` (else the plan); box items
  /// from their box; annexes from the plan. `lead`/`support` edges run agency → measure
  /// (one per agency, measure and role), `restates` box item → measure (by id), `states`
  /// goal or measure → target (by `target.owner`; a measure id wins over a goal id).
  /// References to ids that do not exist make no edge.
  ///
  /// Throws `std::length_error` for more than 2^32 elements of one kind; the plan is then
  /// unchanged.
  void set_content(plan_content content);

  /// Records what resolving agency `index` (into `agencies()`) found: its `resolution`
  /// and whether it is a collective body. The graph depends on the agencies' names
  /// alone, which this leaves as they are, so it needs no rebuild. Throws
  /// `std::out_of_range` for an index past the list.
  void set_agency_resolution(std::size_t index, std::optional<agency_resolution> resolution,
                             bool collective);

  [[nodiscard]] const plan_graph& graph() const noexcept { return index_->graph; }
  /// The vertex standing for an element (the plan itself: kind plan, index 0; a box
  /// item: kind box_item, index of its box, `item` its index in the box); nullopt when
  /// there is none (index out of range).
  [[nodiscard]] std::optional<plan_vertex> vertex(vertex_kind kind, std::size_t index,
                                                  std::size_t item = 0) const;

  [[nodiscard]] const measure* find_measure(std::string_view id) const noexcept;
  [[nodiscard]] const goal* find_goal(std::string_view id) const noexcept;
  [[nodiscard]] const section* find_section(std::string_view id) const noexcept;
  [[nodiscard]] std::optional<std::size_t> agency_index(std::string_view printed_name) const noexcept;

  // The four queries below walk the graph and return indices in increasing order, each
  // once; an index that names no vertex yields an empty list.

  /// Indices of the measures an agency leads or supports (`part` unset: either).
  [[nodiscard]] std::vector<std::size_t> measures_of(std::size_t agency,
                                                     std::optional<role> part = {}) const;
  /// Indices of the agencies of a measure (`part` unset: lead and support).
  [[nodiscard]] std::vector<std::size_t> agencies_of(std::size_t measure,
                                                     std::optional<role> part = {}) const;
  /// Indices of the measures under a section (at any depth), in document order.
  [[nodiscard]] std::vector<std::size_t> measures_in(std::size_t section) const;
  /// Indices of the targets a goal or measure states.
  [[nodiscard]] std::vector<std::size_t> targets_of(vertex_kind owner_kind, std::size_t owner) const;

  /// Compares the metadata, the diagnostics and the content, not the graph, which is
  /// derived from the content.
  friend bool operator==(const plan& a, const plan& b);

 private:
  /// The graph and the vertex of each element, built together from the content.
  struct graph_index {
    plan_graph graph;
    std::vector<std::vector<plan_vertex>> vertex_of;  ///< per vertex_kind, per index
    std::vector<std::vector<plan_vertex>> box_item_vertex;
  };
  [[nodiscard]] static std::shared_ptr<const graph_index> index_of(const plan_content& content);
  [[nodiscard]] static std::shared_ptr<const graph_index> empty_index();

  plan_content content_;
  /// Immutable once built, so copies of a plan share it. (Boost 1.74's adjacency_list has
  /// no move operations and its swap() makes three copies: held by value, every plan
  /// returned or moved would copy its whole graph.)
  std::shared_ptr<const graph_index> index_ = empty_index();
};

}  // namespace plancmp::inline v0
