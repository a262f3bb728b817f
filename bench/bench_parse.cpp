// SPDX-License-Identifier: MIT
// End-to-end parsing speed on one core: bytes → document (decode, normalize, simplify,
// noise) → plan, over ≥ 100 MB of simplified plans built from the seeds. Each run parses
// every simplified seed many times; the table reports the median of the runs.
//
//   build/bin/bench_parse [megabytes=100] [runs=5]
#include <plancmp/data.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  const double megabytes = argc > 1 ? std::atof(argv[1]) : 100.0;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<std::string> seeds;
  for (const auto& s : plancmp::builtin_seeds()) {
    if (s.name.starts_with("002_")) continue;  // the traditional-script seed
    seeds.emplace_back(s.bytes);
  }
  std::size_t one_pass = 0;
  for (const auto& s : seeds) one_pass += s.size();
  const auto repeats = static_cast<std::size_t>(megabytes * 1e6 / static_cast<double>(one_pass)) + 1;
  const double total_mb = static_cast<double>(repeats * one_pass) / 1e6;

  std::vector<double> document_only, end_to_end;
  std::size_t measures = 0;
  for (int run = 0; run < runs; ++run) {
    auto t0 = std::chrono::steady_clock::now();
    for (std::size_t r = 0; r < repeats; ++r) {
      for (const auto& s : seeds) {
        const auto doc = plancmp::text::make_document(s, "seed");
        measures += doc.lines.size() > 0;
      }
    }
    auto t1 = std::chrono::steady_clock::now();
    for (std::size_t r = 0; r < repeats; ++r) {
      for (const auto& s : seeds) {
        const auto p = plancmp::parse::parse_bytes(s, "seed");
        measures += p.measures.size();
      }
    }
    auto t2 = std::chrono::steady_clock::now();
    document_only.push_back(total_mb / std::chrono::duration<double>(t1 - t0).count());
    end_to_end.push_back(total_mb / std::chrono::duration<double>(t2 - t1).count());
  }
  fmt::print("Parsing speed, one core, {:.0f} MB of simplified seed plans ({} plans per run), median of {} runs\n\n",
             total_mb, repeats * seeds.size(), runs);
  fmt::print("| stage | MB/s (median) | goal |\n|---|---:|---:|\n");
  fmt::print("| text layer only (make_document) | {:.0f} | |\n", median(document_only));
  fmt::print("| end to end (bytes → plan) | {:.0f} | ≥ 50 |\n", median(end_to_end));
  fmt::print("\nmachine: {} hardware threads; checksum {}\n", std::thread::hardware_concurrency(), measures);
  return median(end_to_end) >= 50.0 ? 0 : 1;
}
