// SPDX-License-Identifier: MIT
// plancmp inspect: what the text layer sees in each file.
#include "cli.hpp"

#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>

#include <fmt/format.h>

namespace plancmp::cli {
namespace {

int run_inspect(const options& opts) {
  report::table t;
  t.caption = "Documents";
  t.columns = {"file", "jurisdiction", "script", "encoding", "bytes", "lines", "noise lines"};
  for (const source_plan& in : load_source_plans(opts)) {
    const auto& doc = in.document();
    const auto& p = in.plan();
    const auto& j = p.issuing_jurisdiction;
    std::string where = j.name.empty() ? "—" : j.name;
    if (j.admin_level != level::unknown) where += fmt::format(" ({})", to_string(j.admin_level));
    t.add_row({doc.path, where, std::string(text::to_string(doc.source_script)),
               std::string(text::to_string(doc.source_encoding)), doc.original.size(),
               doc.lines.size(), doc.noise_line_count()});
  }
  write_output(opts, render(opts, t));
  return exit_ok;
}

const registration inspect{{
    "inspect",
    "encoding, script, lines and web-page noise of each file",
    "usage: plancmp inspect [FILE...] [--format md|csv|json|latex|html] [-o FILE]\n\n"
    "Reads each file through the text layer (encoding detection, normalization,\n"
    "traditional-to-simplified conversion, noise-line detection) and prints one row\n"
    "per file, with the jurisdiction the parser reads from the issuing body.\n\n"
    "examples:\n"
    "  plancmp inspect                     # the five bundled seed plans\n"
    "  plancmp inspect plan.txt --format csv --excel -o docs.csv\n",
    {},
    {},
    run_inspect,
}};

}  // namespace
}  // namespace plancmp::cli
