#pragma once
// An HTML page's bytes -> UTF-8. Precedence, first match wins: a byte-order mark; the HTTP
// Content-Type charset; a <meta charset> or <meta http-equiv="Content-Type"> in the first
// 4 KiB; UTF-8, with text that is not valid UTF-8 but is all Windows-1252 decoded as such.
// ISO-8859-1 and US-ASCII are read as Windows-1252, as browsers do (lib/feed/encoding.hpp does
// the decoding). A <meta> that claims UTF-16 or UTF-32 on bytes that are ASCII-compatible
// means UTF-8 (WHATWG: a page cannot declare those from inside itself).
#include <string>
#include <string_view>

#include "lib/feed/encoding.hpp"

namespace atip::html {

// The charset a <meta> near the start of `bytes` declares, normalised; "" when none.
std::string meta_charset(std::string_view bytes);

feed::Decoded decode_page(std::string_view bytes, std::string_view http_charset);

}  // namespace atip::html
