// SPDX-License-Identifier: MIT
// DOCX through libzip (Debian: libzip-dev) and pugixml (libpugixml-dev). pugixml builds
// an in-memory DOM, which suits word/document.xml (read once, walked once, a few MB at
// most) and keeps the walk a short recursive function; libxml2 would add a C API and
// its global state for no gain, expat would make us keep the element stack by hand.
#include "extract_builder.hpp"
#include "zip_archive.hpp"

#include <plancmp/error.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>

namespace plancmp::inline v0::text {
namespace {

/// How the errors of a damaged DOCX read.
constexpr detail::zip_messages docx_zip_messages{
    "cannot read the DOCX (out of memory)",
    "not a readable DOCX: the zip archive is damaged or truncated ({}); open it in Word or LibreOffice and save it again",
    "{} would unpack to {} bytes, more than the 1 GiB plancmp reads; the file is damaged or not a plan",
    "not a readable DOCX: {} in the zip archive is damaged",
};

std::string_view local_name(const pugi::xml_node& n) {
  const std::string_view name = n.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

/// Deepest element nesting read from word/document.xml (Word writes about a dozen).
constexpr std::size_t max_docx_depth = 1000;

class docx_walker {
 public:
  explicit docx_walker(detail::text_builder& out) : out_(out) {}

  /// Block content: paragraphs, tables, and the containers that hold them (w:sdt …).
  void blocks(const pugi::xml_node& parent) {
    for (const auto& n : parent.children()) {
      const auto name = local_name(n);
      if (name == "p") {
        paragraph(n);
      } else if (name == "tbl") {
        table(n);
      } else if (name != "sectPr" && name != "pPr" && name != "tblPr") {
        blocks(n);
      }
    }
  }

 private:
  void paragraph(const pugi::xml_node& p) {
    out_.line_break();
    runs(p);
    out_.line_break();
  }
  void runs(const pugi::xml_node& parent) {
    for (const auto& n : parent.children()) {
      const auto name = local_name(n);
      if (name == "t") {
        out_.text(n.child_value(), 0);
      } else if (name == "tab" || name == "br" || name == "cr") {
        out_.space();
      } else if (name == "delText" || name == "instrText" || name == "rPr" || name == "pPr") {
        continue;
      } else if (name == "p") {
        paragraph(n);
      } else if (name == "tbl") {
        table(n);
      } else {
        runs(n);
      }
    }
  }
  void table(const pugi::xml_node& tbl) {
    out_.begin_table();
    for (const auto& tr : tbl.children()) {
      if (local_name(tr) != "tr") continue;
      out_.begin_row();
      for (const auto& tc : tr.children()) {
        if (local_name(tc) != "tc") continue;
        const cell_merge m = merge_of(tc);
        if (m.continues) {
          out_.continued_cell();
          for (std::uint32_t c = 1; c < m.columns; ++c) out_.continued_cell();
          continue;
        }
        out_.begin_cell(1, m.columns);
        runs(tc);
        out_.end_cell();
      }
      out_.end_row();
    }
    out_.end_table();
  }

  /// How a cell is merged: `<w:gridSpan w:val="n"/>` spans n columns; `<w:vMerge/>`
  /// without `w:val="restart"` continues the cell above.
  struct cell_merge {
    std::uint32_t columns = 1;
    bool continues = false;
  };
  static cell_merge merge_of(const pugi::xml_node& tc) {
    cell_merge m;
    for (const auto& pr : tc.children()) {
      if (local_name(pr) != "tcPr") continue;
      for (const auto& p : pr.children()) {
        const auto name = local_name(p);
        const std::string_view val = value_of(p);
        if (name == "gridSpan") {
          m.columns = detail::span_value(val);
        } else if (name == "vMerge") {
          m.continues = val != "restart";
        }
      }
    }
    return m;
  }
  static std::string_view value_of(const pugi::xml_node& n) {
    for (const auto& a : n.attributes()) {
      const std::string_view an = a.name();
      if (an == "val" || an.ends_with(":val")) return a.value();
    }
    return {};
  }

  detail::text_builder& out_;
};

}  // namespace

extracted_text extract_docx(std::string_view bytes, const std::string& path) {
  const detail::zip_archive archive(bytes, path, docx_zip_messages);
  const std::optional<std::string> xml = archive.member("word/document.xml");
  if (!xml)
    throw parse_error(error_location::file(path),
                      "not a DOCX: the zip archive has no word/document.xml");
  pugi::xml_document dom;
  const pugi::xml_parse_result parsed =
      dom.load_buffer(xml->data(), xml->size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    throw parse_error(error_location::file(path),
                      fmt::format("word/document.xml is not well-formed XML ({} at its byte {}); "
                                  "the DOCX is damaged",
                                  parsed.description(), parsed.offset));
  }
  // The walk below recurses once per element level; Word nests a dozen. pugixml's own
  // traversal is iterative, so measure the depth with it first.
  struct depth_probe : pugi::xml_tree_walker {
    bool too_deep = false;
    bool for_each(pugi::xml_node& /*node*/) override {
      too_deep = depth() > static_cast<int>(max_docx_depth);
      return !too_deep;
    }
  } probe;
  dom.traverse(probe);
  if (probe.too_deep) {
    throw parse_error(error_location::file(path),
                      fmt::format("word/document.xml nests elements deeper than {} levels; the DOCX is "
                                  "damaged or not from a word processor",
                                  max_docx_depth));
  }
  detail::text_builder builder(0);
  docx_walker walker(builder);
  for (const auto& root : dom.children()) {
    for (const auto& body : root.children()) {
      if (local_name(body) == "body") walker.blocks(body);
    }
  }
  extracted_text out = builder.finish();
  out.to_original.reset();  // the extracted text is the original
  if (!out.utf8.empty() && out.utf8.back() != '\n') out.utf8 += '\n';
  return out;
}

}  // namespace plancmp::inline v0::text
