// SPDX-License-Identifier: MIT
// A deterministic synthetic corpus of whole plan documents for the parse benchmark
// (bench_parse --synthetic): document k is built in memory from the bundled seeds' layouts
// by a generator seeded with k, so every run and every build parses the same bytes.
//
// Each document has a cover notice (issuer, 关于印发《title》的通知, 文号, addressees, a
// sentence, signature and date), the plan's title and a preamble paragraph taken from a
// seed, then three to eight top-level sections (一、…) drawn from all five seeds (the
// traditional-script one included), renumbered in their new order, with the seed's own
// place name replaced by the document's jurisdiction (provinces, cities, districts,
// counties, 旗), and one time in three a seed's annex. Dates run from 2016 to 2025.
#pragma once

#include "bundled_seeds.hpp"

#include <plancmp/parse/parser.hpp>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace plancmp::bench {

namespace detail_corpus {

inline constexpr std::array<std::string_view, 10> numerals = {"一", "二", "三", "四", "五",
                                                               "六", "七", "八", "九", "十"};

/// The value of a Chinese numeral of one or two characters (一 … 十九), or 0.
inline int numeral_value(std::string_view s) {
  int value = 0;
  for (std::size_t i = 0; i + 3 <= s.size(); i += 3) {
    const auto ch = s.substr(i, 3);
    int digit = 0;
    for (std::size_t d = 0; d < numerals.size(); ++d) {
      if (ch == numerals[d]) digit = static_cast<int>(d) + 1;
    }
    if (digit == 0) return value;
    value = digit == 10 ? (value == 0 ? 10 : value * 10) : value + digit;
  }
  return value;
}

inline std::string numeral(int n) {
  if (n <= 10) return std::string(numerals[static_cast<std::size_t>(n - 1)]);
  if (n < 20) return fmt::format("十{}", numerals[static_cast<std::size_t>(n - 11)]);
  return std::to_string(n);
}

/// The lines of a text, without their line breaks.
inline std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto nl = s.find('\n');
    out.push_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

/// A line without its leading ASCII spaces, tabs and ideographic spaces.
inline std::string_view lead_trimmed(std::string_view l) {
  for (;;) {
    if (!l.empty() && (l.front() == ' ' || l.front() == '\t')) {
      l.remove_prefix(1);
    } else if (l.starts_with("\u3000")) {
      l.remove_prefix(3);
    } else {
      return l;
    }
  }
}

/// A seed cut into its parts: the preamble paragraph, top-level sections (each its heading
/// without the numeral, then its lines), the annex, and its own place name.
struct seed_parts {
  std::string place;
  std::string preamble;
  struct section {
    std::string heading;  ///< after `X、`
    std::string body;     ///< the lines under it, with their line breaks
  };
  std::vector<section> sections;
  std::string annex;
};

inline seed_parts cut(std::string_view bytes) {
  seed_parts parts;
  const auto p = parse::parse_bytes(std::string(bytes), "seed");
  parts.place = p.issuing_jurisdiction.name;
  const auto lines = split_lines(bytes);
  int expected = 1;
  bool in_annex = false;
  std::string_view last_long;
  for (const auto raw : lines) {
    const auto l = lead_trimmed(raw);
    if (in_annex || (!parts.sections.empty() && l.starts_with("附件"))) {
      in_annex = true;
      parts.annex.append(raw).push_back('\n');
      continue;
    }
    const auto mark = l.find("、");
    if (mark != std::string_view::npos && mark > 0 && mark <= 6 && numeral_value(l.substr(0, mark)) == expected &&
        numeral(expected).size() == mark) {
      ++expected;
      parts.sections.push_back({std::string(l.substr(mark + 3)), {}});
      continue;
    }
    if (parts.sections.empty()) {
      if (l.size() > 120) last_long = l;  // the preamble is the last long line above 一、
    } else {
      parts.sections.back().body.append(raw).push_back('\n');
    }
  }
  parts.preamble = std::string(last_long);
  return parts;
}

inline void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

struct place {
  std::string_view name, issuer, abbreviation;
};

inline constexpr std::array<place, 16> places = {{
    {"山东省", "山东省人民政府办公厅", "鲁政办发"},
    {"江苏省", "江苏省人民政府办公厅", "苏政办发"},
    {"浙江省", "浙江省人民政府办公厅", "浙政办发"},
    {"内蒙古自治区", "内蒙古自治区人民政府办公厅", "内政办发"},
    {"青岛市", "青岛市人民政府办公厅", "青政办发"},
    {"衡水市", "衡水市人民政府办公室", "衡政办字"},
    {"苏州市", "苏州市人民政府办公室", "苏府办"},
    {"宁波市", "宁波市人民政府办公厅", "甬政办发"},
    {"兰州市", "兰州市人民政府办公室", "兰政办发"},
    {"广州市天河区", "广州市天河区人民政府办公室", "穗天府办"},
    {"济南市历下区", "济南市历下区人民政府办公室", "历下政办发"},
    {"宁波市鄞州区", "宁波市鄞州区人民政府办公室", "鄞政办发"},
    {"平阴县", "平阴县人民政府办公室", "平政办发"},
    {"桐庐县", "桐庐县人民政府办公室", "桐政办发"},
    {"准格尔旗", "准格尔旗人民政府办公室", "准政办发"},
    {"昆山市", "昆山市人民政府办公室", "昆政办发"},
}};

inline constexpr std::array<std::string_view, 8> topics = {
    "知识产权保护", "知识产权强市建设", "专利转化运用", "商标品牌战略",
    "知识产权运营服务体系建设", "数字经济发展", "知识产权高质量发展", "营商环境优化"};
inline constexpr std::array<std::string_view, 6> kinds = {"实施方案", "行动计划", "工作方案",
                                                          "若干措施", "实施意见", "三年行动计划(2023-2025年)"};

}  // namespace detail_corpus

/// `documents` plan documents built from the bundled seeds, the same for every run.
inline std::vector<std::string> make_plan_corpus(std::size_t documents) {
  using namespace detail_corpus;
  std::vector<seed_parts> seeds;
  for (const auto& s : bundled_seeds()) seeds.push_back(cut(s.bytes));
  std::vector<std::string> out;
  out.reserve(documents);
  for (std::size_t k = 0; k < documents; ++k) {
    std::mt19937_64 rng(0x5eed0000 + k);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const auto& where = places[pick(places.size())];
    const int year = 2016 + static_cast<int>(pick(10));
    const int month = 1 + static_cast<int>(pick(12));
    const int day = 1 + static_cast<int>(pick(28));
    const std::string title =
        fmt::format("{}{}{}", where.name, topics[pick(topics.size())], kinds[pick(kinds.size())]);
    std::string doc;
    doc += fmt::format("{}关于印发{}的通知\n", where.issuer, title);
    doc += fmt::format("{}〔{}〕{}号\n", where.abbreviation, year, 1 + pick(120));
    doc += "各有关单位:\n";
    doc += fmt::format("    现将《{}》印发给你们,请结合实际认真贯彻落实。\n", title);
    doc += fmt::format("{}\n{}年{}月{}日\n", where.issuer, year, month, day);
    doc += title + "\n";
    const auto& first = seeds[pick(seeds.size())];
    std::string preamble = first.preamble;
    replace_all(preamble, first.place, where.name);
    if (!preamble.empty()) doc += preamble + "\n";
    const std::size_t sections = 3 + pick(6);
    std::vector<std::pair<std::size_t, std::size_t>> used;
    for (std::size_t n = 0; n < sections; ++n) {
      const std::size_t s = pick(seeds.size());
      if (seeds[s].sections.empty()) continue;
      const std::size_t t = pick(seeds[s].sections.size());
      bool seen = false;
      for (const auto& u : used) seen = seen || (u.first == s && u.second == t);
      if (seen) continue;
      used.emplace_back(s, t);
      const auto& section = seeds[s].sections[t];
      std::string body = section.body;
      replace_all(body, seeds[s].place, where.name);
      doc += fmt::format("{}、{}\n", numeral(static_cast<int>(used.size())), section.heading);
      doc += body;
    }
    if (pick(3) == 0) {
      const auto& annexed = seeds[pick(seeds.size())];
      doc += annexed.annex;
    }
    out.push_back(std::move(doc));
  }
  return out;
}

}  // namespace plancmp::bench
