// SPDX-License-Identifier: MIT
// Gap analysis on the seeds: accountability counts against counts taken by hand from the
// seed files, gaps of each of the four jurisdictions against the others (every evidence
// span re-read to the printed text), consensus gaps, vertical alignment against a
// synthetic upper plan, and the Ningbo 2017 → 2020 version diff.
#include <plancmp/analysis/gaps.hpp>

#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string_view>

using namespace plancmp;

namespace {

struct seed {
  text::document doc;
  plan p;
};
seed load(const std::string& name) {
  seed s{text::read_document(test::seed_path(name)), {}};
  s.p = parse::parse_document(s.doc);
  return s;
}

// The evidence re-reads to its text from the original bytes of its file.
void check_evidence(const analysis::gap_evidence& e, const std::vector<const seed*>& seeds) {
  if (e.where.empty()) {
    CHECK(e.text.empty());
    return;
  }
  const auto it = std::find_if(seeds.begin(), seeds.end(), [&](const seed* s) { return s->p.source.path == e.source; });
  REQUIRE(it != seeds.end());
  CHECK(std::string_view((*it)->doc.original).substr(e.where.begin, e.where.size()) == e.text);
}

}  // namespace

TEST_CASE("accountability_gaps: counts taken by hand from the seed files") {
  // How the hand counts were taken (in the seed files, not through the parser):
  // - Ningbo 2020 (000): 24 measures (一)…(二十四); `grep -c '负责\|牵头\|责任单位\|底前\|持续推进'`
  //   finds nothing, so all 24 lack an agency and a deadline.
  // - Hengshui (001): the four 持续推进 of the file are prose (持续推进“全国版权示范城市”…), no
  //   clause names a deadline: 35 of 35 measures lack one.
  // - Gansu (002): no 底前 / 持续推进 anywhere: 80 of 80 tasks lack a deadline.
  // - District (003): 70 tasks, 70 clauses `(…;持续推进)` / `(…;…底前完成)`: none lacks a
  //   deadline. Clauses naming several agencies joined by 、 without 牵头 (grep over the
  //   file with line breaks removed): 13, so 13 tasks have agencies and no lead.
  //   区市场监管局 alone: 23 clauses, plus 1 `区市场监管局牵头…`: it leads 24 of 70 (34%),
  //   the only agency above a quarter.
  // - Ningbo 2017 (004): 18 measures, 13 `责任单位:` clauses: 5 measures without an agency;
  //   one clause names 市知识产权局 alone (a lead), the other 12 list several units and the
  //   plan states no first-listed-leads rule: 12 without a lead. No deadline anywhere: 18.
  struct expected {
    std::string file;
    std::size_t no_agency, no_lead, no_deadline, outsized;
  };
  const std::vector<expected> table = {
      {test::ningbo_2020, 24, 0, 24, 0},
      {test::hengshui, 0, 19, 35, 1},
      {test::gansu, 0, 0, 80, 1},
      {test::district, 0, 13, 0, 1},
      {test::ningbo_2017, 5, 12, 18, 0},
  };
  for (const auto& e : table) {
    CAPTURE(e.file);
    const seed s = load(e.file);
    const auto r = analysis::accountability_gaps(s.doc, s.p);
    CHECK(r.count("no_agency") == e.no_agency);
    CHECK(r.count("no_deadline") == e.no_deadline);
    if (e.file != test::hengshui) CHECK(r.count("no_lead") == e.no_lead);
    CHECK(r.count("outsized_lead") == e.outsized);
    for (const auto& g : r.gaps) check_evidence(g.in_reference, {&s});
  }
  SUBCASE("the district's outsized lead is 区市场监管局 with 24 of 70") {
    const seed s = load(test::district);
    const auto r = analysis::accountability_gaps(s.doc, s.p);
    const auto it = std::find_if(r.gaps.begin(), r.gaps.end(), [](const auto& g) { return g.kind == "outsized_lead"; });
    REQUIRE(it != r.gaps.end());
    CHECK(it->item == "区市场监管局");
    CHECK(it->detail == "leads 24 of 70 measures");
  }
}

TEST_CASE("gaps_against: each of the four jurisdictions against the others, every span re-read") {
  const std::vector<seed> s = {load(test::ningbo_2020), load(test::hengshui), load(test::gansu), load(test::district)};
  std::vector<const seed*> all;
  for (const auto& x : s) all.push_back(&x);
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::vector<text::document> docs;
    std::vector<plan> plans;
    for (std::size_t j = 0; j < s.size(); ++j)
      if (j != i) docs.push_back(s[j].doc), plans.push_back(s[j].p);
    const auto r = analysis::gaps_against(s[i].doc, s[i].p, docs, plans);
    CAPTURE(r.subject);
    CHECK(r.references.size() == 3);
    CHECK(r.count("measure") > 0);
    for (const auto& g : r.gaps) {
      CHECK(!g.in_reference.where.empty());
      check_evidence(g.in_reference, all);
      check_evidence(g.in_subject, all);
    }
    // The table's evidence cells carry the same spans.
    const auto t = analysis::to_table(r);
    REQUIRE(t.rows.size() == r.gaps.size());
    for (std::size_t k = 0; k < t.rows.size(); ++k) {
      const auto& cell = t.rows[k][5];
      REQUIRE(cell.where);
      CHECK(*cell.where == r.gaps[k].in_reference.where);
      CHECK(cell.text() == r.gaps[k].in_reference.text);
      for (auto f : {report::table_format::markdown, report::table_format::csv, report::table_format::json})
        CHECK(!report::render(t, f).empty());
    }
  }
  SUBCASE("Ningbo 2020 names no agency: every agency function of Hengshui is a gap") {
    const auto r = analysis::gaps_against(s[0].doc, s[0].p, std::span(&s[1].doc, 1), std::span(&s[1].p, 1));
    CHECK(r.count("agency_function") > 10);
    CHECK(r.count("indicator") > 0);
  }
}

TEST_CASE("consensus_gaps: a theme all peers cover is a gap of a subject without it") {
  const seed ningbo = load(test::ningbo_2020);
  const std::vector<seed> peers = {load(test::hengshui), load(test::gansu), load(test::district)};
  std::vector<text::document> docs;
  std::vector<plan> plans;
  for (const auto& p : peers) docs.push_back(p.doc), plans.push_back(p.p);
  analysis::gap_options o;
  o.min_peers = 1;
  const auto one = analysis::consensus_gaps(ningbo.doc, ningbo.p, docs, plans, o);
  o.min_peers = 3;
  const auto three = analysis::consensus_gaps(ningbo.doc, ningbo.p, docs, plans, o);
  CHECK(three.gaps.size() <= one.gaps.size());
  for (const auto& g : one.gaps) check_evidence(g.in_reference, {&peers[0], &peers[1], &peers[2]});
  // A subject with no measures lacks every theme the peers share.
  plan empty;
  empty.source.path = "empty.txt";
  const text::document nothing;
  const auto all = analysis::consensus_gaps(nothing, empty, docs, plans, o);
  CHECK(all.count("consensus_theme") > 0);
}

TEST_CASE("align_vertical: a synthetic upper plan assembled from measures of several seeds") {
  // Upper plan: the first 10 measures of Hengshui and the first 10 of the district, as one
  // plan; lower plan: Hengshui. The ten Hengshui measures are carried down, most district
  // ones are not, and Hengshui's other 25 measures are local additions.
  const seed hengshui = load(test::hengshui);
  const seed district = load(test::district);
  text::document upper_doc;
  plan upper;
  upper.source.path = "upper.txt";
  for (const seed* s : {&hengshui, &district})
    for (std::size_t i = 0; i < 10; ++i) {
      measure m = s->p.measures[i];
      const std::uint64_t at = upper_doc.original.size();
      upper_doc.original += s->doc.original.substr(m.where.begin, m.where.size());
      m.id = (s == &hengshui ? "H." : "D.") + m.id;
      m.where = {at, upper_doc.original.size()};
      upper.measures.push_back(std::move(m));
    }
  const auto v = analysis::align_vertical(upper_doc, upper, hengshui.doc, hengshui.p);
  CHECK(v.upper_measures == 20);
  std::size_t hengshui_carried = 0;
  for (const auto& p : v.alignment.pairs)
    if (p.id_a.starts_with("H.")) {
      ++hengshui_carried;
      CHECK(p.id_a == "H." + p.id_b);
    }
  CHECK(hengshui_carried == 10);
  CHECK(v.carried >= 10);
  CHECK(v.carried + v.not_carried.size() == 20);
  CHECK(v.local_additions.size() == hengshui.p.measures.size() - v.carried);
  CHECK(v.carried_share == doctest::Approx(static_cast<double>(v.carried) / 20.0));
  CHECK(analysis::to_table(v).rows.size() == v.carried + v.not_carried.size() + v.local_additions.size());
}

TEST_CASE("diff_plans: Ningbo 2017 → 2020") {
  const seed old_plan = load(test::ningbo_2017);
  const seed new_plan = load(test::ningbo_2020);
  const auto d = analysis::diff_plans(old_plan.doc, old_plan.p, new_plan.doc, new_plan.p);
  const auto carried = std::find_if(d.changes.begin(), d.changes.end(),
                                    [](const auto& c) { return c.kind == "carried" && c.item_new == "五.(十八)"; });
  REQUIRE(carried != d.changes.end());
  CHECK(carried->item_old == "三.(一).3");
  CHECK(carried->detail == "shared passage");
  CHECK(carried->in_new.text.starts_with("加强《企业知识产权管理规范》"));
  check_evidence(carried->in_old, {&old_plan, &new_plan});
  check_evidence(carried->in_new, {&old_plan, &new_plan});
  const auto renamed = std::find_if(d.changes.begin(), d.changes.end(),
                                    [](const auto& c) { return c.item_old == "市知识产权局"; });
  REQUIRE(renamed != d.changes.end());
  CHECK(renamed->kind == "agency_renamed");
  CHECK(renamed->item_new == "市场监督管理局");
  check_evidence(renamed->in_old, {&old_plan, &new_plan});
  for (const auto& c : d.changes) {
    if (c.kind == "agency_dropped") CHECK(c.item_old != "市知识产权局");
    check_evidence(c.in_old, {&old_plan, &new_plan});
    check_evidence(c.in_new, {&old_plan, &new_plan});
  }
  CHECK(d.count("carried") + d.count("dropped") == old_plan.p.measures.size());
  CHECK(d.count("carried") + d.count("new") == new_plan.p.measures.size());
  CHECK(d.count("target_new") > 0);
  CHECK(analysis::to_table(d).rows.size() == d.changes.size());
}
