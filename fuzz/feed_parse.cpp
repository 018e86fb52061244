// libFuzzer target: feed::parse over every format (RSS, Atom, JSON Feed, HTML pages, binary),
// with and without HTTP hints, plus the JSON writer. Any crash, leak or UB is a bug, and so is
// any string of the result that is not valid UTF-8: `atip fetch` stores the Feed's strings
// without going through the JSON writer, which re-checks its own output.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lib/feed/json_output.hpp"
#include "lib/feed/parse.hpp"
#include "fuzz/require_utf8.hpp"

using atip::fuzz::require_utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the hints so the HTTP-charset and base-URL paths are explored too.
  atip::feed::Hints hints;
  if (size > 0) {
    static constexpr const char* charsets[] = {"", "utf-8", "iso-8859-1", "windows-1252", "utf-16", "bogus"};
    hints.http_charset = charsets[data[0] % 6];
    if (data[0] & 0x80) hints.base_url = "http://example.org/a/b/";
  }
  const atip::feed::ParseResult r = atip::feed::parse(bytes, hints);
  if (r.ok) {
    require_utf8(r.feed);
    require_utf8(atip::feed::to_json(r.feed), "the JSON output");
  } else {
    require_utf8(r.error, "the error");
    for (const auto& url : r.advertised_feeds) require_utf8(url, "an advertised feed");
  }
  return 0;
}
