// SPDX-License-Identifier: MIT
// libFuzzer target: plancmp::fuzz::decode (fuzz/entries.hpp). Run through scripts/fuzz.
#include "entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plancmp::fuzz::decode(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
