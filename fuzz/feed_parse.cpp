// libFuzzer target: feed::parse over every format (RSS, Atom, JSON Feed, HTML pages, binary),
// with and without HTTP hints, plus the JSON writer. Any crash, leak or UB is a bug, and so is
// any string of the result that is not valid UTF-8: `atip fetch` stores the Feed's strings
// without going through the JSON writer, which re-checks its own output.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lib/feed/json_output.hpp"
#include "lib/feed/parse.hpp"
#include "lib/text/utf8.hpp"

namespace {

void require_utf8(const std::string& s, const char* what) {
  if (atip::text::is_valid_utf8(s)) return;
  std::fprintf(stderr, "feed_parse: %s is not valid UTF-8\n", what);
  std::abort();
}

void require_utf8(const atip::feed::Feed& f) {
  require_utf8(f.encoding, "the feed's encoding");
  for (const auto& w : f.warnings) require_utf8(w, "a warning");
  require_utf8(f.title, "the feed's title");
  require_utf8(f.link, "the feed's link");
  require_utf8(f.description, "the feed's description");
  require_utf8(f.language, "the feed's language");
  require_utf8(f.updated.raw, "the feed's raw updated date");
  require_utf8(f.published.raw, "the feed's raw published date");
  for (const auto& e : f.entries) {
    for (const std::string* s : {&e.id, &e.title, &e.link, &e.summary, &e.content, &e.language,
                                 &e.key, &e.content_hash, &e.published.raw, &e.updated.raw})
      require_utf8(*s, "an entry's field");
    for (const auto& p : e.authors)
      for (const std::string* s : {&p.name, &p.email, &p.uri}) require_utf8(*s, "an author");
    for (const auto& c : e.categories) require_utf8(c, "a category");
    for (const auto& x : e.enclosures)
      for (const std::string* s : {&x.url, &x.type}) require_utf8(*s, "an enclosure");
    for (const auto* links : {&e.alternates, &e.related})
      for (const auto& l : *links)
        for (const std::string* s : {&l.href, &l.hreflang, &l.type, &l.title})
          require_utf8(*s, "a link");
    for (const auto* values : {&e.relations, &e.identifiers})
      for (const auto& v : *values) require_utf8(v, "a relation or identifier");
  }
}

}  // namespace

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
