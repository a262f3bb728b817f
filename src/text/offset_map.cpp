// SPDX-License-Identifier: MIT
#include <plancmp/text/offset_map.hpp>

#include <algorithm>
#include <cassert>

namespace plancmp::inline v0::text {

namespace {

// The breakpoint list never stays empty once something was recorded; a default map
// behaves as if it held the implicit (0, 0).
constexpr offset_map::breakpoint zero_point{0, 0};

}  // namespace

offset_map offset_map::identity(std::size_t size) {
  offset_map m;
  m.finish(size, size);
  return m;
}

void offset_map::add(std::size_t derived, std::size_t source) {
  if (points_.empty()) points_.push_back(zero_point);
  breakpoint& last = points_.back();
  assert(derived >= last.derived && "offset_map::add: derived offsets must not decrease");
  if (derived == last.derived) {
    // A later record for the same derived offset wins: bytes that were dropped (a BOM,
    // the CR of a CRLF) belong to the character that follows them.
    last.source = source;
    if (points_.size() >= 2) {
      const breakpoint& prev = points_[points_.size() - 2];
      if (prev.source + (last.derived - prev.derived) == last.source) points_.pop_back();
    }
    return;
  }
  if (last.source + (derived - last.derived) == source) return;  // still on the current run
  points_.push_back({derived, source});
}

void offset_map::finish(std::size_t derived_size, std::size_t source_size) {
  add(derived_size, source_size);
  derived_size_ = derived_size;
  source_size_ = source_size;
}

std::size_t offset_map::to_source(std::size_t derived) const noexcept {
  if (points_.empty()) return std::min(derived, source_size_);
  // The last breakpoint at or before `derived`; points_[0].derived is always 0.
  auto next = std::upper_bound(points_.begin(), points_.end(), derived,
                               [](std::size_t d, const breakpoint& p) { return d < p.derived; });
  const breakpoint& at = *std::prev(next);
  const std::size_t limit = next == points_.end() ? source_size_ : next->source;
  // Clamping only matters inside a derived character longer than its source: there
  // the run would otherwise run past the source character it came from.
  return std::min(at.source + (derived - at.derived), std::max(limit, at.source));
}

std::size_t offset_map::to_source(std::size_t derived, std::size_t& hint) const noexcept {
  if (points_.empty()) return std::min(derived, source_size_);
  // Breakpoints have increasing derived offsets: walk on to the last one at or before
  // `derived`, the one the binary search of to_source(derived) finds.
  if (hint >= points_.size() || points_[hint].derived > derived) hint = 0;
  while (hint + 1 < points_.size() && points_[hint + 1].derived <= derived) ++hint;
  const breakpoint& at = points_[hint];
  const std::size_t limit = hint + 1 == points_.size() ? source_size_ : points_[hint + 1].source;
  return std::min(at.source + (derived - at.derived), std::max(limit, at.source));
}

offset_map offset_map::compose(const offset_map& outer, const offset_map& inner) {
  assert(outer.source_size_ == inner.derived_size_ && "offset_map::compose: sizes do not chain");
  offset_map result;
  result.points_.reserve(outer.points_.size() + inner.points_.size() + 1);

  static const std::vector<breakpoint> origin_only{zero_point};
  const std::vector<breakpoint>& outer_points = outer.points_.empty() ? origin_only : outer.points_;
  const auto& inner_points = inner.points_;

  for (std::size_t i = 0; i < outer_points.size(); ++i) {
    const breakpoint run = outer_points[i];
    const breakpoint run_end = i + 1 < outer_points.size()
                                   ? outer_points[i + 1]
                                   : breakpoint{outer.derived_size_, outer.source_size_};
    result.add(run.derived, inner.to_source(run.source));

    // Inside an outer run, C and B offsets advance together as long as both stay inside
    // the run, and every character boundary of C lies in that stretch. Each inner
    // breakpoint there becomes a breakpoint of the result. (An inner breakpoint may sit
    // exactly at the run's source end when C inserted a character there.)
    const std::size_t source_span = run_end.source > run.source ? run_end.source - run.source : 0;
    auto it = std::upper_bound(inner_points.begin(), inner_points.end(), run.source,
                               [](std::size_t s, const breakpoint& p) { return s < p.derived; });
    for (; it != inner_points.end() && it->derived <= run.source + source_span; ++it) {
      const std::size_t x = run.derived + (it->derived - run.source);
      if (x >= run_end.derived) break;  // past the C side of the run: the next run's business
      result.add(x, it->source);
    }
  }
  result.finish(outer.derived_size_, inner.to_source(outer.source_size_));
  return result;
}

}  // namespace plancmp::inline v0::text
