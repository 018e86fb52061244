#pragma once
// A set of document ids tested inside a statement: atip_in_ids(id) is true when `id` is in the
// set an IdSetScope holds on the calling thread. A search limited to a closed date range tests
// each match against the ids the date index holds for the range (search_select.cpp): SQLite's
// own list for "IN (subquery)" cost five times more to build than reading the ids, since the
// date index gives them out of id order and each went into a b-tree.
#include <cstdint>
#include <vector>

struct sqlite3;

namespace atip::store {

// Registers atip_in_ids on a connection to the catalogue.
void register_id_set(sqlite3* db);

// While it lives, atip_in_ids() on this thread tests membership in `ids` (sorted ascending,
// outliving the scope); outside any scope it is an SQL error. A connection is used by one
// thread at a time, and its statements step on that thread.
class IdSetScope {
 public:
  explicit IdSetScope(const std::vector<std::int64_t>& ids);
  ~IdSetScope();
  IdSetScope(const IdSetScope&) = delete;
  IdSetScope& operator=(const IdSetScope&) = delete;

 private:
  const std::vector<std::int64_t>* previous_;
};

}  // namespace atip::store
