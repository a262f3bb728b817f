// SPDX-License-Identifier: MIT
// The lines a document's cover sets alone — its date and its document number (文号) — as
// the text layer and the parser both recognize them: the text layer so that a title at
// the full width does not run on into them, the parser to read the plan's metadata.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace plancmp::inline v0::text::detail {

/// A date as printed: year, month and day (0 when the day is not printed).
struct printed_date {
  int year = 0;
  int month = 0;
  int day = 0;
};

/// A line that is only a date: 2022年4月26日, 2020年6月4 (日 lost), 2020-07-08, spaces
/// allowed (2026年 4月 20 日); surrounding spaces and tabs are ignored.
[[nodiscard]] std::optional<printed_date> date_line(std::string_view s) noexcept;

/// A document number (文号) found in a line: prefix〔2022〕27号, also with a bracket lost.
/// [begin, end) and the pieces for the repaired form.
struct doc_number_match {
  std::size_t begin, end;
  std::size_t prefix_end, year_begin, year_end, serial_begin;
};

/// The first document number in `s`, or nullopt.
[[nodiscard]] std::optional<doc_number_match> find_doc_number(std::string_view s) noexcept;

}  // namespace plancmp::inline v0::text::detail
