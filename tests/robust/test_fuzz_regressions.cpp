// SPDX-License-Identifier: MIT
// Replays every input kept under tests/data/fuzz-regressions/<target>/ through the same
// entry the libFuzzer target calls (fuzz/entries.hpp), so that a crash found by fuzzing
// stays fixed in the ordinary g++ and ASan+UBSan test runs. The seeds and the bad-input
// corpus go through every entry as well.
#include "fuzz/entries.hpp"
#include "support/bad_inputs.hpp"
#include "support/seeds.hpp"

#include <plancmp/data.hpp>

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
  // A parsed seed read back through the plan JSON entry (round trip checked inside).
  const plancmp::plan p = plancmp::parse::parse_file(plancmp::test::seed_path(plancmp::test::gansu));
  plancmp::fuzz::plan_json(plancmp::to_json(p));
  plancmp::fuzz::scheme(std::string(1, '\0') + std::string(plancmp::builtin_data("scheme_ip_value_chain.json")));
  CHECK(true);
}
