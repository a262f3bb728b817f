// SPDX-License-Identifier: MIT
#include <plancmp/report/diffusion_section.hpp>

#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/diffusion_tables.hpp>
#include <plancmp/report/figures.hpp>

#include <algorithm>
#include <vector>

namespace plancmp::inline v0::report {

std::optional<report_section> diffusion_section(std::span<const source_plan> inputs, bool draw_network) {
  if (std::count_if(inputs.begin(), inputs.end(), [](const source_plan& s) { return s.plan().issued.has_value(); }) < 2)
    return std::nullopt;
  analysis::diffusion_options o;
  o.threads = 1;  // a report's handful of plans; the same output on every machine
  const analysis::diffusion_result d = analysis::attribute_measures(inputs, o);
  const coding_scheme scheme = coding_scheme::builtin("ip_value_chain");
  const auto timelines = analysis::adoption_timelines(d, inputs, scheme);

  report_section s;
  s.id = "diffusion";
  s.title = "政策扩散 Diffusion";
  s.tables = {report::plans_table(d), report::edges_table(d), report::attributions_table(d),
              report::timeline_table(d, timelines)};

  // Timeline: themes × years, the cumulative number of plans that have adopted the theme.
  int first = 0;
  int last = 0;
  for (const auto& t : timelines) {
    if (t.curve.empty()) continue;
    first = first == 0 ? t.curve.front().first : std::min(first, t.curve.front().first);
    last = std::max(last, t.curve.back().first);
  }
  if (first != 0) {
    heatmap h;
    h.title = "采纳时间线 adoption timeline: plans that have adopted each theme, by year";
    h.row_axis = "theme";
    h.column_axis = "year";
    h.precision = 0;
    for (int year = first; year <= last; ++year) h.columns.push_back(std::to_string(year));
    for (const auto& t : timelines) {
      if (t.curve.empty()) continue;
      h.rows.push_back(t.label);
      std::vector<double> row;
      std::size_t cumulative = 0;
      for (int year = first; year <= last; ++year) {
        for (const auto& [y, count] : t.curve)
          if (y == year) cumulative = count;
        row.push_back(static_cast<double>(cumulative));
      }
      h.values.push_back(std::move(row));
    }
    s.svg_figures.push_back(to_svg(h));
  }
  // Network: borrowed measures, source (rows) × borrower (columns), among the plans in an edge.
  if (!d.edges.empty()) {
    std::vector<std::uint32_t> nodes;
    for (const auto& e : d.edges) nodes.insert(nodes.end(), {e.source, e.target});
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    heatmap m;
    m.title = "扩散网络 diffusion network: measures borrowed, source × borrower";
    m.row_axis = "source";
    m.column_axis = "borrower";
    m.precision = 0;
    m.min = 0.0;
    for (const std::uint32_t p : nodes) {
      m.rows.push_back(d.plans[p].label);
      m.columns.push_back(d.plans[p].label);
    }
    m.values.assign(nodes.size(), std::vector<double>(nodes.size(), 0.0));
    auto at = [&](std::uint32_t p) { return static_cast<std::size_t>(std::lower_bound(nodes.begin(), nodes.end(), p) - nodes.begin()); };
    for (const auto& e : d.edges) m.values[at(e.source)][at(e.target)] = static_cast<double>(e.measures());
    s.svg_figures.push_back(to_svg(m));
    if (draw_network) {
      if (auto svg = dot_to_svg(analysis::to_dot(d))) s.svg_figures.push_back(std::move(*svg));
    }
  }
  return s;
}

}  // namespace plancmp::inline v0::report
