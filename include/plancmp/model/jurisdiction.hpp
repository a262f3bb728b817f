// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0 {

/// Administrative level of a jurisdiction (省 / 市 / 区·县 …).
enum class level { unknown, national, province, city, district, county };

/// "unknown", "national", "province", "city", "district", "county".
[[nodiscard]] std::string_view to_string(level l) noexcept;
/// Inverse of to_string; nullopt for other text.
[[nodiscard]] std::optional<level> parse_level(std::string_view name) noexcept;

/// The government a plan belongs to (Jurisdiction).
struct jurisdiction {
  std::string name;        ///< as printed, e.g. "衡水市", "甘肅省"; empty when unknown
  level admin_level = level::unknown;
  std::string evidence;    ///< the text it was read from, e.g. the issuing office's name
  friend bool operator==(const jurisdiction&, const jurisdiction&) = default;
};

/// A calendar date with optional month and day (plans print 2020年6月4 without 日).
struct date {
  int year = 0;
  int month = 0;  ///< 0: unknown
  int day = 0;    ///< 0: unknown
  /// "2022-04-26", "2020-06", "2020".
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const date&, const date&) = default;
  friend auto operator<=>(const date&, const date&) = default;
};

}  // namespace plancmp::inline v0
