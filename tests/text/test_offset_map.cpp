// SPDX-License-Identifier: MIT
#include <plancmp/text/offset_map.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <vector>

using plancmp::text::offset_map;

namespace {

/// A transformation drawn at random, described the slow, obvious way: the derived
/// string is a sequence of characters, each produced from a (possibly empty) run of
/// whole source characters. `expected[k]` is the source offset of derived boundary
/// `boundaries[k]`.
struct random_transform {
  std::vector<std::size_t> source_boundaries;  ///< character starts of the source, and its end
  std::vector<std::size_t> boundaries;         ///< character starts of the derived string, and its end
  std::vector<std::size_t> expected;
  offset_map map;

  [[nodiscard]] std::size_t expected_at(std::size_t derived) const {
    for (std::size_t k = 0; k < boundaries.size(); ++k) {
      if (boundaries[k] == derived) return expected[k];
    }
    FAIL("not a character boundary: " << derived);
    return 0;
  }
};

/// Builds a derived string over `source_boundaries` the way a converter does: it calls
/// `add` at the start of every derived character and `finish` at the end.
random_transform make_transform(const std::vector<std::size_t>& source_boundaries, std::mt19937& rng) {
  random_transform t;
  t.source_boundaries = source_boundaries;
  std::uniform_int_distribution<int> chars_taken(0, 9);
  std::uniform_int_distribution<std::size_t> char_length(1, 4);
  const std::size_t source_chars = source_boundaries.size() - 1;
  std::size_t next_source_char = 0;
  std::size_t derived = 0;
  // Mostly one source character per derived character with the same length (text that
  // passes through), sometimes merges (CRLF, phrases), drops (a BOM), insertions
  // (a phrase with more characters than its key) and length changes (re-encoding).
  while (next_source_char < source_chars) {
    const int roll = chars_taken(rng);
    const std::size_t take = roll == 0 ? 0 : roll == 1 ? 2 : roll == 2 ? 3 : 1;
    const std::size_t source_begin = source_boundaries[next_source_char];
    const std::size_t taken = std::min(take, source_chars - next_source_char);
    const std::size_t source_end = source_boundaries[next_source_char + taken];
    std::size_t length = source_end - source_begin;
    if (length == 0 || chars_taken(rng) < 3) length = char_length(rng);
    t.boundaries.push_back(derived);
    t.expected.push_back(source_begin);
    t.map.add(derived, source_begin);
    derived += length;
    next_source_char += taken;
  }
  t.boundaries.push_back(derived);
  t.expected.push_back(source_boundaries.back());
  t.map.finish(derived, source_boundaries.back());
  return t;
}

std::vector<std::size_t> random_source(std::mt19937& rng, std::size_t chars) {
  std::uniform_int_distribution<std::size_t> char_length(1, 4);
  std::vector<std::size_t> boundaries{0};
  for (std::size_t i = 0; i < chars; ++i) boundaries.push_back(boundaries.back() + char_length(rng));
  return boundaries;
}

/// The properties every map keeps at every offset, boundary or not.
void check_bounded_and_monotone(const offset_map& m) {
  std::size_t previous = 0;
  for (std::size_t x = 0; x <= m.derived_size(); ++x) {
    const std::size_t s = m.to_source(x);
    CHECK(s >= previous);
    CHECK(s <= m.source_size());
    previous = s;
  }
  CHECK(m.to_source(m.derived_size()) == m.source_size());
}

}  // namespace

TEST_CASE("offset_map: a default map is empty") {
  const offset_map m;
  CHECK(m.derived_size() == 0);
  CHECK(m.source_size() == 0);
  CHECK(m.to_source(0) == 0);
}

TEST_CASE("offset_map: identity has one breakpoint and maps every offset to itself") {
  const offset_map m = offset_map::identity(7);
  CHECK(m.breakpoints().size() == 1);
  for (std::size_t x = 0; x <= 7; ++x) CHECK(m.to_source(x) == x);
  CHECK(m.derived_size() == 7);
  CHECK(m.source_size() == 7);
}

TEST_CASE("offset_map: the header's example, a full-width bracket shrunk to ASCII") {
  offset_map m;  // "（a" (3 + 1 bytes) -> "(a"
  m.add(0, 0);
  m.add(1, 3);
  m.finish(2, 4);
  CHECK(m.to_source(0) == 0);
  CHECK(m.to_source(1) == 3);
  CHECK(m.to_source(2) == 4);
  CHECK(m.breakpoints().size() == 2);
}

TEST_CASE("offset_map: entries on the current run are not stored") {
  offset_map m;
  for (std::size_t i = 0; i < 100; ++i) m.add(i, i);
  m.add(100, 102);  // one character grew by two bytes in the source
  for (std::size_t i = 101; i < 200; ++i) m.add(i, i + 2);
  m.finish(200, 202);
  CHECK(m.breakpoints().size() == 2);
  CHECK(m.to_source(99) == 99);
  CHECK(m.to_source(100) == 102);
  CHECK(m.to_source(150) == 152);
}

TEST_CASE(
    "offset_map: a later record for the same offset wins (dropped bytes join the next character)") {
  SUBCASE("a byte-order mark") {
    offset_map m;
    m.add(0, 3);
    m.finish(5, 8);
    CHECK(m.to_source(0) == 3);
    CHECK(m.to_source(4) == 7);
    CHECK(m.to_source(5) == 8);
    CHECK(m.breakpoints().size() == 1);
  }
  SUBCASE("a replacement that lands back on the run is dropped") {
    offset_map m;
    m.add(2, 5);
    m.add(2, 2);
    m.finish(4, 4);
    CHECK(m.breakpoints().size() == 1);
    CHECK(m.to_source(3) == 3);
  }
  SUBCASE("only dropped bytes: an empty derived string still ends at the source end") {
    offset_map m;
    m.add(0, 3);
    m.finish(0, 3);
    CHECK(m.to_source(0) == 3);
  }
}

TEST_CASE("offset_map: inside a derived character longer than its source the answer is clamped") {
  offset_map m;  // "a" (1 byte) -> "ａ" (3 bytes), then "b" -> "b"
  m.add(0, 0);
  m.add(3, 1);
  m.finish(4, 2);
  CHECK(m.to_source(0) == 0);
  CHECK(m.to_source(1) == 1);
  CHECK(m.to_source(2) == 1);  // not 2: that would be inside "b"
  CHECK(m.to_source(3) == 1);
  CHECK(m.to_source(4) == 2);
  CHECK(m.to_source(99) == 2);  // past the end: the source end
}

TEST_CASE("offset_map: compose with identities changes nothing") {
  offset_map m;
  m.add(0, 0);
  m.add(1, 3);
  m.add(2, 5);
  m.finish(6, 9);
  const offset_map left = offset_map::compose(offset_map::identity(6), m);
  const offset_map right = offset_map::compose(m, offset_map::identity(9));
  for (std::size_t x = 0; x <= 6; ++x) {
    CHECK(left.to_source(x) == m.to_source(x));
    CHECK(right.to_source(x) == m.to_source(x));
  }
  CHECK(offset_map::compose(offset_map::identity(4), offset_map::identity(4)).breakpoints().size() ==
        1);
}

TEST_CASE("offset_map: compose through a character inserted at the end of a run") {
  // C→B: "xy" where x (1 byte) has no source of its own and y (1 byte) comes from the
  // 3-byte B character at 0. B→A: that B character comes from 2 A bytes at 0.
  offset_map outer;
  outer.add(0, 0);
  outer.add(1, 0);
  outer.finish(2, 3);
  offset_map inner;
  inner.add(0, 0);
  inner.finish(3, 2);
  const offset_map chained = offset_map::compose(outer, inner);
  CHECK(chained.to_source(0) == 0);
  CHECK(chained.to_source(1) == 0);
  CHECK(chained.to_source(2) == 2);
}

TEST_CASE("offset_map: random transformations against the slow description") {
  std::mt19937 rng(20240131);
  for (int round = 0; round < 3000; ++round) {
    CAPTURE(round);
    const std::size_t chars = static_cast<std::size_t>(round % 50);
    const random_transform inner = make_transform(random_source(rng, chars), rng);
    const random_transform outer = make_transform(inner.boundaries, rng);

    for (std::size_t k = 0; k < inner.boundaries.size(); ++k) {
      REQUIRE(inner.map.to_source(inner.boundaries[k]) == inner.expected[k]);
    }
    for (std::size_t k = 0; k < outer.boundaries.size(); ++k) {
      REQUIRE(outer.map.to_source(outer.boundaries[k]) == outer.expected[k]);
    }
    check_bounded_and_monotone(inner.map);
    check_bounded_and_monotone(outer.map);

    const offset_map chained = offset_map::compose(outer.map, inner.map);
    CHECK(chained.derived_size() == outer.map.derived_size());
    CHECK(chained.source_size() == inner.map.source_size());
    for (std::size_t k = 0; k < outer.boundaries.size(); ++k) {
      const std::size_t x = outer.boundaries[k];
      const std::size_t want = inner.expected_at(outer.expected[k]);
      REQUIRE(chained.to_source(x) == want);
      REQUIRE(chained.to_source(x) == inner.map.to_source(outer.map.to_source(x)));
    }
    check_bounded_and_monotone(chained);
    // Breakpoints stay proportional to changes, never to text length.
    CHECK(chained.breakpoints().size() <=
          outer.map.breakpoints().size() + inner.map.breakpoints().size() + 1);
  }
}

TEST_CASE("offset_map: to_source with a hint gives to_source at every offset, read in order or not") {
  std::mt19937 rng(20261205);
  for (int round = 0; round < 1000; ++round) {
    CAPTURE(round);
    const random_transform t = make_transform(random_source(rng, static_cast<std::size_t>(round % 60)), rng);
    SUBCASE("in order, each offset twice (a line's begin and end)") {
      std::size_t hint = 0;
      for (std::size_t x = 0; x <= t.map.derived_size(); ++x) {
        REQUIRE(t.map.to_source(x, hint) == t.map.to_source(x));
        REQUIRE(t.map.to_source(x, hint) == t.map.to_source(x));
      }
    }
    SUBCASE("at random, the hint left by the previous call") {
      std::uniform_int_distribution<std::size_t> any(0, t.map.derived_size());
      std::size_t hint = 0;
      for (int k = 0; k < 50; ++k) {
        const std::size_t x = any(rng);
        REQUIRE(t.map.to_source(x, hint) == t.map.to_source(x));
      }
    }
  }
  std::size_t hint = 7;  // a default map has no breakpoints; the hint is never read
  CHECK(offset_map().to_source(0, hint) == offset_map().to_source(0));
}
