#include "lib/feed/fixups.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

#include "lib/text/utf8.hpp"

namespace atip::feed {

namespace {

constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

// The Windows-1252 byte for `cp`, or -1.
int cp1252_byte(std::uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i)
    if (kCp1252High[i] == cp) return 0x80 + i;
  return (cp >= 0x80 && cp <= 0x9F) ? static_cast<int>(cp) : -1;
}

// What a string may need, found in one pass (Spanish and Portuguese text has a C3 byte every
// few characters, so a memchr per occurrence was a visible cost on large feeds).
struct Candidates {
  bool lead = false;  // worth trying undo_double_encoding
  bool c1 = false;    // has a C2 80-9F (or C2 then ASCII) pair worth map_c1_controls
};

// Only strings with a character that UTF-8 mis-read as Latin-1 produces (Ã, Â, â, …) followed
// by a mis-read continuation byte are worth the work. A continuation byte 0x80-0xBF read as
// Windows-1252 is U+0080-U+00BF (UTF-8 C2 xx) or one of the cp1252 specials (C5, C6, CB or E2
// lead), so correct Spanish or Portuguese text ("í" C3 AD then ASCII) is not decoded twice.
// "¿", "¡" and no-break spaces (C2 BF, C2 A1, C2 A0) are common; only C2 80-9F needs work.
Candidates scan(std::string_view s) {
  Candidates r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (!(w & 0x8080808080808080ULL)) {
        i += 8;
        continue;
      }
      i = text::first_high_byte(w, i);
    } else if (p[i] < 0x80) {
      ++i;
      continue;
    }
    if (p[i] == 0xC3 && i + 2 < n) {
      const unsigned second = p[i + 1], next = p[i + 2];
      if (second >= 0x82 && second <= 0xB4 &&
          (next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2))
        r.lead = true;
    } else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] <= 0x9F) {
      r.c1 = true;
    }
    if (r.lead && r.c1) break;
    ++i;
  }
  return r;
}

bool undo_double_encoding(std::string& s) {
  std::string bytes;
  bytes.reserve(s.size());
  bool multibyte = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const int b = cp1252_byte(text::next_code_point(s, i));
    if (b < 0) return false;
    multibyte = multibyte || b >= 0x80;
    bytes.push_back(static_cast<char>(b));
  }
  if (!multibyte || !text::is_valid_utf8(bytes)) return false;
  s = std::move(bytes);
  return true;
}

bool map_c1_controls(std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool changed = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint32_t cp = text::next_code_point(s, i);
    if (cp >= 0x80 && cp <= 0x9F) {
      cp = kCp1252High[cp - 0x80];
      changed = true;
    }
    text::append_utf8(out, cp);
  }
  if (changed) s = std::move(out);
  return changed;
}

}  // namespace

bool fix_mojibake(std::string& s) {
  Candidates c = scan(s);
  const bool a = c.lead && undo_double_encoding(s);
  if (a) c = scan(s);
  const bool b = c.c1 && map_c1_controls(s);
  return a || b;
}

}  // namespace atip::feed
