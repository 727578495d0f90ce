// A plain SHA-256: the library has no crypto dependency, and this is ~60 lines of FIPS 180-4.
// On x86-64 processors with the SHA extensions the blocks go through those instructions instead:
// hashing the source was 9 % of compiling a 10 000-item tariff with the plain rounds. Both are
// always compiled (the SHA-NI one where the compiler targets x86), the choice made once per
// process; sha256_engines.hpp lets the test run each.
#include "text/sha256.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

#include "text/sha256_engines.hpp"

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(TARIFF_NO_SHA_NI)
#include <cpuid.h>
#include <immintrin.h>
#define TARIFF_SHA_NI 1
#endif

namespace tariff::text {

namespace {

constexpr std::array<std::uint32_t, 64> round_constants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotate_right(std::uint32_t x, int n) {
  return (x >> n) | (x << (32 - n));
}

void compress(std::array<std::uint32_t, 8>& h, const unsigned char* block) {
  std::array<std::uint32_t, 64> w{};
  for (std::size_t i = 0; i < 16; ++i)
    w[i] = static_cast<std::uint32_t>(block[4 * i]) << 24 |
           static_cast<std::uint32_t>(block[4 * i + 1]) << 16 |
           static_cast<std::uint32_t>(block[4 * i + 2]) << 8 | block[4 * i + 3];
  for (std::size_t i = 16; i < 64; ++i) {
    const std::uint32_t s0 =
        rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
    const std::uint32_t s1 =
        rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  std::array<std::uint32_t, 8> v = h;
  for (std::size_t i = 0; i < 64; ++i) {
    const std::uint32_t s1 =
        rotate_right(v[4], 6) ^ rotate_right(v[4], 11) ^ rotate_right(v[4], 25);
    const std::uint32_t choose = (v[4] & v[5]) ^ (~v[4] & v[6]);
    const std::uint32_t t1 = v[7] + s1 + choose + round_constants[i] + w[i];
    const std::uint32_t s0 =
        rotate_right(v[0], 2) ^ rotate_right(v[0], 13) ^ rotate_right(v[0], 22);
    const std::uint32_t majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
    const std::uint32_t t2 = s0 + majority;
    v[7] = v[6];
    v[6] = v[5];
    v[5] = v[4];
    v[4] = v[3] + t1;
    v[3] = v[2];
    v[2] = v[1];
    v[1] = v[0];
    v[0] = t1 + t2;
  }
  for (std::size_t i = 0; i < 8; ++i)
    h[i] += v[i];
}

void compress_blocks(std::array<std::uint32_t, 8>& h, const unsigned char* data,
                     std::size_t blocks) {
  for (std::size_t i = 0; i < blocks; ++i)
    compress(h, data + 64 * i);
}

#ifdef TARIFF_SHA_NI

bool has_sha_ni() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) return false;
  const bool ssse3_sse41 = (c & (1U << 9)) != 0 && (c & (1U << 19)) != 0;
  if (__get_cpuid_count(7, 0, &a, &b, &c, &d) == 0) return false;
  return ssse3_sse41 && (b & (1U << 29)) != 0;  // CPUID.7.0:EBX.SHA
}

// The same compression with SHA-NI (Intel's sequence): the state kept as ABEF and CDGH, four
// rounds per group of four message words, the schedule by sha256msg1/msg2.
__attribute__((target("sha,ssse3,sse4.1"))) void compress_blocks_ni(std::array<std::uint32_t, 8>& h,
                                                                    const unsigned char* data,
                                                                    std::size_t blocks) {
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
  __m128i dcba = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h.data()));
  __m128i hgfe = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h.data() + 4));
  const __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
  const __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
  __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
  __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);
  for (std::size_t b = 0; b < blocks; ++b, data += 64) {
    const __m128i abef_before = abef;
    const __m128i cdgh_before = cdgh;
    __m128i w[16];  // NOLINT(modernize-avoid-c-arrays): std::array drops __m128i's attributes
    for (std::size_t g = 0; g < 16; ++g) {
      if (g < 4) {
        w[g] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 16 * g)),
                                byte_swap);
      } else {
        w[g] = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(w[g - 4], w[g - 3]),
                                                  _mm_alignr_epi8(w[g - 1], w[g - 2], 4)),
                                    w[g - 1]);
      }
      __m128i msg = _mm_add_epi32(
          w[g], _mm_loadu_si128(reinterpret_cast<const __m128i*>(round_constants.data() + 4 * g)));
      cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
      msg = _mm_shuffle_epi32(msg, 0x0E);
      abef = _mm_sha256rnds2_epu32(abef, cdgh, msg);
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }
  const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
  const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
  dcba = _mm_blend_epi16(feba, dchg, 0xF0);
  hgfe = _mm_alignr_epi8(dchg, feba, 8);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h.data()), dcba);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(h.data() + 4), hgfe);
}

#endif

// A whole run of blocks through one engine.
using compress_fn = void (*)(std::array<std::uint32_t, 8>&, const unsigned char*, std::size_t);

// The engine's compression, or nullptr where it cannot run.
compress_fn compression_of(sha256_engine engine) {
  switch (engine) {
    case sha256_engine::portable:
      return compress_blocks;
    case sha256_engine::sha_ni:
#ifdef TARIFF_SHA_NI
      return has_sha_ni() ? compress_blocks_ni : nullptr;
#else
      return nullptr;
#endif
  }
  return nullptr;
}

std::string digest_hex(compress_fn compress, std::string_view data, std::size_t digits) {
  std::array<std::uint32_t, 8> h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  std::size_t full = data.size() / 64;
  compress(h, bytes, full);
  // The tail, a 1 bit, zeros, and the length in bits, big-endian, over one or two blocks.
  std::array<unsigned char, 128> tail{};
  const std::size_t rest = data.size() % 64;
  for (std::size_t i = 0; i < rest; ++i)
    tail[i] = bytes[64 * full + i];
  tail[rest] = 0x80;
  const std::size_t blocks = rest < 56 ? 1 : 2;
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  for (int i = 0; i < 8; ++i)
    tail[64 * blocks - 1 - static_cast<std::size_t>(i)] =
        static_cast<unsigned char>(bits >> (8 * i));
  compress(h, tail.data(), blocks);
  static constexpr char hex[] = "0123456789abcdef";
  digits = digits < 64 ? digits : 64;
  std::string out(digits, '0');
  for (std::size_t i = 0; i < digits; ++i)
    out[i] = hex[(h[i / 8] >> (28 - 4 * (i % 8))) & 0xF];
  return out;
}

}  // namespace

bool sha256_engine_available(sha256_engine engine) {
  return compression_of(engine) != nullptr;
}

std::string sha256_hex_with(sha256_engine engine, std::string_view data, std::size_t digits) {
  const compress_fn compress = compression_of(engine);
  if (compress == nullptr)
    throw std::invalid_argument("sha256_hex_with: the SHA-NI engine cannot run here");
  return digest_hex(compress, data, digits);
}

std::string sha256_hex(std::string_view data, std::size_t digits) {
  // The processor is asked once; afterwards the choice costs one indirect call per hash.
  static const compress_fn fastest = sha256_engine_available(sha256_engine::sha_ni)
                                         ? compression_of(sha256_engine::sha_ni)
                                         : compress_blocks;
  return digest_hex(fastest, data, digits);
}

}  // namespace tariff::text
