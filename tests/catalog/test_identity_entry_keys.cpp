#include <doctest/doctest.h>

#include <set>

#include "lib/catalog/identity_entry_keys.hpp"

using atip::catalog::EntryIdentityInput;
using atip::catalog::stable_entry_keys;

namespace {

std::size_t distinct(const std::vector<std::string>& keys) {
  return std::set<std::string>(keys.begin(), keys.end()).size();
}

}  // namespace

TEST_CASE("catalog::stable_entry_keys: unique guids are the keys") {
  const std::vector<EntryIdentityInput> feed = {{"urn:a", "https://x.org/1", "A", "Mon"},
                                                {"urn:b", "https://x.org/1", "B", "Tue"}};
  CHECK(stable_entry_keys(feed) == std::vector<std::string>{"urn:a", "urn:b"});
}

TEST_CASE("catalog::stable_entry_keys: a feed whose every guid is \"1\" falls back to links") {
  const std::vector<EntryIdentityInput> feed = {{"1", "https://x.org/a", "A", ""},
                                                {"1", "https://x.org/b", "B", ""},
                                                {"1", "https://x.org/c", "C", ""}};
  CHECK(stable_entry_keys(feed) == std::vector<std::string>{"link:https://x.org/a",
                                                            "link:https://x.org/b",
                                                            "link:https://x.org/c"});
}

TEST_CASE("catalog::stable_entry_keys: an empty guid falls back to the link, entry by entry") {
  const std::vector<EntryIdentityInput> feed = {{"", "https://x.org/a", "A", ""},
                                                {"urn:b", "https://x.org/b", "B", ""}};
  CHECK(stable_entry_keys(feed) == std::vector<std::string>{"link:https://x.org/a", "urn:b"});
}

TEST_CASE("catalog::stable_entry_keys: one repeated guid changes only the keys of the entries sharing it") {
  const std::vector<EntryIdentityInput> feed = {{"urn:a", "https://x.org/a", "A", ""},
                                                {"dup", "https://x.org/b", "B", ""},
                                                {"dup", "https://x.org/c", "C", ""}};
  CHECK(stable_entry_keys(feed) ==
        std::vector<std::string>{"urn:a", "link:https://x.org/b", "link:https://x.org/c"});
}

TEST_CASE("catalog::stable_entry_keys: shared links and bad guids fall back to title and date") {
  const std::vector<EntryIdentityInput> feed = {
      {"", "https://x.org/news", "Boletín 45", "Mon, 02 Mar 2026 10:00:00 GMT"},
      {"", "https://x.org/news", "Boletín 46", "Mon, 09 Mar 2026 10:00:00 GMT"},
      {"", "https://x.org/news", "Boletín 46", "Tue, 10 Mar 2026 10:00:00 GMT"}};
  const std::vector<std::string> keys = stable_entry_keys(feed);
  REQUIRE(keys.size() == 3);
  CHECK(distinct(keys) == 3);
  for (const std::string& k : keys) CHECK(k.rfind("hash:", 0) == 0);
  CHECK(keys[0].size() == 5 + 16);
  // Stable: the same entry gets the same key in the next fetch, whatever its position.
  CHECK(stable_entry_keys({feed[2], feed[0], feed[1]})[0] == keys[2]);
}

TEST_CASE("catalog::stable_entry_keys: an entry sent twice keeps one key") {
  const std::vector<EntryIdentityInput> feed = {{"", "", "Same", "2026-03-02"},
                                                {"", "", "Same", "2026-03-02"}};
  const std::vector<std::string> keys = stable_entry_keys(feed);
  CHECK(keys[0] == keys[1]);
  CHECK(stable_entry_keys({}).empty());
}
