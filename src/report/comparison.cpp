// SPDX-License-Identifier: MIT
#include <plancmp/report/comparison.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/agencies_tables.hpp>
#include <plancmp/report/coverage_tables.hpp>
#include <plancmp/report/gaps_tables.hpp>
#include <plancmp/report/similarity_tables.hpp>
#include <plancmp/text/script.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace plancmp::inline v0::report {
chain_and_tools tag_chain_and_tools(std::span<const source_plan> inputs) {
  chain_and_tools out{analysis::tagger(coding_scheme::builtin("ip_value_chain")),
                      analysis::tagger(coding_scheme::builtin("policy_tools")),
                      {},
                      {}};
  const analysis::tagger* const both[] = {&out.tools, &out.chain};
  for (const auto& in : inputs) {
    auto tags = analysis::tagger::tag_all(both, in.plan(), in.document());
    out.tool_tags.push_back(std::move(tags[0]));
    out.chain_tags.push_back(std::move(tags[1]));
  }
  return out;
}

table summary_table(std::span<const plan> plans) {
  table t;
  t.caption = "Plans";
  t.columns = {"plan",     "file",     "title", "jurisdiction", "level",    "issued",
               "sections", "measures", "goals", "targets",      "agencies", "diagnostics"};
  for (const auto& p : plans) {
    cell title(p.title);
    title.source = p.source.path;
    title.where = p.title_span;
    t.add_row({analysis::plan_label(p), p.source.path, std::move(title),
               p.issuing_jurisdiction.name.empty() ? "—" : p.issuing_jurisdiction.name,
               std::string(to_string(p.issuing_jurisdiction.admin_level)),
               p.issued ? p.issued->to_string() : "—", p.sections().size(), p.measures().size(),
               p.goals().size(), p.targets().size(), p.agencies().size(), p.diagnostics.size()});
  }
  return t;
}

table targets_table(std::span<const plan> plans) {
  table t;
  t.caption = "Quantitative targets";
  t.columns = {"plan",       "indicator", "key",      "value",    "unit",
               "comparator", "year",      "baseline", "stated in"};
  for (const auto& p : plans) {
    for (const auto& tg : p.targets()) {
      cell indicator(tg.indicator);
      indicator.source = p.source.path;
      indicator.where = tg.where;
      t.add_row({analysis::plan_label(p), std::move(indicator), tg.indicator_key, cell(tg.value, 2),
                 tg.unit, std::string(to_string(tg.kind)), tg.year ? cell(*tg.year) : cell(),
                 tg.baseline ? cell(*tg.baseline, 2) : cell(), tg.owner});
    }
  }
  return t;
}

namespace {

// Removes every occurrence of `word` from `s`.
void erase_all(std::string& s, std::string_view word) {
  for (auto at = s.find(word); at != std::string::npos; at = s.find(word, at)) s.erase(at, word.size());
}

// The subject of a plan's title: without place, years, periods and genre words.
std::string series_subject(const plan& p) {
  std::string t = text::simplifier::shared().convert(p.title.empty() ? p.notice_title : p.title).text;
  if (!p.issuing_jurisdiction.name.empty())
    erase_all(t, text::simplifier::shared().convert(p.issuing_jurisdiction.name).text);
  static const std::vector<std::string_view> genre = {
      "关于印发", "的通知", "关于", "印发", "实施方案", "实施意见", "行动方案", "行动计划", "推进计划", "工作方案",
      "工作计划", "发展规划", "专项规划", "规划", "方案", "计划", "意见", "通知", "若干措施", "措施", "全面加强",
      "进一步", "加快", "全面", "加强", "深入实施", "推进", "推动", "促进", "十三五", "十四五", "十五五",
      "“", "”", "《", "》", "(", ")", "（", "）", "—", "-", "－", "年", "的", "和", "与", "及", "全省", "全市", "全区",
      "省", "市", "区", "县"};
  std::string out;
  for (std::size_t i = 0; i < t.size();) {  // digits out (years, periods)
    if (t[i] >= '0' && t[i] <= '9') {
      ++i;
      continue;
    }
    out.push_back(t[i++]);
  }
  for (std::string_view g : genre) erase_all(out, g);
  return out;
}

std::vector<std::string> bigrams(const std::string& s) {
  std::vector<std::string> cps;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4;
    else if (c >= 0xE0) n = 3;
    else if (c >= 0xC0) n = 2;
    cps.push_back(s.substr(i, n));
    i += n;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) out.push_back(cps[i] + cps[i + 1]);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_department(const std::string& issuer) {
  // A government (人民政府, the same in both scripts) or a party committee (中共…) issues plans of
  // every subject; only a department (局, 委, 厅) owns a series of its own.
  return !issuer.empty() && issuer.find("人民政府") == std::string::npos && issuer.find("中共") == std::string::npos;
}

std::string issuing_body(std::string issuer) {
  for (std::string_view office : {"办公厅", "办公室"}) erase_all(issuer, office);
  return text::simplifier::shared().convert(issuer).text;
}

}  // namespace

bool same_series(const plan& a, const plan& b) {
  const auto x = bigrams(series_subject(a));
  const auto y = bigrams(series_subject(b));
  if (x.empty() || y.empty()) return false;
  std::vector<std::string> both;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
  return static_cast<double>(both.size()) >= 0.6 * static_cast<double>(std::min(x.size(), y.size()));
}

std::vector<std::pair<std::size_t, std::size_t>> edition_pairs(std::span<const source_plan> inputs) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t j = i + 1; j < inputs.size(); ++j) {
      const plan& a = inputs[i].plan();
      const plan& b = inputs[j].plan();
      if (a.issuing_jurisdiction.name.empty() ||
          a.issuing_jurisdiction.name != b.issuing_jurisdiction.name ||
          a.issuing_jurisdiction.admin_level != b.issuing_jurisdiction.admin_level || !a.issued ||
          !b.issued || a.issued->year == b.issued->year)
        continue;
      // Two departments (商务局, 工信局) own different series; a government issues them all,
      // and a department may draft a government plan (a 函 for comment).
      if (is_department(a.issuer) && is_department(b.issuer) && issuing_body(a.issuer) != issuing_body(b.issuer))
        continue;
      if (!same_series(a, b)) continue;
      out.emplace_back(a.issued->year < b.issued->year ? std::pair{i, j} : std::pair{j, i});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<table> gap_tables(std::span<const source_plan> inputs,
                              const analysis::gap_options& options) {
  std::vector<table> out;
  if (inputs.size() < 2) return out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<source_plan> others;
    for (std::size_t j = 0; j < inputs.size(); ++j)
      if (j != i) others.push_back(inputs[j]);
    out.push_back(report::to_table(analysis::gaps_against(inputs[i], others, options)));
  }
  return out;
}

std::vector<table> edition_diff_tables(std::span<const source_plan> inputs,
                                       const analysis::plan_alignment_options& options,
                                       const std::vector<std::vector<std::size_t>>& series) {
  std::vector<table> out;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (series.empty()) pairs = edition_pairs(inputs);
  for (std::vector<std::size_t> editions : series) {
    for (std::size_t k : editions)
      if (k >= inputs.size())
        throw usage_error(fmt::format("series: input {} does not exist ({} inputs)", k + 1, inputs.size()));
    // In order of issue where both dates are known, else as listed.
    std::stable_sort(editions.begin(), editions.end(), [&](std::size_t x, std::size_t y) {
      const plan& a = inputs[x].plan();
      const plan& b = inputs[y].plan();
      return a.issued && b.issued && *a.issued < *b.issued;
    });
    for (std::size_t k = 1; k < editions.size(); ++k) pairs.emplace_back(editions[k - 1], editions[k]);
  }
  for (const auto& [old_edition, new_edition] : pairs)
    out.push_back(report::to_table(analysis::diff_plans(inputs[old_edition], inputs[new_edition], options)));
  return out;
}

std::vector<table> comparison(std::span<const source_plan> inputs, const comparison_options& options) {
  const std::vector<plan> plans = plans_of(inputs);
  std::vector<table> out;
  out.push_back(summary_table(plans));

  // Similarity: for each measure its best cosine (character 2–3-gram tf-idf, simplified
  // script) in the other plan, averaged both ways.
  if (plans.size() > 1) {
    analysis::vectorize_options vectors;
    vectors.threads = options.threads;
    out.push_back(report::to_table(analysis::text_similarity_matrix(plans, vectors)));
  }

  // Coverage by the IP value chain and by Rothwell & Zegveld's policy tools, tagged in one
  // pass per plan, and the two crossed (summed over the plans).
  const auto tags = tag_chain_and_tools(inputs);
  out.push_back(
      report::to_table(analysis::compute_coverage(plans, tags.chain_tags, tags.chain.scheme()),
                         analysis::coverage_view::shares));
  out.push_back(
      report::to_table(analysis::compute_coverage(plans, tags.tool_tags, tags.tools.scheme()),
                         analysis::coverage_view::shares));
  out.push_back(
      report::to_table(analysis::compute_tools_by_chain(tags.tool_tags, tags.tools.scheme(),
                                                          tags.chain_tags, tags.chain.scheme()),
                         std::numeric_limits<std::size_t>::max()));

  out.push_back(targets_table(plans));
  out.push_back(report::to_table(analysis::compare_agency_functions(plans)));

  if (options.gaps)
    for (auto& t : gap_tables(inputs, options.gap)) out.push_back(std::move(t));
  if (options.editions) {
    auto alignment = options.alignment;
    if (alignment.vectors.threads == 0) alignment.vectors.threads = options.threads;
    for (auto& t : edition_diff_tables(inputs, alignment, options.series)) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace plancmp::inline v0::report
