// SPDX-License-Identifier: MIT
// plancmp coverage: measures tagged against a coding scheme, plan × theme coverage
// (counts, shares, presence, evidence), the difference of two plans, the policy-tools ×
// value-chain table, and coverage by targets and by agencies.
#include "cli.hpp"

#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/coverage_tables.hpp>

#include <fmt/format.h>

#include <limits>
#include <optional>

namespace plancmp::cli {
namespace {

report::table diagnostics_table(std::span<const source_plan> inputs,
                                const std::vector<analysis::plan_tagging>& taggings) {
  report::table t;
  t.caption = fmt::format("Tagging diagnostics: {}", taggings.empty() ? "" : taggings.front().scheme);
  t.columns = {"file", "line", "code", "message"};
  for (std::size_t i = 0; i < taggings.size(); ++i) {
    for (const auto& d : taggings[i].diagnostics) {
      report::cell where(static_cast<std::int64_t>(d.line));
      where.source = inputs[i].plan().source.path;
      where.where = d.where;
      t.add_row({inputs[i].plan().source.path, std::move(where), d.code, d.message});
    }
  }
  return t;
}

int run_coverage(const options& opts) {
  const std::string* matrix = opts.value("matrix");
  if (matrix != nullptr && *matrix != "tools-by-chain")
    throw usage_error(fmt::format("--matrix takes tools-by-chain, not '{}'", *matrix));
  const std::string* view_name = opts.value("view");
  std::vector<analysis::coverage_view> views;
  if (view_name == nullptr) {
    views = {analysis::coverage_view::counts, analysis::coverage_view::shares};
  } else if (*view_name == "all") {
    views = {analysis::coverage_view::counts, analysis::coverage_view::shares, analysis::coverage_view::presence,
             analysis::coverage_view::evidence};
  } else {
    views = {analysis::parse_coverage_view(*view_name)};
  }
  const std::string* by = opts.value("by");
  if (by != nullptr && *by != "targets" && *by != "agencies")
    throw usage_error(fmt::format("--by takes targets or agencies, not '{}'", *by));

  const std::vector<source_plan> inputs = load_source_plans(opts);
  const std::vector<plan> plans = plans_of(inputs);
  const auto tag_all = [&](const analysis::tagger& t) {
    std::vector<analysis::plan_tagging> out;
    for (const source_plan& in : inputs) out.push_back(t.tag(in.plan(), in.document()));
    return out;
  };

  std::vector<report::table> tables;
  // --codes SHEET: a (corrected, human) coding sheet drives the tables instead of the tagger.
  std::optional<analysis::coding_sheet> sheet;
  if (const std::string* codes = opts.value("codes")) sheet = analysis::coding_sheet::from_file(*codes);
  const auto from_sheet = [&](const coding_scheme& s) {
    std::vector<analysis::plan_tagging> out;
    for (const plan& p : plans) out.push_back(analysis::tagging_from_sheet(*sheet, p, s));
    return out;
  };
  if (matrix != nullptr) {
    const analysis::tagger tools(coding_scheme::builtin("policy_tools"));
    const analysis::tagger chain(coding_scheme::builtin("ip_value_chain"));
    const analysis::tagger* const both[] = {&tools, &chain};
    std::vector<analysis::plan_tagging> tool_tags, chain_tags;
    if (sheet) {
      tool_tags = from_sheet(tools.scheme());
      chain_tags = from_sheet(chain.scheme());
    } else {
      for (std::size_t i = 0; i < plans.size(); ++i) {
        auto tags = analysis::tagger::tag_all(both, inputs[i].plan(), inputs[i].document());
        tool_tags.push_back(std::move(tags[0]));
        chain_tags.push_back(std::move(tags[1]));
      }
    }
    const auto t = analysis::compute_tools_by_chain(tool_tags, tools.scheme(), chain_tags, chain.scheme());
    for (std::size_t p = 0; p < t.plans.size(); ++p) tables.push_back(report::to_table(t, p));
    if (t.plans.size() > 1) tables.push_back(report::to_table(t, std::numeric_limits<std::size_t>::max()));
    write_output(opts, render(opts, tables));
    return exit_ok;
  }

  const std::string* scheme_name = opts.value("scheme");
  const analysis::tagger tg(coding_scheme::load(scheme_name != nullptr ? *scheme_name : "ip_value_chain"));
  const coding_scheme scheme = sheet ? analysis::scheme_for_sheet(*sheet, tg.scheme()) : tg.scheme();
  const auto taggings = sheet ? from_sheet(tg.scheme()) : tag_all(tg);
  analysis::coverage_options copts;
  copts.include_goals = opts.has_flag("goals");
  const auto m = analysis::compute_coverage(plans, taggings, scheme, copts);
  if (by != nullptr && *by == "targets") {
    tables.push_back(report::to_table(analysis::compute_target_coverage(plans, tg)));
  } else if (by != nullptr) {
    tables.push_back(report::to_table(analysis::compute_agency_coverage(plans, taggings, scheme)));
  } else {
    for (const auto v : views) tables.push_back(report::to_table(m, v));
  }
  if (opts.has_flag("diff")) {
    if (plans.size() != 2) throw usage_error(fmt::format("--diff compares two plans; {} were given", plans.size()));
    tables.push_back(report::to_table(analysis::compare_coverage(m, 0, 1)));
  }
  if (opts.has_flag("diagnostics")) tables.push_back(diagnostics_table(inputs, taggings));
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration coverage_command{{
    "coverage",
    "tag measures with a coding scheme's themes; plan × theme coverage, tools × value chain",
    "usage: plancmp coverage [FILE...] [--scheme ip_value_chain|ip_objects|policy_tools|protection_channels|PATH]\n"
    "                        [--view counts|shares|presence|evidence|all] [--goals] [--diff]\n"
    "                        [--by targets|agencies] [--matrix tools-by-chain] [--diagnostics]\n"
    "                        [--codes SHEET]\n"
    "                        [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Tags every measure with the themes of a coding scheme (multi-label, each label with the\n"
    "matched phrase and its bytes; docs/coverage.md) and prints plan × theme coverage.\n\n"
    "  --scheme NAME|PATH  a built-in scheme (default ip_value_chain), a JSON scheme\n"
    "                      (plancmp.coding_scheme/1) or a quanteda YAML dictionary (.yml)\n"
    "  --view V            counts, shares, presence, evidence or all (default: counts and shares)\n"
    "  --goals             count goals as well as measures\n"
    "  --diff              with two FILEs: theme-by-theme difference of their coverage\n"
    "  --by targets        themes quantified by each plan's targets\n"
    "  --by agencies       measures each canonical agency leads/supports, per theme\n"
    "  --matrix tools-by-chain  policy tools × value-chain stages, per plan and summed\n"
    "  --diagnostics       units no theme reached, with why\n"
    "  --codes SHEET       take the codes from a coding sheet (.json or the .csv of plancmp codes,\n"
    "                      corrected by a person) instead of the tagger: ip_value_chain,\n"
    "                      policy_tools (tool types) and --matrix; tables name the coder\n\n"
    "examples:\n"
    "  plancmp coverage --scheme policy_tools --view all\n"
    "  plancmp coverage --matrix tools-by-chain --format xlsx -o tools.xlsx\n"
    "  plancmp coverage --matrix tools-by-chain --format latex -o tools.tex  # booktabs; docs/report.md\n"
    "  plancmp coverage seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt --diff\n"
    "  plancmp coverage --scheme my_dictionary.yml\n",
    {"scheme", "view", "by", "matrix", "codes"},
    {"goals", "diff", "diagnostics"},
    run_coverage,
}};

}  // namespace
}  // namespace plancmp::cli
