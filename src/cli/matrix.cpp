// SPDX-License-Identifier: MIT
// plancmp matrix: plan × plan similarity tables, one per metric.
#include "cli.hpp"

#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/graph_kernel.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/tagging.hpp>
#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/report/similarity_tables.hpp>

#include <fmt/format.h>

namespace plancmp::cli {
namespace {

int run_matrix(const options& opts) {
  const std::string* metric_text = opts.value("metric");
  const std::string metric = metric_text != nullptr ? *metric_text : "all";
  if (metric != "all" && metric != "text" && metric != "assignment" && metric != "theme" &&
      metric != "agency" && metric != "structure") {
    throw usage_error(fmt::format(
        "--metric takes all, text, assignment, theme, agency or structure, not '{}'", metric));
  }
  const std::string* scheme_name = opts.value("scheme");
  if (scheme_name != nullptr && metric != "all" && metric != "theme")
    throw usage_error(fmt::format("--scheme goes with --metric theme (or all), not --metric {}", metric));
  const std::vector<source_plan> inputs = load_source_plans(opts);
  const std::vector<plan> plans = plans_of(inputs);

  analysis::vectorize_options vectors;
  vectors.threads = opts.threads;
  std::vector<report::table> tables;
  const auto wanted = [&](std::string_view name) { return metric == "all" || metric == name; };
  const auto add = [&](const analysis::plan_matrix& m, const char* note) {
    report::table t = report::to_table(m);
    t.notes.emplace_back(note);
    tables.push_back(std::move(t));
  };
  if (wanted("text")) {
    add(analysis::text_similarity_matrix(plans, vectors),
        "mean best match: for each measure its best cosine (char 2–3-gram tf-idf) in the other plan, "
        "averaged, and the mean of both directions");
  }
  if (wanted("assignment")) {
    add(analysis::text_similarity_matrix(plans, vectors, {}, analysis::assignment_metric(0.2),
                                         "assignment"),
        "assignment: 2 × weight of the best one-to-one measure alignment (cosine ≥ 0.2) / "
        "(measures of both plans); 1 for identical plans");
  }
  if (wanted("theme")) {
    const analysis::tagger tagger(coding_scheme::load(scheme_name != nullptr ? *scheme_name : "ip_value_chain"));
    std::vector<analysis::plan_tagging> taggings;
    taggings.reserve(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) taggings.push_back(tagger.tag(plans[i], inputs[i].document()));
    add(analysis::theme_profile_matrix(analysis::compute_coverage(plans, taggings, tagger.scheme())),
        "theme profile: cosine of the plans' coverage shares (share of measures carrying each theme "
        "of the scheme, as plancmp coverage --view shares); n/a for a plan with no theme");
  }
  if (wanted("structure")) {
    add(analysis::structure_similarity_matrix(plans),
        "normalized WL subtree kernel on the plan graphs: vertex kinds relabeled 3 times by "
        "their neighbourhoods; 1 for plans of the same shape");
  }
  if (wanted("agency")) {
    add(analysis::agency_profile_matrix(plans),
        "cosine of the plans' profiles: measures per canonical agency (lead or support); "
        "n/a for a plan that names no agency (missing, not 0)");
  }
  write_output(opts, render(opts, tables));
  return exit_ok;
}

const registration matrix_command{{
    "matrix",
    "plan × plan similarity: text (mean best match, assignment), theme and agency profiles, structure",
    "usage: plancmp matrix [FILE...] [--metric all|text|assignment|theme|structure|agency]\n"
    "                      [--scheme ip_value_chain|ip_objects|policy_tools|protection_channels|PATH]\n"
    "                      [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "One table per metric, plans as rows and columns:\n"
    "  text        mean best match of the plans' measures (cosine of char 2–3-gram tf-idf, simplified script)\n"
    "  assignment  2 × weight of the best one-to-one measure alignment / measures of both plans\n"
    "  theme       cosine of the plans' theme profiles: coverage shares over the themes of --scheme\n"
    "              (default ip_value_chain; a built-in scheme, JSON scheme or quanteda YAML, as coverage)\n"
    "  structure   Weisfeiler–Lehman subtree kernel on the plan graphs (normalized)\n"
    "  agency      cosine of the plans' agency profiles (canonical agencies, docs/agencies.md)\n\n"
    "examples:\n"
    "  plancmp matrix\n"
    "  plancmp matrix --metric text --format csv --excel -o matrix.csv\n"
    "  plancmp matrix --metric theme --scheme policy_tools\n",
    {"metric", "scheme"},
    {},
    run_matrix,
}};

}  // namespace
}  // namespace plancmp::cli
