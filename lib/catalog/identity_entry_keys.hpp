#pragma once
// Entry keys for identity rule 1 (same feed + same key), chosen per feed so that feeds with
// broken GUIDs still give every entry a key of its own.
#include <string>
#include <vector>

namespace atip::catalog {

// What a feed says about one entry, verbatim.
struct EntryIdentityInput {
  std::string id;  // guid / atom:id; may be empty
  std::string link;
  std::string title;
  std::string published_raw;  // the date text as found, not parsed
};

// One key per entry, same order: the strongest that is present and unique among this fetch's
// entries, decided entry by entry: the id ("…guid…"); else "link:" + link (a CMS that puts "1"
// or nothing in every guid); else "hash:" + 16 hex digits of FNV-1a over title + "\n" +
// published_raw. Entries with a unique id keep it even when others repeat theirs, so one bad
// item never changes every key of a feed; entries identical in title and date share a key
// (one entry sent twice). Should a feed start repeating an id, only those entries change key,
// and the store finds their works again by canonical URL (rule 2).
std::vector<std::string> stable_entry_keys(const std::vector<EntryIdentityInput>& entries);

}  // namespace atip::catalog
