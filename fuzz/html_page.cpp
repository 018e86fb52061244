// libFuzzer target: an HTML page read for `atip add` (html::read_page_meta) and watched as a
// feed (html::watch_page, with and without a selector and a URL pattern), with and without an
// HTTP charset. Any crash, leak or UB is a bug, and so is a string handed on for storage that is
// not valid UTF-8: pages come from any web site.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/require_utf8.hpp"
#include "lib/html/page_meta.hpp"
#include "lib/html/page_watch.hpp"

using atip::fuzz::require_utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the charset, the selector and the pattern.
  static constexpr const char* charsets[] = {"", "utf-8", "iso-8859-1", "windows-1252", "bogus"};
  const std::uint8_t pick = size > 0 ? data[0] : 0;
  const std::string charset = charsets[pick % 5];

  const atip::html::PageMeta m = atip::html::read_page_meta(bytes, charset, "http://example.org/a/page.html");
  for (const std::string* s : {&m.title, &m.date_raw, &m.language, &m.publisher, &m.description,
                               &m.canonical, &m.pdf_url, &m.encoding})
    require_utf8(*s, "a page's metadata");
  for (const auto* values : {&m.authors, &m.identifiers})
    for (const auto& v : *values) require_utf8(v, "a page's author or identifier");

  atip::feed::Hints hints;
  hints.http_charset = charset;
  hints.base_url = "http://example.org/a/";
  atip::html::PageWatch watch;
  if (pick & 0x40) watch.select = "main .item a";
  if (pick & 0x80) watch.match = "*.pdf";
  const atip::feed::ParseResult r = atip::html::watch_page(bytes, hints, watch);
  if (r.ok)
    require_utf8(r.feed);
  else
    require_utf8(r.error, "the error");
  return 0;
}
