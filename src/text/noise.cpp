// SPDX-License-Identifier: MIT
#include <plancmp/text/noise.hpp>

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>
#include <plancmp/text/detail/heading_shape.hpp>

#include "char_class.hpp"

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <set>
#include <vector>

namespace plancmp::inline v0::text {

std::string_view to_string(noise_kind k) noexcept {
  switch (k) {
    case noise_kind::none:
      return "none";
    case noise_kind::navigation:
      return "navigation";
    case noise_kind::page_meta:
      return "page_meta";
    case noise_kind::share:
      return "share";
    case noise_kind::contact:
      return "contact";
    case noise_kind::advertisement:
      return "advertisement";
    case noise_kind::footer:
      return "footer";
    case noise_kind::download:
      return "download";
  }
  return "none";
}

namespace {

using plancmp::detail::aho_corasick;
using text::detail::count_code_points;
using text::detail::is_space;
using text::detail::next_code_point;

constexpr std::string_view schema_id = "plancmp.noise/1";

enum class match_mode : std::uint8_t { anywhere, short_line, line_start, whole_line, shape };

// Line shapes are code, not data: each is a small hand-written recognizer (no regular
// expressions on document text). The rules file decides which shapes are used, with
// which kind and id.
enum class line_shape : std::uint8_t {
  phone_number,
  email_address,
  web_address,
  issue_label,
  breadcrumb
};

constexpr std::array<std::pair<std::string_view, match_mode>, 5> mode_names{{
    {"anywhere", match_mode::anywhere},
    {"short_line", match_mode::short_line},
    {"line_start", match_mode::line_start},
    {"whole_line", match_mode::whole_line},
    {"shape", match_mode::shape},
}};
constexpr std::array<std::pair<std::string_view, line_shape>, 5> shape_names{{
    {"phone_number", line_shape::phone_number},
    {"email_address", line_shape::email_address},
    {"web_address", line_shape::web_address},
    {"issue_label", line_shape::issue_label},
    {"breadcrumb", line_shape::breadcrumb},
}};
constexpr std::array<noise_kind, 7> rule_kinds{
    noise_kind::navigation,    noise_kind::page_meta, noise_kind::share,   noise_kind::contact,
    noise_kind::advertisement, noise_kind::footer,    noise_kind::download};

template <class Table>
std::string names_of(const Table& table) {
  std::string out;
  for (const auto& [name, value] : table) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// ------------------------------------------------------------------ line shapes

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool starts_with_ci(std::string_view s, std::string_view prefix) noexcept {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// One telephone number: digits with the usual grouping characters. The digits must
// read as a Chinese phone number, which is what keeps years (2025), year ranges
// (2020-2025), dates (2020-07-10) and table values (0.56, 36000) out.
bool is_one_phone_number(std::string_view s) noexcept {
  std::array<char, 24> digits{};
  std::size_t n = 0;
  bool plus = false;
  bool any = false;
  for (const char c : s) {
    if (is_digit(c)) {
      if (n == digits.size()) return false;
      digits[n++] = c;
    } else if (c == '+') {
      if (any) return false;  // only as the first character
      plus = true;
    } else if (c != '-' && c != ' ' && c != '(' && c != ')') {
      return false;
    }
    if (c != ' ') any = true;
  }
  const std::string_view d(digits.data(), n);
  if (plus) return n >= 10 && n <= 15;                                   // +86 574 8821 2221
  if (d.starts_with('0')) return n >= 10 && n <= 12;                     // 0574-88212221, 010-…
  if (d.starts_with('1')) return n == 11 && d[1] >= '3' && d[1] <= '9';  // 152-6623-5191
  if (d.starts_with("400") || d.starts_with("800")) return n == 10;      // 400-123-4567
  return false;
}

bool is_phone_numbers(std::string_view line) noexcept {
  // Only digits and grouping characters: this rejects a line of text at its first
  // character that is not one of them.
  for (const char c : line) {
    if (!is_digit(c) && c != '-' && c != ' ' && c != '(' && c != ')' && c != '+' && c != '/' &&
        c != ',' && c != ';') {
      return false;
    }
  }
  // Several numbers may share a line: "0574-88212221 / 0574-88212222".
  std::size_t begin = 0;
  bool any = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == '/' || line[i] == ',' || line[i] == ';') {
      std::string_view part = line.substr(begin, i - begin);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      if (!is_one_phone_number(part)) return false;
      any = true;
      begin = i + 1;
    }
  }
  return any;
}

bool is_email_address(std::string_view line) noexcept {
  if (line.empty() || !is_ascii_alnum(line.front())) return false;
  if (starts_with_ci(line, "mailto:")) line.remove_prefix(7);
  const std::size_t at = line.find('@');
  if (at == 0 || at == std::string_view::npos || line.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char c : line.substr(0, at)) {
    if (!is_ascii_alnum(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-') return false;
  }
  // Domain: labels of letters, digits and hyphens, at least one dot, no empty label.
  const std::string_view domain = line.substr(at + 1);
  std::size_t label = 0;
  std::size_t dots = 0;
  for (const char c : domain) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      ++dots;
    } else if (is_ascii_alnum(c) || c == '-') {
      ++label;
    } else {
      return false;
    }
  }
  return dots > 0 && label > 0;
}

bool is_web_address(std::string_view line) noexcept {
  std::size_t rest = 0;
  if (starts_with_ci(line, "http://")) {
    rest = 7;
  } else if (starts_with_ci(line, "https://")) {
    rest = 8;
  } else if (starts_with_ci(line, "www.")) {
    rest = 4;
  } else {
    return false;
  }
  if (line.size() <= rest + 2) return false;
  // A bare URL: printable ASCII without spaces from start to end.
  return std::all_of(line.begin(), line.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

bool is_chinese_numeral(char32_t c) noexcept {
  switch (c) {
    case U'〇':
    case U'零':
    case U'一':
    case U'二':
    case U'两':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
    case U'百':
      return true;
    default:
      return false;
  }
}

// 第二期, 第12期, 2022年第3期, 第二期(总第45期): a periodical's issue label.
bool is_issue_label(std::string_view line) noexcept {
  std::size_t i = 0;
  std::size_t year_digits = 0;
  while (i < line.size() && is_digit(line[i])) ++i, ++year_digits;
  if (year_digits > 0) {
    if (year_digits != 4 || next_code_point(line, i) != U'年') return false;
    while (i < line.size() && line[i] == ' ') ++i;
  }
  if (i >= line.size() || next_code_point(line, i) != U'第') return false;
  std::size_t numerals = 0;
  while (i < line.size()) {
    std::size_t j = i;
    const char32_t c = next_code_point(line, j);
    if (!(c < 0x80 ? is_digit(static_cast<char>(c)) : is_chinese_numeral(c))) break;
    i = j;
    ++numerals;
  }
  if (numerals == 0 || numerals > 4 || i >= line.size() || next_code_point(line, i) != U'期') {
    return false;
  }
  while (i < line.size() && line[i] == ' ') ++i;
  if (i == line.size()) return true;
  // An optional running number in brackets: (总第45期).
  std::string_view tail = line.substr(i);
  if (!tail.starts_with('(') || !tail.ends_with(')')) return false;
  tail = tail.substr(1, tail.size() - 2);
  return tail.starts_with("总第") && tail.ends_with("期");
}

// 首页 > 政务公开 > …: the home link, then a breadcrumb separator.
bool is_breadcrumb(std::string_view line) noexcept {
  static constexpr std::array<std::string_view, 4> homes{"网站首页", "首页", "主页", "首頁"};
  for (const std::string_view home : homes) {
    if (!line.starts_with(home)) continue;
    std::size_t i = home.size();
    while (i < line.size() && line[i] == ' ') ++i;
    if (i == line.size()) return false;
    const char32_t c = next_code_point(line, i);
    return c == '>' || c == '/' || c == '|' || c == U'»' || c == U'›' || c == U'→' || c == U'＞' ||
           c == U'〉';
  }
  return false;
}

bool has_shape(line_shape shape, std::string_view line) noexcept {
  switch (shape) {
    case line_shape::phone_number:
      return is_phone_numbers(line);
    case line_shape::email_address:
      return is_email_address(line);
    case line_shape::web_address:
      return is_web_address(line);
    case line_shape::issue_label:
      return is_issue_label(line);
    case line_shape::breadcrumb:
      return is_breadcrumb(line);
  }
  return false;
}

// ------------------------------------------------------------------ content guards

// Numbered headings of plans and notices: 一、 (一) （一） 1. 1、 (1) ① 专栏1 第三章 …
// A line that opens like one is content for every rule but `anywhere`: a heading such as
// "(五)下载平台建设" must never be taken for a menu.
bool heading_opening(std::string_view line) noexcept {
  std::size_t i = 0;
  const char32_t first = next_code_point(line, i);
  if (first >= U'①' && first <= U'⒛') return true;  // ①…⑳ ⑴…⒇ ⒈…⒛
  if (first == '(' || first == U'（' || first == U'〔') {
    std::size_t numerals = 0;
    std::size_t digits = 0;
    while (i < line.size()) {
      std::size_t j = i;
      const char32_t c = next_code_point(line, j);
      if (c < 0x80 && is_digit(static_cast<char>(c))) {
        ++digits;
      } else if (is_chinese_numeral(c)) {
        ++numerals;
      } else {
        break;
      }
      i = j;
    }
    if (i >= line.size() || (digits > 0 && numerals > 0)) return false;
    if (!((digits >= 1 && digits <= 2) || (numerals >= 1 && numerals <= 4))) return false;
    const char32_t close = next_code_point(line, i);
    return close == ')' || close == U'）' || close == U'〕';
  }
  if (first < 0x80 && is_digit(static_cast<char>(first))) {
    std::size_t digits = 1;
    while (i < line.size() && is_digit(line[i])) ++i, ++digits;
    if (digits > 3 || i >= line.size()) return false;
    const char32_t c = next_code_point(line, i);
    return c == '.' || c == U'、' || c == U'．' || c == ')' || c == U'）';
  }
  if (is_chinese_numeral(first) || first == U'第') {
    std::size_t numerals = is_chinese_numeral(first) ? 1 : 0;
    while (i < line.size()) {
      std::size_t j = i;
      const char32_t c = next_code_point(line, j);
      if (!is_chinese_numeral(c) && !(first == U'第' && c < 0x80 && is_digit(static_cast<char>(c)))) {
        break;
      }
      i = j;
      ++numerals;
    }
    if (numerals == 0 || numerals > 4 || i >= line.size()) return false;
    const char32_t c = next_code_point(line, i);
    if (first == U'第') {
      return c == U'章' || c == U'节' || c == U'条' || c == U'部' || c == U'篇' || c == U'编' ||
             c == U'節' || c == U'條' || c == U'編';
    }
    return c == U'、' || c == '.' || c == U'．';
  }
  return line.starts_with("专栏") || line.starts_with("專欄");
}

// Trims white space (ASCII, NBSP, ideographic space, BOM …) from both ends.
std::string_view trim(std::string_view s) noexcept {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t j = b;
    if (!is_space(next_code_point(s, j))) break;
    b = j;
  }
  std::size_t e = s.size();
  while (e > b) {
    // Step back to the lead byte of the last code point.
    std::size_t lead = e - 1;
    while (lead > b && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80 && e - lead < 4) --lead;
    std::size_t j = lead;
    const char32_t c = next_code_point(s, j);
    if (j != e || !is_space(c)) break;
    e = lead;
  }
  return s.substr(b, e - b);
}

// ------------------------------------------------------------------ loading

struct schema_reader {
  std::string origin;

  [[noreturn]] void fail(const std::string& pointer, const std::string& what) const {
    plancmp::detail::schema_fail(origin, pointer, what);
  }
  const nlohmann::json& member(const nlohmann::json& object, const std::string& pointer,
                               const char* key) const {
    const auto it = object.find(key);
    if (it == object.end()) fail(pointer, fmt::format("missing required key \"{}\"; add it", key));
    return *it;
  }
  std::string string_at(const nlohmann::json& value, const std::string& pointer) const {
    if (!value.is_string())
      fail(pointer, fmt::format("expected a string, found {}; write it in quotes", value.type_name()));
    const auto& s = value.get_ref<const std::string&>();
    if (!text::detail::is_valid_utf8(s))
      fail(pointer, "the string is not valid UTF-8; save the file as UTF-8");
    return s;
  }
  std::size_t positive_at(const nlohmann::json& value, const std::string& pointer) const {
    if (!value.is_number_integer() || value.get<std::int64_t>() <= 0 ||
        value.get<std::int64_t>() > 100000) {
      fail(pointer,
           fmt::format("expected a positive integer (at most 100000), found {}", value.dump()));
    }
    return static_cast<std::size_t>(value.get<std::int64_t>());
  }
  void only_keys(const nlohmann::json& object, const std::string& pointer,
                 std::initializer_list<std::string_view> keys) const {
    for (const auto& [key, value] : object.items()) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        std::string known;
        for (const auto k : keys) known.append(known.empty() ? "" : ", ").append(k);
        fail(pointer + "/" + key, fmt::format("unknown key \"{}\"; known keys here: {}", key, known));
      }
    }
  }
};

}  // namespace

bool detail::opens_like_heading(std::string_view line) noexcept { return heading_opening(line); }

struct noise_classifier::rules {
  struct rule {
    std::string id;
    noise_kind kind = noise_kind::none;
    match_mode mode = match_mode::anywhere;
    line_shape shape = line_shape::phone_number;
    std::size_t max_chars = 0;  // 0 for `anywhere`
  };

  std::vector<rule> list;
  aho_corasick contains;    // phrases of `anywhere` and `short_line` rules; id = rule index
  aho_corasick whole_line;  // phrases of `whole_line` rules; id = rule index
  aho_corasick line_start;  // phrases of `line_start` rules; id = rule index
  std::vector<std::uint32_t> shape_rules;
  std::array<bool, 128> ascii_separator{};
  std::vector<char32_t> other_separators;  // sorted
  std::vector<std::string> sentence_marks;
  std::size_t max_short_chars = 0;  // longest line any non-`anywhere` rule looks at

  [[nodiscard]] bool is_separator(char32_t c) const noexcept {
    if (is_space(c)) return true;
    if (c < 0x80) return ascii_separator[c];
    return std::binary_search(other_separators.begin(), other_separators.end(), c);
  }

  [[nodiscard]] bool reads_like_content(std::string_view line) const noexcept {
    for (const auto& mark : sentence_marks) {
      if (line.find(mark) != std::string_view::npos) return true;
    }
    return heading_opening(line);
  }

  // Whether `line` consists only of `whole_line` phrases and separators: from the start,
  // skip separators, take the longest phrase that begins right there, repeat. Returns the
  // earliest rule among the phrases taken, or npos. Fails at the first character that is
  // neither, so a content line costs a few steps.
  [[nodiscard]] std::size_t whole_line_rule(std::string_view line) const noexcept {
    constexpr auto none = std::numeric_limits<std::size_t>::max();
    std::size_t best = none;
    std::size_t pos = 0;
    while (pos < line.size()) {
      std::size_t next = pos;
      if (is_separator(next_code_point(line, next))) {
        pos = next;
        continue;
      }
      const auto m = whole_line.longest_match_at(line, pos);
      if (!m) return none;
      best = std::min<std::size_t>(best, m->id);
      pos = m->end;
    }
    return best;
  }
};

noise_classifier::noise_classifier(std::string_view rules_json, std::string origin)
    : rules_(std::make_unique<rules>()) {
  const nlohmann::json root = plancmp::detail::parse_json(rules_json, origin);
  const schema_reader in{std::move(origin)};
  if (!root.is_object()) in.fail("", "expected a JSON object with \"schema\" and \"rules\"");
  in.only_keys(root, "",
               {"schema", "revision", "description", "short_line_max_chars", "separators",
                "sentence_marks", "rules"});
  if (const auto schema = in.string_at(in.member(root, "", "schema"), "/schema"); schema != schema_id) {
    in.fail("/schema", fmt::format("unsupported schema \"{}\"; this version of plancmp reads \"{}\"",
                                   schema, schema_id));
  }
  if (root.contains("revision")) in.positive_at(root["revision"], "/revision");
  if (root.contains("description")) in.string_at(root["description"], "/description");

  rules& r = *rules_;
  const std::size_t default_max_chars =
      root.contains("short_line_max_chars")
          ? in.positive_at(root["short_line_max_chars"], "/short_line_max_chars")
          : 24;
  if (root.contains("separators")) {
    const std::string seps = in.string_at(root["separators"], "/separators");
    for (std::size_t i = 0; i < seps.size();) {
      const char32_t c = next_code_point(seps, i);
      if (c < 0x80) {
        r.ascii_separator[c] = true;
      } else {
        r.other_separators.push_back(c);
      }
    }
    std::sort(r.other_separators.begin(), r.other_separators.end());
  }
  if (root.contains("sentence_marks")) {
    const auto& marks = root["sentence_marks"];
    if (!marks.is_array()) in.fail("/sentence_marks", "expected an array of strings");
    for (std::size_t i = 0; i < marks.size(); ++i) {
      const std::string pointer = fmt::format("/sentence_marks/{}", i);
      auto mark = in.string_at(marks[i], pointer);
      if (mark.empty()) in.fail(pointer, "empty sentence mark; remove it");
      r.sentence_marks.push_back(std::move(mark));
    }
  } else {
    r.sentence_marks = {"。"};
  }

  const auto& rule_list = in.member(root, "", "rules");
  if (!rule_list.is_array() || rule_list.empty())
    in.fail("/rules", "expected a non-empty array of rules");
  std::vector<std::string> contains_phrases;
  std::vector<std::string> whole_phrases;
  std::vector<std::string> start_phrases;
  std::vector<std::uint32_t> contains_ids;
  std::vector<std::uint32_t> whole_ids;
  std::vector<std::uint32_t> start_ids;
  std::set<std::string, std::less<>> ids;
  for (std::size_t index = 0; index < rule_list.size(); ++index) {
    const std::string at = fmt::format("/rules/{}", index);
    const auto& item = rule_list[index];
    if (!item.is_object()) in.fail(at, "expected a rule object with \"id\", \"kind\" and \"match\"");
    in.only_keys(item, at, {"id", "kind", "match", "phrases", "shape", "max_chars", "note"});
    rules::rule rule;
    rule.id = in.string_at(in.member(item, at, "id"), at + "/id");
    if (rule.id.empty()) in.fail(at + "/id", "empty rule id; name the rule, e.g. \"navigation.menu\"");
    if (!ids.insert(rule.id).second) {
      in.fail(at + "/id", fmt::format("duplicate rule id \"{}\"; rule ids must be unique", rule.id));
    }
    const std::string kind = in.string_at(in.member(item, at, "kind"), at + "/kind");
    const auto kind_it = std::find_if(rule_kinds.begin(), rule_kinds.end(),
                                      [&](noise_kind k) { return to_string(k) == kind; });
    if (kind_it == rule_kinds.end()) {
      std::string known;
      for (const auto k : rule_kinds) known.append(known.empty() ? "" : ", ").append(to_string(k));
      in.fail(at + "/kind", fmt::format("unknown kind \"{}\"; use one of {}", kind, known));
    }
    rule.kind = *kind_it;
    const std::string mode = in.string_at(in.member(item, at, "match"), at + "/match");
    const auto mode_it = std::find_if(mode_names.begin(), mode_names.end(),
                                      [&](const auto& p) { return p.first == mode; });
    if (mode_it == mode_names.end()) {
      in.fail(at + "/match",
              fmt::format("unknown match \"{}\"; use one of {}", mode, names_of(mode_names)));
    }
    rule.mode = mode_it->second;
    if (item.contains("note")) in.string_at(item["note"], at + "/note");
    if (item.contains("max_chars")) {
      if (rule.mode == match_mode::anywhere) {
        in.fail(at + "/max_chars", "\"anywhere\" rules apply to lines of any length; remove max_chars");
      }
      rule.max_chars = in.positive_at(item["max_chars"], at + "/max_chars");
    } else if (rule.mode != match_mode::anywhere) {
      rule.max_chars = default_max_chars;
    }
    const auto rule_index = static_cast<std::uint32_t>(r.list.size());

    if (rule.mode == match_mode::shape) {
      if (item.contains("phrases"))
        in.fail(at + "/phrases", "a \"shape\" rule has no phrases; remove them");
      const std::string shape = in.string_at(in.member(item, at, "shape"), at + "/shape");
      const auto shape_it = std::find_if(shape_names.begin(), shape_names.end(),
                                         [&](const auto& p) { return p.first == shape; });
      if (shape_it == shape_names.end()) {
        in.fail(at + "/shape",
                fmt::format("unknown shape \"{}\"; use one of {}", shape, names_of(shape_names)));
      }
      rule.shape = shape_it->second;
      r.shape_rules.push_back(rule_index);
    } else {
      if (item.contains("shape"))
        in.fail(at + "/shape", "only \"shape\" rules name a shape; remove it");
      const auto& phrases = in.member(item, at, "phrases");
      if (!phrases.is_array() || phrases.empty()) {
        in.fail(at + "/phrases", "expected a non-empty array of phrases");
      }
      std::set<std::string, std::less<>> seen;
      for (std::size_t k = 0; k < phrases.size(); ++k) {
        const std::string pointer = fmt::format("{}/phrases/{}", at, k);
        std::string phrase = in.string_at(phrases[k], pointer);
        if (trim(phrase).empty()) in.fail(pointer, "empty phrase; remove it");
        if (phrase.find('\n') != std::string::npos || phrase.find('\r') != std::string::npos) {
          in.fail(pointer, "a phrase cannot span lines; split it");
        }
        if (rule.mode == match_mode::whole_line || rule.mode == match_mode::line_start) {
          std::size_t first_end = 0;
          if (r.is_separator(next_code_point(phrase, first_end))) {
            in.fail(pointer, fmt::format("{} phrase \"{}\" begins with a separator, which the matcher "
                                         "skips before looking for a phrase; drop that character",
                                         mode, phrase));
          }
        }
        if (!seen.insert(phrase).second) {
          in.fail(pointer, fmt::format("duplicate phrase \"{}\" in this rule; remove one", phrase));
        }
        auto& phrase_list = rule.mode == match_mode::whole_line   ? whole_phrases
                            : rule.mode == match_mode::line_start ? start_phrases
                                                                  : contains_phrases;
        auto& id_list = rule.mode == match_mode::whole_line   ? whole_ids
                        : rule.mode == match_mode::line_start ? start_ids
                                                              : contains_ids;
        phrase_list.push_back(std::move(phrase));
        id_list.push_back(rule_index);
      }
    }
    if (rule.mode != match_mode::anywhere)
      r.max_short_chars = std::max(r.max_short_chars, rule.max_chars);
    r.list.push_back(std::move(rule));
  }

  auto build = [](const std::vector<std::string>& phrases, const std::vector<std::uint32_t>& rule_ids) {
    std::vector<aho_corasick::pattern> patterns;
    patterns.reserve(phrases.size());
    for (std::size_t i = 0; i < phrases.size(); ++i) patterns.push_back({phrases[i], rule_ids[i]});
    // ASCII case is folded so that "Produced By" matches "PRODUCED BY" and "produced by".
    return aho_corasick(patterns, {.ascii_case_insensitive = true});
  };
  r.contains = build(contains_phrases, contains_ids);
  r.whole_line = build(whole_phrases, whole_ids);
  r.line_start = build(start_phrases, start_ids);
}

noise_classifier::~noise_classifier() = default;
noise_classifier::noise_classifier(noise_classifier&&) noexcept = default;
noise_classifier& noise_classifier::operator=(noise_classifier&&) noexcept = default;

const noise_classifier& noise_classifier::builtin() {
  static const noise_classifier instance(builtin_data("noise.json"), "noise.json (built-in)");
  return instance;
}

noise_verdict noise_classifier::classify(std::string_view raw) const {
  constexpr auto none = std::numeric_limits<std::size_t>::max();
  const rules& r = *rules_;
  const std::string_view line = trim(raw);
  if (line.empty()) return {};

  // Rules other than `anywhere` apply only to lines of at most their `max_chars` code
  // points that read neither as a sentence nor as a heading. Both facts cost a pass over
  // the line, so they are computed on demand: a line of a plan body is settled by one
  // pass of the phrase automaton, the shapes' first-character tests and a failed
  // whole-line match at its first character, without counting or guarding anything.
  const bool may_be_short = line.size() <= 4 * r.max_short_chars;  // ≥ 1 byte per code point
  std::size_t chars = none;
  int guard = -1;  // -1 unknown, 0 reads like noise, 1 reads like content
  auto short_line_fits = [&](std::size_t max_chars) {
    if (chars == none) chars = count_code_points(line);
    if (chars > max_chars) return false;
    if (guard < 0) guard = r.reads_like_content(line) ? 1 : 0;
    return guard == 0;
  };

  // The first rule in file order that matches decides, so the order of matches does not.
  std::size_t best = none;
  r.contains.for_each_match_any_order(line, [&](const aho_corasick::match& m) {
    if (m.id >= best) return;
    const rules::rule& rule = r.list[m.id];
    if (rule.mode == match_mode::anywhere || (may_be_short && short_line_fits(rule.max_chars)))
      best = m.id;
  });
  if (may_be_short) {
    for (const std::uint32_t index : r.shape_rules) {
      if (index >= best) break;
      const rules::rule& rule = r.list[index];
      if (has_shape(rule.shape, line) && short_line_fits(rule.max_chars)) {
        best = index;
        break;
      }
    }
    std::size_t start = 0;  // line_start phrases may follow opening separators: 【来源:…】
    for (std::size_t next = 0; start < line.size() && r.is_separator(next_code_point(line, next));) {
      start = next;
    }
    r.line_start.for_each_match_at(line, start, [&](const aho_corasick::match& m) {
      if (m.id < best && short_line_fits(r.list[m.id].max_chars)) best = m.id;
    });
    if (const std::size_t whole = r.whole_line_rule(line);
        whole < best && short_line_fits(r.list[whole].max_chars)) {
      best = whole;
    }
  }
  if (best == none) return {};
  return {r.list[best].kind, r.list[best].id};
}

}  // namespace plancmp::inline v0::text
