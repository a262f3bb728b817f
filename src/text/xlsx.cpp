// SPDX-License-Identifier: MIT
// Reading .xlsx workbooks back (libzip + pugixml, as DOCX is read): the cells of every
// worksheet as text. Writing workbooks is report/'s (libxlsxwriter, src/report/workbook.cpp).
#include "zip_archive.hpp"

#include <plancmp/error.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text {
namespace {

/// How the errors of a damaged workbook read.
constexpr detail::zip_messages xlsx_zip_messages{
    "cannot read the workbook (out of memory)",
    "not a readable .xlsx workbook ({}); open it in Excel or LibreOffice and save it again as .xlsx",
    "not a readable workbook: {0} is damaged or over 1 GiB",
    "not a readable workbook: {} is damaged",
};

std::string_view xml_local_name(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// The text of all <t> elements under `n` (a plain or a rich string).
void text_of(const pugi::xml_node& n, std::string& out) {
  for (const auto& c : n.children()) {
    if (xml_local_name(c) == "t") {
      out += c.text().get();
    } else if (xml_local_name(c) != "rPh") {  // phonetic runs are not the cell's text
      text_of(c, out);
    }
  }
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (const auto& c : n.children())
    if (xml_local_name(c) == name) return c;
  return {};
}

/// "AB12" → column 27 (0-based); nullopt when `ref` has no letters.
std::optional<std::size_t> column_of(std::string_view ref) {
  std::size_t col = 0;
  std::size_t letters = 0;
  for (char ch : ref) {
    if (ch >= 'A' && ch <= 'Z') {
      col = col * 26 + static_cast<std::size_t>(ch - 'A' + 1);
      ++letters;
    } else {
      break;
    }
  }
  if (letters == 0 || letters > 3) return std::nullopt;
  return col - 1;
}

}  // namespace

std::vector<std::vector<std::vector<std::string>>> read_xlsx(std::string_view bytes, const std::string& path) {
  const detail::zip_archive archive(bytes, path, xlsx_zip_messages);

  std::vector<std::string> shared;
  if (auto xml = archive.member("xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml->data(), xml->size())) {
      throw parse_error(error_location::file(path),
                        "not a readable workbook: xl/sharedStrings.xml is not XML");
    }
    for (const auto& si : doc.document_element().children()) {
      if (xml_local_name(si) != "si") continue;
      std::string text;
      text_of(si, text);
      shared.push_back(std::move(text));
    }
  }
  constexpr std::size_t max_columns = 16'384;  // Excel's limit (XFD)
  constexpr std::size_t max_rows = 1'048'576;
  std::vector<std::vector<std::vector<std::string>>> sheets;
  for (std::size_t k = 1;; ++k) {
    auto xml = archive.member(fmt::format("xl/worksheets/sheet{}.xml", k));
    if (!xml) break;
    pugi::xml_document doc;
    if (!doc.load_buffer(xml->data(), xml->size())) {
      throw parse_error(error_location::file(path),
                        fmt::format("not a readable workbook: worksheet {} is not XML", k));
    }
    std::vector<std::vector<std::string>> rows;
    const auto data = child(doc.document_element(), "sheetData");
    for (const auto& row : data.children()) {
      if (xml_local_name(row) != "row") continue;
      const auto number = row.attribute("r").as_ullong(rows.size() + 1);
      if (number == 0 || number > max_rows) continue;
      if (rows.size() < number) rows.resize(static_cast<std::size_t>(number));
      auto& cells = rows[static_cast<std::size_t>(number - 1)];
      for (const auto& c : row.children()) {
        if (xml_local_name(c) != "c") continue;
        const auto col = column_of(c.attribute("r").as_string()).value_or(cells.size());
        if (col >= max_columns) continue;
        const std::string_view type = c.attribute("t").as_string();
        std::string text;
        if (type == "inlineStr") {
          text_of(child(c, "is"), text);
        } else {
          const std::string v = child(c, "v").text().get();
          if (type == "s") {
            const auto i = static_cast<std::size_t>(std::strtoull(v.c_str(), nullptr, 10));
            if (i < shared.size()) text = shared[i];
          } else if (type == "b") {
            text = v == "1" ? "TRUE" : "FALSE";
          } else {
            text = v;
          }
        }
        if (cells.size() <= col) cells.resize(col + 1);
        cells[col] = std::move(text);
      }
    }
    sheets.push_back(std::move(rows));
  }
  if (sheets.empty())
    throw parse_error(error_location::file(path), "not an .xlsx workbook: it has no worksheets");
  return sheets;
}

}  // namespace plancmp::inline v0::text
