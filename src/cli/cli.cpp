// SPDX-License-Identifier: MIT
#include "cli.hpp"
#include "bundled_seeds.hpp"

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/parse/corpus.hpp>
#include <plancmp/detail/parallel.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/workbook.hpp>
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

input_log& run_log() {
  static input_log log;
  return log;
}

std::optional<std::string> not_a_plan(const plan& p, std::size_t bytes) {
  if (bytes == 0) return "empty file";
  if (p.sections().empty() && p.measures().empty() && p.goals().empty()) {
    switch (p.kind) {
      case document_kind::regulation:
        return std::string("a regulation in articles (第X条), no measures");
      case document_kind::qa:
        return std::string("a question-and-answer page (问… 答…), no measures");
      case document_kind::notice:
        return std::string("a notice with no numbered outline, no measures");
      default:
        return std::string("no section, measure or goal found");
    }
  }
  return std::nullopt;
}

std::vector<std::string> plan_labels(const std::vector<plan>& plans) {
  std::vector<std::string> labels;
  labels.reserve(plans.size());
  for (const auto& p : plans) labels.push_back(analysis::plan_label(p));
  for (std::size_t i = 0; i < plans.size(); ++i) {
    if (std::count(labels.begin(), labels.end(), analysis::plan_label(plans[i])) > 1) {
      labels[i] = fmt::format("{} ({})", analysis::plan_label(plans[i]), plans[i].source.path);
    }
  }
  return labels;
}

parse::gold_folders gold_folders_of(const options& opts) {
  parse::gold_folders folders;
  folders.seed_files = bundled_seeds();
  if (const std::string* d = opts.value("seeds")) folders.seeds = *d;
  if (const std::string* d = opts.value("corpus")) folders.corpus = *d;
  return folders;
}

namespace {

std::string plans_needed(const options& opts) {
  return fmt::format("{} plans or more", opts.min_plans);
}

}  // namespace

std::vector<input> load_inputs(const options& opts) {
  std::vector<input> out;
  auto& log = run_log();
  if (opts.inputs.empty()) {
    for (const auto& seed : bundled_seeds()) {
      out.push_back({"seeds/" + std::string(seed.name), std::string(seed.bytes)});
    }
    log.files += out.size();
    return out;
  }
  // With one path its error is the command's; with several, each failing one is skipped.
  const bool several = opts.inputs.size() > 1;
  std::vector<std::string> files;
  for (const auto& path : opts.inputs) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    try {
      // A directory stands for the plan files under it (docs/inputs.md).
      for (auto& file : parse::list_corpus_files({path})) files.push_back(std::move(file));
    } catch (const error& e) {
      if (!several) throw;
      fmt::print(stderr, "plancmp: skipped: {}\n", e.what());
      log.skipped.push_back({path, e.what()});
      ++log.files;
    }
  }
  if (files.size() + log.skipped.size() < opts.min_plans) {
    throw usage_error(fmt::format("this command compares plans with each other: give {} (or no file for "
                                  "the bundled seeds)", plans_needed(opts)));
  }
  log.files += files.size();
  for (const auto& file : files) {
    try {
      if (file == "-") {
        std::string bytes;
        char buffer[1 << 16];
        while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
          const auto n = static_cast<std::size_t>(std::cin.gcount());
          check_input_size(bytes.size() + n, opts.max_input_bytes, "<stdin>");
          bytes.append(buffer, n);
        }
        out.push_back({"<stdin>", std::move(bytes)});
      } else {
        out.push_back({file, read_file(file, opts.max_input_bytes)});
      }
    } catch (const error& e) {
      if (files.size() + log.skipped.size() <= 1) throw;
      fmt::print(stderr, "plancmp: skipped: {}\n", e.what());
      log.skipped.push_back({file, e.what()});
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
  auto& log = run_log();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!errors[i]) continue;
    if (single && log.skipped.empty()) std::rethrow_exception(errors[i]);
    std::string why;
    try {
      std::rethrow_exception(errors[i]);
    } catch (const std::exception& e) {
      why = e.what();
    } catch (...) {
      why = inputs[i].name + ": unknown error";
    }
    fmt::print(stderr, "plancmp: skipped: {}\n", why);
    log.skipped.push_back({inputs[i].name, std::move(why)});
    failed.push_back(i);
  }
  if (inputs.size() - failed.size() < opts.min_plans) {
    throw error(fmt::format("plancmp: {} of {} files left, but this command needs {}",
                            inputs.size() - failed.size(), log.files, plans_needed(opts)));
  }
  return failed;
}

/// A file that parsed into no plan at all: an input error unless --keep-going, which
/// takes it with a warning.
void check_plan(const options& opts, const plan& p, const input& in, std::size_t bytes) {
  const auto why = not_a_plan(p, bytes);
  if (!why) return;
  if (!opts.keep_going) {
    throw parse_error(error_location::file(in.name),
                      fmt::format("not a plan ({}); pass --keep-going to take it anyway", *why));
  }
  if (!opts.quiet) fmt::print(stderr, "plancmp: warning: {}: not a plan ({}); taken (--keep-going)\n", in.name, *why);
}

template <class T>
void erase_indices(std::vector<T>& v, const std::vector<std::size_t>& indices) {
  for (auto it = indices.rbegin(); it != indices.rend(); ++it) v.erase(v.begin() + static_cast<std::ptrdiff_t>(*it));
}

}  // namespace

text::read_options read_options_of(const options& opts) {
  text::read_options read;
  read.max_input_bytes = opts.max_input_bytes;
  read.declared_encoding = opts.encoding;
  read.unwrap = opts.unwrap;
  return read;
}

std::vector<plan> parse_all(const options& opts, std::vector<input>& inputs, const parse::parse_options& parse_opts) {
  std::vector<std::optional<plan>> results(inputs.size());
  parse::parse_options limited = parse_opts;
  limited.read.max_input_bytes = std::min(limited.read.max_input_bytes, opts.max_input_bytes);
  if (opts.encoding) limited.read.declared_encoding = opts.encoding;
  limited.read.unwrap = limited.read.unwrap && opts.unwrap;
  const auto failed = for_each_input(opts, inputs, [&](std::size_t i) {
    results[i] = parse::parse_bytes(inputs[i].bytes, inputs[i].name, limited);
    check_plan(opts, *results[i], inputs[i], inputs[i].bytes.size());
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
    throw io_error(error_location::file(opts.output), "cannot open output file for writing");
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    throw io_error(error_location::file(opts.output), "cannot write output file");
  }
}

rendered_tables render(const options&, const report::table& t) { return {{t}, false}; }

rendered_tables render(const options&, std::vector<report::table> tables) { return {std::move(tables), true}; }

std::string to_text(const options& opts, const rendered_tables& out) {
  const auto& tables = out.tables;
  if (opts.format == report::table_format::xlsx) return report::to_xlsx(tables);
  if (!out.several && tables.size() == 1) {
    if (opts.format == report::table_format::csv) return report::to_csv(tables[0], {opts.excel});
    return report::render(tables[0], opts.format);
  }
  if (opts.format == report::table_format::json) {
    std::string text = "[";
    for (std::size_t i = 0; i < tables.size(); ++i)
      text += (i == 0 ? "\n" : ",\n") + report::to_json(tables[i]);
    return text + "\n]\n";
  }
  std::string text;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    // CSV tables are separated by an empty record; Markdown ones by a blank line.
    const bool csv = opts.format == report::table_format::csv;
    if (i > 0) text += csv ? "\r\n" : "\n";
    text += csv ? report::to_csv(tables[i], {opts.excel && i == 0}) : report::render(tables[i], opts.format);
  }
  return text;
}

void write_output(const options& opts, const rendered_tables& out) {
  if (opts.format == report::table_format::xlsx && opts.output == "-" && ::isatty(STDOUT_FILENO) == 1) {
    throw usage_error("--format xlsx writes a workbook: give -o FILE.xlsx (or redirect standard output)");
  }
  if (opts.format == report::table_format::csv && out.tables.size() > 1 && opts.output != "-") {
    (void)report::write_csv_directory(out.tables, opts.output, {opts.excel});
    return;
  }
  write_output(opts, to_text(opts, out));
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

std::vector<source_plan> load_source_plans(const options& opts) {
  auto inputs = load_inputs(opts);
  std::vector<std::optional<source_plan>> sources(inputs.size());
  const auto failed = for_each_input(opts, inputs, [&](std::size_t i) {
    const text::read_options read = read_options_of(opts);
    const std::size_t bytes = inputs[i].bytes.size();
    sources[i] = parse::parse_source(text::make_any_document(std::move(inputs[i].bytes), inputs[i].name, read));
    check_plan(opts, sources[i]->plan(), inputs[i], bytes);
  });
  erase_indices(sources, failed);
  std::vector<source_plan> out;
  out.reserve(sources.size());
  for (auto& s : sources) out.push_back(std::move(*s));
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
