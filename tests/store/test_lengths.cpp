// Documents' lengths for the ranking (lib/store/lengths.hpp, schema/0011): recorded as the
// full-text index counts them, marked stale by any change, recorded again, rebuilt on upgrade
// and repair.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>

#include "lib/store/catalogue.hpp"
#include "lib/store/doctor.hpp"
#include "lib/store/lengths.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/catalogue_fixture.hpp"
#include "tests/store/entry_record.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

EntryRecord entry(const std::string& key, const std::string& title, const std::string& summary) {
  EntryRecord e = atip::testing::entry_record(key, title, "a.example/" + key, title + summary);
  e.summary = summary;
  return e;
}

// The recorded length of each document (0: none recorded), as the ranking reads them.
std::vector<int> recorded(const std::string& path, std::int64_t last_id) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  LengthReader reader(db.getHandle());
  std::vector<int> out;
  for (std::int64_t id = 1; id <= last_id; ++id) out.push_back(reader.length(id));
  return out;
}

std::string words(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " w" : "w") + std::to_string(i);
  return s;
}

}  // namespace

TEST_CASE("lengths: a new document's length is recorded as the full-text index counts it") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  {
    Catalogue c(path, OpenMode::ReadWrite);
    const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
    // Title and summary together: 3 + 4 tokens; 2 + 1 (the apostrophe splits "d'enfants");
    // one too long for a byte, which the ranking reads from the index instead.
    c.ingest(feed, "A",
             {entry("k1", "Informe sobre trata", "Uno, dos; tres cuatro."), entry("k2", "Traite d'enfants", ""),
              entry("k3", "Long", words(300))},
             100);
  }
  CHECK(recorded(path, 4) == std::vector<int>{7, 3, 0, 0});
}

TEST_CASE("lengths: a changed or deleted document is read from the index until its length is recorded again") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(feed, "A", {entry("k1", "Uno dos", "tres"), entry("k2", "Cuatro", "cinco")}, 100);
  REQUIRE(recorded(path, 2) == std::vector<int>{3, 2});
  {
    // Another program's change: the triggers see it.
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("UPDATE document SET summary = 'tres y cuatro más' WHERE id = 1");
  }
  CHECK(recorded(path, 2) == std::vector<int>{0, 2});
  // The feed sends the second entry changed, and a new one: the write records all three.
  c.ingest(feed, "A", {entry("k2", "Cuatro cinco seis", "siete"), entry("k3", "Ocho", "nueve")}, 200);
  CHECK(recorded(path, 3) == std::vector<int>{6, 4, 2});
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("DELETE FROM sighting WHERE document_id = 3");
    other.exec("DELETE FROM document WHERE id = 3");
  }
  c.ingest(feed, "A", {entry("k4", "Diez", "once doce")}, 300);
  // The new document took the deleted one's id, and its own length.
  CHECK(recorded(path, 3) == std::vector<int>{6, 4, 3});
}

TEST_CASE("lengths: an upgraded catalogue records them when first opened for writing; a repair again") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  atip::testing::load_fixture(10, path);
  { Catalogue c(path, OpenMode::ReadWrite); }
  const auto upgraded = recorded(path, 5);
  for (const int n : upgraded) CHECK(n > 0);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE document_length");
  }
  // New documents are still taken, searches read lengths from the index, and the doctor can
  // make the table again.
  {
    Catalogue c(path, OpenMode::ReadWrite);
    CHECK(c.ingest_unowned("hand", "me", {entry("h1", "Informe", "nuevo")}, 100).front().document_id == 6);
  }
  CHECK(recorded(path, 6) == std::vector<int>(6, 0));
  const auto report = check_catalogue(path);
  REQUIRE(!report.problems.empty());
  CHECK(report.problems.front().message == "table 'document_length' is missing");
  CHECK(report.problems.front().repairable);
  repair_catalogue(path);
  CHECK(check_catalogue(path).problems.empty());
  auto with_new = upgraded;
  with_new.push_back(2);
  CHECK(recorded(path, 6) == with_new);
  {
    // A damaged byte (document 2 said to be 200 tokens long) is found, and mended.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE document_length SET lengths = substr(lengths, 1, 2) || x'c8' || substr(lengths, 4)");
  }
  const auto damaged = check_catalogue(path);
  CHECK(recorded(path, 6)[1] == 200);
  REQUIRE(damaged.problems.size() == 1);
  CHECK(damaged.problems.front().message == "1 documents' recorded lengths differ from the index's");
  CHECK(damaged.problems.front().repairable);
  repair_catalogue(path);
  CHECK(check_catalogue(path).problems.empty());
  CHECK(recorded(path, 6) == with_new);
}
