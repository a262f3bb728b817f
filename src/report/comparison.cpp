// SPDX-License-Identifier: MIT
#include <plancmp/report/comparison.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace plancmp::inline v0::report {
namespace {

void check(std::span<const report_input> inputs) {
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i].document == nullptr || inputs[i].parsed == nullptr)
      throw usage_error(fmt::format("comparison: input {} has no document or plan", i + 1));
}

std::vector<plan> plans_of(std::span<const report_input> inputs) {
  std::vector<plan> out;
  out.reserve(inputs.size());
  for (const auto& in : inputs) out.push_back(*in.parsed);
  return out;
}

}  // namespace

chain_and_tools tag_chain_and_tools(std::span<const report_input> inputs) {
  check(inputs);
  chain_and_tools out{analysis::tagger(coding_scheme::builtin("ip_value_chain")),
                      analysis::tagger(coding_scheme::builtin("policy_tools")),
                      {},
                      {}};
  const analysis::tagger* const both[] = {&out.tools, &out.chain};
  for (const auto& in : inputs) {
    auto tags = analysis::tagger::tag_all(both, *in.parsed, *in.document);
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
               p.issued ? p.issued->to_string() : "—", p.sections.size(), p.measures.size(),
               p.goals.size(), p.targets.size(), p.agencies.size(), p.diagnostics.size()});
  }
  return t;
}

table targets_table(std::span<const plan> plans) {
  table t;
  t.caption = "Quantitative targets";
  t.columns = {"plan",       "indicator", "key",      "value",    "unit",
               "comparator", "year",      "baseline", "stated in"};
  for (const auto& p : plans) {
    for (const auto& tg : p.targets) {
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

std::vector<std::pair<std::size_t, std::size_t>> edition_pairs(std::span<const report_input> inputs) {
  check(inputs);
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    for (std::size_t j = i + 1; j < inputs.size(); ++j) {
      const plan& a = *inputs[i].parsed;
      const plan& b = *inputs[j].parsed;
      if (a.issuing_jurisdiction.name.empty() ||
          a.issuing_jurisdiction.name != b.issuing_jurisdiction.name ||
          a.issuing_jurisdiction.admin_level != b.issuing_jurisdiction.admin_level || !a.issued ||
          !b.issued || a.issued->year == b.issued->year)
        continue;
      out.emplace_back(a.issued->year < b.issued->year ? std::pair{i, j} : std::pair{j, i});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<table> gap_tables(std::span<const report_input> inputs,
                              const analysis::gap_options& options) {
  check(inputs);
  std::vector<table> out;
  if (inputs.size() < 2) return out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<text::document> docs;
    std::vector<plan> plans;
    for (std::size_t j = 0; j < inputs.size(); ++j)
      if (j != i) docs.push_back(*inputs[j].document), plans.push_back(*inputs[j].parsed);
    out.push_back(analysis::to_table(
        analysis::gaps_against(*inputs[i].document, *inputs[i].parsed, docs, plans, options)));
  }
  return out;
}

std::vector<table> edition_diff_tables(std::span<const report_input> inputs,
                                       const analysis::plan_alignment_options& options) {
  std::vector<table> out;
  for (const auto& [old_edition, new_edition] : edition_pairs(inputs))
    out.push_back(analysis::to_table(
        analysis::diff_plans(*inputs[old_edition].document, *inputs[old_edition].parsed,
                             *inputs[new_edition].document, *inputs[new_edition].parsed, options)));
  return out;
}

std::vector<table> comparison(std::span<const report_input> inputs, const comparison_options& options) {
  check(inputs);
  const std::vector<plan> plans = plans_of(inputs);
  std::vector<table> out;
  out.push_back(summary_table(plans));

  // Similarity: for each measure its best cosine (character 2–3-gram tf-idf, simplified
  // script) in the other plan, averaged both ways.
  if (plans.size() > 1) {
    analysis::vectorize_options vectors;
    vectors.threads = options.threads;
    out.push_back(analysis::to_table(analysis::text_similarity_matrix(plans, vectors)));
  }

  // Coverage by the IP value chain and by Rothwell & Zegveld's policy tools, tagged in one
  // pass per plan, and the two crossed (summed over the plans).
  const auto tags = tag_chain_and_tools(inputs);
  out.push_back(
      analysis::to_table(analysis::compute_coverage(plans, tags.chain_tags, tags.chain.scheme()),
                         analysis::coverage_view::shares));
  out.push_back(
      analysis::to_table(analysis::compute_coverage(plans, tags.tool_tags, tags.tools.scheme()),
                         analysis::coverage_view::shares));
  out.push_back(
      analysis::to_table(analysis::compute_tools_by_chain(tags.tool_tags, tags.tools.scheme(),
                                                          tags.chain_tags, tags.chain.scheme()),
                         std::numeric_limits<std::size_t>::max()));

  out.push_back(targets_table(plans));
  out.push_back(analysis::to_table(analysis::compare_agency_functions(plans)));

  if (options.gaps)
    for (auto& t : gap_tables(inputs, options.gap)) out.push_back(std::move(t));
  if (options.editions) {
    auto alignment = options.alignment;
    if (alignment.vectors.threads == 0) alignment.vectors.threads = options.threads;
    for (auto& t : edition_diff_tables(inputs, alignment)) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace plancmp::inline v0::report
