#pragma once
// UTF-8 helpers. Everything atip stores or prints is valid UTF-8.
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

namespace atip::text {

// True when `s` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

// The index of the first byte >= 0x80 in s[from, from + 8), given the 8 bytes loaded as a
// word `w` in memory order with some high bit set.
inline std::size_t first_high_byte(std::uint64_t w, std::size_t from) noexcept {
  const std::uint64_t high = w & 0x8080808080808080ULL;
  if constexpr (std::endian::native == std::endian::little)
    return from + static_cast<std::size_t>(std::countr_zero(high)) / 8;
  else
    return from + static_cast<std::size_t>(std::countl_zero(high)) / 8;
}

// The length (2 to 4) of the valid multi-byte sequence starting at p[0] (a byte >= 0x80),
// or 0 when it is invalid or truncated; `avail` bytes are readable from p. Inline because
// the validators of the hot paths call it for every non-ASCII character (Unicode table 3-7).
inline std::size_t utf8_sequence_length(const unsigned char* p, std::size_t avail) noexcept {
  const unsigned b0 = p[0];
  const auto cont = [](unsigned b) { return (b & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) return avail >= 2 && cont(p[1]) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (avail < 3 || !cont(p[2])) return 0;
    const unsigned b1 = p[1];
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return b1 >= lo && b1 <= hi ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (avail < 4 || !cont(p[2]) || !cont(p[3])) return 0;
    const unsigned b1 = p[1];
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return b1 >= lo && b1 <= hi ? 4 : 0;
  }
  return 0;
}

// Copies `s`, replacing each invalid byte sequence with U+FFFD.
std::string sanitize_utf8(std::string_view s);

// Decodes the code point at s[i] and advances i past it. An invalid or truncated sequence
// yields U+FFFD and advances by the maximal invalid subpart (at least one byte). Requires i <
// s.size().
std::uint32_t next_code_point(std::string_view s, std::size_t& i) noexcept;

// Appends the UTF-8 encoding of a code point (U+FFFD for invalid ones).
void append_utf8(std::string& out, std::uint32_t cp);

// Removes what must never reach a terminal from untrusted text: C0/C1 controls except \n and
// \t, ESC sequences (CSI, OSC including OSC 8 hyperlinks), and bidirectional overrides.
std::string terminal_safe(std::string_view s);

// Truncates to at most `max_chars` code points, adding "…" when it cut.
std::string truncate_chars(std::string_view s, std::size_t max_chars);

}  // namespace atip::text
