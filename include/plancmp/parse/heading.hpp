// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plancmp::inline v0::parse {

/// The numbering styles of plan headings, from the outermost. The rank orders them;
/// documents skip ranks (a district plan numbers `一、` then `1.`) and the outline keeps
/// the order, not fixed depths.
enum class numbering {
  part,             ///< 第一篇 第一部分  part of a long plan
  chapter,          ///< 第三章         chapter
  chapter_section,  ///< 第二节         section of a chapter
  chinese_comma,    ///< 一、          section
  chinese_paren,    ///< (一) （一）   subsection
  arabic_dot,       ///< 1. 1、 1． 1﹒ item
  arabic_bare,      ///< 13加快…       item whose dot was lost (accepted only in sequence)
  arabic_paren,     ///< (1) （1）     sub-item
  circled,          ///< ①            sub-item
  box,              ///< 专栏1         box
  annex,            ///< 附件 附件1    annex
};

/// Rank used for nesting: part −3, chapter −2, chapter_section −1, chinese_comma 0,
/// chinese_paren 1, arabic_dot/bare 2, arabic_paren/circled 3; boxes and annexes are
/// outside the outline (outside_outline). Ranks of 0 and below are a plan's outer levels.
[[nodiscard]] int rank(numbering n) noexcept;
inline constexpr int outside_outline = -100;

/// A recognized heading at the start of a line.
struct heading {
  numbering style = numbering::chinese_comma;
  int number = 0;            ///< 1-based value (三 → 3, ⑫ → 12); 0 for a bare 附件
  std::string
      label;  ///< path element, brackets ASCII: "第三章", "三", "(一)", "2", "(1)", "专栏1", "附件1"
  std::size_t marker_begin = 0;  ///< byte offset of the number in the line
  std::size_t text_begin = 0;    ///< byte offset where the heading text starts (after marker, spaces)
};

/// Recognizes a heading at the start of `line` (normalized, simplified text; leading
/// spaces allowed). Decimal numbers (`0.56`), dates (`2025年`) and quantities (`13个`)
/// are not headings; `arabic_bare` is reported for `13加快…` and left for the caller to
/// accept only when 13 is the expected next number.
[[nodiscard]] std::optional<heading> recognize_heading(std::string_view line);

/// The characters Chinese numerals are written with (three bytes each).
inline constexpr std::string_view chinese_numeral_characters = "零〇一二两三四五六七八九十百千";

/// Value of a Chinese numeral made of chinese_numeral_characters (二十四 → 24, 一百零二 → 102,
/// 两千 → 2000, 千 → 1000); nullopt for anything else (二三, 十百, 零).
[[nodiscard]] std::optional<int> chinese_numeral_value(std::string_view numeral);

}  // namespace plancmp::inline v0::parse
