#pragma once
// Byte decoders behind encoding.hpp (internal to lib/feed). Each returns valid UTF-8: bytes or
// units that do not decode become U+FFFD.
#include <string>
#include <string_view>

namespace atip::feed::charsets {

// True for the 251 byte values Windows-1252 defines (all but 0x81 0x8D 0x8F 0x90 0x9D).
bool cp1252_defined(unsigned char b);

// Windows-1252; undefined bytes map to the C1 control of the same value, as browsers do.
std::string decode_cp1252(std::string_view s);
// ISO-8859-15 (Latin-9: € at 0xA4).
std::string decode_latin9(std::string_view s);
// UTF-16 with surrogate pairs; lone surrogates and a trailing odd byte become U+FFFD.
std::string decode_utf16(std::string_view s, bool big_endian);
std::string decode_utf32(std::string_view s, bool big_endian);

// Any charset glibc iconv knows; false when iconv cannot open `charset`. The name must already
// be vetted (encoding.cpp only passes plain charset names).
bool decode_iconv(std::string_view s, const std::string& charset, std::string& out);

}  // namespace atip::feed::charsets
