#include "lib/text/utf8.hpp"

#include <cstring>

namespace atip::text {

namespace {
constexpr std::uint32_t kReplacement = 0xFFFD;

bool is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

std::uint32_t next_code_point(std::string_view s, std::size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  std::size_t len = 0;
  std::uint32_t cp = 0, min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  std::size_t k = 1;
  for (; k < len; ++k) {
    if (i + k >= s.size() || !is_cont(static_cast<unsigned char>(s[i + k]))) break;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    // Reject overlongs and out-of-range early so the maximal subpart is consumed (Unicode 3.9).
    if (k == 1 && ((len == 3 && cp < 0x20) || (len == 4 && (cp < 0x10 || cp > 0x10F)) ||
                   (len == 3 && cp >= 0x360 && cp <= 0x37F)))
      break;
  }
  if (k < len) {
    i += k;
    return kReplacement;
  }
  i += len;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  return cp;
}

bool is_valid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  while (i < n) {
    // Feeds are mostly ASCII: skip 16 bytes at a time while no high bit is set, then go
    // straight to the first high byte of the next word (bytewise only in the last 7 bytes).
    while (i + 16 <= n) {
      std::uint64_t a, b;
      std::memcpy(&a, p + i, 8);
      std::memcpy(&b, p + i + 8, 8);
      if ((a | b) & kHigh) break;
      i += 16;
    }
    if (i + 8 <= n) {
      std::uint64_t a;
      std::memcpy(&a, p + i, 8);
      if (!(a & kHigh)) {
        i += 8;
        continue;
      }
      i = first_high_byte(a, i);
    } else {
      while (i < n && p[i] < 0x80) ++i;
      if (i >= n) break;
    }
    // Multi-byte sequences are checked in place: accented text has one every few bytes, so
    // no function call and no decoding per character.
    const std::size_t len = utf8_sequence_length(p + i, n - i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string sanitize_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  std::size_t i = 0;
  while (i < s.size()) append_utf8(out, next_code_point(s, i));
  return out;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

bool is_bidi_control(std::uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Skips the string-type control sequences (OSC, DCS, SOS, PM, APC): their payload runs to ST
// (ESC \ or U+009C) or, for OSC as xterm accepts it, BEL. An unterminated one eats the rest,
// which is what a terminal would do too.
void skip_control_string(std::string_view s, std::size_t& i) {
  while (i < s.size()) {
    const std::size_t at = i;
    const std::uint32_t cp = next_code_point(s, i);
    if (cp == 0x07 || cp == 0x9C) return;
    if (cp == 0x1B) {
      if (i < s.size() && s[i] == '\\')
        ++i;
      else
        i = at + 1;
      return;
    }
  }
}

// CSI: parameter and intermediate bytes, then one final byte in 0x40-0x7E.
void skip_csi(std::string_view s, std::size_t& i) {
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c >= 0x40 && c <= 0x7E) return;
    if (c < 0x20 || c > 0x7E) return;
  }
}

void skip_escape(std::string_view s, std::size_t& i) {
  if (i >= s.size()) return;
  const char c = s[i];
  if (c == '[') {
    skip_csi(s, ++i);
  } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
    skip_control_string(s, ++i);
  } else if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F) {
    ++i;  // two-byte escapes such as ESC c (reset)
  }
}

}  // namespace

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::uint32_t cp = next_code_point(s, i);
    if (cp == '\n' || cp == '\t') {
      out.push_back(static_cast<char>(cp));
    } else if (cp == 0x1B) {
      skip_escape(s, i);
    } else if (cp == 0x9B) {
      skip_csi(s, i);
    } else if (cp == 0x9D || cp == 0x90 || cp == 0x98 || cp == 0x9E || cp == 0x9F) {
      skip_control_string(s, i);
    } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      // dropped
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string truncate_chars(std::string_view s, std::size_t max_chars) {
  std::size_t count = 0, i = 0, cut = 0;
  while (i < s.size()) {
    if (count + 1 == max_chars) cut = i;
    next_code_point(s, i);
    ++count;
    if (count > max_chars) break;
  }
  if (count <= max_chars) return sanitize_utf8(s);
  if (max_chars == 0) return {};
  std::string_view head = s.substr(0, cut);
  while (!head.empty() && (head.back() == ' ' || head.back() == '\n' || head.back() == '\t'))
    head.remove_suffix(1);
  std::string out = sanitize_utf8(head);
  out += "\xE2\x80\xA6";
  return out;
}

}  // namespace atip::text
