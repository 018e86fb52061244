#include "lib/feed/encoding.hpp"

#include <iconv.h>

#include "lib/feed/charsets.hpp"
#include "lib/text/utf8.hpp"

namespace atip::feed {

namespace {

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
  if (s == "ascii" || s == "ansi_x3.4-1968" || s == "us_ascii" || s == "iso646-us")
    return "us-ascii";
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

}  // namespace

bool is_known_charset(std::string_view name) { return known(normalize_charset(name)); }

namespace {

// UTF-8 by declaration or default; falls back to Windows-1252 when that explains every byte
// (the commonest mislabelling: a CMS writing Latin-1 under an XML declaration it never set).
void decode_utf8_labelled(std::string_view body, Decoded& d, std::string* reuse) {
  if (text::is_valid_utf8(body)) {
    if (reuse) {
      // `body` is the tail of *reuse (after a BOM): drop the head and take the buffer over.
      reuse->erase(0, reuse->size() - body.size());
      d.utf8 = std::move(*reuse);
      reuse->clear();
    } else {
      d.utf8.assign(body);
    }
    return;
  }
  d.lossy = true;
  bool cp1252_ok = true;
  for (const char c : body)
    cp1252_ok = cp1252_ok && charsets::cp1252_defined(static_cast<unsigned char>(c));
  if (cp1252_ok) {
    d.utf8 = charsets::decode_cp1252(body);
    d.warnings.push_back("document is not valid " + d.encoding + "; decoded as windows-1252");
    d.encoding = "windows-1252";
  } else {
    d.utf8 = text::sanitize_utf8(body);
    d.warnings.push_back("invalid " + d.encoding + " byte sequences replaced with U+FFFD");
  }
}

void decode_named(std::string_view body, const std::string& cs, Decoded& d,
                  std::string* reuse = nullptr) {
  d.encoding = cs;
  d.verified = true;
  if (cs == "utf-8") return decode_utf8_labelled(body, d, reuse);
  if (cs == "iso-8859-1" || cs == "windows-1252" || cs == "us-ascii") {
    d.utf8 = charsets::decode_cp1252(body);
    return;
  }
  if (cs == "iso-8859-15") {
    d.utf8 = charsets::decode_latin9(body);
    return;
  }
  if (cs == "utf-16le" || cs == "utf-16be" || cs == "utf-16" || cs == "ucs-2") {
    d.utf8 = charsets::decode_utf16(body, cs != "utf-16le");
    return;
  }
  if (is_utf16_or_32(cs)) {
    d.utf8 = charsets::decode_utf32(body, cs != "utf-32le");
    return;
  }
  if (!charsets::decode_iconv(body, cs, d.utf8)) {
    d.encoding = "utf-8";
    return decode_utf8_labelled(body, d, nullptr);
  }
  d.verified = false;
  if (d.utf8.find("\xEF\xBF\xBD") != std::string::npos && !text::is_valid_utf8(body))
    d.lossy = true;
}

}  // namespace

Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset,
                       std::string* reuse) {
  Decoded d;
  std::size_t bom_len = 0;
  const Bom bom = sniff_bom(bytes, bom_len);
  const std::string_view body = bytes.substr(bom_len);
  switch (bom) {
    case Bom::Utf8:
      decode_named(body, "utf-8", d, reuse);
      return d;
    case Bom::Utf16Le:
      decode_named(body, "utf-16le", d);
      return d;
    case Bom::Utf16Be:
      decode_named(body, "utf-16be", d);
      return d;
    case Bom::Utf32Le:
      decode_named(body, "utf-32le", d);
      return d;
    case Bom::Utf32Be:
      decode_named(body, "utf-32be", d);
      return d;
    case Bom::None:
      break;
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
        // The name is quoted as written, before any decoding: its bytes may be anything.
        d.warnings.push_back("unknown encoding '" + text::sanitize_utf8(*name) + "'; decoded as utf-8");
      }
    }
  }
  decode_named(body, chosen, d, reuse);
  return d;
}

}  // namespace atip::feed
