// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/data.hpp>
#include <plancmp/span.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/text/noise.hpp>
#include <plancmp/text/offset_map.hpp>
#include <plancmp/text/script.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text {

/// One line of a document, located in both text views and in the original bytes.
struct line {
  std::uint32_t number = 0;         ///< 1-based line number in the original file
  std::size_t printed_begin = 0;    ///< byte range in document::printed, without '\n'
  std::size_t printed_end = 0;
  std::size_t simplified_begin = 0; ///< byte range in document::simplified, without '\n'
  std::size_t simplified_end = 0;
  span source;                      ///< byte range in document::original
  noise_verdict noise;              ///< noise_kind::none for content
  bool blank = false;               ///< only whitespace

  [[nodiscard]] bool is_content() const noexcept { return !blank && !noise; }
};

/// Options for reading a document.
struct read_options {
  std::optional<encoding> declared_encoding;  ///< skip detection
  /// Larger input: `usage_error` naming the file (`check_input_size`); the CLI's
  /// `--max-input-size`. Applies to the bytes as read (before HTML/PDF/DOCX extraction).
  std::size_t max_input_bytes = default_max_input_bytes;
  /// nullptr: the built-in rules. A classifier of your own must outlive the documents
  /// read with it: each line's `noise.rule` points into the classifier's rule ids.
  const noise_classifier* noise = nullptr;
  /// Rejoin paragraphs that a fixed line width broke into lines (text exported from a
  /// PDF, or from a page layout: most lines end at one width, mid-sentence). Each line
  /// break that only wraps is dropped from `printed` and `simplified` (the offset maps
  /// keep every byte traceable; `line::number` stays the physical line where a paragraph
  /// starts). docs/text-input.md, "Hard-wrapped text".
  bool unwrap = true;
};

/// A document read and prepared for parsing: the original bytes, the normalized text in
/// its printed script, the same text in simplified script, each with an exact map back
/// to the original bytes, and its lines with their noise verdicts.
struct document {
  std::string path;       ///< as given; "<bytes>" for buffers without a name
  std::string original;   ///< the bytes as read, unchanged
  encoding source_encoding = encoding::utf8;
  script source_script = script::none;

  std::string printed;    ///< decoded and normalized, original script (names "as printed")
  offset_map printed_to_original;
  std::string simplified; ///< `printed` converted to simplified script
  offset_map simplified_to_printed;
  offset_map simplified_to_original;

  std::vector<line> lines;

  /// The format the document was read from: "text", "html", "pdf", "docx" (see
  /// text/formats.hpp). For pdf and docx `original` is the extracted text.
  std::string format = "text";
  /// Line breaks dropped because they only wrapped a paragraph (read_options::unwrap);
  /// 0 for text that is not hard-wrapped. The width it was wrapped at, in half-em units
  /// (a Han character is 2, an ASCII character 1), in `wrap_width`.
  std::size_t unwrapped_breaks = 0;
  std::size_t wrap_width = 0;

  /// PDF: offset in `original` where each page begins; empty for other formats.
  std::vector<std::size_t> page_starts;
  /// The 1-based page holding original byte `byte`; 0 when the document has no pages.
  [[nodiscard]] std::uint32_t page_at(std::uint64_t byte) const noexcept;

  /// Original-byte span of a byte range of `simplified`.
  [[nodiscard]] span source_of_simplified(std::size_t begin, std::size_t end) const noexcept;
  /// Original-byte span of a byte range of `printed`.
  [[nodiscard]] span source_of_printed(std::size_t begin, std::size_t end) const noexcept;
  /// The printed text for a byte range of `simplified` (e.g. an agency name as printed).
  [[nodiscard]] std::string_view printed_of_simplified(std::size_t begin, std::size_t end) const noexcept;
  /// Number of noise lines.
  [[nodiscard]] std::size_t noise_line_count() const noexcept;
  /// The number (1-based) of the line holding original byte `byte`: the last line that
  /// begins at or before it; 0 before the first line (or with no lines).
  [[nodiscard]] std::uint32_t line_number_at(std::uint64_t byte) const noexcept;
};

/// Reads a file into a document. Throws `io_error`, `decode_error` or `usage_error`
/// (input larger than `max_input_bytes`), each naming the file.
[[nodiscard]] document read_document(const std::string& path, const read_options& options = {});

/// Prepares a document from bytes already in memory; `path` names it in errors.
[[nodiscard]] document make_document(std::string bytes, std::string path = "<bytes>",
                                     const read_options& options = {});

}  // namespace plancmp::inline v0::text
