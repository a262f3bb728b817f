// SPDX-License-Identifier: MIT
// HTML pages through gumbo, Google's HTML5 parser (Debian: libgumbo-dev). The page is
// decoded to UTF-8 first (charset from the page's own declaration), gumbo parses the
// UTF-8 and tells where each text node starts; a walk over the tree writes lines and
// tab-joined table rows, and an offset map goes back to the raw bytes.
#include "extract_builder.hpp"

#include <plancmp/error.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iterator>
#include <memory>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::text {
namespace {

char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// The charset a page declares in its first 4 KiB (`charset=…` in a meta element or
/// HTTP-style header, `encoding="…"` in an XML declaration), if plancmp knows it.
std::optional<encoding> declared_charset(std::string_view bytes) {
  std::string head(bytes.substr(0, 4096));
  for (char& c : head) c = lower(c);
  for (const std::string_view key : {std::string_view("charset"), std::string_view("encoding")}) {
    for (std::size_t pos = head.find(key); pos != std::string::npos; pos = head.find(key, pos + 1)) {
      std::size_t i = pos + key.size();
      while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
      if (i >= head.size() || head[i] != '=') continue;
      ++i;
      while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
      std::size_t end = i;
      while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                   head[end] == '_')) {
        ++end;
      }
      if (const auto e = parse_encoding(std::string_view(head).substr(i, end - i))) return e;
    }
  }
  return std::nullopt;
}

bool is_dropped(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_NAV: case GUMBO_TAG_MENU: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_UL: case GUMBO_TAG_BR: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool is_html_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::size_t utf8_length(unsigned char b) noexcept {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

void for_each_child_element(const GumboNode* node, const std::function<void(const GumboNode*)>& f) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& v = node->v.element.children;
  for (unsigned i = 0; i < v.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(v.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT) f(child);
  }
}

/// Block elements and tables under `node` (stops at nested tables).
void count_blocks(const GumboNode* node, std::size_t& blocks, bool& nested_table) {
  for_each_child_element(node, [&](const GumboNode* c) {
    if (c->v.element.tag == GUMBO_TAG_TABLE) {
      nested_table = true;
      return;
    }
    if (is_block(c->v.element.tag)) ++blocks;
    count_blocks(c, blocks, nested_table);
  });
}

/// Government sites often lay a whole page out in a table: the article sits in one
/// cell, with menus in others. Such a table is read as blocks, not as tab-joined rows:
/// one column only, a nested table, or a cell holding more than two block elements.
bool is_layout_table(const GumboNode* table) {
  std::size_t max_cells = 0;
  bool layout = false;
  auto row = [&](const GumboNode* tr) {
    std::size_t cells = 0;
    for_each_child_element(tr, [&](const GumboNode* cell) {
      const GumboTag tag = cell->v.element.tag;
      if (tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH) return;
      ++cells;
      std::size_t blocks = 0;
      bool nested = false;
      count_blocks(cell, blocks, nested);
      layout = layout || nested || blocks > 2;
    });
    max_cells = std::max(max_cells, cells);
  };
  for_each_child_element(table, [&](const GumboNode* c) {
    const GumboTag tag = c->v.element.tag;
    if (tag == GUMBO_TAG_TR) row(c);
    if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
      for_each_child_element(c, [&](const GumboNode* tr) {
        if (tr->v.element.tag == GUMBO_TAG_TR) row(tr);
      });
    }
  });
  return layout || max_cells <= 1;
}

/// Deepest element nesting accepted in a page. Real pages nest a few dozen levels. Gumbo
/// takes time quadratic in the depth of its stack of open elements, and both its tree
/// destruction and our walk recurse once per level, so a hostile page of 10^5 nested
/// tags would take minutes and then overflow the stack.
constexpr std::size_t max_html_depth = 2000;

bool ascii_iequal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// An upper estimate of the element nesting of `html`, checked before gumbo sees it:
/// start tags count one level deeper, end tags one level shallower; void elements,
/// elements whose end tag HTML lets the page leave out (p, li, td …), comments, and the
/// contents of script, style, textarea and title are not counted. Throws `parse_error`
/// naming the byte of the start tag that goes past `max_html_depth`.
void check_html_nesting(std::string_view html, const offset_map& to_original, const std::string& path) {
  static constexpr std::string_view not_nesting[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp", "thead", "tbody",
      "tfoot", "colgroup", "caption", "html", "head", "body", "basefont", "bgsound", "frame", "keygen"};
  static constexpr std::string_view raw_text[] = {"script", "style", "textarea", "title", "xmp", "plaintext"};
  std::size_t depth = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t tag_begin = i;
    if (html.substr(i, 4) == "<!--") {
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) return;
      i = end + 3;
      continue;
    }
    std::size_t j = i + 1;
    const bool closing = j < html.size() && html[j] == '/';
    if (closing) ++j;
    const std::size_t name_begin = j;
    while (j < html.size() && ((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z') ||
                               (html[j] >= '0' && html[j] <= '9') || html[j] == '-' || html[j] == ':'))
      ++j;
    const std::string_view name = html.substr(name_begin, j - name_begin);
    const std::size_t close = html.find('>', j);
    if (close == std::string_view::npos) return;
    i = close + 1;
    if (name.empty()) continue;  // <!doctype>, <?xml?>, a lone '<'
    const auto is_one_of = [&](const auto& list) {
      return std::any_of(std::begin(list), std::end(list), [&](std::string_view n) { return ascii_iequal(n, name); });
    };
    if (is_one_of(not_nesting)) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (html[close - 1] == '/') continue;  // <x/>
    if (is_one_of(raw_text)) {
      // Skip to the matching end tag, case-insensitively.
      for (std::size_t k = html.find("</", i); k != std::string_view::npos; k = html.find("</", k + 2)) {
        if (ascii_iequal(html.substr(k + 2, name.size()), name)) {
          i = k;
          break;
        }
      }
      continue;
    }
    if (++depth > max_html_depth) {
      throw parse_error(error_location{path, to_original.to_source(tag_begin), std::nullopt, std::nullopt},
                        fmt::format("HTML elements nested deeper than {} levels; this is not a plan's web page "
                                    "(or the page is broken) — save the article's text instead",
                                    max_html_depth));
    }
  }
}

/// A cell's rowspan or colspan (detail::span_value): 1 when absent.
std::uint32_t span_attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a == nullptr ? 1 : detail::span_value(a->value);
}

class html_walker {
 public:
  html_walker(std::string_view buffer, detail::text_builder& out) : buffer_(buffer), out_(out) {}

  void walk(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        children(&node->v.document.children);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        element(node);
        return;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text(node->v.text);
        return;
      case GUMBO_NODE_COMMENT:
        return;
    }
  }

 private:
  std::size_t offset_of(const char* p) const noexcept {
    if (p == nullptr || p < buffer_.data() || p > buffer_.data() + buffer_.size()) return 0;
    return static_cast<std::size_t>(p - buffer_.data());
  }

  void children(const GumboVector* v) {
    for (unsigned i = 0; i < v->length; ++i) walk(static_cast<const GumboNode*>(v->data[i]));
  }

  void element(const GumboNode* node) {
    const GumboElement& e = node->v.element;
    if (is_dropped(e.tag)) return;
    if (e.tag == GUMBO_TAG_TABLE) {
      layout_.push_back(is_layout_table(node));
      out_.line_break();
      out_.begin_table();
      children(&e.children);
      out_.end_table();
      out_.line_break();
      layout_.pop_back();
      return;
    }
    const bool in_layout = !layout_.empty() && layout_.back();
    if (in_layout && (e.tag == GUMBO_TAG_TR || e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH)) {
      out_.line_break();
      children(&e.children);
      out_.line_break();
      return;
    }
    if (e.tag == GUMBO_TAG_TR) {
      out_.begin_row();
      children(&e.children);
      out_.end_row();
      return;
    }
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) {
      out_.begin_cell(span_attribute(e, "rowspan"), span_attribute(e, "colspan"));
      children(&e.children);
      out_.end_cell();
      return;
    }
    const bool block = is_block(e.tag);
    if (block) out_.line_break();
    if (e.tag == GUMBO_TAG_PRE) ++pre_depth_;
    children(&e.children);
    if (e.tag == GUMBO_TAG_PRE) --pre_depth_;
    if (block) out_.line_break();
  }

  /// Walks the decoded text and its original source together: equal bytes map one to
  /// one, an entity maps to its `&…;`, white space collapses.
  void text(const GumboText& t) {
    const std::string_view decoded = t.text;
    // gumbo's original_text of a merged text node may cover only its first token (up to
    // an entity), so walk the page itself from where the node starts.
    const std::size_t base = offset_of(t.original_text.data);
    const std::string_view original = buffer_.substr(base);
    std::size_t p = 0;
    for (std::size_t j = 0; j < decoded.size();) {
      const std::size_t n = std::min(utf8_length(static_cast<unsigned char>(decoded[j])), decoded.size() - j);
      const std::string_view ch = decoded.substr(j, n);
      j += n;
      if (n == 1 && is_html_space(ch[0])) {
        if (pre_depth_ > 0 && ch[0] == '\n') {
          out_.line_break();
        } else {
          out_.space();
        }
        if (p < original.size() && original[p] == '\r') ++p;
        if (p < original.size() && is_html_space(original[p])) ++p;
        continue;
      }
      const bool entity = p + 1 < original.size() && original[p] == '&' &&
                          (std::isalnum(static_cast<unsigned char>(original[p + 1])) || original[p + 1] == '#');
      if (!entity && original.substr(p, n) == ch) {
        out_.text(ch, base + p);
        p += n;
        continue;
      }
      out_.text(ch, base + p);
      if (entity) {
        const std::size_t semicolon = original.find(';', p);
        if (semicolon != std::string_view::npos && semicolon - p <= 40) {
          p = semicolon + 1;
        } else {
          ++p;
          while (p < original.size() && (std::isalnum(static_cast<unsigned char>(original[p])) || original[p] == '#')) ++p;
        }
      } else if (p < original.size()) {
        ++p;
      }
    }
  }

  std::string_view buffer_;
  detail::text_builder& out_;
  std::vector<bool> layout_;  ///< for each open table: a layout table (no tab-joined rows)
  int pre_depth_ = 0;
};

}  // namespace

extracted_text extract_html(std::string_view bytes, const std::string& path) {
  const bool has_bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  const std::optional<encoding> declared = has_bom ? std::nullopt : declared_charset(bytes);
  decoded_text decoded = decode(bytes, path, declared);
  const std::string& buffer = decoded.utf8;
  check_html_nesting(buffer, decoded.offsets, path);
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, buffer.data(), buffer.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!output) {
    throw parse_error(error_location::file(path),
                      "the HTML parser could not read this page; check that it is an HTML file");
  }
  detail::text_builder builder(buffer.size());
  html_walker(buffer, builder).walk(output->document);
  extracted_text out = builder.finish();
  out.to_original = offset_map::compose(*out.to_original, decoded.offsets);
  out.source_encoding = decoded.source_encoding;
  return out;
}

}  // namespace plancmp::inline v0::text
