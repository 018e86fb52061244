#pragma once
// Fast NON-cryptographic hashing for change detection and fallback keys (FNV-1a, 64 bits).
// Stable across platforms and releases: values are stored in the catalogue, so never change
// the algorithm without a migration. Not suitable where an adversary could benefit from
// collisions.
#include <cstdint>
#include <string>
#include <string_view>

namespace atip::util {

inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

// FNV-1a over the bytes of `s`, continuing from `seed` so several strings can be chained.
std::uint64_t fnv1a64(std::string_view s, std::uint64_t seed = kFnvOffset) noexcept;

// 16 lower-case hex digits, zero-padded.
std::string to_hex(std::uint64_t v);

// to_hex(fnv1a64(s)).
std::string hash_hex(std::string_view s);

// A faster 64-bit hash for long text (entry content): the FNV-1a step applied to 8-byte
// little-endian words, then to the remaining bytes, then a final avalanche (the SplitMix64
// finaliser) so that similar inputs spread over all bits. About eight times faster than
// fnv1a64 on long strings; equally non-cryptographic. `seed` chains calls like fnv1a64.
std::uint64_t hash64(std::string_view s, std::uint64_t seed = kFnvOffset) noexcept;

}  // namespace atip::util
