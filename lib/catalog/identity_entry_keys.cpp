#include "lib/catalog/identity_entry_keys.hpp"

#include <unordered_map>

#include "lib/util/hash.hpp"

namespace atip::catalog {

namespace {

using Counts = std::unordered_map<std::string, int>;

Counts count(const std::vector<EntryIdentityInput>& entries, const std::string EntryIdentityInput::*field) {
  Counts n;
  for (const EntryIdentityInput& e : entries)
    if (!(e.*field).empty()) ++n[e.*field];
  return n;
}

}  // namespace

std::vector<std::string> stable_entry_keys(const std::vector<EntryIdentityInput>& entries) {
  const Counts ids = count(entries, &EntryIdentityInput::id);
  const Counts links = count(entries, &EntryIdentityInput::link);
  std::vector<std::string> keys;
  keys.reserve(entries.size());
  for (const EntryIdentityInput& e : entries) {
    if (!e.id.empty() && ids.at(e.id) == 1)
      keys.push_back(e.id);
    else if (!e.link.empty() && links.at(e.link) == 1)
      keys.push_back("link:" + e.link);
    else
      keys.push_back("hash:" + util::hash_hex(e.title + "\n" + e.published_raw));
  }
  return keys;
}

}  // namespace atip::catalog
