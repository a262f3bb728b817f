// SPDX-License-Identifier: MIT
#include <plancmp/model/detail/markup.hpp>

#include <plancmp/text/detail/utf8.hpp>

namespace plancmp::inline v0::detail {
namespace {

/// Appends `text` to `out` with what `escape` makes of each code point; ill-formed UTF-8
/// becomes U+FFFD so that one bad byte cannot make the whole file unreadable.
template <typename Escape>
void append_escaped(std::string& out, std::string_view text, Escape escape) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = text::detail::next_code_point(text, pos);
    if (c == text::detail::invalid_code_point) c = 0xFFFD;
    escape(out, c);
  }
}

}  // namespace

void append_xml(std::string& out, std::string_view text) {
  append_escaped(out, text, [](std::string& o, char32_t c) {
    switch (c) {
      case '&':
        o += "&amp;";
        return;
      case '<':
        o += "&lt;";
        return;
      case '>':
        o += "&gt;";
        return;
      case '"':
        o += "&quot;";
        return;
      case '\'':
        o += "&apos;";
        return;
      case '\r':
        o += "&#13;";
        return;
      case '\t':
      case '\n':
        o += static_cast<char>(c);
        return;
      default:
        break;
    }
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) return;
    text::detail::append_utf8(o, c);
  });
}

void append_dot(std::string& out, std::string_view text) {
  append_escaped(out, text, [](std::string& o, char32_t c) {
    switch (c) {
      case '"':
        o += "\\\"";
        return;
      case '\\':
        o += "\\\\";
        return;
      case '\n':
        o += "\\n";
        return;
      case '\t':
        o += ' ';
        return;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) return;
    text::detail::append_utf8(o, c);
  });
}

}  // namespace plancmp::inline v0::detail
