// SPDX-License-Identifier: MIT
// A deterministic synthetic corpus of plan measures built from the seeds, with planted
// reuse and its ground truth, for the similarity benchmark (bench_similarity.cpp) and
// for peers in other languages (write_corpus puts it on disk).
//
// Plans follow the seeds' layouts (their measure ids, in turn); a measure is two to five
// sentences drawn from the seeds' measure sentences (simplified, clauses left out), each
// with 15% of its characters replaced, so that plans share phrasing the way real plans
// do without being copies. Planted on top:
//   exact   a measure of an earlier plan copied unchanged                (2% of measures)
//   light   copied with 3% of its characters replaced                    (2%)
//   heavy   copied with 20% replaced and a sentence dropped or added     (2%)
//   derivative  5% of plans copy 60% of one earlier plan, lightly edited
#pragma once

#include <plancmp/analysis/vectorize.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace plancmp::bench {

struct planted_pair {
  std::uint32_t copy = 0;    ///< row of the copy
  std::uint32_t source = 0;  ///< row it was copied from
  std::string kind;          ///< exact, light, heavy, derivative
};

struct synthetic_corpus {
  std::vector<std::string> texts;      ///< one measure per row
  std::vector<std::uint32_t> plan_of;  ///< row → plan
  std::vector<std::string> ids;        ///< row → measure id (from the seed layout)
  std::vector<planted_pair> planted;
  std::size_t plans = 0;
};

namespace detail {

inline std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    (void)text::detail::next_code_point(s, pos);
    out.push_back(s.substr(start, pos - start));
  }
  return out;
}

/// Replaces a fraction of the Han characters with characters drawn from `alphabet`.
inline std::string mutate(const std::string& s, double rate, const std::vector<std::string>& alphabet,
                          std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string out;
  for (const std::string& c : code_points(s)) {
    const bool han = c.size() == 3 && c != "。" && c != "，" && c != "、" && c != "；";
    out += han && u(rng) < rate ? alphabet[pick(rng)] : c;
  }
  return out;
}

}  // namespace detail

/// The corpus of `plans` plans; same `seed`, same corpus.
inline synthetic_corpus make_synthetic_corpus(const std::string& seeds_dir, std::size_t plans,
                                              std::uint64_t seed = 20260601) {
  static const char* const names[] = {"000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt",
                                      "002_e22083f13b5790bb.txt", "003_53900fa8173cc0f4.txt",
                                      "004_b234aa7c753f2ac8.txt"};
  std::vector<plan> seed_plans;
  for (const char* n : names) seed_plans.push_back(parse::parse_file(seeds_dir + "/" + n));
  const analysis::plan_units units = analysis::collect_units(seed_plans);
  std::vector<std::string> sentences;
  std::vector<std::string> alphabet;
  for (std::string t : units.texts) {
    // One line per measure on disk: headings run into their text, as scraped pages do.
    std::erase_if(t, [](char ch) { return ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t'; });
    std::size_t from = 0;
    for (;;) {
      const std::size_t at = t.find("。", from);
      const std::string s = t.substr(from, at == std::string::npos ? std::string::npos : at - from);
      if (detail::code_points(s).size() >= 8) sentences.push_back(s);
      if (at == std::string::npos) break;
      from = at + 3;
    }
    for (const std::string& c : detail::code_points(t))
      if (c.size() == 3) alphabet.push_back(c);
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  synthetic_corpus c;
  c.plans = plans;
  std::vector<std::size_t> plan_begin;
  auto new_measure = [&]() {
    const std::size_t k = 2 + pick(4);
    std::string out;
    for (std::size_t i = 0; i < k; ++i) out += detail::mutate(sentences[pick(sentences.size())], 0.15, alphabet, rng) + "。";
    return out;
  };
  for (std::size_t p = 0; p < plans; ++p) {
    const plan& layout = seed_plans[p % seed_plans.size()];
    plan_begin.push_back(c.texts.size());
    const std::size_t count = 30 + pick(49);  // 30…78, mean 54
    const bool derivative = p > 0 && u(rng) < 0.05;
    const std::size_t parent = derivative ? pick(p) : 0;
    for (std::size_t m = 0; m < count; ++m) {
      const auto row = static_cast<std::uint32_t>(c.texts.size());
      c.plan_of.push_back(static_cast<std::uint32_t>(p));
      c.ids.push_back(m < layout.measures().size() ? layout.measures()[m].id : fmt::format("附.{}", m + 1));
      const std::size_t parent_rows =
          derivative ? (parent + 1 < plan_begin.size() ? plan_begin[parent + 1] : row) - plan_begin[parent] : 0;
      const double r = u(rng);
      if (derivative && m < parent_rows && u(rng) < 0.6) {
        const auto source = static_cast<std::uint32_t>(plan_begin[parent] + m);
        c.texts.push_back(detail::mutate(c.texts[source], 0.03, alphabet, rng));
        c.planted.push_back({row, source, "derivative"});
      } else if (p > 0 && r < 0.06) {
        const auto source = static_cast<std::uint32_t>(pick(plan_begin[p]));
        std::string text = c.texts[source];
        std::string kind = "exact";
        if (r >= 0.02 && r < 0.04) {
          text = detail::mutate(text, 0.03, alphabet, rng);
          kind = "light";
        } else if (r >= 0.04) {
          text = detail::mutate(text, 0.20, alphabet, rng);
          const std::size_t cut = text.find("。");
          if (u(rng) < 0.5 && cut != std::string::npos && cut + 3 < text.size()) {
            text = text.substr(cut + 3);
          } else {
            text += detail::mutate(sentences[pick(sentences.size())], 0.15, alphabet, rng) + "。";
          }
          kind = "heavy";
        }
        c.texts.push_back(std::move(text));
        c.planted.push_back({row, source, kind});
      } else {
        c.texts.push_back(new_measure());
      }
    }
  }
  return c;
}

/// Writes `measures.txt` (one text per line), `units.tsv` (row, plan, id) and
/// `planted.tsv` (copy, source, kind) into `dir`, which must exist.
inline void write_corpus(const synthetic_corpus& c, const std::string& dir) {
  std::ofstream texts(dir + "/measures.txt", std::ios::binary);
  std::ofstream units(dir + "/units.tsv", std::ios::binary);
  for (std::size_t r = 0; r < c.texts.size(); ++r) {
    texts << c.texts[r] << '\n';
    units << r << '\t' << c.plan_of[r] << '\t' << c.ids[r] << '\n';
  }
  std::ofstream planted(dir + "/planted.tsv", std::ios::binary);
  for (const planted_pair& p : c.planted) planted << p.copy << '\t' << p.source << '\t' << p.kind << '\n';
}

}  // namespace plancmp::bench
