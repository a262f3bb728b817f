// SPDX-License-Identifier: MIT
#include <plancmp/analysis/alignment_gold.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/alignment_tables.hpp>
#include <plancmp/text/formats.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

using namespace plancmp;

namespace {

plan tiny_plan(std::vector<std::pair<std::string, std::string>> measures) {
  plan_content c;
  for (auto& [id, text] : measures) {
    measure m;
    m.id = id;
    m.text = text;
    c.measures.push_back(std::move(m));
  }
  return plan(std::move(c));
}

// A gold source ("seeds/<file>", "corpus/<file>") read from the test seeds or the corpus;
// nullopt when the file is not there (the corpus is absent).
std::optional<text::document> gold_source(const std::string& source) {
  std::string path;
  if (source.starts_with("seeds/")) path = test::seeds_dir() + "/" + source.substr(6);
  else if (source.starts_with("corpus/")) path = std::string(PLANCMP_CORPUS_DIR) + "/" + source.substr(7);
  if (path.empty() || !std::filesystem::exists(path)) return std::nullopt;
  return text::make_any_document(read_file(path), source);
}

}  // namespace

TEST_CASE("read_alignment_gold: fields and pinned errors") {
  const auto g = analysis::read_alignment_gold(R"j({"schema": "plancmp.gold.alignment/1", "a": "seeds/x.txt",
      "b": "corpus/y.txt", "relation": "editions", "links": [
      {"a": "一.(一)", "a_start": "加强", "b": "二.(三)", "b_start": "强化", "grade": "related", "why": "w"}]})j",
                                               "g.json");
  CHECK(g.source_a == "seeds/x.txt");
  CHECK(g.relation == "editions");
  REQUIRE(g.links.size() == 1);
  CHECK(g.links[0].grade == analysis::link_grade::related);
  CHECK(g.links[0].b_start == "强化");
  CHECK_THROWS_WITH_AS((void)analysis::read_alignment_gold(R"({"schema": "x"})", "g.json"),
                       "g.json: /schema: expected \"plancmp.gold.alignment/1\" (see docs/gold.md)", schema_error);
  CHECK_THROWS_WITH_AS(
      (void)analysis::read_alignment_gold(
          R"({"schema": "plancmp.gold.alignment/1", "a": "a", "b": "b", "links": [{"a": "1", "b": "2", "grade": "maybe"}]})",
          "g.json"),
      "g.json: /links/0/grade: \"maybe\" is not \"same\" or \"related\"", schema_error);
}

TEST_CASE("evaluate_alignment: links match by id or by text start") {
  const plan a = tiny_plan({{"1", "1.加强宣传推广。做好宣传"}, {"2", "2.完善政策体系。"}, {"3", "3.强化考核。"}});
  const plan b = tiny_plan({{"(一)", "(一)强化宣传引导。"}, {"(二)", "(二)完善政策。"}});
  analysis::alignment_gold g;
  g.links = {{"1", "", "(一)", "", analysis::link_grade::same, ""},
             {"", "完善政策体系", "", "完善政策", analysis::link_grade::related, ""}};
  analysis::plan_alignment found;
  analysis::measure_pair p;
  p.measure_a = 0, p.measure_b = 0, p.id_a = "1", p.id_b = "(一)", p.grade = analysis::link_grade::same;
  found.pairs.push_back(p);
  p.measure_a = 2, p.measure_b = 1, p.id_a = "3", p.id_b = "(二)", p.grade = analysis::link_grade::related;
  found.pairs.push_back(p);
  const auto e = analysis::evaluate_alignment(found, a, b, g);
  CHECK(e.links.gold == 2);
  CHECK(e.links.found == 2);
  CHECK(e.links.gold_matched == 1);
  CHECK(e.links.precision() == doctest::Approx(0.5));
  CHECK(e.links.recall() == doctest::Approx(0.5));
  CHECK(e.same.precision() == doctest::Approx(1.0));
  CHECK(e.same.recall() == doctest::Approx(1.0));
  CHECK(e.related.recall() == doctest::Approx(0.0));
  REQUIRE(e.missed.size() == 1);
  CHECK(e.missed[0].a_start == "完善政策体系");
  REQUIRE(e.spurious.size() == 1);
  CHECK(e.spurious[0].id_a == "3");
  CHECK(report::to_table(std::vector<analysis::alignment_evaluation>{e}).rows.size() == 1);
}

TEST_CASE("alignment_of_gold: a hand alignment as links, resolved as evaluate_alignment matches them") {
  const plan a = tiny_plan({{"1", "1.加强宣传推广。做好宣传"}, {"2", "2.完善政策体系。"}, {"3", "3.强化考核。"}});
  const plan b = tiny_plan({{"(一)", "(一)强化宣传引导。"}, {"(二)", "(二)完善政策。"}});
  analysis::alignment_gold g;
  g.origin = "second.json";
  // A stale path with a text start that names another measure: the text start wins.
  g.links = {{"1", "", "(一)", "", analysis::link_grade::same, ""},
             {"1", "完善政策体系", "", "完善政策", analysis::link_grade::related, ""}};
  const auto found = analysis::alignment_of_gold(g, a, b);
  REQUIRE(found.pairs.size() == 2);
  CHECK(found.pairs[0].id_a == "1");
  CHECK(found.pairs[1].id_a == "2");
  CHECK(found.pairs[1].id_b == "(二)");
  CHECK(found.pairs[1].grade == analysis::link_grade::related);
  REQUIRE(found.unmatched_a.size() == 1);
  CHECK(found.unmatched_a[0].id == "3");
  CHECK(found.unmatched_b.empty());

  // Against a first annotator who linked 1 ↔ (一) and 3 ↔ (二): one of two agreed each way.
  analysis::alignment_gold first;
  first.links = {{"1", "", "(一)", "", analysis::link_grade::same, ""},
                 {"3", "", "(二)", "", analysis::link_grade::related, ""}};
  auto e = analysis::evaluate_alignment(found, a, b, first);
  CHECK(e.links.precision() == doctest::Approx(0.5));
  CHECK(e.links.recall() == doctest::Approx(0.5));
  CHECK(e.links.f1() == doctest::Approx(0.5));
  e.found_by = "G vs A";
  const report::table t = report::to_table(std::vector<analysis::alignment_evaluation>{e});
  REQUIRE(t.columns.size() == 11);
  CHECK(t.columns[1] == "annotators");
  CHECK(t.notes[0].find("only the first 3 ↔ (二)") != std::string::npos);

  g.links.push_back({"9", "不存在的措施", "(一)", "", analysis::link_grade::same, ""});
  CHECK_THROWS_WITH_AS((void)analysis::alignment_of_gold(g, a, b),
                       "second.json: /links/2: no measure of A () has the path \"9\" or starts with \"不存在的措施\"",
                       schema_error);
  analysis::link_scores none;
  CHECK(none.f1() == doctest::Approx(1.0));  // nothing to find, nothing found
  none.gold = 2;
  CHECK(none.f1() == doctest::Approx(0.0));
}

// Two readers aligned each pair without seeing the other's links: three of the gold pairs
// (alignment/ and alignment-second/) and the two held-out pairs (alignment-heldout/ and its
// second/), docs/alignment.md. How far two careful readers agree is what an aligner can be
// asked for; on the held-out pairs plancmp is measured against both readers, on pairs it was
// never fitted on. Pinned where the documents are bundled, printed and held at floors for the
// corpus pairs.
TEST_CASE("gold.alignment: a second reader against the first, and plancmp on held-out pairs") {
  const std::filesystem::path dir = test::test_data_dir() + "/gold";
  const std::string corpus = PLANCMP_CORPUS_DIR;
  std::size_t compared = 0;
  analysis::link_scores heldout_people, heldout_plancmp;
  for (const auto& folders : {std::pair{dir / "alignment", dir / "alignment-second"},
                               std::pair{dir / "alignment-heldout", dir / "alignment-heldout" / "second"}}) {
    const std::filesystem::path& first_dir = folders.first;  // not a structured binding: clang 14
    const std::filesystem::path& second_dir = folders.second;
    const bool heldout = first_dir.filename() == "alignment-heldout";
    for (const auto& f : std::filesystem::directory_iterator(second_dir)) {
      if (f.path().extension() != ".json") continue;
      const auto second = analysis::read_alignment_gold(read_file(f.path().string()), f.path().filename().string());
      const auto first_file = first_dir / f.path().filename();
      REQUIRE(std::filesystem::exists(first_file));
      const auto first = analysis::read_alignment_gold(read_file(first_file.string()), first_file.filename().string());
      CHECK(second.annotator != first.annotator);
      const auto da = gold_source(first.source_a);
      const auto db = gold_source(first.source_b);
      if (!da || !db) {
        MESSAGE(fmt::format("{}: skipped, the corpus is not at {}", f.path().filename().string(), corpus));
        continue;
      }
      const plan a = parse::parse_document(*da);
      const plan b = parse::parse_document(*db);
      const auto e = analysis::evaluate_alignment(analysis::alignment_of_gold(second, a, b), a, b, first);
      MESSAGE(fmt::format("{}: {} vs {}: {} and {} links, precision {:.3f}, recall {:.3f}, F1 {:.3f}",
                          f.path().filename().string(), second.annotator, first.annotator, e.links.gold,
                          e.links.found, e.links.precision(), e.links.recall(), e.links.f1()));
      ++compared;
      if (first.source_a == "seeds/004_b234aa7c753f2ac8.txt") {
        CHECK(e.links.gold == 28);
        CHECK(e.links.found == 31);
        CHECK(e.links.gold_matched == 28);
        CHECK(e.links.found_matched == 28);
      }
      if (!heldout) continue;
      heldout_people.gold += e.links.gold, heldout_people.found += e.links.found;
      heldout_people.gold_matched += e.links.gold_matched, heldout_people.found_matched += e.links.found_matched;
      const auto found = analysis::align_plans(a, b);
      for (const auto* reader : {&first, &second}) {
        const auto m = analysis::evaluate_alignment(found, a, b, *reader);
        MESSAGE(fmt::format("{}: plancmp vs {}: precision {:.3f}, recall {:.3f}, F1 {:.3f}", f.path().filename().string(),
                            reader->annotator, m.links.precision(), m.links.recall(), m.links.f1()));
        heldout_plancmp.gold += m.links.gold, heldout_plancmp.found += m.links.found;
        heldout_plancmp.gold_matched += m.links.gold_matched, heldout_plancmp.found_matched += m.links.found_matched;
      }
    }
  }
  CHECK(compared >= 1);
  if (heldout_people.gold > 0) {
    // December 2026: the readers 0.959 / 1.000; plancmp against both 0.736 / 0.844.
    MESSAGE(fmt::format("held-out pairs: readers P {:.3f} R {:.3f}; plancmp P {:.3f} R {:.3f}", heldout_people.precision(),
                        heldout_people.recall(), heldout_plancmp.precision(), heldout_plancmp.recall()));
    CHECK(heldout_people.f1() >= 0.95);
    CHECK(heldout_plancmp.precision() >= 0.70);
    CHECK(heldout_plancmp.recall() >= 0.80);
  }
}

// The hand-aligned pairs of tests/data/gold/alignment (docs/gold.md), with the default
// aligner. The figures are printed (ctest -V -R gold.alignment) and held above floors
// a little under the current ones, so that a change making them worse fails; the
// targets of issue 21 (0.90 / 0.90) are not reached yet — see docs/alignment.md.
TEST_CASE("gold.alignment: precision and recall of links on the hand-aligned pairs") {
  const std::filesystem::path dir = test::test_data_dir() + "/gold/alignment";
  const std::string corpus = PLANCMP_CORPUS_DIR;
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(dir))
    if (f.path().extension() == ".json") files.push_back(f.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 5);
  std::size_t seed_pairs = 0;
  for (const auto& file : files) {
    const auto gold = analysis::read_alignment_gold(read_file(file.string()), file.filename().string());
    const auto da = gold_source(gold.source_a);
    const auto db = gold_source(gold.source_b);
    if (!da || !db) {
      MESSAGE(fmt::format("{}: skipped, the corpus is not at {}", file.filename().string(), corpus));
      continue;
    }
    const plan a = parse::parse_document(*da);
    const plan b = parse::parse_document(*db);
    const auto e = analysis::evaluate_alignment(analysis::align_plans(a, b), a, b, gold);
    MESSAGE(fmt::format("{}: {} gold links, {} found, precision {:.3f}, recall {:.3f}; same P {:.3f} R {:.3f}; "
                        "related P {:.3f} R {:.3f}",
                        file.filename().string(), e.links.gold, e.links.found, e.links.precision(),
                        e.links.recall(), e.same.precision(), e.same.recall(), e.related.precision(),
                        e.related.recall()));
    if (gold.source_a.starts_with("seeds/") && gold.source_b.starts_with("seeds/")) {
      ++seed_pairs;
      // Since the sentence, section and position signals and the refit (docs/alignment.md)
      // the seed pairs stood at P 0.821 R 0.836, P 0.694 R 0.618 and P 0.857 R 0.857 (since the
      // fourth coding round 001 × 003 is at P 0.688 R 0.600, one link fewer); the
      // city-vs-district pair 001 × 003 traded precision (0.750 → 0.694) for recall
      // (0.327 → 0.618), hence a precision floor under the old 0.73.
      CHECK(e.links.precision() >= 0.67);
      CHECK(e.links.recall() >= 0.60);
    }
  }
  CHECK(seed_pairs == 3);
}
