// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/unit.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/diagnostic.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/tokenize.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

/// Why a unit carries a theme: one keyword match.
struct match_evidence {
  std::string keyword;   ///< the keyword as the scheme gives it (simplified)
  std::string printed;   ///< the matched text as printed (traditional plans: traditional)
  span where;            ///< bytes in the original file (tag_text: offsets into its text)
  bool in_title = false; ///< inside the unit's run-in title (counts `title_weight` times)
  friend bool operator==(const match_evidence&, const match_evidence&) = default;
};

/// One theme a unit is labelled with.
struct theme_label {
  std::size_t theme = 0;  ///< index in the scheme's themes
  double score = 0.0;     ///< weighted matches of the theme and its descendants
  std::vector<match_evidence> evidence;  ///< in text order; a parent holds its children's evidence
  /// The scheme's `default_theme`, given because no theme was reached: evidence is then the
  /// gate's (an IP unit with no stage-specific content is management), score 0.
  bool by_default = false;
  friend bool operator==(const theme_label&, const theme_label&) = default;
};

/// The labels of one measure or goal.
struct tagged_unit {
  unit_kind kind = unit_kind::measure;
  std::size_t index = 0;  ///< in plan::measures or plan::goals
  std::string id;         ///< the measure's or goal's id
  span where;             ///< the unit in the original bytes
  std::vector<theme_label> labels;  ///< in scheme order (pre-order)

  /// The label of a theme, if the unit has it.
  [[nodiscard]] const theme_label* find(std::size_t theme) const noexcept;
  /// The strongest label among themes at `depth` (0: top level): the highest score, then
  /// the earliest evidence, then scheme order. nullopt when there is none.
  [[nodiscard]] std::optional<std::size_t> primary(const coding_scheme& scheme, int depth = 0) const;
};

/// A plan tagged against one scheme.
struct plan_tagging {
  std::string plan;    ///< plan_label of the plan
  std::string scheme;  ///< the scheme's id
  std::vector<tagged_unit> measures;  ///< one per measure, in plan order
  std::vector<tagged_unit> goals;     ///< one per goal, in plan order
  /// `tagging.unlabelled` for each unit no theme reached (with why), `tagging.outside_gate`
  /// for each unit the scheme's gate kept out (not about intellectual property),
  /// `tagging.no_text` for units whose text could not be located in the document.
  std::vector<diagnostic> diagnostics;
};

/// Tags measures and goals with the themes of a coding scheme (multi-label, with evidence).
///
/// All keywords and exclusion phrases of the scheme are compiled into one Aho–Corasick
/// automaton and found in a single pass over each unit's simplified text, so traditional
/// plans match simplified keywords and evidence maps back to the original bytes. A keyword
/// whose boundary is `word` (by default: keywords of one or two characters) fires only on
/// word boundaries of the text layer's word tokenizer, or inside a domain-lexicon term
/// (保护 inside 司法保护) — not inside an unrelated word or a proper name of the lexicon's
/// `proper_names` group (印度 inside 印度尼西亚). A match
/// lying inside one of the theme's exclusion phrases does not count, and of nested matches
/// of one theme (专利 inside 发明专利) only the longest counts. A responsibility clause
/// closing a measure is not tagged (agency names are not content). With `mask_agencies`
/// (the default) the names of the agency ontology and the plan's own place name are never
/// evidence either, nor are the scheme's `mask` phrases. An `anchored` keyword counts only
/// when another keyword of its theme matches in the unit or in one of the unit's section
/// headings. A scheme with a `gate` labels only units the gate scheme labels with its
/// gate theme; a unit inside the gate that no theme reached gets `default_theme`.
///
///     plancmp::analysis::tagger t(plancmp::coding_scheme::builtin("ip_value_chain"));
///     auto doc = plancmp::text::read_document("seeds/002_e22083f13b5790bb.txt");
///     auto tags = t.tag(plancmp::parse::parse_document(doc), doc);
///
/// Immutable after construction; `tag` and `tag_text` are thread-safe.
class tagger {
 public:
  /// Uses the built-in word tokenizer and its lexicon (data/lexicon.json).
  explicit tagger(coding_scheme scheme);
  /// Uses `words` (which must outlive the tagger) and the lexicon terms it was built with:
  /// parts of `lexicon_terms` count as mentions, nothing fires inside `proper_names`.
  tagger(coding_scheme scheme, const text::word_tokenizer& words, std::vector<std::string> lexicon_terms,
         std::vector<std::string> proper_names = {});
  ~tagger();
  tagger(tagger&&) noexcept;
  tagger& operator=(tagger&&) noexcept;

  [[nodiscard]] const coding_scheme& scheme() const noexcept;

  /// Labels of a simplified text. Evidence spans are byte offsets into `text`; matches
  /// beginning before `title_end` count as title matches. `heading` is the text of the
  /// unit's section headings (anchors only, never evidence).
  [[nodiscard]] std::vector<theme_label> tag_text(std::string_view text, std::size_t title_end = 0,
                                                  std::string_view heading = {}) const;

  /// Tags every measure and goal of `p`, which was parsed from `doc`.
  [[nodiscard]] plan_tagging tag(const plan& p, const text::document& doc) const;

  /// Tags with several taggers at once (one result per tagger, in order): each unit is
  /// located once, and its word boundaries are computed once for all schemes.
  [[nodiscard]] static std::vector<plan_tagging> tag_all(std::span<const tagger* const> taggers, const plan& p,
                                                         const text::document& doc);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

/// Byte offset in `doc.simplified` of the character holding original byte `byte` (the end
/// of the simplified text past the last line).
[[nodiscard]] std::size_t simplified_offset_of(const text::document& doc, std::uint64_t byte) noexcept;

}  // namespace plancmp::inline v0::analysis
