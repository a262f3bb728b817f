// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/hash.hpp>
#include <plancmp/model/detail/markup.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/report/workbook.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace plancmp::inline v0::report {

std::string cell::text() const {
  switch (value.index()) {
    case 1: return std::get<std::string>(value);
    case 2: return fmt::format("{}", std::get<std::int64_t>(value));
    case 3: return fmt::format("{:.{}f}", std::get<double>(value), precision);
    default: return {};
  }
}

std::string cell::full_text() const { return full ? *full : text(); }

std::string column_key(std::string_view header) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(header.data());
  const auto length = static_cast<std::int32_t>(header.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0x80 && u_isalpha(c)) return std::string(header);
  }
  std::string key;
  bool gap = false;
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const bool word = c >= 0 && c < 0x80 && std::isalnum(static_cast<unsigned char>(c));
    if (!word) {
      gap = true;
      continue;
    }
    if (gap && !key.empty()) key += '_';
    gap = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key.empty() ? std::string(header) : key;
}

std::string excerpt(std::string_view text, std::size_t max_width) {
  // Whitespace runs (line breaks of the source) fold to one space.
  std::string folded;
  folded.reserve(text.size());
  for (char ch : text) {
    const bool space = ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t';
    if (space) {
      if (!folded.empty() && folded.back() != ' ') folded += ' ';
    } else {
      folded += ch;
    }
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  if (display_width(folded) <= max_width) return folded;
  const std::string_view ellipsis = "…";
  const std::size_t room = max_width > 0 ? max_width - 1 : 0;  // the ellipsis takes one column
  const auto* s = reinterpret_cast<const uint8_t*>(folded.data());
  const auto length = static_cast<int32_t>(folded.size());
  int32_t i = 0;
  std::size_t width = 0;
  while (i < length) {
    int32_t next = i;
    UChar32 c;
    U8_NEXT(s, next, length, c);
    (void)c;  // only the step matters; the width comes from display_width
    const std::size_t w = display_width(std::string_view(folded).substr(static_cast<std::size_t>(i),
                                                                        static_cast<std::size_t>(next - i)));
    if (width + w > room) break;
    width += w;
    i = next;
  }
  std::string out = folded.substr(0, static_cast<std::size_t>(i));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + std::string(ellipsis);
}

cell excerpt_cell(std::string_view text, std::size_t max_width) {
  cell c(excerpt(text, max_width));
  if (std::get<std::string>(c.value) != text) c.full = std::string(text);
  return c;
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
  if (name == "latex" || name == "tex") return table_format::latex;
  if (name == "html") return table_format::html;
  if (name == "xlsx") return table_format::xlsx;
  throw usage_error(fmt::format("unknown table format '{}'; use md, csv, json, latex, html or xlsx", name));
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

/// Cell notes numbered in row order, as "[n]" marks and lines below the table.
struct cell_notes {
  std::vector<std::string> lines;
  std::string mark(const cell& x) {
    if (!x.note) return {};
    lines.push_back(*x.note);
    return fmt::format(" [{}]", lines.size());
  }
};

}  // namespace

std::string to_markdown(const table& t) {
  cell_notes footnotes;
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
      text[r][c] = markdown_escape(x.text() + footnotes.mark(x));
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
  if (!t.notes.empty() || !footnotes.lines.empty()) {
    out += '\n';
    for (std::size_t i = 0; i < footnotes.lines.size(); ++i)
      out += fmt::format("- [{}] {}\n", i + 1, markdown_escape(footnotes.lines[i]));
    for (const auto& note : t.notes) out += fmt::format("- {}\n", note);
  }
  return out;
}

namespace {
// A spreadsheet runs a field that starts with one of these as a formula (CSV injection);
// a leading apostrophe makes it text. Fields typed as numbers never get one.
std::string neutralize_formula(std::string text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    text.insert(0, 1, '\'');
  return text;
}

// Excel reads a CSV field like 1/8, 3-4, 12:30, 0012 or 1e5 as a date, time or number
// even when it is quoted. For Excel (--excel) such text cells are written as ="1/8",
// which Excel shows as the text itself; other readers get the field as it is.
bool excel_would_convert(std::string_view text) {
  bool digit = false;
  for (char ch : text) {
    if (ch >= '0' && ch <= '9') {
      digit = true;
    } else if (std::string_view("/-:., +%eE").find(ch) == std::string_view::npos) {
      return false;
    }
  }
  return digit;
}

std::string excel_text(std::string_view text) {
  std::string out = "=\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + "\"";
}

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
  emit(t.columns.begin(), t.columns.end(), [](const std::string& s) { return neutralize_formula(column_key(s)); });
  for (const auto& row : t.rows) {
    emit(row.begin(), row.end(), [&](const cell& x) {
      if (x.is_number()) return x.text();
      std::string text = x.full_text();
      if (options.excel && excel_would_convert(text)) return excel_text(text);
      return neutralize_formula(std::move(text));
    });
  }
  return out;
}

std::string to_json(const table& t) {
  nlohmann::ordered_json j;
  j["caption"] = t.caption;
  auto columns = nlohmann::ordered_json::array();
  for (const auto& c : t.columns) columns.push_back(column_key(c));
  j["columns"] = std::move(columns);
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : t.rows) {
    auto r = nlohmann::ordered_json::array();
    for (const auto& x : row) {
      nlohmann::ordered_json v;
      switch (x.value.index()) {
        case 1: v = x.full_text(); break;
        case 2: v = std::get<std::int64_t>(x.value); break;
        case 3: v = std::get<double>(x.value); break;
        default: v = nullptr;
      }
      if (x.source || x.where || x.note) {
        nlohmann::ordered_json w;
        w["value"] = std::move(v);
        if (x.source) w["source"] = *x.source;
        if (x.where) w["span"] = {x.where->begin, x.where->end};
        if (x.note) w["note"] = *x.note;
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
    case table_format::latex: return to_latex(t);
    case table_format::html: return to_html(t);
    case table_format::xlsx: return to_xlsx({t});
    case table_format::markdown: break;
  }
  return to_markdown(t);
}

std::string latex_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char ch : text) {
    switch (ch) {
      case '#': out += "\\#"; break;
      case '$': out += "\\$"; break;
      case '%': out += "\\%"; break;
      case '&': out += "\\&"; break;
      case '_': out += "\\_"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '\n':
      case '\r': out += ' '; break;
      default: out += ch;
    }
  }
  return out;
}

std::string to_latex(const table& t) {
  const std::size_t ncol = t.columns.size();
  std::vector<bool> numeric(ncol, !t.rows.empty());
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < ncol; ++c) {
      if (!row[c].is_number() && !row[c].is_empty()) numeric[c] = false;
    }
  }
  cell_notes footnotes;
  std::string out = "\\begin{table}[htbp]\n\\centering\n";
  if (!t.caption.empty()) out += "\\caption{" + latex_escape(t.caption) + "}\n";
  out += "\\begin{tabular}{";
  for (std::size_t c = 0; c < ncol; ++c) out += numeric[c] ? 'r' : 'l';
  out += "}\n\\toprule\n";
  auto emit = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) out += (c ? " & " : "") + cells[c];
    out += " \\\\\n";
  };
  std::vector<std::string> cells;
  for (const auto& h : t.columns) cells.push_back(latex_escape(h));
  emit(cells);
  out += "\\midrule\n";
  for (const auto& row : t.rows) {
    cells.clear();
    for (const auto& x : row) {
      std::string text = latex_escape(x.text());
      if (x.note) {
        footnotes.lines.push_back(*x.note);
        text += fmt::format("\\textsuperscript{{{}}}", footnotes.lines.size());
      }
      cells.push_back(std::move(text));
    }
    emit(cells);
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  if (!footnotes.lines.empty() || !t.notes.empty()) {
    out += "\\par\\smallskip\n{\\footnotesize\n";
    for (std::size_t i = 0; i < footnotes.lines.size(); ++i)
      out += fmt::format("\\textsuperscript{{{}}} {}\\\\\n", i + 1, latex_escape(footnotes.lines[i]));
    for (const auto& note : t.notes) out += latex_escape(note) + "\\\\\n";
    out += "}\n";
  }
  out += "\\end{table}\n";
  return out;
}

// XML character data is valid HTML text and attribute content: one escaper for both.
void append_html(std::string& out, std::string_view text) { plancmp::detail::append_xml(out, text); }

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_html(out, text);
  return out;
}

std::string source_anchor(std::string_view source, const span& where) {
  return fmt::format("src-{}-{}-{}", sha256_hex(source).substr(0, 8), where.begin, where.end);
}

std::string to_html(const table& t, const html_options& options) {
  std::string out = "<table";
  if (!options.id.empty()) out += " id=\"" + html_escape(options.id) + "\"";
  out += ">\n";
  if (!t.caption.empty()) out += "<caption>" + html_escape(t.caption) + "</caption>\n";
  out += "<thead><tr>";
  for (const auto& h : t.columns) out += "<th scope=\"col\">" + html_escape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const auto& x : row) {
      out += x.is_number() ? "<td class=\"num\"" : "<td";
      if (x.note) out += " title=\"" + html_escape(*x.note) + "\"";
      out += '>';
      // An excerpt shows as itself, with the whole text one click away.
      const std::string text = html_escape(x.text());
      const bool linked = options.link_sources && x.source && x.where;
      const std::string anchor = linked ? source_anchor(*x.source, *x.where) : std::string();
      const std::string shown = linked ? "<a href=\"#" + anchor + "\">" + text + "</a>" : text;
      if (x.full && *x.full != x.text() && linked && options.full_text_at_source) {
        out += "<details data-src=\"" + anchor + "\"><summary>" + shown + "</summary></details>";
      } else if (x.full && *x.full != x.text()) {
        out += "<details><summary>" + shown + "</summary>" + html_escape(*x.full) + "</details>";
      } else {
        out += shown;
      }
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n";
  if (!t.notes.empty()) {
    out += "<tfoot>";
    for (const auto& note : t.notes)
      out += fmt::format("<tr><td colspan=\"{}\">{}</td></tr>", std::max<std::size_t>(t.columns.size(), 1),
                         html_escape(note));
    out += "</tfoot>\n";
  }
  out += "</table>\n";
  return out;
}

}  // namespace plancmp::inline v0::report
