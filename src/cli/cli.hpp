// SPDX-License-Identifier: MIT
// The plancmp program's shared conventions: subcommands, common options, inputs,
// output, exit codes. Each subcommand lives in its own src/cli/<name>.cpp.
#pragma once

#include <plancmp/data.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/comparison.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/text/document.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::cli {

/// Exit statuses: 0 ok, 1 bad input, 2 usage.
enum exit_status : int { exit_ok = 0, exit_bad_input = 1, exit_usage = 2 };

/// Options every subcommand understands, and the positional arguments.
struct options {
  std::vector<std::string> inputs;       ///< files or directories; "-" is standard input; none: the seeds
  report::table_format format = report::table_format::markdown;
  bool excel = false;                    ///< CSV with a UTF-8 BOM
  std::string output = "-";              ///< -o FILE
  bool quiet = false;
  unsigned threads = 0;                  ///< 0: all cores
  std::size_t max_input_bytes = default_max_input_bytes;  ///< --max-input-size, per input file
  std::optional<text::encoding> encoding;  ///< --encoding NAME: no detection (text::read_options)
  bool unwrap = true;                    ///< false: --keep-line-breaks (text::read_options::unwrap)
  bool keep_going = false;               ///< --keep-going: take files that are not plans, with a warning
  std::size_t min_plans = 1;             ///< plans the command needs (2 for those comparing plans)
  std::vector<std::pair<std::string, std::string>> extra;  ///< subcommand-specific --key value
  std::vector<std::string> flags;        ///< subcommand-specific --flag

  [[nodiscard]] bool has_flag(std::string_view name) const;
  [[nodiscard]] const std::string* value(std::string_view name) const;
  /// Every value given for `--name` (repeated options and list options), in order.
  [[nodiscard]] std::vector<std::string> values(std::string_view name) const;
};

/// A file a run left out, and why.
struct skipped_file {
  std::string name;
  std::string why;  ///< the error message
};

/// What happened to the inputs of this run: how many files were named (directories
/// expanded), which were skipped. `main` prints the summary ("2 of 5 files skipped: …")
/// and exits with status 1 when any was skipped.
struct input_log {
  std::size_t files = 0;
  std::vector<skipped_file> skipped;
};
input_log& run_log();

/// Why a parsed file is not a plan (empty, or no section, measure or goal at all), or
/// nullopt when it is one. Such a file is an input error unless --keep-going.
std::optional<std::string> not_a_plan(const plan& p, std::size_t bytes);

/// The label of each plan in table headers: `analysis::plan_label` (the one labelling
/// function every command uses), with the file name added when two plans share one.
std::vector<std::string> plan_labels(const std::vector<plan>& plans);

/// One input document: a display name and its bytes.
struct input {
  std::string name;
  std::string bytes;
};

/// The inputs named on the command line (directories expanded to the plan files under
/// them, see parse::list_corpus_files), or the bundled seeds when there are none. Fewer
/// files than `opts.min_plans` is a usage error; with several paths one that is missing or
/// unreadable is reported on standard error and skipped (see run_log).
std::vector<input> load_inputs(const options& opts);

/// How the common options read a file: --max-input-size, --encoding, --keep-line-breaks.
text::read_options read_options_of(const options& opts);

/// Where gold and coding files find their documents: `seeds/<file>` in --seeds, else among
/// the bundled seeds; `corpus/<file>` in --corpus (default ../shared/corpus/docs).
parse::gold_folders gold_folders_of(const options& opts);

/// Parses every input (any format) on `opts.threads` threads. With several inputs a file
/// that fails is reported on standard error and removed from `inputs` (so `inputs[k]`
/// stays the file of `plans[k]`); a single input's error propagates.
std::vector<plan> parse_all(const options& opts, std::vector<input>& inputs, const parse::parse_options& parse_opts);

/// The inputs read as documents (any format) and parsed on `opts.threads` threads, each
/// kept with its plan, for commands that need the text views and offset maps as well as
/// the plans (spans into both files of a pair). Failing files are skipped as in parse_all.
std::vector<source_plan> load_source_plans(const options& opts);

/// Writes `text` to the -o file or standard output.
void write_output(const options& opts, std::string_view text);

/// Tables ready to be written in the chosen format: `write_output(opts, render(opts, t))`.
struct rendered_tables {
  std::vector<report::table> tables;
  bool several = false;  ///< from the overload for several tables
};

/// One table, to be written in the chosen format (with the Excel BOM for --excel CSV).
rendered_tables render(const options& opts, const report::table& t);

/// Several tables, to be written as: a JSON array; CSV tables separated by an empty
/// record on standard output, or one CSV file per table and index.csv in the directory
/// -o names (report::write_csv_directory) when there is more than one table; Markdown
/// tables separated by a blank line; one workbook with a sheet per table (xlsx).
rendered_tables render(const options& opts, std::vector<report::table> tables);

/// Writes rendered tables to the -o file (or directory) or standard output. An xlsx
/// workbook is not written to a terminal.
void write_output(const options& opts, const rendered_tables& out);

/// The text (or workbook bytes) of rendered tables, as written to standard output.
std::string to_text(const options& opts, const rendered_tables& out);

/// The value of `--name` as a number in [min, max], or `fallback` when absent; throws
/// `usage_error` naming the option otherwise.
double number_option(const options& opts, std::string_view name, double fallback, double min, double max);

/// A progress bar on standard error, drawn only when standard error is a terminal, --quiet
/// is not given and the work has already taken a second (short runs stay silent).
///
///     progress bar(opts, "parsing", inputs.size());
///     for (…) { …; bar.step(); }
class progress {
 public:
  progress(const options& opts, std::string label, std::size_t total);
  ~progress();
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;
  void step();

 private:
  void draw();
  std::string label_;
  std::size_t total_, done_ = 0;
  bool enabled_, shown_ = false;
  std::chrono::steady_clock::time_point start_;
};

struct command {
  std::string name;
  std::string summary;   ///< one line for `plancmp --help`
  std::string help;      ///< usage, options and examples for `plancmp NAME --help`
  std::vector<std::string> value_options;  ///< names of --key value options it accepts
  std::vector<std::string> flag_options;   ///< names of --flag options it accepts
  std::function<int(const options&)> run;
  /// Names of --key options taking one or more values: every argument after the option
  /// up to the next one beginning with `-` (a lone `-` is a value) is one of its values.
  std::vector<std::string> list_options = {};
};

/// The registry of subcommands, in the order `--help` lists them.
std::vector<command>& commands();

/// Registers a subcommand at static-initialization time.
struct registration {
  explicit registration(command c) { commands().push_back(std::move(c)); }
};

}  // namespace plancmp::cli
