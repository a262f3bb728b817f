// SPDX-License-Identifier: MIT
// The shape of a numbered heading's opening, as the text layer knows it: enough to keep a
// heading from being taken for web-page noise, or for the continuation of a wrapped
// paragraph. The parser's heading reader (parse/heading.hpp) reads what it says.
#pragma once

#include <string_view>

namespace plancmp::inline v0::text::detail {

/// Whether `line` (normalized) opens like a numbered heading of a plan or notice: 一、 (一)
/// （一） 1. 1、 (1) ① 专栏1 第三章 …
[[nodiscard]] bool opens_like_heading(std::string_view line) noexcept;

/// Whether `s` holds punctuation inside or at the end of a sentence (，。；：、 and their
/// ASCII forms, as normalization prints them): a title holds none.
[[nodiscard]] bool has_sentence_punctuation(std::string_view s) noexcept;

/// Whether `line` (normalized) opens with a run-in title: a short first sentence without a
/// comma (`加强知识产权保护。…`, `坚持创新驱动。…`), as a topic paragraph begins.
[[nodiscard]] bool opens_with_run_in_title(std::string_view line) noexcept;

}  // namespace plancmp::inline v0::text::detail
