// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/model/target.hpp>
#include <plancmp/text/document.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::parse {

/// A canonical indicator (指标) from `data/indicators.json`: the key that lets targets of
/// different plans be compared, whatever words each plan prints.
struct indicator {
  std::string key;                   ///< stable snake_case id, e.g. "invention_patents_per_10k"
  std::string name_en;               ///< "Invention patents per 10,000 people"
  std::string name_zh;               ///< "每万人口发明专利拥有量"
  std::string base_unit;             ///< unit of normalized values, e.g. "件", "元", "%"; "" for any
  std::vector<std::string> aliases;  ///< phrases that name it, simplified script
  friend bool operator==(const indicator&, const indicator&) = default;
};

/// The canonical indicators and their aliases: the built-in `data/indicators.json`,
/// optionally extended by the user's own file of the same schema.
///
///     auto catalog = parse::indicator_catalog::builtin();
///     catalog.merge(parse::indicator_catalog::from_file("my_indicators.json"));
///     catalog.match("全市有效发明专利拥有量") == "effective_invention_patents";
///
/// Immutable once built (merge returns a new lookup), safe to share between threads.
class indicator_catalog {
 public:
  /// An empty catalog: matches nothing.
  indicator_catalog();
  ~indicator_catalog();
  indicator_catalog(const indicator_catalog&);
  indicator_catalog& operator=(const indicator_catalog&);
  indicator_catalog(indicator_catalog&&) noexcept;
  indicator_catalog& operator=(indicator_catalog&&) noexcept;

  /// The built-in catalog (`data/indicators.json`), loaded on first use.
  static const indicator_catalog& builtin();
  /// Reads a catalog from JSON text (schema `plancmp.indicators/1`). Throws `schema_error`
  /// naming `origin` and the JSON Pointer of the first problem (missing key, duplicate key
  /// within the file, empty alias …).
  static indicator_catalog from_json(std::string_view json, const std::string& origin = "<json>");
  /// Reads a catalog from a file; throws `io_error` or `schema_error` naming the file.
  static indicator_catalog from_file(const std::string& path);
  /// The built-in catalog with the indicators of the file merged over it.
  static indicator_catalog builtin_with(const std::string& path);

  /// Adds the indicators of `other`; one with a key already present replaces it (its
  /// aliases included), new keys are appended.
  void merge(const indicator_catalog& other);

  [[nodiscard]] const std::vector<indicator>& indicators() const noexcept { return indicators_; }
  /// The indicator with this key, or nullptr.
  [[nodiscard]] const indicator* find(std::string_view key) const noexcept;
  /// The key of the indicator named in `phrase` (simplified script): the one whose alias
  /// is the longest found in it (earlier indicators win ties); "" when none is.
  [[nodiscard]] std::string_view match(std::string_view phrase) const;
  /// As `match`, but only among indicators whose base unit is `base_unit` or empty
  /// (any base unit when `base_unit` is empty).
  [[nodiscard]] std::string_view match(std::string_view phrase, std::string_view base_unit) const;

 private:
  void rebuild();
  std::vector<indicator> indicators_;
  struct matcher;
  std::unique_ptr<matcher> matcher_;
};

/// Options of target extraction.
struct target_options {
  /// The indicators to resolve printed names against; nullptr: `indicator_catalog::builtin()`.
  const indicator_catalog* indicators = nullptr;
  /// Give targets stated without a year the year the plan's title names (`2020年…推进计划`
  /// → 2020, `2023-2025年…` → 2025, `"十四五"…` → 2025).
  bool year_from_title = true;
};

/// Extracts the quantitative targets (指标, 目标值, 基期值) of a parsed plan into
/// `p.targets()`, in document order, replacing what was there (through
/// `plan::set_content`, so the graph is rebuilt): from the prose of its goals, measures,
/// box items, preamble and section text (not from 指导思想 / 基本原则), from its recognized
/// tables (`p.tables()`: indicator / baseline / target / responsible-unit columns found
/// from the header) and from tables in annexes (merged cells, 合计 totals).
/// Values for one indicator, year and kind that disagree within the plan are all kept and
/// reported as `target.conflict` diagnostics. `doc` must be the document `p` was parsed
/// from. See docs/targets.md for what is recognized.
void extract_targets(const text::document& doc, plan& p, const target_options& options = {});

/// The targets stated in one piece of prose (any script, any normalization), as if it were
/// one goal of a plan: spans are byte offsets into `text`, owners are empty, years come
/// from the text alone.
///
///     auto ts = parse::find_targets("力争到2022年，全市有效发明专利拥有量达到36000件。");
///     ts[0].value == 36000; ts[0].unit == "件"; ts[0].year == 2022;
[[nodiscard]] std::vector<target> find_targets(std::string_view text, const target_options& options = {});

/// The five-year plan period a text names (`十四五` → 2025), or the single year it names
/// (`2020年甘肃省…` → 2020; a range `2023-2025年` → 2025); nullopt when neither.
[[nodiscard]] std::optional<int> year_of_title(std::string_view title);

}  // namespace plancmp::inline v0::parse
