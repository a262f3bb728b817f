// SPDX-License-Identifier: MIT
// Measure alignment speed: maximum-weight assignment on similarity matrices shaped like
// those of two large plans (1,000 × 1,200 measures by default). Each row is a measure of
// plan A: about 70% have a counterpart in B (similarity 0.5–1.0) and a few related
// measures (0.2–0.5); every other pair gets the background similarity that unrelated
// measures of one policy field share (0–0.2, as char-bigram cosines of IP measures do).
// Reported: median time over the runs at several thresholds (0 = every pair admissible,
// the hardest case), the assignment weight and the share of planted pairs recovered.
//
// A second table does the same on real text: two synthetic plans whose measures are made
// of sentences of the seed plans' measures (2–4 each, drawn at random); 70% of A's
// measures reappear in B edited (a sentence dropped or added, characters replaced), and
// the matrix is the tf-idf cosine of char 2–3-grams (`analysis::measure_similarity`).
//
//   build/bin/bench_align [rows=1000] [columns=1200] [runs=15]
#include "bench_support.hpp"
#include "bundled_seeds.hpp"

#include <plancmp/analysis/assignment.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

using plancmp::bench::median;

double thread_cpu_ms() { return plancmp::bench::thread_seconds() * 1e3; }



struct timing {
  double wall_ms = 0.0;
  double cpu_ms = 0.0;
  plancmp::analysis::assignment result;
};

timing time_assignment(const std::vector<double>& w, std::size_t rows, std::size_t columns,
                       double threshold, int runs) {
  std::vector<double> times;
  std::vector<double> cpu_times;
  timing t;
  for (int run = 0; run < runs; ++run) {
    const double c0 = thread_cpu_ms();
    const auto t0 = std::chrono::steady_clock::now();
    t.result = plancmp::analysis::max_weight_assignment(w, rows, columns,
                                                        {.threshold = threshold, .one_to_many = false});
    const auto t1 = std::chrono::steady_clock::now();
    cpu_times.push_back(thread_cpu_ms() - c0);
    times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  t.wall_ms = median(times);
  t.cpu_ms = median(cpu_times);
  return t;
}

void print_table(const std::vector<double>& w, std::size_t rows, std::size_t columns,
                 const std::vector<long>& planted, int runs) {
  fmt::print("| threshold | admissible pairs | wall ms | CPU ms | pairs | weight | planted pairs found |\n");
  fmt::print("| --------: | ---------------: | ------: | -----: | ----: | -----: | ------------------: |\n");
  for (const double threshold : {0.0, 0.1, 0.2, 0.3, 0.5}) {
    const timing t = time_assignment(w, rows, columns, threshold, runs);
    const auto admissible = std::count_if(w.begin(), w.end(), [&](double x) {
      return x > 0.0 && x >= threshold;
    });
    std::size_t found = 0;
    std::size_t total = 0;
    for (long p : planted) total += p >= 0;
    for (const auto& p : t.result.pairs) found += planted[p.row] == static_cast<long>(p.column);
    fmt::print("| {:.1f} | {} | {:.2f} | {:.2f} | {} | {:.1f} | {}/{} |\n", threshold, admissible,
               t.wall_ms, t.cpu_ms, t.result.pairs.size(), t.result.total_weight, found, total);
  }
}

/// The sentences (up to 。) of every measure of the simplified seeds.
std::vector<std::string> seed_sentences() {
  std::vector<std::string> out;
  for (const auto& s : plancmp::bundled_seeds()) {
    const plancmp::plan p = plancmp::parse::parse_bytes(std::string(s.bytes), std::string(s.name));
    for (const auto& m : p.measures()) {
      std::string_view text = m.text;
      for (std::size_t at = text.find("。"); at != std::string_view::npos; at = text.find("。")) {
        if (at > 12) out.emplace_back(text.substr(0, at + 3));
        text.remove_prefix(at + 3);
      }
    }
  }
  return out;
}

/// Replaces a share of a text's characters by characters drawn from `pool`.
std::string edit_characters(const std::string& text, double share, const std::string& pool,
                            std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() / 3 - 1);
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    (void)plancmp::text::detail::next_code_point(text, at);
    if (unit(rng) < share && at - start == 3) {
      std::size_t from = pick(rng) * 3;
      while (from > 0 && (static_cast<unsigned char>(pool[from]) & 0xC0U) == 0x80U) --from;
      std::size_t to = from;
      (void)plancmp::text::detail::next_code_point(pool, to);
      out.append(pool, from, to - from);
    } else {
      out.append(text, start, at - start);
    }
  }
  return out;
}

plancmp::plan plan_of(const std::vector<std::string>& texts) {
  plancmp::plan_content c;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    plancmp::measure m;
    m.id = std::to_string(i + 1);
    m.path = {m.id};
    m.text = texts[i];
    c.measures.push_back(std::move(m));
  }
  return plancmp::plan(std::move(c));
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1000;
  const std::size_t columns = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1200;
  const int runs = argc > 3 ? std::atoi(argv[3]) : 15;

  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> w(rows * columns);
  for (double& x : w) x = 0.2 * unit(rng) * unit(rng);  // background, skewed to 0
  std::vector<std::size_t> partner(columns);
  for (std::size_t j = 0; j < columns; ++j) partner[j] = j;
  std::shuffle(partner.begin(), partner.end(), rng);
  std::vector<long> planted(rows, -1);
  std::uniform_int_distribution<std::size_t> any_column(0, columns - 1);
  for (std::size_t i = 0; i < rows; ++i) {
    if (unit(rng) < 0.7) {
      planted[i] = static_cast<long>(partner[i]);
      w[i * columns + partner[i]] = 0.5 + 0.5 * unit(rng);
    }
    for (int k = 0; k < 3; ++k) w[i * columns + any_column(rng)] = 0.2 + 0.3 * unit(rng);
  }

  fmt::print("**Maximum-weight assignment, {} × {}, synthetic similarity (median of {} runs)**\n\n",
             rows, columns, runs);
  print_table(w, rows, columns, planted, runs);

  // Real text: measures made of seed sentences, 70% of A's reappearing edited in B.
  const std::vector<std::string> sentences = seed_sentences();
  std::string pool;
  for (const auto& s : sentences) pool += s;
  std::uniform_int_distribution<std::size_t> any_sentence(0, sentences.size() - 1);
  std::uniform_int_distribution<int> sentence_count(2, 4);
  auto make_measure = [&] {
    std::string text;
    for (int k = sentence_count(rng); k > 0; --k) text += sentences[any_sentence(rng)];
    return text;
  };
  std::vector<std::string> texts_a(rows);
  for (auto& t : texts_a) t = make_measure();
  std::vector<std::string> texts_b(columns);
  std::vector<long> planted_text(rows, -1);
  for (auto& t : texts_b) t = make_measure();
  for (std::size_t i = 0; i < rows; ++i) {
    if (unit(rng) >= 0.7) continue;
    std::string copy = texts_a[i];
    if (unit(rng) < 0.3) copy += sentences[any_sentence(rng)];
    copy = edit_characters(copy, 0.3 * unit(rng), pool, rng);
    texts_b[partner[i]] = copy;
    planted_text[i] = static_cast<long>(partner[i]);
  }
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<double> cosines =
      plancmp::analysis::measure_similarity(plan_of(texts_a), plan_of(texts_b));
  const auto t1 = std::chrono::steady_clock::now();
  fmt::print("\n**The same on tf-idf cosines of measures made of seed sentences** "
             "(similarity matrix built in {:.0f} ms, not counted)\n\n",
             std::chrono::duration<double, std::milli>(t1 - t0).count());
  print_table(cosines, rows, columns, planted_text, runs);
  return 0;
}
