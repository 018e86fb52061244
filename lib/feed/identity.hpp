#pragma once
// Entry identity within one feed, computed right after parsing.
//
// key: the entry's id when non-empty, else its link, else "hash:" + 16 hex digits of the hash of
//      title and published raw text. Feeds that repeat one id for distinct entries
//      (some CMSs put the feed URL or "0" in every guid) would collapse them, so when a key
//      repeats within the feed, the later entries use the stricter "id + ' ' + link" (and, if
//      that still repeats, "hash:" of id, link, title and published), and the first keeps the
//      plain key. Keys are therefore unique within one parse unless entries are identical.
// content_hash: 16 hex digits of the hash of title, summary (or content when there is no
//      summary) and link: changes when one of those changes.
// Both use util::hash64, chained part by part with each part's length mixed in; both are
// non-cryptographic (lib/util/hash.hpp) and stable across releases: they are stored.
#include <string>

#include "lib/feed/feed.hpp"

namespace atip::feed {

std::string entry_key(const Entry& e);
std::string entry_content_hash(const Entry& e);

// Sets key and content_hash on every entry of `feed`, disambiguating repeated keys.
void assign_identity(Feed& feed);

}  // namespace atip::feed
