// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/jurisdiction.hpp>
#include <plancmp/model/responsibility.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plancmp::inline v0 {

class plan;

/// How a printed name matched the ontology (`agency_resolution::match`). When several
/// apply, the first of this list wins: `predecessor`, `traditional`, `place_name`,
/// `short_form`, `exact`.
namespace match_kind {
inline constexpr std::string_view exact = "exact";  ///< a full alias, e.g. 市市场监督管理局
inline constexpr std::string_view short_form = "short_form";  ///< a short alias, e.g. 市市场监管局
inline constexpr std::string_view traditional =
    "traditional";  ///< matched after t2s, e.g. 省市場監管局
inline constexpr std::string_view place_name =
    "place_name";  ///< another place's name before it, e.g. 蘭州海關
inline constexpr std::string_view predecessor =
    "predecessor";  ///< a pre-reform name, e.g. 市知识产权局
}  // namespace match_kind

/// One step of an agency's history across an institutional reform (机构改革): the
/// agency on the other side, the year, and which duties moved.
struct agency_succession {
  std::string id;             ///< ontology id of the other agency
  int year = 0;               ///< reform year, e.g. 2018
  std::vector<level> levels;  ///< levels at which it happened; empty: all
  std::string duties;         ///< the duties that moved, e.g. "copyright, press and publication"
  friend bool operator==(const agency_succession&, const agency_succession&) = default;
};

/// A canonical functional agency (one entry of `data/agencies.json`). Names are stored
/// in simplified script without a level prefix: 市场监督管理局, not 市市场监督管理局.
struct agency_entry {
  std::string id;        ///< stable key, e.g. "market_regulation"
  std::string name_en;   ///< "Administration for Market Regulation"
  std::string name_zh;   ///< canonical Chinese name, e.g. 市场监督管理局
  std::string category;  ///< government, party, judicial, vertical, coordination, people_organization,
                         ///< collective
  std::vector<std::string> aliases;      ///< full names (the canonical name among them)
  std::vector<std::string> short_forms;  ///< short names: 市场监管局, 发改委 …
  std::vector<std::string> templates;    ///< names with a place inside: 人行{place}中心支行
  std::vector<std::string> prefixes;  ///< level prefixes it takes: 国家, 省, 市, 区, 县, 州, 市委 …
  bool collective = false;            ///< a group: 各成员单位, 各县市区政府 …
  bool place_named = false;  ///< may print another place's name first: 兰州海关, 滨湖新区管委会
  bool follows_agency = false;  ///< may follow the body it belongs to: 区知识产权工作领导小组各成员单位
  std::vector<agency_succession> predecessors;
  std::vector<agency_succession> successors;  ///< the first is followed when resolving
  std::string note;
  friend bool operator==(const agency_entry&, const agency_entry&) = default;
};

/// The full outcome of resolving one printed name: the resolution a plan stores, and
/// how it was found.
struct agency_match {
  std::string name;                             ///< as given
  std::string simplified;                       ///< normalized, in simplified script
  std::optional<agency_resolution> resolution;  ///< nullopt: not in the ontology
  std::string
      matched_id;     ///< entry whose name matched; differs from the canonical id for a predecessor
  std::string alias;  ///< the alias or template that matched (simplified)
  std::string place;  ///< place name printed before it, e.g. 衡水, 兰州; "" if none
  bool collective = false;
  bool traditional = false;   ///< printed in traditional script
  bool short_form = false;    ///< a short alias matched
  bool place_name = false;    ///< printed with a place other than the plan's own
  bool qualifier = false;     ///< a bracketed second name was set aside: 区委办(区委外办)
  bool after_reform = false;  ///< a predecessor's name printed in or after its reform year
  int reform_year = 0;        ///< for predecessors: year of the reform that replaced it
  std::string note;           ///< for people: the predecessor relation, or why nothing matched
  friend bool operator==(const agency_match&, const agency_match&) = default;
};

/// The agency ontology: canonical agencies with their aliases, level prefixes and
/// history, and a resolver from printed names to them (see docs/agencies.md).
///
///     const auto& o = plancmp::agency_ontology::builtin();
///     auto m = o.resolve("省市場監管局", {"甘肅省", plancmp::level::province, ""}, 2020);
///     // m.resolution->canonical == "market_regulation", admin_level == province,
///     // match == "traditional"
///     auto old = o.resolve("市知识产权局", {"宁波市", plancmp::level::city, ""}, 2017);
///     // canonical "market_regulation", match "predecessor", old.matched_id ==
///     // "intellectual_property_office", old.reform_year == 2018
///
/// A name is read as [place][level prefix][alias]: the longest alias that ends the name
/// wins, provided what precedes it is empty, one of the entry's level prefixes, the
/// plan's own place name (衡水, 甘肃省), or — for `place_named` entries — another place
/// name of two to four Han characters. Lookups hash the name's suffixes, so resolving
/// costs a few hash probes per character. Immutable once built; safe to share.
struct agency_resolution_summary;
struct resolve_agencies_options;
class agency_ontology {
 public:
  /// An empty ontology: resolves nothing.
  agency_ontology();

  /// The ontology embedded from data/agencies.json (parsed once, thread-safe).
  static const agency_ontology& builtin();

  /// Reads an ontology file (schema `plancmp.agencies/1`). Throws `schema_error` naming
  /// `origin` and the JSON path of the first problem: malformed JSON, a wrong schema, a
  /// missing or mistyped key, an unknown level, a duplicate id, an alias claimed by two
  /// entries, a history entry naming an unknown id, a cycle of successors.
  static agency_ontology from_json(std::string_view json, const std::string& origin = "<json>");

  /// Adds the entries of another ontology file: an entry with a new id is appended; an
  /// entry with a known id replaces it, or with `"extend": true` adds its aliases, short
  /// forms, templates, prefixes and history to it. An alias of the new file that an
  /// older entry also claims moves to the new entry. Level prefixes, prefix sets and
  /// confidences of the file are added too. Throws like `from_json`; on error the
  /// ontology is unchanged.
  ///
  ///     auto o = plancmp::agency_ontology::builtin();
  ///     o.merge_json(plancmp::read_file("my_agencies.json"), "my_agencies.json");
  void merge_json(std::string_view json, const std::string& origin = "<json>");
  /// `merge_json` on a file's contents.
  void merge_file(const std::string& path);

  /// Data version of the ontology (`version` of the file; merged files append theirs).
  [[nodiscard]] const std::string& version() const noexcept { return version_; }
  /// All entries, in file order (merged entries after the built-in ones).
  [[nodiscard]] const std::vector<agency_entry>& entries() const noexcept { return entries_; }
  /// The entry with this id; nullptr if none.
  [[nodiscard]] const agency_entry* find(std::string_view id) const noexcept;
  /// The position of the entry with this id in `entries()` (a stable sort key).
  [[nodiscard]] std::optional<std::size_t> position(std::string_view id) const noexcept;

  /// Resolves a name as printed in a plan of jurisdiction `where` issued in `year`
  /// (0: unknown). The canonical id is that of the current agency: a predecessor's name
  /// follows its successors (the first listed, at the levels the reform applied to).
  /// The level comes from the name's level prefix (省 → province, 区委 → district), else
  /// from its place (衡水市 → city), else from the plan's jurisdiction. An unknown name
  /// yields `resolution == nullopt` and a `note` saying why — never a guess.
  [[nodiscard]] agency_match resolve(std::string_view printed_name, const jurisdiction& where = {},
                                     int year = 0) const;

 private:
  friend agency_resolution_summary resolve_agencies(plan&, const agency_ontology&,
                                                    const resolve_agencies_options&);
  /// The plan's own place as the resolver strips it (甘肃省 and 甘肃): the same for every
  /// name of one plan, so resolve_agencies prepares it once.
  [[nodiscard]] std::vector<std::string> place_stems(const jurisdiction& where) const;
  [[nodiscard]] agency_match resolve(std::string_view printed_name, const jurisdiction& where, int year,
                                     const std::vector<std::string>& stems) const;

  struct alias_target {
    std::size_t entry = 0;
    bool short_form = false;
  };
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  struct core_match;

  void rebuild_index();
  [[nodiscard]] std::optional<core_match> match_core(std::string_view name, const jurisdiction& where,
                                                     const std::vector<std::string>& stems,
                                                     int depth) const;
  /// Whether `s` may be a place's name: 2–4 Han characters, not opening with a word that
  /// counts or points (not_place_openers: 各县 is every county).
  [[nodiscard]] bool place_name_like(std::string_view s) const;
  [[nodiscard]] std::optional<core_match> accept(std::string_view remainder, std::size_t entry,
                                                 const jurisdiction& where,
                                                 const std::vector<std::string>& stems,
                                                 int depth) const;

  std::string version_;
  std::vector<agency_entry> entries_;
  std::vector<int> rank_;  ///< per entry: 0 built from the first file, n from the n-th merge
  std::map<std::string, level, std::less<>> level_prefixes_;
  std::map<std::string, std::vector<std::string>, std::less<>> prefix_sets_;
  std::vector<std::string> place_suffixes_;
  std::vector<std::string> not_place_openers_;  ///< 各, 有关 …: 各县政府 names no place 各县
  std::map<std::string, double, std::less<>> confidence_;
  std::unordered_map<std::string, alias_target, string_hash, std::equal_to<>> alias_index_;
  std::unordered_map<std::string, std::size_t, string_hash, std::equal_to<>> id_index_;
};

/// What `resolve_agencies` did to a plan.
struct agency_resolution_summary {
  std::size_t names = 0;  ///< agencies (distinct printed names)
  std::size_t resolved = 0;
  std::map<std::string, std::size_t> by_match;  ///< match kind → count
  std::vector<std::string> unresolved;          ///< names left unknown, in plan order
  friend bool operator==(const agency_resolution_summary&, const agency_resolution_summary&) = default;
};

struct resolve_agencies_options {
  /// Maps a byte offset of the original file to its 1-based line, for the diagnostics of
  /// unresolved names; unset: line 0 (unknown). The parser sets it.
  std::function<std::uint32_t(std::uint64_t)> line_of;
};

/// Resolves every agency of a plan against an ontology (with the plan's jurisdiction and
/// issue year), storing `agency::resolution` and setting `collective` for collective
/// entries. Each name left unknown gets an `agency.unresolved` diagnostic at its first
/// mention, inserted in line order; running it again replaces those diagnostics. The
/// parser calls it on every plan (see `parse::parse_options::resolve_agencies`).
agency_resolution_summary resolve_agencies(plan& p,
                                           const agency_ontology& ontology = agency_ontology::builtin(),
                                           const resolve_agencies_options& options = {});

}  // namespace plancmp::inline v0
