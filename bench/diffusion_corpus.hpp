// SPDX-License-Identifier: MIT
// A deterministic synthetic corpus of dated plans with planted, dated borrowings and their
// ground truth, for the diffusion benchmark (bench_diffusion.cpp).
//
// Plans are issued one to a few days apart over the years from 2010, at three levels
// (5% provinces, 60% cities, 35% districts) in 31 provinces, each city and district with
// its own name. A novel measure is two to five sentences drawn from the seeds' measure
// sentences (synthetic_corpus.hpp), each with `background_rate` of its characters replaced
// (0.35: two plans drawing the same seed sentence are ~42% alike, shared phrasing, not a
// borrowing), a quarter of them naming their plan's place. Every plan also says
// the same stock sentences (boilerplate shared by all, not in data/boilerplate.json: the
// corpus-frequency test must find it). Planted, from a measure of a strictly earlier plan:
//   exact       copied unchanged                                              (2% of measures)
//   light       3% of characters replaced, the source's place name localized  (2%)
//   heavy       20% replaced and a sentence dropped or added                  (2%)
//   chain       a light copy of a measure that is itself a planted copy       (1%)
//   derivative  5% of plans copy 60% of one earlier plan (its superior or a peer), lightly edited
#pragma once

#include "synthetic_corpus.hpp"

#include <plancmp/analysis/diffusion.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace plancmp::bench {

struct planted_borrowing {
  std::uint32_t copy = 0;    ///< measure row of the copy
  std::uint32_t source = 0;  ///< measure row it was taken from
  std::string kind;          ///< exact, light, heavy, chain, derivative
  bool localized = false;    ///< the source's place name was replaced by the borrower's
};

struct diffusion_corpus {
  std::vector<analysis::diffusion_plan> plans;
  std::vector<analysis::measure_text> measures;  ///< sorted by plan
  std::vector<planted_borrowing> planted;
  std::vector<std::string> stock_sentences;
};

inline diffusion_corpus make_diffusion_corpus(const std::string& seeds_dir, std::size_t plans,
                                              double background_rate = 0.35, std::uint64_t seed = 20261204) {
  static const char* const names[] = {"000_edee8db098a98e76.txt", "001_e9d616c0cc0faf37.txt",
                                      "002_e22083f13b5790bb.txt", "003_53900fa8173cc0f4.txt",
                                      "004_b234aa7c753f2ac8.txt"};
  std::vector<plan> seed_plans;
  for (const char* n : names) seed_plans.push_back(parse::parse_file(seeds_dir + "/" + n));
  const analysis::plan_units units = analysis::collect_units(seed_plans);
  std::vector<std::string> sentences;
  std::vector<std::string> alphabet;
  for (std::string t : units.texts) {
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

  diffusion_corpus c;
  c.stock_sentences = {"坚持问题导向和目标导向统筹推进各项工作落地见效", "切实把思想和行动统一到决策部署上来",
                       "确保各项任务措施落到实处取得实效", "形成一级抓一级层层抓落实的工作格局"};
  static const char* const provinces[] = {
      "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省",
      "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省",
      "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "北京市", "天津市",
      "上海市", "重庆市"};
  // Place names: two Han characters drawn from the seeds' alphabet, then the level suffix.
  auto place_name = [&](const char* suffix) {
    return alphabet[pick(alphabet.size())] + alphabet[pick(alphabet.size())] + suffix;
  };
  std::vector<std::size_t> plan_begin;
  std::vector<std::uint32_t> planted_rows;  // rows that are planted copies (for chains)
  int day = 0;
  auto new_measure = [&](const std::string& place) {
    const std::size_t k = 2 + pick(4);
    std::string out;
    const bool named = u(rng) < 0.25;  // the place named inside the text, between two sentences
    for (std::size_t i = 0; i < k; ++i) {
      out += detail::mutate(sentences[pick(sentences.size())], background_rate, alphabet, rng);
      out += named && i == 0 ? "，在" + place + "率先" : "。";
    }
    if (u(rng) < 0.5) out += c.stock_sentences[pick(c.stock_sentences.size())] + "。";
    return out;
  };
  auto localize = [&](std::string text, const std::string& from, const std::string& to, bool& changed) {
    changed = false;
    if (from.empty() || from == to) return text;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
      changed = true;
    }
    return text;
  };
  for (std::size_t p = 0; p < plans; ++p) {
    analysis::diffusion_plan dp;
    day += static_cast<int>(1 + pick(3));
    const int year = 2010 + day / 336;
    dp.issued = date{year, 1 + (day % 336) / 28, 1 + day % 28};
    dp.label = fmt::format("plan {}", p);
    const double r = u(rng);
    dp.province = provinces[pick(std::size(provinces))];
    if (r < 0.05) {
      dp.place = {dp.province, level::province, ""};
    } else if (r < 0.65) {
      dp.place = {place_name("市"), level::city, ""};
    } else {
      dp.place = {place_name("区"), level::district, ""};
    }
    c.plans.push_back(dp);
    plan_begin.push_back(c.measures.size());
    // Earlier plans: all plans before p have an earlier day (days strictly increase).
    const std::size_t count = 30 + pick(49);
    const bool derivative = p > 0 && u(rng) < 0.05;
    const std::size_t parent = derivative ? pick(p) : 0;
    const std::size_t parent_rows = derivative ? plan_begin[parent + 1] - plan_begin[parent] : 0;
    for (std::size_t m = 0; m < count; ++m) {
      const auto row = static_cast<std::uint32_t>(c.measures.size());
      analysis::measure_text mt;
      mt.plan = static_cast<std::uint32_t>(p);
      mt.id = fmt::format("{}", m + 1);
      const double k = u(rng);
      auto copy_of = [&](std::uint32_t source, double rate, const std::string& kind) {
        const std::string& from = c.plans[c.measures[source].plan].place.name;
        bool localized = false;
        std::string text = localize(c.measures[source].text, from, dp.place.name, localized);
        if (rate > 0) text = detail::mutate(text, rate, alphabet, rng);
        mt.text = std::move(text);
        c.planted.push_back({row, source, kind, localized});
        planted_rows.push_back(row);
      };
      if (derivative && m < parent_rows && u(rng) < 0.6) {
        copy_of(static_cast<std::uint32_t>(plan_begin[parent] + m), 0.03, "derivative");
      } else if (p > 0 && k < 0.02) {
        copy_of(static_cast<std::uint32_t>(pick(plan_begin[p])), 0.0, "exact");
        c.planted.back().localized = false;
        mt.text = c.measures[c.planted.back().source].text;  // exact: not even the place name
      } else if (p > 0 && k < 0.04) {
        copy_of(static_cast<std::uint32_t>(pick(plan_begin[p])), 0.03, "light");
      } else if (p > 0 && k < 0.06) {
        copy_of(static_cast<std::uint32_t>(pick(plan_begin[p])), 0.20, "heavy");
        const std::size_t cut = mt.text.find("。");
        if (u(rng) < 0.5 && cut != std::string::npos && cut + 3 < mt.text.size() &&
            mt.text.find("。", cut + 3) != std::string::npos) {
          mt.text = mt.text.substr(cut + 3);
        } else {
          mt.text += detail::mutate(sentences[pick(sentences.size())], background_rate, alphabet, rng) + "。";
        }
      } else if (p > 0 && k < 0.07 && !planted_rows.empty()) {
        // Rows of plan p are not yet sources: take one of an earlier plan.
        std::size_t n = planted_rows.size();
        while (n > 0 && planted_rows[n - 1] >= plan_begin[p]) --n;
        if (n > 0) {
          copy_of(planted_rows[pick(n)], 0.03, "chain");
        } else {
          mt.text = new_measure(dp.place.name);
        }
      } else {
        mt.text = new_measure(dp.place.name);
      }
      c.measures.push_back(std::move(mt));
    }
  }
  return c;
}

}  // namespace plancmp::bench
