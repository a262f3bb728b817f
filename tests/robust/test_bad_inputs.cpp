// SPDX-License-Identifier: MIT
// The bad-input corpus (docs/robustness.md): each input has one documented outcome — a
// plan whose every line is accounted for, with the diagnostics listed, or one of
// plancmp's exceptions naming the file and the byte — never a crash, a hang or lost
// text. Large inputs are generated here; their cases carry the ctest label `large`.
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>

#include "support/bad_inputs.hpp"
#include "support/seeds.hpp"

#include <doctest/doctest.h>

using namespace plancmp;
using namespace plancmp::test;

namespace {

std::string outcome_of(const std::string& file) { return outcome(read_file(bad_path(file)), file); }

}  // namespace

TEST_CASE("bad inputs: each small file of tests/data/bad has its documented outcome") {
  struct expectation {
    const char* file;
    const char* outcome;
  };
  // Keep in step with the table in docs/robustness.md.
  const expectation cases[] = {
      {"empty.txt", "plan: format text, utf-8, sections 0, measures 0, agencies 0, diagnostics {document.empty×1}"},
      {"whitespace.txt",
       "plan: format text, utf-8, sections 0, measures 0, agencies 0, diagnostics {document.empty×1}"},
      {"image.png",
       "decode_error: image.png: byte 0: not a text file but a PNG image; plancmp reads text, HTML, PDF and DOCX "
       "plans"},
      {"program.elf",
       "decode_error: program.elf: byte 0: not a text file but an ELF program or library; plancmp reads text, "
       "HTML, PDF and DOCX plans"},
      {"invalid-utf8-mid.txt",
       "decode_error: invalid-utf8-mid.txt: byte 2318: invalid UTF-8 byte sequence; the file is not in the detected "
       "encoding (utf-8) — convert it to UTF-8 or name its encoding (--encoding, read_options::declared_encoding)"},
      {"truncated-utf8-eof.txt",
       "decode_error: truncated-utf8-eof.txt: byte 1458: truncated UTF-8 byte sequence at end of file; the file is "
       "cut short or not in the detected encoding (utf-8) — convert it to UTF-8 or name its encoding (--encoding, read_options::declared_encoding)"},
      {"utf16le-no-bom.txt",
       "plan: format text, utf-16le, sections 4, measures 13, agencies 9, diagnostics {noise.page_meta×1}"},
      {"gbk-no-declaration.txt",
       "plan: format text, gb18030, sections 4, measures 13, agencies 9, diagnostics {noise.page_meta×1}"},
      {"nested-brackets.txt",
       // 1,000 nested brackets hold no unit's name: no agency (the text stays in the measure).
       "plan: format text, utf-8, sections 2, measures 2, agencies 0, diagnostics {}"},
      {"unbalanced-brackets.txt",
       "plan: format text, utf-8, sections 2, measures 4, agencies 2, diagnostics {clause.unclosed×1 "
       "metadata.jurisdiction_name×1}"},
      {"unclosed-responsibility.txt",
       "plan: format text, utf-8, sections 3, measures 4, agencies 3, diagnostics {clause.unclosed×1 "
       "metadata.jurisdiction_name×1}"},
      {"mixed-scripts.txt",
       "plan: format text, utf-8, sections 3, measures 3, agencies 4, diagnostics {metadata.jurisdiction_name×1}"},
      {"page.html",
       "plan: format html, utf-8, sections 2, measures 1, agencies 1, diagnostics {metadata.jurisdiction_name×1 "
       "noise.share×1}"},
      {"plan.pdf", "plan: format pdf, utf-8, sections 0, measures 2, agencies 0, diagnostics {}"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.file);
    CHECK(outcome_of(c.file) == c.outcome);
  }
}

TEST_CASE("bad inputs: a responsibility clause that never closes keeps the measures after it") {
  const auto a = parse_accounted(read_file(bad_path("unclosed-responsibility.txt")), "unclosed.txt");
  check_nothing_lost(a);
  REQUIRE(a.p.measures().size() >= 3);
  CHECK(a.p.measures()[1].title.find("加强商标保护") != std::string::npos);
}

TEST_CASE("bad inputs: the input size limit names the file and the limit") {
  parse::parse_options options;
  options.read.max_input_bytes = 500;
  CHECK_THROWS_WITH_AS((void)parse::parse_bytes(std::string(501, 'a'), "big.txt", options),
                       "big.txt: file is larger than the input limit of 500 bytes; raise the limit "
                       "(--max-input-size, read_options::max_input_bytes) if this is intended",
                       usage_error);
  CHECK_THROWS_AS((void)parse::parse_file(bad_path("plan.pdf"), options), usage_error);
  CHECK_NOTHROW((void)parse::parse_bytes(std::string(500, 'a'), "fits.txt", options));
}

TEST_CASE("bad inputs: 1,000 and 100,000 nested brackets") {
  for (const std::size_t depth : {std::size_t(1000), std::size_t(100000)}) {
    CAPTURE(depth);
    const auto a = parse_accounted(nested_brackets(depth), "nested.txt");
    check_nothing_lost(a);
    CHECK(a.p.measures().size() == 2);
  }
}

TEST_CASE("bad inputs: numbering 1 … 100000 gives items up to 999 and their text after them" *
          doctest::test_suite("large")) {
  // Item numbers have at most three digits: a line starting with four digits is a year
  // (2025年…), so 1000. … 100000. are unnumbered lines, which continue the open item up to
  // the next numbered heading — kept, not dropped.
  const auto a = parse_accounted(numbered_measures(100000), "numbered.txt");
  check_nothing_lost(a);
  CHECK(a.p.measures().size() == 999);
  CHECK(a.uses.back().role == parse::line_role::measure);
  CHECK(a.uses.back().owner == "一.999");
}

TEST_CASE("bad inputs: 10^6 headings with nothing under them are 10^6 measures" * doctest::test_suite("large")) {
  const auto a = parse_accounted(many_headings(1000000), "headings.txt");
  check_nothing_lost(a);
  CHECK(a.p.sections().empty());  // a heading with no children is the finest unit: a measure
  CHECK(a.p.measures().size() == 1000000);
}

TEST_CASE("bad inputs: a single 50 MB line" * doctest::test_suite("large")) {
  const auto a = parse_accounted(single_line(50u << 20), "line.txt");
  check_nothing_lost(a);
  CHECK(a.doc.lines.size() == 1);
  CHECK(a.p.measures().empty());
}

TEST_CASE("bad inputs: a 200 MB file" * doctest::test_suite("large")) {
  const std::string bytes = repeated_plan(200u << 20);
  const auto copies = bytes.size() / seed_bytes(ningbo_2020).size();
  const auto a = parse_accounted(bytes, "huge.txt");
  check_nothing_lost(a);
  const plan one = parse::parse_file(seed_path(ningbo_2020));
  // Later copies' goal sections read as measures (their numbering restarts), so at least.
  CHECK(a.p.measures().size() >= copies * one.measures().size());
}

TEST_CASE("bad inputs: time and memory grow linearly with the input" * doctest::test_suite("large")) {
  struct shape {
    const char* name;
    std::string (*make)(std::size_t);
    std::size_t n;
  };
  const shape shapes[] = {
      {"repeated plan (bytes)", repeated_plan, std::size_t(4) << 20},
      {"single line (bytes)", single_line, std::size_t(4) << 20},
      {"headings", many_headings, 50000},
      {"numbered measures", numbered_measures, 25000},
      {"nested brackets", nested_brackets, 50000},
  };
  for (const auto& s : shapes) {
    CAPTURE(s.name);
    const std::string small = s.make(s.n);
    const std::string large = s.make(4 * s.n);
    // The best of two runs, so that a busy machine does not fail the test.
    cost c1{1e9, 0}, c4{1e9, 0};
    for (int run = 0; run < 2; ++run) {
      const cost a = measure_cost([&] { (void)parse::parse_bytes(small, "small.txt"); });
      const cost b = measure_cost([&] { (void)parse::parse_bytes(large, "large.txt"); });
      c1 = {std::min(c1.seconds, a.seconds), std::max(c1.bytes, a.bytes)};
      c4 = {std::min(c4.seconds, b.seconds), std::max(c4.bytes, b.bytes)};
    }
    MESSAGE(fmt::format("{}: n {:.3f} s {} MB, 4n {:.3f} s {} MB", s.name, c1.seconds, c1.bytes >> 20, c4.seconds,
                        c4.bytes >> 20));
    // Linear growth is 4×; quadratic would be 16×. Generous: 8× time (plus 50 ms of
    // noise), 6× memory (plus 16 MB).
    CHECK(c4.seconds <= 8 * c1.seconds + 0.05);
    CHECK(c4.bytes <= 6 * c1.bytes + (std::size_t(16) << 20));
  }
}
