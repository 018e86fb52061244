// atip_in_ids(): membership in the set an IdSetScope holds, an SQL error outside any scope, and
// never usable from the schema.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "lib/store/id_set.hpp"

using atip::store::IdSetScope;

namespace {

int in_ids(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement st(db, "SELECT atip_in_ids(?)");
  st.bind(1, id);
  return st.executeStep() ? st.getColumn(0).getInt() : -1;
}

}  // namespace

TEST_CASE("id_set: atip_in_ids tests the set in scope, and nothing outside one") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  atip::store::register_id_set(db.getHandle());
  CHECK_THROWS_WITH_AS(in_ids(db, 1), doctest::Contains("no set of ids in scope"), SQLite::Exception);
  const std::vector<std::int64_t> odd = {1, 3, 5, 1'000'000'007};
  {
    const IdSetScope scope(odd);
    CHECK(in_ids(db, 1) == 1);
    CHECK(in_ids(db, 2) == 0);
    CHECK(in_ids(db, 1'000'000'007) == 1);
    const std::vector<std::int64_t> none;
    {
      const IdSetScope inner(none);
      CHECK(in_ids(db, 1) == 0);
    }
    CHECK(in_ids(db, 5) == 1);  // the outer set again
  }
  CHECK_THROWS_AS(in_ids(db, 1), SQLite::Exception);
  // A view may not call it: the set exists only while atip's own statement runs.
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY)");
  db.exec("INSERT INTO t VALUES (1), (2)");
  db.exec("CREATE VIEW v AS SELECT id FROM t WHERE atip_in_ids(id)");
  const IdSetScope scope(odd);
  CHECK_THROWS_AS(db.exec("SELECT * FROM v"), SQLite::Exception);
}
