// SPDX-License-Identifier: MIT
// Internal: a multi-pattern byte matcher shared by the text layer (noise rules, the
// tokenizer's domain lexicon) and, later, coding-scheme tagging. Not part of the
// stable API.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace plancmp::inline v0::detail {

/// How an `aho_corasick` automaton compares bytes. (A namespace-scope type, so that it can
/// serve as a defaulted constructor argument.)
struct aho_corasick_options {
  /// Match ASCII letters regardless of case ("Produced By" finds "PRODUCED BY").
  /// Bytes ≥ 0x80 are never folded, so UTF-8 text is unaffected.
  bool ascii_case_insensitive = false;
};

/// Finds many byte patterns in one pass over a text (Aho–Corasick, compiled to a DFA).
///
/// Patterns and text are plain bytes; with UTF-8 patterns and valid UTF-8 text every
/// match begins and ends on a code-point boundary, because UTF-8 is self-synchronizing.
/// Each pattern carries a caller-chosen id (a rule index, a lexicon entry, a theme);
/// several patterns may share an id, and the same bytes may be added under several ids.
///
/// The automaton is a dense transition table over *byte classes*: bytes that occur in no
/// pattern share class 0, every other byte has its own class. Scanning costs one table
/// load per byte and never allocates, so the matcher can sit in per-line hot paths.
///
///     aho_corasick ac({{"知识产权", 1}, {"产权", 2}});
///     ac.find_all("加强知识产权保护");             // {6,18,1}, {12,18,2}
///     ac.find_leftmost_longest("加强知识产权保护"); // {6,18,1}
///
/// Immutable after construction, hence safe to share between threads.
class aho_corasick {
 public:
  using pattern_id = std::uint32_t;

  /// A pattern to build from: its bytes (non-empty) and its id.
  struct pattern {
    std::string_view bytes;
    pattern_id id = 0;
  };

  /// A match: the byte range `[begin, end)` of the text and the id of its pattern.
  struct match {
    std::size_t begin = 0;
    std::size_t end = 0;
    pattern_id id = 0;
    friend bool operator==(const match&, const match&) = default;
  };

  using options = aho_corasick_options;

  /// An automaton without patterns: it matches nothing.
  aho_corasick();
  /// Builds the automaton. Throws `std::invalid_argument` for an empty pattern.
  explicit aho_corasick(std::span<const pattern> patterns, options opts = {});
  /// Builds from plain strings; the id of each pattern is its index.
  explicit aho_corasick(const std::vector<std::string>& patterns, options opts = {});

  [[nodiscard]] bool empty() const noexcept { return pattern_length_.empty(); }
  [[nodiscard]] std::size_t pattern_count() const noexcept { return pattern_length_.size(); }
  [[nodiscard]] std::size_t state_count() const noexcept { return state_.size(); }
  /// Length in bytes of the longest pattern (0 when empty).
  [[nodiscard]] std::size_t max_pattern_length() const noexcept { return max_pattern_length_; }

  /// Calls `visit(match)` for every occurrence of every pattern, overlapping ones
  /// included, ordered by end offset (longer first for equal ends; patterns with the
  /// same bytes in the order they were added). `visit` may return `bool`: `false` stops
  /// the scan. Returns false when stopped early.
  template <class Visitor>
  bool for_each_match(std::string_view text, Visitor&& visit) const;

  /// Calls `visit(match)` for the same matches as `for_each_match`, in an order that
  /// depends on the patterns: use it where the order does not matter ("is any of them
  /// here", "the smallest id found"). It tests each position with a filter of the
  /// patterns' first bytes (the first byte, then a hash of the first 3 to 8 bytes unless
  /// a pattern shorter than 3 starts with that byte) and walks the automaton only where a
  /// pattern may start; UTF-8 continuation bytes, for instance, fail at the first test
  /// when no pattern begins with one. On text where matches are rare that is a few
  /// independent operations per byte instead of a chain of dependent table loads; where
  /// nearly every position could start a pattern it costs up to one walk of the longest
  /// pattern per position.
  template <class Visitor>
  bool for_each_match_any_order(std::string_view text, Visitor&& visit) const;

  /// Calls `visit(match)` for the leftmost-longest, non-overlapping matches, left to
  /// right: at each position the match starting earliest wins, among those the longest,
  /// among equals the pattern added first; scanning resumes at its end. This is
  /// "forward maximum matching", the usual choice for lexicon segmentation.
  template <class Visitor>
  bool for_each_leftmost_longest(std::string_view text, Visitor&& visit) const;

  /// All matches (see `for_each_match`).
  [[nodiscard]] std::vector<match> find_all(std::string_view text) const;
  /// Leftmost-longest non-overlapping matches (see `for_each_leftmost_longest`).
  [[nodiscard]] std::vector<match> find_leftmost_longest(std::string_view text) const;
  /// Whether any pattern occurs in `text`.
  [[nodiscard]] bool contains_any(std::string_view text) const;

  /// Calls `visit(match)` for every pattern that occurs at exactly `pos` (anchored
  /// matches), shorter first, patterns with the same bytes in the order they were added.
  /// Costs at most one step per byte of the longest pattern.
  template <class Visitor>
  bool for_each_match_at(std::string_view text, std::size_t pos, Visitor&& visit) const;

  /// The longest pattern that occurs at exactly `pos` (an anchored match), if any; among
  /// patterns with the same bytes the one added first. Costs at most one step per byte
  /// of the longest pattern, so it fails fast where nothing starts.
  [[nodiscard]] std::optional<match> longest_match_at(std::string_view text,
                                                      std::size_t pos) const noexcept;

 private:
  // Per-state data, kept together so that a state with output costs one cache line.
  struct state_info {
    std::uint32_t depth = 0;      // length of the trie path to this state
    std::uint32_t out_begin = 0;  // patterns ending exactly here: out_[out_begin, out_end)
    std::uint32_t out_end = 0;
    std::uint32_t dict_link = 0;  // nearest proper suffix state with own output; 0 = none
  };

  // The scan loops keep a state as its *row*: the offset of its transitions in next_
  // (state index × class_count_), so a step is one add and one load. Transitions carry a
  // flag bit telling whether the target state has output, so the loop touches only the
  // transition table until something matches; per-state data is looked up (one
  // division) only then.
  static constexpr std::uint32_t output_flag = std::uint32_t{1} << 31;
  static constexpr std::uint32_t row_mask = output_flag - 1;

  // The raw transition: target row | output_flag.
  [[nodiscard]] std::uint32_t step(std::uint32_t row, unsigned char byte) const noexcept {
    return next_[row + byte_class_[byte]];
  }
  // A row is state × class_count_, so the state is an exact division, done as a shift
  // and a multiplication by the inverse of the odd factor (a division would cost as much
  // as the rest of a step).
  [[nodiscard]] std::uint32_t state_of_row(std::uint32_t row) const noexcept {
    return (row >> row_shift_) * row_inverse_;
  }
  [[nodiscard]] const state_info& info_of_row(std::uint32_t row) const noexcept {
    return state_[state_of_row(row)];
  }

  // The prefilter: one bit per hash of the first `prefilter_width_` bytes of a pattern
  // (every case variant of them when ASCII case is folded); 2^16 bits, 8 KiB, stay in L1.
  // Patterns shorter than `short_pattern_bytes` are admitted by their first byte instead.
  static constexpr unsigned prefilter_hash_bits = 16;
  static constexpr std::size_t short_pattern_bytes = 3;
  [[nodiscard]] static std::uint64_t load_8(const unsigned char* p) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, p, sizeof word);
    return word;
  }
  [[nodiscard]] static std::uint32_t prefilter_slot(std::uint64_t prefix) noexcept {
    return static_cast<std::uint32_t>((prefix * 0x9E3779B97F4A7C15ULL) >> (64 - prefilter_hash_bits));
  }
  [[nodiscard]] bool prefilter_admits(std::uint64_t word) const noexcept {
    const std::uint32_t h = prefilter_slot(word & prefilter_mask_);
    return (prefilter_[h >> 6] >> (h & 63)) & 1;
  }
  // What the first byte of a position says about the patterns that may start there.
  enum class start : std::uint8_t { none, long_only, short_too };
  void build_prefilter(std::span<const pattern> patterns, options opts);
  // The state holding the longest pattern that ends at `s` (s itself or its dict link);
  // 0 when none does.
  [[nodiscard]] std::uint32_t longest_output_state(std::uint32_t s) const noexcept {
    const state_info& info = state_[s];
    return info.out_begin != info.out_end ? s : info.dict_link;
  }

  template <class Visitor>
  static bool call(Visitor& visit, const match& m) {
    if constexpr (std::is_void_v<std::invoke_result_t<Visitor&, const match&>>) {
      visit(m);
      return true;
    } else {
      return static_cast<bool>(visit(m));
    }
  }

  std::array<std::uint8_t, 256> byte_class_{};
  std::uint32_t class_count_ = 1;
  std::vector<std::uint32_t> next_;  // row-major, flagged target rows
  std::vector<state_info> state_;
  std::vector<std::uint32_t> out_;             // pattern indices, grouped by state
  std::vector<std::uint32_t> pattern_length_;  // by pattern index
  std::vector<pattern_id> pattern_id_;         // by pattern index
  std::size_t max_pattern_length_ = 0;
  std::uint32_t row_shift_ = 0;    // trailing zero bits of class_count_
  std::uint32_t row_inverse_ = 1;  // inverse of its odd factor modulo 2^32
  std::size_t prefilter_width_ = 0;   // 0: every pattern is short
  std::uint64_t prefilter_mask_ = 0;  // keeps the first prefilter_width_ bytes of a word
  std::vector<std::uint64_t> prefilter_;
  std::array<start, 256> start_by_byte_{};
};

template <class Visitor>
bool aho_corasick::for_each_match(std::string_view text, Visitor&& visit) const {
  if (empty()) return true;
  // Locals, not members: the visitor is opaque to the optimizer, which would otherwise
  // reload the tables through `this` on every byte.
  const std::uint32_t* const next = next_.data();
  const std::uint8_t* const byte_class = byte_class_.data();
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::uint32_t row = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const std::uint32_t raw = next[row + byte_class[bytes[i]]];
    row = raw & row_mask;
    if ((raw & output_flag) == 0) continue;
    const std::size_t end = i + 1;
    for (std::uint32_t t = longest_output_state(state_of_row(row)); t != 0; t = state_[t].dict_link) {
      const state_info& info = state_[t];
      for (std::uint32_t o = info.out_begin; o < info.out_end; ++o) {
        const std::uint32_t p = out_[o];
        if (!call(visit, match{end - pattern_length_[p], end, pattern_id_[p]})) return false;
      }
    }
  }
  return true;
}

template <class Visitor>
bool aho_corasick::for_each_match_any_order(std::string_view text, Visitor&& visit) const {
  if (empty()) return true;
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const start first = start_by_byte_[bytes[i]];
    if (first == start::none) continue;
    if (first == start::long_only) {
      std::uint64_t word = 0;
      if (i + 8 <= text.size()) {
        word = load_8(bytes + i);
      } else {  // the last few positions: fewer than 8 bytes remain
        std::array<unsigned char, 8> tail{};
        std::memcpy(tail.data(), bytes + i, text.size() - i);
        word = load_8(tail.data());
      }
      if (!prefilter_admits(word)) continue;
    }
    if (!for_each_match_at(text, i, visit)) return false;
  }
  return true;
}

template <class Visitor>
bool aho_corasick::for_each_leftmost_longest(std::string_view text, Visitor&& visit) const {
  if (empty()) return true;
  // Scan from `pos` with a fresh automaton, keeping the best candidate (smallest begin,
  // then longest). The candidate is final as soon as the automaton's depth shows that no
  // pattern prefix reaches back to its begin: any later match would start after it.
  // Then emit it and rescan from its end (the rescan covers at most one pattern length,
  // so the total work stays linear in practice).
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::uint32_t row = 0;
    bool have = false;
    match best;
    for (std::size_t i = pos; i < text.size(); ++i) {
      const std::uint32_t raw = step(row, static_cast<unsigned char>(text[i]));
      row = raw & row_mask;
      if ((raw & output_flag) == 0 && !have) continue;
      const std::size_t end = i + 1;
      const std::uint32_t s = state_of_row(row);
      if (const std::uint32_t t = longest_output_state(s); t != 0) {
        const std::uint32_t p = out_[state_[t].out_begin];  // first added among equals
        const std::size_t begin = end - pattern_length_[p];
        if (!have || begin < best.begin || (begin == best.begin && end > best.end)) {
          best = match{begin, end, pattern_id_[p]};
          have = true;
        }
      }
      if (have && end - state_[s].depth > best.begin) break;
    }
    if (!have) return true;
    if (!call(visit, best)) return false;
    pos = best.end;
  }
  return true;
}

template <class Visitor>
bool aho_corasick::for_each_match_at(std::string_view text, std::size_t pos, Visitor&& visit) const {
  if (empty()) return true;
  std::uint32_t row = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    row = step(row, static_cast<unsigned char>(text[i])) & row_mask;
    const state_info& info = info_of_row(row);
    // While the automaton follows the trie from `pos`, its depth equals the bytes read;
    // a shorter depth means no pattern starting at `pos` continues this way.
    if (info.depth != i + 1 - pos) break;
    for (std::uint32_t o = info.out_begin; o < info.out_end; ++o) {
      if (!call(visit, match{pos, i + 1, pattern_id_[out_[o]]})) return false;
    }
  }
  return true;
}

}  // namespace plancmp::inline v0::detail
