// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0 {

/// Where a keyword may match relative to the words of the text (see `docs/coverage.md`).
enum class keyword_boundary {
  automatic,  ///< `word` for keywords of one or two characters, `any` for longer ones
  word,       ///< must start and end on word boundaries (印度 does not fire in 印度尼西亚)
  any,        ///< anywhere, also inside a longer word
  prefix,     ///< must start on a word boundary, may end inside a word (quanteda `专利*`)
  suffix,     ///< may start inside a word, must end on a word boundary (quanteda `*专利`)
};

/// "automatic", "word", "any", "prefix", "suffix"; parse_keyword_boundary is its inverse.
[[nodiscard]] std::string_view to_string(keyword_boundary b) noexcept;
[[nodiscard]] std::optional<keyword_boundary> parse_keyword_boundary(std::string_view name) noexcept;

/// A keyword or phrase of a theme, in simplified script.
struct keyword {
  std::string phrase;
  double weight = 1.0;  ///< added to the theme's score for each distinct match
  keyword_boundary boundary = keyword_boundary::automatic;
  /// Counts only with an anchor: when one of the theme's other (not anchored) keywords
  /// matches in the same unit or in one of the unit's own section headings (`anchored` in
  /// JSON: 品牌 is IP only beside 商标/专利/知识产权 or under a 知识产权 heading).
  bool anchored = false;
  friend bool operator==(const keyword&, const keyword&) = default;
};

/// One theme (编码类目) of a coding scheme: a node of its tree.
struct theme {
  std::string id;           ///< unique in the scheme, snake_case, e.g. "creation"
  std::string zh;           ///< Chinese name, e.g. "创造"
  std::string en;           ///< English name, e.g. "creation"
  std::string description;
  std::vector<keyword> keywords;
  /// Phrases that veto a match of this theme's keywords lying inside them
  /// (保护 does not count as IP protection inside 生态保护).
  std::vector<std::string> exclude;
  std::optional<std::size_t> parent;  ///< index in `coding_scheme::themes`
  std::vector<std::size_t> children;  ///< indices, in file order
  int depth = 0;                      ///< 0 for top-level themes
  friend bool operator==(const theme&, const theme&) = default;
};

/// A coding scheme (编码体系): a tree of themes with keywords, read from data.
///
/// Themes are stored in pre-order (a parent before its children, siblings in file order),
/// so `themes[i].parent < i`. A unit is labelled with a theme when the weighted matches of
/// the theme's own keywords and those of its descendants reach `min_score`.
///
///     const auto& s = plancmp::coding_scheme::builtin("ip_value_chain");
///     s.themes[*s.find("protection")].zh == "保护";
struct coding_scheme {
  std::string id;           ///< e.g. "ip_value_chain"
  std::string version;
  std::string zh;           ///< Chinese name
  std::string en;           ///< English name
  std::string description;
  std::string origin;       ///< file it was read from ("builtin:…" for built-in schemes)
  double min_score = 1.0;   ///< score a theme needs to label a unit
  double title_weight = 2.0;  ///< multiplier for matches inside a unit's run-in title
  /// A theme named only in a unit's run-in title (before its first 。) does not label the
  /// unit when the text after the title gives evidence of other themes (a measure titled
  /// 加强知识产权保护 whose text is all IP finance is not a protection measure); a one-sentence
  /// unit, or one whose text names no theme, keeps its title's evidence. Default false.
  bool title_needs_body = false;
  /// Ids of themes whose keywords are not evidence inside a cited document's title (《…》):
  /// the title names the document the measure makes or applies, not its instrument
  /// (工作站 in 《知识产权保护工作站建站及管理规范》 is not a platform built). Descendants too.
  std::vector<std::string> not_in_cited_titles;
  std::vector<theme> themes;
  /// Phrases that are never evidence for any theme of the scheme: a keyword match lying
  /// inside (or overlapping) one does not count (服务业, 高质量发展, rhetorical lists such as
  /// 创造、运用、保护、管理和服务).
  std::vector<std::string> mask;
  /// Agency names of the agency ontology (and the plan's own place name) are never
  /// evidence: 管理 inside 市场监督管理局 is not management. Default true.
  bool mask_agencies = true;
  /// Ontology ids whose names stay content when `mask_agencies` is on (courts, customs:
  /// 知识产权法庭 is a protection measure, not a responsible agency).
  std::vector<std::string> agencies_as_content;
  /// Domain gate: a unit gets themes of this scheme only when the built-in scheme
  /// `gate_scheme` labels it with `gate_theme` (the IP value chain applies to units about
  /// intellectual property only). Empty: no gate.
  std::string gate_scheme;
  std::string gate_theme;
  /// In a plan whose title is outside the gate's domain (a data-zone plan listing
  /// 知识产权保护 among other fields), only the sentences naming the gate's evidence count:
  /// the unit gets the stage named and no more (`"outside_domain": "sentence"`).
  bool gate_sentences_outside_domain = false;
  /// A unit that passes the gate (every unit, without a gate) and reaches no theme gets
  /// this one (by default, with the gate's evidence). Empty: none.
  std::string default_theme;

  /// Index of the theme with this id.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view theme_id) const noexcept;
  /// Indices of the top-level themes, in order.
  [[nodiscard]] std::vector<std::size_t> top_level() const;
  /// Indices of the themes without children, in order.
  [[nodiscard]] std::vector<std::size_t> leaves() const;
  /// The top-level ancestor of a theme (itself when top-level).
  [[nodiscard]] std::size_t root_of(std::size_t theme) const;
  /// "创造 creation" style display name.
  [[nodiscard]] std::string display_name(std::size_t theme) const;

  /// Reads the JSON format `plancmp.coding_scheme/1` (docs/coverage.md). Throws
  /// `schema_error` naming `origin` and the JSON Pointer of the offending value. Keywords
  /// in traditional script are converted to simplified.
  [[nodiscard]] static coding_scheme from_json(std::string_view json, const std::string& origin);
  /// Reads a quanteda-style YAML dictionary (nested keys → lists of patterns; a trailing or
  /// leading `*` relaxes the word boundary on that side). `id` names the scheme. Throws
  /// `schema_error` naming `origin`, line and column.
  [[nodiscard]] static coding_scheme from_yaml(std::string_view yaml, const std::string& origin,
                                               std::string id = {});
  /// Reads a file: `.yml`/`.yaml` as a quanteda dictionary, anything else as JSON.
  [[nodiscard]] static coding_scheme from_file(const std::string& path);
  /// A built-in scheme (data/scheme_<id>.json): ip_value_chain, ip_objects, policy_tools,
  /// protection_channels. Throws `usage_error` naming the known ids.
  [[nodiscard]] static const coding_scheme& builtin(std::string_view id);
  /// Ids of the built-in schemes, sorted.
  [[nodiscard]] static std::vector<std::string> builtin_ids();
  /// A built-in id, else a file path.
  [[nodiscard]] static coding_scheme load(const std::string& id_or_path);

  friend bool operator==(const coding_scheme&, const coding_scheme&) = default;
};

}  // namespace plancmp::inline v0
