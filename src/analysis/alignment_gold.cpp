// SPDX-License-Identifier: MIT
#include <plancmp/analysis/alignment_gold.hpp>

#include <plancmp/error.hpp>

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <optional>

namespace plancmp::inline v0::analysis {
namespace {

std::string string_at(const nlohmann::json& j, const char* key, const std::string& origin, const std::string& where,
                      bool required = true) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    if (!required) return {};
    throw schema_error(fmt::format("{}: {}/{}: missing; every link names its measures (see docs/gold.md)", origin,
                                   where, key));
  }
  if (!it->is_string())
    throw schema_error(fmt::format("{}: {}/{}: expected a string", origin, where, key));
  return it->get<std::string>();
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000 ideographic space
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

// Whether measure `k` of `p` is the gold measure (path, text start).
bool is_measure(const plan& p, std::size_t k, const std::string& path, const std::string& start,
                const std::vector<std::string>& texts) {
  if (k >= p.measures().size()) return false;
  if (!path.empty() && p.measures()[k].id == path) return true;
  if (start.empty()) return false;
  const std::string s = without_spaces(start);
  const auto at = texts[k].find(s);
  return at != std::string::npos && at <= 24;  // after a number such as "(十八)" or "13."
}

std::vector<std::string> measure_texts(const plan& p) {
  std::vector<std::string> out;
  for (const measure& m : p.measures()) out.push_back(without_spaces(m.text));
  return out;
}

}  // namespace

double link_scores::precision() const noexcept {
  return found == 0 ? 1.0 : static_cast<double>(found_matched) / static_cast<double>(found);
}
double link_scores::recall() const noexcept {
  return gold == 0 ? 1.0 : static_cast<double>(gold_matched) / static_cast<double>(gold);
}

double link_scores::f1() const noexcept {
  const double p = precision();
  const double r = recall();
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

alignment_gold read_alignment_gold(std::string_view json, const std::string& origin) {
  const nlohmann::json j = plancmp::detail::parse_json(json, origin);
  if (!j.is_object() || j.value("schema", "") != "plancmp.gold.alignment/1")
    throw schema_error(origin + ": /schema: expected \"plancmp.gold.alignment/1\" (see docs/gold.md)");
  alignment_gold g;
  g.origin = origin;
  g.source_a = string_at(j, "a", origin, "");
  g.source_b = string_at(j, "b", origin, "");
  g.relation = string_at(j, "relation", origin, "", false);
  g.annotator = string_at(j, "annotator", origin, "", false);
  if (!j.contains("links") || !j["links"].is_array()) throw schema_error(origin + ": /links: expected an array");
  for (std::size_t k = 0; k < j["links"].size(); ++k) {
    const auto& l = j["links"][k];
    const std::string where = fmt::format("/links/{}", k);
    if (!l.is_object()) throw schema_error(fmt::format("{}: {}: expected an object", origin, where));
    gold_link link;
    link.a = string_at(l, "a", origin, where, false);
    link.a_start = string_at(l, "a_start", origin, where, false);
    link.b = string_at(l, "b", origin, where, false);
    link.b_start = string_at(l, "b_start", origin, where, false);
    if ((link.a.empty() && link.a_start.empty()) || (link.b.empty() && link.b_start.empty()))
      throw schema_error(fmt::format("{}: {}: a link needs a path or a text start on both sides", origin, where));
    const std::string grade = string_at(l, "grade", origin, where);
    const auto parsed = parse_link_grade(grade);
    if (!parsed)
      throw schema_error(fmt::format("{}: {}/grade: \"{}\" is not \"same\" or \"related\"", origin, where, grade));
    link.grade = *parsed;
    link.why = string_at(l, "why", origin, where, false);
    g.links.push_back(std::move(link));
  }
  return g;
}

alignment_evaluation evaluate_alignment(const plan_alignment& found, const plan& a, const plan& b,
                                        const alignment_gold& gold) {
  alignment_evaluation r;
  r.pair = gold.source_a + " ↔ " + gold.source_b;
  const auto ta = measure_texts(a);
  const auto tb = measure_texts(b);
  auto matches = [&](const measure_pair& p, const gold_link& g) {
    return is_measure(a, p.measure_a, g.a, g.a_start, ta) && is_measure(b, p.measure_b, g.b, g.b_start, tb);
  };
  auto score = [&](link_scores& s, const std::optional<link_grade> grade) {
    auto counts = [&](link_grade x) { return !grade || x == *grade; };
    for (const gold_link& g : gold.links) {
      if (!counts(g.grade)) continue;
      ++s.gold;
      if (std::any_of(found.pairs.begin(), found.pairs.end(),
                      [&](const measure_pair& p) { return counts(p.grade) && matches(p, g); }))
        ++s.gold_matched;
    }
    for (const measure_pair& p : found.pairs) {
      if (!counts(p.grade)) continue;
      ++s.found;
      if (std::any_of(gold.links.begin(), gold.links.end(),
                      [&](const gold_link& g) { return counts(g.grade) && matches(p, g); }))
        ++s.found_matched;
    }
  };
  score(r.links, std::nullopt);
  score(r.same, link_grade::same);
  score(r.related, link_grade::related);
  for (const gold_link& g : gold.links)
    if (std::none_of(found.pairs.begin(), found.pairs.end(), [&](const measure_pair& p) { return matches(p, g); }))
      r.missed.push_back(g);
  for (const measure_pair& p : found.pairs)
    if (std::none_of(gold.links.begin(), gold.links.end(), [&](const gold_link& g) { return matches(p, g); }))
      r.spurious.push_back(p);
  return r;
}

plan_alignment alignment_of_gold(const alignment_gold& gold, const plan& a, const plan& b) {
  plan_alignment r;
  r.file_a = a.source.path;
  r.file_b = b.source.path;
  r.measures_a = a.measures().size();
  r.measures_b = b.measures().size();
  const auto ta = measure_texts(a);
  const auto tb = measure_texts(b);
  auto resolve = [&](const plan& p, const std::vector<std::string>& texts, const std::string& path,
                     const std::string& start, std::size_t k, const char* side) {
    // A measure matching both path and text start first, then text start alone, then path.
    std::optional<std::size_t> by_start, by_path;
    for (std::size_t i = 0; i < p.measures().size(); ++i) {
      const bool on_path = !path.empty() && p.measures()[i].id == path;
      const bool on_start = !start.empty() && is_measure(p, i, "", start, texts);
      if (on_path && on_start) return i;
      if (on_start && !by_start) by_start = i;
      if (on_path && !by_path) by_path = i;
    }
    if (by_start) return *by_start;
    if (by_path) return *by_path;
    throw schema_error(fmt::format("{}: /links/{}: no measure of {} ({}) has the path \"{}\" or starts with \"{}\"",
                                   gold.origin, k, side, p.source.path, path, start));
  };
  std::vector<char> linked_a(r.measures_a, 0), linked_b(r.measures_b, 0);
  for (std::size_t k = 0; k < gold.links.size(); ++k) {
    const gold_link& g = gold.links[k];
    measure_pair p;
    p.measure_a = resolve(a, ta, g.a, g.a_start, k, "A");
    p.measure_b = resolve(b, tb, g.b, g.b_start, k, "B");
    p.id_a = a.measures()[p.measure_a].id;
    p.id_b = b.measures()[p.measure_b].id;
    p.similarity = 1.0;
    p.grade = g.grade;
    linked_a[p.measure_a] = linked_b[p.measure_b] = 1;
    r.pairs.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < r.measures_a; ++i)
    if (linked_a[i] == 0) r.unmatched_a.push_back({i, a.measures()[i].id});
  for (std::size_t j = 0; j < r.measures_b; ++j)
    if (linked_b[j] == 0) r.unmatched_b.push_back({j, b.measures()[j].id});
  return r;
}

}  // namespace plancmp::inline v0::analysis
