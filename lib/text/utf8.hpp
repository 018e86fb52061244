#pragma once
// UTF-8 helpers. Everything atip stores or prints is valid UTF-8.
#include <cstdint>
#include <string>
#include <string_view>

namespace atip::text {

// True when `s` is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s) noexcept;

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
