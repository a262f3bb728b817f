// SPDX-License-Identifier: MIT
#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/learned_coder.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/agreement_tables.hpp>
#include <plancmp/report/workbook.hpp>
#include <plancmp/text/formats.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "reference/agreement_reference.hpp"

#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace plancmp;
using namespace plancmp::analysis;

namespace {

std::vector<bool> bits(std::initializer_list<int> v) {
  std::vector<bool> out;
  for (int x : v) out.push_back(x != 0);
  return out;
}

// std::vector<bool> has no data(); copy into a span-able buffer.
struct bool_buffer {
  std::unique_ptr<bool[]> data;
  std::size_t size;
  explicit bool_buffer(const std::vector<bool>& v) : data(new bool[v.size()]), size(v.size()) {
    for (std::size_t i = 0; i < v.size(); ++i) data[i] = v[i];
  }
  std::span<const bool> span() const { return {data.get(), size}; }
};

double kappa(const std::vector<bool>& a, const std::vector<bool>& b) {
  return cohen_kappa(bool_buffer(a).span(), bool_buffer(b).span());
}
double alpha(const std::vector<bool>& a, const std::vector<bool>& b) {
  return krippendorff_alpha(bool_buffer(a).span(), bool_buffer(b).span());
}

coded_unit unit(std::string id, bool ip, std::vector<std::string> chain, std::vector<std::string> tools) {
  coded_unit u;
  u.source = "seeds/x.txt";
  u.id = std::move(id);
  u.ip_related = ip;
  u.value_chain = std::move(chain);
  u.policy_tools = std::move(tools);
  return u;
}

}  // namespace

TEST_CASE("agreement: kappa and alpha by hand") {
  // both 3, only a 1, only b 1, neither 5.
  const auto a = bits({1, 1, 0, 0, 1, 0, 1, 0, 0, 0});
  const auto b = bits({1, 0, 0, 0, 1, 0, 1, 1, 0, 0});
  // p_o = 0.8, p_e = 0.4·0.4 + 0.6·0.6 = 0.52, κ = 0.28 / 0.48.
  CHECK(kappa(a, b) == doctest::Approx(0.28 / 0.48));
  // n = 20 values, n1 = 8, n0 = 12, 2 disagreeing units: α = 1 − 19·2 / (8·12).
  CHECK(alpha(a, b) == doctest::Approx(1.0 - 38.0 / 96.0));
  SUBCASE("perfect agreement") {
    CHECK(kappa(a, a) == doctest::Approx(1.0));
    CHECK(alpha(a, a) == doctest::Approx(1.0));
  }
  SUBCASE("undefined without variation") {
    const auto zeros = bits({0, 0, 0});
    CHECK(std::isnan(kappa(zeros, zeros)));
    CHECK(std::isnan(alpha(zeros, zeros)));
  }
  SUBCASE("systematic disagreement is negative") {
    CHECK(kappa(bits({1, 0, 1, 0}), bits({0, 1, 0, 1})) == doctest::Approx(-1.0));
  }
  SUBCASE("length mismatch") {
    CHECK_THROWS_WITH_AS((void)kappa(bits({1, 0}), bits({1})),
                         "cohen_kappa: the codings differ in length (2 and 1)", usage_error);
  }
}

TEST_CASE("agreement: differential against the reference on random codings") {
  std::mt19937 rng(20);
  for (int round = 0; round < 200; ++round) {
    const std::size_t n = 2 + rng() % 40;
    std::bernoulli_distribution pa(0.1 + 0.8 * static_cast<double>(rng() % 100) / 100.0);
    std::bernoulli_distribution flip(0.3 * static_cast<double>(rng() % 100) / 100.0);
    std::vector<bool> a(n), b(n);
    std::vector<int> ia(n), ib(n);
    std::vector<std::vector<int>> pairs(n);
    for (std::size_t i = 0; i < n; ++i) {
      a[i] = pa(rng);
      b[i] = flip(rng) ? !a[i] : a[i];
      ia[i] = a[i];
      ib[i] = b[i];
      pairs[i] = {ia[i], ib[i]};
    }
    const double k = kappa(a, b);
    const double rk = reference::cohen_kappa(ia, ib);
    CHECK(std::isnan(k) == std::isnan(rk));
    if (!std::isnan(rk)) CHECK(k == doctest::Approx(rk));
    const double al = alpha(a, b);
    const double ral = reference::krippendorff_alpha(pairs);
    CHECK(std::isnan(al) == std::isnan(ral));
    if (!std::isnan(ral)) CHECK(al == doctest::Approx(ral));
  }
}

TEST_CASE("agreement: two sheets, per theme and pooled") {
  coding_sheet a, b;
  a.coder = "A";
  b.coder = "B";
  a.units = {unit("1", true, {"protection"}, {"environment"}), unit("2", true, {"creation", "management"}, {"supply"}),
             unit("3", false, {}, {"supply", "demand"}), unit("4", true, {"services"}, {"supply"})};
  b.units = {unit("1", true, {"protection"}, {"environment"}), unit("2", true, {"creation"}, {"supply", "environment"}),
             unit("3", true, {"management"}, {"supply"})};
  const auto r = compare_codings(a, b);
  CHECK(r.matched == 3);
  REQUIRE(r.unmatched.size() == 1);
  CHECK(r.unmatched[0] == "seeds/x.txt 4");
  const auto* ip = r.find("ip_related", "ip_related");
  REQUIRE(ip != nullptr);
  CHECK(ip->both == 2);
  CHECK(ip->only_b == 1);
  CHECK(ip->precision == doctest::Approx(2.0 / 3.0));
  CHECK(ip->recall == doctest::Approx(1.0));
  const auto* mgmt = r.find("value_chain", "management");
  REQUIRE(mgmt != nullptr);
  CHECK(mgmt->only_a == 1);
  CHECK(mgmt->only_b == 1);
  CHECK(mgmt->f1 == doctest::Approx(0.0));
  const auto* pooled = r.find("value_chain", "(all)");
  REQUIRE(pooled != nullptr);
  CHECK(pooled->units == 15);
  const auto t = report::to_table(r);
  CHECK(t.rows.size() == 1 + 6 + 4);
}

TEST_CASE("agreement: coding sheets read and write plancmp.gold.coding/1") {
  const std::string json = R"({"schema": "plancmp.gold.coding/1", "coder": "A", "units": [
    {"source": "seeds/a.txt", "id": "一.1", "text_start": "加强", "ip_related": true,
     "value_chain": ["protection", "creation"], "policy_tools": ["environment"]}]})";
  const auto s = coding_sheet::from_json(json, "A.json");
  REQUIRE(s.units.size() == 1);
  CHECK(s.units[0].value_chain == std::vector<std::string>{"creation", "protection"});
  const auto again = coding_sheet::from_json(s.to_json(), "again.json");
  CHECK(again.units == s.units);
  CHECK_THROWS_WITH_AS(
      (void)coding_sheet::from_json(R"({"schema": "plancmp.gold.coding/1", "coder": "A", "units": [
        {"source": "s", "id": "1", "ip_related": true, "value_chain": ["making"]}]})",
                                    "bad.json"),
      doctest::Contains("bad.json: /units/0/value_chain/0: unknown code \"making\""), schema_error);
  CHECK_THROWS_WITH_AS(
      (void)coding_sheet::from_json(R"({"schema": "plancmp.gold.coding/1", "coder": "A", "units": [
        {"source": "s", "id": "1", "ip_related": false, "value_chain": ["creation"]}]})",
                                    "bad.json"),
      doctest::Contains("must be empty when ip_related is false"), schema_error);
}

TEST_CASE("agreement: plancmp codes a seed by the codebook") {
  const std::string path = std::string(PLANCMP_SEEDS_DIR) + "/003_53900fa8173cc0f4.txt";
  const auto doc = text::read_any_document(path);
  const auto p = parse::parse_document(doc);
  const auto units = code_plan(p, doc, "seeds/003_53900fa8173cc0f4.txt");
  REQUIRE(units.size() == p.measures().size());
  for (const auto& u : units) {
    CHECK_FALSE(u.policy_tools.empty());  // every unit gets a tool (the default: guidance)
    if (!u.ip_related) CHECK(u.value_chain.empty());
    if (u.ip_related) CHECK_FALSE(u.value_chain.empty());  // the default stage: management
  }
}

// plancmp against the human gold (tests/data/gold/coding, docs/gold.md): the figures the
// README and docs/codebook.md quote. Floors sit a little under the measured values so a
TEST_CASE("coding sheet: the xlsx workbook reads back as the sheet it was written from") {
  const std::string file = std::string(PLANCMP_TEST_DATA_DIR) + "/gold/coding/B.json";
  const auto sheet = coding_sheet::from_file(file);
  const auto bytes = report::to_xlsx({report::to_table(sheet)});
  const auto back = coding_sheet::from_xlsx(bytes, "B.xlsx");
  CHECK(back.coder == sheet.coder);
  CHECK_FALSE(back.automatic);
  REQUIRE(back.units.size() == sheet.units.size());
  const auto r = compare_codings(sheet, back);
  CHECK(r.matched == sheet.units.size());
  for (const auto& row : r.rows) CHECK((row.only_a + row.only_b) == 0);
  CHECK_THROWS_WITH_AS((void)coding_sheet::from_xlsx("not a zip", "x.xlsx"),
                       doctest::Contains("x.xlsx"), parse_error);
  // A workbook of some other table: no sheet has the coding columns.
  report::table other;
  other.columns = {"plan", "share"};
  other.rows = {{report::cell("a"), report::cell("b")}};
  CHECK_THROWS_AS((void)coding_sheet::from_xlsx(report::to_xlsx({other}), "y.xlsx"), schema_error);
}

// regression fails; the targets of issue 20 are κ ≥ 0.80 and ip_related precision ≥ 0.95.
TEST_CASE("agreement: plancmp against the gold coding sheets") {
  const std::string gold = std::string(PLANCMP_TEST_DATA_DIR) + "/gold/coding/";
#ifdef PLANCMP_CORPUS_DIR
  const std::string corpus = PLANCMP_CORPUS_DIR;
#else
  const std::string corpus = "/nonexistent";
  MESSAGE("../shared/corpus is absent: corpus units are reported as not coded");
#endif
  // B is the second coder on 79 units of both; the rules were read against it only for
  // utilization (fourth round), so it is otherwise the held-out check (floors as for C).
  for (const char* coder : {"A", "C", "B"}) {
    const std::string file = gold + coder + ".json";
    if (!std::filesystem::exists(file)) {
      MESSAGE("no gold sheet " << file);
      continue;
    }
    const auto sheet = coding_sheet::from_file(file);
    const auto sources = sources_of(sheet);
    const auto mine = code_sources(sources, {PLANCMP_SEEDS_DIR, corpus});
    const auto r = compare_codings(sheet, mine.sheet);
    std::string line = fmt::format("coder {}: {} matched units;", coder, r.matched);
    for (const auto& row : r.rows)
      line += fmt::format(" {}:{} kappa {:.3f} P {:.3f};", row.variable, row.theme, row.kappa, row.precision);
    MESSAGE(line);
    if (r.matched < 50) continue;  // corpus absent
    const auto* ip = r.find("ip_related", "ip_related");
    CHECK(ip->precision >= 0.95);
    for (const auto& stage : value_chain_stages()) CHECK(r.find("value_chain", stage)->kappa >= (coder[0] == 'A' ? 0.86 : 0.82));
    CHECK(r.find("value_chain", "(all)")->kappa >= (coder[0] == 'A' ? 0.88 : 0.89));
    CHECK(r.find("policy_tools", "(all)")->kappa >= (coder[0] == 'A' ? 0.9 : 0.8));
    // Per tool type. Environment is the weakest: exhortation beside an instrument is coded
    // differently by A and C; dated targets (到2025年…, 年底前) are environment for both.
    // Floors a little under the December 2026 figures (fourth round: A 0.926/0.842/0.888,
    // C 0.736/0.554/0.895, B 0.824/0.916/0.824 for supply/environment/demand; B utilization
    // 0.848, the lowest stage of B and C).
    CHECK(r.find("policy_tools", "supply")->kappa >= (coder[0] == 'A' ? 0.91 : 0.72));
    CHECK(r.find("policy_tools", "environment")->kappa >= (coder[0] == 'A' ? 0.82 : 0.54));
    CHECK(r.find("policy_tools", "demand")->kappa >= (coder[0] == 'A' ? 0.87 : 0.8));
    CHECK(r.find("value_chain", "management")->kappa >= 0.85);
  }
}

TEST_CASE("learned coder: deterministic k-fold F1 per theme and suggestions") {
  const auto sheet = coding_sheet::from_file(std::string(PLANCMP_TEST_DATA_DIR) + "/gold/coding/A.json");
  coding_sheet part;
  part.coder = "A";
  for (const auto& u : sheet.units) {
    if (u.source == "seeds/003_53900fa8173cc0f4.txt") part.units.push_back(u);
  }
  const std::vector<std::string> sources{"seeds/003_53900fa8173cc0f4.txt", "seeds/004_b234aa7c753f2ac8.txt"};
  const auto units = learning_units(sources, {PLANCMP_SEEDS_DIR, "/nonexistent"});
  CHECK(units.missing.empty());
  learner_options o;
  o.folds = 3;
  o.epochs = 100;
  o.suggest = 4;
  const auto r = learn(part, units.units, o);
  CHECK(r.trained == part.units.size());
  REQUIRE(r.quality.size() == 9);
  CHECK(r.quality[0].theme == "ip_related");
  REQUIRE(r.suggestions.size() == 4);
  for (const auto& s : r.suggestions) CHECK(s.source == "seeds/004_b234aa7c753f2ac8.txt");
  for (std::size_t i = 1; i < r.suggestions.size(); ++i)
    CHECK(r.suggestions[i - 1].uncertainty >= r.suggestions[i].uncertainty);
  const auto again = learn(part, units.units, o);
  CHECK(again.suggestions.front().id == r.suggestions.front().id);
  CHECK(again.quality.front().learned_f1 == r.quality.front().learned_f1);
  CHECK(report::to_tables(r).size() == 2);
  o.folds = 1;
  CHECK_THROWS_AS((void)learn(part, units.units, o), usage_error);
}

// Coders D and H each coded, without seeing the other's sheet, the 138 measures of seven
// corpus documents no other sheet covers, after the dictionaries were last tuned; no rule
// has been read against either sheet since (tests/data/gold/coding-heldout, docs/gold.md):
// the figure to expect on a sample not seen, beside what two people reach on it. Printed,
// and held at floors a little under the figures when they were added so that they can only
// rise; the targets of issue 20 (κ ≥ 0.80) are far from met on it.
TEST_CASE("agreement: plancmp against a sheet coded after the dictionaries were tuned (reads ../shared/corpus)") {
#ifdef PLANCMP_CORPUS_DIR
  const std::string corpus = PLANCMP_CORPUS_DIR;
#else
  const std::string corpus = "/nonexistent";
#endif
  const std::string dir = std::string(PLANCMP_TEST_DATA_DIR) + "/gold/coding-heldout/";
  const auto d = coding_sheet::from_file(dir + "D.json");
  const auto h = coding_sheet::from_file(dir + "H.json");
  REQUIRE(d.units.size() == 138);
  REQUIRE(h.units.size() == 138);
  // The two people, on every unit: their agreement needs no document.
  const auto people = compare_codings(d, h);
  CHECK(people.matched == 138);
  CHECK(people.find("policy_tools", "supply")->kappa == doctest::Approx(0.897).epsilon(0.002));
  CHECK(people.find("policy_tools", "environment")->kappa == doctest::Approx(0.632).epsilon(0.002));
  CHECK(people.find("policy_tools", "demand")->kappa == doctest::Approx(0.937).epsilon(0.002));
  CHECK(people.find("ip_related", "ip_related")->kappa == doctest::Approx(1.0));

  const auto mine = code_sources(sources_of(d), {PLANCMP_SEEDS_DIR, corpus});
  for (const auto* sheet : {&d, &h}) {
    const auto r = compare_codings(*sheet, mine.sheet);
    std::string line = fmt::format("coder {}: {} matched units;", sheet->coder, r.matched);
    for (const auto& row : r.rows) line += fmt::format(" {}:{} kappa {:.3f};", row.variable, row.theme, row.kappa);
    MESSAGE(line);
    if (r.matched < 100) {
      MESSAGE("../shared/corpus is absent at " << corpus << ": plancmp is not compared with coder " << sheet->coder);
      continue;
    }
    CHECK(r.find("ip_related", "ip_related")->precision >= 0.95);
    CHECK(r.find("policy_tools", "supply")->kappa >= 0.42);
    CHECK(r.find("policy_tools", "environment")->kappa >= 0.30);
    // 0.75 until the MIIT testing-equipment plan's items were read without the lead
    // paragraph of the next group, which the coders coded as part of the item before it
    // (their notes say so): H's demand on 三.(二).4 came from that paragraph (docs/codebook.md).
    CHECK(r.find("policy_tools", "demand")->kappa >= 0.74);
    CHECK(r.find("policy_tools", "(all)")->kappa >= 0.66);
  }
}
