// SHA-256 (src/text/sha256.cpp) through each engine: the portable rounds run in every build, the
// SHA-NI ones where the processor has them. NIST's examples (FIPS 180-4, "SHA256.pdf" and
// "SHA2_Additional.pdf") fix the digests; lengths 0 to 200 cross the one- and two-block tails and
// the block boundaries, the engines compared with each other.
#include "text/sha256.hpp"

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/sha256_engines.hpp"

namespace tariff::text {

// The engine by name in ctest's list, not as "4-byte object <00-00 00-00>".
void PrintTo(sha256_engine engine, std::ostream* out) {
  *out << (engine == sha256_engine::portable ? "portable" : "sha_ni");
}

}  // namespace tariff::text

namespace {

using tariff::text::sha256_engine;
using tariff::text::sha256_engine_available;
using tariff::text::sha256_hex;
using tariff::text::sha256_hex_with;

struct nist_case {
  const char* name;
  std::string message;
  const char* digest;
};

const std::vector<nist_case>& nist_cases() {
  static const std::vector<nist_case> cases = {
      {"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"bits_448", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"bits_896",
       "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
       "lmnopqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {"million_a", std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  return cases;
}

class engine_test : public ::testing::TestWithParam<sha256_engine> {
 protected:
  void SetUp() override {
    if (!sha256_engine_available(GetParam()))
      GTEST_SKIP() << "this processor has no SHA extensions";
  }
};

TEST_P(engine_test, gives_the_nist_digests) {
  for (const nist_case& c : nist_cases())
    EXPECT_EQ(sha256_hex_with(GetParam(), c.message), c.digest) << c.name;
}

TEST_P(engine_test, gives_the_first_digits_asked_for) {
  EXPECT_EQ(sha256_hex_with(GetParam(), "abc", 16), "ba7816bf8f01cfea");
  EXPECT_EQ(sha256_hex_with(GetParam(), "abc", 0), "");
  EXPECT_EQ(sha256_hex_with(GetParam(), "abc", 99), nist_cases().front().digest);
}

INSTANTIATE_TEST_SUITE_P(sha256, engine_test,
                         ::testing::Values(sha256_engine::portable, sha256_engine::sha_ni),
                         [](const ::testing::TestParamInfo<sha256_engine>& engine) {
                           return engine.param == sha256_engine::portable ? "portable" : "sha_ni";
                         });

TEST(sha256, portable_engine_runs_everywhere) {
  EXPECT_TRUE(sha256_engine_available(sha256_engine::portable));
}

// Every length from 0 to 200 bytes: tails of one block (up to 55 bytes past a block) and of two
// (56 to 63), whole blocks at 64, 128 and 192. A message of varied bytes, all 256 values among
// them, so a byte-order slip in either engine shows.
TEST(sha256, engines_agree_across_block_boundaries) {
  if (!sha256_engine_available(sha256_engine::sha_ni))
    GTEST_SKIP() << "this processor has no SHA extensions: only the portable engine runs";
  std::string message;
  for (int length = 0; length <= 200; ++length) {
    EXPECT_EQ(sha256_hex_with(sha256_engine::sha_ni, message),
              sha256_hex_with(sha256_engine::portable, message))
        << "length " << length;
    message += static_cast<char>((length * 167 + 13) % 256);
  }
}

// sha256_hex is the fastest engine available, so it gives what both give.
TEST(sha256, default_matches_the_portable_engine) {
  std::string message;
  for (int length = 0; length <= 200; ++length) {
    EXPECT_EQ(sha256_hex(message), sha256_hex_with(sha256_engine::portable, message))
        << "length " << length;
    message += static_cast<char>(length);
  }
}

}  // namespace
