// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace plancmp::inline v0 {

/// SHA-256 of `bytes` as 64 lowercase hex digits (FIPS 180-4). Plans record the digest of
/// their source file so that a result can be tied to the exact bytes it came from.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace plancmp::inline v0
