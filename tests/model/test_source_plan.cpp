// SPDX-License-Identifier: MIT
#include <plancmp/model/source_plan.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include <unistd.h>

using namespace plancmp;

TEST_CASE("source_plan: a document and its plan, shared and immutable") {
  const source_plan s = parse::read_source_plan(test::seed_path(test::hengshui));
  CHECK(s.file() == test::seed_path(test::hengshui));
  CHECK(s.document().path == s.file());
  CHECK(s.plan() == parse::parse_file(test::seed_path(test::hengshui)));
  CHECK(s.plan().measures().size() == 35);

  SUBCASE("copies share both parts") {
    const source_plan copy = s;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(&copy.document() == &s.document());
    CHECK(&copy.plan() == &s.plan());
    CHECK(copy.shared_plan() == s.shared_plan());
  }
  SUBCASE("the bytes and document overloads read the same plan") {
    const source_plan b = parse::make_source_plan(test::seed_bytes(test::hengshui), s.file());
    CHECK(b.plan() == s.plan());
    CHECK(b.document().original == s.document().original);
    const source_plan d = parse::parse_source(text::read_document(s.file()));
    CHECK(d.plan() == s.plan());
  }
  SUBCASE("plans_of copies the plans in order") {
    const std::vector<source_plan> both = {s, parse::make_source_plan("一、总则\n", "x.txt")};
    const std::vector<plan> plans = plans_of(both);
    REQUIRE(plans.size() == 2);
    CHECK(plans[0] == s.plan());
    CHECK(plans[1].source.path == "x.txt");
  }
  SUBCASE("no part may be missing") {
    CHECK_THROWS_WITH_AS((void)source_plan(nullptr, s.shared_plan()),
                         "source_plan: a document and its plan are both needed (null pointer)", usage_error);
    CHECK_THROWS_AS((void)source_plan(s.shared_document(), nullptr), usage_error);
  }
}

TEST_CASE("source_plan::reopen: a plan read back from JSON gets its file again, unchanged") {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / fmt::format("plancmp_source_plan_{}.txt", ::getpid());
  std::ofstream(file, std::ios::binary) << test::seed_bytes(test::hengshui);
  const source_plan s = parse::read_source_plan(file.string());

  const source_plan again = source_plan::reopen(s.shared_plan());
  CHECK(again.document().original == s.document().original);
  CHECK(again.shared_plan() == s.shared_plan());

  std::ofstream(file, std::ios::binary | std::ios::app) << "\n附件\n";
  CHECK_THROWS_WITH_AS((void)source_plan::reopen(s.shared_plan()),
                       doctest::Contains("the file changed since the plan was read (SHA-256 differs); parse it again"),
                       usage_error);
  fs::remove(file);

  const source_plan in_memory = parse::make_source_plan("一、总则\n");
  CHECK_THROWS_WITH_AS((void)source_plan::reopen(in_memory.shared_plan()),
                       doctest::Contains("plan '<bytes>' has no source file to read its text from"), usage_error);
}
