// SPDX-License-Identifier: MIT
// The fuzzing entry points, shared by the libFuzzer targets (fuzz/fuzz_<target>.cpp,
// built with clang in build-fuzz/) and by the regression test that replays every input
// kept under tests/data/fuzz-regressions/<target>/ through the same code with g++
// (tests/core/test_fuzz_regressions.cpp). See docs/robustness.md.
//
// Each entry feeds arbitrary bytes to one public entry of the library. plancmp's own
// exceptions (`plancmp::error` and its subclasses: a clear message for bad input) are
// expected outcomes; anything else — another exception, a sanitizer report, a broken
// invariant (std::abort) — is a bug.
#pragma once

#include <plancmp/error.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/text/formats.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace plancmp::fuzz {

/// Aborts (a finding for the fuzzer, a failure for the test) when `ok` is false.
inline void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "plancmp fuzz invariant broken: %s\n", what);
    std::abort();
  }
}

/// Decoding: encoding detection, decoding, normalization, simplification and noise
/// classification (`text::make_document`); then decoding under every declared encoding.
inline void decode(std::string_view bytes) {
  try {
    const text::document doc = text::make_document(std::string(bytes), "<fuzz>");
    require(doc.original == bytes, "document::original differs from the input");
    for (const auto& l : doc.lines) {
      require(l.printed_begin <= l.printed_end && l.printed_end <= doc.printed.size(), "line outside printed");
      require(l.simplified_begin <= l.simplified_end && l.simplified_end <= doc.simplified.size(),
              "line outside simplified");
      require(l.source.begin <= l.source.end && l.source.end <= bytes.size(), "line source outside input");
    }
  } catch (const error&) {
  }
  for (const auto e : {text::encoding::utf8, text::encoding::utf8_bom, text::encoding::gb18030,
                       text::encoding::utf16le, text::encoding::utf16be}) {
    try {
      const text::decoded_text d = text::decode(bytes, "<fuzz>", e);
      (void)d;
    } catch (const error&) {
    }
  }
}

/// Parsing: bytes of any format but PDF (text, HTML, DOCX) to a plan, then the plan to
/// JSON and back, which must give the same plan. PDF is left out: poppler is not
/// instrumented and a page of it takes longer than the fuzzer's time budget per input.
inline void parse(std::string_view bytes) {
  if (text::detect_format(bytes, "<fuzz>") == text::input_format::pdf) return;
  try {
    const plan p = parse::parse_bytes(std::string(bytes), "<fuzz>");
    const std::string json = to_json(p, -1);
    const plan back = plan_from_json(json, "<fuzz-roundtrip>");
    require(to_json(back, -1) == json, "plan JSON does not round-trip");
  } catch (const error&) {
  }
}

/// Plan JSON import (`plan_from_json`); a plan it accepts must serialize and read back.
inline void plan_json(std::string_view bytes) {
  try {
    const plan p = plan_from_json(bytes, "<fuzz>");
    const std::string json = to_json(p, -1);
    require(to_json(plan_from_json(json, "<fuzz-roundtrip>"), -1) == json, "plan JSON does not round-trip");
  } catch (const error&) {
  }
}

/// Coding-scheme import: the first byte picks JSON (even) or quanteda YAML (odd).
inline void scheme(std::string_view bytes) {
  if (bytes.empty()) return;
  const bool yaml = (static_cast<unsigned char>(bytes.front()) & 1U) != 0;
  bytes.remove_prefix(1);
  try {
    const coding_scheme s =
        yaml ? coding_scheme::from_yaml(bytes, "<fuzz>.yml") : coding_scheme::from_json(bytes, "<fuzz>.json");
    for (std::size_t i = 0; i < s.themes.size(); ++i) {
      if (s.themes[i].parent) require(*s.themes[i].parent < i, "theme parent after its child");
    }
  } catch (const error&) {
  }
}

/// The entry for a target name ("decode", "parse", "plan_json", "scheme"); nullptr if unknown.
inline auto entry(std::string_view target) -> void (*)(std::string_view) {
  if (target == "decode") return decode;
  if (target == "parse") return parse;
  if (target == "plan_json") return plan_json;
  if (target == "scheme") return scheme;
  return nullptr;
}

}  // namespace plancmp::fuzz
