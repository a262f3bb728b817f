// SPDX-License-Identifier: MIT
#include <plancmp/parse/clause.hpp>

#include "rules.hpp"

#include <plancmp/text/detail/year.hpp>

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

namespace plancmp::inline v0::parse {
namespace {

using detail::contains;
using detail::contains_any;
using detail::rules;

// Bracket pairs seen around clauses and inside agency names, in normalized text.
// 【 〔 】 〕 are E3 80 90, E3 80 94, E3 80 91, E3 80 95.
bool is_cjk_bracket(std::string_view s, std::size_t i, unsigned char a, unsigned char b) {
  if (static_cast<unsigned char>(s[i]) != 0xE3 || i + 3 > s.size() || static_cast<unsigned char>(s[i + 1]) != 0x80)
    return false;
  const auto c = static_cast<unsigned char>(s[i + 2]);
  return c == a || c == b;
}
// How far a scan for brackets steps from a character starting with each byte: its
// sequence length, or 0 for the bytes that may begin a bracket, ( [ ) ] and E3 (the lead
// byte of 【 〔 】 〕), which the scan must look at. One lookup per character.
constexpr std::array<std::uint8_t, 256> bracket_scan_step = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < 256; ++c) t[c] = static_cast<std::uint8_t>(detail::sequence_length(static_cast<unsigned char>(c)));
  for (const unsigned char c : {'(', '[', ')', ']'}) t[c] = 0;
  t[0xE3] = 0;
  return t;
}();
std::size_t scan_step(char c) { return bracket_scan_step[static_cast<unsigned char>(c)]; }
bool may_be_bracket(char c) { return scan_step(c) == 0; }
bool is_opener(std::string_view s, std::size_t i, std::size_t& len) {
  if (s[i] == '(' || s[i] == '[') return len = 1, true;
  if (is_cjk_bracket(s, i, 0x90, 0x94)) return len = 3, true;  // 【 〔
  return false;
}
bool is_closer(std::string_view s, std::size_t i, std::size_t& len) {
  if (s[i] == ')' || s[i] == ']') return len = 1, true;
  if (is_cjk_bracket(s, i, 0x91, 0x95)) return len = 3, true;  // 】 〕
  return false;
}

std::string_view trim_right_punct(std::string_view s) {
  for (;;) {
    s = detail::trim(s);
    if (s.ends_with("。")) s.remove_suffix(3);
    else if (s.ends_with(";") || s.ends_with(".")) s.remove_suffix(1);
    else return s;
  }
}

// [begin, end) offsets of the parts of a clause. A clause has a few parts, so they stay
// on the stack: splitting runs several times per clause, at every level.
using clause_parts = boost::container::small_vector<std::pair<std::size_t, std::size_t>, 8>;

// Splits `s` at top-level (outside brackets) occurrences of `sep`, returning
// [begin, end) offsets relative to `s`.
clause_parts split_top(std::string_view s, std::string_view sep) {
  clause_parts parts;
  if (s.find(sep) == std::string_view::npos) {  // the usual case, found by memchr
    parts.emplace_back(0, s.size());
    return parts;
  }
  int depth = 0;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t step = scan_step(s[i]); step != 0 && s[i] != sep[0]) {
      i += step;
      continue;
    }
    std::size_t len = 1;
    if (is_opener(s, i, len)) {
      ++depth;
    } else if (is_closer(s, i, len)) {
      if (depth > 0) --depth;
    } else if (depth == 0 && s[i] == sep[0] && s.compare(i, sep.size(), sep) == 0) {
      parts.emplace_back(begin, i);
      i += sep.size();
      begin = i;
      continue;
    } else {
      len = detail::sequence_length(static_cast<unsigned char>(s[i]));
    }
    i += len;
  }
  parts.emplace_back(begin, s.size());
  return parts;
}

// Narrows [b, e) of `s` to exclude surrounding spaces.
void trim_range(std::string_view s, std::size_t& b, std::size_t& e) {
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
}

bool looks_like_agency(std::string_view name) {
  name = detail::trim(name);
  if (name.ends_with("等")) name.remove_suffix(3);
  // 区委办(区委外办): the unit's other name in brackets.
  if (name.ends_with(")")) {
    const auto open = name.rfind('(');
    if (open != std::string_view::npos && open > 0) name = name.substr(0, open);
  }
  const std::size_t chars = detail::char_count(name);
  if (chars < 2 || chars > 40) return false;
  return detail::ends_with_any(name, rules().agency_endings);
}

// A clause is a responsibility clause if it uses clause words, names a deadline, or is a
// plain list of agency names.
bool is_clause_content(std::string_view content) {
  const auto& r = rules();
  if (contains_any(content, r.clause_markers)) return true;
  bool any_agency = false;
  for (const auto& [sb, se] : split_top(content, ";")) {
    const auto seg = content.substr(sb, se - sb);
    for (const auto& [gb, ge] : split_top(seg, ",")) {
      if (parse_deadline(seg.substr(gb, ge - gb))) continue;
      for (const auto& [nb, ne] : split_top(seg.substr(gb, ge - gb), "、")) {
        if (!looks_like_agency(seg.substr(gb + nb, ne - nb))) return false;
        any_agency = true;
      }
    }
  }
  return any_agency;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// The number written right before `unit` (e.g. 2025 before 年), or 0.
int number_before(std::string_view s, std::string_view unit, std::size_t max_digits) {
  const auto pos = detail::find(s, unit);
  if (pos == std::string_view::npos) return 0;
  std::size_t b = pos;
  while (b > 0 && s[b - 1] >= '0' && s[b - 1] <= '9' && pos - b < max_digits) --b;
  int v = 0;
  for (std::size_t i = b; i < pos; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// A clause whose opening bracket was lost: `…效益省市场监管局、省教育厅负责)`. The names
// start after the last sentence break, at a level prefix that begins an agency name.
std::optional<clause_location> find_unopened_clause(std::string_view t, std::size_t last,
                                                    std::size_t close_len) {
  std::size_t from = 0;
  for (std::string_view stop : {"。", ",", ";", ":"}) {
    const auto p = detail::rfind(t, stop, last);
    if (p != std::string_view::npos) from = std::max(from, p + stop.size());
  }
  const auto content = t.substr(from, last - from);
  if (!contains_any(content, rules().clause_words) || detail::char_count(content) > 80) return std::nullopt;
  static constexpr std::string_view level_prefixes[] = {"省", "市", "区", "县", "国家"};
  // The leftmost prefix from which the rest of the first name reads as an agency.
  const auto first_name_end = std::min(detail::find(content, "、"), content.size());
  for (std::size_t i = 0; i < first_name_end; i += detail::sequence_length(static_cast<unsigned char>(content[i]))) {
    for (const auto prefix : level_prefixes) {
      if (!content.substr(i).starts_with(prefix)) continue;
      const auto rest = content.substr(i);
      std::string_view name = rest.substr(0, std::min(detail::find(rest, "、"), rest.size()));
      for (const auto& suffix : rules().group_suffixes) {
        if (name.ends_with(suffix)) {
          name.remove_suffix(suffix.size());
          break;
        }
      }
      if (looks_like_agency(name) && detail::char_count(name) <= 15) {
        return clause_location{from + i, last + close_len, true, false, from + i, last};
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<deadline> parse_deadline(std::string_view text) {
  const auto& r = rules();
  const std::string_view t = detail::trim(text);
  if (t.empty() || detail::char_count(t) > 40 || !contains_any(t, r.deadline_markers)) return std::nullopt;
  if (contains(t, ",") || contains(t, "、")) return std::nullopt;  // a list, not one phrase
  // A deadline phrase names no agency: 区市场监管局负责 is not one.
  if (looks_like_agency(t)) return std::nullopt;
  deadline d;
  d.text = std::string(t);
  d.recurring = contains_any(t, r.deadline_recurring);
  d.ongoing = contains_any(t, r.deadline_ongoing);
  const auto nian = detail::find(t, "年");
  const int year = nian == std::string_view::npos ? 0 : text::detail::year_before(t, nian).value_or(0);
  int month = number_before(t, "月", 2);
  if (month > 12) month = 0;
  if (month == 0 && contains(t, "年底")) month = 12;
  if (year != 0 && !d.recurring) {
    const int m = month > 0 ? month : 12;
    d.due = date{year, m, days_in_month(year, m)};
  }
  if (!d.due && !d.recurring && !d.ongoing && month == 0) return std::nullopt;
  return d;
}

bool states_first_listed_leads(std::string_view line) {
  for (const auto& group : rules().first_listed_leads) {
    if (std::all_of(group.begin(), group.end(), [&](const std::string& w) { return contains(line, w); })) return true;
  }
  return false;
}

std::optional<clause_location> find_clause(std::string_view text) {
  const std::string_view t = trim_right_punct(text);
  if (t.empty()) return std::nullopt;
  std::size_t len = 0;
  // Closed clause: walk back from the final closing bracket to its opener.
  const std::size_t last = [&] {
    std::size_t i = t.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
    return i;
  }();
  if (is_closer(t, last, len)) {
    int depth = 0;
    for (std::size_t i = last + 1; i-- > 0;) {
      if (!may_be_bracket(t[i])) continue;
      std::size_t l = 0;
      if (is_closer(t, i, l)) {
        ++depth;
      } else if (is_opener(t, i, l) && --depth == 0) {
        const auto content = t.substr(i + l, last - i - l);
        if (!is_clause_content(content)) return std::nullopt;
        return clause_location{i, last + len, true, true, i + l, last};
      }
    }
    return find_unopened_clause(t, last, len);
  }
  // Unclosed clause: the last opener with no closer after it, holding clause words.
  int depth = 0;
  for (std::size_t i = t.size(); i-- > 0;) {
    if (!may_be_bracket(t[i])) continue;
    std::size_t l = 0;
    if (is_closer(t, i, l)) {
      ++depth;
    } else if (is_opener(t, i, l)) {
      if (depth > 0) {
        --depth;
        continue;
      }
      const auto content = t.substr(i + l);
      const auto& r = rules();
      if (detail::char_count(content) <= 120 &&
          contains_any(content, r.clause_markers)) {
        return clause_location{i, t.size(), false, true, i + l, t.size()};
      }
      return std::nullopt;
    }
  }
  return std::nullopt;
}

namespace {

// What a group of a clause says of the units it names.
enum class named_as { responsible, lead, support };

struct named_unit {
  std::size_t begin = 0, end = 0;  // in the clause content
  named_as as = named_as::responsible;
};

// The longest word of `words` that `s` starts with (and a ':' after it), or 0. One walk
// of the automaton from the start of `s`, not one comparison per word.
std::size_t label_length(std::string_view s, const detail::word_list& words) {
  const auto m = words.matcher.longest_match_at(s, 0);
  if (!m) return 0;
  return m->end + (s.substr(m->end).starts_with(":") ? 1 : 0);
}

std::size_t suffix_length(std::string_view s, const detail::word_list& words) {
  if (!words.may_end(s)) return 0;
  for (const auto& w : words) {
    if (s.size() > w.size() && s.ends_with(w)) return w.size();
  }
  return 0;
}

// A name a clause may list: an agency, a government or a collective, not rule text.
bool clause_name(std::string_view name) {
  const auto& r = rules();
  if (name.empty() || contains_any(name, r.not_agency_markers)) return false;
  return looks_like_agency(name) || contains_any(name, r.collective_markers);
}

// Splits a list of names at 、 and at conjunctions (A等和B, A及各B, A以及B); calls
// emit(begin, end) for each non-empty name, 等 dropped.
template <typename Emit>
void split_names(std::string_view group, std::size_t offset, Emit&& emit) {
  const auto& r = rules();
  for (const auto& [nb, ne] : split_top(group, "、")) {
    std::size_t b = nb;
    const std::size_t e = ne;
    // Conjunctions inside this part, left to right: the leftmost place where a joining
    // word stands after the first character with what must follow it after it; at one
    // place, the entry listed first.
    for (;;) {
      std::size_t at = std::string_view::npos, drop = 0, entry = 0;
      const std::string_view part = group.substr(b, e - b);
      r.conjunction_matcher.for_each_match(part, [&](const plancmp::detail::aho_corasick::match& m) {
        if (m.begin == 0 || (at != std::string_view::npos && (b + m.begin > at || (b + m.begin == at && m.id > entry)))) {
          return true;
        }
        if (!part.substr(m.end).starts_with(r.conjunctions[m.id].next)) return true;
        at = b + m.begin, drop = m.end - m.begin, entry = m.id;
        return true;
      });
      if (at == std::string_view::npos) break;
      emit(offset + b, offset + at);
      b = at + drop;
    }
    emit(offset + b, offset + e);
  }
}

// The length of the longest word of `words` that `s` starts with and its ':' after it (a
// field's label: 完成时限:), or 0 when no ':' follows.
std::size_t colon_label_length(std::string_view s, const detail::word_list& words) {
  const std::size_t n = label_length(s, words);
  return n > 0 && s.substr(0, n).ends_with(":") ? n : 0;
}

// The length of a label of `words` in lenticular or square brackets at the start of `s`
// (【责任单位】, [配合单位]), or 0.
std::size_t bracket_label_length(std::string_view s, const detail::word_list& words) {
  for (const auto& [open, close] :
       {std::pair<std::string_view, std::string_view>{"【", "】"}, {"[", "]"}}) {
    if (!s.starts_with(open)) continue;
    const std::string_view inner = s.substr(open.size());
    const auto m = words.matcher.longest_match_at(inner, 0);
    if (m && inner.substr(m->end).starts_with(close)) return open.size() + m->end + close.size();
  }
  return 0;
}

// A label of `words` that opens `s`, as `label:` or `【label】`: its length, or 0.
std::size_t opening_label_length(std::string_view s, const detail::word_list& words) {
  if (const auto n = colon_label_length(s, words)) return n;
  return bracket_label_length(s, words);
}

// The length of a field's label at the start of `s` (牵头单位: 配合单位: 责任单位:
// 完成时限:, or bracketed: 【责任单位】), or 0.
std::size_t field_label(std::string_view s) {
  const auto& r = rules();
  for (const auto* words :
       {&r.lead_labels, &r.support_labels, &r.responsible_labels, &r.deadline_columns}) {
    if (const auto n = opening_label_length(s, *words)) return n;
  }
  return 0;
}

// Splits a clause's field at the labels inside it: after a space (牵头单位：A 配合单位：B) or
// bracketed anywhere (【责任单位】A【配合单位】B). Calls emit(begin, end) per part.
template <typename Emit>
void split_at_labels(std::string_view s, std::size_t b, std::size_t e, Emit&& emit) {
  std::size_t from = b;
  for (std::size_t i = b + 1; i < e; ++i) {
    const char c = s[i];
    const bool candidate = (s[i - 1] == ' ' && static_cast<unsigned char>(c) >= 0x80) || c == '[' ||
                           (c == '\xE3' && s.substr(i, 3) == "【");
    if (!candidate || field_label(s.substr(i, e - i)) == 0) continue;
    emit(from, i);
    from = i;
  }
  emit(from, e);
}

// Labelled fields that end a measure without brackets: after a sentence's end or on lines
// of their own (`…培育计划。责任单位：A、B`, then `牵头单位：A；配合单位：B` and
// `完成时限：2025年底` below the measure). One clause from the first field to the end, when
// every line from there opens with a field's label.
std::optional<clause_location> find_labelled_fields(std::string_view text) {
  constexpr std::size_t max_fields = 300;  // characters of a measure's fields, at most
  const auto& r = rules();
  std::size_t e = text.size();
  while (e > 0 && (text[e - 1] == '\n' || text[e - 1] == ' ')) --e;
  const std::string_view t = text.substr(0, e);
  // A field's label ends in ':' (one memchr); most measures have none.
  if ((t.find(':') == std::string_view::npos && t.find("】") == std::string_view::npos &&
       t.find(']') == std::string_view::npos) ||
      !contains_any(t, r.clause_markers)) {
    return std::nullopt;
  }
  const auto fields_from = [&](std::size_t p) {
    for (std::size_t line = p; line < t.size();) {
      std::size_t b = line;
      while (b < t.size() && t[b] == ' ') ++b;
      if (field_label(t.substr(b)) == 0) return false;
      const auto next = t.find('\n', b);
      if (next == std::string_view::npos) return true;
      line = next + 1;
    }
    return true;
  };
  constexpr std::string_view stop = "。";
  for (std::size_t p = 0; p < t.size();) {
    const auto line_break = t.find('\n', p);
    const auto sentence_end = detail::find(t, stop, p);
    const std::size_t at =
        std::min(line_break == std::string_view::npos ? t.size() : line_break + 1,
                 sentence_end == std::string_view::npos ? t.size() : sentence_end + stop.size());
    if (at >= t.size()) break;
    std::size_t b = at;
    while (b < t.size() && t[b] == ' ') ++b;
    if (field_label(t.substr(b)) > 0 && detail::char_count(t.substr(b)) <= max_fields &&
        fields_from(b)) {
      return clause_location{b, t.size(), true, true, b, t.size()};
    }
    p = at;
  }
  return std::nullopt;
}

// A last sentence that only assigns the measure, without brackets or labels:
// `市税务局牵头，市财政局配合，2024年底前完成。`, `由市科技局负责。`. Each of its comma groups
// is a deadline or a list of unit names closed by a role (牵头, 配合, 负责 …), at least one
// is the latter, and an opening 由 is allowed.
std::optional<clause_location> find_sentence_clause(std::string_view text) {
  const auto& r = rules();
  const std::string_view t = trim_right_punct(text);
  if (t.empty()) return std::nullopt;
  const auto stop = detail::rfind(t, "。");
  std::size_t b = stop == std::string_view::npos ? 0 : stop + std::string_view("。").size();
  while (b < t.size() && (t[b] == ' ' || t[b] == '\n')) ++b;
  if (b == 0 || b >= t.size() || detail::char_count(t.substr(b)) > 120) return std::nullopt;
  std::size_t content = b;
  if (t.substr(b).starts_with("由")) content += std::string_view("由").size();
  bool units = false;
  for (const auto& [gb, ge] : split_top(t.substr(content), ",")) {
    std::size_t g0 = content + gb, g1 = content + ge;
    trim_range(t, g0, g1);
    const std::string_view group = t.substr(g0, g1 - g0);
    if (group.empty()) return std::nullopt;
    if (parse_deadline(group)) continue;
    std::size_t role = suffix_length(group, r.lead_markers);
    if (role == 0) role = suffix_length(group, r.support_suffixes);
    if (role == 0) role = suffix_length(group, r.group_suffixes);
    if (role == 0) return std::nullopt;
    bool all_names = true, any = false;
    split_names(group.substr(0, group.size() - role), 0, [&](std::size_t nb, std::size_t ne) {
      const std::string_view name = group.substr(nb, ne - nb);
      if (name.empty()) return;
      any = true;
      all_names = all_names && clause_name(name);
    });
    if (!any || !all_names) return std::nullopt;
    units = true;
  }
  if (!units) return std::nullopt;
  return clause_location{b, t.size(), true, true, content, t.size()};
}

}  // namespace

std::vector<clause_location> find_clauses(std::string_view text) {
  std::vector<clause_location> out;
  auto final_clause = find_clause(text);
  if (!final_clause) final_clause = find_labelled_fields(text);
  if (!final_clause) final_clause = find_sentence_clause(text);
  const std::size_t limit = final_clause ? final_clause->begin : text.size();
  const auto& r = rules();
  // Most measures have one clause, at the end. Only the contents of brackets are tested
  // for clause words: where none stand before the final clause, no bracket holds any, and
  // the scan costs one table lookup per character.
  int depth = 0;
  std::size_t open = 0, open_len = 0;
  for (std::size_t i = 0; i < limit;) {
    if (const std::size_t step = scan_step(text[i]); step != 0) {
      i += step;
      continue;
    }
    std::size_t len = 1;
    if (is_opener(text, i, len)) {
      if (depth++ == 0) open = i, open_len = len;
    } else if (is_closer(text, i, len)) {
      if (depth > 0 && --depth == 0) {
        const auto content = text.substr(open + open_len, i - open - open_len);
        if (detail::char_count(content) <= 150 &&
            contains_any(content, r.clause_markers) &&
            !parse_clause(content, false).agencies.empty()) {
          out.push_back(clause_location{open, i + len, true, true, open + open_len, i});
        }
      }
    } else {
      len = detail::sequence_length(static_cast<unsigned char>(text[i]));
    }
    i += len;
  }
  if (final_clause) out.push_back(*final_clause);
  return out;
}

parsed_clause parse_clause(std::string_view content, bool first_listed_leads) {
  const auto& r = rules();
  parsed_clause out;
  boost::container::small_vector<named_unit, 8> units;  // a clause names a few units
  const std::string_view all = content;
  auto add_names = [&](std::size_t b, std::size_t e, named_as as) {
    trim_range(all, b, e);
    split_names(all.substr(b, e - b), b, [&](std::size_t nb, std::size_t ne) {
      trim_range(all, nb, ne);
      if (all.substr(nb, ne - nb).ends_with("等")) ne -= 3;
      trim_range(all, nb, ne);
      if (nb >= ne) return;
      if (!clause_name(all.substr(nb, ne - nb))) {
        out.rejected.emplace_back(nb, ne);
        return;
      }
      units.push_back({nb, ne, as});
    });
  };
  for (const auto& [tb, te] : split_top(all, "。")) {
    const std::string_view sentence = all.substr(tb, te - tb);
    const bool states_rule = states_first_listed_leads(sentence);  // 列第一位者为牵头部门 in it
    // Fields are parted by ';' or, in labelled fields on lines of their own, a line break.
    clause_parts fields;
    for (const auto& [sb, se] : split_top(sentence, ";")) {
      for (const auto& [lb, le] : split_top(sentence.substr(sb, se - sb), "\n")) {
        split_at_labels(sentence, sb + lb, sb + le,
                        [&](std::size_t fb, std::size_t fe) { fields.emplace_back(fb, fe); });
      }
    }
    for (const auto& [sb, se] : fields) {
      std::size_t b0 = tb + sb, e0 = tb + se;
      trim_range(all, b0, e0);
      if (b0 >= e0) continue;
      // 完成时限：2025年底 — the label names the field; the phrase after it is the deadline.
      const std::string_view field = all.substr(b0, e0 - b0);
      const bool may_be_labelled = field.find(':') != std::string_view::npos ||
                                   field.starts_with("【") ||
                                   field.starts_with("[");  // one memchr: most fields have no label
      if (const auto n = may_be_labelled ? opening_label_length(field, r.deadline_columns) : 0; n > 0) {
        b0 += n;
        trim_range(all, b0, e0);
      }
      if (parse_deadline(all.substr(b0, e0 - b0))) {
        if (!out.deadline_text) out.deadline_text = std::pair{b0, e0};
        continue;
      }
      std::optional<named_as> label;  // a labelled field runs on over the commas after it
      const auto groups = split_top(all.substr(b0, e0 - b0), ",");
      for (const auto& [gb, ge] : groups) {
        std::size_t b = b0 + gb, e = b0 + ge;
        trim_range(all, b, e);
        std::string_view group = all.substr(b, e - b);
        if (group.empty()) continue;
        // The rule itself, alone or after the units (A、B负责,列第一位者为牵头部门,下同).
        if (states_rule && (states_first_listed_leads(group) || group == "下同")) continue;
        // A group that is the whole segment was read as a deadline just above.
        if (groups.size() > 1 && parse_deadline(group)) {  // (区科经局,持续推进): a comma where a semicolon belongs
          if (!out.deadline_text) out.deadline_text = std::pair{b, e};
          continue;
        }
        const auto labelled = [&](const detail::word_list& words) {
          const std::size_t n = label_length(group, words);
          return n > 0 ? n : bracket_label_length(group, words);
        };
        if (const auto n = labelled(r.lead_labels)) {
          label = named_as::lead, b += n;
        } else if (const auto n2 = labelled(r.support_labels)) {
          label = named_as::support, b += n2;
        } else if (const auto n3 = labelled(r.responsible_labels)) {
          label = named_as::responsible, b += n3;
        }
        group = all.substr(b, e - b);
        named_as as = label.value_or(named_as::responsible);
        if (const auto n = suffix_length(group, r.lead_markers)) {
          as = named_as::lead, e -= n;
        } else if (const auto n2 = suffix_length(group, r.support_suffixes)) {
          as = named_as::support, e -= n2;
        } else if (const auto n3 = suffix_length(group, r.group_suffixes)) {
          e -= n3;
        }
        group = all.substr(b, e - b);
        // A会同B: A leads, B works with it.
        std::size_t with = std::string_view::npos, with_len = 0;
        for (const auto& w : r.accompany_words) {
          if (!contains(group, w)) continue;  // the usual case: no need to split
          const auto p = split_top(group, w);
          if (p.size() > 1) with = b + p[0].second, with_len = w.size();
        }
        if (with != std::string_view::npos) {
          add_names(b, with, named_as::lead);
          add_names(with + with_len, e, named_as::support);
        } else {
          add_names(b, e, as);
        }
      }
    }
  }
  std::size_t leads = 0, responsible = 0;
  for (const auto& u : units) leads += u.as == named_as::lead, responsible += u.as == named_as::responsible;
  out.has_lead_marker = leads > 0;
  out.agencies.reserve(units.size());
  bool first_responsible = true;
  for (const auto& u : units) {
    clause_agency a;
    a.begin = u.begin;
    a.end = u.end;
    a.collective = contains_any(all.substr(u.begin, u.end - u.begin), r.collective_markers);
    switch (u.as) {
      case named_as::lead: a.part = role::lead; break;
      case named_as::support: a.part = role::support; break;
      case named_as::responsible:
        if (leads > 0) {
          a.part = role::support;  // others are marked as leading: these work with them
        } else if (responsible == 1) {
          a.part = role::lead;  // a unit named alone is responsible: it leads
        } else if (first_listed_leads) {
          a.part = first_responsible ? role::lead : role::support;
        } else {
          a.part = role::lead;  // several units, none marked: jointly responsible
          out.joint = true;
        }
        first_responsible = false;
        break;
    }
    if (a.part == role::lead && u.as == named_as::lead) a.collective = false, a.marked_lead = true;
    out.agencies.push_back(a);
  }
  return out;
}

}  // namespace plancmp::inline v0::parse
