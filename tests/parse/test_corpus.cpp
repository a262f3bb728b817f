// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/parse/corpus.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace plancmp;
namespace fs = std::filesystem;

TEST_CASE("corpus: directories read recursively by extension, failures kept, path order") {
  const fs::path dir = fs::temp_directory_path() / fmt::format("plancmp_corpus_{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "b" / "c");
  fs::copy_file(test::seed_path("002_e22083f13b5790bb.txt"), dir / "b" / "c" / "gansu.TXT");
  fs::copy_file(test::seed_path("001_e9d616c0cc0faf37.txt"), dir / "a.txt");
  std::ofstream(dir / "b" / "broken.pdf") << "%PDF-1.4 not really";
  std::ofstream(dir / "b" / "notes.md") << "not a plan";

  parse::corpus_options options;
  options.threads = 2;
  std::size_t calls = 0;
  options.progress = [&](std::size_t done, std::size_t total, const std::string&) {
    ++calls;
    CHECK(done <= total);
  };
  const auto c = parse::corpus::load({dir.string()}, options);
  CHECK(calls == 3);
  REQUIRE(c.size() == 2);
  CHECK(c[0].path == (dir / "a.txt").string());
  CHECK(c[1].path == (dir / "b" / "c" / "gansu.TXT").string());
  CHECK(c[0].format == "text");
  CHECK(c[0].encoding == "utf-8");
  CHECK(c[0].source.plan().issuing_jurisdiction.name == "衡水市");
  CHECK(c[1].source.plan().measures().size() == 80);
  REQUIRE(c.failures().size() == 1);
  CHECK(c.failures()[0].path == (dir / "b" / "broken.pdf").string());
  CHECK(c.failures()[0].message.find("broken.pdf: not a readable PDF") != std::string::npos);

  SUBCASE("not recursive") {
    options.recursive = false;
    CHECK(parse::list_corpus_files({dir.string()}, options) == std::vector<std::string>{(dir / "a.txt").string()});
  }
  SUBCASE("a missing path is a usage error") {
    CHECK_THROWS_AS((void)parse::list_corpus_files({(dir / "nope").string()}), usage_error);
  }
  fs::remove_all(dir);
}
