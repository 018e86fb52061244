#include "lib/feed/encoding.hpp"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>

#include "lib/text/utf8.hpp"

namespace atip::feed {

namespace {

using text::append_utf8;

constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

bool cp1252_defined(unsigned char b) {
  return b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D;
}

std::string decode_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) out.push_back(ch);
    else if (b < 0xA0) append_utf8(out, kCp1252High[b - 0x80]);
    else append_utf8(out, b);
  }
  return out;
}

std::uint32_t latin9(unsigned char b) {
  switch (b) {
    case 0xA4: return 0x20AC;
    case 0xA6: return 0x0160;
    case 0xA8: return 0x0161;
    case 0xB4: return 0x017D;
    case 0xB8: return 0x017E;
    case 0xBC: return 0x0152;
    case 0xBD: return 0x0153;
    case 0xBE: return 0x0178;
    default: return b;
  }
}

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

enum class Bom { None, Utf8, Utf16Le, Utf16Be, Utf32Le, Utf32Be };

Bom sniff_bom(std::string_view b, std::size_t& len) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return len = 3, Bom::Utf8;
  if (starts("\xFF\xFE\x00\x00"sv)) return len = 4, Bom::Utf32Le;
  if (starts("\x00\x00\xFE\xFF"sv)) return len = 4, Bom::Utf32Be;
  if (starts("\xFF\xFE"sv)) return len = 2, Bom::Utf16Le;
  if (starts("\xFE\xFF"sv)) return len = 2, Bom::Utf16Be;
  len = 0;
  // No BOM: XML 1.0 appendix F, the first characters are '<' and '?' (or at least '<').
  if (starts("\x3C\x00\x00\x00"sv)) return Bom::Utf32Le;
  if (starts("\x00\x00\x00\x3C"sv)) return Bom::Utf32Be;
  if (starts("\x3C\x00"sv) && b.size() >= 4 && b[3] == '\0') return Bom::Utf16Le;
  if (starts("\x00\x3C"sv) && b.size() >= 4 && b[2] == '\0') return Bom::Utf16Be;
  return Bom::None;
}

}  // namespace

std::string normalize_charset(std::string_view name) {
  std::string s;
  for (const char c : name) {
    if (c == '"' || c == '\'' || c == ' ' || c == '\t') continue;
    s.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  if (s == "utf8" || s == "unicode-1-1-utf-8" || s == "x-unicode20utf8") return "utf-8";
  if (s == "latin1" || s == "latin-1" || s == "l1" || s == "iso8859-1" || s == "iso_8859-1" ||
      s == "iso88591" || s == "cp819" || s == "ibm819" || s == "iso-ir-100" ||
      s == "iso_8859-1:1987")
    return "iso-8859-1";
  if (s == "cp1252" || s == "x-cp1252" || s == "windows1252") return "windows-1252";
  if (s == "ascii" || s == "ansi_x3.4-1968" || s == "us_ascii" || s == "iso646-us") return "us-ascii";
  if (s == "latin9" || s == "latin-9" || s == "iso8859-15" || s == "iso_8859-15" || s == "l9")
    return "iso-8859-15";
  if (s == "utf16") return "utf-16";
  return s;
}

std::string declared_xml_encoding(std::string_view b) {
  const std::size_t start = b.find('<');
  if (start == std::string_view::npos || start > 64 || b.compare(start, 5, "<?xml") != 0) return {};
  const std::size_t end = b.find("?>", start);
  const std::string_view decl = b.substr(start, end == std::string_view::npos ? 256 : end - start);
  std::size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return {};
  p = decl.find_first_of("\"'", p);
  if (p == std::string_view::npos) return {};
  const std::size_t q = decl.find(decl[p], p + 1);
  if (q == std::string_view::npos) return {};
  return normalize_charset(decl.substr(p + 1, q - p - 1));
}

namespace {

bool is_utf16_or_32(const std::string& cs) {
  return cs == "utf-16" || cs == "utf-16le" || cs == "utf-16be" || cs == "utf-32" ||
         cs == "utf-32le" || cs == "utf-32be" || cs == "ucs-2" || cs == "ucs-4";
}

bool is_builtin(const std::string& cs) {
  return cs == "utf-8" || cs == "iso-8859-1" || cs == "windows-1252" || cs == "us-ascii" ||
         cs == "iso-8859-15" || is_utf16_or_32(cs);
}

bool iconv_knows(const std::string& cs) {
  // The name comes from the document: only plain charset names reach iconv_open.
  if (cs.size() > 40) return false;
  for (const char c : cs)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
          c == ':'))
      return false;
  iconv_t cd = iconv_open("UTF-8", cs.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

bool known(const std::string& cs) { return !cs.empty() && (is_builtin(cs) || iconv_knows(cs)); }

// UTF-8 by declaration or default; falls back to Windows-1252 when that explains every byte
// (the commonest mislabelling: a CMS writing Latin-1 under an XML declaration it never set).
void decode_utf8_labelled(std::string_view body, Decoded& d) {
  if (text::is_valid_utf8(body)) {
    d.utf8.assign(body);
    return;
  }
  d.lossy = true;
  bool cp1252_ok = true;
  for (const char c : body) cp1252_ok = cp1252_ok && cp1252_defined(static_cast<unsigned char>(c));
  if (cp1252_ok) {
    d.utf8 = decode_cp1252(body);
    d.warnings.push_back("document is not valid " + d.encoding + "; decoded as windows-1252");
    d.encoding = "windows-1252";
  } else {
    d.utf8 = text::sanitize_utf8(body);
    d.warnings.push_back("invalid " + d.encoding + " byte sequences replaced with U+FFFD");
  }
}

void decode_named(std::string_view body, const std::string& cs, Decoded& d) {
  d.encoding = cs;
  if (cs == "utf-8") return decode_utf8_labelled(body, d);
  if (cs == "iso-8859-1" || cs == "windows-1252" || cs == "us-ascii") {
    d.utf8 = decode_cp1252(body);
    return;
  }
  if (cs == "iso-8859-15") {
    d.utf8 = decode_latin9(body);
    return;
  }
  if (cs == "utf-16le" || cs == "utf-16be" || cs == "utf-16" || cs == "ucs-2") {
    d.utf8 = decode_utf16(body, cs != "utf-16le");
    return;
  }
  if (is_utf16_or_32(cs)) {
    d.utf8 = decode_utf32(body, cs != "utf-32le");
    return;
  }
  if (!decode_iconv(body, cs, d.utf8)) {
    d.encoding = "utf-8";
    return decode_utf8_labelled(body, d);
  }
  if (d.utf8.find("\xEF\xBF\xBD") != std::string::npos && !text::is_valid_utf8(body)) d.lossy = true;
}

}  // namespace

Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset) {
  Decoded d;
  std::size_t bom_len = 0;
  const Bom bom = sniff_bom(bytes, bom_len);
  const std::string_view body = bytes.substr(bom_len);
  switch (bom) {
    case Bom::Utf8: decode_named(body, "utf-8", d); return d;
    case Bom::Utf16Le: decode_named(body, "utf-16le", d); return d;
    case Bom::Utf16Be: decode_named(body, "utf-16be", d); return d;
    case Bom::Utf32Le: decode_named(body, "utf-32le", d); return d;
    case Bom::Utf32Be: decode_named(body, "utf-32be", d); return d;
    case Bom::None: break;
  }
  std::string chosen;
  const std::string http = normalize_charset(http_charset);
  const std::string declared = declared_xml_encoding(body);
  if (known(http)) {
    chosen = http;
  } else if (known(declared) && !is_utf16_or_32(declared)) {
    // A UTF-16/32 declaration on bytes that are ASCII-compatible (no BOM, no "<\0") is a lie.
    chosen = declared;
  } else {
    chosen = "utf-8";
    for (const std::string* name : {&http, &declared}) {
      if (!name->empty() && !known(*name)) {
        d.lossy = true;
        d.warnings.push_back("unknown encoding '" + *name + "'; decoded as utf-8");
      }
    }
  }
  decode_named(body, chosen, d);
  return d;
}

}  // namespace atip::feed
