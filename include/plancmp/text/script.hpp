// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/text/offset_map.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace plancmp::inline v0::text {

/// Which Chinese script a text is written in.
enum class script {
  simplified,   ///< 简体
  traditional,  ///< 繁體
  mixed,        ///< both kinds of characters in substantial numbers
  none,         ///< no Han characters that tell the two apart
};

/// "simplified", "traditional", "mixed", "none".
[[nodiscard]] std::string_view to_string(script s) noexcept;

/// Text converted to simplified script, with its map back to the input.
struct simplified_text {
  std::string text;
  offset_map offsets;  ///< text offsets → input offsets
  script source_script = script::none;  ///< the input's script, as `detect()` would say
};

/// Traditional → simplified conversion with OpenCC's t2s dictionaries (phrases first,
/// then characters, longest match), keeping an exact offset map. The dictionaries are
/// loaded once from OpenCC's data folder into flat tables; conversion never crosses a
/// line break, so line i of the output is line i of the input. The output equals that
/// of OpenCC's own `t2s.json` converter, many times faster (bench/bench_text.cpp).
///
///     const auto& s = plancmp::text::simplifier::shared();
///     s.convert("省市場監管局牽頭").text == "省市场监管局牵头";
class simplifier {
 public:
  /// Loads `t2s.json`'s dictionaries (TSPhrases.ocd2, TSCharacters.ocd2) and, for
  /// `detect()`, STCharacters.ocd2 from `opencc_data_dir` (default: the folder found at
  /// build time, PLANCMP_OPENCC_DATA_DIR). Throws `io_error` naming the folder and the
  /// package to install if they cannot be read. A moved-from simplifier may only be
  /// destroyed or assigned to.
  explicit simplifier(const std::string& opencc_data_dir = {});
  ~simplifier();
  simplifier(simplifier&&) noexcept;
  simplifier& operator=(simplifier&&) noexcept;

  /// A process-wide instance, loaded on first use (thread-safe).
  static const simplifier& shared();

  /// Converts valid UTF-8 to simplified script. Thread-safe. Each output character maps
  /// to the input character it came from; malformed bytes are copied unchanged.
  [[nodiscard]] simplified_text convert(std::string_view utf8) const;

  /// Counts characters that only traditional script uses (they change under t2s and
  /// never under s2t) and characters that only simplified script uses, and decides:
  /// `none` when there are no such characters, `mixed` when the smaller count is at
  /// least a fifth of both together, otherwise the script of the majority. Thread-safe.
  ///
  ///     s.detect("省市場監管局牽頭") == script::traditional;
  [[nodiscard]] script detect(std::string_view utf8) const;

 private:
  struct tables;
  std::unique_ptr<tables> tables_;
};

}  // namespace plancmp::inline v0::text
