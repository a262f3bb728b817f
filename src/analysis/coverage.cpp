// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/script.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>

namespace plancmp::inline v0::analysis {

namespace {

std::vector<std::string> theme_names(const coding_scheme& s) {
  std::vector<std::string> out;
  for (std::size_t t = 0; t < s.themes.size(); ++t)
    out.push_back(std::string(static_cast<std::size_t>(s.themes[t].depth) * 2, ' ') + s.display_name(t));
  return out;
}

/// Keeps the `k` pieces of evidence of highest unit score (first seen among equals).
void keep_top(std::vector<std::pair<double, cell_evidence>>& cands, std::size_t k,
              std::vector<cell_evidence>& out) {
  std::stable_sort(cands.begin(), cands.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < cands.size() && i < k; ++i) out.push_back(std::move(cands[i].second));
}

}  // namespace

coverage_matrix compute_coverage(std::span<const plan> plans, std::span<const plan_tagging> taggings,
                                 const coding_scheme& scheme, const coverage_options& options) {
  if (plans.size() != taggings.size())
    throw usage_error("compute_coverage: give one tagging per plan, in the same order");
  coverage_matrix m;
  m.scheme = scheme.id;
  m.themes = theme_names(scheme);
  for (const auto& t : scheme.themes) m.depths.push_back(t.depth);
  const std::size_t n = scheme.themes.size();
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const plan_tagging& tg = taggings[p];
    if (tg.scheme != scheme.id)
      throw usage_error(fmt::format("compute_coverage: plan {} was tagged with scheme '{}', not '{}'", p, tg.scheme,
                                    scheme.id));
    m.plans.push_back(tg.plan);
    m.sources.push_back(plans[p].source.path);
    std::vector<std::size_t> counts(n, 0);
    std::vector<std::vector<std::pair<double, cell_evidence>>> cands(n);
    std::size_t units = 0;
    const auto add = [&](const std::vector<tagged_unit>& list) {
      for (const tagged_unit& u : list) {
        ++units;
        for (const theme_label& l : u.labels) {
          ++counts[l.theme];
          if (!l.evidence.empty()) cands[l.theme].push_back({l.score, {plans[p].source.path, u.id, l.evidence.front()}});
        }
      }
    };
    add(tg.measures);
    if (options.include_goals) add(tg.goals);
    m.units.push_back(units);
    std::vector<double> shares(n);
    std::vector<std::vector<cell_evidence>> top(n);
    for (std::size_t t = 0; t < n; ++t) {
      shares[t] = share(counts[t], units);
      keep_top(cands[t], options.top_k, top[t]);
    }
    m.counts.push_back(std::move(counts));
    m.shares.push_back(std::move(shares));
    m.top.push_back(std::move(top));
  }
  return m;
}

coverage_view parse_coverage_view(std::string_view name) {
  if (name == "counts") return coverage_view::counts;
  if (name == "shares") return coverage_view::shares;
  if (name == "presence") return coverage_view::presence;
  if (name == "evidence") return coverage_view::evidence;
  throw usage_error(fmt::format("unknown coverage view '{}'; known: counts, shares, presence, evidence", name));
}

coverage_difference compare_coverage(const coverage_matrix& m, std::size_t a, std::size_t b) {
  if (a >= m.plans.size() || b >= m.plans.size())
    throw usage_error(fmt::format("compare_coverage: plans {} and {} of {}", a, b, m.plans.size()));
  coverage_difference d;
  d.scheme = m.scheme;
  d.plan_a = m.plans[a];
  d.plan_b = m.plans[b];
  d.themes = m.themes;
  for (std::size_t t = 0; t < m.themes.size(); ++t) {
    d.count_a.push_back(m.counts[a][t]);
    d.count_b.push_back(m.counts[b][t]);
    d.share_a.push_back(m.shares[a][t]);
    d.share_b.push_back(m.shares[b][t]);
    d.share_difference.push_back(m.shares[b][t] - m.shares[a][t]);
    const bool in_a = m.counts[a][t] > 0;
    const bool in_b = m.counts[b][t] > 0;
    d.only_in.push_back(in_a && !in_b ? "a" : in_b && !in_a ? "b" : "");
  }
  return d;
}

tools_by_chain compute_tools_by_chain(std::span<const plan_tagging> tools, const coding_scheme& tools_scheme,
                                      std::span<const plan_tagging> chain, const coding_scheme& chain_scheme) {
  if (tools.size() != chain.size())
    throw usage_error("compute_tools_by_chain: give one tools tagging and one chain tagging per plan");
  tools_by_chain out;
  std::vector<std::size_t> rows;
  for (const std::size_t top : tools_scheme.top_level()) {
    rows.push_back(top);
    for (const std::size_t c : tools_scheme.themes[top].children) rows.push_back(c);
  }
  for (const std::size_t r : rows) {
    out.rows.push_back(tools_scheme.display_name(r));
    out.row_depths.push_back(tools_scheme.themes[r].depth);
  }
  const auto cols = chain_scheme.top_level();
  for (const std::size_t c : cols) out.columns.push_back(chain_scheme.display_name(c));
  out.summed.assign(rows.size(), std::vector<std::size_t>(cols.size(), 0));
  for (std::size_t p = 0; p < tools.size(); ++p) {
    if (tools[p].measures.size() != chain[p].measures.size())
      throw usage_error(fmt::format("compute_tools_by_chain: plan {}: the two taggings have different measures", p));
    out.plans.push_back(tools[p].plan);
    std::vector<std::vector<std::size_t>> cells(rows.size(), std::vector<std::size_t>(cols.size(), 0));
    for (std::size_t u = 0; u < tools[p].measures.size(); ++u) {
      for (std::size_t r = 0; r < rows.size(); ++r) {
        if (tools[p].measures[u].find(rows[r]) == nullptr) continue;
        for (std::size_t c = 0; c < cols.size(); ++c) {
          if (chain[p].measures[u].find(cols[c]) != nullptr) {
            ++cells[r][c];
            ++out.summed[r][c];
          }
        }
      }
    }
    out.cells.push_back(std::move(cells));
  }
  return out;
}

target_coverage compute_target_coverage(std::span<const plan> plans, const tagger& tg, std::size_t top_k) {
  const coding_scheme& s = tg.scheme();
  target_coverage out;
  out.scheme = s.id;
  out.themes = theme_names(s);
  const auto& simplify = text::simplifier::shared();
  for (const plan& p : plans) {
    out.plans.push_back(plan_label(p));
    out.targets.push_back(p.targets().size());
    std::vector<std::size_t> counts(s.themes.size(), 0);
    std::vector<std::vector<std::pair<double, cell_evidence>>> cands(s.themes.size());
    for (const target& t : p.targets()) {
      const auto labels = tg.tag_text(simplify.convert(t.indicator).text);
      for (const auto& l : labels) {
        ++counts[l.theme];
        match_evidence e = l.evidence.empty() ? match_evidence{} : l.evidence.front();
        e.printed = t.indicator;
        e.where = t.where;  // the target's own bytes: the indicator is a derived string
        cands[l.theme].push_back({l.score, {p.source.path, t.indicator, e}});
      }
    }
    std::vector<std::vector<cell_evidence>> top(s.themes.size());
    for (std::size_t th = 0; th < s.themes.size(); ++th) keep_top(cands[th], top_k, top[th]);
    out.counts.push_back(std::move(counts));
    out.top.push_back(std::move(top));
  }
  return out;
}

agency_coverage compute_agency_coverage(std::span<const plan> plans, std::span<const plan_tagging> taggings,
                                        const coding_scheme& scheme) {
  if (plans.size() != taggings.size())
    throw usage_error("compute_agency_coverage: give one tagging per plan, in the same order");
  agency_coverage out;
  out.scheme = scheme.id;
  out.themes = theme_names(scheme);
  std::map<std::string, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> rows;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const plan& pl = plans[p];
    for (std::size_t m = 0; m < pl.measures().size() && m < taggings[p].measures.size(); ++m) {
      const tagged_unit& u = taggings[p].measures[m];
      if (u.labels.empty()) continue;
      for (const role part : {role::lead, role::support}) {
        for (const std::size_t a : pl.agencies_of(m, part)) {
          const agency& ag = pl.agencies()[a];
          const std::string key =
              ag.resolution && !ag.resolution->canonical.empty() ? ag.resolution->canonical : ag.name;
          auto& [lead, support] = rows[key];
          lead.resize(scheme.themes.size(), 0);
          support.resize(scheme.themes.size(), 0);
          for (const auto& l : u.labels) ++(part == role::lead ? lead : support)[l.theme];
        }
      }
    }
  }
  for (auto& [name, counts] : rows) {
    out.agencies.push_back(name);
    out.lead.push_back(std::move(counts.first));
    out.support.push_back(std::move(counts.second));
  }
  return out;
}

}  // namespace plancmp::inline v0::analysis
