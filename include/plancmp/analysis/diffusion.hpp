// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/analysis/local_alignment.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/jurisdiction.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

// ---------------------------------------------------------------- kinds

/// How a measure relates to its most plausible earlier source (政策扩散 policy diffusion):
/// `copied` (taken nearly whole), `adapted` (a real passage taken, changed around it),
/// `novel` (no earlier plan holds a passage of it beyond boilerplate).
enum class borrowing_grade { novel, adapted, copied };
/// "novel", "adapted", "copied"; parse_borrowing_grade is its inverse.
[[nodiscard]] std::string_view to_string(borrowing_grade g) noexcept;
[[nodiscard]] std::optional<borrowing_grade> parse_borrowing_grade(std::string_view name) noexcept;

/// Where a borrowing came from, by the two plans' levels and places: the same government's
/// earlier plan (`same_place`, 自我继承), a superior's plan (`from_above`, 上级), a
/// subordinate's (`from_below`), a peer at the same level in the same province, elsewhere,
/// or with a province the data does not give; `unknown` when a level is unknown.
enum class diffusion_relation {
  unknown,
  same_place,
  from_above,
  from_below,
  peer_same_province,
  peer_elsewhere,
  peer_province_unknown
};
/// "unknown", "same place", "from above", "from below", "peer, same province",
/// "peer, elsewhere", "peer, province unknown"; parse_diffusion_relation is its inverse.
[[nodiscard]] std::string_view to_string(diffusion_relation r) noexcept;
[[nodiscard]] std::optional<diffusion_relation> parse_diffusion_relation(std::string_view name) noexcept;

// ---------------------------------------------------------------- inputs

/// What diffusion needs to know about a plan: when it was issued and where.
struct diffusion_plan {
  std::string label;                ///< e.g. plan_label(p)
  std::optional<date> issued;       ///< undated plans are neither sources nor borrowers
  std::optional<int> period_start;  ///< first year of the plan period (breaks date ties)
  jurisdiction place;
  std::string province;             ///< simplified name, e.g. "浙江省"; empty: unknown
  friend bool operator==(const diffusion_plan&, const diffusion_plan&) = default;
};

/// The metadata of a parsed plan: label, issue date, period from the title (十四五 →
/// 2021, 2023-2025年 → 2023, 2020年… → 2020), jurisdiction and its province
/// (`province_of`).
[[nodiscard]] diffusion_plan diffusion_plan_of(const plan& p);

/// The first year of the plan period a title names (十三五 2016, 十四五 2021, 十五五 2026,
/// else the first year 2000–2099 printed in it); nullopt when it names none.
[[nodiscard]] std::optional<int> plan_period_start(std::string_view title);

/// The province (省 / 自治区 / 直辖市) of a jurisdiction, simplified script: the name itself
/// for a province, the province of a city or district named in data/places.json (a
/// district's city is read from the jurisdiction's evidence when its own name is not
/// listed); empty when the data does not say.
[[nodiscard]] std::string province_of(const jurisdiction& j);

/// How a borrowing of `target` from `source` runs (see diffusion_relation).
[[nodiscard]] diffusion_relation relation_between(const diffusion_plan& source, const diffusion_plan& target);

/// Whether `a` comes before `b`: earlier issue date, or on the same date (or the same
/// year when one date lacks month or day) an earlier plan period. Plans it cannot order
/// (a date missing, or a tie) are not sources of each other.
[[nodiscard]] bool precedes(const diffusion_plan& a, const diffusion_plan& b) noexcept;

struct diffusion_options {
  /// Candidate sources per measure: its `top_k` most similar measures of earlier plans
  /// (char 2–3-gram tf-idf cosine over the text with boilerplate removed, the pruned
  /// top-k of similarity.hpp), aligned only when their cosine is above `min_cosine`.
  std::size_t top_k = 5;
  double min_cosine = 0.1;
  /// A reused passage: at least `min_length` identical characters (boilerplate excluded)
  /// at identity ≥ `min_identity` (reuse_options' meaning).
  std::size_t min_length = 20;
  double min_identity = 0.6;
  /// A borrowing: the passages cover at least this share of the measure's characters
  /// (boilerplate excluded), or one passage is a near-verbatim quotation (identical
  /// characters at least `quotation_identity` of its columns, boilerplate columns left
  /// out) — a sentence taken whole into a longer measure.
  double min_coverage = 0.5;
  double quotation_identity = 0.9;
  /// A quotation counts only when its text is rare in the corpus: its character 8-grams
  /// (the median over the passage, boilerplate excluded) held by at most this many plans,
  /// the borrower and the source included. A sentence many plans say alike was most likely
  /// drawn by all of them from a common text (a central document, a formula), and which
  /// of them a plan took it from cannot be told. 0 turns the test off.
  std::size_t quotation_max_plans = 3;
  /// `copied` when the source's identical characters cover at least this share of the
  /// measure (boilerplate excluded, localized names counted as identical); else `adapted`.
  double copied_coverage = 0.9;
  alignment_scoring scoring;
  /// Boilerplate (公文套话): responsibility clauses, data/boilerplate.json, `boilerplate`,
  /// and runs of `frequent_length` characters found in more than `frequent_share` of the
  /// plans (counted on at most `frequent_sample` plans spread over the corpus; 0 plans or
  /// a share of 1 turn the test off). Only with at least `frequent_min_plans` plans.
  bool mask_clauses = true;
  bool builtin_boilerplate = true;
  std::vector<std::string> boilerplate;
  double frequent_share = 0.5;
  std::size_t frequent_length = 8;
  std::size_t frequent_sample = 500;
  std::size_t frequent_min_plans = 3;
  unsigned threads = 0;  ///< 0: all cores
  /// Attribute only the measure rows [first, second) (all measures of all plans in
  /// order, row = position in that list): candidates and alignment for those rows alone,
  /// against the whole corpus; the other rows are left novel. For partitioning a large
  /// corpus over processes (plancmp.dask): `merge_diffusion` of the parts covering every
  /// row equals the run over all rows. Unset: all rows.
  std::optional<std::pair<std::size_t, std::size_t>> rows;
};

/// One measure's text for `attribute_measures` on texts alone (benchmarks, other corpora).
struct measure_text {
  std::uint32_t plan = 0;  ///< index into the plans
  std::string id;
  std::string text;        ///< simplified script
};

// ---------------------------------------------------------------- results

/// A passage of the measure found in its source.
struct borrowed_passage {
  local_alignment alignment;  ///< a: the measure, b: the source (masked sequences)
  span where;                 ///< bytes of the passage in the measure's file (document input)
  span source_where;          ///< … in the source's file
  std::string text;           ///< as printed in the measure (texts input: the text)
  std::string source_text;
  friend bool operator==(const borrowed_passage&, const borrowed_passage&) = default;
};

/// A measure's most plausible source and how much it changed what it took.
struct measure_attribution {
  std::uint32_t plan = 0;
  std::uint32_t measure = 0;  ///< index into the plan's measures (texts input: its row)
  std::string id;
  borrowing_grade grade = borrowing_grade::novel;
  std::optional<std::uint32_t> source_plan;  ///< set unless novel
  std::uint32_t source_measure = 0;
  std::string source_id;
  diffusion_relation relation = diffusion_relation::unknown;
  std::size_t characters = 0;  ///< the measure's characters, boilerplate excluded
  std::size_t identical = 0;   ///< of those, aligned identically with the source
  double coverage = 0.0;       ///< identical / characters
  /// Reinvention (再创新): the share of the measure changed from its source,
  /// 1 − (identical + localized) / characters; 1 for a novel measure.
  double reinvention = 1.0;
  /// How it changed: names localized (place or level prefix substituted, e.g.
  /// "宁波市→衡水市", "市→区"), targets added (numbers not in the source), clauses of the
  /// source dropped (sentences with nothing aligned) and clauses added.
  std::vector<std::string> localized;
  std::size_t localized_characters = 0;
  std::size_t added_targets = 0;
  std::size_t dropped_clauses = 0;
  std::size_t added_clauses = 0;
  /// Earlier measures that passed the thresholds, the chosen one included. The source is
  /// the one with most identical characters, then the highest alignment score; on equal
  /// evidence (the same text held by several earlier plans) the nearest earlier plan, the
  /// likelier immediate source along a chain of copies.
  std::size_t plausible_sources = 0;
  std::vector<borrowed_passage> passages;
  friend bool operator==(const measure_attribution&, const measure_attribution&) = default;
};

/// Plan → plan: measures of `target` whose source is a measure of `source`.
struct diffusion_edge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  std::size_t copied = 0;
  std::size_t adapted = 0;
  diffusion_relation relation = diffusion_relation::unknown;
  [[nodiscard]] std::size_t measures() const noexcept { return copied + adapted; }
  friend bool operator==(const diffusion_edge&, const diffusion_edge&) = default;
};

/// Per plan: originality (share of novel measures) and influence (measures later plans
/// took from it, and how many plans took them).
struct plan_diffusion {
  std::size_t measures = 0;
  std::size_t novel = 0;
  std::size_t adapted = 0;
  std::size_t copied = 0;
  /// novel / measures; unset for an undated plan (its measures cannot be ordered) or one
  /// with no measures. The corpus's earliest plan is wholly novel by construction.
  std::optional<double> originality;
  std::size_t influence = 0;  ///< measures of later plans attributed to this plan
  std::size_t borrowers = 0;  ///< distinct later plans taking from it
  friend bool operator==(const plan_diffusion&, const plan_diffusion&) = default;
};

struct diffusion_result {
  std::vector<diffusion_plan> plans;
  std::vector<std::string> files;                 ///< per plan (document input)
  std::vector<measure_attribution> attributions;  ///< every measure, by plan then measure
  std::vector<diffusion_edge> edges;              ///< by source, then target
  std::vector<plan_diffusion> per_plan;
  std::vector<std::string> frequent_boilerplate;  ///< runs the corpus-frequency test found
  std::size_t candidate_pairs = 0;                ///< measure pairs aligned
  std::pair<std::size_t, std::size_t> rows;       ///< measure rows attributed (diffusion_options::rows)
};

/// The run over all rows from runs over blocks of rows (diffusion_options::rows) on the
/// same corpus and options: each row's attribution from the part that attributed it,
/// then edges and per-plan figures recomputed. Throws `usage_error` unless the parts'
/// rows tile the corpus's measure rows (in any order).
[[nodiscard]] diffusion_result merge_diffusion(std::span<const diffusion_result> parts);

/// The whole result as JSON and back (for shipping parts between processes, e.g. from
/// plancmp.dask workers): `diffusion_from_json(diffusion_to_json(d))` equals `d`. Throws
/// `usage_error` on JSON that is not such a result.
[[nodiscard]] std::string diffusion_to_json(const diffusion_result& d);
[[nodiscard]] diffusion_result diffusion_from_json(std::string_view json);

/// Directed attribution over a corpus of parsed plans: each measure's most plausible
/// source among earlier plans, with the reused spans in both files, graded copied /
/// adapted / novel, a reinvention score, and the edges between plans labelled by level
/// and place; spans are into each plan's own document. Same input, same output, whatever
/// the thread count.
///
///     auto sources = …;  // parse::read_source_plan for each file
///     auto d = plancmp::analysis::attribute_measures(sources);
///     for (const auto& a : d.attributions)
///       if (a.source_plan) fmt::print("{} ← {} {}\n", a.id, d.plans[*a.source_plan].label, a.source_id);
[[nodiscard]] diffusion_result attribute_measures(std::span<const source_plan> plans,
                                                  const diffusion_options& options = {});

/// The same on measure texts alone (no documents, no spans, no clauses to mask): for
/// benchmarks and corpora held as text. `measures` sorted by plan.
[[nodiscard]] diffusion_result attribute_measures(std::span<const diffusion_plan> plans,
                                                  std::span<const measure_text> measures,
                                                  const diffusion_options& options = {});

// ---------------------------------------------------------------- corpus views

/// One theme's (or instrument's) adoption over time: the plans carrying it, in order.
struct theme_adoption {
  std::string theme;  ///< theme id of the scheme
  std::string label;  ///< its label
  /// Adopting plans in time order (plans with no date left out), with the date and
  /// whether the plan took the theme's first measure from an earlier plan.
  struct adopter {
    std::uint32_t plan = 0;
    date issued;
    std::size_t measures = 0;  ///< measures carrying the theme
    std::size_t borrowed = 0;  ///< of those, attributed to an earlier plan
  };
  std::vector<adopter> adopters;
  std::size_t first_adopters = 0;  ///< adopters sharing the earliest year
  /// Cumulative adopters per year, from the first adoption to the last: (year, count).
  std::vector<std::pair<int, std::size_t>> curve;
};

/// Adoption timelines per theme of one coding scheme: `taggings[i]` tags plan i of the
/// result (analysis::tagger on the same plans, same order).
[[nodiscard]] std::vector<theme_adoption> adoption_timelines(const diffusion_result& d,
                                                             std::span<const plan_tagging> taggings,
                                                             const coding_scheme& scheme);

/// The same, tagging the plans (as given to attribute_measures) with `scheme` first.
[[nodiscard]] std::vector<theme_adoption> adoption_timelines(const diffusion_result& d,
                                                             std::span<const source_plan> plans,
                                                             const coding_scheme& scheme);

/// The plan diffusion network, edges weighted by borrowed measures, as GraphML
/// (yEd, networkx.read_graphml, UCINET through Gephi) and GEXF 1.3 (Gephi): nodes carry
/// label, level, place, province, date, originality and influence; edges weight,
/// copied, adapted and relation.
[[nodiscard]] std::string to_graphml(const diffusion_result& d);
[[nodiscard]] std::string to_gexf(const diffusion_result& d);
/// The same network in Graphviz DOT (left to right in time): plans that take part in an
/// edge, labelled with place and date; edges labelled with their weight and relation.
[[nodiscard]] std::string to_dot(const diffusion_result& d);


}  // namespace plancmp::inline v0::analysis
