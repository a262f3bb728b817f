// SPDX-License-Identifier: MIT
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/detail/utf8.hpp>

#include "detail/measure_pair_vectors.hpp"
#include "detail/measure_sequence.hpp"

#include <fmt/format.h>
#include "../detail/json.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace plancmp::inline v0::analysis {
namespace {

using detail::for_each_clean_run;
using detail::measure_sequence;
using detail::seeds_of;
using detail::sequence_of;

std::vector<std::pair<std::size_t, std::size_t>> seed_candidates(
    const std::vector<measure_sequence>& a, const std::vector<measure_sequence>& b, std::size_t q) {
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> in_b;
  for (std::size_t j = 0; j < b.size(); ++j)
    for (const std::uint64_t h : seeds_of(b[j], q)) in_b[h].push_back(j);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::vector<std::size_t> partners;
    for (const std::uint64_t h : seeds_of(a[i], q)) {
      const auto it = in_b.find(h);
      if (it != in_b.end()) partners.insert(partners.end(), it->second.begin(), it->second.end());
    }
    std::sort(partners.begin(), partners.end());
    partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
    for (const std::size_t j : partners) pairs.emplace_back(i, j);
  }
  return pairs;
}

/// Each measure's `k` most similar measures on the other side, both ways.
std::vector<std::pair<std::size_t, std::size_t>> top_k_candidates(const plan& a, const plan& b,
                                                                  std::size_t k) {
  const detail::measure_pair_vectors x = detail::vectorize_measures(a, b, {});
  similarity_options options;
  options.top_k = k;
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const match& m : top_k_similar(x.a, x.b, options).matches) pairs.emplace_back(m.query, m.candidate);
  for (const match& m : top_k_similar(x.b, x.a, options).matches) pairs.emplace_back(m.candidate, m.query);
  return pairs;
}

}  // namespace

const std::vector<std::string>& builtin_boilerplate() {
  static const std::vector<std::string> phrases = [] {
    const auto& j = plancmp::detail::builtin_json("boilerplate.json");
    auto list = j.at("phrases").get<std::vector<std::string>>();
    // Longest first, so that a long phrase is marked whole before its parts.
    std::stable_sort(list.begin(), list.end(),
                     [](const std::string& x, const std::string& y) { return x.size() > y.size(); });
    return list;
  }();
  return phrases;
}

std::vector<std::string> frequent_phrases(std::span<const source_plan> plans,
                                          const frequent_phrase_options& options) {
  std::vector<std::vector<measure_sequence>> sequences(plans.size());
  std::unordered_map<std::uint64_t, std::size_t> plans_with;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    std::vector<std::uint64_t> runs;
    for (const measure& m : plans[p].plan().measures()) {
      sequences[p].push_back(sequence_of(plans[p].document(), m, builtin_boilerplate(), true));
      const auto seeds = seeds_of(sequences[p].back(), options.length);
      runs.insert(runs.end(), seeds.begin(), seeds.end());
    }
    std::sort(runs.begin(), runs.end());
    runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
    for (const std::uint64_t h : runs) ++plans_with[h];
  }
  std::vector<std::string> phrases;
  for (const auto& of_plan : sequences) {
    for (const measure_sequence& s : of_plan) {
      std::vector<char> frequent(s.characters.size(), 0);
      for_each_clean_run(s, options.length, [&](std::size_t start, std::uint64_t h) {
        if (plans_with[h] < options.min_plans) return;
        std::fill_n(frequent.begin() + static_cast<std::ptrdiff_t>(start), options.length, 1);
      });
      for (std::size_t i = 0; i < frequent.size();) {
        if (frequent[i] == 0) {
          ++i;
          continue;
        }
        std::string phrase;
        for (; i < frequent.size() && frequent[i] != 0; ++i)
          text::detail::append_utf8(phrase, s.characters[i]);
        phrases.push_back(std::move(phrase));
      }
    }
  }
  std::sort(phrases.begin(), phrases.end());
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  return phrases;
}

reuse_report find_reuse(const source_plan& source_a, const source_plan& source_b,
                        const reuse_options& options) {
  const text::document& doc_a = source_a.document();
  const text::document& doc_b = source_b.document();
  const plan& a = source_a.plan();
  const plan& b = source_b.plan();
  std::vector<std::string> phrases = options.boilerplate;
  if (options.builtin_boilerplate) {
    const auto& builtin = builtin_boilerplate();
    phrases.insert(phrases.end(), builtin.begin(), builtin.end());
  }
  std::vector<measure_sequence> sa;
  std::vector<measure_sequence> sb;
  sa.reserve(a.measures().size());
  sb.reserve(b.measures().size());
  for (const measure& m : a.measures()) sa.push_back(sequence_of(doc_a, m, phrases, options.mask_clauses));
  for (const measure& m : b.measures()) sb.push_back(sequence_of(doc_b, m, phrases, options.mask_clauses));

  reuse_report report;
  report.file_a = a.source.path;
  report.file_b = b.source.path;
  std::vector<std::pair<std::size_t, std::size_t>> pairs = options.candidates;
  if (pairs.empty()) {
    switch (options.source) {
      case reuse_options::candidate_source::shared_runs:
        pairs = seed_candidates(sa, sb, options.seed_length);
        break;
      case reuse_options::candidate_source::top_k:
        pairs = top_k_candidates(a, b, options.top_k);
        break;
      case reuse_options::candidate_source::all_pairs:
        for (std::size_t i = 0; i < sa.size(); ++i)
          for (std::size_t j = 0; j < sb.size(); ++j) pairs.emplace_back(i, j);
        break;
    }
  }
  for (const auto& [i, j] : pairs) {
    if (i >= sa.size() || j >= sb.size()) {
      throw usage_error(fmt::format(
          "find_reuse: candidate pair ({}, {}) is out of range for plans of {} and {} measures",
          i, j, sa.size(), sb.size()));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  report.candidate_pairs = pairs.size();

  const int min_score = std::max(1, static_cast<int>(options.min_length) * options.scoring.match / 2);
  for (const auto& [i, j] : pairs) {
    const auto found = local_alignments(sa[i].characters, sb[j].characters, min_score, options.scoring);
    for (const local_alignment& al : found) {
      if (al.matches < options.min_length || al.identity() < options.min_identity) continue;
      reused_passage p;
      p.measure_a = i;
      p.measure_b = j;
      p.id_a = a.measures()[i].id;
      p.id_b = b.measures()[j].id;
      const std::size_t ab = sa[i].begins[al.a_begin];
      const std::size_t ae = sa[i].ends[al.a_end - 1];
      const std::size_t bb = sb[j].begins[al.b_begin];
      const std::size_t be = sb[j].ends[al.b_end - 1];
      p.where_a = doc_a.source_of_simplified(ab, ae);
      p.where_b = doc_b.source_of_simplified(bb, be);
      p.text_a = std::string(doc_a.printed_of_simplified(ab, ae));
      p.text_b = std::string(doc_b.printed_of_simplified(bb, be));
      p.alignment = al;
      report.passages.push_back(std::move(p));
    }
  }
  std::sort(report.passages.begin(), report.passages.end(),
            [](const reused_passage& x, const reused_passage& y) {
              return std::tie(x.measure_a, x.alignment.a_begin, x.measure_b) <
                     std::tie(y.measure_a, y.alignment.a_begin, y.measure_b);
            });
  return report;
}

}  // namespace plancmp::inline v0::analysis
