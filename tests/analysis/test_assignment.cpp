// SPDX-License-Identifier: MIT
// Maximum-weight assignment: hand-checked cases, edge shapes, and differential tests
// against brute force over all partial matchings on random rectangular matrices.
#include <plancmp/analysis/assignment.hpp>
#include <plancmp/error.hpp>

#include "reference/brute_force_assignment.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

using namespace plancmp;
using analysis::assignment_options;
using analysis::max_weight_assignment;

namespace {

/// A valid partial matching: distinct rows and columns, admissible weights, the
/// reported total and the unmatched lists consistent with the pairs.
void check_consistent(const analysis::assignment& a, const std::vector<double>& w,
                      std::size_t rows, std::size_t columns, double threshold) {
  std::set<std::size_t> rs;
  std::set<std::size_t> cs;
  double total = 0.0;
  for (const auto& p : a.pairs) {
    REQUIRE(p.row < rows);
    REQUIRE(p.column < columns);
    CHECK(rs.insert(p.row).second);
    CHECK(cs.insert(p.column).second);
    CHECK(p.weight == w[p.row * columns + p.column]);
    CHECK(p.weight > 0.0);
    CHECK(p.weight >= threshold);
    total += p.weight;
  }
  CHECK(a.total_weight == doctest::Approx(total));
  CHECK(a.unmatched_rows.size() + rs.size() == rows);
  CHECK(a.unmatched_columns.size() + cs.size() == columns);
  for (std::size_t r : a.unmatched_rows) CHECK(rs.count(r) == 0);
  for (std::size_t c : a.unmatched_columns) CHECK(cs.count(c) == 0);
}

}  // namespace

TEST_CASE("max_weight_assignment: small cases checked by hand") {
  SUBCASE("the doc example") {
    const std::vector<double> w = {0.9, 0.1, 0.8, 0.7};
    const auto a = max_weight_assignment(w, 2, 2);
    REQUIRE(a.pairs.size() == 2);
    CHECK(a.pairs[0] == analysis::assigned_pair{0, 0, 0.9, false});
    CHECK(a.pairs[1] == analysis::assigned_pair{1, 1, 0.7, false});
    CHECK(a.total_weight == doctest::Approx(1.6));
  }
  SUBCASE("greedy is wrong here, the optimum swaps") {
    const std::vector<double> w = {0.9, 0.8, 0.85, 0.0};
    const auto a = max_weight_assignment(w, 2, 2);
    CHECK(a.total_weight == doctest::Approx(1.65));
    CHECK(a.pairs[0].column == 1);
    CHECK(a.pairs[1].column == 0);
  }
  SUBCASE("threshold leaves weak pairs unmatched") {
    const std::vector<double> w = {0.9, 0.2, 0.3, 0.25};
    const auto a = max_weight_assignment(w, 2, 2, {.threshold = 0.5, .one_to_many = false});
    REQUIRE(a.pairs.size() == 1);
    CHECK(a.pairs[0].row == 0);
    CHECK(a.unmatched_rows == std::vector<std::size_t>{1});
    CHECK(a.unmatched_columns == std::vector<std::size_t>{1});
  }
  SUBCASE("rectangular, both orientations") {
    const std::vector<double> wide = {0.1, 0.5, 0.9};  // 1 × 3
    auto a = max_weight_assignment(wide, 1, 3);
    REQUIRE(a.pairs.size() == 1);
    CHECK(a.pairs[0].column == 2);
    CHECK(a.unmatched_columns == std::vector<std::size_t>{0, 1});
    a = max_weight_assignment(wide, 3, 1);  // 3 × 1
    REQUIRE(a.pairs.size() == 1);
    CHECK(a.pairs[0].row == 2);
    CHECK(a.unmatched_rows == std::vector<std::size_t>{0, 1});
  }
  SUBCASE("empty and all-zero matrices") {
    auto a = max_weight_assignment({}, 0, 0);
    CHECK(a.pairs.empty());
    a = max_weight_assignment({}, 0, 4);
    CHECK(a.unmatched_columns.size() == 4);
    a = max_weight_assignment({}, 3, 0);
    CHECK(a.unmatched_rows.size() == 3);
    const std::vector<double> zeros(12, 0.0);
    a = max_weight_assignment(zeros, 3, 4);
    CHECK(a.pairs.empty());
    CHECK(a.total_weight == 0.0);
    CHECK(a.unmatched_rows.size() == 3);
    CHECK(a.unmatched_columns.size() == 4);
  }
  SUBCASE("negative weights are never matched") {
    const std::vector<double> w = {-1.0, 0.5, -0.2, -3.0};
    const auto a = max_weight_assignment(w, 2, 2, {.threshold = -10.0, .one_to_many = false});
    REQUIRE(a.pairs.size() == 1);
    CHECK(a.pairs[0].column == 1);
  }
  SUBCASE("one-to-many: left-over columns join their best row") {
    // Row 0 is the best partner of columns 0 and 1; row 1 of column 2.
    const std::vector<double> w = {0.9, 0.8, 0.1, 0.2, 0.3, 0.7};
    auto a = max_weight_assignment(w, 2, 3, {.threshold = 0.5, .one_to_many = false});
    CHECK(a.pairs.size() == 2);
    a = max_weight_assignment(w, 2, 3, {.threshold = 0.5, .one_to_many = true});
    REQUIRE(a.pairs.size() == 3);
    CHECK(a.pairs[0] == analysis::assigned_pair{0, 0, 0.9, false});
    CHECK(a.pairs[1] == analysis::assigned_pair{0, 1, 0.8, true});
    CHECK(a.pairs[2] == analysis::assigned_pair{1, 2, 0.7, false});
    CHECK(a.total_weight == doctest::Approx(1.6));  // the one-to-one part only
    CHECK(a.unmatched_columns.empty());
  }
  SUBCASE("errors name the problem") {
    const std::vector<double> w = {1.0, 2.0, 3.0};
    CHECK_THROWS_WITH_AS(
        (void)max_weight_assignment(w, 2, 2),
        "max_weight_assignment: 3 weights for a 2 × 2 matrix; pass rows * columns weights, "
        "row-major",
        usage_error);
    const std::vector<double> nan = {1.0, std::numeric_limits<double>::quiet_NaN()};
    CHECK_THROWS_WITH_AS((void)max_weight_assignment(nan, 1, 2),
                         "max_weight_assignment: weight (0, 1) is NaN; give every pair a number",
                         usage_error);
  }
}

TEST_CASE("max_weight_assignment agrees with brute force on random matrices") {
  std::mt19937 rng(20261201);
  std::uniform_int_distribution<std::size_t> shape(0, 7);
  std::uniform_real_distribution<double> real(0.0, 1.0);
  std::uniform_int_distribution<int> coarse(0, 3);  // many ties
  for (int trial = 0; trial < 3000; ++trial) {
    const std::size_t rows = shape(rng);
    const std::size_t columns = shape(rng);
    std::vector<double> w(rows * columns);
    const int kind = trial % 5;
    for (double& x : w) {
      if (kind == 0) x = real(rng);
      if (kind == 1) x = coarse(rng) / 3.0;              // ties and zeros
      if (kind == 2) x = real(rng) < 0.7 ? 0.0 : real(rng);  // sparse
      if (kind == 3) x = real(rng) * 2.0 - 1.0;           // negative entries too
      if (kind == 4) x = real(rng) < 0.9 ? 0.0 : real(rng);  // very sparse: the sparse solver
    }
    const double threshold = (trial % 3 == 0) ? 0.0 : real(rng) * 0.6;
    CAPTURE(trial);
    CAPTURE(rows);
    CAPTURE(columns);
    const auto a = max_weight_assignment(w, rows, columns, {.threshold = threshold, .one_to_many = false});
    check_consistent(a, w, rows, columns, threshold);
    CHECK(a.total_weight ==
          doctest::Approx(reference::brute_force_assignment_weight(w, rows, columns, threshold)));
  }
}

TEST_CASE("max_weight_assignment is deterministic and exact on larger permutation matrices") {
  // A planted permutation with weight 1 among noise below 0.5: the optimum is the plant.
  std::mt19937 rng(7);
  const std::size_t n = 200;
  const std::size_t m = 260;
  std::vector<std::size_t> plant(m);
  for (std::size_t j = 0; j < m; ++j) plant[j] = j;
  std::shuffle(plant.begin(), plant.end(), rng);
  std::uniform_real_distribution<double> noise(0.0, 0.5);
  std::vector<double> w(n * m);
  for (double& x : w) x = noise(rng);
  for (std::size_t i = 0; i < n; ++i) w[i * m + plant[i]] = 1.0;
  const auto a = max_weight_assignment(w, n, m);
  REQUIRE(a.pairs.size() == n);
  for (const auto& p : a.pairs) CHECK(p.column == plant[p.row]);
  const auto b = max_weight_assignment(w, n, m);
  CHECK(a.pairs == b.pairs);
}

TEST_CASE("max_weight_assignment: the sparse and the dense solver agree on larger matrices") {
  // Matrices with few admissible pairs go to the sparse solver; the same matrix with a
  // quarter of its pairs raised to a negligible weight goes to the dense one. Optimal
  // weights must agree to within that negligible total.
  std::mt19937 rng(99);
  std::uniform_real_distribution<double> real(0.0, 1.0);
  for (int trial = 0; trial < 60; ++trial) {
    const std::size_t rows = 20 + static_cast<std::size_t>(trial) * 3;
    const std::size_t columns = 15 + static_cast<std::size_t>(trial * 7 % 90);
    std::vector<double> sparse(rows * columns, 0.0);
    for (double& x : sparse)
      if (real(rng) < 0.1) x = trial % 2 == 0 ? real(rng) : std::round(real(rng) * 4) / 4;
    std::vector<double> dense = sparse;
    for (double& x : dense)
      if (x == 0.0 && real(rng) < 0.3) x = 1e-12;
    CAPTURE(trial);
    const auto a = max_weight_assignment(sparse, rows, columns);
    const auto b = max_weight_assignment(dense, rows, columns);
    check_consistent(a, sparse, rows, columns, 0.0);
    check_consistent(b, dense, rows, columns, 0.0);
    CHECK(a.total_weight == doctest::Approx(b.total_weight).epsilon(1e-9));
  }
}
