// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/detail/cover_lines.hpp>
#include <plancmp/text/detail/heading_shape.hpp>
#include <plancmp/text/detail/utf8.hpp>
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

// ------------------------------------------------------------------ hard-wrapped text
//
// A PDF's text layer, or text copied out of a page layout, breaks every paragraph at the
// page's width: most lines are about as wide as each other and end mid-sentence, and only
// a paragraph's last line is shorter. Read as it is, each such line would be a paragraph
// of its own (a measure per line under a topic heading), and a unit's name, a target or
// a clause cut by the break would be read in two halves. The layout constants below are
// the world's, not one document's: widths in half-em units, as a page sets them.

bool ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool ascii_alnum(char c) noexcept {
  return ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Width of a text as a page sets it: 2 per character outside ASCII (Han characters), 1
/// per ASCII character.
std::size_t display_width(std::string_view s) noexcept {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++w;
    } else if (!detail::is_continuation(b)) {
      w += 2;  // the lead byte of a character outside ASCII
    }
  }
  return w;
}

/// Whether `s` (a trimmed line) is only a page number: 12, - 12 -, —12—, 12/30. A page's
/// number stands between the two halves of a paragraph broken by the page: no join.
bool page_number(std::string_view s) noexcept {
  if (s.empty() || s.size() > 16) return false;
  bool digit = false;
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (ascii_digit(c)) {
      digit = true, ++i;
    } else if (c == '-' || c == ' ' || c == '/') {
      ++i;
    } else if (s.substr(i).starts_with("—")) {
      i += std::string_view("—").size();
    } else {
      return false;
    }
  }
  return digit;
}

/// Whether `s` leaves a bracket open at its end (`…。[责任单位:`): what follows is still
/// inside it, whatever mark the line ends with.
bool bracket_open(std::string_view s) noexcept {
  int depth = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '(' || c == '[')
      ++depth;
    else if (c == ')' || c == ']')
      depth = std::max(0, depth - 1);
    else if (s.substr(i).starts_with("（") || s.substr(i).starts_with("【"))
      ++depth;
    else if (s.substr(i).starts_with("）") || s.substr(i).starts_with("】"))
      depth = std::max(0, depth - 1);
  }
  return depth > 0;
}

/// Whether `s` ends with a bracketed group of four characters or more (`（市科技局牵头）`,
/// not `(点)`): a clause that may close a paragraph.
bool closes_clause(std::string_view s) noexcept {
  static constexpr std::pair<std::string_view, std::string_view> pairs[] = {
      {"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}};
  for (const auto& [open, close] : pairs) {
    if (!s.ends_with(close)) continue;
    const std::size_t at = s.rfind(open);
    if (at == std::string_view::npos) return true;  // opened on an earlier line: a long group
    const std::string_view inside =
        s.substr(at + open.size(), s.size() - close.size() - at - open.size());
    return detail::count_code_points(inside) >= 4;
  }
  return false;
}

/// Whether a line ending in `s` ends a sentence or announces what follows (。！？；：…),
/// so that a paragraph may end there even at the full width.
bool ends_sentence(std::string_view s) noexcept {
  if (s.empty()) return true;
  const char last = s.back();
  if (last == '.' || last == ';' || last == ':' || last == '!' || last == '?') return true;
  for (std::string_view w : {"。", "；", "：", "！", "？", "…"}) {
    if (s.ends_with(w)) return true;
  }
  return false;
}

constexpr std::size_t npos_line = static_cast<std::size_t>(-1);
constexpr std::size_t wrap_min_lines = 12;     ///< fewer content lines: nothing to tell from
constexpr std::size_t wrap_min_width = 24;     ///< 12 characters: narrower is a list, not a page
constexpr std::size_t wrap_band = 4;           ///< a full line is within 2 characters of the width
constexpr double wrap_min_share = 0.35;        ///< of the long lines at the body's full width
constexpr double wrap_min_share_other = 0.10;  ///< at another full width (a box set wider or narrower)
constexpr std::size_t wrap_max_widths = 3;     ///< the body's width and those of boxes
constexpr double wrap_max_wider = 0.05;        ///< of all content lines wider than every width
constexpr double wrap_min_mid_sentence = 0.6;  ///< of the full lines ending mid-sentence
constexpr double wrap_min_indented =
    0.05;  ///< of the content lines indented: the document indents paragraphs
constexpr double wrap_min_spaced =
    0.8;  ///< of the short lines before a blank one: blank lines part paragraphs
constexpr std::size_t wrap_min_spaced_lines =
    3;  ///< fewer lines before a blank one: nothing to tell from
constexpr std::size_t wrap_max_run_in_title = 20;  ///< characters of a topic paragraph's run-in title
constexpr std::size_t wrap_min_page_lines = 10;    ///< lines of a page, at the fewest

}  // namespace

bool detail::opens_with_run_in_title(std::string_view t) noexcept {
  const auto stop = t.find("。");
  if (stop == std::string_view::npos) return false;
  const auto title = t.substr(0, stop);
  return detail::count_code_points(title) <= wrap_max_run_in_title &&
         title.find(',') == std::string_view::npos && title.find("，") == std::string_view::npos;
}

bool detail::has_sentence_punctuation(std::string_view s) noexcept {
  for (std::string_view w : {"，", "。", "；", "：", "、", ",", ";", ":"}) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

namespace {

/// Where a line of PDF-extracted text holds the start of another paragraph, glued to the
/// sentence before it with a space (`…优化技术。 （二）深化推广应用…`, `…的供应链。 推进中小企业
/// 数字化转型。加快…`): the space after a sentence's end, before a numbered heading or a
/// run-in title. Chinese text sets no space after `。`; the extraction put it where a line
/// of a box and the body's next line met. Each run of spaces as [begin, end) in `t`. A
/// numbered heading right after the `。` is glued too, an empty run marking it, where the
/// line is wider than the page (`wide`: two lines run together, `…全面融通。2.加强标准研制。…`)
/// or where the heading is a title ending the line short of the width (`ended`:
/// `…新格局。（二）供给能力提升工程`; an item inside a paragraph goes on to the next line).
std::vector<std::pair<std::size_t, std::size_t>> glued_paragraphs(std::string_view t, bool wide,
                                                                  bool ended) {
  constexpr std::string_view stop = "。";
  constexpr std::string_view wide_space = "\u3000";
  constexpr std::size_t max_glued_heading = 50;  // characters of a heading glued at a line's end
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t at = t.find(stop); at != std::string_view::npos;
       at = t.find(stop, at + stop.size())) {
    const std::size_t begin = at + stop.size();
    std::size_t end = begin;
    while (end < t.size()) {
      if (t[end] == ' ' || t[end] == '\t') {
        ++end;
      } else if (t.substr(end).starts_with(wide_space)) {
        end += wide_space.size();
      } else {
        break;
      }
    }
    if (end == t.size()) continue;
    const std::string_view rest = t.substr(end);
    const bool heading =
        detail::opens_like_heading(rest) && detail::count_code_points(rest) <= max_glued_heading;
    if (end == begin ? heading && (wide || (ended && !detail::has_sentence_punctuation(rest)))
                     : heading || detail::opens_with_run_in_title(rest)) {
      out.emplace_back(begin, end);
    }
  }
  return out;
}

/// The widths `doc` is hard-wrapped at (the body's first, then those of boxes set to
/// another width), or none when its lines are paragraphs. A width is the widest of a band
/// of wrap_band holding many lines, most of them ending mid-sentence.
std::vector<std::size_t> wrap_widths_of(const document& doc, const std::vector<std::string_view>& texts,
                                        const std::vector<std::size_t>& line_widths) {
  struct measured {
    std::size_t width;
    bool mid_sentence;
  };
  std::vector<measured> lines;
  for (std::size_t k = 0; k < doc.lines.size(); ++k) {
    if (doc.lines[k].is_content()) lines.push_back({line_widths[k], !ends_sentence(texts[k])});
  }
  if (lines.size() < wrap_min_lines) return {};
  std::sort(lines.begin(), lines.end(),
            [](const measured& a, const measured& b) { return a.width < b.width; });
  // Shares are of the lines at least half the body's width: headings, table cells and
  // short items do not dilute them.
  double n = 0;
  std::vector<std::size_t> widths;
  std::vector<bool> taken(lines.size(), false);
  while (widths.size() < wrap_max_widths) {
    // The width with the most untaken lines within the band below it (the widest on a tie).
    std::size_t best = 0, best_count = 0;
    for (std::size_t i = 0, lo = 0, count = 0; i < lines.size(); ++i) {
      count += !taken[i];
      while (lines[lo].width + wrap_band < lines[i].width) count -= !taken[lo++];
      if (!taken[i] && count >= best_count) best = lines[i].width, best_count = count;
    }
    if (widths.empty()) {
      n = static_cast<double>(std::count_if(lines.begin(), lines.end(),
                                            [&](const measured& m) { return 2 * m.width >= best; }));
    }
    const double share = widths.empty() ? wrap_min_share : wrap_min_share_other;
    if (best < wrap_min_width || static_cast<double>(best_count) < share * n) break;
    std::size_t mid = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!taken[i] && lines[i].width <= best && lines[i].width + wrap_band >= best)
        mid += lines[i].mid_sentence;
    }
    if (static_cast<double>(mid) < wrap_min_mid_sentence * static_cast<double>(best_count)) break;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].width <= best && lines[i].width + wrap_band >= best) taken[i] = true;
    }
    widths.push_back(best);
  }
  if (widths.empty()) return {};
  const std::size_t widest = *std::max_element(widths.begin(), widths.end());
  const auto wider = std::count_if(lines.begin(), lines.end(),
                                   [&](const measured& m) { return m.width > widest + 2; });
  if (static_cast<double>(wider) > wrap_max_wider * static_cast<double>(lines.size())) return {};
  return widths;
}

/// Whether `s` (a trimmed line) is a line a cover sets alone: a document number and
/// nothing else (`鄂前政办发〔2023〕15号`) or a date alone (`2023年6月12日`). A title at the
/// full width above it does not go on into it.
bool stands_alone(std::string_view s) noexcept {
  if (const auto m = detail::find_doc_number(s); m && m->begin == 0 && m->end == s.size()) return true;
  return detail::date_line(s).has_value();
}

/// Whether a line of width `w` is at one of the full `widths`.
bool at_full_width(std::size_t w, const std::vector<std::size_t>& widths) noexcept {
  return std::any_of(widths.begin(), widths.end(),
                     [&](std::size_t full) { return w <= full + 2 && w + wrap_band >= full; });
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

namespace {
void build_views(document& doc, const read_options& options);
void unwrap_paragraphs(document& doc, const read_options& options, const offset_map& to_decoded);
}  // namespace

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
  build_views(doc, options);
  if (options.unwrap) unwrap_paragraphs(doc, options, normalized.offsets);
  return doc;
}

namespace {

/// From `printed` and its map: the simplified view, its maps and the lines.
void build_views(document& doc, const read_options& options) {
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
}

/// A first, cheap look (line lengths in bytes, no pass over the text): whether `doc` may be
/// hard-wrapped. Most documents hold a paragraph per line, of every length; a wrapped one
/// has many lines of about one length. Looser than wrap_widths_of, which decides.
bool may_be_wrapped(const document& doc) {
  constexpr std::size_t band_bytes = 16;  // a few characters, ASCII or Han, either way
  constexpr double min_share = 0.45;  // wrapped texts 0.61 and more, the seeds and corpus 0.36 at most
  std::vector<std::size_t> lengths;
  for (const auto& l : doc.lines) {
    if (l.is_content()) lengths.push_back(l.printed_end - l.printed_begin);
  }
  if (lengths.size() < wrap_min_lines) return false;
  std::sort(lengths.begin(), lengths.end());
  for (std::size_t i = 0, lo = 0; i < lengths.size(); ++i) {
    while (lengths[lo] + band_bytes < lengths[i]) ++lo;
    if (lengths[i] < 3 * wrap_min_width / 2) continue;  // 12 Han characters
    const auto longer = static_cast<std::size_t>(
        lengths.end() - std::lower_bound(lengths.begin(), lengths.end(), lengths[i] / 2));
    if (static_cast<double>(i - lo + 1) >= min_share * static_cast<double>(longer)) return true;
  }
  return false;
}

/// Drops the line breaks of a hard-wrapped document that only wrap a paragraph: after a
/// line at the full width that ends mid-sentence, before a content line. The spaces at
/// the break go with it (one stays between two ASCII letters or digits). The views are
/// built again; each line keeps the number of the physical line where it starts. A
/// paragraph the extraction glued to a line's end starts a line of its own.
void unwrap_paragraphs(document& doc, const read_options& options, const offset_map& to_decoded) {
  if (!may_be_wrapped(doc)) return;
  const std::string_view printed = doc.printed;
  // Each content line's text, trimmed, and its width as the page set it: its printed
  // width, plus one for each full-width character that normalization made ASCII (，→ , is
  // 3 bytes → 1 in UTF-8: half the bytes the line lost). Two map lookups per line, in order.
  std::vector<std::string_view> texts(doc.lines.size());
  std::vector<std::size_t> line_widths(doc.lines.size(), 0);
  std::size_t hint = 0;
  for (std::size_t k = 0; k < doc.lines.size(); ++k) {
    const auto& l = doc.lines[k];
    if (!l.is_content()) continue;
    const auto text = texts[k] =
        trim_whitespace(printed.substr(l.printed_begin, l.printed_end - l.printed_begin));
    // From the line's start (a paragraph's indent takes room on the page) to its last
    // character (trailing spaces do not).
    const std::string_view set = printed.substr(
        l.printed_begin,
        static_cast<std::size_t>(text.data() + text.size() - printed.data()) - l.printed_begin);
    const std::size_t decoded_begin = to_decoded.to_source(l.printed_begin, hint);
    const std::size_t decoded_end = to_decoded.to_source(l.printed_begin + set.size(), hint);
    const std::size_t lost =
        decoded_end - decoded_begin > set.size() ? decoded_end - decoded_begin - set.size() : 0;
    line_widths[k] = display_width(set) + lost / 2;
  }
  const std::vector<std::size_t> widths = wrap_widths_of(doc, texts, line_widths);
  if (widths.empty()) return;
  const std::size_t narrowest = *std::min_element(widths.begin(), widths.end());
  const std::size_t widths_full = widths.front();
  const std::size_t widest = *std::max_element(widths.begin(), widths.end());
  // Paragraphs that open with an indent (　　 before their first character, as Chinese
  // typesetting sets them): an indented line begins a paragraph, and where the document
  // indents, a full line ending a sentence before an unindented line goes on.
  const auto indented = [&](const line& l) {
    return l.printed_end > l.printed_begin && whitespace_length(printed, l.printed_begin) > 0;
  };
  std::size_t content = 0, indents = 0;
  for (const auto& l : doc.lines) {
    if (!l.is_content()) continue;
    ++content;
    indents += indented(l);
  }
  const bool indenting =
      indents >= 3 && static_cast<double>(indents) >= wrap_min_indented * static_cast<double>(content);
  // Paragraphs parted by blank lines: the lines short of the width (a paragraph's last
  // line, a heading) are followed by a blank line, nearly all of them. There a line break
  // with no blank line after it only wraps, even after a sentence's end (a sentence may
  // end exactly at the width).
  // (Every paragraph's last line may happen to be full: then the blank lines alone tell.)
  std::size_t spaced = 0, short_lines = 0, short_spaced = 0;
  for (std::size_t i = 0; i + 1 < doc.lines.size(); ++i) {
    const auto& l = doc.lines[i];
    if (!l.is_content()) continue;
    const bool blank_after = doc.lines[i + 1].blank;
    spaced += blank_after;
    if (at_full_width(line_widths[i], widths)) continue;
    ++short_lines;
    short_spaced += blank_after;
  }
  const bool spacing =
      spaced >= wrap_min_spaced_lines &&
      static_cast<double>(short_spaced) >= wrap_min_spaced * static_cast<double>(short_lines);
  std::string joined;
  joined.reserve(printed.size());
  offset_map to_old;
  std::size_t copied = 0, breaks = 0, splits = 0;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const auto& l = doc.lines[i];
    if (!l.is_content()) continue;
    std::string_view text = texts[i];
    // A paragraph glued to the line's sentence by the extraction starts a line of its own
    // (the space becomes the break, or one is put in); after a glued heading the line ends.
    bool glued_heading = false;
    std::size_t width = line_widths[i];  // of the line's last paragraph
    const bool wide = line_widths[i] > widest + wrap_band;  // two lines run together
    const bool ended = !at_full_width(line_widths[i], widths);
    for (const auto& [space_begin, space_end] : glued_paragraphs(texts[i], wide, ended)) {
      const auto begin = static_cast<std::size_t>(texts[i].data() - printed.data()) + space_begin;
      const auto end = begin + (space_end - space_begin);
      joined.append(printed.substr(copied, begin - copied));
      to_old.add(joined.size(), begin);
      joined += '\n';
      to_old.add(joined.size(), end);
      copied = end;
      ++splits;
      text = texts[i].substr(space_end);
      // A glued heading that is a title or a whole sentence ends the line; a numbered
      // item that ends mid-sentence goes on.
      glued_heading = detail::opens_like_heading(text) &&
                      (ends_sentence(text) || !detail::has_sentence_punctuation(text));
      // The glued paragraph goes on where its line ends mid-sentence, whatever the width
      // (the box's line before it took part of the page's line).
      width = ends_sentence(text) ? 0 : widths_full;
    }
    if (i + 1 >= doc.lines.size()) break;
    const auto& next = doc.lines[i + 1];
    if (!next.is_content() || indented(next) || glued_heading) continue;
    const std::string_view next_text = texts[i + 1];
    // Full, or too full for the next line's first word: a Latin word or a number is set
    // whole, so the line before it may end short of the width (…达到 / 12EFLOPS，…).
    std::size_t first_word = 0;
    while (first_word < next_text.size() && ascii_alnum(next_text[first_word])) ++first_word;
    // A prose line (a sentence's end or a comma in it) that stops in the middle of a word,
    // after a Han character, goes on though short: the layout set it narrower (wide
    // dashes, digits set wide: `——转型升级成效显著。70%的规模以上制造业企业基本` / `实现…`).
    // (A heading or a page number on the next line still ends the paragraph below.)
    const bool broken_mid_sentence =
        4 * width >= 3 * narrowest && !ends_sentence(text) &&
        static_cast<unsigned char>(text.back()) >= 0x80 && !closes_clause(text) &&
        text.find("。") != std::string_view::npos && !text.ends_with("，") && !text.ends_with("、") &&
        !next_text.starts_with("—");
    if (!at_full_width(width, widths) && !(first_word > 1 && width + first_word > narrowest) &&
        !broken_mid_sentence)
      continue;
    // After a sentence's end the paragraph goes on only inside an open bracket, before a
    // bracketed aside (`…。` then `(省市场监管局负责)`: a responsibility clause), or where
    // the document marks its paragraphs by indents or by blank lines.
    const bool aside = next_text.starts_with("(") || next_text.starts_with("（") ||
                       next_text.starts_with("[") || next_text.starts_with("【");
    // Where the document marks its paragraphs by neither, a full line ending in `。` goes on
    // too (a paragraph has more sentences than it has ends, so a sentence ending at the
    // width is more often inside a paragraph than at its end), unless the next line opens
    // with a run-in title (`加强知识产权保护。…`: a topic paragraph begins) or is a title
    // itself (short, no sentence end: `专栏1 …`, `附件`).
    if (ends_sentence(text) && !bracket_open(text) && !indenting && !spacing && !aside &&
        (!text.ends_with("。") || detail::opens_with_run_in_title(next_text) ||
         (!at_full_width(line_widths[i + 1], widths) && !ends_sentence(next_text)))) {
      continue;
    }
    // A page's number, a numbered heading, or a number after a bracketed clause (a unit's
    // responsibility clause ends its paragraph; `2强化…` numbers the next without a dot;
    // `示范站(点)` then `25个` goes on): the paragraph ended at the full width.
    if (page_number(next_text) || detail::opens_like_heading(next_text) || stands_alone(next_text) ||
        (closes_clause(text) && ascii_digit(next_text.front()))) {
      continue;
    }
    // Drop [end of this line's text, start of the next line's text).
    const auto cut_begin = static_cast<std::size_t>(text.data() + text.size() - printed.data());
    const auto cut_end = static_cast<std::size_t>(next_text.data() - printed.data());
    joined.append(printed.substr(copied, cut_begin - copied));
    // Latin words keep a space between them (policy\nmaking); a number broken by the
    // width (达到6\n50家) is one number again.
    if (ascii_alnum(text.back()) && ascii_alnum(next_text.front()) &&
        !(ascii_digit(text.back()) && ascii_digit(next_text.front()))) {
      to_old.add(joined.size(), cut_begin);
      joined += ' ';
    }
    to_old.add(joined.size(), cut_end);
    copied = cut_end;
    ++breaks;
  }
  if (breaks == 0 && splits == 0) return;
  joined.append(printed.substr(copied));
  to_old.finish(joined.size(), printed.size());

  // A page's number: a line that is only a number, one of a run: another such line numbers
  // a page shortly before or after it (1, 2, 3 …). After a line at the full width or wider
  // (the page broke off a paragraph, or a table of contents' dotted line) a neighbour in
  // the run suffices. After a shorter line (the page ended with its paragraph) the
  // neighbour must be a page away too, wrap_min_page_lines lines for each page between
  // them: a table's cells, one per line, number their rows every few lines, and a lone
  // number after a full line is a table's cell (38 after a row's long first cell).
  struct page_candidate {
    std::size_t line;
    unsigned page;
    bool after_full;
  };
  std::vector<page_candidate> candidates;
  for (std::size_t i = 1, previous = npos_line; i < doc.lines.size(); ++i) {
    if (doc.lines[i - 1].is_content()) previous = i - 1;
    const auto& here = doc.lines[i];
    if (!here.is_content() || previous == npos_line) continue;
    const std::string_view text = texts[i];
    if (!page_number(text)) continue;
    unsigned page = 0;
    for (std::size_t k = 0; k < text.size() && page < 100000; ++k) {
      if (ascii_digit(text[k])) {
        page = page * 10 + static_cast<unsigned>(text[k] - '0');
      } else if (page > 0) {
        break;  // 12/30: the page, not the count
      }
    }
    candidates.push_back({i, page, line_widths[previous] + wrap_band >= narrowest});
  }
  std::vector<bool> page_numbers(doc.lines.size(), false);
  for (std::size_t a = 0; a < candidates.size(); ++a) {
    for (std::size_t c = 0; c < candidates.size(); ++c) {
      const auto& [first, second] = candidates[a].line < candidates[c].line
                                        ? std::pair{candidates[a], candidates[c]}
                                        : std::pair{candidates[c], candidates[a]};
      if (a == c || second.page <= first.page || second.page - first.page > 3) continue;
      const bool paged = (candidates[a].after_full && candidates[c].after_full) ||
                         second.line - first.line >= wrap_min_page_lines * (second.page - first.page);
      if (paged) {
        page_numbers[candidates[a].line] = true;
        break;
      }
    }
  }

  // Physical line numbers, by where each new line starts in the old text.
  std::vector<std::size_t> old_begins;
  std::vector<std::uint32_t> old_numbers;
  for (const auto& l : doc.lines)
    old_begins.push_back(l.printed_begin), old_numbers.push_back(l.number);
  doc.printed_to_original = offset_map::compose(to_old, doc.printed_to_original);
  doc.printed = std::move(joined);
  doc.lines.clear();
  build_views(doc, options);
  for (auto& l : doc.lines) {
    const std::size_t old = to_old.to_source(l.printed_begin);
    const auto it = std::upper_bound(old_begins.begin(), old_begins.end(), old);
    const auto k = static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - old_begins.begin() - 1, 0));
    l.number = old_numbers[k];
    if (page_numbers[k] && old == old_begins[k] && l.is_content())
      l.noise = noise_verdict{noise_kind::page_meta, "page_meta.page_number"};
  }
  doc.unwrapped_breaks = breaks;
  doc.wrap_width = widths.front();
}

}  // namespace

}  // namespace plancmp::inline v0::text
