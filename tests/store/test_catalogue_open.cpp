#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "lib/store/catalogue.hpp"
#include "lib/store/database.hpp"
#include "lib/util/error.hpp"
#include "tests/common/temp_dir.hpp"

using atip::store::Catalogue;
using atip::store::OpenMode;
using atip::testing::TempDir;

namespace {
int user_version(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA user_version").getInt();
}

int exit_code_of_open(const std::string& path, OpenMode mode, std::string* message = nullptr) {
  try {
    Catalogue c(path, mode);
  } catch (const atip::Error& e) {
    if (message) *message = e.what();
    return e.exit_code();
  }
  return 0;
}
}  // namespace

TEST_CASE("store::open: a new catalogue is created in a new folder and migrated to the current level") {
  TempDir tmp;
  const std::string path = tmp.file("deep/er/catalogue.db");
  { Catalogue c(path, OpenMode::ReadWrite); }
  CHECK(std::filesystem::exists(path));
  CHECK(user_version(path) == atip::store::current_schema_level());
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  for (const char* table : {"feed", "feed_tag", "document", "sighting", "tag", "document_fts", "fetch_log"}) {
    SQLite::Statement st(db, "SELECT count(*) FROM sqlite_master WHERE name = ?");
    st.bind(1, table);
    REQUIRE(st.executeStep());
    CHECK_MESSAGE(st.getColumn(0).getInt() == 1, table);
  }
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("store::open: reopening keeps what was stored and applies no migration twice") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  {
    Catalogue c(path, OpenMode::ReadWrite);
    CHECK(c.add_feed({"https://example.org/feed", "Example", "", {"ngo"}}, 1000).has_value());
  }
  {
    Catalogue c(path, OpenMode::ReadWrite);
    auto feeds = c.feeds();
    REQUIRE(feeds.size() == 1);
    CHECK(feeds[0].title == "Example");
    CHECK(feeds[0].tags == std::vector<std::string>{"ngo"});
  }
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK(atip::store::migrate(db, path) == 0);
}

TEST_CASE("store::open: a catalogue from a newer atip is refused with a clear message") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  { Catalogue c(path, OpenMode::ReadWrite); }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 999");
  }
  std::string message;
  CHECK(exit_code_of_open(path, OpenMode::ReadWrite, &message) == atip::kExitCatalogue);
  CHECK(message.find("newer atip") != std::string::npos);
  CHECK(message.find("999") != std::string::npos);
  CHECK(exit_code_of_open(path, OpenMode::ReadOnly) == atip::kExitCatalogue);
  CHECK(user_version(path) == 999);  // untouched
}

TEST_CASE("store::open: a directory, a non-SQLite file and a missing file for reading are clear errors") {
  TempDir tmp;
  std::string message;
  CHECK(exit_code_of_open(tmp.path().string(), OpenMode::ReadWrite, &message) == atip::kExitCatalogue);
  CHECK(message.find("is a directory") != std::string::npos);

  const std::string junk = tmp.write("junk.db", std::string(4096, 'x'));
  CHECK(exit_code_of_open(junk, OpenMode::ReadWrite, &message) == atip::kExitCatalogue);
  CHECK(message.find("not an SQLite database") != std::string::npos);
  std::ifstream in(junk, std::ios::binary);
  std::string after((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(after == std::string(4096, 'x'));  // nothing written into someone else's file

  CHECK(exit_code_of_open(tmp.file("missing.db"), OpenMode::ReadOnly, &message) == atip::kExitCatalogue);
  CHECK(message.find("no catalogue") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.file("missing.db")));
}

TEST_CASE("store::migrate: a failing step leaves the catalogue at its previous level") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // A table in the way makes step 1 fail half-way; the transaction must undo all of it.
  db.exec("CREATE TABLE fetch_log(x)");
  CHECK_THROWS(atip::store::migrate(db, path));
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'feed'").getInt() == 0);
}
