// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/hash.hpp>

#include <openssl/evp.h>

namespace plancmp::inline v0 {

// OpenSSL's libcrypto uses the CPU's SHA extensions where present: hashing every source
// file must cost little next to parsing it.
std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw error("SHA-256 computation failed in OpenSSL's libcrypto");
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace plancmp::inline v0
