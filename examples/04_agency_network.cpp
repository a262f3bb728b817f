// SPDX-License-Identifier: MIT
// 04 — The co-responsibility network of a plan's agencies.
//
// Two agencies are tied when they share a measure (one leads, the other supports, or both
// support); the weight is how many they share. Hengshui's plan names a lead and supporting
// units for almost every measure, so its network shows who the plan relies on. We print
// its metrics (degree, weighted degree, betweenness), the same network grouped by canonical
// function, and the DOT text that Graphviz draws (`dot -Tsvg`), which is also what
// report::draw_network falls back to when Graphviz is not installed.
#include <plancmp/plancmp.hpp>

#include <fmt/format.h>

int main() {
  namespace analysis = plancmp::analysis;
  const std::string path = std::string(PLANCMP_SEEDS_DIR) + "/001_e9d616c0cc0faf37.txt";
  plancmp::plan p = plancmp::parse::parse_file(path);
  p.source.path = "seeds/001_e9d616c0cc0faf37.txt";

  // Vertices are agencies as printed; collectives (各县市区政府 …) are kept by default.
  const auto net = analysis::build_co_responsibility_network(p);
  fmt::print("{}\n", plancmp::report::to_markdown(plancmp::report::to_table(net)));

  // by_canonical merges names of one function (市市场监管局 = 市市场监督管理局) into one vertex;
  // leaving collectives out keeps only named agencies.
  analysis::network_options by_function;
  by_function.by_canonical = true;
  by_function.include_collectives = false;
  const auto functions = analysis::build_co_responsibility_network(p, by_function);
  fmt::print("{}\n", plancmp::report::to_markdown(plancmp::report::to_table(functions)));

  // The drawing's source: deterministic text, so it is part of the expected output.
  fmt::print("{}", analysis::to_dot(functions));
}
