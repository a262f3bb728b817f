// SPDX-License-Identifier: MIT
#include <plancmp/analysis/gaps.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/target_comparison.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/error.hpp>

#include <fmt/format.h>

#include "../model/enum_names.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include "detail/plan_facts.hpp"

namespace plancmp::inline v0::analysis {
namespace {

gap_evidence evidence_at(const text::document& doc, const plan& p, std::string unit, span where) {
  gap_evidence e;
  e.source = p.source.path;
  e.unit = std::move(unit);
  if (where.end <= doc.original.size() && where.begin <= where.end) {
    e.where = where;
    e.text = doc.original.substr(where.begin, where.size());
  }
  return e;
}

gap_evidence measure_evidence(const text::document& doc, const plan& p, std::size_t m) {
  if (m >= p.measures().size()) return gap_evidence{p.source.path, "", {}, ""};
  return evidence_at(doc, p, p.measures()[m].id, p.measures()[m].where);
}

// Index of the subject measure most similar to reference measure `row` (npos if none).
std::size_t closest(const std::vector<double>& s, std::size_t columns, std::size_t row, double* score) {
  std::size_t best = static_cast<std::size_t>(-1);
  double best_score = -1.0;
  for (std::size_t j = 0; j < columns; ++j)
    if (s[row * columns + j] > best_score) best_score = s[row * columns + j], best = j;
  if (score != nullptr) *score = std::max(best_score, 0.0);
  return best;
}

std::optional<std::size_t> measure_index(const plan& p, std::string_view id) {
  for (std::size_t i = 0; i < p.measures().size(); ++i)
    if (p.measures()[i].id == id) return i;
  return std::nullopt;
}

// The subject side of a gap whose reference evidence lies in `owner` (measure id or
// goal id): the subject measure closest to that reference measure, else the subject's
// first goal, else its first measure.
gap_evidence subject_side(const text::document& sdoc, const plan& subject, const plan& ref,
                          const std::vector<double>& s, std::string_view owner) {
  if (auto m = measure_index(ref, owner); m && !subject.measures().empty())
    return measure_evidence(sdoc, subject, closest(s, subject.measures().size(), *m, nullptr));
  if (!subject.goals().empty()) return evidence_at(sdoc, subject, subject.goals()[0].id, subject.goals()[0].where);
  return measure_evidence(sdoc, subject, 0);
}

bool is_function(const agency& a) { return !a.collective && a.resolution && !a.resolution->canonical.empty(); }

std::set<std::string> functions_of(const plan& p) {
  std::set<std::string> out;
  for (const auto& a : p.agencies())
    if (is_function(a)) out.insert(a.resolution->canonical);
  return out;
}

// First mention of a printed agency name in a measure's clause: (measure, span).
std::optional<std::pair<std::size_t, span>> first_mention(const plan& p, const std::string& name) {
  for (std::size_t i = 0; i < p.measures().size(); ++i) {
    for (const auto* list : {&p.measures()[i].lead, &p.measures()[i].support})
      for (const auto& m : *list)
        if (m.name == name) return std::pair{i, m.where};
  }
  return std::nullopt;
}

std::string function_name(const std::string& canonical) {
  const auto* e = agency_ontology::builtin().find(canonical);
  return e != nullptr ? e->name_zh : canonical;
}

// Themes (by scheme-qualified name) a plan's measures carry, with the first evidence.
struct theme_hit {
  std::size_t measure = 0;
  span where;
};
std::map<std::string, theme_hit> themes_of(const plan_tagging& t, const coding_scheme& scheme) {
  std::map<std::string, theme_hit> out;
  for (std::size_t i = 0; i < t.measures.size(); ++i)
    for (const auto& l : t.measures[i].labels) {
      const std::string key = scheme.id + ":" + scheme.themes[l.theme].zh;
      if (!out.contains(key)) out[key] = {i, l.evidence.empty() ? span{} : l.evidence.front().where};
    }
  return out;
}

// The first target of each canonical indicator, in plan order (unknown indicators left out).
std::vector<const target*> first_per_indicator(const plan& p) {
  std::vector<const target*> out;
  std::set<std::string> seen;
  for (const auto& t : p.targets())
    if (!t.indicator_key.empty() && seen.insert(t.indicator_key).second) out.push_back(&t);
  return out;
}

std::string describe(const target& t) {
  std::string s = fmt::format("{}{}", t.value, t.unit);
  if (t.year) s += fmt::format(" ({})", *t.year);
  if (t.baseline) s += fmt::format(", baseline {}", *t.baseline);
  if (const auto a = implied_annual_ambition(t)) s += ", " + to_string(*a);
  return s;
}

using analysis::detail::names_agencies;

// The first target of each comparable class (indicator, quantity, scope, unit), in plan order.
std::vector<const target*> first_per_class(const plan& p) {
  std::vector<const target*> out;
  for (const auto& t : p.targets()) {
    if (t.indicator_key.empty()) continue;
    if (std::none_of(out.begin(), out.end(), [&](const target* o) { return incomparable_reason(*o, t).empty(); }))
      out.push_back(&t);
  }
  return out;
}

// The target of `other` that `t` is set against: the first of the same indicator in
// comparable terms (`comparable`); failing that, the first of the same indicator in other
// terms (`other_terms`, reported as not compared); neither when `other` has none.
struct counterpart {
  const target* comparable = nullptr;
  const target* other_terms = nullptr;
};
counterpart counterpart_in(const target& t, const plan& other) {
  counterpart c;
  for (const auto& candidate : other.targets()) {
    if (candidate.indicator_key != t.indicator_key) continue;
    if (incomparable_reason(t, candidate).empty()) {
      c.comparable = &candidate;
      return c;
    }
    if (c.other_terms == nullptr) c.other_terms = &candidate;
  }
  return c;
}

// Why `mine` is weaker than `theirs` on one indicator ("" when it is not). Values and
// years are compared only between targets of the same kind and unit; a lower value counts
// only when it is not due earlier (a lower 2022 milestone is no weaker than a 2025 one).
std::string weaker(const target& mine, const target& theirs) {
  std::vector<std::string> why;
  const bool comparable = incomparable_reason(mine, theirs).empty() && mine.kind == theirs.kind;
  const bool reduce = mine.kind == comparator::reduce_by;
  if (comparable && (!mine.year || !theirs.year || *mine.year >= *theirs.year) &&
      (reduce ? mine.normalized_value > theirs.normalized_value : mine.normalized_value < theirs.normalized_value))
    why.emplace_back("lower value");
  if (comparable && mine.year && theirs.year && *mine.year > *theirs.year) why.emplace_back("later year");
  if (theirs.baseline && !mine.baseline) why.emplace_back("no baseline");
  std::string out;
  for (const auto& w : why) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::vector<plan_tagging> tag(const text::document& doc, const plan& p, const std::vector<tagger>& taggers) {
  std::vector<plan_tagging> out;
  for (const auto& t : taggers) out.push_back(t.tag(p, doc));
  return out;
}

std::vector<tagger> taggers_for(const gap_options& o) {
  std::vector<tagger> out;
  for (const auto& id : o.schemes) out.emplace_back(coding_scheme::load(id));
  return out;
}

constexpr std::array<std::string_view, 15> gap_kind_names{
    "measure",         "theme",         "indicator",           "weaker_target",       "agency_function",
    "targets_missing", "agencies_missing", "consensus_theme",  "consensus_indicator", "no_agency",
    "no_lead",         "no_deadline",   "goal_without_target", "outsized_lead",       "empty_restatement"};
constexpr std::array<std::string_view, 19> change_kind_names{
    "carried",          "dropped",        "new",
    "target_strengthened", "target_weakened", "target_new", "target_dropped", "target_same", "target_incomparable",
    "targets_missing",  "agency_renamed", "agency_dropped", "agency_new",    "agencies_missing",
    "target_as_superior", "target_above_superior", "target_below_superior", "target_share_of_superior",
    "target_not_carried"};
static_assert(gap_kind_names.size() == static_cast<std::size_t>(gap_kind::empty_restatement) + 1);
static_assert(change_kind_names.size() == static_cast<std::size_t>(change_kind::target_not_carried) + 1);

}  // namespace

std::string_view to_string(gap_kind k) noexcept { return plancmp::detail::enum_name(gap_kind_names, k); }
gap_kind parse_gap_kind(std::string_view name) {
  if (const auto k = plancmp::detail::enum_from_name<gap_kind>(gap_kind_names, name)) return *k;
  throw usage_error(fmt::format("unknown gap kind \"{}\" (known: {})", name, plancmp::detail::joined_names(gap_kind_names)));
}
std::string_view to_string(change_kind k) noexcept { return plancmp::detail::enum_name(change_kind_names, k); }
change_kind parse_change_kind(std::string_view name) {
  if (const auto k = plancmp::detail::enum_from_name<change_kind>(change_kind_names, name)) return *k;
  throw usage_error(
      fmt::format("unknown change kind \"{}\" (known: {})", name, plancmp::detail::joined_names(change_kind_names)));
}

std::size_t gap_report::count(gap_kind kind) const {
  return static_cast<std::size_t>(std::count_if(gaps.begin(), gaps.end(), [&](const gap& g) { return g.kind == kind; }));
}
std::size_t plan_diff::count(change_kind kind) const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [&](const plan_change& c) { return c.kind == kind; }));
}

gap_report gaps_against(const source_plan& subject_source, std::span<const source_plan> refs,
                        const gap_options& options) {
  const text::document& sdoc = subject_source.document();
  const plan& subject = subject_source.plan();
  gap_report r;
  r.subject = plan_label(subject);
  r.subject_source = subject.source.path;
  const auto taggers = taggers_for(options);
  const auto subject_tags = tag(sdoc, subject, taggers);
  std::set<std::string> subject_themes;
  for (std::size_t k = 0; k < taggers.size(); ++k)
    for (const auto& [key, hit] : themes_of(subject_tags[k], taggers[k].scheme())) subject_themes.insert(key);
  const auto subject_functions = functions_of(subject);
  const std::size_t columns = subject.measures().size();
  for (std::size_t n = 0; n < refs.size(); ++n) {
    const plan& ref = refs[n].plan();
    const text::document& rdoc = refs[n].document();
    const std::string label = plan_label(ref);
    r.references.push_back(label);
    const auto s = substance_similarity(ref, subject).score;
    // Reference measures without a counterpart.
    for (std::size_t i = 0; i < ref.measures().size(); ++i) {
      double score = 0.0;
      const std::size_t j = columns == 0 ? columns : closest(s, columns, i, &score);
      if (columns != 0 && score >= options.threshold) continue;
      r.gaps.push_back({gap_kind::measure, label, ref.measures()[i].id,
                        fmt::format("no counterpart at or above {:.2f}", options.threshold), score,
                        measure_evidence(rdoc, ref, i), measure_evidence(sdoc, subject, j)});
    }
    // Themes per scheme.
    const auto ref_tags = tag(rdoc, ref, taggers);
    for (std::size_t k = 0; k < taggers.size(); ++k)
      for (const auto& [key, hit] : themes_of(ref_tags[k], taggers[k].scheme())) {
        if (subject_themes.contains(key)) continue;
        const auto& m = ref.measures()[hit.measure];
        r.gaps.push_back({gap_kind::theme, label, key, "covered by the reference, not by the subject", 0.0,
                          evidence_at(rdoc, ref, m.id, hit.where),
                          subject_side(sdoc, subject, ref, s, m.id)});
      }
    // Indicators and weaker targets; a subject stating no target at all is missing data.
    if (subject.targets().empty() && !ref.targets().empty()) {
      const target& first = ref.targets().front();
      r.gaps.push_back({gap_kind::targets_missing, label, "",
                        "n/a: the subject states no quantitative target; indicators not compared", 0.0,
                        evidence_at(rdoc, ref, first.owner, first.where), gap_evidence{subject.source.path, "", {}, ""}});
    }
    for (const target* tp : subject.targets().empty() ? std::vector<const target*>{} : first_per_indicator(ref)) {
      const target& t = *tp;
      // The subject's comparable target on this indicator, else any it has.
      const target* mine = nullptr;
      for (const auto& candidate : subject.targets()) {
        if (candidate.indicator_key != t.indicator_key) continue;
        if (incomparable_reason(candidate, t).empty()) {
          mine = &candidate;
          break;
        }
        if (mine == nullptr) mine = &candidate;
      }
      gap_evidence theirs = evidence_at(rdoc, ref, t.owner, t.where);
      if (mine == nullptr) {
        r.gaps.push_back({gap_kind::indicator, label, t.indicator_key,
                          fmt::format("quantified by the reference ({}), not by the subject", describe(t)), 0.0,
                          std::move(theirs), subject_side(sdoc, subject, ref, s, t.owner)});
      } else if (!incomparable_reason(*mine, t).empty()) {
        continue;  // stated in other terms: not comparable, so not weaker either
      } else if (auto why = weaker(*mine, t); !why.empty()) {
        r.gaps.push_back({gap_kind::weaker_target, label, t.indicator_key,
                          fmt::format("{}: {} vs {}", why, describe(*mine), describe(t)), 0.0, std::move(theirs),
                          evidence_at(sdoc, subject, mine->owner, mine->where)});
      }
    }
    // Agency functions; a subject naming no agency is missing data, not a gap in each.
    const bool subject_names = names_agencies(subject);
    if (!subject_names && names_agencies(ref)) {
      const auto m = std::find_if(ref.measures().begin(), ref.measures().end(),
                                  [](const measure& x) { return !x.lead.empty() || !x.support.empty(); });
      r.gaps.push_back({gap_kind::agencies_missing, label, "",
                        "n/a: the subject names no responsible agency; agency functions not compared", 0.0,
                        measure_evidence(rdoc, ref, static_cast<std::size_t>(m - ref.measures().begin())),
                        gap_evidence{subject.source.path, "", {}, ""}});
    }
    std::set<std::string> reported;
    for (const auto& a : ref.agencies()) {
      if (!subject_names || !is_function(a) || subject_functions.contains(a.resolution->canonical) ||
          !reported.insert(a.resolution->canonical).second)
        continue;
      const auto mention = first_mention(ref, a.name);
      gap_evidence theirs = mention ? evidence_at(rdoc, ref, ref.measures()[mention->first].id, mention->second)
                                    : gap_evidence{ref.source.path, "", {}, ""};
      gap_evidence ours = mention ? subject_side(sdoc, subject, ref, s, ref.measures()[mention->first].id)
                                  : gap_evidence{subject.source.path, "", {}, ""};
      r.gaps.push_back({gap_kind::agency_function, label, a.resolution->canonical,
                        fmt::format("{} ({}) involved in the reference only", function_name(a.resolution->canonical),
                                    a.name),
                        0.0, std::move(theirs), std::move(ours)});
    }
  }
  return r;
}

gap_report consensus_gaps(const source_plan& subject_source, std::span<const source_plan> peers,
                          const gap_options& options) {
  const text::document& sdoc = subject_source.document();
  const plan& subject = subject_source.plan();
  gap_report r;
  r.subject = plan_label(subject);
  r.subject_source = subject.source.path;
  const std::size_t k = options.min_peers != 0 ? options.min_peers : peers.size() / 2 + 1;
  const auto taggers = taggers_for(options);
  std::set<std::string> subject_themes;
  const auto subject_tags = tag(sdoc, subject, taggers);
  for (std::size_t t = 0; t < taggers.size(); ++t)
    for (const auto& [key, hit] : themes_of(subject_tags[t], taggers[t].scheme())) subject_themes.insert(key);
  std::set<std::string> subject_indicators;
  for (const auto& t : subject.targets())
    if (!t.indicator_key.empty()) subject_indicators.insert(t.indicator_key);
  struct tally {
    std::size_t peers = 0;
    gap_evidence first;
    std::string owner;
    std::size_t peer = 0;
  };
  std::map<std::string, tally> themes, indicators;
  for (std::size_t n = 0; n < peers.size(); ++n) {
    r.references.push_back(plan_label(peers[n].plan()));
    const auto tags = tag(peers[n].document(), peers[n].plan(), taggers);
    for (std::size_t t = 0; t < taggers.size(); ++t)
      for (const auto& [key, hit] : themes_of(tags[t], taggers[t].scheme())) {
        auto& e = themes[key];
        const auto& m = peers[n].plan().measures()[hit.measure];
        if (e.peers++ == 0) e = {1, evidence_at(peers[n].document(), peers[n].plan(), m.id, hit.where), m.id, n};
      }
    for (const target* tp : first_per_indicator(peers[n].plan())) {
      const target& t = *tp;
      auto& e = indicators[t.indicator_key];
      if (e.peers++ == 0) e = {1, evidence_at(peers[n].document(), peers[n].plan(), t.owner, t.where), t.owner, n};
    }
  }
  auto emit = [&](const std::map<std::string, tally>& m, const std::set<std::string>& have, gap_kind kind) {
    for (const auto& [key, e] : m) {
      if (e.peers < k || have.contains(key)) continue;
      const auto s = substance_similarity(peers[e.peer].plan(), subject).score;
      r.gaps.push_back({kind, r.references[e.peer], key,
                        fmt::format("{} of {} peers, not the subject", e.peers, peers.size()),
                        static_cast<double>(e.peers), e.first,
                        subject_side(sdoc, subject, peers[e.peer].plan(), s, e.owner)});
    }
  };
  emit(themes, subject_themes, gap_kind::consensus_theme);
  emit(indicators, subject_indicators, gap_kind::consensus_indicator);
  return r;
}

gap_report accountability_gaps(const source_plan& subject, const gap_options& options) {
  const text::document& doc = subject.document();
  const plan& p = subject.plan();
  gap_report r;
  r.subject = plan_label(p);
  r.subject_source = p.source.path;
  auto add = [&](gap_kind kind, const std::string& item, std::string detail, double score, gap_evidence e) {
    r.gaps.push_back({kind, "", item, std::move(detail), score, e, e});
  };
  for (std::size_t i = 0; i < p.measures().size(); ++i) {
    const auto& m = p.measures()[i];
    // A collective (各成员单位, 有关部门) is no one in particular: leading alone, it leaves
    // the measure without an accountable lead.
    const auto specific = [&](const agency_mention& a) {
      const auto k = p.agency_index(a.name);
      return !k || !p.agencies()[*k].collective;
    };
    if (m.lead.empty() && m.support.empty())
      add(gap_kind::no_agency, m.id, "no responsible agency", 0.0, measure_evidence(doc, p, i));
    else if (m.lead.empty())
      add(gap_kind::no_lead, m.id, "agencies named, none leads", 0.0, evidence_at(doc, p, m.id, m.where));
    else if (m.joint)
      add(gap_kind::no_lead, m.id, "units jointly responsible, none leads", 0.0, evidence_at(doc, p, m.id, m.where));
    else if (std::none_of(m.lead.begin(), m.lead.end(), specific))
      add(gap_kind::no_lead, m.id, "only a collective leads", 0.0, evidence_at(doc, p, m.id, m.where));
  }
  for (std::size_t i = 0; i < p.measures().size(); ++i)
    if (!p.measures()[i].due) add(gap_kind::no_deadline, p.measures()[i].id, "no deadline", 0.0, measure_evidence(doc, p, i));
  for (const auto& g : p.goals())
    if (std::none_of(p.targets().begin(), p.targets().end(), [&](const target& t) { return t.owner == g.id; }))
      add(gap_kind::goal_without_target, g.id, "no measurable target", 0.0, evidence_at(doc, p, g.id, g.where));
  for (const auto& a : compute_lead_load(p).agencies) {
    if (a.collective || a.lead_share <= options.outsized_share) continue;
    const auto mention = first_mention(p, a.name);
    add(gap_kind::outsized_lead, a.name, fmt::format("leads {} of {} measures", a.lead, p.measures().size()), a.lead_share,
        mention ? evidence_at(doc, p, p.measures()[mention->first].id, mention->second) : gap_evidence{});
  }
  for (const auto& b : p.boxes())
    for (const auto& item : b.items)
      if (item.restates && item.similarity >= options.restatement_similarity)
        add(gap_kind::empty_restatement, b.id + ":" + item.title, "restates " + *item.restates + ", adds nothing",
            item.similarity, evidence_at(doc, p, *item.restates, item.where));
  return r;
}

vertical_alignment align_vertical(const source_plan& upper_source, const source_plan& lower_source,
                                  const plan_alignment_options& options) {
  const text::document& udoc = upper_source.document();
  const plan& upper = upper_source.plan();
  const text::document& ldoc = lower_source.document();
  const plan& lower = lower_source.plan();
  vertical_alignment v;
  v.upper = plan_label(upper);
  v.lower = plan_label(lower);
  v.alignment = align_plans(upper_source, lower_source, options);
  v.upper_measures = upper.measures().size();
  std::set<std::size_t> carried;
  for (const auto& p : v.alignment.pairs) carried.insert(p.measure_a);
  v.carried = carried.size();
  v.carried_share = v.upper_measures == 0 ? 0.0 : static_cast<double>(v.carried) / static_cast<double>(v.upper_measures);
  for (const auto& u : v.alignment.unmatched_a) v.not_carried.push_back(u.id);
  for (const auto& u : v.alignment.unmatched_b) v.local_additions.push_back(u.id);
  // Targets: the lower level's against the superior's, class by class.
  if (upper.targets().empty() || lower.targets().empty()) {
    if (!upper.targets().empty() || !lower.targets().empty())
      v.targets.push_back({change_kind::targets_missing, "", "",
                           fmt::format("n/a: the {} plan states no quantitative target; targets not compared",
                                       upper.targets().empty() ? "upper" : "lower"),
                           0.0, {}, {}});
    return v;
  }
  for (const target* tp : first_per_class(upper)) {
    const target& t = *tp;
    gap_evidence theirs = evidence_at(udoc, upper, t.owner, t.where);
    const auto [mine, other_terms] = counterpart_in(t, lower);
    if (mine == nullptr && other_terms == nullptr) {
      v.targets.push_back({change_kind::target_not_carried, t.indicator_key, "", describe(t), 0.0, std::move(theirs), {}});
      continue;
    }
    if (mine == nullptr) {
      v.targets.push_back({change_kind::target_incomparable, t.indicator_key, other_terms->indicator_key,
                           fmt::format("not compared ({}): {} / {}", incomparable_reason(t, *other_terms), describe(t),
                                       describe(*other_terms)),
                           0.0, std::move(theirs), evidence_at(ldoc, lower, other_terms->owner, other_terms->where)});
      continue;
    }
    const target_profile profile = profile_of(t);
    const bool level_free = profile.quantity == target_quantity::share ||
                            profile.quantity == target_quantity::growth_rate || profile.scope == target_scope::per_unit;
    change_kind kind{};
    std::string detail = describe(t) + " / " + describe(*mine);
    double score = 0.0;
    if (level_free) {
      const bool reduce = t.kind == comparator::reduce_by;
      kind = mine->normalized_value == t.normalized_value                    ? change_kind::target_as_superior
             : ((mine->normalized_value > t.normalized_value) != reduce) ? change_kind::target_above_superior
                                                                           : change_kind::target_below_superior;
    } else {
      // An amount of a city is part of its province's: its share, not "weaker".
      kind = change_kind::target_share_of_superior;
      score = t.normalized_value > 0.0 ? mine->normalized_value / t.normalized_value : 0.0;
      detail += fmt::format(": {:.1f} % of the superior's", 100.0 * score);
    }
    v.targets.push_back({kind, t.indicator_key, mine->indicator_key, std::move(detail), score, std::move(theirs),
                         evidence_at(ldoc, lower, mine->owner, mine->where)});
  }
  return v;
}

plan_diff diff_plans(const source_plan& old_source, const source_plan& new_source,
                     const plan_alignment_options& options) {
  const text::document& odoc = old_source.document();
  const plan& old_plan = old_source.plan();
  const text::document& ndoc = new_source.document();
  const plan& new_plan = new_source.plan();
  plan_diff d;
  d.old_plan = plan_label(old_plan);
  d.new_plan = plan_label(new_plan);
  const auto aligned = align_plans(old_source, new_source, options);
  for (const auto& p : aligned.pairs) {
    plan_change c{change_kind::carried, p.id_a, p.id_b, std::string(to_string(p.grade)), p.similarity, measure_evidence(odoc, old_plan, p.measure_a),
                  measure_evidence(ndoc, new_plan, p.measure_b)};
    if (p.evidence) {
      c.detail += ", shared passage";
      c.in_old = evidence_at(odoc, old_plan, p.id_a, p.evidence->where_a);
      c.in_new = evidence_at(ndoc, new_plan, p.id_b, p.evidence->where_b);
    }
    d.changes.push_back(std::move(c));
  }
  for (const auto& u : aligned.unmatched_a)
    d.changes.push_back({change_kind::dropped, u.id, "", "", 0.0, measure_evidence(odoc, old_plan, u.index), {}});
  for (const auto& u : aligned.unmatched_b)
    d.changes.push_back({change_kind::new_, "", u.id, "", 0.0, {}, measure_evidence(ndoc, new_plan, u.index)});
  // Targets by comparable class (indicator, quantity, scope, unit): a stock is never set
  // against a flow, a growth rate against an amount, a per-unit target against a total.
  if (old_plan.targets().empty() != new_plan.targets().empty()) {
    const bool old_missing = old_plan.targets().empty();
    d.changes.push_back({change_kind::targets_missing, "", "",
                         fmt::format("n/a: the {} edition states no quantitative target; targets not compared",
                                     old_missing ? "old" : "new"),
                         0.0, {}, {}});
  } else {
    std::vector<const target*> matched_new;
    for (const target* tp : first_per_class(old_plan)) {
      const target& t = *tp;
      gap_evidence before = evidence_at(odoc, old_plan, t.owner, t.where);
      const auto [now, other_terms] = counterpart_in(t, new_plan);
      if (now == nullptr && other_terms != nullptr) {
        d.changes.push_back({change_kind::target_incomparable, t.indicator_key, other_terms->indicator_key,
                             fmt::format("not compared ({}): {} / {}", incomparable_reason(t, *other_terms),
                                         describe(t), describe(*other_terms)),
                             0.0, std::move(before), evidence_at(ndoc, new_plan, other_terms->owner, other_terms->where)});
        continue;
      }
      if (now == nullptr) {
        d.changes.push_back({change_kind::target_dropped, t.indicator_key, "", describe(t), 0.0, std::move(before), {}});
        continue;
      }
      matched_new.push_back(now);
      // Comparable: higher is stronger (lower for reduce_by); a change of comparator
      // (达到 → 以上) alone is no change of level.
      const bool higher = now->normalized_value > t.normalized_value;
      const bool reduce = t.kind == comparator::reduce_by;
      const change_kind kind = now->normalized_value == t.normalized_value ? change_kind::target_same
                               : (higher != reduce)                         ? change_kind::target_strengthened
                                                                            : change_kind::target_weakened;
      d.changes.push_back({kind, t.indicator_key, now->indicator_key, describe(t) + " → " + describe(*now), 0.0,
                           std::move(before), evidence_at(ndoc, new_plan, now->owner, now->where)});
    }
    for (const target* t : first_per_class(new_plan)) {
      const bool seen = std::any_of(matched_new.begin(), matched_new.end(),
                                    [&](const target* m) { return incomparable_reason(*m, *t).empty(); }) ||
                        std::any_of(old_plan.targets().begin(), old_plan.targets().end(),
                                    [&](const target& o) { return o.indicator_key == t->indicator_key; });
      if (!seen)
        d.changes.push_back({change_kind::target_new, "", t->indicator_key, describe(*t), 0.0, {},
                             evidence_at(ndoc, new_plan, t->owner, t->where)});
    }
  }
  // Agencies by canonical function; a pre-reform name is a rename, not a drop. An edition
  // naming no responsible agency is missing data: nothing is dropped or new.
  const bool agencies_missing = names_agencies(old_plan) != names_agencies(new_plan);
  if (agencies_missing)
    d.changes.push_back({change_kind::agencies_missing, "", "",
                         fmt::format("n/a: the {} edition names no responsible agency; agencies not compared "
                                     "(renames by the institutional reform still shown)",
                                     names_agencies(old_plan) ? "new" : "old"),
                         0.0, {}, {}});
  const auto new_functions = functions_of(new_plan);
  std::set<std::string> old_functions;
  auto mention_in = [](const text::document& doc, const plan& p, const std::string& name) {
    const auto m = first_mention(p, name);
    return m ? evidence_at(doc, p, p.measures()[m->first].id, m->second) : gap_evidence{p.source.path, "", {}, ""};
  };
  auto new_name_of = [&](const std::string& canonical) -> std::optional<std::string> {
    for (const auto& a : new_plan.agencies())
      if (is_function(a) && a.resolution->canonical == canonical) return a.name;
    return std::nullopt;
  };
  for (const auto& a : old_plan.agencies()) {
    if (!is_function(a)) continue;
    const std::string& canonical = a.resolution->canonical;
    old_functions.insert(canonical);
    const auto now = new_name_of(canonical);
    if (a.resolution->match == match_kind::predecessor) {
      d.changes.push_back({change_kind::agency_renamed, a.name, now.value_or(function_name(canonical)),
                           "institutional reform: duties now with " + function_name(canonical), 0.0,
                           mention_in(odoc, old_plan, a.name),
                           now ? mention_in(ndoc, new_plan, *now) : gap_evidence{}});
    } else if (!agencies_missing && !new_functions.contains(canonical)) {
      d.changes.push_back({change_kind::agency_dropped, a.name, "", function_name(canonical), 0.0,
                           mention_in(odoc, old_plan, a.name), {}});
    }
  }
  for (const auto& a : new_plan.agencies())
    if (!agencies_missing && is_function(a) && !old_functions.contains(a.resolution->canonical)) {
      old_functions.insert(a.resolution->canonical);
      d.changes.push_back({change_kind::agency_new, "", a.name, function_name(a.resolution->canonical), 0.0, {},
                           mention_in(ndoc, new_plan, a.name)});
    }
  return d;
}

}  // namespace plancmp::inline v0::analysis
