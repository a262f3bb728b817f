// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace plancmp::inline v0::text {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view to_string(input_format f) noexcept {
  switch (f) {
    case input_format::text: return "text";
    case input_format::html: return "html";
    case input_format::pdf: return "pdf";
    case input_format::docx: return "docx";
  }
  return "text";
}

std::optional<input_format> format_from_extension(std::string_view path) noexcept {
  const auto slash = path.find_last_of("/\\");
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::nullopt;
  const std::string ext = lowercase(path.substr(dot + 1));
  if (ext == "txt" || ext == "text") return input_format::text;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return input_format::html;
  if (ext == "pdf") return input_format::pdf;
  if (ext == "docx") return input_format::docx;
  return std::nullopt;
}

input_format detect_format(std::string_view bytes, std::string_view path) noexcept {
  if (bytes.starts_with("%PDF-")) return input_format::pdf;
  if (bytes.starts_with("PK\x03\x04") && bytes.find("word/") != std::string_view::npos) return input_format::docx;
  const std::string head = lowercase(bytes.substr(0, 1024));
  if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos) {
    return input_format::html;
  }
  return format_from_extension(path).value_or(input_format::text);
}

document make_any_document(std::string bytes, std::string path, const read_options& options,
                           std::optional<input_format> format) {
  const input_format f = format ? *format : detect_format(bytes, path);
  if (f == input_format::text) {
    document doc = make_document(std::move(bytes), std::move(path), options);
    return doc;
  }
  check_input_size(bytes.size(), options.max_input_bytes, path);
  extracted_text x = f == input_format::html  ? extract_html(bytes, path)
                     : f == input_format::pdf ? extract_pdf(bytes, path)
                                              : extract_docx(bytes, path);
  read_options utf8_options = options;
  utf8_options.declared_encoding = encoding::utf8;
  document doc = make_document(std::move(x.utf8), std::move(path), utf8_options);
  doc.format = std::string(to_string(f));
  doc.page_starts = std::move(x.page_starts);
  if (x.to_original) {
    // Re-base every map and span on the raw bytes; line numbers become the physical
    // lines of the raw file.
    doc.printed_to_original = offset_map::compose(doc.printed_to_original, *x.to_original);
    doc.simplified_to_original = offset_map::compose(doc.simplified_to_printed, doc.printed_to_original);
    doc.original = std::move(bytes);
    doc.source_encoding = x.source_encoding;
    std::vector<std::size_t> breaks;
    for (std::size_t i = 0; i < doc.original.size(); ++i) {
      if (doc.original[i] == '\n') breaks.push_back(i);
    }
    for (auto& l : doc.lines) {
      l.source = doc.source_of_printed(l.printed_begin, l.printed_end);
      const auto before = std::lower_bound(breaks.begin(), breaks.end(), l.source.begin) - breaks.begin();
      l.number = static_cast<std::uint32_t>(before + 1);
    }
  }
  return doc;
}

document read_any_document(const std::string& path, const read_options& options) {
  return make_any_document(read_file(path, options.max_input_bytes), path, options);
}

}  // namespace plancmp::inline v0::text
