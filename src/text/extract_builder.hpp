// SPDX-License-Identifier: MIT
// Builds the text extracted from HTML and DOCX: lines, tab-joined table cells,
// collapsed white space, and the offset map back to the bytes each piece came from.
#pragma once

#include <plancmp/text/formats.hpp>
#include <plancmp/text/offset_map.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text::detail {

/// A span attribute's value (HTML rowspan / colspan, DOCX gridSpan): its leading decimal
/// digits after spaces, at most 100,000; 1 when absent, not a number, or 0.
inline std::uint32_t span_value(std::string_view v) noexcept {
  std::size_t i = 0;
  while (i < v.size() && v[i] == ' ') ++i;
  std::uint32_t n = 0;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && n < 100000; ++i)
    n = n * 10 + static_cast<std::uint32_t>(v[i] - '0');
  return n == 0 ? 1 : n;
}

class text_builder {
 public:
  /// `source_size`: the size of the bytes the spans point into.
  explicit text_builder(std::size_t source_size) : source_size_(source_size) {}

  /// Appends `s`, whose bytes are the source bytes from `source` on (a run that maps
  /// one to one), or a replacement for the source character at `source`.
  void text(std::string_view s, std::size_t source) {
    if (s.empty()) return;
    // Separators map to the end of the text before them, so that a cell's or a line's
    // span ends at its last character, not at the next tag.
    if (pending_cell_) {
      emit("\t", last_source_);
      pending_cell_ = false;
      pending_space_ = false;
    }
    if (pending_space_ && !line_empty_) emit(" ", last_source_);
    pending_space_ = false;
    emit(s, source);
    last_source_ = std::min(source_size_, std::max(last_source_, source + s.size()));
    line_empty_ = false;
  }
  /// Collapsible white space: at most one space, never at the start or end of a line.
  void space() noexcept { pending_space_ = true; }
  /// Ends the current line (in a table cell: a space instead).
  void line_break() {
    if (cell_depth_ > 0) {
      space();
      return;
    }
    if (!line_empty_) emit("\n", last_source_);
    line_empty_ = true;
    pending_space_ = false;
    pending_cell_ = false;
  }
  /// A data table: its rows share one grid, so that merged cells keep every later cell
  /// in its column.
  void begin_table() { grids_.emplace_back(); }
  void end_table() {
    if (!grids_.empty()) grids_.pop_back();
  }
  /// A table row: cells separated by tabs, the row one line.
  void begin_row() {
    line_break();
    cells_in_row_ = 0;
    if (!grids_.empty()) grids_.back().column = 0;
  }
  void end_row() {
    // Columns that a cell of a row above still covers, after the row's last cell.
    if (!grids_.empty()) {
      grid& g = grids_.back();
      while (g.column < g.rows_left.size()) {
        if (g.rows_left[g.column] > 0) {
          covered_cell();
        } else {
          ++g.column;
        }
      }
      // A data table's empty last cells keep their columns too.
      if (pending_cell_ && !line_empty_) emit("\t", last_source_);
    }
    pending_cell_ = false;
    line_break();
  }
  /// A cell spanning `rows` rows and `columns` columns (HTML rowspan / colspan, DOCX
  /// vMerge / gridSpan). Each position it covers in the rows below reads `〃` (the ditto
  /// mark printed tables use for "same as above"), mapped to no source byte; the columns
  /// it covers to its right are empty cells.
  void begin_cell(std::uint32_t rows = 1, std::uint32_t columns = 1) {
    if (!grids_.empty()) {
      grid& g = grids_.back();
      while (g.column < g.rows_left.size() && g.rows_left[g.column] > 0) covered_cell();
      g.budget += 4;
      // A table's spans may add a bounded number of cells (a page of rowspan=65534
      // colspan=1000 must not make gigabytes of ditto marks) in a bounded width: past
      // either limit a span is ignored.
      std::uint64_t span_columns = std::clamp<std::uint32_t>(columns, 1, max_span_columns);
      std::uint64_t span_rows = std::clamp<std::uint32_t>(rows, 1, max_span_rows);
      if (g.column + span_columns > max_grid_columns || span_columns * span_rows - 1 > g.budget) {
        span_columns = span_rows = 1;
      }
      if (g.column < max_grid_columns) {
        if (g.rows_left.size() < g.column + span_columns)
          g.rows_left.resize(g.column + span_columns, 0);
        for (std::uint64_t c = 0; c < span_columns; ++c)
          g.rows_left[g.column + c] = static_cast<std::uint32_t>(span_rows - 1);
      }
      g.budget -= span_columns * span_rows - 1;
      g.column += 1;
      g.spanned_right = static_cast<std::uint32_t>(span_columns - 1);
    }
    open_cell();
  }
  void end_cell() {
    --cell_depth_;
    if (grids_.empty()) return;
    grid& g = grids_.back();
    for (; g.spanned_right > 0; --g.spanned_right) {
      empty_cell();
      ++g.column;
    }
  }
  /// A DOCX cell that continues the vertically merged cell above (`<w:vMerge/>`).
  void continued_cell() {
    if (!grids_.empty()) {
      grid& g = grids_.back();
      if (g.column >= max_grid_columns || g.budget == 0) {
        empty_cell();
        ++g.column;
        return;
      }
      --g.budget;
      if (g.rows_left.size() <= g.column) g.rows_left.resize(g.column + 1, 0);
      g.rows_left[g.column] = 1;
      covered_cell();
    }
  }
  [[nodiscard]] bool in_cell() const noexcept { return cell_depth_ > 0; }

  extracted_text finish() {
    extracted_text out;
    map_.finish(utf8_.size(), source_size_);
    out.utf8 = std::move(utf8_);
    out.to_original = std::move(map_);
    return out;
  }

 private:
  /// Widest and tallest span taken from a file (HTML allows colspan 1000, rowspan 65534).
  static constexpr std::uint32_t max_span_columns = 1000;
  static constexpr std::uint32_t max_span_rows = 65534;

  /// Widest grid tracked: cells past it are kept, but no span reaches them.
  static constexpr std::size_t max_grid_columns = 1000;

  struct grid {
    std::vector<std::uint32_t> rows_left;  ///< per column: rows below still covered
    std::uint64_t budget = 100000;         ///< cells that spans may still add
    std::size_t column = 0;                ///< next column of the current row
    std::uint32_t spanned_right = 0;       ///< columns the open cell covers to its right
  };

  void open_cell() {
    if (cells_in_row_++ > 0) {
      // An empty cell still takes its column.
      if (pending_cell_) emit("\t", last_source_);
      pending_cell_ = true;
    }
    line_empty_ = line_empty_ && cells_in_row_ == 1;
    ++cell_depth_;
    pending_space_ = false;
  }
  /// A cell with nothing in it: it still takes its column.
  void empty_cell() {
    open_cell();
    --cell_depth_;
  }
  /// The position of a merged cell from a row above: a ditto mark of no source bytes.
  void covered_cell() {
    grid& g = grids_.back();
    --g.rows_left[g.column];
    ++g.column;
    open_cell();
    if (pending_cell_) emit("\t", last_source_);
    pending_cell_ = false;
    emit(ditto_mark, last_source_);
    line_empty_ = false;
    --cell_depth_;
  }

  void emit(std::string_view s, std::size_t source) {
    source = std::min(std::max(source, last_source_), source_size_);
    map_.add(utf8_.size(), source);
    utf8_ += s;
    last_source_ = source;
  }

  std::size_t source_size_;
  std::string utf8_;
  offset_map map_;
  std::size_t last_source_ = 0;
  bool line_empty_ = true;
  bool pending_space_ = false;
  bool pending_cell_ = false;
  int cell_depth_ = 0;
  int cells_in_row_ = 0;
  std::vector<grid> grids_;
};

}  // namespace plancmp::inline v0::text::detail
