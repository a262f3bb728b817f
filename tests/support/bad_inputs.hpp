// SPDX-License-Identifier: MIT
// The bad-input corpus (docs/robustness.md): the small files checked in under
// tests/data/bad/, the large ones generated here at test time (never checked in), and
// the checks every outcome must pass — a plan that accounts for every line, or one of
// plancmp's own exceptions.
#pragma once

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/formats.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace plancmp::test {

inline std::string bad_dir() { return test_data_dir() + "/bad"; }
inline std::string bad_path(const std::string& name) { return bad_dir() + "/" + name; }

// ------------------------------------------------------------------ generators

/// Whole copies of the Ningbo 2020 seed until at least `bytes` (never cut mid-character).
inline std::string repeated_plan(std::size_t bytes) {
  const std::string seed = seed_bytes(ningbo_2020);
  std::string out;
  out.reserve(bytes + seed.size());
  while (out.size() < bytes) out += seed;
  return out;
}

/// The same plan with every line break replaced by 。: one line of at least `bytes`.
inline std::string single_line(std::size_t bytes) {
  std::string seed = seed_bytes(ningbo_2020);
  std::string line;
  for (const char c : seed) {
    if (c == '\n')
      line += "。";
    else if (c != '\r')
      line += c;
  }
  std::string out;
  out.reserve(bytes + line.size());
  while (out.size() < bytes) out += line;
  return out;
}

/// `n` section headings 一、… in a row, each with a short title.
inline std::string many_headings(std::size_t n) {
  static const char* const numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::string out = "知识产权发展规划\n";
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("{}、加强知识产权保护第{}部分\n", numerals[i % 10], i + 1);
  return out;
}

/// One section with measures numbered 1. … n., each with a responsibility clause.
inline std::string numbered_measures(std::size_t n) {
  std::string out = "知识产权发展规划\n一、主要任务\n";
  for (std::size_t i = 1; i <= n; ++i)
    out += fmt::format("{}.加强专利保护，提升运用水平。(市市场监管局牵头,市科技局负责)\n", i);
  return out;
}

/// A measure whose responsibility clause sits inside `depth` nested brackets.
inline std::string nested_brackets(std::size_t depth) {
  std::string out = "知识产权发展规划\n一、主要任务\n1.加强专利保护。";
  for (std::size_t i = 0; i < depth; ++i) out += i % 2 ? "（" : "(";
  out += "市市场监管局牵头";
  for (std::size_t i = depth; i-- > 0;) out += i % 2 ? "）" : ")";
  return out + "\n2.加强商标保护。\n";
}

// ------------------------------------------------------------------ checks

/// A plan parsed with line accounting, and the document it came from.
struct accounted_plan {
  text::document doc;
  plan p;
  std::vector<parse::line_use> uses;
};

inline accounted_plan parse_accounted(std::string bytes, const std::string& name) {
  accounted_plan out{text::make_any_document(std::move(bytes), name), {}, {}};
  parse::parse_options options;
  options.accounting = &out.uses;
  out.p = parse::parse_document(out.doc, options);
  return out;
}

/// Nothing lost: every line of the document has a role; a line that is not blank has a
/// role other than blank, and a noise or unparsed line has a diagnostic on it. Counted
/// rather than CHECKed line by line, so that a 10^6-line input does not flood the log.
inline void check_nothing_lost(const accounted_plan& a) {
  REQUIRE(a.uses.size() == a.doc.lines.size());
  std::set<std::uint32_t> diagnosed;
  for (const auto& d : a.p.diagnostics) diagnosed.insert(d.line);
  std::size_t lost = 0;
  std::uint32_t first_lost = 0;
  for (std::size_t i = 0; i < a.uses.size(); ++i) {
    const auto& use = a.uses[i];
    bool ok = true;
    if (a.doc.lines[i].blank) {
      ok = use.role == parse::line_role::blank;
    } else if (use.role == parse::line_role::blank) {
      ok = false;
    } else if (use.role == parse::line_role::noise || use.role == parse::line_role::unparsed) {
      ok = diagnosed.count(use.line) == 1;
    }
    if (!ok && lost++ == 0) first_lost = use.line;
  }
  CAPTURE(first_lost);
  CHECK(lost == 0);
  // A document with no content line at all says so.
  const bool any_content = std::any_of(a.doc.lines.begin(), a.doc.lines.end(), [](const auto& l) { return !l.blank; });
  if (!any_content) {
    CHECK(std::any_of(a.p.diagnostics.begin(), a.p.diagnostics.end(),
                      [](const diagnostic& d) { return d.code == "document.empty"; }));
  }
}

/// A one-line description of what parsing `bytes` gives, pinned by the tests and quoted
/// in docs/robustness.md: "plan: format … encoding … measures … diagnostics {code×n …}"
/// or "<exception type>: <what()>". Checks that nothing is lost on the way.
inline std::string outcome(std::string bytes, const std::string& name) {
  try {
    const accounted_plan a = parse_accounted(std::move(bytes), name);
    check_nothing_lost(a);
    std::map<std::string, std::size_t> codes;
    for (const auto& d : a.p.diagnostics) ++codes[d.code];
    std::string diags;
    for (const auto& [code, n] : codes) diags += fmt::format("{}{}×{}", diags.empty() ? "" : " ", code, n);
    return fmt::format("plan: format {}, {}, sections {}, measures {}, agencies {}, diagnostics {{{}}}", a.doc.format,
                       text::to_string(a.doc.source_encoding), a.p.sections().size(), a.p.measures().size(),
                       a.p.agencies().size(), diags);
  } catch (const decode_error& e) {
    return std::string("decode_error: ") + e.what();
  } catch (const parse_error& e) {
    return std::string("parse_error: ") + e.what();
  } catch (const usage_error& e) {
    return std::string("usage_error: ") + e.what();
  } catch (const error& e) {
    return std::string("error: ") + e.what();
  }
}

// ------------------------------------------------------------------ resources

/// A memory figure of this process from /proc/self/status ("VmHWM:", "VmRSS:"), in bytes;
/// 0 where it cannot be read.
inline std::size_t status_bytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::stoull(line.substr(field.size())) * 1024;
  }
  return 0;
}

/// Peak resident memory since the last `reset_peak_rss()`; current resident memory.
inline std::size_t peak_rss() { return status_bytes("VmHWM:"); }
inline std::size_t current_rss() { return status_bytes("VmRSS:"); }

/// Resets the peak (Linux: writing 5 to /proc/self/clear_refs); false if it cannot.
inline bool reset_peak_rss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

/// Wall time and peak memory growth of one call.
struct cost {
  double seconds = 0;
  std::size_t bytes = 0;
};

template <class F>
cost measure_cost(F&& work) {
  // Give freed heap back first, or the work reuses it and the peak does not move.
  ::malloc_trim(0);
  reset_peak_rss();
  const std::size_t before = current_rss();
  const auto start = std::chrono::steady_clock::now();
  work();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t peak = peak_rss();
  return {seconds, peak > before ? peak - before : 0};
}

}  // namespace plancmp::test
