// SPDX-License-Identifier: MIT
#include "cli.hpp"

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/corpus.hpp>
#include <plancmp/parse/detail/parallel.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/formats.hpp>

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <exception>
#include <iostream>
#include <iterator>
#include <optional>

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
      std::string bytes;
      char buffer[1 << 16];
      while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        const auto n = static_cast<std::size_t>(std::cin.gcount());
        check_input_size(bytes.size() + n, opts.max_input_bytes, "<stdin>");
        bytes.append(buffer, n);
      }
      out.push_back({"<stdin>", std::move(bytes)});
    } else {
      // A directory stands for the plan files under it (docs/inputs.md).
      for (const auto& file : parse::list_corpus_files({path})) out.push_back({file, read_file(file, opts.max_input_bytes)});
    }
  }
  return out;
}

namespace {

/// Runs `work(i)` for every input on `opts.threads` threads, with progress on standard
/// error when it is a terminal. With several inputs a failing file is reported and
/// skipped (its index is returned); a single input's error propagates.
std::vector<std::size_t> for_each_input(const options& opts, const std::vector<input>& inputs,
                                        const std::function<void(std::size_t)>& work) {
  const bool single = inputs.size() <= 1;
  std::vector<std::exception_ptr> errors;
  {
    progress bar(opts, "parsing", inputs.size());
    errors = detail::for_each_index(inputs.size(), opts.threads, work, [&](std::size_t) { bar.step(); });
  }
  std::vector<std::size_t> failed;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!errors[i]) continue;
    if (single) std::rethrow_exception(errors[i]);
    try {
      std::rethrow_exception(errors[i]);
    } catch (const std::exception& e) {
      fmt::print(stderr, "plancmp: skipped: {}\n", e.what());
    } catch (...) {
      fmt::print(stderr, "plancmp: skipped: {}: unknown error\n", inputs[i].name);
    }
    failed.push_back(i);
  }
  return failed;
}

template <class T>
void erase_indices(std::vector<T>& v, const std::vector<std::size_t>& indices) {
  for (auto it = indices.rbegin(); it != indices.rend(); ++it) v.erase(v.begin() + static_cast<std::ptrdiff_t>(*it));
}

}  // namespace

std::vector<plan> parse_all(const options& opts, std::vector<input>& inputs, const parse::parse_options& parse_opts) {
  std::vector<std::optional<plan>> results(inputs.size());
  parse::parse_options limited = parse_opts;
  limited.read.max_input_bytes = std::min(limited.read.max_input_bytes, opts.max_input_bytes);
  const auto failed = for_each_input(opts, inputs, [&](std::size_t i) {
    results[i] = parse::parse_bytes(inputs[i].bytes, inputs[i].name, limited);
  });
  erase_indices(results, failed);
  erase_indices(inputs, failed);
  std::vector<plan> plans;
  plans.reserve(results.size());
  for (auto& r : results) plans.push_back(std::move(*r));
  return plans;
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

parsed_inputs load_parsed_inputs(const options& opts) {
  auto inputs = load_inputs(opts);
  std::vector<std::optional<text::document>> documents(inputs.size());
  std::vector<std::optional<plan>> plans(inputs.size());
  const auto failed = for_each_input(opts, inputs, [&](std::size_t i) {
    text::read_options read;
    read.max_input_bytes = opts.max_input_bytes;
    documents[i] = text::make_any_document(std::move(inputs[i].bytes), inputs[i].name, read);
    plans[i] = parse::parse_document(*documents[i]);
  });
  erase_indices(documents, failed);
  erase_indices(plans, failed);
  parsed_inputs out;
  out.documents.reserve(documents.size());
  out.plans.reserve(plans.size());
  for (std::size_t i = 0; i < plans.size(); ++i) {
    out.documents.push_back(std::move(*documents[i]));
    out.plans.push_back(std::move(*plans[i]));
  }
  return out;
}

std::vector<report::report_input> report_inputs(const parsed_inputs& in) {
  std::vector<report::report_input> out;
  out.reserve(in.plans.size());
  for (std::size_t i = 0; i < in.plans.size(); ++i) out.push_back({&in.documents[i], &in.plans[i]});
  return out;
}

progress::progress(const options& opts, std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(!opts.quiet && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {}

progress::~progress() {
  if (shown_) std::fputs("\r\x1b[K", stderr);  // clear the bar: the terminal is left as it was
}

void progress::step() {
  ++done_;
  if (!enabled_) return;
  if (!shown_ && std::chrono::steady_clock::now() - start_ < std::chrono::seconds(1)) return;
  shown_ = true;
  draw();
}

void progress::draw() {
  constexpr std::size_t width = 30;
  const std::size_t filled = total_ == 0 ? width : std::min(width, done_ * width / total_);
  std::fprintf(stderr, "\r%s [%s%s] %zu/%zu", label_.c_str(), std::string(filled, '#').c_str(),
               std::string(width - filled, ' ').c_str(), done_, total_);
  std::fflush(stderr);
}

}  // namespace plancmp::cli
