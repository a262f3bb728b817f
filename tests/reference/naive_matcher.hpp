// SPDX-License-Identifier: MIT
// Slow, obviously correct multi-pattern matching: the reference that
// plancmp::detail::aho_corasick is tested against.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace plancmp::reference {

struct naive_pattern {
  std::string bytes;
  std::uint32_t id = 0;
};

struct naive_match {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t id = 0;
  friend bool operator==(const naive_match&, const naive_match&) = default;
};

inline char fold_ascii(char c, bool fold) {
  return (fold && c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool occurs_at(std::string_view text, std::size_t at, std::string_view pattern, bool fold) {
  if (at + pattern.size() > text.size()) return false;
  for (std::size_t k = 0; k < pattern.size(); ++k) {
    if (fold_ascii(text[at + k], fold) != fold_ascii(pattern[k], fold)) return false;
  }
  return true;
}

/// Every occurrence of every pattern, ordered by end, then longer first, then the order
/// in which the patterns were given.
inline std::vector<naive_match> naive_find_all(std::string_view text,
                                               const std::vector<naive_pattern>& patterns,
                                               bool fold = false) {
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t, naive_match>>
      found;  // end, -len, index
  for (std::size_t p = 0; p < patterns.size(); ++p) {
    const std::string& bytes = patterns[p].bytes;
    for (std::size_t at = 0; at + bytes.size() <= text.size(); ++at) {
      if (occurs_at(text, at, bytes, fold)) {
        found.emplace_back(at + bytes.size(), text.size() - bytes.size(), p,
                           naive_match{at, at + bytes.size(), patterns[p].id});
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  std::vector<naive_match> out;
  for (const auto& f : found) out.push_back(std::get<3>(f));
  return out;
}

/// Leftmost-longest non-overlapping matches: from the current position, the occurrence
/// that starts first, then the longest, then the pattern given first; resume at its end.
inline std::vector<naive_match> naive_leftmost_longest(std::string_view text,
                                                       const std::vector<naive_pattern>& patterns,
                                                       bool fold = false) {
  std::vector<naive_match> out;
  std::size_t pos = 0;
  for (;;) {
    bool found = false;
    naive_match best;
    for (std::size_t at = pos; at < text.size() && !found; ++at) {
      for (const naive_pattern& p : patterns) {
        if (occurs_at(text, at, p.bytes, fold) && (!found || at + p.bytes.size() > best.end)) {
          best = {at, at + p.bytes.size(), p.id};
          found = true;
        }
      }
    }
    if (!found) return out;
    out.push_back(best);
    pos = best.end;
  }
}

/// The longest pattern occurring at exactly `at` (the one given first among equals);
/// `found` tells whether there is one.
inline naive_match naive_longest_at(std::string_view text, std::size_t at,
                                    const std::vector<naive_pattern>& patterns, bool& found,
                                    bool fold = false) {
  found = false;
  naive_match best;
  for (const naive_pattern& p : patterns) {
    if (occurs_at(text, at, p.bytes, fold) && (!found || at + p.bytes.size() > best.end)) {
      best = {at, at + p.bytes.size(), p.id};
      found = true;
    }
  }
  return best;
}

}  // namespace plancmp::reference
