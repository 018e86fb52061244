#pragma once
// Byte scanning for the hot loops of the HTML and XML rewriters. std::string_view::find_first_of
// with a two-character set calls memchr once per input byte in libstdc++, which made it the
// parser's top cost; a plain loop the compiler can unroll is several times faster.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace atip::text {

// True when some byte of `w` equals the byte repeated in `pattern` (SWAR: "has zero byte").
inline bool has_byte(std::uint64_t w, std::uint64_t pattern) noexcept {
  const std::uint64_t x = w ^ pattern;
  return ((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0;
}

// Index of the first '<' or '&' at or after `from`, or std::string_view::npos. Eight bytes are
// tested at a time; the exact position is then found bytewise.
inline std::size_t find_markup(std::string_view s, std::size_t from) noexcept {
  const char* p = s.data();
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (has_byte(w, 0x3C3C3C3C3C3C3C3CULL) || has_byte(w, 0x2626262626262626ULL)) break;
  }
  for (; i < s.size(); ++i)
    if (p[i] == '<' || p[i] == '&') return i;
  return std::string_view::npos;
}

}  // namespace atip::text
