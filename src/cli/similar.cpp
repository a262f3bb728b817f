// SPDX-License-Identifier: MIT
// plancmp similar: the most similar measures across plans (exact top-k, pruned top-k, or
// MinHash-LSH near-duplicates), one row per pair with links to both passages.
#include "cli.hpp"

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>

#include <fmt/format.h>

#include <chrono>

namespace plancmp::cli {
namespace {

/// The value of `--name` among named choices, or `fallback` when absent.
template <class T>
T choice(const options& opts, std::string_view name, std::initializer_list<std::pair<std::string_view, T>> choices,
         T fallback) {
  const std::string* given = opts.value(name);
  if (given == nullptr) return fallback;
  std::string names;
  for (const auto& [word, value] : choices) {
    if (word == *given) return value;
    names += (names.empty() ? "" : " or ") + std::string(word);
  }
  throw usage_error(fmt::format("--{} takes {}, not '{}'", name, names, *given));
}

analysis::vectorize_options vector_options(const options& opts) {
  analysis::vectorize_options v;
  v.threads = opts.threads;
  v.features = choice(opts, "features",
                      {{"char", analysis::feature_kind::char_ngrams}, {"words", analysis::feature_kind::words}},
                      analysis::feature_kind::char_ngrams);
  v.weights = choice(opts, "weighting", {{"tfidf", analysis::weighting::tf_idf}, {"bm25", analysis::weighting::bm25}},
                     analysis::weighting::tf_idf);
  v.ngram_min = static_cast<int>(number_option(opts, "ngram-min", 2, 1, 16));
  v.ngram_max = static_cast<int>(number_option(opts, "ngram-max", std::max(3, v.ngram_min), v.ngram_min, 16));
  v.sublinear_tf = opts.has_flag("sublinear");
  return v;
}

analysis::unit_options unit_options(const options& opts) {
  analysis::unit_options u;
  u.goals = opts.has_flag("goals");
  u.box_items = opts.has_flag("boxes");
  return u;
}

report::cell unit_cell(const std::vector<plan>& plans, const analysis::text_unit& u) {
  report::cell c(u.id);
  c.source = plans[u.plan].source.path;
  c.where = u.where;
  return c;
}

int run_similar(const options& opts) {
  const std::string mode = choice<std::string>(opts, "mode", {{"exact", "exact"}, {"pruned", "pruned"}, {"bounded", "bounded"}, {"lsh", "lsh"}},
                                               "exact");
  const auto top_k = static_cast<std::size_t>(number_option(opts, "top-k", 5, 1, 1e6));
  const double threshold = number_option(opts, "threshold", mode == "lsh" ? 0.5 : 0.0, 0, 1);
  if (mode == "bounded" && threshold <= 0.0) throw usage_error("similar: --mode bounded needs --threshold T > 0");
  const bool within = opts.has_flag("within");

  auto inputs = load_inputs(opts);
  const std::vector<plan> plans = parse_all(opts, inputs, {});

  analysis::vectorizer v(vector_options(opts));
  const analysis::plan_vectors pv = analysis::fit_transform_plans(v, plans, unit_options(opts));
  const auto plan_of = pv.row_plans();

  report::table t;
  t.columns = {"plan", "unit", "similar plan", "similar unit", "score"};
  auto add = [&](const analysis::match& m) {
    const auto& a = pv.units[m.query];
    const auto& b = pv.units[m.candidate];
    t.add_row({analysis::plan_label(plans[a.plan]), unit_cell(plans, a), analysis::plan_label(plans[b.plan]),
               unit_cell(plans, b), report::cell(double(m.score), 3)});
  };
  if (mode == "lsh") {
    analysis::lsh_options o;
    o.threshold = threshold;
    o.plans = plan_of;
    o.exclude_same_plan = !within;
    o.threads = opts.threads;
    t.caption = fmt::format("Near-duplicate units (MinHash-LSH, Jaccard ≥ {})", threshold);
    for (const auto& m : analysis::near_duplicates(pv.matrix, o)) add(m);
  } else {
    analysis::similarity_options o;
    o.top_k = top_k;
    o.threshold = threshold;
    o.query_plans = plan_of;
    o.exclude_same_plan = !within;
    o.threads = opts.threads;
    const auto clock = std::chrono::steady_clock::now;
    const auto start = clock();
    const analysis::top_k_result r =
        mode == "exact" ? analysis::top_k_similar(pv.matrix, o)
                        : analysis::top_k_similar_pruned(pv.matrix, o, {.bounds = mode == "bounded"});
    const double seconds = std::chrono::duration<double>(clock() - start).count();
    t.caption = fmt::format("Most similar units ({} top-{}, cosine of char {}–{}-gram tf-idf{})", mode, top_k,
                            v.options().ngram_min, v.options().ngram_max, within ? "" : ", other plans only");
    for (const auto& m : r.matches) add(m);
    if (mode != "exact" && opts.has_flag("recall")) {
      const auto exact_start = clock();
      const auto exact = analysis::top_k_similar(pv.matrix, o);
      const double exact_seconds = std::chrono::duration<double>(clock() - exact_start).count();
      const auto rec = analysis::compare_top_k(exact, r);
      t.notes.push_back(fmt::format(
          "recall against exact mode: {:.4f} ({} of {} pairs; {:.4f} counting ties at the k-th score); "
          "pruned {:.3f} s, exact {:.3f} s",
          rec.recall, rec.found, rec.exact_pairs, rec.score_recall, seconds, exact_seconds));
    }
  }
  t.notes.push_back(fmt::format("{} units of {} plans, {} features; measure texts in simplified script, "
                                "responsibility clauses left out",
                                pv.units.size(), plans.size(), v.vocabulary().size()));
  write_output(opts, render(opts, t));
  return exit_ok;
}

const registration similar_command{{
    "similar",
    "most similar measures across plans: exact or pruned cosine top-k, or MinHash-LSH near-duplicates",
    "usage: plancmp similar [FILE...] [--top-k K] [--threshold T] [--mode exact|pruned|bounded|lsh]\n"
    "                       [--within] [--goals] [--boxes] [--features char|words]\n"
    "                       [--weighting tfidf|bm25] [--ngram-min N] [--ngram-max N] [--sublinear]\n"
    "                       [--recall] [--format md|csv|json|latex|html] [--excel] [-o FILE]\n\n"
    "Vectorizes every measure (and, on request, goal and 专栏 item) of the plans in simplified\n"
    "script without its responsibility clause — character 2–3-grams weighted by tf-idf and\n"
    "L2-normalized by default — and lists each unit's most similar units in other plans.\n"
    "See docs/similarity.md.\n\n"
    "  --top-k K        best matches per unit (default 5)\n"
    "  --threshold T    keep scores above T (cosine; for lsh: Jaccard ≥ T, default 0.5)\n"
    "  --mode M         exact (default), pruned (frequent features capped, best candidates\n"
    "                   rescored exactly), bounded (with --threshold: AllPairs/L2AP prefix and\n"
    "                   norm bounds, the same result as exact) or lsh (MinHash near-duplicates)\n"
    "  --within         also pair units of the same plan\n"
    "  --goals, --boxes also vectorize goals / 专栏 box items\n"
    "  --recall         with --mode pruned|bounded: also run exact mode and report the recall\n\n"
    "examples:\n"
    "  plancmp similar seeds/000_edee8db098a98e76.txt seeds/004_b234aa7c753f2ac8.txt --top-k 1\n"
    "  plancmp similar --mode pruned --recall --format csv -o similar.csv\n",
    {"top-k", "threshold", "mode", "features", "weighting", "ngram-min", "ngram-max"},
    {"within", "goals", "boxes", "sublinear", "recall"},
    run_similar,
}};

}  // namespace
}  // namespace plancmp::cli
