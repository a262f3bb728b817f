// SPDX-License-Identifier: MIT
// Vectorizers: the tf-idf definition against hand-computed values (scikit-learn's), the
// tokenizers, fit/transform sharing one vocabulary, CSR helpers, and script invariance
// on the Gansu seed.
#include <plancmp/analysis/vectorize.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/script.hpp>

#include "reference/similarity_reference.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace plancmp;
using namespace plancmp::analysis;

TEST_CASE("tf-idf follows scikit-learn's smooth idf and L2 norm") {
  const std::vector<std::string> texts{"ab", "ac", "a"};
  vectorize_options o;
  o.features = feature_kind::raw_char_ngrams;
  o.ngram_min = o.ngram_max = 1;
  vectorizer v(o);
  const csr_matrix m = v.fit_transform(texts);
  REQUIRE(v.vocabulary() == std::vector<std::string>{"a", "b", "c"});
  CHECK(v.document_frequency() == std::vector<std::uint32_t>{3, 1, 1});
  const double idf_b = std::log(4.0 / 2.0) + 1.0;
  CHECK(v.idf()[0] == doctest::Approx(1.0));
  CHECK(v.idf()[1] == doctest::Approx(idf_b));
  REQUIRE(m.rows() == 3);
  const double norm = std::sqrt(1.0 + idf_b * idf_b);
  CHECK(m.row_columns(0).size() == 2);
  CHECK(m.row_values(0)[0] == doctest::Approx(1.0 / norm));
  CHECK(m.row_values(0)[1] == doctest::Approx(idf_b / norm));
  CHECK(m.row_values(2)[0] == doctest::Approx(1.0));

  SUBCASE("without smoothing, sublinear tf") {
    o.smooth_idf = false;
    o.sublinear_tf = true;
    o.normalize = false;
    vectorizer w(o);
    const csr_matrix x = w.fit_transform(std::vector<std::string>{"aab", "a"});
    CHECK(w.idf()[1] == doctest::Approx(std::log(2.0) + 1.0));
    CHECK(x.row_values(0)[0] == doctest::Approx(1.0 + std::log(2.0)));
  }
  SUBCASE("bm25 weights rare features higher") {
    o.weights = weighting::bm25;
    vectorizer w(o);
    const csr_matrix x = w.fit_transform(texts);
    CHECK(x.row_values(0)[1] > x.row_values(0)[0]);
  }
  SUBCASE("binary") {
    o.weights = weighting::binary;
    o.normalize = false;
    vectorizer w(o);
    CHECK(w.fit_transform(std::vector<std::string>{"aab"}).value == std::vector<float>{1.0F, 1.0F});
  }
}

TEST_CASE("features: n-grams never cross punctuation; raw n-grams are scikit-learn's") {
  vectorizer v;
  const auto f = v.features_of("保护、运用");
  CHECK(f == std::vector<std::string>{"保护", "运用"});
  vectorize_options raw;
  raw.features = feature_kind::raw_char_ngrams;
  raw.ngram_min = 2;
  raw.ngram_max = 2;
  CHECK(vectorizer(raw).features_of("保护、运") == std::vector<std::string>{"保护", "护、", "、运"});
  vectorize_options words;
  words.features = feature_kind::words;
  CHECK(vectorizer(words).features_of("加强知识产权保护") ==
        std::vector<std::string>{"加强", "知识产权", "保护"});
}

TEST_CASE("transform uses the fitted vocabulary; errors name the fix") {
  vectorizer v;
  CHECK_THROWS_WITH_AS((void)v.transform(std::vector<std::string>{"知识产权"}),
                       "vectorizer::transform called before fit(): fit it on a corpus first", usage_error);
  (void)v.fit_transform(std::vector<std::string>{"知识产权保护", "专利导航"});
  const csr_matrix y = v.transform(std::vector<std::string>{"知识产权运营", "商标品牌"});
  CHECK(y.columns == v.vocabulary().size());
  CHECK(y.row_columns(1).empty());  // nothing seen at fit time
  CHECK(y.row_values(0).size() > 0);
  vectorize_options bad;
  bad.ngram_min = 3;
  bad.ngram_max = 2;
  CHECK_THROWS_WITH_AS(vectorizer{bad}, "n-gram range 3–2 is empty: need 1 ≤ ngram_min ≤ ngram_max",
                       usage_error);
}

TEST_CASE("csr helpers: transpose, row_dot, normalize") {
  csr_matrix m;
  m.columns = 4;
  const std::vector<std::uint32_t> c0{0, 2};
  const std::vector<float> v0{3.0F, 4.0F};
  const std::vector<std::uint32_t> c1{1, 2, 3};
  const std::vector<float> v1{1.0F, 2.0F, 2.0F};
  m.push_row(c0, v0);
  m.push_row(c1, v1);
  const csr_matrix t = transpose(m);
  CHECK(t.rows() == 4);
  CHECK(t.row_columns(2).size() == 2);
  CHECK(transpose(t) == m);
  CHECK(row_dot(m, 0, m, 1) == doctest::Approx(8.0));
  normalize_rows(m);
  CHECK(row_dot(m, 0, m, 0) == doctest::Approx(1.0));
  CHECK(row_dot(m, 0, m, 1) ==
        doctest::Approx(reference::dense_cosine(reference::to_dense(m)[0], reference::to_dense(m)[1])));
}

TEST_CASE("plans to rows: units, ids, clause stripped, script-invariant") {
  const plan gansu = parse::parse_file(test::seed_path(test::gansu));
  plan converted = gansu;  // the same plan in simplified script
  const auto& s = text::simplifier::shared();
  plan_content c = converted.content();
  for (measure& m : c.measures) {
    m.text = s.convert(m.text).text;
    m.clause = s.convert(m.clause).text;
  }
  converted.set_content(std::move(c));
  const std::vector<plan> plans{gansu, converted};
  vectorizer v;
  const plan_vectors pv = fit_transform_plans(v, plans);
  const std::size_t n = gansu.measures().size();
  REQUIRE(pv.units.size() == 2 * n);
  CHECK(pv.units[0].id == gansu.measures()[0].id);
  CHECK(pv.units[n].plan == 1);
  CHECK(pv.row_plans()[n] == 1);
  for (std::size_t i = 0; i < n; ++i) {
    CAPTURE(gansu.measures()[i].id);
    CHECK(row_dot(pv.matrix, i, pv.matrix, n + i) == doctest::Approx(1.0).epsilon(1e-6));
  }
  const plan_units u = collect_units(std::span<const plan>(&gansu, 1));
  for (std::size_t i = 0; i < n; ++i) {
    CHECK(u.texts[i].find("負責") == std::string::npos);  // simplified
    if (!gansu.measures()[i].clause.empty())
      CHECK(u.texts[i].find(s.convert(gansu.measures()[i].clause).text) == std::string::npos);
  }
}

TEST_CASE("vectorizer equals textbook tf-idf on random texts, every feature kind") {
  std::mt19937 rng(3);
  const std::vector<std::string> alphabet{"知", "识", "产", "权", "保", "护", "，", "。", " ", "a", "B", "専"};
  std::vector<std::string> texts;
  for (int i = 0; i < 60; ++i) {
    std::string t;
    const int len = 1 + static_cast<int>(rng() % 30);
    for (int j = 0; j < len; ++j) t += alphabet[rng() % alphabet.size()];
    texts.push_back(t);
  }
  for (const feature_kind kind : {feature_kind::char_ngrams, feature_kind::raw_char_ngrams, feature_kind::words}) {
    for (const auto& range : {std::pair{1, 1}, std::pair{2, 3}, std::pair{2, 5}}) {
      const int lo = range.first, hi = range.second;  // not bindings: CAPTURE takes them into a lambda
      for (const bool sublinear : {false, true}) {
        vectorize_options o;
        o.features = kind;
        o.ngram_min = lo;
        o.ngram_max = hi;
        o.sublinear_tf = sublinear;
        o.threads = 3;
        vectorizer v(o);
        const csr_matrix m = v.fit_transform(texts);
        const auto want = reference::naive_tf_idf(
            texts, [&](const std::string& t) { return v.features_of(t); }, true, sublinear);
        CAPTURE(lo);
        CAPTURE(hi);
        REQUIRE(m.rows() == texts.size());
        for (std::size_t r = 0; r < texts.size(); ++r) {
          REQUIRE(m.row_columns(r).size() == want[r].size());
          for (std::size_t e = 0; e < m.row_columns(r).size(); ++e) {
            const std::string& f = v.vocabulary()[m.row_columns(r)[e]];
            REQUIRE(want[r].count(f) == 1);
            CHECK(m.row_values(r)[e] == doctest::Approx(want[r].at(f)).epsilon(1e-5));
          }
        }
        CHECK(std::is_sorted(v.vocabulary().begin(), v.vocabulary().end()));
        CHECK(v.transform(texts) == m);  // transform of the fitted corpus is the same matrix
      }
    }
  }
}
