// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/normalize.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace plancmp::inline v0::text {

namespace {

/// Length of the whitespace character at `i`, or 0. After normalization NBSP and
/// U+3000 are already ASCII spaces; this also knows the other Unicode spaces and the
/// invisible characters scraped pages are full of (zero-width space, word joiner,
/// a stray U+FEFF), which make a line look empty without being ASCII space.
std::size_t whitespace_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == ' ' || b0 == '\t' || b0 == '\v' || b0 == '\f' || b0 == '\r') return 1;
  if (b0 < 0xC2 || i + 1 >= s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b0 == 0xC2) return (b1 == 0x85 || b1 == 0xA0) ? 2 : 0;  // NEL, NBSP
  if (i + 2 >= s.size()) return 0;
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return 3;  // U+1680 ogham space mark
  if (b0 == 0xE2 && b1 == 0x80) {
    // U+2000–200A spaces, U+200B–200D zero-width, U+2028/2029 separators, U+202F.
    if ((b2 >= 0x80 && b2 <= 0x8D) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) return 3;
    return 0;
  }
  if (b0 == 0xE2 && b1 == 0x81 && (b2 == 0x9F || b2 == 0xA0)) return 3;  // U+205F, U+2060
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;                  // U+3000
  if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;                  // U+FEFF
  return 0;
}

/// Length of the whitespace character that ends at `end` (exclusive), or 0.
std::size_t trailing_whitespace_length(std::string_view s, std::size_t end) noexcept {
  for (std::size_t length = 1; length <= 3 && length <= end; ++length) {
    if (whitespace_length(s, end - length) == length) return length;
  }
  return 0;
}

std::string_view trim_whitespace(std::string_view s) noexcept {
  std::size_t begin = 0;
  std::size_t end = s.size();
  while (begin < end) {
    const std::size_t n = whitespace_length(s, begin);
    if (n == 0) break;
    begin += n;
  }
  while (end > begin) {
    const std::size_t n = trailing_whitespace_length(s, end);
    if (n == 0) break;
    end -= n;
  }
  return s.substr(begin, end - begin);
}

/// Offsets of the '\n' bytes of `s`, in order.
std::vector<std::size_t> line_breaks(std::string_view s) {
  std::vector<std::size_t> breaks;
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  for (const char* p = begin; p < end;) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!hit) break;
    const char* lf = static_cast<const char*>(hit);
    breaks.push_back(static_cast<std::size_t>(lf - begin));
    p = lf + 1;
  }
  return breaks;
}

span to_span(const offset_map& map, std::size_t begin, std::size_t end) noexcept {
  return span{map.to_source(begin), map.to_source(std::max(begin, end))};
}

}  // namespace

span document::source_of_simplified(std::size_t begin, std::size_t end) const noexcept {
  return to_span(simplified_to_original, begin, end);
}

span document::source_of_printed(std::size_t begin, std::size_t end) const noexcept {
  return to_span(printed_to_original, begin, end);
}

std::string_view document::printed_of_simplified(std::size_t begin, std::size_t end) const noexcept {
  const std::size_t from = std::min(simplified_to_printed.to_source(begin), printed.size());
  const std::size_t to =
      std::min(simplified_to_printed.to_source(std::max(begin, end)), printed.size());
  return std::string_view(printed).substr(from, std::max(from, to) - from);
}

std::size_t document::noise_line_count() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [](const line& l) { return bool(l.noise); }));
}

std::uint32_t document::line_number_at(std::uint64_t byte) const noexcept {
  const auto it = std::upper_bound(lines.begin(), lines.end(), byte,
                                   [](std::uint64_t b, const line& l) { return b < l.source.begin; });
  return it == lines.begin() ? std::uint32_t{0} : std::prev(it)->number;
}

std::uint32_t document::page_at(std::uint64_t byte) const noexcept {
  const auto it = std::upper_bound(page_starts.begin(), page_starts.end(), byte);
  return static_cast<std::uint32_t>(it - page_starts.begin());
}

document read_document(const std::string& path, const read_options& options) {
  return make_document(read_file(path, options.max_input_bytes), path, options);
}

document make_document(std::string bytes, std::string path, const read_options& options) {
  check_input_size(bytes.size(), options.max_input_bytes, path);
  document doc;
  doc.path = std::move(path);
  doc.original = std::move(bytes);

  decoded_text decoded = decode(doc.original, doc.path, options.declared_encoding);
  doc.source_encoding = decoded.source_encoding;
  normalized_text normalized = normalize(decoded.utf8);
  decoded.utf8 = std::string();  // the largest temporary; free it before conversion
  doc.printed = std::move(normalized.text);
  doc.printed_to_original = offset_map::compose(normalized.offsets, decoded.offsets);

  const simplifier& converter = simplifier::shared();
  simplified_text simplified = converter.convert(doc.printed);
  doc.simplified = std::move(simplified.text);
  doc.source_script = simplified.source_script;
  doc.simplified_to_printed = std::move(simplified.offsets);
  doc.simplified_to_original = offset_map::compose(doc.simplified_to_printed, doc.printed_to_original);

  // Conversion never crosses a line break, so both views have the same lines; walk
  // them in lockstep.
  const std::vector<std::size_t> printed_breaks = line_breaks(doc.printed);
  const std::vector<std::size_t> simplified_breaks = line_breaks(doc.simplified);
  if (printed_breaks.size() != simplified_breaks.size()) {
    throw error(error_location::file(doc.path),
                fmt::format("internal error: the simplified text has {} line breaks but the "
                            "printed text {}; please report this with the file",
                            simplified_breaks.size(), printed_breaks.size()));
  }
  // A final line break ends the last line; it does not open an empty one.
  std::size_t line_count = printed_breaks.size() + 1;
  if (doc.printed.empty() || doc.printed.back() == '\n') --line_count;
  if (line_count > std::numeric_limits<std::uint32_t>::max()) {
    throw usage_error(
        error_location::file(doc.path),
        fmt::format("{} lines are more than plancmp can number; split the file", line_count));
  }

  const noise_classifier& classifier = options.noise ? *options.noise : noise_classifier::builtin();
  doc.lines.reserve(line_count);
  std::size_t printed_begin = 0;
  std::size_t simplified_begin = 0;
  std::size_t source_hint = 0;
  for (std::size_t i = 0; i < line_count; ++i) {
    line l;
    l.number = static_cast<std::uint32_t>(i + 1);
    l.printed_begin = printed_begin;
    l.printed_end = i < printed_breaks.size() ? printed_breaks[i] : doc.printed.size();
    l.simplified_begin = simplified_begin;
    l.simplified_end = i < simplified_breaks.size() ? simplified_breaks[i] : doc.simplified.size();
    // source_of_printed(l.printed_begin, l.printed_end), lines being in order.
    l.source = span{doc.printed_to_original.to_source(l.printed_begin, source_hint),
                    doc.printed_to_original.to_source(std::max(l.printed_begin, l.printed_end), source_hint)};
    const std::string_view text =
        trim_whitespace(std::string_view(doc.simplified)
                 .substr(l.simplified_begin, l.simplified_end - l.simplified_begin));
    l.blank = text.empty();
    if (!l.blank) l.noise = classifier.classify(text);
    printed_begin = l.printed_end + 1;
    simplified_begin = l.simplified_end + 1;
    doc.lines.push_back(l);
  }
  return doc;
}

}  // namespace plancmp::inline v0::text
