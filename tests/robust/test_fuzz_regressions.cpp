// SPDX-License-Identifier: MIT
// Replays every input kept under tests/data/fuzz-regressions/<target>/ through the same
// entry the libFuzzer target calls (fuzz/entries.hpp), so that a crash found by fuzzing
// stays fixed in the ordinary g++ and ASan+UBSan test runs. The seeds and the bad-input
// corpus go through every entry as well.
#include "fuzz/entries.hpp"
#include "support/bad_inputs.hpp"
#include "support/seeds.hpp"

#include <plancmp/data.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::vector<std::filesystem::path> files_under(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  if (!std::filesystem::is_directory(dir)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("fuzz regressions: every kept input runs through its target's entry") {
  const std::filesystem::path root = plancmp::test::test_data_dir() + "/fuzz-regressions";
  std::size_t replayed = 0;
  for (const char* target : {"decode", "parse", "plan_json", "scheme"}) {
    const auto entry = plancmp::fuzz::entry(target);
    REQUIRE(static_cast<bool>(entry));
    for (const auto& file : files_under(root / target)) {
      CAPTURE(file.string());
      entry(plancmp::read_file(file.string()));  // aborts (fails the run) on a regression
      ++replayed;
    }
  }
  MESSAGE("replayed " << replayed << " fuzz regression inputs");
  CHECK_FALSE(static_cast<bool>(plancmp::fuzz::entry("no-such-target")));
}

TEST_CASE("fuzz entries: the seeds and the bad-input corpus pass every entry") {
  std::vector<std::string> inputs;
  for (const auto& name : plancmp::test::seed_names()) inputs.push_back(plancmp::test::seed_bytes(name));
  for (const auto& file : files_under(plancmp::test::bad_dir())) inputs.push_back(plancmp::read_file(file.string()));
  for (const auto& bytes : inputs) {
    plancmp::fuzz::decode(bytes);
    plancmp::fuzz::parse(bytes);
    plancmp::fuzz::plan_json(bytes);
    plancmp::fuzz::scheme(bytes);
  }
  // Every input went through: the five seeds and the 14 files of tests/data/bad (a bad
  // folder not found would make this test pass on nothing).
  CHECK(inputs.size() == 5 + 14);
  // A parsed seed read back through the plan JSON entry (round trip checked inside, and
  // here): Gansu's 80 measures, counted by hand (tests/data/accountability_hand_counts.json).
  const plancmp::plan p = plancmp::parse::parse_file(plancmp::test::seed_path(plancmp::test::gansu));
  CHECK(p.measures().size() == 80);
  const std::string json = plancmp::to_json(p);
  plancmp::fuzz::plan_json(json);
  const plancmp::plan back = plancmp::plan_from_json(json, "gansu.json");
  CHECK(back.measures().size() == 80);
  CHECK(plancmp::to_json(back) == json);
  // A first byte 0 picks JSON: the entry reads the built-in scheme, which must be
  // readable as the scheme it is.
  const std::string_view scheme_json = plancmp::builtin_data("scheme_ip_value_chain.json");
  plancmp::fuzz::scheme(std::string(1, '\0') + std::string(scheme_json));
  CHECK(plancmp::coding_scheme::from_json(scheme_json, "scheme_ip_value_chain.json").id == "ip_value_chain");
}
