// SPDX-License-Identifier: MIT
// Builds the text extracted from HTML and DOCX: lines, tab-joined table cells,
// collapsed white space, and the offset map back to the bytes each piece came from.
#pragma once

#include <plancmp/text/formats.hpp>
#include <plancmp/text/offset_map.hpp>

#include <algorithm>
#include <string>
#include <string_view>

namespace plancmp::inline v0::text::detail {

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
  /// A table row: cells separated by tabs, the row one line.
  void begin_row() {
    line_break();
    cells_in_row_ = 0;
  }
  void end_row() {
    pending_cell_ = false;
    line_break();
  }
  void begin_cell() {
    if (cells_in_row_++ > 0) {
      // An empty cell still takes its column.
      if (pending_cell_) emit("\t", last_source_);
      pending_cell_ = true;
    }
    line_empty_ = line_empty_ && cells_in_row_ == 1;
    ++cell_depth_;
    pending_space_ = false;
  }
  void end_cell() { --cell_depth_; }
  [[nodiscard]] bool in_cell() const noexcept { return cell_depth_ > 0; }

  extracted_text finish() {
    extracted_text out;
    map_.finish(utf8_.size(), source_size_);
    out.utf8 = std::move(utf8_);
    out.to_original = std::move(map_);
    return out;
  }

 private:
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
};

}  // namespace plancmp::inline v0::text::detail
