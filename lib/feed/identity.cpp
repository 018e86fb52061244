#include "lib/feed/identity.hpp"

#include <unordered_set>

#include "lib/util/hash.hpp"

namespace atip::feed {

namespace {

// Each part's length is mixed in (hash64 seeds with it), so ("ab", "c") and ("a", "bc") differ.
std::string hash_of(std::initializer_list<std::string_view> parts) {
  std::uint64_t h = util::kFnvOffset;
  for (const auto p : parts) h = util::hash64(p, h);
  return util::to_hex(h);
}

}  // namespace

std::string entry_key(const Entry& e) {
  if (!e.id.empty()) return e.id;
  if (!e.link.empty()) return e.link;
  return "hash:" + hash_of({e.title, e.published.raw});
}

std::string entry_content_hash(const Entry& e) {
  return hash_of({e.title, e.summary.empty() ? e.content : e.summary, e.link});
}

void assign_identity(Feed& feed) {
  // Views into the entries' keys: the vector is not resized while the set is alive.
  std::unordered_set<std::string_view> seen;
  seen.reserve(feed.entries.size());
  for (Entry& e : feed.entries) {
    e.content_hash = entry_content_hash(e);
    e.key = entry_key(e);
    if (seen.count(e.key) > 0 && !e.id.empty()) e.key = e.id + " " + e.link;
    if (seen.count(e.key) > 0) e.key = "hash:" + hash_of({e.id, e.link, e.title, e.published.raw});
    seen.insert(e.key);
  }
}

}  // namespace atip::feed
