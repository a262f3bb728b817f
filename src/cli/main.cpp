// SPDX-License-Identifier: MIT
// plancmp: the command-line program. `plancmp --help` lists the subcommands;
// `plancmp NAME --help` shows one with examples.
#include "cli.hpp"

#include <plancmp/error.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/version.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdint>
#include <exception>
#include <limits>

namespace {

using namespace plancmp;
using namespace plancmp::cli;

void print_overview() {
  auto& cmds = commands();
  std::sort(cmds.begin(), cmds.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  std::string out = fmt::format(
      "plancmp {} — policy plans as graphs, compared across jurisdictions\n\n"
      "usage: plancmp COMMAND [OPTIONS] [FILE...]\n\ncommands:\n",
      PLANCMP_VERSION_STRING);
  for (const auto& c : cmds) out += fmt::format("  {:<10} {}\n", c.name, c.summary);
  out +=
      "\ncommon options:\n"
      "  --format md|csv|json|latex|html|xlsx\n"
      "                                   table format (default md); xlsx: an Excel workbook\n"
      "                                   with a sheet per table\n"
      "  --excel                          with --format csv: add a UTF-8 BOM for Excel and\n"
      "                                   keep text like 1/8 from becoming a date\n"
      "  -o FILE                          write to FILE instead of standard output; CSV of\n"
      "                                   several tables: a directory of CSV files + index.csv\n"
      "  --threads N                      worker threads (default: all cores)\n"
      "  --max-input-size SIZE            refuse input files larger than SIZE bytes (suffix K, M\n"
      "                                   or G for KiB, MiB, GiB; default 2G)\n"
      "  --encoding NAME                  read every FILE in this encoding (utf-8, gb18030/gbk,\n"
      "                                   utf-16le, utf-16be) instead of detecting it\n"
      "  --keep-line-breaks               keep every line break of hard-wrapped text (a PDF's\n"
      "                                   lines) instead of rejoining its paragraphs\n"
      "  --keep-going                     take a file that is not a plan (empty, no structure)\n"
      "                                   with a warning instead of failing on it\n"
      "  --quiet                          no progress or notes on standard error\n"
      "  -h, --help                       help; `plancmp COMMAND --help` shows examples\n\n"
      "With no FILE, commands run on the five bundled seed plans. `-` reads standard input.\n"
      "A FILE may be text, HTML, PDF or DOCX; a directory stands for the .txt .html .htm\n"
      ".pdf .docx files under it (recursively). With several files, one that cannot be read\n"
      "is reported on standard error and skipped, with a summary at the end and exit status 1.\n"
      "Progress shows when stderr is a terminal.\n"
      "Exit status: 0 ok, 1 bad input (or a file skipped), 2 usage error.\n";
  std::fputs(out.c_str(), stdout);
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// A byte count with an optional binary suffix: "5000", "64K", "200M", "2G".
std::size_t parse_size(const std::string& text) {
  std::uint64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  std::uint64_t unit = 0;  // 0: not a valid suffix
  if (ptr == end) {
    unit = 1;
  } else if (ptr + 1 == end) {
    const char c = *ptr;
    unit = c == 'K' || c == 'k' ? 1ULL << 10 : c == 'M' || c == 'm' ? 1ULL << 20 : c == 'G' || c == 'g' ? 1ULL << 30 : 0;
  }
  const bool ok = ec == std::errc{} && ptr != text.data() && unit != 0 && n > 0 &&
                  n <= std::numeric_limits<std::size_t>::max() / unit;
  if (!ok) {
    throw usage_error(fmt::format("--max-input-size takes a positive byte count with an optional K, M or G "
                                  "suffix (e.g. 200M), not '{}'", text));
  }
  return static_cast<std::size_t>(n * unit);
}

/// Commands that compare plans with each other need two of them.
std::size_t min_plans(std::string_view command) {
  for (std::string_view name : {"align", "matrix", "reuse", "similar"}) {
    if (name == command) return 2;
  }
  return 1;
}

options parse_options(const command& cmd, int argc, char** argv) {
  options opts;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw usage_error(fmt::format("option {} needs a value", arg));
      return argv[++i];
    };
    if (arg == "--format") {
      const std::string v = next();
      opts.format = report::parse_table_format(v);
    } else if (arg == "--excel") {
      opts.excel = true;
    } else if (arg == "-o" || arg == "--output") {
      opts.output = next();
    } else if (arg == "--quiet" || arg == "-q") {
      opts.quiet = true;
    } else if (arg == "--threads") {
      const std::string v = next();
      unsigned n = 0;
      const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (ec != std::errc{} || ptr != v.data() + v.size()) {
        throw usage_error(fmt::format("--threads needs a whole number, not '{}'", v));
      }
      opts.threads = n;
    } else if (arg == "--max-input-size") {
      opts.max_input_bytes = parse_size(next());
    } else if (arg == "--encoding") {
      const std::string v = next();
      opts.encoding = text::parse_encoding(v);
      if (!opts.encoding) {
        throw usage_error(fmt::format("unknown encoding '{}'; use utf-8, utf-8-bom, gb18030 (gbk, gb2312), "
                                      "utf-16le or utf-16be", v));
      }
    } else if (arg == "--keep-line-breaks") {
      opts.unwrap = false;
    } else if (arg == "--keep-going") {
      opts.keep_going = true;
    } else if (arg.size() > 2 && arg.substr(0, 2) == "--") {
      const std::string name(arg.substr(2));
      if (contains(cmd.list_options, name)) {
        const auto is_value = [](std::string_view a) { return a == "-" || a.empty() || a[0] != '-'; };
        if (i + 1 >= argc || !is_value(argv[i + 1])) {
          throw usage_error(fmt::format("option {} needs at least one value", arg));
        }
        while (i + 1 < argc && is_value(argv[i + 1])) opts.extra.emplace_back(name, argv[++i]);
      } else if (contains(cmd.value_options, name)) {
        opts.extra.emplace_back(name, next());
      } else if (contains(cmd.flag_options, name)) {
        opts.flags.push_back(name);
      } else {
        throw usage_error(fmt::format("unknown option {} for `plancmp {}`; see `plancmp {} --help`",
                                      arg, cmd.name, cmd.name));
      }
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      throw usage_error(fmt::format("unknown option {}; see `plancmp {} --help`", arg, cmd.name));
    } else {
      opts.inputs.emplace_back(arg);
    }
  }
  opts.min_plans = min_plans(cmd.name);
  return opts;
}

/// Prints which files were skipped and returns the exit status: at least 1 when any was.
int finish(int status) {
  const auto& log = run_log();
  if (log.skipped.empty()) return status;
  std::string names;
  for (const auto& s : log.skipped) names += (names.empty() ? "" : ", ") + s.name;
  fmt::print(stderr, "plancmp: {} of {} files skipped: {}\n", log.skipped.size(), log.files, names);
  return std::max(status, static_cast<int>(exit_bad_input));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    print_overview();
    return argc < 2 ? exit_usage : exit_ok;
  }
  if (std::string_view(argv[1]) == "--version") {
    std::printf("plancmp %s\n", PLANCMP_VERSION_STRING);
    return exit_ok;
  }
  const std::string_view name = argv[1];
  const command* cmd = nullptr;
  for (const auto& c : commands()) {
    if (c.name == name) cmd = &c;
  }
  if (cmd == nullptr) {
    std::fprintf(stderr, "plancmp: unknown command '%.*s'; run `plancmp --help`\n",
                 static_cast<int>(name.size()), name.data());
    return exit_usage;
  }
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::fputs(cmd->help.c_str(), stdout);
      return exit_ok;
    }
  }
  try {
    return finish(cmd->run(parse_options(*cmd, argc, argv)));
  } catch (const usage_error& e) {
    std::fprintf(stderr, "plancmp %s: %s\n", cmd->name.c_str(), e.what());
    return exit_usage;
  } catch (const error& e) {
    // Errors carrying a location already read `file:line: message`.
    std::fprintf(stderr, "%s\n", e.what());
    return finish(exit_bad_input);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "plancmp %s: internal error: %s\n", cmd->name.c_str(), e.what());
    return exit_bad_input;
  }
}
