// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/report/table.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace plancmp::inline v0::report {

std::string cell::text() const {
  switch (value.index()) {
    case 1: return std::get<std::string>(value);
    case 2: return fmt::format("{}", std::get<std::int64_t>(value));
    case 3: return fmt::format("{:.{}f}", std::get<double>(value), precision);
    default: return {};
  }
}

table& table::add_row(std::vector<cell> row) {
  if (row.size() != columns.size()) {
    throw usage_error(fmt::format("table '{}': row {} has {} cells but the table has {} columns",
                                  caption, rows.size() + 1, row.size(), columns.size()));
  }
  rows.push_back(std::move(row));
  return *this;
}

table_format parse_table_format(std::string_view name) {
  if (name == "md" || name == "markdown") return table_format::markdown;
  if (name == "csv") return table_format::csv;
  if (name == "json") return table_format::json;
  throw usage_error(fmt::format("unknown table format '{}'; use md, csv or json", name));
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++width;  // an invalid byte shows as one replacement glyph
      continue;
    }
    if (c < 0x300) {
      width += (c >= 0x20 && c != 0x7f) ? 1 : 0;
      continue;
    }
    const auto gc = u_charType(c);
    if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_FORMAT_CHAR) continue;
    const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

namespace {

// Markdown cells cannot hold raw pipes or line breaks.
std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (ch == '|') {
      out += "\\|";
    } else if (ch == '\n' || ch == '\r') {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out;
}

void pad(std::string& out, std::size_t n) { out.append(n, ' '); }

}  // namespace

std::string to_markdown(const table& t) {
  const std::size_t ncol = t.columns.size();
  std::vector<std::vector<std::string>> text(t.rows.size(), std::vector<std::string>(ncol));
  std::vector<std::size_t> width(ncol, 3);
  std::vector<bool> numeric(ncol, true);
  std::vector<std::string> headers(ncol);
  for (std::size_t c = 0; c < ncol; ++c) {
    headers[c] = markdown_escape(t.columns[c]);
    width[c] = std::max(width[c], display_width(headers[c]));
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t c = 0; c < ncol; ++c) {
      const cell& x = t.rows[r][c];
      text[r][c] = markdown_escape(x.text());
      width[c] = std::max(width[c], display_width(text[r][c]));
      if (!x.is_number() && !x.is_empty()) numeric[c] = false;
    }
  }
  if (t.rows.empty()) std::fill(numeric.begin(), numeric.end(), false);

  std::string out;
  if (!t.caption.empty()) out += fmt::format("**{}**\n\n", markdown_escape(t.caption));
  auto emit = [&](const std::vector<std::string>& cells) {
    out += '|';
    for (std::size_t c = 0; c < ncol; ++c) {
      const std::size_t gap = width[c] - display_width(cells[c]);
      out += ' ';
      if (numeric[c]) pad(out, gap);
      out += cells[c];
      if (!numeric[c]) pad(out, gap);
      out += " |";
    }
    out += '\n';
  };
  emit(headers);
  out += '|';
  for (std::size_t c = 0; c < ncol; ++c) {
    out += ' ';
    out += numeric[c] ? std::string(width[c] - 1, '-') + ":" : std::string(width[c], '-');
    out += " |";
  }
  out += '\n';
  for (const auto& row : text) emit(row);
  if (!t.notes.empty()) {
    out += '\n';
    for (const auto& note : t.notes) out += fmt::format("- {}\n", note);
  }
  return out;
}

namespace {
std::string csv_field(std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}
}  // namespace

std::string to_csv(const table& t, const csv_options& options) {
  std::string out;
  if (options.excel) out += "\xEF\xBB\xBF";
  auto emit = [&](auto begin, auto end, auto to_text) {
    bool first = true;
    for (auto it = begin; it != end; ++it) {
      if (!first) out += ',';
      first = false;
      out += csv_field(to_text(*it));
    }
    out += "\r\n";
  };
  emit(t.columns.begin(), t.columns.end(), [](const std::string& s) { return s; });
  for (const auto& row : t.rows) {
    emit(row.begin(), row.end(), [](const cell& x) { return x.text(); });
  }
  return out;
}

std::string to_json(const table& t) {
  nlohmann::ordered_json j;
  j["caption"] = t.caption;
  j["columns"] = t.columns;
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : t.rows) {
    auto r = nlohmann::ordered_json::array();
    for (const auto& x : row) {
      nlohmann::ordered_json v;
      switch (x.value.index()) {
        case 1: v = std::get<std::string>(x.value); break;
        case 2: v = std::get<std::int64_t>(x.value); break;
        case 3: v = std::get<double>(x.value); break;
        default: v = nullptr;
      }
      if (x.source || x.where) {
        nlohmann::ordered_json w;
        w["value"] = std::move(v);
        if (x.source) w["source"] = *x.source;
        if (x.where) w["span"] = {x.where->begin, x.where->end};
        v = std::move(w);
      }
      r.push_back(std::move(v));
    }
    rows.push_back(std::move(r));
  }
  j["rows"] = std::move(rows);
  j["notes"] = t.notes;
  return j.dump(2) + "\n";
}

std::string render(const table& t, table_format format) {
  switch (format) {
    case table_format::csv: return to_csv(t);
    case table_format::json: return to_json(t);
    case table_format::markdown: break;
  }
  return to_markdown(t);
}

}  // namespace plancmp::inline v0::report
