// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/jurisdiction.hpp>
#include <plancmp/span.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0 {

/// What part an agency plays in a measure (责任单位: 牵头 lead, 配合 support).
/// A clause naming one unit alone makes it the lead; several units with no 牵头 mark are
/// all support, unless the document states that the first listed unit leads.
enum class role { lead, support };

/// "lead", "support".
[[nodiscard]] std::string_view to_string(role r) noexcept;
/// Inverse of to_string; nullopt for other text.
[[nodiscard]] std::optional<role> parse_role(std::string_view name) noexcept;

/// How an agency name was matched to the ontology (filled by the agency-resolution step;
/// empty right after parsing).
struct agency_resolution {
  std::string canonical;      ///< ontology id, e.g. "market_regulation"
  level admin_level = level::unknown;
  double confidence = 0.0;
  std::string match;          ///< "exact", "short_form", "traditional", "predecessor", …
  friend bool operator==(const agency_resolution&, const agency_resolution&) = default;
};

/// An agency as a plan prints it (Agency). One per distinct printed name in a plan.
struct agency {
  std::string name;            ///< as printed, original script, e.g. "省市場監管局"
  bool collective = false;     ///< 各成员单位, 各县市区政府, 开发园区管委会 …
  std::optional<agency_resolution> resolution;
  friend bool operator==(const agency&, const agency&) = default;
};

/// One mention of an agency in a measure's responsibility clause.
struct agency_mention {
  std::string name;  ///< as printed
  role part = role::support;
  span where;        ///< the name's bytes in the original file
  friend bool operator==(const agency_mention&, const agency_mention&) = default;
};

/// A deadline (时限): `持续推进`, `2025年12月底前完成`, `每年4月底前完成` …
struct deadline {
  std::string text;             ///< as printed
  std::optional<date> due;      ///< end of the named month (or year) when one is named
  bool recurring = false;       ///< 每年…: due every year in that month
  bool ongoing = false;         ///< 持续推进, 长期坚持 …
  span where;
  friend bool operator==(const deadline&, const deadline&) = default;
};

}  // namespace plancmp::inline v0
