// SPDX-License-Identifier: MIT
#include <plancmp/text/normalize.hpp>

#include <array>

namespace plancmp::inline v0::text {

namespace {

// Every rewritten character starts with one of these bytes: CR, C2 (NBSP U+00A0),
// E2 (the spaces U+2000–U+200A, U+202F, U+205F: en and em spaces indent paragraphs of
// pages and PDF extractions), E3 (U+3000) and EF (U+FE50–FE6B, U+FF01–FF5E). None of them is a UTF-8
// continuation byte, so a byte-wise scan cannot stop inside a character.
constexpr std::array<bool, 256> make_candidate_table() {
  std::array<bool, 256> table{};
  table[0x0D] = table[0xC2] = table[0xE2] = table[0xE3] = table[0xEF] = true;
  return table;
}
constexpr std::array<bool, 256> is_candidate = make_candidate_table();

// Small form variants U+FE50–U+FE6B (EF B9 90 – EF B9 AB) with an ASCII counterpart;
// 0 where there is none (﹑ small ideographic comma, ﹘ small em dash, ﹝﹞ small
// tortoise shell brackets, and the two unassigned code points).
constexpr std::array<char, 0x1C> small_form_ascii = {',', 0,   '.', 0, ';',  ':', '?', '!', 0,   '(',
                                                     ')', '{', '}', 0, 0,    '#', '&', '*', '+', '-',
                                                     '<', '>', '=', 0, '\\', '$', '%', '@'};

struct rewrite {
  char replacement = 0;  ///< 0: leave the character alone
  std::size_t consumed = 0;
};

rewrite rewrite_at(const unsigned char* p, std::size_t i, std::size_t n) noexcept {
  switch (p[i]) {
    case 0x0D:  // CRLF and lone CR both become one LF
      return {'\n', (i + 1 < n && p[i + 1] == 0x0A) ? std::size_t(2) : std::size_t(1)};
    case 0xC2:
      if (i + 1 < n && p[i + 1] == 0xA0) return {' ', 2};
      return {};
    case 0xE2:
      if (i + 2 < n && p[i + 1] == 0x80 && ((p[i + 2] >= 0x80 && p[i + 2] <= 0x8A) || p[i + 2] == 0xAF)) {
        return {' ', 3};
      }
      if (i + 2 < n && p[i + 1] == 0x81 && p[i + 2] == 0x9F) return {' ', 3};
      return {};
    case 0xE3:
      if (i + 2 < n && p[i + 1] == 0x80 && p[i + 2] == 0x80) return {' ', 3};
      return {};
    case 0xEF: {
      if (i + 2 >= n) return {};
      const unsigned b1 = p[i + 1];
      const unsigned b2 = p[i + 2];
      // U+FF01–FF3F is EF BC 81–BF, U+FF40–FF5E is EF BD 80–9E; ASCII = code point − 0xFEE0.
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) return {static_cast<char>(b2 - 0x60), 3};
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) return {static_cast<char>(b2 - 0x20), 3};
      if (b1 == 0xB9 && b2 >= 0x90 && b2 <= 0xAB) {
        const char c = small_form_ascii[b2 - 0x90];
        if (c) return {c, 3};
      }
      return {};
    }
    default:
      return {};
  }
}

}  // namespace

normalized_text normalize(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();

  normalized_text out;
  if (n == 0) {
    out.offsets.finish(0, 0);
    return out;
  }
  // Every rule shortens or keeps a character, so the output fits in the input's size:
  // one allocation, unchanged runs appended in bulk.
  std::string& text = out.text;
  text.reserve(n);
  std::size_t run_begin = 0;  // first input byte not yet copied

  for (std::size_t i = 0; i < n;) {
    while (i < n && !is_candidate[p[i]]) ++i;
    if (i == n) break;
    const rewrite r = rewrite_at(p, i, n);
    if (r.replacement == 0) {
      ++i;
      continue;
    }
    // The copied run kept source and output in step, so the rewritten character starts
    // on the current run; only the character after it needs a breakpoint.
    text.append(utf8.data() + run_begin, i - run_begin);
    text.push_back(r.replacement);
    i += r.consumed;
    run_begin = i;
    out.offsets.add(text.size(), i);
  }
  text.append(utf8.data() + run_begin, n - run_begin);
  out.offsets.finish(text.size(), n);
  return out;
}

}  // namespace plancmp::inline v0::text
