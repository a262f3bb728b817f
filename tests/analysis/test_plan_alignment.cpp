// SPDX-License-Identifier: MIT
// Measure alignment of two plans: pairs, unmatched measures, score and one-to-many on a
// hand-made similarity matrix; evidence passages with spans on the Ningbo seeds.
#include <plancmp/analysis/plan_alignment.hpp>

#include <plancmp/analysis/similarity.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/alignment_tables.hpp>
#include <plancmp/text/document.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

using namespace plancmp;

namespace {

plan plan_of(std::vector<std::string> ids, std::string path) {
  plan_content c;
  for (auto& id : ids) {
    measure m;
    m.id = id;
    m.path = {id};
    c.measures.push_back(std::move(m));
  }
  plan p(std::move(c));
  p.source.path = std::move(path);
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
    analysis::plan_alignment_options o;
    o.one_to_many = true;
    r = analysis::align_measures(a, b, s, o);
    REQUIRE(r.pairs.size() == 3);
    CHECK(r.pairs[2].id_a == "3");
    CHECK(r.pairs[2].id_b == "x");
    CHECK(r.pairs[2].extra);
    CHECK(r.unmatched_a.empty());
    CHECK(r.score == doctest::Approx(2 * 1.7 / 5));  // the one-to-one part only
  }
  SUBCASE("a high threshold leaves everything unmatched") {
    analysis::plan_alignment_options o;
    o.threshold = 0.95;
    r = analysis::align_measures(a, b, s, o);
    CHECK(r.pairs.empty());
    CHECK(r.unmatched_a.size() == 3);
    CHECK(r.unmatched_b.size() == 2);
    CHECK(r.score == 0.0);
  }
  SUBCASE("the table lists pairs, then unmatched measures, and the score") {
    const auto t = report::to_table(r);
    CHECK(t.rows.size() == 3);
    CHECK(t.rows[2][4].text() == "unmatched");
    REQUIRE(t.notes.size() == 2);
    CHECK(t.notes[0].starts_with("similarity: substance"));
    CHECK(t.notes[1].starts_with("score 0.680"));
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
  for (; i < a.measures().size() && a.measures()[i].id != "五.(十八)"; ++i) {}
  for (; j < b.measures().size() && b.measures()[j].id != "三.(一).3"; ++j) {}
  REQUIRE(i < a.measures().size());
  REQUIRE(j < b.measures().size());
  std::vector<double> s(a.measures().size() * b.measures().size(), 0.0);
  s[i * b.measures().size() + j] = 0.8;
  const auto r = analysis::align_measures(source_plan(da, a), source_plan(db, b), s);
  REQUIRE(r.pairs.size() == 1);
  REQUIRE(r.pairs[0].evidence);
  const auto& e = *r.pairs[0].evidence;
  CHECK(std::string_view(da.original).substr(e.where_a.begin, e.where_a.size()) == e.text_a);
  CHECK(std::string_view(db.original).substr(e.where_b.begin, e.where_b.size()) == e.text_b);
  CHECK(e.text_a.starts_with("加强《企业知识产权管理规范》"));
}

TEST_CASE("align_plans: Ningbo 2020 and 2017 on tf-idf cosines") {
  const auto da = text::read_document(test::seed_path(test::ningbo_2020));
  const auto db = text::read_document(test::seed_path(test::ningbo_2017));
  const plan a = parse::parse_document(da);
  const plan b = parse::parse_document(db);
  const auto s = analysis::measure_similarity(a, b);
  REQUIRE(s.size() == a.measures().size() * b.measures().size());
  const auto r = analysis::align_plans(source_plan(da, a), source_plan(db, b));
  const auto it = std::find_if(r.pairs.begin(), r.pairs.end(),
                               [](const auto& p) { return p.id_a == "五.(十八)"; });
  REQUIRE(it != r.pairs.end());
  CHECK(it->id_b == "三.(一).3");
  CHECK(it->similarity > 0.5);
  REQUIRE(it->evidence);
  CHECK(it->evidence->text_a.starts_with("加强《企业知识产权管理规范》"));
  REQUIRE(it->shared_features.size() == 5);
  for (const auto& f : it->shared_features) {
    CHECK(a.measures()[it->measure_a].text.find(f) != std::string::npos);
    CHECK(b.measures()[it->measure_b].text.find(f) != std::string::npos);
  }
  std::set<std::size_t> linked_a, linked_b;
  for (const auto& p : r.pairs) linked_a.insert(p.measure_a), linked_b.insert(p.measure_b);
  CHECK(linked_a.size() + r.unmatched_a.size() == a.measures().size());
  CHECK(linked_b.size() + r.unmatched_b.size() == b.measures().size());
  CHECK(it->grade == analysis::link_grade::same);
  CHECK(it->signals.characters > 0.5);
  CHECK(r.method == analysis::alignment_method::substance);
  CHECK(r.score > 0.0);
  CHECK(r.score < 1.0);

  SUBCASE("a plan aligned with itself: every measure's one-to-one partner is itself") {
    const auto self = analysis::align_plans(a, a);
    CHECK(self.score > 0.9);  // the link score of a measure with itself is ≈ 0.95, not 1
    for (const auto& p : self.pairs)
      if (!p.extra) CHECK(p.measure_a == p.measure_b);
  }
  SUBCASE("the n-gram method: a plan with itself scores 1") {
    analysis::plan_alignment_options o;
    o.method = analysis::alignment_method::ngrams;
    o.threshold = 0.2;
    const auto self = analysis::align_plans(a, a, o);
    CHECK(self.score == doctest::Approx(1.0));
    for (const auto& p : self.pairs) CHECK(p.measure_a == p.measure_b);
    CHECK(self.method == analysis::alignment_method::ngrams);
  }
  SUBCASE("a pair's scores do not depend on other plans") {
    // Everything is fitted on the two plans: the same pair scores the same in any run.
    const auto again = analysis::substance_similarity(a, b);
    const auto first = analysis::substance_similarity(a, b);
    CHECK(again.score == first.score);
  }
}

TEST_CASE("assignment_metric plugs into the plan × plan text matrix") {
  std::vector<plan> plans;
  for (const auto& name : test::seed_names()) plans.push_back(parse::parse_file(test::seed_path(name)));
  const auto m = analysis::text_similarity_matrix(plans, {}, {}, analysis::assignment_metric(0.3),
                                                  "assignment");
  CHECK(m.metric == "assignment");
  for (std::size_t x = 0; x < plans.size(); ++x) {
    CHECK(m.score[x][x] == doctest::Approx(1.0));
    for (std::size_t y = 0; y < plans.size(); ++y) {
      CHECK(m.score[x][y] == doctest::Approx(m.score[y][x]));
      CHECK(m.score[x][y] >= 0.0);
    }
  }
  // The two Ningbo plans are the pair most alike.
  CHECK(m.score[0][4] > m.score[0][1]);
  CHECK(m.score[0][4] > m.score[0][3]);
}

// The sentence, section and position signals of the substance aligner (docs/alignment.md):
// a measure split across plans shares one whole sentence with each part, which the cosine
// of the whole measures dilutes; measures under like headings share their context.
TEST_CASE("substance_similarity: best sentence pair, section context and position") {
  auto make = [](std::vector<std::pair<std::string, std::string>> sections,
                 std::vector<std::tuple<std::string, std::vector<std::string>, std::string>> measures) {
    plan_content c;
    for (auto& [id, title] : sections) {
      section s;
      s.id = id;
      s.path = {id};
      s.title = title;
      c.sections.push_back(std::move(s));
    }
    for (auto& [id, path, text] : measures) {
      measure m;
      m.id = id;
      m.path = path;
      m.text = text;
      c.measures.push_back(std::move(m));
    }
    return plan(std::move(c));
  };
  const plan a = make({{"一", "严格知识产权保护"}, {"二", "促进知识产权运用"}},
                      {{"一.1", {"一", "1"},
                        "建立知识产权纠纷多元化解机制，培育调解组织和仲裁机构。开展打击侵权假冒专项行动，"
                        "严厉查处商标侵权违法行为。推进知识产权信用体系建设。"},
                       {"二.1", {"二", "1"}, "推进知识产权质押融资，开发知识产权保险产品。"}});
  const plan b = make({{"一", "强化知识产权保护"}, {"二", "推动知识产权转化运用"}},
                      {{"一.1", {"一", "1"}, "开展打击侵权假冒专项行动，严厉查处商标侵权违法行为。"},
                       {"二.1", {"二", "1"}, "扩大知识产权质押融资规模，发展知识产权保险。"}});
  const auto s = analysis::substance_similarity(a, b);
  REQUIRE(s.evidence.size() == 4);
  const auto& split = s.evidence[0];  // a 一.1 (three sentences) × b 一.1 (one of them)
  CHECK(split.passages == doctest::Approx(1.0));
  CHECK(split.passages > split.characters + 0.2);
  CHECK(split.context > s.evidence[1].context);  // 保护 headings against 保护 vs 运用
  CHECK(split.position == doctest::Approx(1.0));
  CHECK(s.evidence[1].position == doctest::Approx(0.0));
  CHECK(s.evidence[3].passages > s.evidence[2].passages);
  CHECK(s.score[0] > s.score[1]);
  CHECK(s.score[3] > s.score[2]);
}
