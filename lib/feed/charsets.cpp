// Hand-written decoders for the charsets feeds in the region use, and glibc iconv for the rest.
// Every function turns invalid input into U+FFFD and returns valid UTF-8.
#include "lib/feed/charsets.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>

#include "lib/text/utf8.hpp"

namespace atip::feed::charsets {

namespace {

using text::append_utf8;

constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

}  // namespace

bool cp1252_defined(unsigned char b) {
  return b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D;
}

std::string decode_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80)
      out.push_back(ch);
    else if (b < 0xA0)
      append_utf8(out, kCp1252High[b - 0x80]);
    else
      append_utf8(out, b);
  }
  return out;
}

namespace {

std::uint32_t latin9(unsigned char b) {
  switch (b) {
    case 0xA4:
      return 0x20AC;
    case 0xA6:
      return 0x0160;
    case 0xA8:
      return 0x0161;
    case 0xB4:
      return 0x017D;
    case 0xB8:
      return 0x017E;
    case 0xBC:
      return 0x0152;
    case 0xBD:
      return 0x0153;
    case 0xBE:
      return 0x0178;
    default:
      return b;
  }
}

}  // namespace

std::string decode_latin9(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char ch : s) append_utf8(out, latin9(static_cast<unsigned char>(ch)));
  return out;
}

std::string decode_utf16(std::string_view s, bool big_endian) {
  std::string out;
  out.reserve(s.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  std::size_t i = 0;
  for (; i + 1 < s.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      const std::uint32_t lo = unit(i + 2);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
    }
    append_utf8(out, u);  // lone surrogates become U+FFFD there
  }
  if (i < s.size()) append_utf8(out, 0xFFFD);
  return out;
}

std::string decode_utf32(std::string_view s, bool big_endian) {
  std::string out;
  out.reserve(s.size() / 2);
  std::size_t i = 0;
  for (; i + 3 < s.size(); i += 4) {
    std::uint32_t u = 0;
    for (int k = 0; k < 4; ++k) {
      const auto b = static_cast<unsigned char>(s[i + (big_endian ? k : 3 - k)]);
      u = u << 8 | b;
    }
    append_utf8(out, u);
  }
  if (i < s.size()) append_utf8(out, 0xFFFD);
  return out;
}

// glibc iconv for the long tail; an invalid byte becomes U+FFFD and decoding resumes after it.
bool decode_iconv(std::string_view s, const std::string& charset, std::string& out) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.clear();
  out.reserve(s.size() * 2);
  char buf[4096];
  char* in = const_cast<char*>(s.data());  // iconv's signature; it does not write the input
  std::size_t in_left = s.size();
  while (in_left > 0) {
    char* o = buf;
    std::size_t o_left = sizeof buf;
    const std::size_t r = iconv(cd, &in, &in_left, &o, &o_left);
    out.append(buf, static_cast<std::size_t>(o - buf));
    if (r == static_cast<std::size_t>(-1) && errno != E2BIG) {
      out.append("\xEF\xBF\xBD");
      ++in, --in_left;  // EILSEQ or EINVAL (truncated at the end): skip one byte
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  iconv_close(cd);
  return true;
}

}  // namespace atip::feed::charsets
