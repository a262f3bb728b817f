// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/span.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace plancmp::inline v0::report {

/// One cell of a table: empty, text, an integer or a real number, optionally with the
/// source it was taken from (file and byte span) so renderers can link back to it.
struct cell {
  std::variant<std::monostate, std::string, std::int64_t, double> value;
  int precision = 2;                  ///< decimals shown for a real number
  std::optional<std::string> source;  ///< file the value was read from
  std::optional<span> where;          ///< bytes in that file
  std::optional<std::string> note;    ///< a footnote on this cell (tooltip in HTML, footnote mark elsewhere)
  /// The whole text when `value` shows an excerpt of it (see `excerpt`): Markdown and
  /// LaTeX print the excerpt, CSV, JSON and xlsx the whole text, HTML the excerpt with the
  /// whole text on demand.
  std::optional<std::string> full;

  cell() = default;
  cell(std::string text) : value(std::move(text)) {}                   // NOLINT(google-explicit-constructor)
  cell(const char* text) : value(std::string(text)) {}                 // NOLINT(google-explicit-constructor)
  cell(std::string_view text) : value(std::string(text)) {}            // NOLINT(google-explicit-constructor)
  cell(std::int64_t number) : value(number) {}                         // NOLINT(google-explicit-constructor)
  cell(int number) : value(std::int64_t{number}) {}                    // NOLINT(google-explicit-constructor)
  cell(std::size_t number) : value(static_cast<std::int64_t>(number)) {}  // NOLINT(google-explicit-constructor)
  cell(double number, int digits = 2) : value(number), precision(digits) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool is_number() const noexcept { return value.index() >= 2; }
  [[nodiscard]] bool is_empty() const noexcept { return value.index() == 0; }
  /// The cell as it is printed in text formats ("" for empty).
  [[nodiscard]] std::string text() const;
  /// `full` when set, else `text()`.
  [[nodiscard]] std::string full_text() const;
};

/// At most `max_width` display columns of `text` (CJK = 2, see `display_width`), runs of
/// whitespace folded to one space, with "…" in the last column when it is cut. For evidence
/// cells that would make a Markdown table too wide: keep the whole text in `cell::full`.
///
///     excerpt("加强知识产权保护体系建设", 10) == "加强知识…"
[[nodiscard]] std::string excerpt(std::string_view text, std::size_t max_width = 60);

/// A text cell showing `excerpt(text, max_width)`, with the whole text in `full` when it
/// was cut.
[[nodiscard]] cell excerpt_cell(std::string_view text, std::size_t max_width = 60);

/// The machine name of a column header: the name CSV and JSON output, Python's frames and
/// `plancmp.dask` use for the column. A header holding a letter outside ASCII is a name (a
/// plan label such as `宁波市 2020`, a theme, `职能`) and is returned as it is. Any other
/// header becomes snake_case: ASCII letters lowered, every run of other characters (spaces,
/// punctuation, `−`, `→`) one `_`, none at either end: `similar plan` → `similar_plan`,
/// `passage in A` → `passage_in_a`, `b − a` → `b_a`, `F1 learned` → `f1_learned`.
/// Markdown, LaTeX, HTML and Excel keep the headers as written, for people.
[[nodiscard]] std::string column_key(std::string_view header);

/// A table with a caption, column headers, rows of typed cells and notes below it.
/// Every analysis renders through this model, so one result prints as Markdown for a
/// paper draft, CSV for Excel or JSON for a program.
struct table {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<cell>> rows;
  std::vector<std::string> notes;

  /// Appends a row; throws `usage_error` if it does not have one cell per column.
  table& add_row(std::vector<cell> row);
};

/// Output formats for tables. `xlsx` is an Excel workbook (report/workbook.hpp).
enum class table_format { markdown, csv, json, latex, html, xlsx };

/// Parses "md", "markdown", "csv", "json", "latex", "tex", "html", "xlsx"; throws
/// `usage_error` naming the known formats.
[[nodiscard]] table_format parse_table_format(std::string_view name);

/// GitHub-flavoured Markdown, columns padded to equal display width (CJK and other wide
/// characters count as two columns), numbers right-aligned, notes as a list below.
[[nodiscard]] std::string to_markdown(const table& t);

struct csv_options {
  bool excel = false;  ///< start with a UTF-8 BOM so Excel shows Chinese correctly
};
/// RFC 4180 CSV: CRLF line ends, fields quoted when they hold `,` `"` or line breaks.
/// Text cells (and headers) that begin with `=`, `+`, `-`, `@`, tab or CR are prefixed
/// with `'` so that a spreadsheet does not run them as formulas (CSV injection); cells
/// typed as numbers are written as they are, so `-3` stays a number. With `excel`, text
/// cells that Excel would turn into a date, time or number (`1/8`, `3-4`, `0012`, `1e5`)
/// are written as `="1/8"`, which Excel shows as that text.
[[nodiscard]] std::string to_csv(const table& t, const csv_options& options = {});

/// `{"caption":…, "columns":[…], "rows":[[…]], "notes":[…]}`; numbers stay numbers,
/// cells with a source become `{"value":…, "source":…, "span":[b,e]}`.
[[nodiscard]] std::string to_json(const table& t);

/// A LaTeX `table` environment with a booktabs `tabular` (\toprule, \midrule,
/// \bottomrule), numbers right-aligned, the caption as \caption and notes below. All ten
/// LaTeX specials (`# $ % & ~ _ ^ \ { }`) are escaped. Chinese needs xeCJK; see
/// docs/report.md for the preamble.
[[nodiscard]] std::string to_latex(const table& t);

struct html_options {
  /// Cells with a source and span link to `#` + source_anchor(source, span) (the HTML
  /// report shows the source excerpts under those ids).
  bool link_sources = false;
  std::string id;  ///< id attribute of the <table>, if any
  /// With `link_sources`: an excerpt cell that links to its source leaves its whole text
  /// out (`<details data-src="ANCHOR">` with an empty body): the page holds that text once,
  /// at the anchor, and a script fills the details when opened. The HTML report uses it so
  /// a measure quoted in fourteen gap tables is stored once.
  bool full_text_at_source = false;
};
/// An HTML `<table>` with `<caption>`, `<thead>`, `<tbody>` and notes in a `<tfoot>`;
/// every piece of text escaped; numbers carry class "num"; a cell note becomes a
/// `title` tooltip; an excerpt cell (`full` set) shows its excerpt with the whole text
/// on demand: `<details><summary>excerpt</summary>whole text</details>` (or, with
/// `full_text_at_source`, the text taken from the source excerpt when opened).
[[nodiscard]] std::string to_html(const table& t, const html_options& options = {});

/// The id of the anchor for a source excerpt: "src-" + the first 8 hex digits of the
/// SHA-256 of the file name + "-" begin + "-" end. Stable across runs.
[[nodiscard]] std::string source_anchor(std::string_view source, const span& where);

/// Appends HTML-escaped text (`& < > " '` as entities, CR as `&#13;`, other control
/// characters but tab and LF dropped, ill-formed UTF-8 as U+FFFD).
void append_html(std::string& out, std::string_view text);
[[nodiscard]] std::string html_escape(std::string_view text);

/// LaTeX-escaped text: the ten specials made literal, newlines as spaces.
[[nodiscard]] std::string latex_escape(std::string_view text);

/// Renders in the given format (xlsx: the workbook's bytes, see `to_xlsx`).
[[nodiscard]] std::string render(const table& t, table_format format);

/// Display width of UTF-8 text in a terminal or monospace font (East Asian Wide and
/// Fullwidth characters count 2, combining marks 0).
[[nodiscard]] std::size_t display_width(std::string_view utf8);

}  // namespace plancmp::inline v0::report
