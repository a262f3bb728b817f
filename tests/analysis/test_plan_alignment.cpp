// SPDX-License-Identifier: MIT
// Measure alignment of two plans: pairs, unmatched measures, score and one-to-many on a
// hand-made similarity matrix; evidence passages with spans on the Ningbo seeds.
#include <plancmp/analysis/plan_alignment.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

using namespace plancmp;

namespace {

plan plan_of(std::vector<std::string> ids, std::string path) {
  plan p;
  p.source.path = std::move(path);
  for (auto& id : ids) {
    measure m;
    m.id = id;
    m.path = {id};
    p.measures.push_back(std::move(m));
  }
  return p;
}

}  // namespace

TEST_CASE("align_measures on a hand-made similarity matrix") {
  const plan a = plan_of({"1", "2", "3"}, "a.txt");
  const plan b = plan_of({"x", "y"}, "b.txt");
  // 1↔y strong, 2↔x strong, 3 only weakly like x (below the threshold one-to-one wins).
  const std::vector<double> s = {0.1, 0.9,
                                 0.8, 0.2,
                                 0.5, 0.1};
  auto r = analysis::align_measures(a, b, s);
  REQUIRE(r.pairs.size() == 2);
  CHECK(r.pairs[0].id_a == "1");
  CHECK(r.pairs[0].id_b == "y");
  CHECK(r.pairs[1].id_a == "2");
  CHECK(r.pairs[1].id_b == "x");
  CHECK(r.total_similarity == doctest::Approx(1.7));
  CHECK(r.score == doctest::Approx(2 * 1.7 / 5));
  REQUIRE(r.unmatched_a.size() == 1);
  CHECK(r.unmatched_a[0] == analysis::unmatched_measure{2, "3"});
  CHECK(r.unmatched_b.empty());
  CHECK(analysis::assignment_similarity(s, 3, 2) == doctest::Approx(r.score));

  SUBCASE("one-to-many attaches measure 3 to x") {
    r = analysis::align_measures(a, b, s, {.threshold = 0.3, .one_to_many = true});
    REQUIRE(r.pairs.size() == 3);
    CHECK(r.pairs[2].id_a == "3");
    CHECK(r.pairs[2].id_b == "x");
    CHECK(r.pairs[2].extra);
    CHECK(r.unmatched_a.empty());
    CHECK(r.score == doctest::Approx(2 * 1.7 / 5));  // the one-to-one part only
  }
  SUBCASE("a high threshold leaves everything unmatched") {
    r = analysis::align_measures(a, b, s, {.threshold = 0.95, .one_to_many = false});
    CHECK(r.pairs.empty());
    CHECK(r.unmatched_a.size() == 3);
    CHECK(r.unmatched_b.size() == 2);
    CHECK(r.score == 0.0);
  }
  SUBCASE("the table lists pairs, then unmatched measures, and the score") {
    const auto t = analysis::to_table(r);
    CHECK(t.rows.size() == 3);
    CHECK(t.rows[2][3].text() == "unmatched");
    REQUIRE(t.notes.size() == 1);
    CHECK(t.notes[0].starts_with("score 0.680"));
  }
  SUBCASE("a matrix of the wrong size is a usage error") {
    CHECK_THROWS_AS((void)analysis::align_measures(a, b, std::vector<double>(5, 0.0)), usage_error);
  }
}

TEST_CASE("align_measures with documents gives the shared passage as evidence") {
  const auto da = text::read_document(test::seed_path(test::ningbo_2020));
  const auto db = text::read_document(test::seed_path(test::ningbo_2017));
  const plan a = parse::parse_document(da);
  const plan b = parse::parse_document(db);
  std::size_t i = 0;
  std::size_t j = 0;
  for (; i < a.measures.size() && a.measures[i].id != "五.(十八)"; ++i) {}
  for (; j < b.measures.size() && b.measures[j].id != "三.(一).3"; ++j) {}
  REQUIRE(i < a.measures.size());
  REQUIRE(j < b.measures.size());
  std::vector<double> s(a.measures.size() * b.measures.size(), 0.0);
  s[i * b.measures.size() + j] = 0.8;
  const auto r = analysis::align_measures(da, a, db, b, s);
  REQUIRE(r.pairs.size() == 1);
  REQUIRE(r.pairs[0].evidence);
  const auto& e = *r.pairs[0].evidence;
  CHECK(std::string_view(da.original).substr(e.where_a.begin, e.where_a.size()) == e.text_a);
  CHECK(std::string_view(db.original).substr(e.where_b.begin, e.where_b.size()) == e.text_b);
  CHECK(e.text_a.starts_with("加强《企业知识产权管理规范》"));
}
