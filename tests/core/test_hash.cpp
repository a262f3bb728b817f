// SPDX-License-Identifier: MIT
#include <plancmp/hash.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

TEST_CASE("sha256 known answers") {
  CHECK(plancmp::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(plancmp::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding spills into a second block.
  CHECK(plancmp::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(plancmp::sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("the seeds are byte-for-byte the shared originals") {
  // Digests of ../shared/seeds/*.txt; a seed edited by accident fails here.
  const std::pair<const char*, const char*> expected[] = {
      {"000_edee8db098a98e76.txt", "5ee313a89e6d25cbc8714a213ad9a655d33b59d0f08ebfbc0be6aec1cb24a828"},
      {"001_e9d616c0cc0faf37.txt", "d85988b3f2175d4e3130c52688ada4fdf47b266512e73d6d793081f65a32fb45"},
      {"002_e22083f13b5790bb.txt", "0e02e226a88c98bbabeb65016035d6e8466223533dadd8697d2fad0b4026ba8a"},
      {"003_53900fa8173cc0f4.txt", "1110f779393aed9191b223f89990dc3148b4482c14628c96e65e00ee659667e8"},
      {"004_b234aa7c753f2ac8.txt", "84735018c5d62f3e143ba75f46fa3b3c59f840ee43381254b981bd53427c52f3"},
  };
  for (const auto& entry : expected) {
    const auto& name = entry.first;  // not a binding: CAPTURE takes it into a lambda
    const auto& digest = entry.second;
    CAPTURE(name);
    CHECK(plancmp::sha256_hex(plancmp::test::seed_bytes(name)) == digest);
  }
}
