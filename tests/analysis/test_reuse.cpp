// SPDX-License-Identifier: MIT
// Text reuse between plans: the known shared passage of Ningbo 2020 (十八) and Ningbo 2017
// 三.(一).3, checked at the bytes of both original files; boilerplate never counts.
#include <plancmp/analysis/reuse.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/reuse_tables.hpp>
#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/document.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace plancmp;
using plancmp::test::seed_path;

namespace {

// A seed parsed with its document: `s` for find_reuse, `doc` and `p` its parts.
struct parsed {
  source_plan s;
  const text::document& doc = s.document();
  const plan& p = s.plan();
};

parsed read(const std::string& name) {
  return parsed{parse::parse_source(text::read_document(seed_path(name)))};
}

std::string_view bytes_at(const text::document& d, const span& s) {
  return std::string_view(d.original).substr(s.begin, s.size());
}

}  // namespace

TEST_CASE("find_reuse: Ningbo 2020 (十八) reuses Ningbo 2017 三.(一).3") {
  const parsed a = read(test::ningbo_2020);
  const parsed b = read(test::ningbo_2017);
  const auto r = analysis::find_reuse(a.s, b.s);
  REQUIRE_FALSE(r.passages.empty());
  const auto it = std::find_if(r.passages.begin(), r.passages.end(), [](const auto& p) {
    return p.id_a == "五.(十八)";
  });
  REQUIRE(it != r.passages.end());
  CHECK(it->id_b == "三.(一).3");
  const std::string shared =
      "加强《企业知识产权管理规范》《高等学校知识产权管理规范》《科研组织知识产权管理规范》"
      "等标准的贯彻实施,引导企业、高校、科研院所";
  // The spans give back the passage, byte for byte, in both original files.
  const std::string_view in_a = bytes_at(a.doc, it->where_a);
  const std::string_view in_b = bytes_at(b.doc, it->where_b);
  CHECK(in_a == it->text_a);
  CHECK(in_b == it->text_b);
  CHECK(in_a.starts_with(shared));
  CHECK(in_b.starts_with(shared));
  CHECK(in_a.ends_with("建立知识产权工作管理规范体系"));
  CHECK(in_b.ends_with("建立知识产权工作管理规范体系"));
  CHECK(it->alignment.matches >= 55);
  CHECK(it->alignment.identity() > 0.9);
  // A second sentence of the measure is copied word for word.
  const auto second = std::find_if(r.passages.begin(), r.passages.end(), [&](const auto& p) {
    return p.id_a == "五.(十八)" && p.alignment.a_begin > it->alignment.a_end;
  });
  REQUIRE(second != r.passages.end());
  CHECK(second->id_b == "三.(一).3");
  CHECK(bytes_at(a.doc, second->where_a) == "鼓励企业建立专利、商标、版权综合管理制度");
  CHECK(bytes_at(b.doc, second->where_b) == "鼓励企业建立专利、商标、版权综合管理制度");
  // Nothing of the 2017 responsibility clause is part of the passage.
  CHECK(in_b.find("责任单位") == std::string_view::npos);

  SUBCASE("the table carries both spans") {
    const auto t = report::to_table(r);
    REQUIRE(t.rows.size() == r.passages.size());
    const auto& row = t.rows[static_cast<std::size_t>(it - r.passages.begin())];
    CHECK(row[5].where == it->where_a);
    CHECK(row[6].where == it->where_b);
  }
  SUBCASE("top-k and all-pairs candidates find the same passage") {
    for (const auto source : {analysis::reuse_options::candidate_source::top_k,
                              analysis::reuse_options::candidate_source::all_pairs}) {
      analysis::reuse_options o;
      o.source = source;
      const auto other = analysis::find_reuse(a.s, b.s, o);
      CHECK(std::find(other.passages.begin(), other.passages.end(), *it) != other.passages.end());
    }
    analysis::reuse_options all;
    all.source = analysis::reuse_options::candidate_source::all_pairs;
    const auto every = analysis::find_reuse(a.s, b.s, all);
    CHECK(every.candidate_pairs == a.p.measures().size() * b.p.measures().size());
    // Shared runs miss nothing that all pairs find.
    CHECK(every.passages == r.passages);
  }
  SUBCASE("the given candidate pairs are the only ones aligned") {
    analysis::reuse_options o;
    o.candidates = {{it->measure_a, it->measure_b}};
    const auto only = analysis::find_reuse(a.s, b.s, o);
    CHECK(only.candidate_pairs == 1);
    REQUIRE_FALSE(only.passages.empty());
    CHECK(only.passages[0] == *it);
  }
}

TEST_CASE("find_reuse: boilerplate and clauses alone are not reuse") {
  const std::string head = "关于印发某市知识产权实施方案的通知\n某市知识产权实施方案\n一、重点任务\n";
  const std::string one =
      head + "(一)加强知识产权保护。甲乙丙丁戊己庚辛壬癸。(市市场监督管理局牵头,各成员单位按职责分工负责)\n";
  const std::string two =
      head + "(一)加强知识产权保护。子丑寅卯辰巳午未申酉。(市市场监督管理局牵头,各成员单位按职责分工负责)\n";
  const source_plan a = parse::parse_source(text::make_document(one, "one"));
  const source_plan b = parse::parse_source(text::make_document(two, "two"));
  REQUIRE(a.plan().measures().size() == 1);
  REQUIRE(b.plan().measures().size() == 1);
  analysis::reuse_options o;
  o.min_length = 8;
  o.seed_length = 4;
  CHECK(analysis::find_reuse(a, b, o).passages.empty());
  // Without masking, the shared clause is "reuse".
  o.mask_clauses = false;
  o.builtin_boilerplate = false;
  CHECK_FALSE(analysis::find_reuse(a, b, o).passages.empty());
}

TEST_CASE("find_reuse: a plan and its own copy in traditional script") {
  // Gansu is traditional; alignment runs on the simplified view, so a plan reuses itself
  // completely and every passage maps to identical bytes.
  const parsed g = read(test::gansu);
  analysis::reuse_options o;
  o.candidates = {{0, 0}, {1, 1}};
  const auto r = analysis::find_reuse(g.s, g.s, o);
  REQUIRE(r.passages.size() >= 1);
  for (const auto& p : r.passages) CHECK(bytes_at(g.doc, p.where_a) == bytes_at(g.doc, p.where_b));
}

TEST_CASE("frequent_phrases: what most seed plans say is learnt as boilerplate") {
  std::vector<source_plan> sources;
  for (const auto& name : test::seed_names()) sources.push_back(parse::parse_source(text::read_document(seed_path(name))));
  const auto phrases = analysis::frequent_phrases(sources, {.min_plans = 3, .length = 6});
  REQUIRE_FALSE(phrases.empty());
  CHECK(std::is_sorted(phrases.begin(), phrases.end()));
  for (const auto& p : phrases) {
    CAPTURE(p);
    // Six characters or more; its first six (a frequent run) are in the simplified text of
    // at least three plans (line breaks aside).
    std::size_t six = 0;
    for (int k = 0; k < 6 && six < p.size(); ++k) (void)text::detail::next_code_point(p, six);
    CHECK(text::detail::count_code_points(p) >= 6);
    std::size_t holders = 0;
    for (const auto& s : sources) {
      std::string flat;
      for (const char c : s.document().simplified)
        if (c != '\n' && c != ' ') flat += c;
      holders += flat.find(p.substr(0, six)) != std::string::npos ? 1 : 0;
    }
    CHECK(holders >= 3);
  }
  // With every phrase of the corpus masked, the Ningbo pair keeps its long passage but
  // phrases shared by most plans no longer count toward it.
  analysis::reuse_options o;
  o.boilerplate = phrases;
  const auto r = analysis::find_reuse(sources[0], sources[4], o);
  const auto it = std::find_if(r.passages.begin(), r.passages.end(),
                               [](const auto& p) { return p.id_a == "五.(十八)"; });
  CHECK(it != r.passages.end());
}
