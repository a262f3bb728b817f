// SPDX-License-Identifier: MIT
// The agency ontology: data/agencies.json read into entries and a hash index of their
// aliases, and the resolver that reads a printed name as [place][level prefix][alias].
#include <plancmp/model/agency_ontology.hpp>

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/script.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../detail/json.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace plancmp::inline v0 {

namespace {

/// Longest agency name (alias or short form) an ontology may hold, in bytes (about 80
/// Chinese characters; the longest built-in alias is far shorter). Bounding it lets
/// `match_core` probe only the suffixes an alias can be.
constexpr std::size_t max_alias_bytes = 256;

using json = nlohmann::json;

constexpr std::string_view schema_name = "plancmp.agencies/1";

[[noreturn]] void fail(const std::string& origin, const std::string& pointer, const std::string& what) {
  detail::schema_fail(origin, pointer, what);
}

/// Spaces dropped (scraped names carry NBSP and U+3000), full-width brackets made ASCII
/// so that 各区县（市）政府 and 各区县(市)政府 are one name.
std::string normalize_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t start = pos;
    const char32_t c = text::detail::next_code_point(name, pos);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000) continue;
    if (c == 0xFF08) {
      out += '(';
    } else if (c == 0xFF09) {
      out += ')';
    } else {
      out.append(name.substr(start, pos - start));
    }
  }
  return out;
}

std::string simplify(std::string_view normalized) {
  return text::simplifier::shared().convert(normalized).text;
}

bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

/// Two to four Han characters: what a place or zone name printed before an agency looks like.
bool place_like(std::string_view s) {
  std::size_t pos = 0, n = 0;
  while (pos < s.size()) {
    if (!is_han(text::detail::next_code_point(s, pos))) return false;
    ++n;
  }
  return n >= 2 && n <= 4;
}

// ---------------------------------------------------------------- reading the file

std::string string_at(const json& j, const std::string& origin, const std::string& at, const char* key,
                      bool required = true) {
  return detail::json_string(j, origin, at, key, required);
}

bool bool_at(const json& j, const std::string& origin, const std::string& at, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return false;
  if (!it->is_boolean()) fail(origin, at + "/" + key, "must be true or false");
  return it->get<bool>();
}

std::vector<std::string> strings_at(const json& j, const std::string& origin, const std::string& at,
                                    const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it == j.end()) return out;
  if (!it->is_array()) fail(origin, at + "/" + key, "must be a list of strings");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& x = (*it)[i];
    if (!x.is_string() || x.get_ref<const std::string&>().empty())
      fail(origin, fmt::format("{}/{}/{}", at, key, i), "must be a non-empty string");
    out.push_back(x.get<std::string>());
  }
  return out;
}

level level_named(const json& x, const std::string& origin, const std::string& at) {
  if (!x.is_string()) fail(origin, at, "must be a level name");
  const auto l = parse_level(x.get<std::string>());
  if (!l || *l == level::unknown)
    fail(origin, at,
         fmt::format("unknown level \"{}\" (national, province, city, district, county)",
                     x.get<std::string>()));
  return *l;
}

std::vector<agency_succession> history_at(const json& h, const std::string& origin,
                                          const std::string& at, const char* key) {
  std::vector<agency_succession> out;
  const auto it = h.find(key);
  if (it == h.end()) return out;
  if (!it->is_array()) fail(origin, at + "/" + key, "must be a list");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& x = (*it)[i];
    const std::string here = fmt::format("{}/{}/{}", at, key, i);
    if (!x.is_object()) fail(origin, here, "must be an object {\"id\", \"year\", …}");
    agency_succession s;
    s.id = string_at(x, origin, here, "id");
    const auto y = x.find("year");
    if (y == x.end()) fail(origin, here, "missing key \"year\"");
    if (!y->is_number_integer() || y->get<std::int64_t>() < 1900 || y->get<std::int64_t>() > 2100)
      fail(origin, here + "/year", "must be a year (an integer from 1900 to 2100)");
    s.year = y->get<int>();
    if (const auto l = x.find("levels"); l != x.end()) {
      if (!l->is_array()) fail(origin, here + "/levels", "must be a list of level names");
      for (std::size_t k = 0; k < l->size(); ++k)
        s.levels.push_back(level_named((*l)[k], origin, fmt::format("{}/levels/{}", here, k)));
    }
    s.duties = string_at(x, origin, here, "duties", false);
    out.push_back(std::move(s));
  }
  return out;
}

bool valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

// ---------------------------------------------------------------- agency_ontology

struct agency_ontology::core_match {
  std::size_t entry = 0;
  level admin_level = level::unknown;
  std::string place;
  bool place_name = false;
  bool follows = false;
  std::string alias;
  bool short_form = false;
};

agency_ontology::agency_ontology() = default;

const agency_ontology& agency_ontology::builtin() {
  static const agency_ontology o = from_json(builtin_data("agencies.json"), "agencies.json (built-in)");
  return o;
}

agency_ontology agency_ontology::from_json(std::string_view text, const std::string& origin) {
  agency_ontology o;
  o.merge_json(text, origin);
  return o;
}

void agency_ontology::merge_file(const std::string& path) { merge_json(read_file(path), path); }

void agency_ontology::merge_json(std::string_view text, const std::string& origin) {
  const json j = detail::parse_json(text, origin);
  if (!j.is_object()) fail(origin, "", "an ontology file is a JSON object");
  const std::string schema = string_at(j, origin, "", "schema");
  if (schema != schema_name)
    fail(origin, "/schema",
         fmt::format("unsupported schema \"{}\" (supported: \"{}\")", schema, schema_name));

  // Work on a copy: on error the ontology stays as it was.
  agency_ontology next = *this;
  const int rank = entries_.empty() ? 0 : 1 + *std::max_element(rank_.begin(), rank_.end());
  const std::string file_version = string_at(j, origin, "", "version", false);
  if (next.version_.empty()) {
    next.version_ = file_version;
  } else if (!file_version.empty()) {
    next.version_ += "+" + file_version;
  }

  if (const auto it = j.find("level_prefixes"); it != j.end()) {
    if (!it->is_object()) fail(origin, "/level_prefixes", "must be an object {prefix: level}");
    for (const auto& [prefix, l] : it->items())
      next.level_prefixes_[simplify(normalize_name(prefix))] =
          level_named(l, origin, "/level_prefixes/" + prefix);
  }
  if (const auto it = j.find("prefix_sets"); it != j.end()) {
    if (!it->is_object()) fail(origin, "/prefix_sets", "must be an object {name: [prefix, …]}");
    for (const auto& [name, list] : it->items()) {
      if (!list.is_array()) fail(origin, "/prefix_sets/" + name, "must be a list of prefixes");
      std::vector<std::string> prefixes;
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
          fail(origin, fmt::format("/prefix_sets/{}/{}", name, i), "must be a string");
        prefixes.push_back(simplify(normalize_name(list[i].get<std::string>())));
        if (!next.level_prefixes_.contains(prefixes.back()))
          fail(origin, fmt::format("/prefix_sets/{}/{}", name, i),
               fmt::format("\"{}\" is not in level_prefixes; add it there with its level",
                           prefixes.back()));
      }
      next.prefix_sets_[name] = std::move(prefixes);
    }
  }
  // Word lists of place names: each word simplified, once.
  const auto add_words = [&](std::vector<std::string>& list, const char* key) {
    for (const auto& s : strings_at(j, origin, "", key)) {
      std::string simple = simplify(normalize_name(s));
      if (std::find(list.begin(), list.end(), simple) == list.end()) list.push_back(std::move(simple));
    }
  };
  add_words(next.place_suffixes_, "place_suffixes");
  std::stable_sort(next.place_suffixes_.begin(), next.place_suffixes_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  add_words(next.not_place_openers_, "not_place_openers");
  if (const auto it = j.find("confidence"); it != j.end()) {
    if (!it->is_object()) fail(origin, "/confidence", "must be an object {kind: number}");
    for (const auto& [kind, value] : it->items()) {
      if (!value.is_number() || value.get<double>() <= 0.0 || value.get<double>() > 1.0)
        fail(origin, "/confidence/" + kind, "must be a number greater than 0 and at most 1");
      next.confidence_[kind] = value.get<double>();
    }
  }

  const auto list = j.find("agencies");
  if (list == j.end()) fail(origin, "", "missing key \"agencies\"");
  if (!list->is_array()) fail(origin, "/agencies", "must be a list of agency objects");
  std::set<std::string, std::less<>> ids_in_file;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& x = (*list)[i];
    const std::string at = fmt::format("/agencies/{}", i);
    if (!x.is_object()) fail(origin, at, "must be an object");
    agency_entry e;
    e.id = string_at(x, origin, at, "id");
    if (!valid_id(e.id))
      fail(origin, at + "/id", fmt::format("\"{}\" is not an id (a-z, 0-9 and _)", e.id));
    if (!ids_in_file.insert(e.id).second)
      fail(origin, at + "/id", fmt::format("id \"{}\" appears twice in this file", e.id));
    const bool extend = bool_at(x, origin, at, "extend");
    e.name_en = string_at(x, origin, at, "en", !extend);
    e.name_zh = simplify(normalize_name(string_at(x, origin, at, "zh", !extend)));
    e.category = string_at(x, origin, at, "category", false);
    e.collective = bool_at(x, origin, at, "collective");
    e.place_named = bool_at(x, origin, at, "place_named");
    e.follows_agency = bool_at(x, origin, at, "follows_agency");
    e.note = string_at(x, origin, at, "note", false);
    for (auto& a : strings_at(x, origin, at, "aliases"))
      e.aliases.push_back(simplify(normalize_name(a)));
    for (auto& a : strings_at(x, origin, at, "short"))
      e.short_forms.push_back(simplify(normalize_name(a)));
    const auto templates = strings_at(x, origin, at, "templates");
    for (std::size_t k = 0; k < templates.size(); ++k) {
      const std::string t = normalize_name(templates[k]);
      const auto p = t.find("{place}");
      if (p == std::string::npos || t.find("{place}", p + 1) != std::string::npos || t.size() == 7)
        fail(origin, fmt::format("{}/templates/{}", at, k),
             "must hold {place} once, with text around it");
      e.templates.push_back(simplify(t.substr(0, p)) + "{place}" + simplify(t.substr(p + 7)));
    }
    const auto prefixes = strings_at(x, origin, at, "prefixes");
    for (std::size_t k = 0; k < prefixes.size(); ++k) {
      if (const auto set = next.prefix_sets_.find(prefixes[k]); set != next.prefix_sets_.end()) {
        e.prefixes.insert(e.prefixes.end(), set->second.begin(), set->second.end());
        continue;
      }
      const std::string simple = simplify(normalize_name(prefixes[k]));
      if (!next.level_prefixes_.contains(simple))
        fail(origin, fmt::format("{}/prefixes/{}", at, k),
             fmt::format("\"{}\" is neither a prefix set nor in level_prefixes", prefixes[k]));
      e.prefixes.push_back(simple);
    }
    if (const auto h = x.find("history"); h != x.end()) {
      if (!h->is_object())
        fail(origin, at + "/history", "must be an object {\"predecessors\", \"successors\"}");
      e.predecessors = history_at(*h, origin, at + "/history", "predecessors");
      e.successors = history_at(*h, origin, at + "/history", "successors");
    }
    if (!e.name_zh.empty() &&
        std::find(e.aliases.begin(), e.aliases.end(), e.name_zh) == e.aliases.end())
      e.aliases.insert(e.aliases.begin(), e.name_zh);

    const auto known = next.id_index_.find(e.id);
    if (known == next.id_index_.end()) {
      if (extend) fail(origin, at + "/extend", fmt::format("no entry \"{}\" to extend", e.id));
      next.id_index_.emplace(e.id, next.entries_.size());
      next.entries_.push_back(std::move(e));
      next.rank_.push_back(rank);
      continue;
    }
    agency_entry& old = next.entries_[known->second];
    next.rank_[known->second] = rank;
    if (!extend) {
      old = std::move(e);
      continue;
    }
    auto append = [](auto& to, const auto& from) {
      for (const auto& v : from)
        if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
    };
    append(old.aliases, e.aliases);
    append(old.short_forms, e.short_forms);
    append(old.templates, e.templates);
    append(old.prefixes, e.prefixes);
    append(old.predecessors, e.predecessors);
    append(old.successors, e.successors);
    if (!e.name_en.empty()) old.name_en = e.name_en;
    if (!e.name_zh.empty()) old.name_zh = e.name_zh;
    if (!e.category.empty()) old.category = e.category;
    if (!e.note.empty()) old.note = e.note;
    old.collective = old.collective || e.collective;
    old.place_named = old.place_named || e.place_named;
    old.follows_agency = old.follows_agency || e.follows_agency;
  }

  // History must name known entries, and successors must not loop.
  for (std::size_t i = 0; i < next.entries_.size(); ++i) {
    const auto& e = next.entries_[i];
    for (const auto* list_of : {&e.predecessors, &e.successors}) {
      for (const auto& s : *list_of) {
        if (!next.id_index_.contains(s.id))
          fail(origin, "/agencies",
               fmt::format("entry \"{}\" names \"{}\" in its history, which is not in the ontology",
                           e.id, s.id));
      }
    }
    std::size_t cur = i;
    for (std::size_t steps = 0; !next.entries_[cur].successors.empty(); ++steps) {
      if (steps > next.entries_.size())
        fail(origin, "/agencies", fmt::format("the successors of \"{}\" form a cycle", e.id));
      cur = next.id_index_.at(next.entries_[cur].successors.front().id);
    }
  }
  next.rebuild_index();
  // An alias two entries of the same file claim is a mistake; report it.
  std::unordered_map<std::string, std::size_t, string_hash, std::equal_to<>> claimed;
  for (std::size_t i = 0; i < next.entries_.size(); ++i) {
    if (next.rank_[i] != rank) continue;
    const auto& e = next.entries_[i];
    for (const auto* names : {&e.aliases, &e.short_forms}) {
      for (const auto& a : *names) {
        if (a.size() > max_alias_bytes)
          fail(origin, "/agencies",
               fmt::format("alias \"{}…\" of \"{}\" is {} bytes long; agency names are at most {} bytes",
                           a.substr(0, 30), e.id, a.size(), max_alias_bytes));
        const auto [it, fresh] = claimed.emplace(a, i);
        if (!fresh && it->second != i)
          fail(origin, "/agencies",
               fmt::format("alias \"{}\" is claimed by both \"{}\" and \"{}\"; keep it in one entry", a,
                           next.entries_[it->second].id, e.id));
      }
    }
  }
  *this = std::move(next);
}

void agency_ontology::rebuild_index() {
  alias_index_.clear();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    for (const bool is_short : {false, true}) {
      for (const auto& a : is_short ? entries_[i].short_forms : entries_[i].aliases) {
        auto [it, fresh] = alias_index_.try_emplace(a, alias_target{i, is_short});
        if (fresh) continue;
        if (it->second.entry == i) continue;  // already a full alias of this entry
        // A later file takes the alias over from the entries it overrides.
        if (rank_[i] > rank_[it->second.entry]) it->second = alias_target{i, is_short};
      }
    }
  }
  id_index_.clear();
  for (std::size_t i = 0; i < entries_.size(); ++i) id_index_.emplace(entries_[i].id, i);
}

const agency_entry* agency_ontology::find(std::string_view id) const noexcept {
  const auto it = id_index_.find(id);
  return it == id_index_.end() ? nullptr : &entries_[it->second];
}

std::optional<std::size_t> agency_ontology::position(std::string_view id) const noexcept {
  const auto it = id_index_.find(id);
  if (it == id_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<agency_ontology::core_match> agency_ontology::accept(
    std::string_view remainder, std::size_t entry, const jurisdiction& where,
    const std::vector<std::string>& stems, int depth) const {
  const agency_entry& e = entries_[entry];
  core_match m;
  m.entry = entry;
  m.admin_level = where.admin_level;
  if (remainder.empty()) return m;
  const auto is_stem = [&](std::string_view s) {
    return std::find(stems.begin(), stems.end(), s) != stems.end();
  };

  // [place] level-prefix: the longest of the entry's prefixes that ends the remainder.
  std::string_view prefix;
  for (const auto& p : e.prefixes)
    if (remainder.ends_with(p) && p.size() > prefix.size()) prefix = p;
  if (!prefix.empty()) {
    const std::string_view rest = remainder.substr(0, remainder.size() - prefix.size());
    m.admin_level = level_prefixes_.find(prefix)->second;
    if (rest.empty()) return m;
    m.place = std::string(rest);
    if (is_stem(rest)) return m;
    if (e.place_named && place_name_like(rest)) {
      m.place_name = true;
      return m;
    }
    m.place.clear();
    m.admin_level = where.admin_level;
  }
  // The plan's own place name alone (衡水海关), or another place for a place-named agency.
  if (is_stem(remainder)) {
    m.place = std::string(remainder);
    return m;
  }
  if (e.place_named && place_name_like(remainder)) {
    m.place = std::string(remainder);
    m.place_name = true;
    return m;
  }
  // The body a collective belongs to: 区知识产权工作领导小组 + 各成员单位.
  if (e.follows_agency && depth == 0) {
    if (auto parent = match_core(remainder, where, stems, depth + 1);
        parent && !entries_[parent->entry].collective) {
      m.admin_level = parent->admin_level;
      m.place = parent->place;
      m.place_name = parent->place_name;
      m.follows = true;
      return m;
    }
  }
  return std::nullopt;
}

bool agency_ontology::place_name_like(std::string_view s) const {
  return place_like(s) && std::none_of(not_place_openers_.begin(), not_place_openers_.end(),
                                       [&](const std::string& w) { return s.starts_with(w); });
}

std::optional<agency_ontology::core_match> agency_ontology::match_core(
    std::string_view name, const jurisdiction& where, const std::vector<std::string>& stems,
    int depth) const {
  // Longest suffix first: at each code-point boundary, one hash probe — but only for
  // suffixes an alias can be (hashing every suffix of a name made of 10^5 nested
  // brackets was quadratic).
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::string_view suffix = name.substr(pos);
    if (suffix.size() > max_alias_bytes) {
      (void)text::detail::next_code_point(name, pos);
      continue;
    }
    if (const auto it = alias_index_.find(suffix); it != alias_index_.end()) {
      if (auto m = accept(name.substr(0, pos), it->second.entry, where, stems, depth)) {
        m->alias = std::string(suffix);
        m->short_form = it->second.short_form;
        return m;
      }
    }
    (void)text::detail::next_code_point(name, pos);
  }
  // Templates: a place inside the name (人行衡水市中心支行).
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    for (const auto& t : entries_[i].templates) {
      const auto p = t.find("{place}");
      const std::string_view head = std::string_view(t).substr(0, p),
                             tail = std::string_view(t).substr(p + 7);
      if (name.size() <= head.size() + tail.size() || !name.starts_with(head) || !name.ends_with(tail))
        continue;
      std::string_view place = name.substr(head.size(), name.size() - head.size() - tail.size());
      core_match m;
      m.entry = i;
      m.admin_level = where.admin_level;
      m.alias = t;
      m.place = std::string(place);
      for (const auto& suffix : place_suffixes_) {
        if (place.size() > suffix.size() && place.ends_with(suffix)) {
          if (const auto l = level_prefixes_.find(suffix); l != level_prefixes_.end())
            m.admin_level = l->second;
          place.remove_suffix(suffix.size());
          break;
        }
      }
      const bool own = std::find(stems.begin(), stems.end(), place) != stems.end();
      if (!own && !place_name_like(place)) continue;
      m.place_name = !own;
      return m;
    }
  }
  return std::nullopt;
}

std::vector<std::string> agency_ontology::place_stems(const jurisdiction& where) const {
  // The plan's own place: 甘肃省 and 甘肃.
  std::vector<std::string> stems;
  if (!where.name.empty()) {
    stems.push_back(simplify(normalize_name(where.name)));
    for (const auto& suffix : place_suffixes_) {
      if (stems.front().size() > suffix.size() && stems.front().ends_with(suffix)) {
        stems.push_back(stems.front().substr(0, stems.front().size() - suffix.size()));
        break;
      }
    }
  }
  return stems;
}

agency_match agency_ontology::resolve(std::string_view printed_name, const jurisdiction& where,
                                      int year) const {
  return resolve(printed_name, where, year, place_stems(where));
}

agency_match agency_ontology::resolve(std::string_view printed_name, const jurisdiction& where, int year,
                                      const std::vector<std::string>& stems) const {
  agency_match out;
  out.name = std::string(printed_name);
  const std::string normalized = normalize_name(printed_name);
  out.simplified = simplify(normalized);
  out.traditional = out.simplified != normalized;

  std::optional<core_match> m = match_core(out.simplified, where, stems, 0);
  if (!m && out.simplified.ends_with(')')) {
    // A bracketed second name: 区委办(区委外办) is read as 区委办.
    const auto open = out.simplified.rfind('(');
    if (open != std::string::npos && open > 0) {
      m = match_core(std::string_view(out.simplified).substr(0, open), where, stems, 0);
      out.qualifier = m.has_value();
      if (m)
        out.note = fmt::format("read as {}; the bracketed second name {} is set aside",
                               out.simplified.substr(0, open), out.simplified.substr(open));
    }
  }
  if (!m) {
    out.note = fmt::format(
        "\"{}\" is not in the agency ontology{}; add it (or an alias) in an extra ontology "
        "file, see docs/agencies.md",
        printed_name, version_.empty() ? "" : fmt::format(" (version {})", version_));
    return out;
  }

  const auto factor = [&](std::string_view kind) {
    const auto it = confidence_.find(kind);
    return it == confidence_.end() ? 1.0 : it->second;
  };
  double confidence = factor(m->short_form ? match_kind::short_form : match_kind::exact);
  if (out.traditional) confidence *= factor(match_kind::traditional);
  if (m->place_name) confidence *= factor(match_kind::place_name);
  if (out.qualifier) confidence *= factor("qualifier");
  if (m->follows) confidence *= factor("follows_agency");

  out.matched_id = entries_[m->entry].id;
  out.alias = m->alias;
  out.place = m->place;
  out.short_form = m->short_form;
  out.place_name = m->place_name;
  out.collective = entries_[m->entry].collective;
  if (m->place_name)
    out.note = fmt::format("printed with the place name {}, not the plan's own; level from the {}",
                           m->place, m->admin_level == where.admin_level ? "plan" : "prefix");

  // Follow the history to the agency that holds the duties now.
  std::size_t current = m->entry;
  std::string chain = entries_[current].name_zh;
  for (std::size_t steps = 0; steps <= entries_.size(); ++steps) {
    const auto& successors = entries_[current].successors;
    const auto next =
        std::find_if(successors.begin(), successors.end(), [&](const agency_succession& s) {
          return s.levels.empty() || m->admin_level == level::unknown ||
                 std::find(s.levels.begin(), s.levels.end(), m->admin_level) != s.levels.end();
        });
    if (next == successors.end()) break;
    if (out.reform_year == 0) out.reform_year = next->year;
    current = id_index_.at(next->id);
    chain += fmt::format(" → {} ({})", entries_[current].name_zh, next->year);
  }
  const bool predecessor = current != m->entry;
  if (predecessor) {
    out.after_reform = year != 0 && year >= out.reform_year;
    confidence *= factor(match_kind::predecessor);
    if (out.after_reform) confidence *= factor("after_reform");
    out.note =
        fmt::format("{} is the pre-{} name: {}{}", printed_name, out.reform_year, chain,
                    out.after_reform ? fmt::format("; printed in {}, after the reform", year) : "");
    if (m->place_name) out.note += fmt::format("; place name {}", m->place);
    out.collective = out.collective || entries_[current].collective;
  }

  std::string_view kind = m->short_form ? match_kind::short_form : match_kind::exact;
  if (m->place_name) kind = match_kind::place_name;
  if (out.traditional) kind = match_kind::traditional;
  if (predecessor) kind = match_kind::predecessor;
  out.resolution = agency_resolution{entries_[current].id, m->admin_level,
                                     std::round(confidence * 1000.0) / 1000.0, std::string(kind)};
  return out;
}

// ---------------------------------------------------------------- resolve_agencies

agency_resolution_summary resolve_agencies(plan& p, const agency_ontology& ontology,
                                           const resolve_agencies_options& options) {
  constexpr std::string_view code = "agency.unresolved";
  std::erase_if(p.diagnostics, [&](const diagnostic& d) { return d.code == code; });
  const int year = p.issued ? p.issued->year : 0;
  agency_resolution_summary summary;
  const std::vector<std::string> stems = ontology.place_stems(p.issuing_jurisdiction);
  for (std::size_t i = 0; i < p.agencies().size(); ++i) {
    const agency& a = p.agencies()[i];
    ++summary.names;
    const agency_match m = ontology.resolve(a.name, p.issuing_jurisdiction, year, stems);
    if (m.resolution) {
      ++summary.resolved;
      ++summary.by_match[m.resolution->match];
      p.set_agency_resolution(i, m.resolution, a.collective || m.collective);
      continue;
    }
    p.set_agency_resolution(i, std::nullopt, a.collective);
    summary.unresolved.push_back(a.name);
    // The diagnostic points at the name's first mention.
    std::optional<span> first;
    for (const measure& measure : p.measures()) {
      for (const auto* mentions : {&measure.lead, &measure.support}) {
        for (const agency_mention& mention : *mentions) {
          if (mention.name == a.name && (!first || mention.where.begin < first->begin))
            first = mention.where;
        }
      }
    }
    diagnostic d;
    d.where = first.value_or(span{});
    d.line = options.line_of && first ? options.line_of(first->begin) : 0;
    d.code = std::string(code);
    d.message = m.note;
    const auto at =
        std::upper_bound(p.diagnostics.begin(), p.diagnostics.end(), d.line,
                         [](std::uint32_t line, const diagnostic& x) { return line < x.line; });
    p.diagnostics.insert(at, std::move(d));
  }
  return summary;
}

}  // namespace plancmp::inline v0
