// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/text/document.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/text/offset_map.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text {

/// File formats plancmp reads (see docs/inputs.md).
enum class input_format {
  text,  ///< plain text in any encoding `decode` knows
  html,  ///< a web page (HTML5 parser: gumbo)
  pdf,   ///< a PDF with a text layer (poppler)
  docx,  ///< a Word 2007+ document (libzip + pugixml)
};

/// "text", "html", "pdf", "docx".
[[nodiscard]] std::string_view to_string(input_format f) noexcept;

/// The format a file name's extension names (.txt .text .html .htm .xhtml .shtml .pdf
/// .docx, case-insensitive); nullopt for any other extension.
[[nodiscard]] std::optional<input_format> format_from_extension(std::string_view path) noexcept;

/// The format of `bytes`: magic numbers first (`%PDF-`, a zip holding word/document.xml,
/// `<!doctype html` / `<html` near the start), then the extension of `path`, else text.
[[nodiscard]] input_format detect_format(std::string_view bytes, std::string_view path = {}) noexcept;

/// Text extracted from a structured file: one line per block, table cells of one row
/// joined with a tab, and a map back to the bytes the spans should point into.
/// What a table cell reads where a merged cell of a row above covers it (HTML rowspan,
/// DOCX vMerge): the ditto mark printed tables use for "same as above". It maps to no
/// source byte; the parser's table reader gives such a cell the content of the one above.
inline constexpr std::string_view ditto_mark = "〃";

struct extracted_text {
  std::string utf8;
  /// `utf8` offsets → offsets in the original file (HTML), or empty when the extracted
  /// text itself becomes the document's original (PDF, DOCX: their bytes are compressed).
  std::optional<offset_map> to_original;
  encoding source_encoding = encoding::utf8;
  /// Byte offset in `utf8` where each page begins (PDF only).
  std::vector<std::size_t> page_starts;
};

/// HTML: the charset from a BOM, `<meta charset>`, `<meta http-equiv content="…;
/// charset=…">` or `<?xml encoding>` (GBK/GB2312 read as GB18030), else detected; parsed
/// with gumbo; script, style, noscript, template, head and nav/menu elements dropped;
/// block elements become lines, white space collapses, entities are decoded; each table
/// row becomes one line with its cells joined by a tab. Spans map to the raw HTML bytes.
[[nodiscard]] extracted_text extract_html(std::string_view bytes, const std::string& path);

/// PDF: poppler's text of each page in reading order, pages separated by a form feed
/// line. Throws `parse_error` for a damaged or encrypted file, and for a file with no
/// text layer (a scan: run OCR first).
[[nodiscard]] extracted_text extract_pdf(std::string_view bytes, const std::string& path);

/// DOCX: the paragraphs of word/document.xml, one per line, tables as tab-joined rows.
/// Throws `parse_error` for a damaged zip or a zip without word/document.xml.
[[nodiscard]] extracted_text extract_docx(std::string_view bytes, const std::string& path);

/// Prepares a document from bytes of any input format (detected when not given). For
/// HTML `original` is the raw page and every span points into it; for PDF and DOCX
/// `original` is the extracted text (with `page_starts` for PDF).
[[nodiscard]] document make_any_document(std::string bytes, std::string path = "<bytes>",
                                         const read_options& options = {},
                                         std::optional<input_format> format = std::nullopt);

/// Reads a file of any input format: `make_any_document(read_file(path), path, options)`.
[[nodiscard]] document read_any_document(const std::string& path, const read_options& options = {});

/// The cells of every worksheet of an .xlsx workbook (`bytes`), for reading back a table
/// a researcher corrected in Excel or LibreOffice (report/workbook.hpp writes workbooks):
/// worksheets in their file order (xl/worksheets/sheet1.xml, sheet2.xml …), each as rows
/// of cell text. Row and column gaps are kept as empty rows and cells; shared, inline and rich strings are read as
/// their text, numbers as printed in the file (`1`, `0.5`). Through libzip and pugixml.
/// Throws `parse_error` naming `path` for a damaged archive or a workbook without sheets.
[[nodiscard]] std::vector<std::vector<std::vector<std::string>>> read_xlsx(std::string_view bytes,
                                                                         const std::string& path);

}  // namespace plancmp::inline v0::text
