#pragma once
// Byte scanning for the hot loops of the HTML and XML rewriters. std::string_view::find_first_of
// with a two-character set calls memchr once per input byte in libstdc++, which made it the
// parser's top cost; a plain loop the compiler can unroll is several times faster.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace atip::text {

// A word with the high bit set in each byte of `w` that is zero. Bytes above the first zero
// byte may be marked falsely (the subtraction borrows), so only the lowest mark is exact.
inline std::uint64_t zero_bytes(std::uint64_t w) noexcept {
  return (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
}

// True when some byte of `w` equals the byte repeated in `pattern` (SWAR: "has zero byte").
inline bool has_byte(std::uint64_t w, std::uint64_t pattern) noexcept {
  return zero_bytes(w ^ pattern) != 0;
}

// Index of the first '<' or '&' at or after `from`, or std::string_view::npos. Eight bytes are
// tested at a time, and the lowest mark gives the position: feeds have markup every 25 bytes or
// so (tags, escaped HTML), so a bytewise search for it after each hit was most of the cost.
inline std::size_t find_markup(std::string_view s, std::size_t from) noexcept {
  const char* p = s.data();
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t m = zero_bytes(w ^ 0x3C3C3C3C3C3C3C3CULL) | zero_bytes(w ^ 0x2626262626262626ULL);
    if (m == 0) continue;
    if constexpr (std::endian::native == std::endian::little)
      return i + static_cast<std::size_t>(std::countr_zero(m)) / 8;
    break;  // elsewhere the bytewise loop below finds it
  }
  for (; i < s.size(); ++i)
    if (p[i] == '<' || p[i] == '&') return i;
  return std::string_view::npos;
}

}  // namespace atip::text
