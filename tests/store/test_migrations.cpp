// Upgrading catalogues written by every earlier schema level (tests/data/catalogues/): every
// document, sighting, revision and screening mark survives, search works, the doctor finds
// nothing, and a copy of the old file is written first.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>

#include "lib/store/catalogue.hpp"
#include "lib/store/database.hpp"
#include "lib/store/doctor.hpp"
#include "lib/util/error.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/catalogue_fixture.hpp"

using atip::store::Catalogue;
using atip::store::OpenMode;
using atip::testing::TempDir;

namespace {

int user_version(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA user_version").getInt();
}

std::vector<std::int64_t> search_ids(Catalogue& cat, const std::string& fts) {
  atip::store::Selection sel;
  sel.fts_query = fts;
  std::vector<std::int64_t> ids;
  cat.select(sel, [&](const atip::store::Document& d) { ids.push_back(d.id); });
  return ids;
}

// Through search's own path (ranked in a window, filters tested before the document).
std::vector<std::int64_t> ranked_ids(Catalogue& cat, const std::string& fts, const std::string& language,
                                     const std::string& state = "") {
  atip::store::Selection sel;
  sel.fts_query = fts;
  sel.order = atip::store::Selection::Order::Rank;
  sel.rank_window = 100;
  sel.limit = 10;
  if (!language.empty()) sel.languages = {language};
  if (!state.empty()) sel.states = {state};
  std::vector<std::int64_t> ids;
  cat.search(sel, false, [&](const atip::store::Document& d) { ids.push_back(d.id); });
  return ids;
}

}  // namespace

TEST_CASE("migrations: a catalogue of every earlier schema level is kept under tests/data") {
  const int current = atip::store::current_schema_level();
  for (int level = 1; level < current; ++level) {
    CAPTURE(level);
    REQUIRE_MESSAGE(std::filesystem::exists(atip::testing::fixture_sql(level)),
                    "run tests/data/catalogues/make-fixtures ", level, " before adding a migration");
    TempDir tmp;
    atip::testing::load_fixture(level, tmp.file("c.db"));
    CHECK(user_version(tmp.file("c.db")) == level);
  }
}

TEST_CASE("migrations: upgrading each earlier catalogue keeps every document and writes a backup first") {
  const int current = atip::store::current_schema_level();
  for (int level = 1; level <= current; ++level) {
    if (!std::filesystem::exists(atip::testing::fixture_sql(level))) continue;
    CAPTURE(level);
    TempDir tmp;
    const std::string db = tmp.file("catalogue.db");
    atip::testing::load_fixture(level, db);
    const auto before = atip::testing::stored_documents(db);
    const auto tags_before = atip::testing::stored_tags(db);
    REQUIRE(before.size() > 10);
    const std::string backup = atip::store::upgrade_backup_path(db, level);
    {
      Catalogue cat(db, OpenMode::ReadWrite);
      CHECK(cat.count_documents() == 5);
      CHECK(search_ids(cat, "mexico") == std::vector<std::int64_t>{3});
      CHECK(search_ids(cat, "forced") == std::vector<std::int64_t>{2});
      CHECK(ranked_ids(cat, "trata", "es") == std::vector<std::int64_t>{3});
      CHECK(ranked_ids(cat, "trata", "en").empty());
      CHECK(ranked_ids(cat, "report", "", "included") == std::vector<std::int64_t>{1});
      CHECK(ranked_ids(cat, "report", "", "starred") == std::vector<std::int64_t>{1});
      CHECK(ranked_ids(cat, "forced", "", "maybe") == std::vector<std::int64_t>{2});
      CHECK(ranked_ids(cat, "forced", "", "included").empty());
    }
    CHECK(user_version(db) == current);
    {
      // Level 13: the full-text index merges 16 segments of a size, not 4 (schema/0013).
      SQLite::Database check(db, SQLite::OPEN_READONLY);
      CHECK(check.execAndGet("SELECT v FROM document_fts_config WHERE k = 'automerge'").getInt() == 16);
      CHECK(check.execAndGet("SELECT v FROM document_fts_config WHERE k = 'hashsize'").getInt() == 8 << 20);
    }
    CHECK(atip::testing::stored_documents(db) == before);
    CHECK(atip::testing::stored_tags(db) == tags_before);
    const auto report = atip::store::check_catalogue(db);
    for (const auto& p : report.problems) FAIL_CHECK(p.check << ": " << p.message);
    CHECK(report.documents == 5);
    if (level < current) {
      REQUIRE(std::filesystem::exists(backup));
      CHECK(user_version(backup) == level);
      CHECK(atip::testing::stored_documents(backup) == before);
    } else {
      CHECK_FALSE(std::filesystem::exists(backup));
    }
    // Only the catalogue, its backup and SQLite's own files: no temporary copy left behind.
    for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
      CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

TEST_CASE("migrations: when the backup cannot be written, the catalogue is not upgraded") {
  TempDir tmp;
  const std::string db = tmp.file("catalogue.db");
  atip::testing::load_fixture(1, db);
  const auto before = atip::testing::stored_documents(db);
  // A folder where the backup should go makes the copy fail, as a full disk would.
  std::filesystem::create_directory(atip::store::upgrade_backup_path(db, 1));
  try {
    Catalogue cat(db, OpenMode::ReadWrite);
    FAIL("the upgrade went ahead without its backup");
  } catch (const atip::Error& e) {
    CHECK(e.exit_code() == atip::kExitCatalogue);
    CHECK(std::string(e.what()).find("not upgrading catalogue") != std::string::npos);
  }
  CHECK(user_version(db) == 1);
  CHECK(atip::testing::stored_documents(db) == before);
}

TEST_CASE("migrations: a new catalogue gets no backup") {
  TempDir tmp;
  const std::string db = tmp.file("catalogue.db");
  { Catalogue cat(db, OpenMode::ReadWrite); }
  { Catalogue cat(db, OpenMode::ReadWrite); }
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    CHECK(e.path().filename().string().find(".bak-") == std::string::npos);
}

namespace {

// Whether compiling `sql` builds a temporary table or index (SQLite's OpenEphemeral).
bool builds_temporary_table(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement st(db, "EXPLAIN " + sql);
  while (st.executeStep())
    if (st.getColumn(1).getString() == "OpenEphemeral") return true;
  return false;
}

}  // namespace

TEST_CASE("migrations: level 8 checks states, origins, kinds and outcomes in place, by the same rules") {
  // A new catalogue, and one upgraded from level 7 (whose tables were written with IN lists).
  for (const bool upgraded : {false, true}) {
    CAPTURE(upgraded);
    TempDir tmp;
    const std::string path = tmp.file("catalogue.db");
    if (upgraded) atip::testing::load_fixture(7, path);
    {
      Catalogue cat(path, OpenMode::ReadWrite);
      if (!upgraded) cat.add_feed({"https://a.example/feed", "A", "", {}}, 1);
    }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%state IN (%' "
                        "OR sql LIKE '%origin IN (%' OR sql LIKE '%outcome IN (%' OR sql LIKE '%kind IN (%'")
              .getInt() == 0);
    CHECK_FALSE(builds_temporary_table(db, "INSERT INTO document(title, first_seen, last_changed, state) "
                                           "VALUES ('t', 1, 1, 'new')"));
    CHECK_FALSE(builds_temporary_table(db, "INSERT INTO sighting(document_id, entry_key, first_seen, "
                                           "last_seen, origin) VALUES (1, 'k', 1, 1, 'feed')"));
    CHECK_FALSE(builds_temporary_table(db, "INSERT INTO fetch_log(feed_id, started_at, outcome) "
                                           "VALUES (1, 1, 'stored')"));
    CHECK_FALSE(builds_temporary_table(db, "INSERT INTO feed(url, kind) VALUES ('u', 'feed')"));
    // The rules themselves are unchanged: every listed value passes, anything else fails.
    db.exec("INSERT INTO document(title, first_seen, last_changed) VALUES ('checked', 1, 1)");
    const std::string doc = std::to_string(db.getLastInsertRowid());
    for (const char* state : {"new", "included", "excluded", "maybe"})
      CHECK_NOTHROW(db.exec(std::string("UPDATE document SET state = '") + state + "' WHERE id = " + doc));
    CHECK_THROWS(db.exec("UPDATE document SET state = 'deleted' WHERE id = " + doc));
    for (const char* origin : {"feed", "page", "archive", "import", "hand"})
      CHECK_NOTHROW(db.exec(std::string("INSERT INTO sighting(document_id, entry_key, first_seen, last_seen, origin) "
                                        "VALUES (") + doc + ", '" + origin + "', 1, 1, '" + origin + "')"));
    CHECK_THROWS(db.exec("INSERT INTO sighting(document_id, entry_key, first_seen, last_seen, origin) "
                         "VALUES (" + doc + ", 'x', 1, 1, 'mail')"));
    CHECK_THROWS(db.exec("UPDATE feed SET kind = 'mailing-list'"));
    CHECK_NOTHROW(db.exec("UPDATE feed SET kind = 'oai'"));
    const std::string feed = db.execAndGet("SELECT min(id) FROM feed").getString();
    CHECK_THROWS(db.exec("INSERT INTO fetch_log(feed_id, started_at, outcome) VALUES (" + feed + ", 1, 'lost')"));
    CHECK_NOTHROW(db.exec("INSERT INTO fetch_log(feed_id, started_at, outcome) VALUES (" + feed + ", 1, 'unchanged')"));
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }
}
