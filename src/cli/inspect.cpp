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
  t.columns = {"file",  "jurisdiction", "script",     "encoding",       "bytes",
               "lines", "noise lines",  "wrapped at", "breaks rejoined"};
  for (const source_plan& in : load_source_plans(opts)) {
    const auto& doc = in.document();
    const auto& p = in.plan();
    const auto& j = p.issuing_jurisdiction;
    std::string where = j.name.empty() ? "—" : j.name;
    if (j.admin_level != level::unknown) where += fmt::format(" ({})", to_string(j.admin_level));
    t.add_row({doc.path, where, std::string(text::to_string(doc.source_script)),
               std::string(text::to_string(doc.source_encoding)), doc.original.size(), doc.lines.size(),
               doc.noise_line_count(),
               doc.wrap_width == 0
                   ? std::string("—")
                   : fmt::format("{} characters", static_cast<double>(doc.wrap_width) / 2.0),
               doc.unwrapped_breaks});
  }
  write_output(opts, render(opts, t));
  return exit_ok;
}

const registration inspect{{
    "inspect",
    "encoding, script, lines and web-page noise of each file",
    "usage: plancmp inspect [FILE...] [--format md|csv|json|latex|html] [-o FILE]\n\n"
    "Reads each file through the text layer (encoding detection, normalization,\n"
    "traditional-to-simplified conversion, noise-line detection, rejoining paragraphs\n"
    "that a fixed line width broke: a PDF's lines) and prints one row per file, with\n"
    "the jurisdiction the parser reads from the issuing body. `lines` counts the lines\n"
    "after rejoining; --keep-line-breaks keeps every break.\n\n"
    "examples:\n"
    "  plancmp inspect                     # the five bundled seed plans\n"
    "  plancmp inspect plan.txt --format csv --excel -o docs.csv\n",
    {},
    {},
    run_inspect,
}};

}  // namespace
}  // namespace plancmp::cli
