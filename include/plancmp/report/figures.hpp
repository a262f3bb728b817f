// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::inline v0::analysis {
struct co_responsibility_network;
struct pmc_result;
class pmc_model;
}  // namespace plancmp::inline v0::analysis

namespace plancmp::inline v0::report {

/// The font stack every figure uses, so that Chinese labels render wherever one of the
/// common CJK fonts is installed (Noto/Source Han on Linux, PingFang on macOS, YaHei on
/// Windows).
inline constexpr std::string_view cjk_font_stack =
    "'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','PingFang SC',"
    "'Microsoft YaHei','Hiragino Sans GB',sans-serif";

/// A matrix drawn as coloured cells: rows × columns with their labels, a colour scale
/// legend, and each value shown on hover (an SVG `<title>` per cell).
///
///     report::heatmap h{.title = "相似度 similarity", .rows = names, .columns = names,
///                       .values = cosine};
///     std::string svg = report::to_svg(h);
struct heatmap {
  std::string title;
  std::string row_axis;                    ///< axis title beside the row labels
  std::string column_axis;                 ///< axis title above the column labels
  std::vector<std::string> rows;           ///< row labels
  std::vector<std::string> columns;        ///< column labels
  std::vector<std::vector<double>> values; ///< [row][column]
  std::optional<double> min, max;          ///< colour scale ends; the data's range when unset
  int precision = 2;                       ///< decimals in the hover text and cell text
  bool show_values = true;                 ///< print the value in each cell
};
/// An SVG document (UTF-8, all text escaped). Throws `usage_error` when a row of
/// `values` does not have one value per column.
[[nodiscard]] std::string to_svg(const heatmap& h);

/// Grouped horizontal bars: one group per category (e.g. an indicator), one bar per
/// series (e.g. a plan); missing values leave a gap. Values on hover.
struct bar_chart {
  std::string title;
  std::string value_axis;                   ///< e.g. "normalized value"
  std::vector<std::string> categories;
  std::vector<std::string> series;
  std::vector<std::vector<std::optional<double>>> values;  ///< [category][series]
  int precision = -1;  ///< decimals shown; negative: the shortest form that reads back (36000, 3.85)
  bool per_category_scale = true;  ///< each category scaled to its own maximum (units differ)
};
[[nodiscard]] std::string to_svg(const bar_chart& b);

/// The PMC surface of one plan as a heatmap (variable ids and names, scores 0–1).
[[nodiscard]] heatmap pmc_surface(const analysis::pmc_result& result, const analysis::pmc_model& model);

/// Graphviz DOT rendered to SVG by the `dot` program, or nullopt when it is not installed
/// or fails (the caller then keeps the DOT text).
[[nodiscard]] std::optional<std::string> dot_to_svg(std::string_view dot);

/// A co-responsibility network drawing: SVG through Graphviz when it is installed,
/// otherwise the DOT text itself. `is_svg` tells which; `legend` says how to read it.
struct network_figure {
  std::string text;
  bool is_svg = false;
  std::string legend;  ///< plain text: what widths, fills and dashes mean, and what was left out
};

/// What a network drawing shows. A plan's network of 30 agencies has ~170 ties, most of
/// weight 1: drawn all at once they are a hairball, so by default only the strongest are.
struct network_drawing_options {
  std::size_t max_edges = 40;  ///< the strongest ties (by shared measures); 0: all
};

/// The drawing's DOT: a spring layout (`neato`, no overlapping labels), node labels, the
/// `max_edges` strongest ties (ties broken by vertex order) with width by weight and the
/// weight on hover, agencies that lead measures filled, collective bodies dashed; agencies
/// left without a drawn tie are left out (the table lists them all).
[[nodiscard]] std::string network_dot(const analysis::co_responsibility_network& net,
                                      const network_drawing_options& options = {});
[[nodiscard]] network_figure draw_network(const analysis::co_responsibility_network& net,
                                          const network_drawing_options& options = {});

}  // namespace plancmp::inline v0::report
