#pragma once
// The invariant every fuzz target checks besides crashes, leaks and undefined behaviour: what a
// parser hands on to be stored or printed is valid UTF-8, whatever the input. Inline, for the
// one translation unit of each target.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "lib/feed/feed.hpp"
#include "lib/text/utf8.hpp"

namespace atip::fuzz {

inline void require_utf8(const std::string& s, const char* what) {
  if (atip::text::is_valid_utf8(s)) return;
  std::fprintf(stderr, "fuzz: %s is not valid UTF-8\n", what);
  std::abort();
}

inline void require_utf8(const atip::feed::Entry& e) {
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
      for (const std::string* s : {&l.href, &l.hreflang, &l.type, &l.title}) require_utf8(*s, "a link");
  for (const auto* values : {&e.relations, &e.identifiers})
    for (const auto& v : *values) require_utf8(v, "a relation or identifier");
}

inline void require_utf8(const atip::feed::Feed& f) {
  require_utf8(f.encoding, "the feed's encoding");
  for (const auto& w : f.warnings) require_utf8(w, "a warning");
  require_utf8(f.title, "the feed's title");
  require_utf8(f.link, "the feed's link");
  require_utf8(f.description, "the feed's description");
  require_utf8(f.language, "the feed's language");
  require_utf8(f.updated.raw, "the feed's raw updated date");
  require_utf8(f.published.raw, "the feed's raw published date");
  for (const auto& e : f.entries) require_utf8(e);
}

}  // namespace atip::fuzz
