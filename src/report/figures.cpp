// SPDX-License-Identifier: MIT
#include <plancmp/report/figures.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/detail/markup.hpp>
#include <plancmp/report/table.hpp>

#include <boost/range/iterator_range.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace plancmp::inline v0::report {
namespace {

constexpr int font_size = 12;

std::string dot(std::string_view text) {
  std::string out;
  plancmp::detail::append_dot(out, text);
  return out;
}

std::string xml(std::string_view text) {
  std::string out;
  plancmp::detail::append_xml(out, text);
  return out;
}

/// Pixels a label takes at font_size: wide (CJK) characters a full em, others about half.
double text_width(std::string_view text) { return static_cast<double>(display_width(text)) * font_size * 0.55; }

double widest(const std::vector<std::string>& labels) {
  double w = 0;
  for (const auto& l : labels) w = std::max(w, text_width(l));
  return w;
}

/// ColorBrewer's sequential "Blues", interpolated linearly: t in [0, 1].
std::string blues(double t) {
  static constexpr std::array<std::array<int, 3>, 5> stops{
      {{247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}}};
  if (!(t >= 0)) t = 0;  // NaN too
  t = std::min(t, 1.0);
  const double x = t * (stops.size() - 1);
  const auto i = std::min<std::size_t>(static_cast<std::size_t>(x), stops.size() - 2);
  const double f = x - static_cast<double>(i);
  std::array<int, 3> c{};
  for (std::size_t k = 0; k < 3; ++k)
    c[k] = static_cast<int>(std::lround(stops[i][k] + f * (stops[i + 1][k] - stops[i][k])));
  return fmt::format("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
}

std::string svg_open(double width, double height, std::string_view title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"{2}\" font-size=\"{3}\" role=\"img\">\n"
      "<title>{4}</title>\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      "<text x=\"8\" y=\"18\" font-size=\"{5}\" font-weight=\"bold\">{4}</text>\n",
      width, height, xml(cjk_font_stack), font_size, xml(title), font_size + 2);
}

std::string number(double v, int precision) {
  return precision < 0 ? fmt::format("{}", v) : fmt::format("{:.{}f}", v, precision);
}

}  // namespace

std::string to_svg(const heatmap& h) {
  for (std::size_t r = 0; r < h.values.size(); ++r) {
    if (h.values[r].size() != h.columns.size())
      throw usage_error(fmt::format("heatmap '{}': row {} has {} values but there are {} columns", h.title, r + 1,
                                    h.values[r].size(), h.columns.size()));
  }
  double lo = h.min.value_or(0), hi = h.max.value_or(0);
  if (!h.min || !h.max) {
    bool first = true;
    double dlo = 0, dhi = 0;
    for (const auto& row : h.values) {
      for (double v : row) {
        if (!std::isfinite(v)) continue;
        dlo = first ? v : std::min(dlo, v);
        dhi = first ? v : std::max(dhi, v);
        first = false;
      }
    }
    if (!h.min) lo = dlo;
    if (!h.max) hi = dhi;
  }
  const double range = hi > lo ? hi - lo : 1.0;

  const double cell = 40;
  const double left = 16 + widest(h.rows) + (h.row_axis.empty() ? 0 : 20);
  // Column labels are rotated -45°: they need the label width times sin 45° above the grid.
  const double top = 40 + widest(h.columns) * 0.71 + (h.column_axis.empty() ? 0 : 20);
  const double grid_w = cell * static_cast<double>(h.columns.size());
  const double grid_h = cell * static_cast<double>(h.rows.size());
  const double legend_x = left + grid_w + 24;
  const double width = legend_x + 90;
  const double height = std::max(top + grid_h + 24, top + 200);

  std::string out = svg_open(width, height, h.title);
  if (!h.column_axis.empty())
    out += fmt::format("<text x=\"{:.1f}\" y=\"36\" text-anchor=\"middle\" font-style=\"italic\">{}</text>\n",
                       left + grid_w / 2, xml(h.column_axis));
  if (!h.row_axis.empty())
    out += fmt::format(
        "<text transform=\"translate(16 {:.1f}) rotate(-90)\" text-anchor=\"middle\" font-style=\"italic\">{}</text>\n",
        top + grid_h / 2, xml(h.row_axis));
  for (std::size_t c = 0; c < h.columns.size(); ++c) {
    const double x = left + cell * (static_cast<double>(c) + 0.5);
    out += fmt::format("<text transform=\"translate({:.1f} {:.1f}) rotate(-45)\">{}</text>\n", x, top - 6,
                       xml(h.columns[c]));
  }
  for (std::size_t r = 0; r < h.rows.size(); ++r) {
    const double y = top + cell * static_cast<double>(r);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>\n",
                       left - 6, y + cell / 2, xml(h.rows[r]));
    for (std::size_t c = 0; c < h.columns.size(); ++c) {
      const double v = h.values[r][c];
      const double t = std::clamp((v - lo) / range, 0.0, 1.0);
      const double x = left + cell * static_cast<double>(c);
      if (!std::isfinite(v)) {  // a missing value: grey, marked with a dash
        out += fmt::format(
            "<g><title>{} × {}: no value</title><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.0f}\" "
            "height=\"{:.0f}\" fill=\"#e6e6e6\" stroke=\"#ffffff\"/><text x=\"{:.1f}\" y=\"{:.1f}\" "
            "text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"10\" fill=\"#777777\">—</text></g>\n",
            xml(h.rows[r]), xml(h.columns[c]), x, y, cell, cell, x + cell / 2, y + cell / 2);
        continue;
      }
      out += fmt::format(
          "<g><title>{} × {}: {}</title><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.0f}\" height=\"{:.0f}\" "
          "fill=\"{}\" stroke=\"#ffffff\"/>",
          xml(h.rows[r]), xml(h.columns[c]), number(v, h.precision), x, y, cell, cell, blues(t));
      if (h.show_values)
        out += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" dominant-baseline=\"middle\" font-size=\"10\" "
            "fill=\"{}\">{}</text>",
            x + cell / 2, y + cell / 2, t > 0.55 ? "#ffffff" : "#000000", number(v, h.precision));
      out += "</g>\n";
    }
  }
  // Colour scale legend: a vertical gradient from max (top) to min (bottom).
  const double lh = 160;
  out += "<defs><linearGradient id=\"scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">";
  for (int i = 0; i <= 4; ++i)
    out += fmt::format("<stop offset=\"{}%\" stop-color=\"{}\"/>", i * 25, blues(i / 4.0));
  out += "</linearGradient></defs>\n";
  out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"14\" height=\"{:.0f}\" fill=\"url(#scale)\" "
                     "stroke=\"#888888\"/>\n",
                     legend_x, top, lh);
  for (int i = 0; i <= 4; ++i) {
    const double y = top + lh - lh * i / 4.0;
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" dominant-baseline=\"middle\" font-size=\"10\">{}</text>\n",
                       legend_x + 20, y, number(lo + range * i / 4.0, h.precision));
  }
  out += "</svg>\n";
  return out;
}

std::string to_svg(const bar_chart& b) {
  if (b.values.size() != b.categories.size())
    throw usage_error(fmt::format("bar chart '{}': {} value rows for {} categories", b.title, b.values.size(),
                                  b.categories.size()));
  for (std::size_t k = 0; k < b.values.size(); ++k) {
    if (b.values[k].size() != b.series.size())
      throw usage_error(fmt::format("bar chart '{}': category {} has {} values but there are {} series", b.title,
                                    k + 1, b.values[k].size(), b.series.size()));
  }
  static constexpr std::array<std::string_view, 8> palette{"#4e79a7", "#f28e2b", "#59a14f", "#e15759",
                                                          "#76b7b2", "#edc948", "#b07aa1", "#9c755f"};
  const double bar = 14, gap = 10, plot_w = 360;
  const double left = 16 + widest(b.categories);
  const double top = 40 + 18.0 * static_cast<double>(b.series.size());
  double global_max = 0;
  for (const auto& row : b.values)
    for (const auto& v : row)
      if (v && std::isfinite(*v)) global_max = std::max(global_max, std::abs(*v));
  const double group_h = bar * static_cast<double>(std::max<std::size_t>(b.series.size(), 1)) + gap;
  const double height = top + group_h * static_cast<double>(b.categories.size()) + 30;
  const double width = left + plot_w + 120;

  std::string out = svg_open(width, height, b.title);
  for (std::size_t s = 0; s < b.series.size(); ++s) {
    const double y = 30 + 18.0 * static_cast<double>(s);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/><text x=\"{:.1f}\" y=\"{:.1f}\" "
        "dominant-baseline=\"middle\">{}</text>\n",
        left, y, palette[s % palette.size()], left + 18, y + 6, xml(b.series[s]));
  }
  for (std::size_t k = 0; k < b.categories.size(); ++k) {
    const double y0 = top + group_h * static_cast<double>(k);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>\n",
                       left - 6, y0 + (group_h - gap) / 2, xml(b.categories[k]));
    double scale_max = global_max;
    if (b.per_category_scale) {
      scale_max = 0;
      for (const auto& v : b.values[k])
        if (v && std::isfinite(*v)) scale_max = std::max(scale_max, std::abs(*v));
    }
    for (std::size_t s = 0; s < b.series.size(); ++s) {
      const auto& v = b.values[k][s];
      if (!v || !std::isfinite(*v)) continue;
      const double w = scale_max > 0 ? plot_w * std::abs(*v) / scale_max : 0;
      const double y = y0 + bar * static_cast<double>(s);
      out += fmt::format(
          "<g><title>{} — {}: {}</title><rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" "
          "fill=\"{}\"/><text x=\"{:.1f}\" y=\"{:.1f}\" dominant-baseline=\"middle\" font-size=\"10\">{}</text></g>\n",
          xml(b.categories[k]), xml(b.series[s]), number(*v, b.precision), left, y, w, bar - 2,
          palette[s % palette.size()], left + w + 4, y + (bar - 2) / 2, number(*v, b.precision));
    }
  }
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#444444\"/>\n", left,
                     top - 4, height - 26);
  if (!b.value_axis.empty())
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" font-style=\"italic\">{}</text>\n",
                       left + plot_w / 2, height - 8, xml(b.value_axis));
  out += "</svg>\n";
  return out;
}

heatmap pmc_surface(const analysis::pmc_result& result, const analysis::pmc_model& model) {
  heatmap h;
  h.title = fmt::format("PMC 曲面 surface: {} (PMC {:.2f}, {})", result.plan, result.pmc, result.grade_en);
  h.min = 0;
  h.max = 1;
  const std::size_t n = result.surface.size();
  std::vector<std::string> labels;
  for (const auto& id : model.surface) {
    std::string label = id;
    for (const auto& v : model.variables) {
      if (v.id == id) label += " " + v.zh;
    }
    labels.push_back(std::move(label));
  }
  for (std::size_t r = 0; r < n; ++r) {
    h.rows.push_back(fmt::format("row {}", r + 1));
    h.values.push_back(result.surface[r]);
  }
  // Name each cell's variable: the surface is the model's variable list, row-major.
  for (std::size_t r = 0; r < n; ++r) {
    std::string row;
    for (std::size_t c = 0; c < result.surface[r].size(); ++c) {
      const std::size_t i = r * result.surface[r].size() + c;
      if (i < labels.size()) row += (c ? " | " : "") + labels[i];
    }
    h.rows[r] = row;
  }
  for (std::size_t c = 0; c < (n ? result.surface[0].size() : 0); ++c) h.columns.push_back(fmt::format("col {}", c + 1));
  return h;
}

std::optional<std::string> dot_to_svg(std::string_view dot) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = fs::temp_directory_path(ec);
  if (ec) return std::nullopt;
  const std::string stem = (dir / fmt::format("plancmp-dot-{}", ::getpid())).string();
  const std::string in = stem + ".dot", out = stem + ".svg";
  {
    std::ofstream f(in, std::ios::binary);
    f.write(dot.data(), static_cast<std::streamsize>(dot.size()));
    if (!f) return std::nullopt;
  }
  const std::string command = fmt::format("dot -Tsvg -o '{}' '{}' 2>/dev/null", out, in);
  const int status = std::system(command.c_str());  // NOLINT(cert-env33-c): fixed command, our own temp paths
  std::optional<std::string> svg;
  if (status == 0) {
    std::ifstream f(out, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
    // Drop the XML prolog and DOCTYPE so the SVG can be inlined in HTML.
    const auto at = text.find("<svg");
    if (at != std::string::npos) {
      // Graphviz writes a comment before every node and edge (its DOT id again): a tenth of
      // an inlined drawing that no reader sees.
      std::string kept;
      kept.reserve(text.size() - at);
      for (std::size_t p = at; p < text.size();) {
        const auto open = text.find("<!--", p);
        const auto close = open == std::string::npos ? open : text.find("-->", open);
        if (close == std::string::npos) {
          kept.append(text, p, std::string::npos);
          break;
        }
        kept.append(text, p, open - p);
        p = close + 3;
        if (p < text.size() && text[p] == '\n') ++p;
      }
      svg = std::move(kept);
    }
  }
  fs::remove(in, ec);
  fs::remove(out, ec);
  return svg;
}

namespace {

struct drawn_network {
  std::string dot;
  std::size_t edges = 0, edges_drawn = 0, agencies = 0, agencies_drawn = 0, min_weight = 0;
};

drawn_network layout_network(const analysis::co_responsibility_network& net, const network_drawing_options& options) {
  const auto& g = net.graph;
  drawn_network d;
  d.agencies = boost::num_vertices(g);
  using edge = analysis::co_responsibility_graph::edge_descriptor;
  std::vector<edge> edges;
  for (const auto e : boost::make_iterator_range(boost::edges(g))) edges.push_back(e);
  d.edges = edges.size();
  std::stable_sort(edges.begin(), edges.end(), [&g](const edge& a, const edge& b) { return g[a].weight > g[b].weight; });
  if (options.max_edges != 0 && edges.size() > options.max_edges) edges.resize(options.max_edges);
  d.edges_drawn = edges.size();
  std::vector<bool> drawn(d.agencies, false);
  std::size_t heaviest = 1;
  for (const auto& e : edges) {
    drawn[boost::source(e, g)] = drawn[boost::target(e, g)] = true;
    heaviest = std::max(heaviest, g[e].weight);
    d.min_weight = d.min_weight == 0 ? g[e].weight : std::min(d.min_weight, g[e].weight);
  }
  if (edges.empty()) drawn.assign(d.agencies, true);  // no ties: the agencies alone
  std::string& out = d.dot;
  out = fmt::format(
      "graph co_responsibility {{\n  layout=neato; overlap=false; sep=\"+8\"; splines=true; outputorder=edgesfirst;\n"
      "  tooltip=\"{}\";\n"
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#4a6f96\", "
      "fontname=\"Noto Sans CJK SC\", fontsize=12, margin=\"0.08,0.03\"];\n"
      "  edge [color=\"#5b7fa6\"];\n",
      dot("co-responsibility network — " + net.plan));
  for (std::size_t v = 0; v < d.agencies; ++v) {
    if (!drawn[v]) continue;
    ++d.agencies_drawn;
    std::string style = "rounded,filled";
    if (g[v].collective) style += ",dashed";
    out += fmt::format("  n{} [label=\"{}\", tooltip=\"{}: leads {}, supports {}\", style=\"{}\"{}];\n", v,
                       dot(g[v].name), dot(g[v].name), g[v].lead, g[v].support, style,
                       g[v].lead > 0 ? ", fillcolor=\"#c6dbef\"" : "");
  }
  for (const auto& e : edges) {
    const auto& tie = g[e];
    const double width = 0.6 + 4.4 * static_cast<double>(tie.weight) / static_cast<double>(heaviest);
    out += fmt::format("  n{} -- n{} [penwidth={:.1f}, weight={}, tooltip=\"{} — {}: {} shared measures\"];\n",
                       boost::source(e, g), boost::target(e, g), width, tie.weight, dot(g[boost::source(e, g)].name),
                       dot(g[boost::target(e, g)].name), tie.weight);
  }
  out += "}\n";
  return d;
}

}  // namespace

std::string network_dot(const analysis::co_responsibility_network& net, const network_drawing_options& options) {
  return layout_network(net, options).dot;
}

network_figure draw_network(const analysis::co_responsibility_network& net, const network_drawing_options& options) {
  drawn_network d = layout_network(net, options);
  std::string legend =
      "Box: an agency (filled: it leads measures; dashed: a collective body such as 各区县政府). "
      "Line: measures the two share; the wider, the more (hover for the number).";
  if (d.edges_drawn < d.edges) {
    legend += fmt::format(" Showing the {} strongest of {} ties ({} or more shared measures)", d.edges_drawn, d.edges,
                          d.min_weight);
    if (d.agencies_drawn < d.agencies)
      legend += fmt::format("; {} of {} agencies have only weaker ties and are left out (the table lists all)",
                            d.agencies - d.agencies_drawn, d.agencies);
    legend += '.';
  }
  if (auto svg = dot_to_svg(d.dot)) return {std::move(*svg), true, std::move(legend)};
  return {std::move(d.dot), false, std::move(legend)};
}

}  // namespace plancmp::inline v0::report
