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
    }
    CHECK(user_version(db) == current);
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
