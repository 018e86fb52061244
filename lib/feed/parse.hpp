#pragma once
// bytes -> Feed. The format is detected from the document itself, never from a URL or a
// Content-Type. Never throws on bad input: failures come back as a ParseResult with `ok` false.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/feed/feed.hpp"

namespace atip::feed {

struct Hints {
  std::string http_charset;  // charset parameter of the HTTP Content-Type, if any
  std::string base_url;      // the URL the bytes came from, to resolve relative links
};

struct ParseResult {
  bool ok = false;
  Feed feed;           // valid when ok (may hold warnings)
  std::string error;   // when !ok: one line, lower-case start, e.g. "not a feed: an HTML page"
  // When the bytes are an HTML page: the feeds it advertises with <link rel="alternate">,
  // absolute when a base URL was known.
  std::vector<std::string> advertised_feeds;
};

ParseResult parse(std::string_view bytes, const Hints& hints = {});
// The same, taking the bytes over: they are freed as soon as the XML tree is built, so a large
// feed is not held twice while its entries are extracted (`atip parse`, scripts/bench parse).
// With `reload` (which returns the same bytes again, e.g. by reading the file once more), a
// document that is already valid UTF-8 is not even copied: the buffer itself is parsed in
// place, and `reload` is called only on the rare paths that need the original text again
// (recovering an ill-formed document, an HTML page).
ParseResult parse_owned(std::string&& bytes, const Hints& hints = {},
                        const std::function<std::string()>& reload = {});

}  // namespace atip::feed
