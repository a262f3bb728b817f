// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/document.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {

struct coding_sheet;

/// What a PMC rule looks at (docs/coverage.md, "rule kind"); spelled in designs
/// (data/pmc*.json) as its `to_string` name.
enum class pmc_rule_kind {
  keywords,      ///< any of the phrases in the plan's title, preamble, goals or measures
  theme,         ///< at least `min` measures carry a scheme's theme
  horizon,       ///< a target, deadline or goal year `min_years`..`max_years` after issue
  issuer_level,  ///< the issuer is at one of `levels`
  agencies,      ///< at least `min` canonical agencies
  lead_share,    ///< at least a `min` share of the measures name a lead
  targets,       ///< at least `min` targets
  deadlines,     ///< at least `min` measures with a deadline
  always,        ///< every published plan
};
/// "keywords", "theme", … (the enumerator's name).
[[nodiscard]] std::string_view to_string(pmc_rule_kind k) noexcept;
[[nodiscard]] inline std::string_view format_as(pmc_rule_kind k) noexcept { return to_string(k); }
/// The inverse of `to_string`; throws `usage_error` naming the known kinds.
[[nodiscard]] pmc_rule_kind parse_pmc_rule_kind(std::string_view name);

/// How a second-level PMC variable is computed from the plan graph (docs/coverage.md).
struct pmc_rule {
  pmc_rule_kind kind = pmc_rule_kind::always;
  std::vector<std::string> phrases;  ///< keywords: any of them in the plan's title, preamble, goals or measures
  std::string scheme;                ///< theme: scheme id
  std::string theme;                 ///< theme: theme id
  std::vector<std::string> levels;   ///< issuer_level: level names
  double min = 1.0;                  ///< theme, agencies, targets, deadlines: count; lead_share: share
  int min_years = 0;                 ///< horizon: years after the issue year, inclusive
  int max_years = 0;
};

/// A binary second-level variable.
struct pmc_subvariable {
  std::string id;  ///< "X1:1"
  std::string zh, en, description;
  pmc_rule rule;
};

/// A first-level variable: the mean of its second-level variables.
struct pmc_variable {
  std::string id;  ///< "X1"
  std::string zh, en;
  std::vector<pmc_subvariable> sub;
};

/// A grade band: PMC ≥ min.
struct pmc_grade {
  double min = 0.0;
  std::string zh, en;
};

/// The PMC model: variables, rules and grade bands, read from data (data/pmc.json).
class pmc_model {
 public:
  /// Reads `plancmp.pmc/1`; throws `schema_error` naming `origin` and the JSON Pointer.
  [[nodiscard]] static pmc_model from_json(std::string_view json, const std::string& origin);
  /// The built-in model (data/pmc.json).
  [[nodiscard]] static const pmc_model& builtin();
  /// A built-in design by id (data/pmc*.json): `ip_pmc_10` (data/pmc.json, the default) or
  /// `ip_pmc_9`. Throws `usage_error` naming the known ids.
  [[nodiscard]] static const pmc_model& builtin(std::string_view id);
  /// Ids of the built-in designs, the default first.
  [[nodiscard]] static std::vector<std::string> builtin_ids();

  std::string id;           ///< design id, e.g. "ip_pmc_10"
  std::string name;         ///< short display name
  std::string reference;    ///< where the design comes from (literature)
  std::string version;
  /// The design's domain: a plan whose share of measures the scheme labels with the theme is
  /// below `min_share` cannot grade above `max_grade` (a plan not about IP cannot grade
  /// 优秀 on an IP design). Empty scheme: no domain.
  struct domain_rule {
    std::string scheme, theme;
    double min_share = 0.0;
    std::string max_grade;  ///< a grade's zh name
  } domain;
  std::vector<pmc_variable> variables;
  std::vector<pmc_grade> grades;       ///< highest band first
  std::vector<std::string> surface;    ///< variable ids of the surface matrix, row-major (a square number)

  pmc_model();
  ~pmc_model();
  pmc_model(pmc_model&&) noexcept;
  pmc_model& operator=(pmc_model&&) noexcept;
  pmc_model(const pmc_model&) = delete;
  pmc_model& operator=(const pmc_model&) = delete;

  struct compiled;  ///< taggers and automata built from the rules
  [[nodiscard]] const compiled& rules() const noexcept { return *compiled_; }

 private:
  std::unique_ptr<compiled> compiled_;
};

/// The value of one second-level variable for one plan, with why.
struct pmc_value {
  std::string id;
  int value = 0;                  ///< 0 or 1
  std::string evidence;           ///< what made it 1 (printed text, unit id …), or why it is 0
  std::optional<span> where;      ///< bytes of the evidence in the original file (for every 1)
};

/// A plan's PMC index.
struct pmc_result {
  std::string plan;    ///< plan_label
  std::string source;  ///< the plan's file
  std::vector<double> scores;                 ///< per first-level variable
  std::vector<std::vector<pmc_value>> values; ///< per first-level, per second-level variable
  double pmc = 0.0;                           ///< the sum of the scores
  std::string grade_zh, grade_en;
  std::string design;                         ///< the model's id
  double domain_share = 1.0;                  ///< share of measures inside the design's domain
  std::string domain_note;                    ///< why the grade was capped, if it was
  std::vector<std::vector<double>> surface;   ///< the PMC surface matrix
  /// Where the value-chain, tool and domain codes came from: empty for plancmp's own
  /// tagger, "human codes: A" (or "codes: plancmp" for an automatic sheet) with `codes`.
  std::string codes;
  std::string codes_note;                     ///< measures the sheet did not code, if any
};

/// Computes the PMC index of a plan parsed from `doc`.
///
///     auto r = plancmp::analysis::compute_pmc(p, doc);
///     fmt::print("{:.2f} {}\n", r.pmc, r.grade_en);
[[nodiscard]] pmc_result compute_pmc(const plan& p, const text::document& doc,
                                     const pmc_model& model = pmc_model::builtin());
/// The PMC index with a coding sheet's codes (a researcher's corrected or human sheet)
/// in place of the tagger's: about IP (the design's domain) and the value-chain stages
/// are the sheet's; policy sub-tools (funding, talent …, which a sheet does not code)
/// are the tagger's, kept only in measures the sheet codes with their tool type.
/// Measures the sheet lacks have no codes (`codes_note` counts them). `codes` labels
/// the result ("human codes: A"), and the tables carry it.
[[nodiscard]] pmc_result compute_pmc(const plan& p, const text::document& doc, const pmc_model& model,
                                     const coding_sheet& codes);


}  // namespace plancmp::inline v0::analysis
