// SPDX-License-Identifier: MIT
#include "cli.hpp"

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <iterator>

namespace plancmp::cli {

bool options::has_flag(std::string_view name) const {
  for (const auto& f : flags) {
    if (f == name) return true;
  }
  return false;
}

const std::string* options::value(std::string_view name) const {
  for (const auto& [k, v] : extra) {
    if (k == name) return &v;
  }
  return nullptr;
}

std::vector<std::string> options::values(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : extra) {
    if (k == name) out.push_back(v);
  }
  return out;
}

std::vector<input> load_inputs(const options& opts) {
  std::vector<input> out;
  if (opts.inputs.empty()) {
    for (const auto& seed : builtin_seeds()) {
      out.push_back({"seeds/" + std::string(seed.name), std::string(seed.bytes)});
    }
    return out;
  }
  for (const auto& path : opts.inputs) {
    if (path == "-") {
      std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
      out.push_back({"<stdin>", std::move(bytes)});
    } else {
      out.push_back({path, read_file(path)});
    }
  }
  return out;
}

parsed_inputs load_parsed_inputs(const options& opts) {
  parsed_inputs out;
  for (auto& in : load_inputs(opts)) {
    out.documents.push_back(text::make_document(std::move(in.bytes), in.name));
    out.plans.push_back(parse::parse_document(out.documents.back()));
  }
  return out;
}

void write_output(const options& opts, std::string_view text) {
  if (opts.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return;
  }
  std::FILE* f = std::fopen(opts.output.c_str(), "wb");
  if (f == nullptr) {
    throw io_error({opts.output, {}, {}, {}}, "cannot open output file for writing");
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    throw io_error({opts.output, {}, {}, {}}, "cannot write output file");
  }
}

std::string render(const options& opts, const report::table& t) {
  if (opts.format == report::table_format::csv) return report::to_csv(t, {opts.excel});
  return report::render(t, opts.format);
}

std::string render(const options& opts, const std::vector<report::table>& tables) {
  if (opts.format == report::table_format::json) {
    std::string out = "[";
    for (std::size_t i = 0; i < tables.size(); ++i)
      out += (i == 0 ? "\n" : ",\n") + report::to_json(tables[i]);
    return out + "\n]\n";
  }
  std::string out;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    // CSV tables are separated by an empty record; Markdown ones by a blank line.
    const bool csv = opts.format == report::table_format::csv;
    if (i > 0) out += csv ? "\r\n" : "\n";
    out += csv ? report::to_csv(tables[i], {opts.excel && i == 0}) : render(opts, tables[i]);
  }
  return out;
}

double number_option(const options& opts, std::string_view name, double fallback, double min, double max) {
  const std::string* text = opts.value(name);
  if (text == nullptr) return fallback;
  double v = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < min || v > max) {
    throw usage_error(fmt::format("--{} takes a number from {} to {}, not '{}'", name, min, max, *text));
  }
  return v;
}

std::vector<command>& commands() {
  static std::vector<command> registry;
  return registry;
}

}  // namespace plancmp::cli
