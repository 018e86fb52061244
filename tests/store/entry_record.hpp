#pragma once
// A feed entry as the store receives it, for the store's tests: a title, a canonical URL (and
// the link it came from), a content hash, a fixed date.
#include <string>

#include "lib/store/catalogue.hpp"

namespace atip::testing {

inline store::EntryRecord entry_record(const std::string& key, const std::string& title,
                                       const std::string& canonical, const std::string& hash = "h1") {
  store::EntryRecord e;
  e.entry_key = key;
  e.content_hash = hash;
  e.link = "https://" + canonical;
  e.canonical_url = canonical;
  e.title = title;
  e.summary = "Summary of " + title;
  e.published = 1'780'000'000;
  return e;
}

}  // namespace atip::testing
