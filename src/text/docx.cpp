// SPDX-License-Identifier: MIT
// DOCX through libzip (Debian: libzip-dev) and pugixml (libpugixml-dev). pugixml builds
// an in-memory DOM, which suits word/document.xml (read once, walked once, a few MB at
// most) and keeps the walk a short recursive function; libxml2 would add a C API and
// its global state for no gain, expat would make us keep the element stack by hand.
#include "extract_builder.hpp"

#include <plancmp/error.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <cstring>
#include <memory>

namespace plancmp::inline v0::text {
namespace {

/// The bytes of one member of a zip archive in memory.
std::string read_zip_member(std::string_view bytes, const char* member, const std::string& path) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (source == nullptr) {
    zip_error_fini(&err);
    throw parse_error(error_location::file(path), "cannot read the DOCX (out of memory)");
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (archive == nullptr) {
    const std::string why = zip_error_strerror(&err);
    zip_source_free(source);
    zip_error_fini(&err);
    throw parse_error(error_location::file(path),
                      fmt::format("not a readable DOCX: the zip archive is damaged or truncated ({}); "
                                  "open it in Word or LibreOffice and save it again",
                                  why));
  }
  zip_error_fini(&err);
  std::unique_ptr<zip_t, void (*)(zip_t*)> guard(archive, [](zip_t* z) { zip_discard(z); });
  const zip_int64_t index = zip_name_locate(archive, member, 0);
  zip_stat_t st;
  if (index < 0 || zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & ZIP_STAT_SIZE) == 0) {
    throw parse_error(error_location::file(path),
                      fmt::format("not a DOCX: the zip archive has no {}", member));
  }
  constexpr zip_uint64_t max_member_bytes = zip_uint64_t(1) << 30;
  if (st.size > max_member_bytes) {
    throw parse_error(error_location::file(path),
                      fmt::format("{} would unpack to {} bytes, more than the 1 GiB plancmp reads; "
                                  "the file is damaged or not a plan",
                                  member, st.size));
  }
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0),
                                                          zip_fclose);
  std::string data(static_cast<std::size_t>(st.size), '\0');
  if (!file || zip_fread(file.get(), data.data(), data.size()) != static_cast<zip_int64_t>(data.size())) {
    throw parse_error(error_location::file(path),
                      fmt::format("not a readable DOCX: {} in the zip archive is damaged", member));
  }
  return data;
}

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
    for (const auto& tr : tbl.children()) {
      if (local_name(tr) != "tr") continue;
      out_.begin_row();
      for (const auto& tc : tr.children()) {
        if (local_name(tc) != "tc") continue;
        out_.begin_cell();
        runs(tc);
        out_.end_cell();
      }
      out_.end_row();
    }
  }

  detail::text_builder& out_;
};

}  // namespace

extracted_text extract_docx(std::string_view bytes, const std::string& path) {
  const std::string xml = read_zip_member(bytes, "word/document.xml", path);
  pugi::xml_document dom;
  const pugi::xml_parse_result parsed = dom.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
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
