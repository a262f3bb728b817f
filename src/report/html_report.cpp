// SPDX-License-Identifier: MIT
#include <plancmp/report/html_report.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/agencies_tables.hpp>
#include <plancmp/report/alignment_tables.hpp>
#include <plancmp/report/coverage_tables.hpp>
#include <plancmp/report/diffusion_section.hpp>
#include <plancmp/report/figures.hpp>
#include <plancmp/report/pmc_tables.hpp>
#include <plancmp/report/similarity_tables.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace plancmp::inline v0::report {
namespace {

constexpr std::string_view style = R"(
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',sans-serif;
margin:0 auto;max-width:110em;padding:0 clamp(.6em,2.5vw,2em) 3em;color:#1a1a1a;line-height:1.5}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.4em 0;z-index:2;
display:flex;flex-wrap:wrap;gap:.2em 1em;font-size:.95em}
h1{font-size:1.6em}h2{border-bottom:2px solid #08306b;padding-bottom:.2em;margin-top:2em}
.scroll{overflow:auto;max-width:100%;max-height:80vh;margin:1em 0;border:1px solid #e4e4e4}
table{border-collapse:collapse;font-size:.9em}
.scroll table{width:max-content}
caption{text-align:left;font-weight:bold;padding:.3em .4em;position:sticky;left:0}
th,td{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}
td{max-width:24em;overflow-wrap:break-word}
thead th{background:#eef3f8;position:sticky;top:0;z-index:1}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td a{color:inherit;text-decoration:none;border-bottom:1px dotted #08306b}
td details summary{cursor:pointer;list-style-position:inside}
td details[open] summary{color:#555}td details .full{white-space:pre-wrap}
thead th{cursor:pointer}thead th[aria-sort=ascending]::after{content:' ▲'}thead th[aria-sort=descending]::after{content:' ▼'}
.filter{margin:1em 0 -.6em;font-size:.9em;color:#555}.filter input{font:inherit;padding:.1em .3em;width:min(20em,60vw)}
tfoot td{font-size:.85em;color:#555;border:none;max-width:none}
.figures{display:flex;flex-wrap:wrap;gap:1em}.figures svg{max-width:100%;height:auto}
figure.network{margin:1em 0;max-width:100%}figure.network svg{display:block;max-width:100%;height:auto;max-height:90vh}
figure.network figcaption{font-size:.85em;color:#555;max-width:60em}
pre.dot{background:#f6f6f6;padding:.5em;overflow:auto;max-height:20em}
.source{white-space:pre-wrap;border-left:3px solid #ccc;padding:.2em .6em;margin:.4em 0;overflow-wrap:anywhere}
.source:target{border-left-color:#d62728;background:#fff4d6}
.loc{color:#555;font-size:.85em;display:block}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.6em 0;border-top:1px solid #ddd;padding-top:.4em}
.pair>div{min-width:0;overflow-wrap:anywhere}
.pair mark,.source mark{background:#fff1a8}
@media (max-width:700px){body{font-size:.95em}.pair{grid-template-columns:1fr}td{max-width:16em}}
)";

// The report's only script: sorts a table by a click on its column header (numbers by value,
// n/a and empty cells last), filters rows of longer tables by the text typed above them,
// and fills an evidence cell's details with the whole text of its source excerpt when
// opened (the text is stored once, in the sources section). No network, no library.
constexpr std::string_view script = R"(
(()=>{
const key=(td,num)=>{const t=td?td.textContent.trim():'';if(!num)return t;const v=parseFloat(t.replace(/[,%]/g,''));return isNaN(v)?null:v;};
for(const table of document.querySelectorAll('.scroll table')){
  const body=table.tBodies[0];if(!body||!table.tHead)continue;
  const rows=[...body.rows];if(rows.length<2)continue;
  [...table.tHead.rows[0].cells].forEach((th,c)=>{
    th.tabIndex=0;th.title='sort';
    const sort=()=>{
      const num=rows.some(r=>r.cells[c]&&r.cells[c].classList.contains('num'));
      const up=th.getAttribute('aria-sort')!=='ascending';
      for(const h of table.tHead.rows[0].cells)h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort',up?'ascending':'descending');
      const ks=new Map(rows.map(r=>[r,key(r.cells[c],num)]));
      rows.sort((a,b)=>{const x=ks.get(a),y=ks.get(b);
        if(x===null||x==='')return y===null||y===''?0:1;if(y===null||y==='')return -1;
        const d=num?x-y:x.localeCompare(y,'zh');return up?d:-d;});
      body.append(...rows);};
    th.addEventListener('click',sort);
    th.addEventListener('keydown',e=>{if(e.key==='Enter')sort();});});
  if(rows.length<=10)continue;
  const box=table.closest('.scroll'),f=document.createElement('div');f.className='filter';
  f.innerHTML='<input type="search" placeholder="filter rows 筛选" aria-label="filter rows"> <span></span>';
  const input=f.firstChild,count=f.lastChild;count.textContent=rows.length+' rows';
  input.addEventListener('input',()=>{const q=input.value.trim().toLowerCase();let n=0;
    for(const r of rows){const hit=!q||r.textContent.toLowerCase().includes(q);r.hidden=!hit;n+=hit;}
    count.textContent=q?n+' of '+rows.length+' rows':rows.length+' rows';});
  box.before(f);}
for(const d of document.querySelectorAll('details[data-src]'))
  d.addEventListener('toggle',()=>{if(!d.open||d.dataset.filled)return;d.dataset.filled=1;
    const src=document.getElementById(d.dataset.src);if(!src)return;
    const m=src.querySelector('mark'),div=document.createElement('div');div.className='full';
    div.textContent=(m||src).textContent;d.append(div);});
})();
)";

struct source_ref {
  std::size_t input;
  span where;
  std::string source;  ///< the file name as the cell gives it (the anchor is made from it)
  friend auto operator<=>(const source_ref&, const source_ref&) = default;
};

/// The printed lines of `doc` holding original bytes `where`, HTML-escaped, with exactly
/// the characters those bytes print as inside a `<mark>` (printed offsets found through
/// the printed → original map, which never decreases). A long span (a whole body) shows
/// its opening lines only, marked to the end of what is shown.
std::string marked_excerpt(const text::document& doc, const span& where, std::uint32_t first, std::uint32_t last) {
  std::string excerpt;
  std::size_t mark_begin = std::string::npos, mark_end = std::string::npos;
  for (const auto& l : doc.lines) {
    if (l.number < first || l.number > last) continue;
    if (!excerpt.empty()) excerpt += '\n';
    for (std::size_t p = l.printed_begin; p <= l.printed_end; ++p) {
      if (p < l.printed_end && (static_cast<unsigned char>(doc.printed[p]) & 0xC0U) == 0x80U) continue;
      const std::size_t at = excerpt.size() + (p - l.printed_begin);
      const std::size_t original = doc.printed_to_original.to_source(p);
      if (mark_begin == std::string::npos && original >= where.begin && p < l.printed_end) mark_begin = at;
      if (mark_begin != std::string::npos && mark_end == std::string::npos && original >= where.end) mark_end = at;
    }
    excerpt += doc.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
    if (excerpt.size() > 12000) break;  // a very long span: its opening lines (cells open the whole text from here)
  }
  if (mark_begin == std::string::npos) return html_escape(excerpt);
  if (mark_end == std::string::npos || mark_end < mark_begin) mark_end = excerpt.size();
  // Context: up to 150 bytes (50 Han characters) on either side of the span, cut at a character boundary. A
  // target of four characters inside a 2 KB paragraph line needs its sentence, not the
  // paragraph; every linked span is shown once, so this is what keeps the section small.
  constexpr std::size_t context = 150;
  const auto boundary = [&excerpt](std::size_t at) {
    while (at < excerpt.size() && (static_cast<unsigned char>(excerpt[at]) & 0xC0U) == 0x80U) ++at;
    return at;
  };
  const std::size_t from = mark_begin > context ? boundary(mark_begin - context) : 0;
  const std::size_t to = excerpt.size() - mark_end > context ? boundary(mark_end + context) : excerpt.size();
  const std::string_view view(excerpt);
  return (from > 0 ? "…" : "") + html_escape(view.substr(from, mark_begin - from)) + "<mark>" +
         html_escape(view.substr(mark_begin, mark_end - mark_begin)) + "</mark>" +
         html_escape(view.substr(mark_end, to - mark_end)) + (to < excerpt.size() ? "…" : "");
}

/// A gap table for the page: at most `per_kind` rows of each kind (column `kind`), the
/// clearest gaps first chosen (lowest `score`: the weakest best match), shown in their
/// order, and a note of what was left out. With fifteen plans each plan has ~300 measure
/// gaps, most of them the same reference measures again: the page would grow with the
/// square of the sources, not with what a reader can take in. The CLI gives every row.
table strongest_gaps(table t, std::size_t per_kind) {
  const auto column = [&t](std::string_view name) {
    const auto it = std::find(t.columns.begin(), t.columns.end(), name);
    return it == t.columns.end() ? std::string::npos : static_cast<std::size_t>(it - t.columns.begin());
  };
  const std::size_t kind = column("kind"), score = column("score");
  if (kind == std::string::npos) return t;
  std::map<std::string, std::vector<std::size_t>> rows_of;  // kind → row indices
  for (std::size_t r = 0; r < t.rows.size(); ++r) rows_of[t.rows[r][kind].text()].push_back(r);
  std::vector<bool> keep(t.rows.size(), true);
  std::vector<std::string> left_out;
  for (auto& entry : rows_of) {
    auto& rows = entry.second;
    if (rows.size() <= per_kind) continue;
    if (score != std::string::npos) {
      const auto value = [&t, score](std::size_t r) {
        const auto* v = std::get_if<double>(&t.rows[r][score].value);
        return v != nullptr ? *v : std::numeric_limits<double>::infinity();
      };
      std::stable_sort(rows.begin(), rows.end(), [&value](std::size_t a, std::size_t b) { return value(a) < value(b); });
    }
    for (std::size_t k = per_kind; k < rows.size(); ++k) keep[rows[k]] = false;
    left_out.push_back(fmt::format("{} of {} {}", rows.size() - per_kind, rows.size(), entry.first));
  }
  if (left_out.empty()) return t;
  std::vector<std::vector<cell>> kept;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (keep[r]) kept.push_back(std::move(t.rows[r]));
  t.rows = std::move(kept);
  std::string note = "Shown: the " + std::to_string(per_kind) + " clearest gaps of each kind (lowest score first); left out: ";
  for (std::size_t k = 0; k < left_out.size(); ++k) note += (k ? ", " : "") + left_out[k];
  t.notes.push_back(note + ". Every row: plancmp gaps FILE... --format xlsx -o gaps.xlsx.");
  return t;
}

class builder {
 public:
  builder(std::span<const source_plan> inputs, const report_options& options)
      : inputs_(inputs), options_(options) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      by_path_.emplace(inputs[i].document().path, i);
      by_path_.emplace(inputs[i].plan().source.path, i);
      plans_.push_back(inputs[i].plan());
    }
  }

  std::string build() {
    overview();
    coverage();
    pmc();
    targets();
    agencies();
    if (plans_.size() > 1) {
      similarity();
      if (options_.pairwise) pairwise();
      if (options_.gaps) gaps();
    }
    if (options_.editions) editions();
    if (options_.diffusion) {
      if (const auto s = diffusion_section(inputs_, options_.draw_networks)) add_section(*s);
    }
    for (const auto& s : options_.extra_sections) add_section(s);
    sources();

    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html_escape(options_.title) + "</title>\n<style>" + std::string(style) + "</style>\n";
    out += "</head>\n<body>\n<h1>" + html_escape(options_.title) + "</h1>\n<nav>";
    for (const auto& [id, title] : nav_) out += "<a href=\"#" + html_escape(id) + "\">" + html_escape(title) + "</a>";
    out += "</nav>\n" + body_ + "<script>" + std::string(script) + "</script>\n</body>\n</html>\n";
    return out;
  }

 private:
  void add_section(const report_section& s) {
    section(s.id, s.title);
    for (const auto& t : s.tables) add(t);
    if (!s.svg_figures.empty()) {
      body_ += "<div class=\"figures\">\n";
      for (const auto& svg : s.svg_figures) body_ += svg;
      body_ += "</div>\n";
    }
  }

  void section(const std::string& id, const std::string& title) {
    if (!nav_.empty()) body_ += "</section>\n";
    nav_.emplace_back(id, title);
    body_ += "<section id=\"" + html_escape(id) + "\">\n<h2>" + html_escape(title) + "</h2>\n";
  }

  void paragraph(std::string_view text) { body_ += "<p>" + html_escape(text) + "</p>\n"; }

  /// Renders a table with source links and remembers the spans its cells point at.
  void add(const table& t) {
    for (const auto& row : t.rows) {
      for (const auto& x : row) {
        if (!x.source || !x.where) continue;
        const auto it = by_path_.find(*x.source);
        if (it != by_path_.end()) linked_.insert({it->second, *x.where, *x.source});
      }
    }
    // A wide or long table scrolls inside its own box; the page keeps the window's width.
    body_ += "<div class=\"scroll\">\n" + to_html(t, {.link_sources = true, .id = {}, .full_text_at_source = true}) + "</div>\n";
  }

  /// A link to the source excerpt of `where` in `source`, remembered for the sources section.
  std::string link(const std::string& source, const span& where, std::string_view text) {
    const auto it = by_path_.find(source);
    if (it == by_path_.end()) return html_escape(text);
    linked_.insert({it->second, where, source});
    return "<a href=\"#" + source_anchor(source, where) + "\">" + html_escape(text) + "</a>";
  }

  void figures(const std::vector<std::string>& svgs) {
    body_ += "<div class=\"figures\">\n";
    for (const auto& svg : svgs) body_ += svg;
    body_ += "</div>\n";
  }

  void overview() {
    section("overview", "概况 Overview");
    add(summary_table(plans_));
  }

  void coverage() {
    section("coverage", "覆盖 Coverage");
    auto tags = tag_chain_and_tools(inputs_);
    if (options_.codes != nullptr) {  // a person's codes in place of the tagger's, labelled
      for (std::size_t k = 0; k < inputs_.size(); ++k) {
        tags.chain_tags[k] = analysis::tagging_from_sheet(*options_.codes, inputs_[k].plan(), tags.chain.scheme());
        tags.tool_tags[k] = analysis::tagging_from_sheet(*options_.codes, inputs_[k].plan(), tags.tools.scheme());
      }
    }
    std::vector<std::string> svgs;
    const std::pair<const analysis::tagger*, const std::vector<analysis::plan_tagging>*> schemes[] = {
        {&tags.chain, &tags.chain_tags}, {&tags.tools, &tags.tool_tags}};
    for (const auto& [tg, tagging] : schemes) {
      const auto m = analysis::compute_coverage(
          plans_, *tagging,
          options_.codes != nullptr ? analysis::scheme_for_sheet(*options_.codes, tg->scheme()) : tg->scheme());
      add(report::to_table(m, analysis::coverage_view::counts));
      add(report::to_table(m, analysis::coverage_view::evidence));
      heatmap h{.title = fmt::format("覆盖率 share of measures: {}", m.scheme), .row_axis = "主题 theme",
                .column_axis = "规划 plan", .rows = m.themes, .columns = m.plans, .values = {}, .min = {}, .max = {}};
      for (std::size_t th = 0; th < m.themes.size(); ++th) {
        std::vector<double> row;
        for (std::size_t p = 0; p < m.plans.size(); ++p) row.push_back(m.shares[p][th]);
        h.values.push_back(std::move(row));
      }
      svgs.push_back(to_svg(h));
    }
    figures(svgs);

    section("tools-by-chain", "政策工具 × 价值链 Policy tools × value chain");
    const auto t = analysis::compute_tools_by_chain(tags.tool_tags, tags.tools.scheme(), tags.chain_tags,
                                                    tags.chain.scheme());
    if (t.plans.size() > 1) add(report::to_table(t, std::numeric_limits<std::size_t>::max()));
    for (std::size_t p = 0; p < t.plans.size(); ++p) add(report::to_table(t, p));
  }

  void pmc() {
    section("pmc", "PMC 指数 PMC index");
    const auto& model = analysis::pmc_model::builtin();
    std::vector<analysis::pmc_result> results;
    for (const auto& in : inputs_) {
      results.push_back(options_.codes != nullptr
                            ? analysis::compute_pmc(in.plan(), in.document(), model, *options_.codes)
                            : analysis::compute_pmc(in.plan(), in.document(), model));
    }
    add(report::to_table(results, model));
    add(report::detail_table(results, model));
    std::vector<std::string> svgs;
    for (const auto& r : results) {
      heatmap h = pmc_surface(r, model);
      h.columns.assign(h.columns.size(), "");
      svgs.push_back(to_svg(h));
    }
    figures(svgs);
  }

  void targets() {
    section("targets", "目标 Targets");
    add(targets_table(plans_));
    // Bar chart: canonical indicators stated by at least two plans, each plan's latest value.
    std::map<std::string, std::vector<std::optional<std::pair<int, double>>>> latest;
    std::map<std::string, std::string> unit_of;
    for (std::size_t k = 0; k < plans_.size(); ++k) {
      for (const auto& tg : plans_[k].targets()) {
        if (tg.indicator_key.empty()) continue;
        auto& row = latest[tg.indicator_key];
        row.resize(plans_.size());
        const int year = tg.year.value_or(0);
        if (!row[k] || row[k]->first < year) row[k] = std::pair{year, tg.normalized_value};
        unit_of.emplace(tg.indicator_key, tg.base_unit);
      }
    }
    bar_chart b;
    b.title = "目标值 target values (latest year; each indicator on its own scale)";
    b.value_axis = "normalized value";
    for (const auto& p : plans_) b.series.push_back(analysis::plan_label(p));
    for (const auto& [key, row] : latest) {
      if (std::count_if(row.begin(), row.end(), [](const auto& v) { return v.has_value(); }) < 2) continue;
      b.categories.push_back(unit_of[key].empty() ? key : fmt::format("{} ({})", key, unit_of[key]));
      std::vector<std::optional<double>> values;
      for (const auto& v : row) values.push_back(v ? std::optional<double>(v->second) : std::nullopt);
      b.values.push_back(std::move(values));
    }
    if (!b.categories.empty()) {
      figures({to_svg(b)});
    } else {
      paragraph("No canonical indicator is stated by two or more of these plans.");
    }
  }

  void agencies() {
    section("agencies", "部门 Agencies");
    add(report::to_table(analysis::compare_agency_functions(plans_)));
    std::vector<std::string> svgs;
    for (const auto& p : plans_) {
      const auto net = analysis::build_co_responsibility_network(p);
      if (boost::num_vertices(net.graph) == 0) continue;
      body_ += "<h3>" + html_escape(fmt::format("共同责任网络 co-responsibility network: {}", net.plan)) + "</h3>\n";
      add(report::to_table(net));
      const auto fig = options_.draw_networks ? draw_network(net, options_.network) : network_figure{analysis::to_dot(net), false, {}};
      if (fig.is_svg) {
        body_ += "<figure class=\"network\">" + fig.text + "<figcaption class=\"legend\">" +
                 html_escape(fig.legend) + "</figcaption></figure>\n";
      } else {
        body_ += "<p>Graphviz is not installed; the network in DOT (render with <code>dot -Tsvg</code>):</p>\n";
        body_ += "<pre class=\"dot\">" + html_escape(fig.text) + "</pre>\n";
      }
    }
  }

  void similarity() {
    section("similarity", "相似度 Similarity");
    std::vector<std::string> svgs;
    for (const auto& m : {analysis::text_similarity_matrix(plans_), analysis::agency_profile_matrix(plans_)}) {
      add(report::to_table(m));
      // The scale spans the pairs of different plans: the diagonal (1.00) would wash out
      // the 0.1–0.2 that tell plans apart, and shows in the darkest colour with its value.
      heatmap h{.title = fmt::format("相似度 similarity: {}", m.metric), .row_axis = "规划 plan",
                .column_axis = "规划 plan", .rows = m.plans, .columns = m.plans, .values = m.score, .min = {}, .max = {}};
      for (std::size_t r = 0; r < m.score.size(); ++r) {
        for (std::size_t c = 0; c < m.score[r].size(); ++c) {
          const double v = m.score[r][c];
          if (r == c || !std::isfinite(v)) continue;
          h.min = h.min ? std::min(*h.min, v) : v;
          h.max = h.max ? std::max(*h.max, v) : v;
        }
      }
      svgs.push_back(to_svg(h));
    }
    figures(svgs);
  }

  /// Every pair of plans: the measure alignment, and the passages they share side by side.
  void pairwise() {
    section("alignment", "措施对齐 Measure alignment");
    for (std::size_t i = 0; i < plans_.size(); ++i) {
      for (std::size_t j = i + 1; j < plans_.size(); ++j)
        add(report::to_table(analysis::align_plans(inputs_[i], inputs_[j]),
                            report::unmatched_listing::note));
    }
    section("reuse", "文本复用 Reused passages");
    for (std::size_t i = 0; i < plans_.size(); ++i) {
      for (std::size_t j = i + 1; j < plans_.size(); ++j) {
        const auto r = analysis::find_reuse(inputs_[i], inputs_[j]);
        body_ += "<h3>" +
                 html_escape(fmt::format("{} ↔ {}: {} passages", analysis::plan_label(plans_[i]),
                                         analysis::plan_label(plans_[j]), r.passages.size())) +
                 "</h3>\n";
        for (const auto& p : r.passages) {
          body_ += "<div class=\"pair\"><div><span class=\"loc\">" +
                   link(plans_[i].source.path, p.where_a, fmt::format("{} · {}", r.file_a, p.id_a)) +
                   "</span><mark>" + html_escape(p.text_a) + "</mark></div><div><span class=\"loc\">" +
                   link(plans_[j].source.path, p.where_b, fmt::format("{} · {}", r.file_b, p.id_b)) +
                   "</span><mark>" + html_escape(p.text_b) + "</mark></div></div>\n";
        }
      }
    }
  }

  /// Each plan against all the others: what it leaves out, evidence linked on both sides.
  void gaps() {
    section("gaps", "缺口 Gaps");
    paragraph("Each plan against the others: reference measures without a counterpart, themes, indicators and "
              "agency functions the others have and it lacks, weaker targets (docs/gaps.md).");
    for (auto& t : gap_tables(inputs_, options_.gap)) add(options_.gap_rows_per_kind == 0 ? t : strongest_gaps(std::move(t), options_.gap_rows_per_kind));
  }

  /// Two editions of one jurisdiction's plan: what was carried over, dropped, added.
  void editions() {
    const auto pairs = edition_pairs(inputs_);
    if (pairs.empty()) return;
    section("editions", "版本变化 Changes between editions");
    paragraph("Measures carried over (with the passage both editions share), dropped and new; targets "
              "strengthened, weakened, new and dropped; agencies renamed by the institutional reform.");
    for (const auto& t : edition_diff_tables(inputs_)) add(t);
  }

  /// Every linked span as the lines of the source it covers.
  void sources() {
    section("sources", "原文 Sources");
    paragraph("Each linked table cell points here: the original lines holding the bytes it was read from.");
    std::size_t current = std::numeric_limits<std::size_t>::max();
    for (const auto& ref : linked_) {
      const text::document& doc = inputs_[ref.input].document();
      if (ref.input != current) {
        current = ref.input;
        body_ += "<h3>" + html_escape(doc.path) + "</h3>\n";
      }
      const std::uint32_t first = doc.line_number_at(ref.where.begin);
      const std::uint32_t last = doc.line_number_at(ref.where.end > ref.where.begin ? ref.where.end - 1 : ref.where.begin);
      body_ += fmt::format("<div class=\"source\" id=\"{}\"><span class=\"loc\">{} · bytes {}–{} · line {}</span>{}</div>\n",
                           source_anchor(ref.source, ref.where), html_escape(doc.path), ref.where.begin, ref.where.end,
                           first, marked_excerpt(doc, ref.where, first, last));
    }
    body_ += "</section>\n";
  }

  std::span<const source_plan> inputs_;
  const report_options& options_;
  std::vector<plan> plans_;
  std::map<std::string, std::size_t> by_path_;
  std::set<source_ref> linked_;
  std::vector<std::pair<std::string, std::string>> nav_;
  std::string body_;
};

}  // namespace

std::string html_report(std::span<const source_plan> inputs, const report_options& options) {
  return builder(inputs, options).build();
}

}  // namespace plancmp::inline v0::report
