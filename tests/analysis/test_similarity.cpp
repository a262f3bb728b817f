// SPDX-License-Identifier: MIT
// Top-k search, pruning, MinHash-LSH and plan matrices: differential tests against the
// brute-force references on random matrices and on the seeds, and the known answers of
// issue 7 (Ningbo 2020 (十八) ↔ Ningbo 2017 三.(一).3, Hengshui's 专栏1).
#include <plancmp/analysis/similarity.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/similarity_tables.hpp>

#include <plancmp/detail/parallel.hpp>
#include "reference/similarity_reference.hpp"
#include "support/parsed.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <stdexcept>

using namespace plancmp;
using namespace plancmp::analysis;

namespace {

/// A random sparse matrix, rows L2-normalized, with a few exact and near copies.
csr_matrix random_matrix(std::size_t rows, std::size_t columns, std::size_t per_row, unsigned seed) {
  std::mt19937 rng(seed);
  // Skewed columns, as with n-grams: a few features are in most rows.
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto col = [&](std::mt19937& g) {
    const double x = unit(g);
    return static_cast<std::uint32_t>(double(columns - 1) * x * x * x);
  };
  std::uniform_int_distribution<int> weight(1, 4);  // small integers: many tied scores
  csr_matrix m;
  m.columns = columns;
  std::vector<std::map<std::uint32_t, float>> kept;
  for (std::size_t r = 0; r < rows; ++r) {
    std::map<std::uint32_t, float> row;
    if (r >= 3 && r % 7 == 0) {
      row = kept[r / 2];  // a copy, lightly edited
      if (r % 2 == 0) row[col(rng)] = float(weight(rng));
    } else {
      for (std::size_t i = 0; i < per_row; ++i) row[col(rng)] = float(weight(rng));
    }
    kept.push_back(row);
    std::vector<std::uint32_t> c;
    std::vector<float> v;
    for (const auto& [k, x] : row) c.push_back(k), v.push_back(x);
    m.push_row(c, v);
  }
  normalize_rows(m);
  return m;
}

/// The result equals the brute-force one: same scores in the same order, and each
/// candidate's score is its true cosine (which candidate wins a tie at equal scores is
/// fixed by index in both).
void check_against_reference(const top_k_result& got, const std::vector<std::vector<reference::scored>>& want,
                             const csr_matrix& q, const csr_matrix& c) {
  REQUIRE(got.queries == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto row = got.of(i);
    CAPTURE(i);
    std::string w;
    for (auto& x : want[i]) w += fmt::format("{}:{:.9f} ", x.candidate, x.score);
    std::string g;
    for (auto& x : row) g += fmt::format("{}:{:.9f} ", x.candidate, x.score);
    CAPTURE(w);
    CAPTURE(g);
    REQUIRE(row.size() == want[i].size());
    for (std::size_t j = 0; j < row.size(); ++j) {
      CHECK(row[j].query == i);
      CHECK(row[j].score == doctest::Approx(want[i][j].score).epsilon(1e-5));
      CHECK(row[j].score == doctest::Approx(row_dot(q, i, c, row[j].candidate)).epsilon(1e-5));
    }
  }
}

using test::seed_plan;

}  // namespace

TEST_CASE("exact top-k equals brute force on random matrices, for every thread count") {
  for (const unsigned seed : {1U, 2U, 3U}) {
    const csr_matrix m = random_matrix(300, 120, 8, seed);
    std::vector<std::uint32_t> plan_of(m.rows());
    for (std::size_t r = 0; r < m.rows(); ++r) plan_of[r] = static_cast<std::uint32_t>(r / 25);
    for (const std::size_t k : {std::size_t{1}, std::size_t{5}, std::size_t{40}}) {
      for (const double threshold : {0.0, 0.3141}) {
        for (const bool same_plan : {false, true}) {
          similarity_options o;
          o.top_k = k;
          o.threshold = threshold;
          o.query_plans = plan_of;
          o.exclude_same_plan = same_plan;
          const auto want = reference::brute_force_top_k(m, m, k, threshold, [&](std::size_t a, std::size_t b) {
            return a == b || (same_plan && plan_of[a] == plan_of[b]);
          });
          o.threads = 1;
          const top_k_result one = top_k_similar(m, o);
          check_against_reference(one, want, m, m);
          for (const unsigned threads : {2U, 3U, 8U}) {
            o.threads = threads;
            CHECK(top_k_similar(m, o).matches == one.matches);
          }
          // Pruning that caps nothing is exact.
          pruning_options none;
          none.max_df_fraction = 1.0;
          none.rescore_factor = 1000;
          CHECK(top_k_similar_pruned(m, o, none).matches == one.matches);
        }
      }
    }
  }
}

TEST_CASE("row blocks of one corpus (query_row_offset) concatenate to the whole-corpus result") {
  const csr_matrix m = random_matrix(230, 90, 7, 11);
  std::vector<std::uint32_t> plan_of(m.rows());
  for (std::size_t r = 0; r < m.rows(); ++r) plan_of[r] = static_cast<std::uint32_t>(r / 20);
  const auto rows = [&](std::size_t begin, std::size_t end) {
    csr_matrix block;
    block.columns = m.columns;
    for (std::size_t r = begin; r < end; ++r) block.push_row(m.row_columns(r), m.row_values(r));
    return block;
  };
  for (const bool same_plan : {false, true}) {
    CAPTURE(same_plan);
    similarity_options o;
    o.top_k = 4;
    o.query_plans = plan_of;
    o.exclude_same_plan = same_plan;
    o.threads = 2;
    const top_k_result whole = top_k_similar(m, o);
    const top_k_result whole_pruned = top_k_similar_pruned(m, o);
    std::vector<match> exact, pruned;
    for (std::size_t begin = 0; begin < m.rows(); begin += 64) {
      const std::size_t end = std::min(m.rows(), begin + 64);
      similarity_options b = o;
      b.query_row_offset = begin;
      const top_k_result r = top_k_similar(rows(begin, end), m, b);
      CHECK(r.queries == end - begin);
      exact.insert(exact.end(), r.matches.begin(), r.matches.end());
      const top_k_result p = top_k_similar_pruned(rows(begin, end), m, b);
      pruned.insert(pruned.end(), p.matches.begin(), p.matches.end());
    }
    CHECK(exact == whole.matches);
    CHECK(pruned == whole_pruned.matches);
  }
  similarity_options bad;
  bad.query_row_offset = 200;
  CHECK_THROWS_WITH_AS((void)top_k_similar(rows(0, 64), m, bad),
                       "top-k search: query_row_offset 200 with 64 query rows does not fit a corpus of 230 rows",
                       usage_error);
  CHECK_THROWS_AS((void)top_k_similar(m, bad), usage_error);
}

TEST_CASE("between two corpora") {
  const csr_matrix a = random_matrix(50, 60, 6, 7);
  const csr_matrix b = random_matrix(80, 60, 6, 8);
  const auto want = reference::brute_force_top_k(a, b, 3, 0.0, [](std::size_t, std::size_t) { return false; });
  similarity_options o;
  o.top_k = 3;
  check_against_reference(top_k_similar(a, b, o), want, a, b);
  csr_matrix narrow = b;
  narrow.columns = 59;
  CHECK_THROWS_WITH_AS((void)top_k_similar(a, narrow, o),
                       "top-k search: queries have 60 columns and the corpus 59; vectorize both with one vectorizer",
                       usage_error);
}

TEST_CASE("pruned mode reports its recall against exact mode") {
  const csr_matrix m = random_matrix(2000, 400, 12, 11);
  similarity_options o;
  o.top_k = 10;
  const top_k_result exact = top_k_similar(m, o);
  pruning_options p;
  p.max_df_fraction = 0.05;
  p.min_capped_df = 1;
  const top_k_result pruned = top_k_similar_pruned(m, o, p);
  const recall_report rec = compare_top_k(exact, pruned);
  MESSAGE(fmt::format("pruned recall {:.3f} (score recall {:.3f}) of {} pairs", rec.recall, rec.score_recall,
                      rec.exact_pairs));
  CHECK(rec.exact_pairs == exact.matches.size());
  CHECK(rec.recall <= rec.score_recall);
  CHECK(rec.score_recall <= 1.0);
  CHECK(compare_top_k(exact, exact).recall == 1.0);
  // Planted copies (every 7th row copies row r/2) are found by the pruned search.
  std::size_t planted = 0;
  std::size_t found = 0;
  for (std::size_t r = 7; r < m.rows(); r += 7) {
    ++planted;
    const auto row = pruned.of(r);
    found += std::any_of(row.begin(), row.end(), [&](const match& x) { return x.candidate == r / 2; });
  }
  CHECK(double(found) / double(planted) >= 0.99);
}

TEST_CASE("pruning with a threshold (prefix and norm bounds) equals exact mode and brute force") {
  // The default cap would drop features in > 0.2% of rows; with a threshold the bounds
  // decide instead, and nothing above the threshold may be lost.
  pruning_options p;
  p.min_capped_df = 1;
  p.bounds = true;
  for (const unsigned seed : {21U, 22U}) {
    const csr_matrix m = random_matrix(600, 200, 10, seed);
    const csr_matrix other = random_matrix(150, 200, 10, seed + 100);
    std::vector<std::uint32_t> plan_of(m.rows());
    for (std::size_t r = 0; r < m.rows(); ++r) plan_of[r] = static_cast<std::uint32_t>(r / 30);
    for (const double threshold : {0.0513, 0.2113, 0.4567, 0.7891}) {  // no exact ties at the threshold
      for (const bool same_plan : {false, true}) {
        similarity_options o;
        o.top_k = 7;
        o.threshold = threshold;
        o.query_plans = plan_of;
        o.exclude_same_plan = same_plan;
        o.threads = 2;
        const top_k_result exact = top_k_similar(m, o);
        const top_k_result bounded = top_k_similar_pruned(m, o, p);
        CHECK(bounded.matches == exact.matches);
        check_against_reference(bounded,
                                reference::brute_force_top_k(m, m, 7, threshold, [&](std::size_t a, std::size_t b) {
                                  return a == b || (same_plan && plan_of[a] == plan_of[b]);
                                }),
                                m, m);
      }
      similarity_options between;
      between.top_k = 5;
      between.threshold = threshold;
      CHECK(top_k_similar_pruned(other, m, between, p).matches == top_k_similar(other, m, between).matches);
    }
  }
  // On the seeds' measures.
  std::vector<plan> plans;
  for (const auto& name : test::seed_names()) plans.push_back(seed_plan(name));
  vectorizer v;
  const plan_vectors pv = fit_transform_plans(v, plans);
  for (const double threshold : {0.1, 0.3, 0.6}) {
    similarity_options o;
    o.top_k = 10;
    o.threshold = threshold;
    CHECK(top_k_similar_pruned(pv.matrix, o, {.bounds = true}).matches == top_k_similar(pv.matrix, o).matches);
    pruning_options cap_only;
    cap_only.bounds = false;  // the heuristic cap alone may lose pairs, never invent them
    const recall_report r = compare_top_k(top_k_similar(pv.matrix, o), top_k_similar_pruned(pv.matrix, o, cap_only));
    CHECK(r.recall <= 1.0);
  }
}

TEST_CASE("MinHash-LSH finds planted near-duplicates; Jaccard equals the reference") {
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::uint32_t> col(0, 99999);
  csr_matrix m;
  m.columns = 100000;
  std::vector<std::vector<std::uint32_t>> rows;
  for (std::size_t r = 0; r < 1000; ++r) {
    std::set<std::uint32_t> s;
    if (r % 10 == 9) {
      s.insert(rows[r - 5].begin(), rows[r - 5].end());  // a near copy of row r − 5
      s.erase(s.begin());
      s.insert(col(rng));
    } else {
      while (s.size() < 60) s.insert(col(rng));
    }
    rows.emplace_back(s.begin(), s.end());
    const std::vector<float> ones(s.size(), 1.0F);
    m.push_row(rows.back(), ones);
  }
  lsh_options o;
  o.threshold = 0.8;
  const auto pairs = near_duplicates(m, o);
  std::set<std::pair<std::uint32_t, std::uint32_t>> got;
  for (const match& x : pairs) {
    got.emplace(x.query, x.candidate);
    CHECK(x.score == doctest::Approx(reference::brute_force_jaccard(m, x.query, x.candidate)));
    CHECK(x.score >= 0.8);
  }
  for (std::uint32_t r = 9; r < 1000; r += 10) CHECK(got.count({r - 5, r}) == 1);
  o.threads = 1;
  CHECK(near_duplicates(m, o) == pairs);  // deterministic
  o.bands = 5;
  CHECK_THROWS_AS((void)near_duplicates(m, o), usage_error);
}

TEST_CASE("worker exceptions reach the caller") {
  CHECK_THROWS_WITH_AS(plancmp::detail::for_each_block(1000, 10, 4,
                                                       [](std::size_t begin, std::size_t, unsigned) {
                                                         if (begin == 500) throw std::runtime_error("block 500");
                                                       }),
                       "block 500", std::runtime_error);
}

TEST_CASE("for_each_index: every index once, each failure kept at its index") {
  for (unsigned threads : {1U, 3U}) {
    std::vector<int> runs(100, 0);
    std::size_t afters = 0;
    const auto errors = plancmp::detail::for_each_index(
        100, threads,
        [&](std::size_t i) {
          ++runs[i];
          if (i % 25 == 7) throw std::runtime_error("item " + std::to_string(i));
        },
        [&](std::size_t) { ++afters; });
    CHECK(std::count(runs.begin(), runs.end(), 1) == 100);
    CHECK(afters == 100);
    REQUIRE(errors.size() == 100);
    std::vector<std::size_t> failed;
    for (std::size_t i = 0; i < errors.size(); ++i) {
      if (errors[i]) failed.push_back(i);
    }
    CHECK(failed == std::vector<std::size_t>{7, 32, 57, 82});
    CHECK_THROWS_WITH_AS(std::rethrow_exception(errors[32]), "item 32", std::runtime_error);
  }
}

TEST_CASE("known answers on the seeds") {
  vectorizer v;
  unit_options units;
  units.box_items = true;

  SUBCASE("Ningbo 2020 (十八) and Ningbo 2017 三.(一).3 are each other's top match") {
    const std::vector<plan> plans{seed_plan(test::ningbo_2020), seed_plan(test::ningbo_2017)};
    const plan_vectors pv = fit_transform_plans(v, plans);
    const auto plan_of = pv.row_plans();
    similarity_options o;
    o.top_k = 1;
    o.query_plans = plan_of;
    o.exclude_same_plan = true;
    const top_k_result best = top_k_similar(pv.matrix, o);
    auto row_of = [&](std::uint32_t p, const std::string& id) {
      for (std::size_t r = 0; r < pv.units.size(); ++r)
        if (pv.units[r].plan == p && pv.units[r].id == id) return r;
      FAIL("no unit " << id);
      return std::size_t{0};
    };
    const std::size_t a = row_of(0, "五.(十八)");
    const std::size_t b = row_of(1, "三.(一).3");
    REQUIRE(best.of(a).size() == 1);
    REQUIRE(best.of(b).size() == 1);
    CHECK(pv.units[best.of(a)[0].candidate].id == "三.(一).3");
    CHECK(pv.units[best.of(b)[0].candidate].id == "五.(十八)");
    MESSAGE(fmt::format("cosine {:.3f}", best.of(a)[0].score));
  }
  SUBCASE("Hengshui's 专栏1 items match 四.(一).1, 四.(一).2 and 四.(二)") {
    const plan& h = seed_plan(test::hengshui);
    const plan_vectors pv = fit_transform_plans(v, std::span<const plan>(&h, 1), units);
    similarity_options o;
    o.top_k = 1;
    const top_k_result best = top_k_similar(pv.matrix, o);
    std::set<std::string> matched;
    for (std::size_t r = 0; r < pv.units.size(); ++r) {
      if (pv.units[r].kind != unit_kind::box_item || pv.units[r].id.rfind("专栏1.", 0) != 0) continue;
      REQUIRE(best.of(r).size() == 1);
      const text_unit& m = pv.units[best.of(r)[0].candidate];
      CHECK(m.kind == unit_kind::measure);
      // Item 4 (开展商标品牌培育行动) restates no measure: its best match is weak.
      if (best.of(r)[0].score >= 0.5F) matched.insert(m.id);
    }
    CHECK(matched == std::set<std::string>{"四.(一).1", "四.(一).2", "四.(二)"});
  }
}

TEST_CASE("plan matrices") {
  std::vector<plan> plans;
  for (const auto& name : test::seed_names()) plans.push_back(seed_plan(name));
  const plan_matrix text = text_similarity_matrix(plans);
  REQUIRE(text.score.size() == 5);
  for (std::size_t a = 0; a < 5; ++a) {
    CHECK(text.score[a][a] == doctest::Approx(1.0).epsilon(1e-5));
    for (std::size_t b = 0; b < 5; ++b) {
      CHECK(text.score[a][b] == doctest::Approx(text.score[b][a]).epsilon(1e-5));  // symmetric metric
      CHECK(text.score[a][b] <= 1.0 + 1e-9);
    }
  }
  // The two Ningbo plans share whole sentences: closer to each other than Ningbo 2017 to Gansu.
  CHECK(text.score[0][4] > text.score[4][2]);
  const plan_matrix agencies = agency_profile_matrix(plans);
  CHECK(is_missing(agencies.score[0][0]));  // Ningbo 2020 names no agencies: n/a, not 0
  CHECK(is_missing(agencies.score[0][1]));
  CHECK(agencies.score[1][1] == doctest::Approx(1.0));
  CHECK(agencies.score[1][3] > 0.0);
  const report::table t = report::to_table(agencies);
  CHECK(t.columns.size() == 6);
  CHECK(t.rows.size() == 5);
  CHECK(t.rows[0][1].text() == "n/a");
  CHECK(text.weighting == "pair-local idf");
  // A pair's score does not depend on the other plans of the run (pair-local idf).
  const std::vector<plan> pair = {plans[0], plans[1]};
  const std::vector<plan> trio = {plans[0], plans[1], plans[3]};
  CHECK(text_similarity_matrix(pair).score[0][1] == text.score[0][1]);
  CHECK(text_similarity_matrix(trio).score[0][1] == text.score[0][1]);
  CHECK(text_similarity_matrix(trio, {}, {}, mean_best_match, "m", idf_scope::run).weighting == "run idf");
  // The hook: any block reduction plugs in.
  const plan_matrix first = text_similarity_matrix(
      plans, {}, {}, [](const std::vector<std::vector<double>>& b) { return b.empty() ? 0.0 : double(b.size()); },
      "rows");
  CHECK(first.score[2][0] == double(plans[2].measures().size()));
}

TEST_CASE("theme profile matrix: cosine of coverage shares") {
  // By hand: a = (1/3, 1/3, 1/3, 0), b = (1/2, 0, 0, 0), c = nothing tagged.
  coverage_matrix hand;
  hand.scheme = "demo";
  hand.plans = {"a", "b", "c"};
  hand.shares = {{1.0 / 3, 1.0 / 3, 1.0 / 3, 0.0}, {0.5, 0.0, 0.0, 0.0}, {0.0, 0.0, 0.0, 0.0}};
  const plan_matrix h = theme_profile_matrix(hand);
  CHECK(h.metric == "theme profile cosine (demo)");
  CHECK(h.plans == hand.plans);
  CHECK(h.score[0][1] == doctest::Approx(1.0 / std::sqrt(3.0)));  // (1/6) / (√(1/3) · 1/2)
  CHECK(h.score[1][0] == h.score[0][1]);
  CHECK(h.score[0][0] == doctest::Approx(1.0));
  CHECK(is_missing(h.score[2][2]));  // nothing tagged: n/a, not 0
  CHECK(is_missing(h.score[0][2]));

  // On the seeds: symmetric, 1 on the diagonal, and the same as the cosine by definition.
  const tagger t(coding_scheme::builtin("ip_value_chain"));
  const auto [plans, tags] = test::tagged_seeds(t);
  const coverage_matrix cov = compute_coverage(plans, tags, t.scheme());
  const plan_matrix m = theme_profile_matrix(cov);
  REQUIRE(m.score.size() == plans.size());
  for (std::size_t a = 0; a < plans.size(); ++a) {
    CHECK(m.score[a][a] == doctest::Approx(1.0));
    for (std::size_t b = 0; b < plans.size(); ++b) {
      CHECK(m.score[a][b] == m.score[b][a]);
      std::vector<double> x(cov.shares[a].begin(), cov.shares[a].end());
      std::vector<double> y(cov.shares[b].begin(), cov.shares[b].end());
      CHECK(m.score[a][b] == doctest::Approx(reference::dense_cosine(x, y)));
    }
  }
}

TEST_CASE("near-duplicate texts without a matrix agree with the matrix path") {
  std::vector<plan> plans;
  for (const auto& name : test::seed_names()) plans.push_back(seed_plan(name));
  const plan_units u = collect_units(plans);
  std::vector<std::string> texts = u.texts;
  for (std::size_t i = 0; i < 40; ++i) texts.push_back(texts[i * 5] + "加强");  // planted near copies
  vectorize_options binary;
  binary.weights = weighting::binary;
  vectorizer v(binary);
  const csr_matrix m = v.fit_transform(texts);
  lsh_options o;
  o.threshold = 0.6;
  const auto from_matrix = near_duplicates(m, o);
  const auto from_texts = near_duplicate_texts(texts, binary, o);
  std::set<std::pair<std::uint32_t, std::uint32_t>> a;
  std::set<std::pair<std::uint32_t, std::uint32_t>> b;
  for (const match& x : from_matrix) a.emplace(x.query, x.candidate);
  for (const match& x : from_texts) {
    b.emplace(x.query, x.candidate);
    CHECK(x.score == doctest::Approx(reference::brute_force_jaccard(m, x.query, x.candidate)));
  }
  for (std::uint32_t i = 0; i < 40; ++i) {
    CHECK(a.count({i * 5, static_cast<std::uint32_t>(u.texts.size() + i)}) == 1);
    CHECK(b.count({i * 5, static_cast<std::uint32_t>(u.texts.size() + i)}) == 1);
  }
}
