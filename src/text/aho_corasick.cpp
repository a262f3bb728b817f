// SPDX-License-Identifier: MIT
#include <plancmp/text/detail/aho_corasick.hpp>

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace plancmp::inline v0::detail {
namespace {

unsigned char fold(unsigned char b, bool ascii_case_insensitive) noexcept {
  return (ascii_case_insensitive && b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b - 'A' + 'a')
                                                          : b;
}

std::vector<aho_corasick::pattern> with_index_ids(const std::vector<std::string>& patterns) {
  std::vector<aho_corasick::pattern> out;
  out.reserve(patterns.size());
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    out.push_back({patterns[i], static_cast<aho_corasick::pattern_id>(i)});
  }
  return out;
}

}  // namespace

aho_corasick::aho_corasick() : next_(1, 0), state_(1) {}

aho_corasick::aho_corasick(const std::vector<std::string>& patterns, options opts)
    : aho_corasick(std::span<const pattern>(with_index_ids(patterns)), opts) {}

aho_corasick::aho_corasick(std::span<const pattern> patterns, options opts) {
  // Byte classes: class 0 for bytes that occur in no pattern, one class per other byte
  // (after case folding, so 'A' and 'a' share a class).
  std::array<bool, 256> used{};
  std::size_t total_bytes = 0;
  for (const pattern& p : patterns) {
    if (p.bytes.empty()) throw std::invalid_argument("aho_corasick: empty pattern");
    for (char c : p.bytes)
      used[fold(static_cast<unsigned char>(c), opts.ascii_case_insensitive)] = true;
    total_bytes += p.bytes.size();
  }
  if (total_bytes >= row_mask) throw std::invalid_argument("aho_corasick: too many pattern bytes");
  // Class ids are bytes: with all 256 byte values in use there is no class for
  // "unused", and numbering starts at 0.
  const auto used_count = static_cast<std::size_t>(std::count(used.begin(), used.end(), true));
  std::size_t classes = used_count == 256 ? 0 : 1;
  for (std::size_t b = 0; b < 256; ++b) {
    if (used[b]) byte_class_[b] = static_cast<std::uint8_t>(classes++);
  }
  if (opts.ascii_case_insensitive) {
    for (unsigned char b = 'A'; b <= 'Z'; ++b) byte_class_[b] = byte_class_[fold(b, true)];
  }
  class_count_ = static_cast<std::uint32_t>(classes);

  // 1. The trie. Row r of next_ holds the children of state r; 0 means "no child" while
  //    building (the root is never anyone's child).
  next_.assign(class_count_, 0);
  state_.assign(1, state_info{});
  std::vector<std::vector<std::uint32_t>> own(1);  // patterns ending at each state
  pattern_length_.reserve(patterns.size());
  pattern_id_.reserve(patterns.size());
  for (std::uint32_t index = 0; index < patterns.size(); ++index) {
    const pattern& p = patterns[index];
    std::uint32_t s = 0;
    for (char c : p.bytes) {
      const std::size_t slot =
          static_cast<std::size_t>(s) * class_count_ + byte_class_[static_cast<unsigned char>(c)];
      if (next_[slot] == 0) {
        const auto child = static_cast<std::uint32_t>(state_.size());
        state_.push_back(state_info{state_[s].depth + 1, 0, 0, 0});
        own.emplace_back();
        next_.resize(next_.size() + class_count_, 0);
        next_[slot] = child;
      }
      s = next_[slot];
    }
    own[s].push_back(index);
    pattern_length_.push_back(static_cast<std::uint32_t>(p.bytes.size()));
    pattern_id_.push_back(p.id);
    max_pattern_length_ = std::max(max_pattern_length_, p.bytes.size());
  }

  // 2. Failure links by breadth-first search, turning the trie into a DFA: a missing
  //    transition of s copies the transition of fail(s), which is complete already
  //    because fail(s) is shallower.
  std::vector<std::uint32_t> fail(state_.size(), 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(state_.size());
  for (std::size_t c = 0; c < class_count_; ++c) {
    if (const std::uint32_t child = next_[c]; child != 0) queue.push_back(child);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t s = queue[head];
    const std::size_t row = static_cast<std::size_t>(s) * class_count_;
    const std::size_t fail_row = static_cast<std::size_t>(fail[s]) * class_count_;
    for (std::size_t c = 0; c < class_count_; ++c) {
      if (const std::uint32_t child = next_[row + c]; child != 0) {
        fail[child] = next_[fail_row + c];
        queue.push_back(child);
      } else {
        next_[row + c] = next_[fail_row + c];
      }
    }
  }

  // 3. Outputs: own patterns in insertion order, and dictionary links (BFS order makes
  //    the link of fail(s) available before s).
  out_.reserve(patterns.size());
  for (std::size_t s = 0; s < state_.size(); ++s) {
    state_[s].out_begin = static_cast<std::uint32_t>(out_.size());
    out_.insert(out_.end(), own[s].begin(), own[s].end());
    state_[s].out_end = static_cast<std::uint32_t>(out_.size());
  }
  for (const std::uint32_t s : queue) {
    const std::uint32_t f = fail[s];
    state_[s].dict_link = state_[f].out_begin != state_[f].out_end ? f : state_[f].dict_link;
  }

  // 4. Targets become rows, flagged when the target state has output.
  if (next_.size() > row_mask) throw std::invalid_argument("aho_corasick: automaton too large");
  for (std::uint32_t& target : next_) {
    const state_info& info = state_[target];
    const bool output = info.out_begin != info.out_end || info.dict_link != 0;
    target = target * class_count_ | (output ? output_flag : 0);
  }
  row_shift_ = static_cast<std::uint32_t>(std::countr_zero(class_count_));
  const std::uint32_t odd = class_count_ >> row_shift_;
  row_inverse_ = odd;  // Newton's iteration doubles the correct low bits each time
  for (int k = 0; k < 5; ++k) row_inverse_ *= 2 - odd * row_inverse_;

  build_prefilter(patterns, opts);
}

void aho_corasick::build_prefilter(std::span<const pattern> patterns, options opts) {
  std::size_t width = 8;
  bool any_long = false;
  for (const pattern& p : patterns) {
    const bool is_short = p.bytes.size() < short_pattern_bytes;
    const unsigned char lower = fold(static_cast<unsigned char>(p.bytes.front()), opts.ascii_case_insensitive);
    const bool letter = opts.ascii_case_insensitive && lower >= 'a' && lower <= 'z';
    for (const unsigned char first : {lower, letter ? static_cast<unsigned char>(lower - 'a' + 'A') : lower}) {
      start& kind = start_by_byte_[first];
      if (is_short) {
        kind = start::short_too;
      } else if (kind == start::none) {
        kind = start::long_only;
      }
    }
    if (!is_short) {
      width = std::min(width, p.bytes.size());
      any_long = true;
    }
  }
  if (!any_long) return;
  prefilter_width_ = width;
  // The first `width` bytes in memory order, whatever the byte order of a loaded word.
  const std::uint64_t low = width == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * width)) - 1;
  prefilter_mask_ = std::endian::native == std::endian::little ? low : ~(~std::uint64_t{0} >> (8 * width));
  prefilter_.assign(std::size_t{1} << (prefilter_hash_bits - 6), 0);
  for (const pattern& p : patterns) {
    if (p.bytes.size() < short_pattern_bytes) continue;
    std::array<unsigned char, 8> prefix{};
    std::memcpy(prefix.data(), p.bytes.data(), width);
    // With case folding, every upper/lower spelling of the prefix's letters (at most 2^8).
    std::vector<std::size_t> letters;
    for (std::size_t k = 0; k < width; ++k) {
      const unsigned char folded = fold(prefix[k], true);
      if (opts.ascii_case_insensitive && folded >= 'a' && folded <= 'z') letters.push_back(k);
    }
    for (std::uint32_t variant = 0; variant < (1U << letters.size()); ++variant) {
      for (std::size_t k = 0; k < letters.size(); ++k) {
        const unsigned char lower = fold(prefix[letters[k]], true);
        prefix[letters[k]] = (variant >> k) & 1 ? static_cast<unsigned char>(lower - 'a' + 'A') : lower;
      }
      const std::uint32_t h = prefilter_slot(load_8(prefix.data()) & prefilter_mask_);
      prefilter_[h >> 6] |= std::uint64_t{1} << (h & 63);
    }
  }
}

std::optional<aho_corasick::match> aho_corasick::longest_match_at(std::string_view text,
                                                                  std::size_t pos) const noexcept {
  std::optional<match> best;
  if (empty()) return best;
  std::uint32_t row = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    row = step(row, static_cast<unsigned char>(text[i])) & row_mask;
    const state_info& info = info_of_row(row);
    // While the automaton follows the trie from `pos`, its depth equals the bytes read;
    // a shorter depth means no pattern starting at `pos` continues this way.
    if (info.depth != i + 1 - pos) break;
    if (info.out_begin != info.out_end) best = match{pos, i + 1, pattern_id_[out_[info.out_begin]]};
  }
  return best;
}

std::vector<aho_corasick::match> aho_corasick::find_all(std::string_view text) const {
  std::vector<match> out;
  for_each_match(text, [&](const match& m) { out.push_back(m); });
  return out;
}

std::vector<aho_corasick::match> aho_corasick::find_leftmost_longest(std::string_view text) const {
  std::vector<match> out;
  for_each_leftmost_longest(text, [&](const match& m) { out.push_back(m); });
  return out;
}

bool aho_corasick::contains_any(std::string_view text) const {
  return !for_each_match_any_order(text, [](const match&) { return false; });
}

}  // namespace plancmp::inline v0::detail
