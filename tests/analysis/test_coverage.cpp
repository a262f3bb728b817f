// SPDX-License-Identifier: MIT
// Coverage: plan × theme matrices, differences, the tools × chain table, coverage by
// targets and by agencies — checked by hand on a two-plan fixture written here, and for
// consistency on the seeds.
#include <plancmp/analysis/coverage.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/coverage_tables.hpp>

#include "support/parsed.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace plancmp;
using namespace plancmp::analysis;

namespace {

using test::parse_text;

// Plan A: three measures — protection by courts, a patent pledge fund, a talent programme
// (no stage-specific content: management, the codebook's default stage).
// Plan B: two measures — administrative enforcement, and one not about IP (outside the gate).
const char* plan_a =
    "一、重点任务\n"
    "(一)加强司法保护。推进知识产权审判。(市法院负责)\n"
    "(二)开展专利质押融资。设立专项资金。(市市场监管局牵头,市财政局负责)\n"
    "(三)培养知识产权人才。开展培训。(市人社局负责)\n";
const char* plan_b =
    "一、重点任务\n"
    "(一)强化行政执法。查处侵权假冒。(市市场监管局负责)\n"
    "(二)做好疫情防控期间的各项工作。(市卫健委负责)\n";

}  // namespace

TEST_CASE("plan × theme coverage: counts, shares, presence, evidence, difference") {
  const auto a = parse_text(plan_a, "a.txt");
  const auto b = parse_text(plan_b, "b.txt");
  REQUIRE(a.plan().measures().size() == 3);
  REQUIRE(b.plan().measures().size() == 2);
  const tagger t(coding_scheme::builtin("ip_value_chain"));
  const auto& s = t.scheme();
  const std::vector<plan> plans{a.plan(), b.plan()};
  const std::vector<plan_tagging> tags{t.tag(a.plan(), a.document()), t.tag(b.plan(), b.document())};
  const auto m = compute_coverage(plans, tags, s);
  const auto protection = *s.find("protection");
  const auto utilization = *s.find("utilization");
  const auto talent = *s.find("management");
  CHECK(m.units == std::vector<std::size_t>{3, 2});
  CHECK(m.counts[0][protection] == 1);
  CHECK(m.counts[0][utilization] == 1);
  CHECK(m.counts[0][talent] == 1);
  CHECK(m.counts[1][protection] == 1);
  CHECK(m.counts[1][talent] == 0);
  CHECK(m.shares[0][protection] == doctest::Approx(1.0 / 3));
  CHECK(m.shares[1][protection] == doctest::Approx(0.5));
  CHECK(m.present(0, talent));
  CHECK_FALSE(m.present(1, talent));
  REQUIRE(!m.top[0][protection].empty());
  CHECK(m.top[0][protection][0].unit == "一.(一)");
  CHECK(m.top[0][protection][0].source == "a.txt");
  // The evidence points at the bytes of the matched phrase in the file.
  const auto& ev = m.top[0][protection][0].match;
  CHECK(std::string(plan_a).substr(ev.where.begin, ev.where.size()) == ev.printed);

  const auto d = compare_coverage(m, 0, 1);
  CHECK(d.only_in[talent] == "a");
  CHECK(d.only_in[protection].empty());
  CHECK(d.share_difference[protection] == doctest::Approx(0.5 - 1.0 / 3));
  CHECK_THROWS_AS((void)compare_coverage(m, 0, 2), usage_error);

  const auto table = report::to_table(m, coverage_view::shares);
  CHECK(table.columns.size() == 3);
  CHECK(table.rows.size() == s.themes.size());
  const auto evidence = report::to_table(m, coverage_view::evidence);
  CHECK(evidence.rows[protection][1].where == ev.where);
  CHECK(report::to_table(d).rows.size() == s.themes.size());
  CHECK(parse_coverage_view("presence") == coverage_view::presence);
  CHECK_THROWS_AS((void)parse_coverage_view("colour"), usage_error);

  // A unit outside the IP gate is a diagnostic.
  REQUIRE(tags[1].diagnostics.size() == 1);
  CHECK(tags[1].diagnostics[0].code == "tagging.outside_gate");
  CHECK(tags[1].diagnostics[0].message.find("一.(二)") != std::string::npos);

  const std::vector<plan_tagging> wrong{tags[0]};
  CHECK_THROWS_AS((void)compute_coverage(plans, wrong, s), usage_error);
}

TEST_CASE("policy tools × value chain counts every (tool, stage) pair of a measure") {
  const auto a = parse_text(plan_a, "a.txt");
  const tagger tools(coding_scheme::builtin("policy_tools"));
  const tagger chain(coding_scheme::builtin("ip_value_chain"));
  const std::vector<plan_tagging> tt{tools.tag(a.plan(), a.document())};
  const std::vector<plan_tagging> ct{chain.tag(a.plan(), a.document())};
  const auto t = compute_tools_by_chain(tt, tools.scheme(), ct, chain.scheme());
  // Recount by hand from the taggings.
  const auto& ts = tools.scheme();
  const auto& cs = chain.scheme();
  const auto row_of = [&](std::string_view id) {
    for (std::size_t r = 0; r < t.rows.size(); ++r)
      if (t.rows[r] == ts.display_name(*ts.find(id))) return r;
    FAIL("no row");
    return std::size_t{0};
  };
  const auto col_of = [&](std::string_view id) {
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c] == cs.display_name(*cs.find(id))) return c;
    FAIL("no column");
    return std::size_t{0};
  };
  for (const char* tool : {"supply", "funding", "financial_support", "talent", "regulation"}) {
    for (const char* stage : {"protection", "utilization", "management"}) {
      std::size_t expected = 0;
      for (std::size_t u = 0; u < a.plan().measures().size(); ++u)
        expected += tt[0].measures[u].find(*ts.find(tool)) && ct[0].measures[u].find(*cs.find(stage));
      CHECK_MESSAGE(t.cells[0][row_of(tool)][col_of(stage)] == expected, tool, " × ", stage);
    }
  }
  // The pledge fund measure is utilization by financial support and funding.
  CHECK(t.cells[0][row_of("financial_support")][col_of("utilization")] == 1);
  CHECK(t.summed == t.cells[0]);
  const auto per_plan = report::to_table(t, 0);
  const auto summed = report::to_table(t, std::numeric_limits<std::size_t>::max());
  REQUIRE(per_plan.rows.size() == summed.rows.size());
  for (std::size_t r = 0; r < per_plan.rows.size(); ++r)
    for (std::size_t c = 0; c < per_plan.rows[r].size(); ++c) CHECK(per_plan.rows[r][c].text() == summed.rows[r][c].text());
  CHECK(per_plan.rows.back()[0].text() == "total (tool types)");
  CHECK_THROWS_AS((void)report::to_table(t, 1), usage_error);
}

TEST_CASE("coverage by targets and by agencies") {
  const auto a = parse_text(plan_a, "a.txt");
  plan with_targets = a.plan();
  target t;
  t.indicator = "知识产权质押融资金额";
  t.where = {10, 20};
  plan_content content = with_targets.content();
  content.targets.push_back(t);
  with_targets.set_content(std::move(content));
  const tagger tg(coding_scheme::builtin("ip_value_chain"));
  const auto& s = tg.scheme();
  const std::vector<plan> plans{with_targets};
  const auto c = compute_target_coverage(plans, tg);
  CHECK(c.targets == std::vector<std::size_t>{1});
  CHECK(c.counts[0][*s.find("utilization")] == 1);
  CHECK(c.counts[0][*s.find("protection")] == 0);
  CHECK(c.top[0][*s.find("utilization")][0].match.where == span{10, 20});
  CHECK(report::to_table(c).rows.size() == s.themes.size());

  const std::vector<plan_tagging> tags{tg.tag(a.plan(), a.document())};
  const std::vector<plan> only_a{a.plan()};
  const auto ag = compute_agency_coverage(only_a, tags, s);
  // 市法院 leads the court measure (protection); 市财政局 supports the fund (utilization).
  const auto row = [&](std::string_view canonical) {
    for (std::size_t i = 0; i < ag.agencies.size(); ++i)
      if (ag.agencies[i] == canonical) return i;
    FAIL("no agency ", canonical);
    return std::size_t{0};
  };
  const std::string court = a.plan().agencies()[*a.plan().agency_index("市法院")].resolution->canonical;
  const std::string finance = a.plan().agencies()[*a.plan().agency_index("市财政局")].resolution->canonical;
  CHECK(ag.lead[row(court)][*s.find("protection")] == 1);
  CHECK(ag.support[row(finance)][*s.find("utilization")] == 1);
  CHECK(ag.lead[row(finance)][*s.find("utilization")] == 0);
  CHECK(report::to_table(ag).rows.size() == ag.agencies.size());
}

TEST_CASE("seed coverage: counts never exceed the units, parents cover their children") {
  const tagger t(coding_scheme::builtin("policy_tools"));
  const auto& s = t.scheme();
  const auto [plans, tags] = test::tagged_seeds(t);
  const auto m = compute_coverage(plans, tags, s);
  for (std::size_t p = 0; p < plans.size(); ++p) {
    CHECK(m.units[p] == plans[p].measures().size());
    for (std::size_t th = 0; th < s.themes.size(); ++th) {
      CHECK(m.counts[p][th] <= m.units[p]);
      if (s.themes[th].parent) CHECK(m.counts[p][th] <= m.counts[p][*s.themes[th].parent]);
    }
  }
}
