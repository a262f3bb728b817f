// SPDX-License-Identifier: MIT
//
// Throughput of the text layer on one core, measured side by side in one run:
//   (a) normalize() + noise classification of every line, on ≥ 100 MB of simplified
//       text (the four simplified seed plans, repeated);
//   (b) the traditional path: simplifier::convert() against OpenCC's own t2s converter
//       (in-process opencc::SimpleConverter, and the `opencc` program when installed) on
//       ≥ 20 MB of traditional text (the Gansu plan, repeated);
//   (c) the whole make_document() pipeline, one document per seed plan.
// Every figure is the median of several repetitions; MB = 10^6 bytes. Throughput is
// given per CPU-second (the timed thread's CPU time, or the child's for the `opencc`
// program), which stays close to the idle-machine figure when other jobs share the
// cores; wall-clock throughput is shown beside it. The output ends with a Markdown table
// ready for the README.
//
//     bench_text [--reps N] [--simplified-mb M] [--traditional-mb M] [--documents-mb M]

#include "bench_support.hpp"

#include <plancmp/data.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/noise.hpp>
#include <plancmp/text/normalize.hpp>
#include <plancmp/text/script.hpp>
#include <plancmp/version.hpp>

#include <fmt/format.h>
#include <opencc/SimpleConverter.hpp>

#include <sys/resource.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using plancmp::bench::median;

namespace fs = std::filesystem;
namespace text = plancmp::text;
using clock_type = std::chrono::steady_clock;

const std::vector<std::string> simplified_seeds = {
    "000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt", "003_53900fa8173cc0f4.txt",
    "004_b234aa7c753f2ac8.txt"};
const std::string traditional_seed = "002_e22083f13b5790bb.txt";

struct options {
  int reps = 5;
  double simplified_mb = 100;
  double traditional_mb = 20;
  double documents_mb = 50;
};

options parse_options(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> double {
      if (i + 1 >= argc) {
        std::cerr << "bench_text: " << arg << " needs a value\n";
        std::exit(2);
      }
      return std::atof(argv[++i]);
    };
    if (arg == "--reps")
      o.reps = std::max(1, static_cast<int>(value()));
    else if (arg == "--simplified-mb")
      o.simplified_mb = value();
    else if (arg == "--traditional-mb")
      o.traditional_mb = value();
    else if (arg == "--documents-mb")
      o.documents_mb = value();
    else {
      std::cerr << "usage: bench_text [--reps N] [--simplified-mb M] [--traditional-mb M] "
                   "[--documents-mb M]\n";
      std::exit(arg == "--help" || arg == "-h" ? 0 : 2);
    }
  }
  return o;
}

std::string seed(const std::string& name) {
  return plancmp::read_file(std::string(PLANCMP_SEEDS_DIR) + "/" + name);
}

/// Concatenates `parts` (each ending in '\n') again and again until `min_bytes` is reached.
std::string repeat_until(const std::vector<std::string>& parts, std::size_t min_bytes) {
  std::string out;
  out.reserve(min_bytes + min_bytes / 8);
  while (out.size() < min_bytes) {
    for (const auto& p : parts) {
      out += p;
      if (!p.empty() && p.back() != '\n') out += '\n';
    }
  }
  return out;
}

/// Seconds of one run: CPU time of this thread plus that of waited-for children, and wall.
struct timing {
  double cpu = 0;
  double wall = 0;
};

double cpu_seconds() {
  timespec self{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &self);
  rusage children{};
  ::getrusage(RUSAGE_CHILDREN, &children);
  auto tv = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  return static_cast<double>(self.tv_sec) + static_cast<double>(self.tv_nsec) * 1e-9 +
         tv(children.ru_utime) + tv(children.ru_stime);
}


/// Median CPU and wall seconds of `reps` runs of `run` (after one warm-up run when
/// `warm_up`).
timing time_median(int reps, const std::function<void()>& run, bool warm_up = true) {
  if (warm_up) run();
  std::vector<double> cpu;
  std::vector<double> wall;
  for (int i = 0; i < reps; ++i) {
    const double cpu_start = cpu_seconds();
    const auto start = clock_type::now();
    run();
    wall.push_back(std::chrono::duration<double>(clock_type::now() - start).count());
    cpu.push_back(cpu_seconds() - cpu_start);
  }
  return {median(cpu), median(wall)};
}

double mb(std::size_t bytes) { return static_cast<double>(bytes) / 1e6; }

/// Keeps results alive so the optimizer cannot drop the work being timed.
volatile std::size_t sink = 0;

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return {};
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
    if (fs::is_regular_file(candidate) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

std::string first_line_of_command(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
      out = buffer;
      if (out.find_first_not_of(" \t\r\n") != std::string::npos) break;
    }
    ::pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown CPU";
}

std::string load_average() {
  double load[3] = {0, 0, 0};
  if (::getloadavg(load, 3) != 3) return "unknown";
  return fmt::format("{:.1f}", load[0]);
}

std::string compiler() {
#if defined(__clang__)
  return fmt::format("clang {}.{}.{}", __clang_major__, __clang_minor__, __clang_patchlevel__);
#elif defined(__GNUC__)
  return fmt::format("GCC {}.{}.{}", __GNUC__, __GNUC_MINOR__, __GNUC_PATCHLEVEL__);
#else
  return "unknown compiler";
#endif
}

struct row {
  std::string stage;
  std::string input;
  double cpu_mb_per_s;
  double wall_mb_per_s;
  std::string note;
};

}  // namespace

int main(int argc, char** argv) {
  const options opt = parse_options(argc, argv);
  std::vector<row> rows;
  auto report = [&](std::string stage, std::string input, std::size_t bytes, timing t,
                    std::string note = {}) {
    const double rate = mb(bytes) / t.cpu;
    const double wall_rate = mb(bytes) / t.wall;
    std::cerr << fmt::format("  {:<46} {:>8.1f} MB/s CPU {:>8.1f} MB/s wall  ({:.1f} MB)\n", stage,
                             rate, wall_rate, mb(bytes));
    rows.push_back({std::move(stage), std::move(input), rate, wall_rate, std::move(note)});
    return rate;
  };

  // ------------------------------------------------------------------ corpora
  std::vector<std::string> simplified_parts;
  simplified_parts.reserve(simplified_seeds.size());
  for (const auto& name : simplified_seeds) simplified_parts.push_back(seed(name));
  const std::string gansu = seed(traditional_seed);
  const std::string simplified_corpus =
      repeat_until(simplified_parts, static_cast<std::size_t>(opt.simplified_mb * 1e6));
  const std::string traditional_corpus =
      repeat_until({gansu}, static_cast<std::size_t>(opt.traditional_mb * 1e6));
  const std::string simplified_label =
      fmt::format("{:.0f} MB simplified", mb(simplified_corpus.size()));
  const std::string traditional_label =
      fmt::format("{:.0f} MB traditional", mb(traditional_corpus.size()));
  std::cerr << fmt::format("corpora: {} (4 seeds repeated), {} (Gansu repeated); {} repetitions\n",
                           simplified_label, traditional_label, opt.reps);

  // ------------------------------------------------------------------ (a) normalize + noise
  const auto& noise = text::noise_classifier::builtin();
  auto classify_lines = [&](std::string_view normalized) {
    std::size_t noisy = 0;
    std::size_t begin = 0;
    while (begin < normalized.size()) {
      std::size_t end = normalized.find('\n', begin);
      if (end == std::string_view::npos) end = normalized.size();
      noisy += noise.classify(normalized.substr(begin, end - begin)) ? 1 : 0;
      begin = end + 1;
    }
    return noisy;
  };
  {
    const timing both = time_median(opt.reps, [&] {
      const auto normalized = text::normalize(simplified_corpus);
      sink = sink + classify_lines(normalized.text) + normalized.text.size();
    });
    report("normalize() + noise classification per line", simplified_label, simplified_corpus.size(),
           both);
    const timing normalize_only =
        time_median(opt.reps, [&] { sink = sink + text::normalize(simplified_corpus).text.size(); });
    report("normalize() alone", simplified_label, simplified_corpus.size(), normalize_only);
    const auto normalized = text::normalize(simplified_corpus);
    const timing classify_only =
        time_median(opt.reps, [&] { sink = sink + classify_lines(normalized.text); });
    report("noise classification alone", simplified_label, simplified_corpus.size(), classify_only);
  }

  // ------------------------------------------------------------------ (b) traditional path
  const auto load_start = clock_type::now();
  const text::simplifier ours;
  const double load_seconds = std::chrono::duration<double>(clock_type::now() - load_start).count();
  const opencc::SimpleConverter theirs(std::string(PLANCMP_OPENCC_DATA_DIR) + "/t2s.json");
  if (ours.convert(traditional_corpus).text != theirs.Convert(traditional_corpus)) {
    std::cerr << "bench_text: simplifier and OpenCC disagree on the traditional corpus\n";
    return 1;
  }
  const double ours_rate =
      report("simplifier::convert()", traditional_label, traditional_corpus.size(),
             time_median(opt.reps, [&] { sink = sink + ours.convert(traditional_corpus).text.size(); }),
             "with offset map");
  const double theirs_rate =
      report("opencc::SimpleConverter(t2s).Convert()", traditional_label, traditional_corpus.size(),
             // The agreement check above already warmed OpenCC up; its runs take seconds each.
             time_median(
                 opt.reps, [&] { sink = sink + theirs.Convert(traditional_corpus).size(); },
                 /*warm_up=*/false),
             "in-process");
  double cli_rate = 0;
  if (const std::string cli = find_program("opencc"); !cli.empty()) {
    const fs::path dir = fs::temp_directory_path();
    const fs::path in = dir / fmt::format("plancmp_bench_{}_in.txt", ::getpid());
    const fs::path out = dir / fmt::format("plancmp_bench_{}_out.txt", ::getpid());
    std::ofstream(in, std::ios::binary) << traditional_corpus;
    const std::string command = fmt::format("'{}' --noflush 1 -c '{}/t2s.json' -i '{}' -o '{}'", cli,
                                            PLANCMP_OPENCC_DATA_DIR, in.string(), out.string());
    bool failed = false;
    const timing seconds = time_median(
        std::max(1, opt.reps / 2), [&] { failed = failed || std::system(command.c_str()) != 0; },
        /*warm_up=*/false);
    if (!failed) {
      const bool same = plancmp::read_file(out.string()) == ours.convert(traditional_corpus).text;
      cli_rate = report("opencc CLI -c t2s.json (file to file)", traditional_label,
                        traditional_corpus.size(), seconds,
                        same ? "--noflush 1; includes start-up and file I/O"
                             : "OUTPUT DIFFERS from simplifier::convert()");
    } else {
      std::cerr << "bench_text: `" << command << "` failed; CLI row skipped\n";
    }
    std::error_code ignored;
    fs::remove(in, ignored);
    fs::remove(out, ignored);
  }
  report("simplifier::convert() on simplified text", simplified_label, simplified_corpus.size(),
         time_median(opt.reps, [&] { sink = sink + ours.convert(simplified_corpus).text.size(); }),
         "nothing to change");
  report("simplifier::detect()", simplified_label, simplified_corpus.size(), time_median(opt.reps, [&] {
           sink = sink + static_cast<std::size_t>(ours.detect(simplified_corpus));
         }));

  // ------------------------------------------------------------------ (c) make_document
  {
    std::vector<std::string> documents;
    documents.reserve(simplified_seeds.size() + 1);
    for (const auto& name : simplified_seeds) documents.push_back(seed(name));
    documents.push_back(gansu);
    std::size_t per_round = 0;
    for (const auto& d : documents) per_round += d.size();
    const auto rounds =
        std::max<std::size_t>(1, static_cast<std::size_t>(opt.documents_mb * 1e6) / per_round);
    const std::size_t bytes = rounds * per_round;
    const timing seconds = time_median(opt.reps, [&] {
      for (std::size_t r = 0; r < rounds; ++r) {
        for (const auto& d : documents) sink = sink + text::make_document(d).lines.size();
      }
    });
    report("make_document() (decode … noise, all 5 seeds)",
           fmt::format("{} documents, {:.0f} MB", rounds * documents.size(), mb(bytes)), bytes,
           seconds);
  }

  // ------------------------------------------------------------------ table
  std::cerr << "\n";
  const std::string opencc_version = first_line_of_command("opencc --version 2>&1 | grep -i version");
  std::cout << fmt::format(
      "Machine: {}, nproc = {}, load average {}, {}, plancmp {}, OpenCC {}; one thread; "
      "median of {} runs (MB = 10^6 bytes; simplifier dictionaries loaded in {:.0f} ms).\n\n",
      cpu_model(), std::thread::hardware_concurrency(), load_average(), compiler(),
      PLANCMP_VERSION_STRING,
      opencc_version.find(": ") == std::string::npos
          ? std::string("1.1")
          : opencc_version.substr(opencc_version.find(": ") + 2),
      opt.reps, load_seconds * 1e3);
  std::cout << "| stage | input | MB/s per CPU-second | MB/s wall | note |\n"
               "|---|---|---:|---:|---|\n";
  for (const auto& r : rows) {
    std::cout << fmt::format("| {} | {} | {:.1f} | {:.1f} | {} |\n", r.stage, r.input, r.cpu_mb_per_s,
                             r.wall_mb_per_s, r.note);
  }
  std::cout << fmt::format("\nsimplifier::convert() / OpenCC in-process: {:.1f}x",
                           ours_rate / theirs_rate);
  if (cli_rate > 0) std::cout << fmt::format("; / opencc CLI: {:.1f}x", ours_rate / cli_rate);
  std::cout << "\n";
  return 0;
}
