// Parse fidelity against gold annotations written by people reading the documents
// (tests/data/gold/parse, docs/gold.md), and the nothing-lost check over the whole
// development corpus. The corpus lives in ../shared/corpus beside the project
// (PLANCMP_CORPUS_DIR); the tests that read it say so and skip where it is absent.
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/formats.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include "support/wrap.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;
using namespace plancmp;

namespace {

bool corpus_present() {
  std::error_code ec;
  if (fs::is_directory(PLANCMP_CORPUS_DIR, ec)) return true;
  MESSAGE("skipped: the development corpus " << PLANCMP_CORPUS_DIR << " is absent");
  return false;
}

std::vector<fs::path> files_in(const fs::path& dir, std::string_view extension = {}) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && (extension.empty() || e.path().extension() == extension)) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The plan of the document a gold file names.
plan parsed_source(const parse::gold_document& g) {
  return parse::parse_document(parse::read_gold_source(g.source, {PLANCMP_SEEDS_DIR, PLANCMP_CORPUS_DIR}));
}

/// The eight figures of the fidelity report, in its column order: measure P, measure R,
/// lead, support, deadline, target P, target R, metadata.
constexpr std::size_t figure_count = 8;
std::array<double, figure_count> figures_of(const parse::fidelity& f) {
  return {f.measure_precision(), f.measure_recall(), f.lead.rate(),      f.support.rate(),
          f.deadline.rate(),     f.target_precision(), f.target_recall(), f.metadata_right().rate()};
}

/// The figures of every document of a gold folder (corpus documents only with `corpus_only`):
/// the documents' sources, and one vector per figure in their order.
struct folder_figures {
  std::vector<std::string> sources;
  std::array<std::vector<double>, figure_count> values;
};
folder_figures figures_of_folder(const std::string& folder, bool corpus_only) {
  folder_figures out;
  for (const auto& file : files_in(fs::path(PLANCMP_TEST_DATA_DIR) / "gold" / folder, ".json")) {
    const auto g = parse::read_gold(file.string());
    if (corpus_only && g.source.rfind("corpus/", 0) != 0) continue;
    CAPTURE(g.source);
    const auto row = figures_of(parse::evaluate(parsed_source(g), g));
    out.sources.push_back(g.source);
    for (std::size_t k = 0; k < figure_count; ++k) out.values[k].push_back(row[k]);
  }
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = fs::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

}  // namespace

TEST_CASE("fidelity: hand-computed figures on a small plan") {
  const std::string text =
      "一、重点任务\n"
      "(一)加强保护。严厉打击侵权。(市市场监管局牵头,市公安局配合;2025年底前完成)\n"
      "(二)促进运用。力争到2025年质押融资金额达到40亿元。(市金融办、市财政局按职责分工负责)\n"
      "(三)优化服务。建设服务平台。(市科技局)\n";
  const plan p = parse::parse_bytes(text, "small.txt");
  REQUIRE(p.measures().size() == 3);
  CHECK(p.measures()[1].joint);
  CHECK(p.measures()[1].lead.size() == 2);

  parse::gold_document g;
  g.source = "corpus/small.txt";
  g.kind = document_kind::plan;
  g.level = "city";  // read from the 市 prefix of the units it assigns
  // Two measures found as the gold has them, one gold measure the parser cannot find.
  g.measures.push_back({{"一", "(一)"}, "加强保护。严厉打击", {"市市场监管局"}, {"市公安局"}, false, "2025年底前完成"});
  g.measures.push_back({{"一", "(二)"}, "促进运用。", {"市金融办", "市财政局"}, {}, true, std::nullopt});
  g.measures.push_back({{"一", "(四)"}, "不存在的措施", {}, {}, false, std::nullopt});
  g.targets.push_back({"质押融资金额达到40亿元", 40, "亿元", 2025});
  g.targets.push_back({"建设10个平台", 10, "个", 2025});

  const parse::fidelity f = parse::evaluate(p, g);
  CHECK(f.gold_measures == 3);
  CHECK(f.parsed_measures == 3);
  CHECK(f.matched_measures == 2);
  CHECK(f.measure_precision() == doctest::Approx(2.0 / 3.0));
  CHECK(f.measure_recall() == doctest::Approx(2.0 / 3.0));
  CHECK(f.lead.right == 2);
  CHECK(f.lead.total == 2);
  CHECK(f.support.right == 2);
  CHECK(f.deadline.right == 2);
  CHECK(f.gold_targets == 2);
  CHECK(f.matched_targets == 1);
  CHECK(f.target_recall() == doctest::Approx(0.5));
  // kind right; title, issuer, level, date and 文号 all absent on both sides: right.
  CHECK(f.metadata_right().right == 6);
  CHECK(std::count_if(f.differences.begin(), f.differences.end(),
                      [](const std::string& d) { return d.find("不存在的措施") != std::string::npos; }) == 1);

  SUBCASE("a wrong lead is counted and named") {
    g.measures[0].lead = {"市知识产权局"};
    const parse::fidelity wrong = parse::evaluate(p, g);
    CHECK(wrong.lead.right == 1);
    CHECK(std::any_of(wrong.differences.begin(), wrong.differences.end(),
                      [](const std::string& d) { return d.find("gold 市知识产权局") != std::string::npos; }));
  }
}

TEST_CASE("fidelity: gold sources are found where their folders say") {
  // Seeds in memory, as the CLI passes the seeds it embeds; the library has none of its own.
  const std::string bytes = read_file(std::string(PLANCMP_SEEDS_DIR) + "/001_e9d616c0cc0faf37.txt");
  parse::gold_folders in_memory;
  in_memory.seed_files.push_back({"001_e9d616c0cc0faf37.txt", bytes});
  const auto bundled = parse::read_gold_source("seeds/001_e9d616c0cc0faf37.txt", in_memory);
  const auto from_folder = parse::read_gold_source("seeds/001_e9d616c0cc0faf37.txt", {PLANCMP_SEEDS_DIR, {}});
  CHECK(bundled.original == from_folder.original);
  CHECK(bundled.path == "seeds/001_e9d616c0cc0faf37.txt");
  CHECK_THROWS_WITH_AS(parse::read_gold_source("seeds/nope.txt", in_memory),
                       "seeds/nope.txt: no bundled seed of that name", usage_error);
  CHECK_THROWS_WITH_AS(parse::read_gold_source("seeds/001_e9d616c0cc0faf37.txt", {}),
                       "seeds/001_e9d616c0cc0faf37.txt: no seeds folder given and no seed files "
                       "(gold_folders::seeds, gold_folders::seed_files)",
                       usage_error);
  CHECK_THROWS_AS(parse::read_gold_source("corpus/nope.txt", {{}, "/nonexistent"}), io_error);
}

TEST_CASE("fidelity: gold files are read strictly") {
  const auto path = write_temp("plancmp-gold-bad.json", R"({"schema": "plancmp.gold.parse/1", "source": "corpus/x.txt",
    "measures": [{"path": ["一"], "text_start": "  "}]})");
  CHECK_THROWS_WITH_AS(parse::read_gold(path), doctest::Contains("/measures/0/text_start: missing or empty"),
                       schema_error);
  const auto wrong_schema = write_temp("plancmp-gold-schema.json", R"({"schema": "plancmp.plan/1"})");
  CHECK_THROWS_WITH_AS(parse::read_gold(wrong_schema), doctest::Contains("expected \"plancmp.gold.parse/1\""),
                       schema_error);
  const auto bad_kind = write_temp("plancmp-gold-kind.json",
                                   R"({"schema": "plancmp.gold.parse/1", "source": "corpus/x.txt", "kind": "law"})");
  CHECK_THROWS_WITH_AS(parse::read_gold(bad_kind),
                       (bad_kind + ": /kind: \"law\" is no document kind; use one of plan, regulation, notice, qa, other")
                           .c_str(),
                       schema_error);
  const auto regulation = write_temp("plancmp-gold-regulation.json",
                                     R"({"schema": "plancmp.gold.parse/1", "source": "corpus/x.txt", "kind": "regulation"})");
  CHECK(parse::read_gold(regulation).kind == document_kind::regulation);
  const auto no_kind = write_temp("plancmp-gold-nokind.json", R"({"schema": "plancmp.gold.parse/1", "source": "corpus/x.txt"})");
  CHECK(parse::read_gold(no_kind).kind == document_kind::plan);
}

TEST_CASE("fidelity: the seeds against their gold") {
  for (const auto& file : files_in(fs::path(PLANCMP_TEST_DATA_DIR) / "gold" / "parse", ".json")) {
    if (file.filename().string().rfind("seed-", 0) != 0) continue;
    const auto g = parse::read_gold(file.string());
    CAPTURE(g.source);
    const parse::fidelity f = parse::evaluate(parsed_source(g), g);
    for (const auto& d : f.differences) MESSAGE(d);
    CHECK(f.measure_precision() == 1.0);
    CHECK(f.measure_recall() == 1.0);
    CHECK(f.lead.rate() == 1.0);
    CHECK(f.support.rate() == 1.0);
    CHECK(f.deadline.rate() == 1.0);
    CHECK(f.target_recall() == 1.0);
  }
}

TEST_CASE("fidelity: the corpus against its gold (reads ../shared/corpus)") {
  if (!corpus_present()) return;
  const auto figures = figures_of_folder("parse", true);
  const auto& sources = figures.sources;
  const auto& values = figures.values;
  CHECK(sources.size() >= 25);
  for (std::size_t k = 0; k < figure_count; ++k) {
    CAPTURE(k);
    // Every document keeps every figure at 0.95 or above (issue 18; docs/parsing.md gives
    // the figures): a regression on any document fails here.
    for (std::size_t d = 0; d < sources.size(); ++d) {
      CAPTURE(sources[d]);
      CHECK(values[k][d] >= 0.95 - 1e-9);
    }
    CHECK(median(values[k]) >= 0.95);
  }
}

TEST_CASE("fidelity: documents annotated after the parser was written (reads ../shared/corpus)") {
  // tests/data/gold/parse-heldout: the 11 corpus documents the parser was not developed
  // against, annotated later by reading them (docs/gold.md). Their figures are below the
  // developed set's (README, Validity); this pins them so that they can only rise: the
  // median of each figure, and how many documents reach 0.95 on it.
  if (!corpus_present()) return;
  const auto figures = figures_of_folder("parse-heldout", false);
  const auto& sources = figures.sources;
  const auto& values = figures.values;
  REQUIRE(sources.size() == 11);
  // measure P, measure R, lead, support, deadline, target P, target R, metadata
  const std::array<double, figure_count> median_floor = {1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00};
  const std::array<std::size_t, figure_count> documents_floor = {11, 10, 11, 11, 11, 11, 10, 11};
  for (std::size_t k = 0; k < figure_count; ++k) {
    CAPTURE(k);
    const auto& v = values[k];
    CHECK(median(v) >= median_floor[k] - 1e-9);
    CHECK(static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](double x) { return x >= 0.95 - 1e-9; })) >=
          documents_floor[k]);
  }
}

TEST_CASE("nothing is lost in any corpus document (reads ../shared/corpus)") {
  if (!corpus_present()) return;
  std::size_t documents = 0;
  for (const auto& file : files_in(PLANCMP_CORPUS_DIR)) {
    CAPTURE(file.filename().string());
    const text::document doc = text::read_any_document(file.string());
    std::vector<parse::line_use> uses;
    parse::parse_options options;
    options.accounting = &uses;
    const plan p = parse::parse_document(doc, options);
    ++documents;
    REQUIRE(uses.size() == doc.lines.size());
    std::set<std::uint32_t> diagnosed;
    for (const auto& d : p.diagnostics) diagnosed.insert(d.line);
    for (std::size_t i = 0; i < uses.size(); ++i) {
      if (doc.lines[i].blank) continue;
      CAPTURE(uses[i].line);
      // Every line is a heading, measure, goal, table cell, annex, preamble, section text,
      // cover, closing block, noise — or a diagnostic with a reason.
      CHECK(uses[i].role != parse::line_role::blank);
      if (uses[i].role == parse::line_role::noise || uses[i].role == parse::line_role::unparsed) {
        CHECK(diagnosed.count(uses[i].line) == 1);
      }
    }
    // A document that is not a plan says so rather than passing for an empty plan.
    if (p.measures().empty()) CHECK(!p.diagnostics.empty());
  }
  CHECK(documents == 40);
}

TEST_CASE(
    "fidelity: the seeds hard-wrapped as a PDF sets them parse as the seeds do (and the corpus texts, "
    "from ../shared/corpus)") {
  // Each seed set 26, 30, 40 and 52 characters wide (tests/support/wrap.hpp), scored against
  // its own gold, in two renditions: with the blank lines that part its paragraphs, and
  // without them, as a PDF's text layer gives them. The paragraphs are rejoined
  // (text::read_options::unwrap). With blank lines every figure is the seed's own: a line
  // break without a blank line after it only wraps. Without them a sentence ending exactly
  // at the width is read as going on unless a run-in title or a title follows
  // (docs/text-input.md): every figure at least 0.95 or the seed's own. With the line breaks
  // kept, the same files score far lower.
  // The developed corpus's text files (not those already exported from a PDF) are set the
  // same way where the corpus is present.
  const bool corpus = corpus_present();
  std::array<std::vector<double>, figure_count> unwrapped, kept, tight;
  std::size_t documents = 0;
  for (const auto& file : files_in(fs::path(PLANCMP_TEST_DATA_DIR) / "gold" / "parse", ".json")) {
    const auto g = parse::read_gold(file.string());
    const bool seed = g.source.rfind("seeds/", 0) == 0;
    const bool text_file = corpus && g.source.rfind("corpus/", 0) == 0 && g.source.ends_with(".txt") &&
                           g.source.find("/miit-") == std::string::npos;
    if (!seed && !text_file) continue;
    const std::string name = g.source.substr(g.source.find('/') + 1);
    const std::string bytes =
        read_file((fs::path(seed ? PLANCMP_SEEDS_DIR : PLANCMP_CORPUS_DIR) / name).string());
    ++documents;
    const auto original = figures_of(parse::evaluate(parse::parse_bytes(bytes, name), g));
    for (const std::size_t width : {52, 60, 80, 104}) {
      CAPTURE(g.source);
      CAPTURE(width);
      const std::string wrapped = test::hard_wrap(bytes, width);
      const auto row = figures_of(parse::evaluate(parse::parse_bytes(wrapped, name), g));
      text::read_options keep;
      keep.unwrap = false;
      parse::parse_options o;
      o.read = keep;
      const auto row_kept = figures_of(parse::evaluate(parse::parse_bytes(wrapped, name, o), g));
      // The same without blank lines between paragraphs, as a PDF's text layer gives them:
      // a sentence that ends exactly at the width may then end a paragraph early.
      std::string no_blank;
      for (std::size_t at = 0; at < wrapped.size();) {
        const std::size_t eol = std::min(wrapped.find('\n', at), wrapped.size());
        const auto l = std::string_view(wrapped).substr(at, eol - at);
        if (l.find_first_not_of(" \t\r") != std::string_view::npos) no_blank.append(l).append("\n");
        at = eol + 1;
      }
      const auto row_tight = figures_of(parse::evaluate(parse::parse_bytes(no_blank, name), g));
      for (std::size_t k = 0; k < figure_count; ++k) {
        unwrapped[k].push_back(row[k]), kept[k].push_back(row_kept[k]),
            tight[k].push_back(row_tight[k]);
      }
      // Metadata is left out: a web page's publication line wrapped like a paragraph is no
      // longer one line (no PDF holds one).
      for (std::size_t k = 0; k + 1 < figure_count; ++k) {
        CAPTURE(k);
        CHECK(row[k] == original[k]);
        CHECK(row_tight[k] >= std::min(original[k], 0.95));
      }
    }
  }
  REQUIRE(documents >= 5);
  REQUIRE(unwrapped[0].size() == 4 * documents);
  for (std::size_t k = 0; k + 1 < figure_count; ++k) {
    CAPTURE(k);
    CHECK(median(unwrapped[k]) >= 0.98);
    CHECK(median(tight[k]) >= 0.98);
  }
  // Without rejoining: lead and target recall fall (a unit's name or a number cut by the width).
  CHECK(median(kept[2]) < median(unwrapped[2]));
  CHECK(median(kept[6]) < median(unwrapped[6]));
}
