// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/script.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../detail/json.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

namespace plancmp::inline v0 {

namespace {

using json = nlohmann::json;

constexpr std::string_view scheme_schema_name = "plancmp.coding_scheme/1";
constexpr std::string_view builtin_prefix = "scheme_";
constexpr std::string_view builtin_suffix = ".json";

[[noreturn]] void scheme_fail(const std::string& origin, const std::string& pointer, const std::string& what) {
  detail::schema_fail(origin, pointer, what);
}

std::string scheme_string_at(const json& j, const std::string& origin, const std::string& at, const char* key,
                      bool required) {
  return detail::json_string(j, origin, at, key, required);
}

/// Largest weight or score accepted: sums of weights must stay exact and finite.
constexpr double max_number = 1e6;
/// Longest keyword phrase accepted, in bytes: a keyword is a word or a short phrase, and
/// a hostile file must not make every unit's matching slow.
constexpr std::size_t max_phrase_bytes = 1024;

double number_at(const json& j, const std::string& origin, const std::string& at, const char* key,
                 double fallback) {
  const auto it = j.find(key);
  if (it == j.end()) return fallback;
  if (!it->is_number() || !(it->get<double>() > 0.0) || it->get<double>() > max_number)
    scheme_fail(origin, at + "/" + key, fmt::format("must be a positive number up to {}", max_number));
  return it->get<double>();
}

bool is_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

/// A keyword as a researcher may write it: simplified, without surrounding spaces.
std::string clean_phrase(std::string_view phrase, const std::string& origin, const std::string& at) {
  while (!phrase.empty() && (phrase.front() == ' ' || phrase.front() == '\t')) phrase.remove_prefix(1);
  while (!phrase.empty() && (phrase.back() == ' ' || phrase.back() == '\t')) phrase.remove_suffix(1);
  if (phrase.empty()) scheme_fail(origin, at, "must be a non-empty phrase");
  if (phrase.size() > max_phrase_bytes)
    scheme_fail(origin, at, fmt::format("a phrase of {} bytes; keywords are at most {} bytes", phrase.size(), max_phrase_bytes));
  if (!text::detail::is_valid_utf8(phrase)) scheme_fail(origin, at, "is not valid UTF-8");
  return text::simplifier::shared().convert(phrase).text;
}

/// Checks the finished tree: unique ids, and no keyword listed twice in one theme.
void check_scheme(const coding_scheme& s, const std::string& origin) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < s.themes.size(); ++i) {
    const theme& t = s.themes[i];
    if (!ids.insert(t.id).second) scheme_fail(origin, "/themes", fmt::format("theme id \"{}\" is used twice", t.id));
    std::set<std::string> phrases;
    for (const keyword& k : t.keywords) {
      if (!phrases.insert(k.phrase).second)
        scheme_fail(origin, "/themes", fmt::format("theme \"{}\" lists keyword \"{}\" twice", t.id, k.phrase));
    }
  }
  if (s.themes.empty()) scheme_fail(origin, "/themes", "a coding scheme needs at least one theme");
}

/// Deepest theme tree accepted: real schemes nest two or three levels. Reading recurses
/// once per level, so the bound also keeps hostile input from exhausting the stack.
constexpr int max_theme_depth = 16;

void read_theme(const json& j, const std::string& origin, const std::string& at,
                std::optional<std::size_t> parent, int depth, coding_scheme& out) {
  if (depth >= max_theme_depth)
    scheme_fail(origin, at, fmt::format("themes nested deeper than {} levels; flatten the scheme", max_theme_depth));
  if (!j.is_object()) scheme_fail(origin, at, "must be an object {\"id\", \"zh\", \"en\", \"keywords\", …}");
  static const std::set<std::string> known{"id", "zh", "en", "description", "keywords", "anchored", "exclude", "children"};
  for (const auto& [key, value] : j.items()) {
    if (!known.contains(key))
      scheme_fail(origin, at + "/" + key, "unknown key (known: id, zh, en, description, keywords, anchored, exclude, children)");
  }
  theme t;
  t.id = scheme_string_at(j, origin, at, "id", true);
  if (!is_id(t.id)) scheme_fail(origin, at + "/id", "must be a lowercase id (a-z, 0-9, _, -, .)");
  t.zh = scheme_string_at(j, origin, at, "zh", true);
  t.en = scheme_string_at(j, origin, at, "en", true);
  t.description = scheme_string_at(j, origin, at, "description", false);
  t.parent = parent;
  t.depth = depth;
  for (const char* list : {"keywords", "anchored"}) {
    const auto it = j.find(list);
    if (it == j.end()) continue;
    const bool anchored = std::string_view(list) == "anchored";
    if (!it->is_array()) scheme_fail(origin, at + "/" + list, "must be a list of phrases or {\"phrase\", \"weight\", \"boundary\"}");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& k = (*it)[i];
      const std::string here = fmt::format("{}/{}/{}", at, list, i);
      keyword kw;
      if (k.is_string()) {
        kw.phrase = clean_phrase(k.get<std::string>(), origin, here);
      } else if (k.is_object()) {
        for (const auto& [key, value] : k.items()) {
          if (key != "phrase" && key != "weight" && key != "boundary")
            scheme_fail(origin, here + "/" + key, "unknown key (known: phrase, weight, boundary)");
        }
        kw.phrase = clean_phrase(scheme_string_at(k, origin, here, "phrase", true), origin, here + "/phrase");
        kw.weight = number_at(k, origin, here, "weight", 1.0);
        const std::string b = scheme_string_at(k, origin, here, "boundary", false);
        if (!b.empty()) {
          const auto parsed = parse_keyword_boundary(b);
          if (!parsed) scheme_fail(origin, here + "/boundary", "must be automatic, word, any, prefix or suffix");
          kw.boundary = *parsed;
        }
      } else {
        scheme_fail(origin, here, "must be a phrase or an object {\"phrase\", \"weight\", \"boundary\"}");
      }
      kw.anchored = anchored;
      t.keywords.push_back(std::move(kw));
    }
  }
  if (const auto it = j.find("exclude"); it != j.end()) {
    if (!it->is_array()) scheme_fail(origin, at + "/exclude", "must be a list of phrases");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const std::string here = fmt::format("{}/exclude/{}", at, i);
      if (!(*it)[i].is_string()) scheme_fail(origin, here, "must be a phrase");
      t.exclude.push_back(clean_phrase((*it)[i].get<std::string>(), origin, here));
    }
  }
  const std::size_t self = out.themes.size();
  out.themes.push_back(std::move(t));
  if (parent) out.themes[*parent].children.push_back(self);
  if (const auto it = j.find("children"); it != j.end()) {
    if (!it->is_array()) scheme_fail(origin, at + "/children", "must be a list of themes");
    for (std::size_t i = 0; i < it->size(); ++i)
      read_theme((*it)[i], origin, fmt::format("{}/children/{}", at, i), self, depth + 1, out);
  }
  if (out.themes[self].keywords.empty() && out.themes[self].children.empty())
    scheme_fail(origin, at, fmt::format("theme \"{}\" has neither keywords nor children", out.themes[self].id));
}

// ---------------------------------------------------------------- quanteda YAML subset

/// A strict reader for the YAML that quanteda's `dictionary(file = …, format = "YAML")`
/// reads and writes: nested block mappings whose leaves are block sequences (`- item`) or
/// flow sequences (`[a, b]`) of scalars, plain or quoted, with `#` comments and an
/// optional `---`. Anything else (anchors, tags, multi-line scalars, tabs) is an error
/// with line and column, rather than a guess.
class yaml_dictionary_reader {
 public:
  yaml_dictionary_reader(std::string_view text, const std::string& origin) : origin_(origin) {
    std::size_t pos = 0;
    std::uint32_t number = 0;
    while (pos <= text.size()) {
      const std::size_t nl = std::min(text.find('\n', pos), text.size());
      std::string_view l = text.substr(pos, nl - pos);
      ++number;
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (number == 1 && l.starts_with("\xEF\xBB\xBF")) l.remove_prefix(3);
      add_line(l, number);
      if (nl == text.size()) break;
      pos = nl + 1;
    }
  }

  void read_into(coding_scheme& s) {
    std::size_t i = 0;
    if (lines_.empty()) fail_at(1, 1, "the dictionary is empty; write `key:` lines with lists of patterns");
    read_mapping(i, lines_[0].indent, std::nullopt, 0, s);
    if (i != lines_.size()) fail_at(lines_[i].number, lines_[i].indent + 1, "unexpected indentation");
  }

 private:
  struct yaml_line {
    std::uint32_t number;
    std::size_t indent;
    std::string_view content;  // without indentation and trailing comment/space
  };

  [[noreturn]] void fail_at(std::uint32_t line, std::size_t column, const std::string& what) const {
    throw schema_error({origin_, {}, line, static_cast<std::uint32_t>(column)},
                       what + " (quanteda YAML dictionary: nested `key:` lines, lists of patterns)");
  }

  void add_line(std::string_view l, std::uint32_t number) {
    std::size_t indent = 0;
    while (indent < l.size() && l[indent] == ' ') ++indent;
    if (indent < l.size() && l[indent] == '\t') fail_at(number, indent + 1, "tabs are not allowed for indentation");
    std::string_view content = l.substr(indent);
    content = strip_comment(content, number, indent);
    while (!content.empty() && (content.back() == ' ' || content.back() == '\t')) content.remove_suffix(1);
    if (content.empty() || content == "---" || content == "...") return;
    if (content.front() == '&' || content.front() == '!' || content.front() == '*' || content.front() == '|' ||
        content.front() == '>' || content.front() == '{')
      fail_at(number, indent + 1, "anchors, tags, block scalars and flow mappings are not supported");
    lines_.push_back({number, indent, content});
  }

  std::string_view strip_comment(std::string_view s, std::uint32_t number, std::size_t indent) const {
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') quote = c;
      if (c == '#' && (i == 0 || s[i - 1] == ' ')) return s.substr(0, i);
    }
    if (quote) fail_at(number, indent + 1, "unterminated quoted string");
    return s;
  }

  std::string scalar(std::string_view s, std::uint32_t number, std::size_t column) const {
    while (!s.empty() && s.front() == ' ') { s.remove_prefix(1); ++column; }
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) fail_at(number, column, "empty pattern");
    if (s.front() == '"' || s.front() == '\'') {
      if (s.size() < 2 || s.back() != s.front()) fail_at(number, column, "unterminated quoted string");
      std::string out;
      for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        if (s.front() == '"' && s[i] == '\\' && i + 2 < s.size()) {
          ++i;
          out += s[i] == 'n' ? '\n' : s[i] == 't' ? '\t' : s[i];
        } else if (s.front() == '\'' && s[i] == '\'' && i + 2 < s.size() && s[i + 1] == '\'') {
          out += '\'';
          ++i;
        } else {
          out += s[i];
        }
      }
      return out;
    }
    return std::string(s);
  }

  keyword pattern(const std::string& raw, std::uint32_t number, std::size_t column) const {
    std::string_view p = raw;
    const bool lead = p.starts_with('*');
    if (lead) p.remove_prefix(1);
    const bool trail = p.ends_with('*');
    if (trail) p.remove_suffix(1);
    if (p.empty()) fail_at(number, column, "a pattern needs more than `*`");
    if (p.size() > max_phrase_bytes)
      fail_at(number, column, fmt::format("a pattern of {} bytes; patterns are at most {} bytes", p.size(), max_phrase_bytes));
    if (p.find('*') != std::string_view::npos || p.find('?') != std::string_view::npos)
      fail_at(number, column, "only a leading or trailing `*` is supported in a pattern");
    if (!text::detail::is_valid_utf8(p)) fail_at(number, column, "pattern is not valid UTF-8");
    keyword k;
    k.phrase = text::simplifier::shared().convert(p).text;
    // quanteda matches whole tokens; `*` lets the match run on into the word.
    k.boundary = lead && trail ? keyword_boundary::any
                 : trail       ? keyword_boundary::prefix
                 : lead        ? keyword_boundary::suffix
                               : keyword_boundary::word;
    return k;
  }

  static std::string make_id(const std::string& key, std::set<std::string>& used) {
    std::string id;
    for (const char c : key) {
      if ((c >= 'A' && c <= 'Z')) id += static_cast<char>(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.') id += c;
      else if (c == ' ') id += '_';
    }
    if (id.empty()) id = "theme" + std::to_string(used.size() + 1);
    std::string unique = id;
    for (int n = 2; used.contains(unique); ++n) unique = id + "_" + std::to_string(n);
    used.insert(unique);
    return unique;
  }

  void read_mapping(std::size_t& i, std::size_t indent, std::optional<std::size_t> parent, int depth,
                    coding_scheme& s) {
    while (i < lines_.size() && lines_[i].indent == indent) {
      const yaml_line& l = lines_[i];
      if (depth >= max_theme_depth)
        fail_at(l.number, indent + 1,
                fmt::format("keys nested deeper than {} levels; flatten the dictionary", max_theme_depth));
      if (l.content.starts_with("- ") || l.content == "-")
        fail_at(l.number, indent + 1, "a list item where a `key:` was expected");
      std::size_t colon = std::string_view::npos;
      char quote = 0;
      for (std::size_t k = 0; k < l.content.size(); ++k) {
        const char c = l.content[k];
        if (quote) { if (c == quote) quote = 0; continue; }
        if (c == '"' || c == '\'') quote = c;
        if (c == ':' && (k + 1 == l.content.size() || l.content[k + 1] == ' ')) { colon = k; break; }
      }
      if (colon == std::string_view::npos) fail_at(l.number, indent + 1, "expected `key:`");
      const std::string key = scalar(l.content.substr(0, colon), l.number, indent + 1);
      std::string_view rest = l.content.substr(colon + 1);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      const std::size_t rest_column = indent + 1 + (l.content.size() - rest.size());

      theme t;
      t.id = make_id(key, used_ids_);
      t.zh = key;
      t.en = key;
      t.parent = parent;
      t.depth = depth;
      const std::size_t self = s.themes.size();
      s.themes.push_back(std::move(t));
      if (parent) s.themes[*parent].children.push_back(self);
      ++i;
      if (!rest.empty()) {
        if (rest.front() != '[' || rest.back() != ']')
          fail_at(l.number, rest_column, "a key's value is a list: `[a, b]` or `- item` lines below it");
        std::string_view inner = rest.substr(1, rest.size() - 2);
        std::size_t col = rest_column + 1;
        while (!inner.empty()) {
          std::size_t comma = 0;
          char q = 0;
          for (; comma < inner.size(); ++comma) {
            if (q) { if (inner[comma] == q) q = 0; continue; }
            if (inner[comma] == '"' || inner[comma] == '\'') q = inner[comma];
            if (inner[comma] == ',') break;
          }
          s.themes[self].keywords.push_back(pattern(scalar(inner.substr(0, comma), l.number, col), l.number, col));
          if (comma == inner.size()) break;
          inner.remove_prefix(comma + 1);
          col += comma + 1;
        }
      } else if (i < lines_.size() && lines_[i].indent > indent) {
        const std::size_t child_indent = lines_[i].indent;
        if (lines_[i].content.starts_with("- ") || lines_[i].content == "-") {
          while (i < lines_.size() && lines_[i].indent == child_indent &&
                 (lines_[i].content.starts_with("- ") || lines_[i].content == "-")) {
            const yaml_line& item = lines_[i];
            if (item.content == "-") fail_at(item.number, child_indent + 1, "empty list item");
            s.themes[self].keywords.push_back(pattern(scalar(item.content.substr(2), item.number, child_indent + 3),
                                                      item.number, child_indent + 3));
            ++i;
          }
        } else {
          read_mapping(i, child_indent, self, depth + 1, s);
        }
        if (i < lines_.size() && lines_[i].indent > indent)
          fail_at(lines_[i].number, lines_[i].indent + 1, "unexpected indentation");
      }
      if (s.themes[self].keywords.empty() && s.themes[self].children.empty())
        fail_at(l.number, indent + 1, fmt::format("key \"{}\" has no patterns", key));
      std::set<std::string> seen;
      for (const keyword& k : s.themes[self].keywords) {
        if (!seen.insert(k.phrase).second)
          fail_at(l.number, indent + 1, fmt::format("key \"{}\" lists pattern \"{}\" twice", key, k.phrase));
      }
    }
    if (i < lines_.size() && lines_[i].indent > indent)
      fail_at(lines_[i].number, lines_[i].indent + 1, "unexpected indentation");
  }

  std::string origin_;
  std::vector<yaml_line> lines_;
  std::set<std::string> used_ids_;
};

}  // namespace

std::string_view to_string(keyword_boundary b) noexcept {
  switch (b) {
    case keyword_boundary::automatic: return "automatic";
    case keyword_boundary::word: return "word";
    case keyword_boundary::any: return "any";
    case keyword_boundary::prefix: return "prefix";
    case keyword_boundary::suffix: return "suffix";
  }
  return "automatic";
}

std::optional<keyword_boundary> parse_keyword_boundary(std::string_view name) noexcept {
  for (const auto b : {keyword_boundary::automatic, keyword_boundary::word, keyword_boundary::any,
                       keyword_boundary::prefix, keyword_boundary::suffix}) {
    if (to_string(b) == name) return b;
  }
  return std::nullopt;
}

std::optional<std::size_t> coding_scheme::find(std::string_view theme_id) const noexcept {
  for (std::size_t i = 0; i < themes.size(); ++i) {
    if (themes[i].id == theme_id) return i;
  }
  return std::nullopt;
}

std::vector<std::size_t> coding_scheme::top_level() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < themes.size(); ++i) {
    if (!themes[i].parent) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> coding_scheme::leaves() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < themes.size(); ++i) {
    if (themes[i].children.empty()) out.push_back(i);
  }
  return out;
}

std::size_t coding_scheme::root_of(std::size_t theme) const {
  while (themes.at(theme).parent) theme = *themes[theme].parent;
  return theme;
}

std::string coding_scheme::display_name(std::size_t theme) const {
  const auto& t = themes.at(theme);
  return t.zh == t.en ? t.zh : t.zh + " " + t.en;
}

coding_scheme coding_scheme::from_json(std::string_view text, const std::string& origin) {
  const json j = detail::parse_json(text, origin);
  if (!j.is_object()) scheme_fail(origin, "", "a coding scheme is a JSON object");
  const std::string schema = scheme_string_at(j, origin, "", "schema", true);
  if (schema != scheme_schema_name)
    scheme_fail(origin, "/schema", fmt::format("unsupported schema \"{}\" (supported: \"{}\")", schema, scheme_schema_name));
  coding_scheme s;
  s.origin = origin;
  s.id = scheme_string_at(j, origin, "", "id", true);
  if (!is_id(s.id)) scheme_fail(origin, "/id", "must be a lowercase id (a-z, 0-9, _, -, .)");
  s.version = scheme_string_at(j, origin, "", "version", false);
  s.description = scheme_string_at(j, origin, "", "description", false);
  if (const auto it = j.find("name"); it != j.end()) {
    if (!it->is_object()) scheme_fail(origin, "/name", "must be an object {\"zh\", \"en\"}");
    s.zh = scheme_string_at(*it, origin, "/name", "zh", false);
    s.en = scheme_string_at(*it, origin, "/name", "en", false);
  }
  s.min_score = number_at(j, origin, "", "min_score", 1.0);
  s.title_weight = number_at(j, origin, "", "title_weight", 2.0);
  if (const auto t = j.find("title_needs_body"); t != j.end()) {
    if (!t->is_boolean()) scheme_fail(origin, "/title_needs_body", "must be true or false");
    s.title_needs_body = t->get<bool>();
  }
  const auto it = j.find("themes");
  if (it == j.end()) scheme_fail(origin, "", "missing key \"themes\"");
  if (!it->is_array()) scheme_fail(origin, "/themes", "must be a list of themes");
  for (std::size_t i = 0; i < it->size(); ++i) read_theme((*it)[i], origin, fmt::format("/themes/{}", i), {}, 0, s);
  const auto phrases = [&](const json& list, const std::string& at) {
    if (!list.is_array()) scheme_fail(origin, at, "must be a list of phrases");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_string()) scheme_fail(origin, fmt::format("{}/{}", at, i), "must be a phrase");
      out.push_back(clean_phrase(list[i].get<std::string>(), origin, fmt::format("{}/{}", at, i)));
    }
    return out;
  };
  if (const auto m = j.find("mask"); m != j.end()) s.mask = phrases(*m, "/mask");
  if (const auto m = j.find("mask_agencies"); m != j.end()) {
    if (m->is_boolean()) {
      s.mask_agencies = m->get<bool>();
    } else if (m->is_object() && m->size() == 1 && m->contains("except")) {
      s.agencies_as_content = phrases(m->at("except"), "/mask_agencies/except");
    } else {
      scheme_fail(origin, "/mask_agencies", "must be true, false or {\"except\": [agency ids]}");
    }
  }
  if (const auto g = j.find("gate"); g != j.end()) {
    if (!g->is_object()) scheme_fail(origin, "/gate", "must be an object {\"scheme\", \"theme\"}");
    s.gate_scheme = scheme_string_at(*g, origin, "/gate", "scheme", true);
    s.gate_theme = scheme_string_at(*g, origin, "/gate", "theme", true);
    const std::string scope = scheme_string_at(*g, origin, "/gate", "outside_domain", false);
    if (scope != "" && scope != "unit" && scope != "sentence")
      scheme_fail(origin, "/gate/outside_domain", "must be \"unit\" or \"sentence\"");
    s.gate_sentences_outside_domain = scope == "sentence";
    if (s.gate_scheme == s.id) scheme_fail(origin, "/gate/scheme", "a scheme cannot gate itself");
  }
  s.default_theme = scheme_string_at(j, origin, "", "default_theme", false);
  if (!s.default_theme.empty() && !s.find(s.default_theme))
    scheme_fail(origin, "/default_theme", fmt::format("no theme \"{}\" in the scheme", s.default_theme));
  if (const auto t = j.find("not_in_cited_titles"); t != j.end()) {
    s.not_in_cited_titles = phrases(*t, "/not_in_cited_titles");
    for (std::size_t i = 0; i < s.not_in_cited_titles.size(); ++i) {
      if (!s.find(s.not_in_cited_titles[i]))
        scheme_fail(origin, fmt::format("/not_in_cited_titles/{}", i),
             fmt::format("no theme \"{}\" in the scheme", s.not_in_cited_titles[i]));
    }
  }
  check_scheme(s, origin);
  return s;
}

coding_scheme coding_scheme::from_yaml(std::string_view yaml, const std::string& origin, std::string id) {
  coding_scheme s;
  s.origin = origin;
  if (id.empty()) {
    // The file's stem, as an id.
    std::string_view stem = origin;
    if (const auto slash = stem.find_last_of('/'); slash != std::string_view::npos) stem.remove_prefix(slash + 1);
    if (const auto dot = stem.find('.'); dot != std::string_view::npos) stem = stem.substr(0, dot);
    for (const char c : stem) id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : (is_id(std::string(1, c)) ? c : '_');
    if (id.empty()) id = "dictionary";
  }
  s.id = id;
  s.zh = s.en = id;
  s.description = "quanteda dictionary " + origin;
  yaml_dictionary_reader(yaml, origin).read_into(s);
  check_scheme(s, origin);
  return s;
}

coding_scheme coding_scheme::from_file(const std::string& path) {
  const std::string bytes = read_file(path);
  if (path.ends_with(".yml") || path.ends_with(".yaml")) return from_yaml(bytes, path);
  return from_json(bytes, path);
}

const coding_scheme& coding_scheme::builtin(std::string_view id) {
  static const std::map<std::string, coding_scheme, std::less<>> schemes = [] {
    std::map<std::string, coding_scheme, std::less<>> out;
    for (const auto& name : builtin_data_names()) {
      if (!name.starts_with(builtin_prefix) || !name.ends_with(builtin_suffix)) continue;
      auto s = from_json(builtin_data(name), name + " (built-in)");
      out.emplace(s.id, std::move(s));
    }
    return out;
  }();
  if (const auto it = schemes.find(id); it != schemes.end()) return it->second;
  std::string known;
  for (const auto& [name, s] : schemes) known += (known.empty() ? "" : ", ") + name;
  throw usage_error(fmt::format("no built-in coding scheme named '{}'; known: {} (or give a .json/.yml file)",
                                id, known));
}

std::vector<std::string> coding_scheme::builtin_ids() {
  std::vector<std::string> out;
  for (const auto& name : builtin_data_names()) {
    if (name.starts_with(builtin_prefix) && name.ends_with(builtin_suffix))
      out.push_back(name.substr(builtin_prefix.size(), name.size() - builtin_prefix.size() - builtin_suffix.size()));
  }
  return out;
}

coding_scheme coding_scheme::load(const std::string& id_or_path) {
  const auto ids = builtin_ids();
  if (std::find(ids.begin(), ids.end(), id_or_path) != ids.end()) return builtin(id_or_path);
  std::error_code ec;
  if (!std::filesystem::exists(id_or_path, ec)) {
    std::string known;
    for (const auto& id : ids) known += (known.empty() ? "" : ", ") + id;
    throw usage_error(fmt::format("'{}' is neither a built-in coding scheme ({}) nor a file", id_or_path, known));
  }
  return from_file(id_or_path);
}

}  // namespace plancmp::inline v0
