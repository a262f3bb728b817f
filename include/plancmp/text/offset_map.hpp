// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace plancmp::inline v0::text {

/// Maps byte offsets of a derived string (decoded, normalized or converted text) back
/// to byte offsets of the string it was derived from.
///
/// Stored as breakpoints: runs where derived and source advance together share one
/// entry, so text that passes through unchanged costs nothing, and each changed
/// character costs at most one entry. Offsets are exact at character boundaries of
/// the derived string; `to_source(derived_size())` is the source size. Inside a
/// derived character that is longer than its source the answer is clamped to the
/// end of that source character, so `to_source` never decreases and never leaves
/// `[0, source_size()]`. Source offsets must not decrease from one breakpoint to the
/// next (no transformation of ours reorders text).
///
///     offset_map m;             // "（a" (full-width bracket, 3 bytes) -> "(a"
///     m.add(0, 0); m.add(1, 3);
///     m.finish(2, 4);
///     m.to_source(1) == 3;
class offset_map {
 public:
  struct breakpoint {
    std::size_t derived;
    std::size_t source;
  };

  offset_map() = default;
  /// The identity map over `size` bytes.
  static offset_map identity(std::size_t size);

  /// Records that derived offset `derived` comes from source offset `source`. Calls
  /// must come in non-decreasing `derived` order; entries on the current run are
  /// skipped, and a second call for the same `derived` replaces the first (source
  /// bytes that produced no output belong to the character that follows them). A map
  /// starts with the implicit breakpoint (0, 0).
  void add(std::size_t derived, std::size_t source);
  /// Closes the map: the derived string has `derived_size` bytes, the source `source_size`.
  void finish(std::size_t derived_size, std::size_t source_size);

  /// Source offset of derived offset `derived` (0 ≤ derived ≤ derived_size()).
  [[nodiscard]] std::size_t to_source(std::size_t derived) const noexcept;
  /// The same, for offsets read in non-decreasing order (every line of a document):
  /// `hint` (start it at 0) remembers the breakpoint reached, so the calls together cost
  /// one pass over the breakpoints instead of a binary search each.
  [[nodiscard]] std::size_t to_source(std::size_t derived, std::size_t& hint) const noexcept;

  /// Chains two maps: `outer` maps C→B, `inner` maps B→A; the result maps C→A, with
  /// `result.to_source(x) == inner.to_source(outer.to_source(x))` at every character
  /// boundary `x` of C. Needs `outer.source_size() == inner.derived_size()`.
  ///
  ///     // normalized → decoded, then decoded → file bytes
  ///     auto to_file = offset_map::compose(normalized.offsets, decoded.offsets);
  [[nodiscard]] static offset_map compose(const offset_map& outer, const offset_map& inner);

  [[nodiscard]] std::size_t derived_size() const noexcept { return derived_size_; }
  [[nodiscard]] std::size_t source_size() const noexcept { return source_size_; }
  [[nodiscard]] const std::vector<breakpoint>& breakpoints() const noexcept { return points_; }

 private:
  std::vector<breakpoint> points_;
  std::size_t derived_size_ = 0;
  std::size_t source_size_ = 0;
};

}  // namespace plancmp::inline v0::text
