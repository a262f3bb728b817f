// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/data.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/detail/year.hpp>
#include <plancmp/text/script.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../model/enum_names.hpp"
#include "../detail/json.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

namespace plancmp::inline v0::analysis {

namespace {

using json = nlohmann::json;
using plancmp::detail::aho_corasick;

constexpr std::string_view schema_name = "plancmp.pmc/1";

constexpr std::array<std::string_view, 9> rule_kind_names{"keywords",   "theme",   "horizon",
                                                           "issuer_level", "agencies", "lead_share",
                                                           "targets",    "deadlines", "always"};
static_assert(rule_kind_names.size() == static_cast<std::size_t>(pmc_rule_kind::always) + 1);

[[noreturn]] void fail(const std::string& origin, const std::string& pointer, const std::string& what) {
  plancmp::detail::schema_fail(origin, pointer, what);
}

std::string string_at(const json& j, const std::string& origin, const std::string& at, const char* key,
                      bool required = true) {
  return plancmp::detail::json_string(j, origin, at, key, required);
}

std::vector<std::string> strings_at(const json& j, const std::string& origin, const std::string& at, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) fail(origin, at, fmt::format("missing key \"{}\"", key));
  if (!it->is_array() || it->empty()) fail(origin, at + "/" + key, "must be a non-empty list of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!(*it)[i].is_string() || (*it)[i].get<std::string>().empty())
      fail(origin, fmt::format("{}/{}/{}", at, key, i), "must be a non-empty string");
    out.push_back((*it)[i].get<std::string>());
  }
  return out;
}

double number_at(const json& j, const std::string& origin, const std::string& at, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) fail(origin, at, fmt::format("missing key \"{}\"", key));
  if (!it->is_number()) fail(origin, at + "/" + key, "must be a number");
  return it->get<double>();
}

pmc_rule read_rule(const json& j, const std::string& origin, const std::string& at) {
  if (!j.is_object()) fail(origin, at, "must be an object {\"kind\", …}");
  pmc_rule r;
  const std::string kind = string_at(j, origin, at, "kind");
  try {
    r.kind = parse_pmc_rule_kind(kind);
  } catch (const usage_error& e) {
    fail(origin, at + "/kind", e.message());
  }
  if (r.kind == pmc_rule_kind::keywords) {
    for (auto& p : strings_at(j, origin, at, "phrases")) r.phrases.push_back(text::simplifier::shared().convert(p).text);
  } else if (r.kind == pmc_rule_kind::theme) {
    r.scheme = string_at(j, origin, at, "scheme");
    r.theme = string_at(j, origin, at, "theme");
    r.min = number_at(j, origin, at, "min");
    const coding_scheme* s = nullptr;
    try {
      s = &coding_scheme::builtin(r.scheme);
    } catch (const usage_error& e) {
      fail(origin, at + "/scheme", e.message());
    }
    if (!s->find(r.theme)) fail(origin, at + "/theme", fmt::format("scheme '{}' has no theme '{}'", r.scheme, r.theme));
  } else if (r.kind == pmc_rule_kind::horizon) {
    r.min_years = static_cast<int>(number_at(j, origin, at, "min_years"));
    r.max_years = static_cast<int>(number_at(j, origin, at, "max_years"));
    if (r.max_years < r.min_years) fail(origin, at + "/max_years", "must not be less than min_years");
  } else if (r.kind == pmc_rule_kind::issuer_level) {
    r.levels = strings_at(j, origin, at, "levels");
    for (std::size_t i = 0; i < r.levels.size(); ++i) {
      if (!parse_level(r.levels[i]))
        fail(origin, fmt::format("{}/levels/{}", at, i), "must be a level: national, province, city, district, county");
    }
  } else if (r.kind == pmc_rule_kind::agencies || r.kind == pmc_rule_kind::targets ||
             r.kind == pmc_rule_kind::deadlines || r.kind == pmc_rule_kind::lead_share) {
    r.min = number_at(j, origin, at, "min");
  }
  return r;
}

}  // namespace

std::string_view to_string(pmc_rule_kind k) noexcept { return plancmp::detail::enum_name(rule_kind_names, k); }

pmc_rule_kind parse_pmc_rule_kind(std::string_view name) {
  if (const auto k = plancmp::detail::enum_from_name<pmc_rule_kind>(rule_kind_names, name)) return *k;
  throw usage_error(
      fmt::format("unknown rule kind \"{}\" (known: {})", name, plancmp::detail::joined_names(rule_kind_names)));
}

struct pmc_model::compiled {
  std::map<std::string, tagger, std::less<>> taggers;  // by scheme id
  std::map<std::string, aho_corasick, std::less<>> keywords;  // by sub-variable id
  // Agency names and boilerplate: a keyword inside one is not evidence (监管 in 市场监管局).
  aho_corasick masks;
};

namespace {

aho_corasick evidence_masks() {
  std::vector<std::string> phrases;
  for (const agency_entry& a : agency_ontology::builtin().entries()) {
    for (const auto* list : {&a.aliases, &a.short_forms}) {
      for (const std::string& n : *list) {
        if (text::detail::count_code_points(n) >= 3) phrases.push_back(n);
      }
    }
  }
  const auto& boilerplate = plancmp::detail::builtin_json("boilerplate.json");
  for (const auto& x : boilerplate.at("phrases")) phrases.push_back(x.get<std::string>());
  std::vector<aho_corasick::pattern> patterns;
  for (std::size_t i = 0; i < phrases.size(); ++i)
    patterns.push_back({phrases[i], static_cast<aho_corasick::pattern_id>(i)});
  return aho_corasick(std::span<const aho_corasick::pattern>(patterns));
}

}  // namespace

pmc_model::pmc_model() : compiled_(std::make_unique<compiled>()) {}
pmc_model::~pmc_model() = default;
pmc_model::pmc_model(pmc_model&&) noexcept = default;
pmc_model& pmc_model::operator=(pmc_model&&) noexcept = default;

pmc_model pmc_model::from_json(std::string_view text, const std::string& origin) {
  const json j = plancmp::detail::parse_json(text, origin);
  if (!j.is_object()) fail(origin, "", "a PMC model is a JSON object");
  if (const std::string s = string_at(j, origin, "", "schema"); s != schema_name)
    fail(origin, "/schema", fmt::format("unsupported schema \"{}\" (supported: \"{}\")", s, schema_name));
  pmc_model m;
  m.version = string_at(j, origin, "", "version", false);
  m.id = string_at(j, origin, "", "id", false);
  m.name = string_at(j, origin, "", "name", false);
  m.reference = string_at(j, origin, "", "reference", false);
  if (const auto d = j.find("domain"); d != j.end()) {
    if (!d->is_object()) fail(origin, "/domain", "must be an object {\"scheme\", \"theme\", \"min_share\", \"max_grade\"}");
    m.domain.scheme = string_at(*d, origin, "/domain", "scheme");
    m.domain.theme = string_at(*d, origin, "/domain", "theme");
    m.domain.min_share = number_at(*d, origin, "/domain", "min_share");
    m.domain.max_grade = string_at(*d, origin, "/domain", "max_grade");
  }
  const auto vars = j.find("variables");
  if (vars == j.end() || !vars->is_array() || vars->empty()) fail(origin, "/variables", "must be a non-empty list");
  std::set<std::string> ids;
  for (std::size_t v = 0; v < vars->size(); ++v) {
    const json& x = (*vars)[v];
    const std::string at = fmt::format("/variables/{}", v);
    if (!x.is_object()) fail(origin, at, "must be an object {\"id\", \"zh\", \"en\", \"sub\"}");
    pmc_variable var{string_at(x, origin, at, "id"), string_at(x, origin, at, "zh"), string_at(x, origin, at, "en"), {}};
    if (!ids.insert(var.id).second) fail(origin, at + "/id", fmt::format("variable id \"{}\" is used twice", var.id));
    const auto sub = x.find("sub");
    if (sub == x.end() || !sub->is_array() || sub->empty()) fail(origin, at + "/sub", "must be a non-empty list");
    for (std::size_t s = 0; s < sub->size(); ++s) {
      const json& y = (*sub)[s];
      const std::string here = fmt::format("{}/sub/{}", at, s);
      if (!y.is_object()) fail(origin, here, "must be an object {\"id\", \"zh\", \"en\", \"rule\"}");
      pmc_subvariable sv{string_at(y, origin, here, "id"), string_at(y, origin, here, "zh"),
                         string_at(y, origin, here, "en"), string_at(y, origin, here, "description", false), {}};
      if (!ids.insert(sv.id).second) fail(origin, here + "/id", fmt::format("variable id \"{}\" is used twice", sv.id));
      const auto rule = y.find("rule");
      if (rule == y.end()) fail(origin, here, "missing key \"rule\"");
      sv.rule = read_rule(*rule, origin, here + "/rule");
      var.sub.push_back(std::move(sv));
    }
    m.variables.push_back(std::move(var));
  }
  if (const auto g = j.find("grades"); g != j.end()) {
    if (!g->is_array()) fail(origin, "/grades", "must be a list of {\"min\", \"zh\", \"en\"}");
    for (std::size_t i = 0; i < g->size(); ++i) {
      const std::string at = fmt::format("/grades/{}", i);
      if (!(*g)[i].is_object()) fail(origin, at, "must be an object {\"min\", \"zh\", \"en\"}");
      m.grades.push_back({number_at((*g)[i], origin, at, "min"), string_at((*g)[i], origin, at, "zh"),
                          string_at((*g)[i], origin, at, "en")});
    }
    std::sort(m.grades.begin(), m.grades.end(), [](const auto& a, const auto& b) { return a.min > b.min; });
  }
  if (const auto s = j.find("surface"); s != j.end()) {
    m.surface = strings_at(j, origin, "", "surface");
    const auto side = static_cast<std::size_t>(std::lround(std::sqrt(static_cast<double>(m.surface.size()))));
    if (side * side != m.surface.size()) fail(origin, "/surface", "must list a square number of variables (9: 3×3)");
    for (std::size_t i = 0; i < m.surface.size(); ++i) {
      const bool known = std::any_of(m.variables.begin(), m.variables.end(),
                                     [&](const pmc_variable& v) { return v.id == m.surface[i]; });
      if (!known) fail(origin, fmt::format("/surface/{}", i), fmt::format("no variable \"{}\"", m.surface[i]));
    }
  }
  if (!m.domain.scheme.empty()) {
    const auto& scheme = coding_scheme::builtin(m.domain.scheme);
    if (!scheme.find(m.domain.theme))
      fail(origin, "/domain/theme", fmt::format("scheme '{}' has no theme '{}'", m.domain.scheme, m.domain.theme));
    if (std::none_of(m.grades.begin(), m.grades.end(), [&](const pmc_grade& g) { return g.zh == m.domain.max_grade; }))
      fail(origin, "/domain/max_grade", fmt::format("no grade \"{}\"", m.domain.max_grade));
    if (!m.compiled_->taggers.contains(m.domain.scheme))
      m.compiled_->taggers.emplace(m.domain.scheme, tagger(scheme));
  }
  m.compiled_->masks = evidence_masks();
  for (const auto& var : m.variables) {
    for (const auto& sv : var.sub) {
      if (sv.rule.kind == pmc_rule_kind::theme && !m.compiled_->taggers.contains(sv.rule.scheme))
        m.compiled_->taggers.emplace(sv.rule.scheme, tagger(coding_scheme::builtin(sv.rule.scheme)));
      if (sv.rule.kind == pmc_rule_kind::keywords) {
        std::vector<aho_corasick::pattern> patterns;
        for (std::size_t i = 0; i < sv.rule.phrases.size(); ++i)
          patterns.push_back({sv.rule.phrases[i], static_cast<aho_corasick::pattern_id>(i)});
        m.compiled_->keywords.emplace(sv.id, aho_corasick(std::span<const aho_corasick::pattern>(patterns)));
      }
    }
  }
  return m;
}

const pmc_model& pmc_model::builtin() {
  static const pmc_model model = from_json(builtin_data("pmc.json"), "pmc.json (built-in)");
  return model;
}

std::vector<std::string> pmc_model::builtin_ids() { return {"ip_pmc_10", "ip_pmc_9"}; }

const pmc_model& pmc_model::builtin(std::string_view id) {
  if (id == "ip_pmc_10" || id.empty()) return builtin();
  if (id == "ip_pmc_9") {
    static const pmc_model model = from_json(builtin_data("pmc_9.json"), "pmc_9.json (built-in)");
    return model;
  }
  throw usage_error(fmt::format("no built-in PMC design named '{}'; known: ip_pmc_10, ip_pmc_9 (or give a file)", id));
}

namespace {

/// The taggings PMC reads, from a coding sheet: ip_related and ip_value_chain as coded;
/// policy_tools the tagger's sub-tools inside the tool types the sheet codes.
std::map<std::string, plan_tagging, std::less<>> sheet_taggings(const plan& p, const text::document& doc,
                                                                const pmc_model& model, const coding_sheet& codes,
                                                                pmc_result& r) {
  std::map<std::string, plan_tagging, std::less<>> out;
  std::size_t not_coded = 0;
  for (const auto& entry : model.rules().taggers) {
    const std::string& id = entry.first;
    const tagger& tg = entry.second;
    if (id == "ip_related" || id == "ip_value_chain") {
      auto t = tagging_from_sheet(codes, p, tg.scheme());
      if (id == "ip_value_chain") {
        for (const auto& d : t.diagnostics) not_coded += d.code == "coding.not_coded" ? 1 : 0;
      }
      out.emplace(id, std::move(t));
    } else if (id == "policy_tools") {
      const auto& scheme = tg.scheme();
      const auto human = tagging_from_sheet(codes, p, scheme);
      auto t = tg.tag(p, doc);
      for (std::size_t i = 0; i < t.measures.size() && i < human.measures.size(); ++i) {
        auto& labels = t.measures[i].labels;
        const auto& types = human.measures[i];
        std::erase_if(labels, [&](const theme_label& l) {
          std::size_t top = l.theme;
          while (scheme.themes[top].parent) top = *scheme.themes[top].parent;
          return types.find(top) == nullptr;
        });
      }
      out.emplace(id, std::move(t));
    }
  }
  r.codes = fmt::format("{}: {}", codes.automatic ? "codes" : "human codes", codes.coder);
  if (not_coded > 0) {
    r.codes_note = fmt::format("{} of {} measures are not in the sheet of {} and have no codes", not_coded,
                               p.measures().size(), codes.coder);
  }
  return out;
}

pmc_result compute_pmc_with(const plan& p, const text::document& doc, const pmc_model& model,
                            std::map<std::string, plan_tagging, std::less<>> taggings, pmc_result r);

}  // namespace

pmc_result compute_pmc(const plan& p, const text::document& doc, const pmc_model& model) {
  return compute_pmc_with(p, doc, model, {}, {});
}

pmc_result compute_pmc(const plan& p, const text::document& doc, const pmc_model& model, const coding_sheet& codes) {
  pmc_result r;
  auto taggings = sheet_taggings(p, doc, model, codes, r);
  return compute_pmc_with(p, doc, model, std::move(taggings), std::move(r));
}

namespace {

pmc_result compute_pmc_with(const plan& p, const text::document& doc, const pmc_model& model,
                            std::map<std::string, plan_tagging, std::less<>> taggings, pmc_result r) {
  r.plan = plan_label(p);
  r.source = p.source.path;
  const auto& rules = model.rules();
  const auto tagging_for = [&](const std::string& scheme) -> const plan_tagging& {
    auto it = taggings.find(scheme);
    if (it == taggings.end()) it = taggings.emplace(scheme, rules.taggers.at(scheme).tag(p, doc)).first;
    return it->second;
  };
  // The plan's own text: from its title (or body) to the end of the body.
  std::size_t text_begin = 0;
  std::size_t text_end = doc.simplified.size();
  if (!p.body.empty()) {
    const std::uint64_t first = p.title_span.empty() ? p.body.begin : std::min(p.title_span.begin, p.body.begin);
    text_begin = simplified_offset_of(doc, first);
    text_end = std::max(text_begin, simplified_offset_of(doc, p.body.end));
  }
  const std::string_view body = std::string_view(doc.simplified).substr(text_begin, text_end - text_begin);
  const int issue_year = p.issued ? p.issued->year : 0;
  std::vector<std::pair<std::size_t, std::size_t>> masked;
  rules.masks.for_each_match(body, [&](const aho_corasick::match& m) {
    masked.emplace_back(m.begin, m.end);
    return true;
  });
  const auto is_masked = [&](const aho_corasick::match& m) {
    return std::any_of(masked.begin(), masked.end(),
                       [&](const auto& x) { return x.first <= m.begin && m.end <= x.second; });
  };

  for (const pmc_variable& var : model.variables) {
    std::vector<pmc_value> values;
    double sum = 0;
    for (const pmc_subvariable& sv : var.sub) {
      pmc_value v{sv.id, 0, {}, {}};
      const pmc_rule& rule = sv.rule;
      const auto yes = [&](std::string why, span where) {
        v.value = 1;
        v.evidence = std::move(why);
        v.where = where;
      };
      if (rule.kind == pmc_rule_kind::keywords) {
        bool found = false;
        rules.keywords.at(sv.id).for_each_match(body, [&](const aho_corasick::match& m) {
          if (is_masked(m)) return true;  // an agency name or boilerplate is not evidence
          const std::size_t b = text_begin + m.begin;
          const std::size_t e = text_begin + m.end;
          const span where = doc.source_of_simplified(b, e);
          yes(fmt::format("「{}」 line {}", doc.printed_of_simplified(b, e), doc.line_number_at(where.begin)), where);
          found = true;
          return false;
        });
        if (!found) v.evidence = "none of its phrases occurs in the plan";
      } else if (rule.kind == pmc_rule_kind::theme) {
        const auto& tg = tagging_for(rule.scheme);
        const std::size_t theme = *rules.taggers.at(rule.scheme).scheme().find(rule.theme);
        std::size_t n = 0;
        const tagged_unit* first = nullptr;
        const tagged_unit* first_coded = nullptr;  // a human code carries no phrase: the unit is the evidence
        for (const auto& u : tg.measures) {
          if (const theme_label* l = u.find(theme); l != nullptr) {
            ++n;
            if (first == nullptr && !l->evidence.empty()) first = &u;
            if (first_coded == nullptr) first_coded = &u;
          }
        }
        if (static_cast<double>(n) >= rule.min && first != nullptr) {
          const auto& ev = first->find(theme)->evidence.front();
          yes(fmt::format("{} measures, first {}「{}」", n, first->id, ev.printed), ev.where);
        } else if (static_cast<double>(n) >= rule.min && first_coded != nullptr && !r.codes.empty()) {
          yes(fmt::format("{} measures, first {} ({})", n, first_coded->id, r.codes), first_coded->where);
        } else {
          v.evidence = fmt::format("{} measures carry {}.{}", n, rule.scheme, rule.theme);
        }
      } else if (rule.kind == pmc_rule_kind::horizon) {
        if (issue_year == 0) {
          v.evidence = "the plan's issue year is unknown";
        } else {
          const auto fits = [&](int year) {
            const int d = year - issue_year;
            return d >= rule.min_years && d <= rule.max_years;
          };
          for (const target& t : p.targets()) {
            if (t.year && fits(*t.year)) {
              yes(fmt::format("target {} by {}", t.indicator, *t.year), t.where);
              break;
            }
          }
          if (!v.value) {
            for (const measure& m : p.measures()) {
              if (m.due && m.due->due && fits(m.due->due->year)) {
                yes(fmt::format("measure {} due {}", m.id, m.due->text), m.due->where);
                break;
              }
            }
          }
          if (!v.value) {
            // Years the goals name (到2025年, 2035年远景目标), as written in the goal text.
            for (const goal& g : p.goals()) {
              const std::size_t gb = simplified_offset_of(doc, g.where.begin);
              const std::size_t ge = std::max(gb, simplified_offset_of(doc, g.where.end));
              const std::string_view t = std::string_view(doc.simplified).substr(gb, ge - gb);
              for (std::size_t at = t.find("年"); at != std::string_view::npos && !v.value; at = t.find("年", at + 1)) {
                const auto printed = text::detail::year_before(t, at);
                if (!printed) continue;
                const int year = *printed;
                if (year >= 1990 && year <= 2100 && fits(year))
                  yes(fmt::format("goal {} names {}年", g.id, year), doc.source_of_simplified(gb + at - 4, gb + at + 3));
              }
              if (v.value) break;
            }
          }
          if (!v.value) v.evidence = "no target year, deadline or goal year in this range";
        }
      } else if (rule.kind == pmc_rule_kind::issuer_level) {
        const auto lv = p.issuing_jurisdiction.admin_level;
        if (std::find(rule.levels.begin(), rule.levels.end(), to_string(lv)) != rule.levels.end())
          yes(fmt::format("issued by {} ({})", p.issuing_jurisdiction.name, to_string(lv)), p.title_span);
        else
          v.evidence = fmt::format("issuer level is {}", to_string(lv));
      } else if (rule.kind == pmc_rule_kind::agencies || rule.kind == pmc_rule_kind::lead_share) {
        std::set<std::string> canonical;
        std::optional<span> first;
        std::size_t led = 0;
        for (const measure& m : p.measures()) {
          if (!m.lead.empty() && !m.joint) ++led;  // a lead of its own, not joint responsibility
          for (const auto* list : {&m.lead, &m.support}) {
            for (const auto& a : *list) {
              if (!first) first = a.where;
              const auto idx = p.agency_index(a.name);
              if (idx && p.agencies()[*idx].resolution && !p.agencies()[*idx].collective)
                canonical.insert(p.agencies()[*idx].resolution->canonical);
            }
          }
        }
        if (rule.kind == pmc_rule_kind::agencies) {
          if (static_cast<double>(canonical.size()) >= rule.min && first)
            yes(fmt::format("{} canonical agencies", canonical.size()), *first);
          else
            v.evidence = fmt::format("{} canonical agencies", canonical.size());
        } else {
          const double s = p.measures().empty() ? 0.0 : static_cast<double>(led) / static_cast<double>(p.measures().size());
          if (s >= rule.min && first)
            yes(fmt::format("{} of {} measures name a lead", led, p.measures().size()), *first);
          else
            v.evidence = fmt::format("{} of {} measures name a lead", led, p.measures().size());
        }
      } else if (rule.kind == pmc_rule_kind::targets) {
        if (static_cast<double>(p.targets().size()) >= rule.min && !p.targets().empty())
          yes(fmt::format("{} targets, first {}", p.targets().size(), p.targets().front().indicator), p.targets().front().where);
        else
          v.evidence = fmt::format("{} targets", p.targets().size());
      } else if (rule.kind == pmc_rule_kind::deadlines) {
        std::size_t n = 0;
        const measure* first = nullptr;
        for (const measure& m : p.measures()) {
          if (m.due) {
            ++n;
            if (first == nullptr) first = &m;
          }
        }
        if (static_cast<double>(n) >= rule.min && first != nullptr)
          yes(fmt::format("{} measures with deadlines, first {}: {}", n, first->id, first->due->text), first->due->where);
        else
          v.evidence = fmt::format("{} measures with deadlines", n);
      } else if (rule.kind == pmc_rule_kind::always) {
        yes(fmt::format("published: {}", p.title), p.title_span);
      }
      sum += v.value;
      values.push_back(std::move(v));
    }
    r.scores.push_back(values.empty() ? 0.0 : sum / static_cast<double>(values.size()));
    r.values.push_back(std::move(values));
  }
  for (const double s : r.scores) r.pmc += s;
  r.design = model.id;
  std::size_t cap = 0;  // index of the highest band the plan may reach
  if (!model.domain.scheme.empty()) {
    const auto& tg = tagging_for(model.domain.scheme);
    const std::size_t theme = *rules.taggers.at(model.domain.scheme).scheme().find(model.domain.theme);
    std::size_t in = 0;
    for (const auto& u : tg.measures) in += u.find(theme) != nullptr ? 1 : 0;
    r.domain_share = tg.measures.empty() ? 0.0 : static_cast<double>(in) / static_cast<double>(tg.measures.size());
    if (r.domain_share < model.domain.min_share) {
      for (std::size_t g = 0; g < model.grades.size(); ++g) {
        if (model.grades[g].zh == model.domain.max_grade) cap = g;
      }
      r.domain_note = fmt::format("{} of {} measures ({:.0f}%) are labelled {}.{} (the design needs {:.0f}%): "
                                  "the grade is at most {}",
                                  in, tg.measures.size(), 100 * r.domain_share, model.domain.scheme,
                                  model.domain.theme, 100 * model.domain.min_share, model.domain.max_grade);
    }
  }
  for (std::size_t g = cap; g < model.grades.size(); ++g) {
    if (r.pmc + 1e-9 >= model.grades[g].min) {
      r.grade_zh = model.grades[g].zh;
      r.grade_en = model.grades[g].en;
      break;
    }
  }
  if (!model.surface.empty()) {
    const auto side = static_cast<std::size_t>(std::lround(std::sqrt(static_cast<double>(model.surface.size()))));
    r.surface.assign(side, std::vector<double>(side, 0.0));
    for (std::size_t i = 0; i < model.surface.size(); ++i) {
      for (std::size_t v = 0; v < model.variables.size(); ++v) {
        if (model.variables[v].id == model.surface[i]) r.surface[i / side][i % side] = r.scores[v];
      }
    }
  }
  return r;
}

}  // namespace

}  // namespace plancmp::inline v0::analysis
