// SPDX-License-Identifier: MIT
// Gap analysis on the seeds: accountability counts against counts taken by hand from the
// seed files, gaps of each of the four jurisdictions against the others (every evidence
// span re-read to the printed text), consensus gaps, vertical alignment against a
// synthetic upper plan, and the Ningbo 2017 → 2020 version diff.
#include <plancmp/analysis/gaps.hpp>
#include <plancmp/analysis/target_comparison.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/fmt.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/gaps_tables.hpp>
#include <plancmp/text/document.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
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
/// A seed as the comparing analyses take it (a copy of its document and plan).
source_plan source_of(const seed& s) { return {s.doc, s.p}; }

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

TEST_CASE("gap_kind and change_kind: names, their inverse, fmt") {
  using analysis::change_kind;
  using analysis::gap_kind;
  for (int i = 0; i <= static_cast<int>(gap_kind::empty_restatement); ++i) {
    const auto k = static_cast<gap_kind>(i);
    CHECK(analysis::parse_gap_kind(to_string(k)) == k);
  }
  for (int i = 0; i <= static_cast<int>(change_kind::target_not_carried); ++i) {
    const auto k = static_cast<change_kind>(i);
    CHECK(analysis::parse_change_kind(to_string(k)) == k);
  }
  CHECK(to_string(change_kind::new_) == "new");
  CHECK(to_string(gap_kind::goal_without_target) == "goal_without_target");
  CHECK(fmt::format("{} {}", gap_kind::no_lead, change_kind::target_share_of_superior) ==
        "no_lead target_share_of_superior");
  CHECK_THROWS_WITH_AS((void)analysis::parse_gap_kind("new"),
                       "unknown gap kind \"new\" (known: measure, theme, indicator, weaker_target, agency_function, "
                       "targets_missing, agencies_missing, consensus_theme, consensus_indicator, no_agency, no_lead, "
                       "no_deadline, goal_without_target, outsized_lead, empty_restatement)",
                       usage_error);
  CHECK_THROWS_WITH_AS((void)analysis::parse_change_kind("new_"), doctest::Contains("unknown change kind \"new_\""),
                       usage_error);
}

TEST_CASE("accountability_gaps: counts taken by hand from the seed files") {
  // tests/data/accountability_hand_counts.json holds, for each seed and category, the
  // measures counted by hand from the seed file (grep/sed and reading; how, seed by seed,
  // is written there) — the library must find exactly those.
  const auto hand = nlohmann::json::parse(read_file(std::string(PLANCMP_TEST_DATA_DIR) + "/accountability_hand_counts.json"));
  REQUIRE(hand.at("seeds").size() == 5);
  // No structured binding: CAPTURE captures it in a lambda, which clang 14 refuses.
  for (const auto& item : hand.at("seeds").items()) {
    const std::string file = item.key();
    const auto& e = item.value();
    CAPTURE(file);
    const seed s = load(file);
    REQUIRE(s.p.measures().size() == e.at("measures").get<std::size_t>());
    CHECK(analysis::plan_label(s.p) == e.at("label").get<std::string>());
    const auto r = analysis::accountability_gaps(source_of(s));
    // Gansu and the district number their tasks straight through: the hand ids are the
    // task numbers, the last element of the library's numbering path.
    const bool straight = file == test::gansu || file == test::district;
    auto short_id = [&](const std::string& id) {
      return straight && id.find('.') != std::string::npos ? id.substr(id.rfind('.') + 1) : id;
    };
    using analysis::gap_kind;
    for (const gap_kind kind : {gap_kind::no_agency, gap_kind::no_lead, gap_kind::no_deadline,
                                gap_kind::goal_without_target, gap_kind::empty_restatement}) {
      CAPTURE(kind);
      std::vector<std::string> expected, found;
      const auto& ids = e.at(std::string(to_string(kind))).at("ids");
      if (ids.is_string()) {
        REQUIRE(ids.get<std::string>() == "all");
        for (const auto& m : s.p.measures()) expected.push_back(short_id(m.id));
      } else {
        expected = ids.get<std::vector<std::string>>();
      }
      for (const auto& g : r.gaps)
        if (g.kind == kind) found.push_back(short_id(g.item));
      std::sort(expected.begin(), expected.end());
      std::sort(found.begin(), found.end());
      CHECK(found == expected);
    }
    const auto& outsized = e.at("outsized_lead");
    CHECK(r.count(analysis::gap_kind::outsized_lead) == (outsized.contains("agency") ? 1U : 0U));
    if (outsized.contains("agency")) {
      const auto name = outsized.at("agency").get<std::string>();
      const auto it = std::find_if(r.gaps.begin(), r.gaps.end(), [](const auto& g) { return g.kind == analysis::gap_kind::outsized_lead; });
      REQUIRE(it != r.gaps.end());
      CHECK(it->item == name);
      CHECK(it->detail == fmt::format("leads {} of {} measures", outsized.at("leads").get<int>(), s.p.measures().size()));
      if (outsized.contains("led")) {
        std::vector<std::string> led;
        for (const auto& m : s.p.measures())
          if (std::any_of(m.lead.begin(), m.lead.end(), [&](const auto& a) { return a.name == name; }))
            led.push_back(short_id(m.id));
        CHECK(led == outsized.at("led").get<std::vector<std::string>>());
      }
    }
    for (const auto& g : r.gaps) check_evidence(g.in_reference, {&s});
  }
}

TEST_CASE("gaps_against: each of the four jurisdictions against the others, every span re-read") {
  const std::vector<seed> s = {load(test::ningbo_2020), load(test::hengshui), load(test::gansu), load(test::district)};
  std::vector<const seed*> all;
  for (const auto& x : s) all.push_back(&x);
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::vector<source_plan> refs;
    for (std::size_t j = 0; j < s.size(); ++j)
      if (j != i) refs.push_back(source_of(s[j]));
    const auto r = analysis::gaps_against(source_of(s[i]), refs);
    CAPTURE(r.subject);
    CHECK(r.references.size() == 3);
    // Reference measures without a counterpart, summed over the three references (the
    // values of this build, pinned: a change to alignment or parsing shows here). The
    // sentence, context and position signals of issue 21 moved them from 97, 104, 36, 65:
    // against Hengshui, Ningbo 2020's gaps fell from 11 to 2. The gold pair
    // (tests/data/gold/alignment/000…__001….json) links all 11 to a Ningbo measure; of the
    // two now, 五.(五) has no link in the gold (a true gap) and 八.(一) has one (still missed).
    // The coding round of issue 20 then took two of the district's: Gansu 三.(二).50 (revising
    // a 《…认定和管理办法》) now pairs with the district's 50 (also revising a 管理办法), and
    // Gansu 五.(二).72 (试点示范城市建设) with the district's own demonstration item. Its
    // fourth round gave one back: 产业集群 (guidance) changes the sub-tool profile of the
    // district's 三.34, and Hengshui 四.(三) 培育高价值商标品牌 falls to 0.330.
    const std::map<std::string, std::size_t> measure_gaps = {
        {"宁波市 2020", 91}, {"衡水市 2022", 72}, {"甘肅省 2020", 47}, {"武汉市某区 2024", 69}};
    CHECK(r.count(analysis::gap_kind::measure) == measure_gaps.at(r.subject));
    for (const auto& g : r.gaps) {
      CHECK(!g.in_reference.where.empty());
      check_evidence(g.in_reference, all);
      check_evidence(g.in_subject, all);
    }
    // The table's evidence cells carry the same spans.
    const auto t = report::to_table(r);
    REQUIRE(t.rows.size() == r.gaps.size());
    for (std::size_t k = 0; k < t.rows.size(); ++k) {
      const auto& cell = t.rows[k][5];
      REQUIRE(cell.where);
      CHECK(*cell.where == r.gaps[k].in_reference.where);
      CHECK(cell.full_text() == r.gaps[k].in_reference.text);
      for (auto f : {report::table_format::markdown, report::table_format::csv, report::table_format::json})
        CHECK(!report::render(t, f).empty());
    }
  }
  SUBCASE("Ningbo 2020 names no agency: agency functions are n/a, not gaps") {
    const auto r = analysis::gaps_against(source_of(s[0]), std::vector{source_of(s[1])});
    CHECK(r.count(analysis::gap_kind::agency_function) == 0);
    CHECK(r.count(analysis::gap_kind::agencies_missing) == 1);
    CHECK(r.count(analysis::gap_kind::indicator) == 6);
  }
  SUBCASE("the district states no target: indicators are n/a, not gaps") {
    const auto r = analysis::gaps_against(source_of(s[3]), std::vector{source_of(s[1])});
    CHECK(r.count(analysis::gap_kind::indicator) == 0);
    CHECK(r.count(analysis::gap_kind::targets_missing) == 1);
  }
}

TEST_CASE("consensus_gaps: a theme all peers cover is a gap of a subject without it") {
  const seed ningbo = load(test::ningbo_2020);
  const std::vector<seed> peers = {load(test::hengshui), load(test::gansu), load(test::district)};
  std::vector<source_plan> others;
  for (const auto& p : peers) others.push_back(source_of(p));
  analysis::gap_options o;
  o.min_peers = 1;
  const auto one = analysis::consensus_gaps(source_of(ningbo), others, o);
  o.min_peers = 3;
  const auto three = analysis::consensus_gaps(source_of(ningbo), others, o);
  CHECK(three.gaps.size() <= one.gaps.size());
  for (const auto& g : one.gaps) check_evidence(g.in_reference, {&peers[0], &peers[1], &peers[2]});
  // A subject with no measures lacks every theme the peers share.
  plan empty;
  empty.source.path = "empty.txt";
  const auto all = analysis::consensus_gaps(source_plan(text::document{}, empty), others, o);
  CHECK(all.count(analysis::gap_kind::consensus_theme) == 10);
}

TEST_CASE("align_vertical: a synthetic upper plan assembled from measures of several seeds") {
  // Upper plan: the first 10 measures of Hengshui and the first 10 of the district, as one
  // plan; lower plan: Hengshui. The ten Hengshui measures are carried down, most district
  // ones are not, and Hengshui's other 25 measures are local additions.
  const seed hengshui = load(test::hengshui);
  const seed district = load(test::district);
  text::document upper_doc;
  plan_content upper_content;
  for (const seed* s : {&hengshui, &district})
    for (std::size_t i = 0; i < 10; ++i) {
      measure m = s->p.measures()[i];
      const std::uint64_t at = upper_doc.original.size();
      upper_doc.original += s->doc.original.substr(m.where.begin, m.where.size());
      m.id = (s == &hengshui ? "H." : "D.") + m.id;
      m.where = {at, upper_doc.original.size()};
      upper_content.measures.push_back(std::move(m));
    }
  plan upper(std::move(upper_content));
  upper.source.path = "upper.txt";
  const auto v = analysis::align_vertical(source_plan(upper_doc, upper), source_of(hengshui));
  CHECK(v.upper_measures == 20);
  std::size_t hengshui_carried = 0;
  std::set<std::string> upper_linked, lower_linked;
  std::set<std::string> self_linked;
  for (const auto& p : v.alignment.pairs) {
    upper_linked.insert(p.id_a);
    lower_linked.insert(p.id_b);
    if (p.id_a.starts_with("H.") && !p.extra) ++hengshui_carried;
    if (p.id_a == "H." + p.id_b) self_linked.insert(p.id_b);
  }
  // Every Hengshui measure of the upper plan is linked to itself. (The one-to-one
  // assignment maximizes the sum of link scores, and link scores saturate near 1: a
  // district measure on judicial protection may take 五.(三) in the assignment, its
  // identical copy then links as a further link.)
  CHECK(self_linked.size() == 10);
  CHECK(hengshui_carried == 10);
  CHECK(v.carried >= 10);
  CHECK(v.carried == upper_linked.size());  // measures, not links (a measure may have several)
  CHECK(v.carried + v.not_carried.size() == 20);
  CHECK(v.local_additions.size() == hengshui.p.measures().size() - lower_linked.size());
  CHECK(v.carried_share == doctest::Approx(static_cast<double>(v.carried) / 20.0));
  CHECK(report::to_table(v).rows.size() ==
        v.alignment.pairs.size() + v.not_carried.size() + v.local_additions.size() + v.targets.size());
  // The synthetic upper plan states no target: target rows are n/a, not "not carried".
  REQUIRE(v.targets.size() == 1);
  CHECK(v.targets[0].kind == analysis::change_kind::targets_missing);
}

// The lower level's targets against the superior's (issue 21): Hengshui as its own superior,
// the lower copy aiming at half of every target. Rates, shares and per-unit targets
// compare directly (below the superior); an amount is the lower level's share of the
// superior's, never "weaker"; a class the lower plan drops is not carried.
TEST_CASE("align_vertical: targets set against the superior's") {
  const seed upper = load(test::hengshui);
  seed lower = load(test::hengshui);
  plan_content halved = lower.p.content();
  for (auto& t : halved.targets) {
    t.value /= 2.0;
    t.normalized_value /= 2.0;
  }
  std::erase_if(halved.targets, [](const target& t) { return t.indicator_key == "invention_patents_per_10k"; });
  lower.p.set_content(std::move(halved));
  const auto v = analysis::align_vertical(source_of(upper), source_of(lower));
  REQUIRE(!v.targets.empty());
  std::set<analysis::change_kind> kinds;
  bool amount_seen = false;
  bool rate_seen = false;
  for (const auto& row : v.targets) {
    kinds.insert(row.kind);
    CAPTURE(row.item_old);
    CAPTURE(row.detail);
    if (row.item_old == "invention_patents_per_10k") {
      CHECK(row.kind == analysis::change_kind::target_not_carried);
      continue;
    }
    // The superior's target of the row: its indicator and its bytes.
    const auto t = std::find_if(upper.p.targets().begin(), upper.p.targets().end(), [&](const target& x) {
      return x.indicator_key == row.item_old && x.where == row.in_old.where;
    });
    REQUIRE(t != upper.p.targets().end());
    const auto profile = analysis::profile_of(*t);
    const bool level_free = profile.quantity == analysis::target_quantity::share ||
                            profile.quantity == analysis::target_quantity::growth_rate ||
                            profile.scope == analysis::target_scope::per_unit;
    if (level_free) {
      rate_seen = true;
      CHECK(row.kind == (t->kind == comparator::reduce_by ? analysis::change_kind::target_above_superior
                                                      : analysis::change_kind::target_below_superior));
    } else {
      amount_seen = true;
      CHECK(row.kind == analysis::change_kind::target_share_of_superior);
      CHECK(row.score == doctest::Approx(0.5));
      CHECK(row.detail.ends_with(": 50.0 % of the superior's"));
    }
  }
  CHECK(amount_seen);
  CHECK(rate_seen);
  CHECK(kinds.contains(analysis::change_kind::target_not_carried));
  CHECK_FALSE(kinds.contains(analysis::change_kind::target_weakened));  // a vertical pair is no edition
  // Against itself every class is as the superior's, or 100 % of it.
  const auto same = analysis::align_vertical(source_of(upper), source_of(upper));
  for (const auto& row : same.targets) {
    CAPTURE(row.item_old);
    CHECK((row.kind == analysis::change_kind::target_as_superior || (row.kind == analysis::change_kind::target_share_of_superior && row.score == 1.0)));
  }
}

TEST_CASE("diff_plans: Ningbo 2017 → 2020") {
  const seed old_plan = load(test::ningbo_2017);
  const seed new_plan = load(test::ningbo_2020);
  const auto d = analysis::diff_plans(source_of(old_plan), source_of(new_plan));
  const auto carried = std::find_if(d.changes.begin(), d.changes.end(),
                                    [](const auto& c) { return c.kind == analysis::change_kind::carried && c.item_new == "五.(十八)"; });
  REQUIRE(carried != d.changes.end());
  CHECK(carried->item_old == "三.(一).3");
  CHECK(carried->detail == "same, shared passage");
  CHECK(carried->in_new.text.starts_with("加强《企业知识产权管理规范》"));
  check_evidence(carried->in_old, {&old_plan, &new_plan});
  check_evidence(carried->in_new, {&old_plan, &new_plan});
  const auto renamed = std::find_if(d.changes.begin(), d.changes.end(),
                                    [](const auto& c) { return c.item_old == "市知识产权局"; });
  REQUIRE(renamed != d.changes.end());
  CHECK(renamed->kind == analysis::change_kind::agency_renamed);
  // The 2020 draft names no responsible agency: nothing is dropped or new, it is n/a.
  CHECK(d.count(analysis::change_kind::agencies_missing) == 1);
  CHECK(d.count(analysis::change_kind::agency_dropped) == 0);
  CHECK(renamed->item_new == "市场监督管理局");
  check_evidence(renamed->in_old, {&old_plan, &new_plan});
  for (const auto& c : d.changes) {
    if (c.kind == analysis::change_kind::agency_dropped) CHECK(c.item_old != "市知识产权局");
    check_evidence(c.in_old, {&old_plan, &new_plan});
    check_evidence(c.in_new, {&old_plan, &new_plan});
  }
  // Every measure is carried (by one link or several), dropped or new.
  std::set<std::string> old_carried, new_carried;
  for (const auto& c : d.changes)
    if (c.kind == analysis::change_kind::carried) old_carried.insert(c.item_old), new_carried.insert(c.item_new);
  CHECK(old_carried.size() + d.count(analysis::change_kind::dropped) == old_plan.p.measures().size());
  CHECK(new_carried.size() + d.count(analysis::change_kind::new_) == new_plan.p.measures().size());
  // The carry-overs in new words (issue 21): publicity, overseas disputes, credit,
  // administrative enforcement, finance and insurance.
  const auto is_carried = [&](std::string_view from, std::string_view to) {
    return std::any_of(d.changes.begin(), d.changes.end(), [&](const auto& c) {
      return c.kind == analysis::change_kind::carried && c.item_old == from && c.item_new == to;
    });
  };
  CHECK(is_carried("四.(五)", "六.(二十四)"));       // 加强宣传推广 → 强化宣传引导
  CHECK(is_carried("三.(三).4", "二.(六)"));         // 涉外争端 → 海外维权
  CHECK(is_carried("三.(三).3", "二.(三)"));         // 信用体系
  CHECK(is_carried("三.(三).1.(1)", "二.(五)"));     // 行政执法
  CHECK(is_carried("三.(二).3", "四.(十四)"));       // 资本供给 → 投融资和保险
  CHECK(d.count(analysis::change_kind::target_new) == 12);
  CHECK(report::to_table(d).rows.size() == d.changes.size());
}
