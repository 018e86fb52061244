#pragma once
// Bytes -> UTF-8, before any XML parsing (pugixml is then told the buffer is UTF-8, so the
// document's own encoding declaration is never consulted again and needs no rewriting).
//
// Charset precedence, first match wins:
//   1. a byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//   2. no BOM but the first bytes are '<' '?' in UTF-16 or UTF-32 ("<\0?\0" …): that encoding;
//   3. the HTTP Content-Type charset (Hints::http_charset), when it names a known charset;
//   4. the XML declaration's encoding="…", when it names a known charset;
//   5. UTF-8.
// ISO-8859-1, US-ASCII and "latin1" are decoded as Windows-1252, as browsers do, so bytes
// 0x80-0x9F become curly quotes and dashes instead of C1 controls. UTF-8 chosen by steps 3-5
// that turns out invalid while every byte is defined in Windows-1252 is decoded as
// Windows-1252 with a warning. Other charsets (Big5, EUC-KR, KOI8-R, ISO-8859-2 …) go through
// glibc iconv, which ships with libc: hand tables for the common Western ones keep the hot path
// free of iconv, and iconv covers the long tail without us maintaining CJK tables.
// Invalid sequences always become U+FFFD: the output is valid UTF-8 whatever the input.
#include <string>
#include <string_view>
#include <vector>

namespace atip::feed {

struct Decoded {
  std::string utf8;      // without BOM
  std::string encoding;  // lower-case name of the charset used, e.g. "utf-8", "iso-8859-1"
  bool lossy = false;    // invalid bytes replaced, or decoded against the declaration
  // `utf8` is known to be valid UTF-8: checked, or written by our own tables. iconv's output
  // (the long tail of charsets) is not vouched for, so its strings are checked again later.
  bool verified = false;
  std::vector<std::string> warnings;
};

// `reuse`, when non-null, must hold `bytes`: if the document is already valid UTF-8 it is moved
// into the result (without its BOM) instead of copied, and *reuse is left empty, so `bytes`
// dangles afterwards. Otherwise *reuse is untouched.
Decoded decode_to_utf8(std::string_view bytes, std::string_view http_charset,
                       std::string* reuse = nullptr);

// The encoding="…" value of an XML declaration at the start of ASCII-compatible `bytes`
// (lower-cased), or empty.
std::string declared_xml_encoding(std::string_view bytes);

// Lower-cased, trimmed, quotes removed; common aliases mapped to one name ("utf8" -> "utf-8",
// "latin1" -> "iso-8859-1", "cp1252" -> "windows-1252").
std::string normalize_charset(std::string_view name);

// True when `name` (any spelling normalize_charset accepts) is a charset decode_to_utf8 can
// honour as a hint: one of its own tables or one glibc iconv provides.
bool is_known_charset(std::string_view name);

}  // namespace atip::feed
