// store::check_catalogue / repair_catalogue / backup_catalogue on catalogues damaged on purpose.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <fstream>

#include "lib/store/backup.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/store/database.hpp"
#include "lib/store/doctor.hpp"
#include "lib/util/error.hpp"
#include "lib/util/fs.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/catalogue_fixture.hpp"

using atip::store::Catalogue;
using atip::store::OpenMode;
using atip::testing::TempDir;

namespace {

// A healthy catalogue at the current level with the fixture's five documents.
std::string healthy_catalogue(const TempDir& tmp) {
  const std::string db = tmp.file("catalogue.db");
  atip::testing::load_fixture(1, db);
  { Catalogue cat(db, OpenMode::ReadWrite); }
  return db;
}

bool has_problem(const atip::store::DoctorReport& r, const std::string& check, const std::string& words) {
  for (const auto& p : r.problems)
    if (p.check == check && p.message.find(words) != std::string::npos) return true;
  return false;
}

std::string problems_of(const atip::store::DoctorReport& r) {
  std::string s;
  for (const auto& p : r.problems) s += p.check + ": " + p.message + "\n";
  return s;
}

std::vector<std::int64_t> search_ids(const std::string& db, const std::string& fts) {
  Catalogue cat(db, OpenMode::ReadOnly);
  atip::store::Selection sel;
  sel.fts_query = fts;
  std::vector<std::int64_t> ids;
  cat.select(sel, [&](const atip::store::Document& d) { ids.push_back(d.id); });
  return ids;
}

// What an upgrade that shrinks every row leaves behind: about 4 MB of free pages, from rows that
// grew and shrank back to what they were.
void leave_free_pages(const std::string& db) {
  SQLite::Database d(db, SQLite::OPEN_READWRITE);
  d.exec("UPDATE document SET summary_html = hex(randomblob(400000)) || summary_html");
  d.exec("UPDATE document SET summary_html = substr(summary_html, 800001)");
}

int exit_code_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const atip::Error& e) {
    if (message) *message = e.what();
    return e.exit_code();
  }
  return 0;
}

}  // namespace

TEST_CASE("doctor: a healthy catalogue passes every check") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  const auto r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
  CHECK(r.schema_level == atip::store::current_schema_level());
  CHECK(r.documents == 5);
  CHECK(r.sightings == 6);
  CHECK(r.revisions == 1);
  CHECK(r.feeds == 3);
  CHECK(r.tags == 8);
  for (const char* check : {"integrity", "schema", "foreign keys", "full-text index", "duplicates"})
    CHECK(std::find(r.passed.begin(), r.passed.end(), check) != r.passed.end());
}

TEST_CASE("doctor: free pages worth a compaction are noted; --compact gives them back, documents unchanged") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  auto r = atip::store::check_catalogue(db);
  CHECK(r.file_bytes > 0);
  CHECK_FALSE(atip::store::worth_compacting(r));
  const auto before = atip::testing::stored_documents(db);
  leave_free_pages(db);
  CHECK(atip::testing::stored_documents(db) == before);
  r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
  CHECK(r.free_bytes >= 3'000'000);
  CHECK(atip::store::worth_compacting(r));
  const bool noted = std::any_of(r.notes.begin(), r.notes.end(), [](const std::string& n) {
    return n.find("are free pages") != std::string::npos && n.find("'atip doctor --compact'") != std::string::npos;
  });
  CHECK(noted);

  const auto done = atip::store::compact_catalogue(db);
  CHECK(done.bytes_before == r.file_bytes);
  CHECK(done.bytes_after <= r.file_bytes - r.free_bytes);
  CHECK(static_cast<std::int64_t>(std::filesystem::file_size(db)) == done.bytes_after);
  // The log the rewrite went through is emptied, not left the size of the catalogue.
  std::error_code ec;
  const auto wal = std::filesystem::file_size(db + "-wal", ec);
  CHECK((ec || wal == 0));
  CHECK(done.log_bytes_left == 0);
  r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
  CHECK(r.free_bytes == 0);
  CHECK_FALSE(atip::store::worth_compacting(r));
  CHECK(atip::testing::stored_documents(db) == before);
  CHECK(search_ids(db, "mexico") == std::vector<std::int64_t>{3});
}

TEST_CASE("doctor: a compaction while another connection reads: done, the log cleared by the next writer") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  leave_free_pages(db);
  const auto before = atip::testing::stored_documents(db);
  {
    SQLite::Database reader(db, SQLite::OPEN_READONLY);
    SQLite::Transaction snapshot(reader);
    const auto pages = reader.execAndGet("PRAGMA page_count").getInt64();
    const auto done = atip::store::compact_catalogue(db);
    CHECK(done.bytes_after < done.bytes_before);
    CHECK(done.log_bytes_left > 0);
    CHECK(static_cast<std::int64_t>(std::filesystem::file_size(db + "-wal")) == done.log_bytes_left);
    // The reader still sees the file as it was before the rewrite.
    CHECK(reader.execAndGet("PRAGMA page_count").getInt64() == pages);
    CHECK(reader.execAndGet("SELECT count(*) FROM document").getInt() == 5);
  }
  // A read-only connection may not clear the log; the next one that may write does, on closing.
  CHECK(std::filesystem::exists(db + "-wal"));
  { Catalogue writer(db, OpenMode::ReadWrite); }
  CHECK_FALSE(std::filesystem::exists(db + "-wal"));
  CHECK(atip::testing::stored_documents(db) == before);
  CHECK(atip::store::check_catalogue(db).free_bytes == 0);
}

TEST_CASE("doctor: compacting a missing catalogue is an error, and creates nothing") {
  TempDir tmp;
  std::string message;
  CHECK(exit_code_of([&] { atip::store::compact_catalogue(tmp.file("none.db")); }, &message) == atip::kExitCatalogue);
  CHECK(message.find("no catalogue at") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.file("none.db")));
}

TEST_CASE("doctor: a full-text index out of step with the documents is found and rebuilt") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    // Document 3 drops out of the index; document 2's title changes behind the index's back.
    d.exec("INSERT INTO document_fts(document_fts, rowid, title, summary, authors) "
           "SELECT 'delete', id, title, summary, authors FROM document WHERE id = 3");
    const std::string trigger = d.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'document_fts_update'").getString();
    d.exec("DROP TRIGGER document_fts_update");
    d.exec("UPDATE document SET title = 'Zanzibar labour inspection' WHERE id = 2");
    d.exec(trigger);
  }
  auto r = atip::store::check_catalogue(db);
  CHECK(has_problem(r, "full-text index", "1 documents are not in the index"));
  CHECK(search_ids(db, "mexico").empty());
  const auto before = atip::testing::stored_documents(db);

  const auto done = atip::store::repair_catalogue(db);
  CHECK(std::find(done.begin(), done.end(), "rebuilt the full-text index from 5 documents") != done.end());
  r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
  CHECK(search_ids(db, "mexico") == std::vector<std::int64_t>{3});
  CHECK(search_ids(db, "zanzibar") == std::vector<std::int64_t>{2});
  CHECK(atip::testing::stored_documents(db) == before);
}

TEST_CASE("doctor: index text that no longer matches its document is found") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    const std::string trigger = d.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'document_fts_update'").getString();
    d.exec("DROP TRIGGER document_fts_update");
    d.exec("UPDATE document SET title = 'Zanzibar labour inspection' WHERE id = 2");
    d.exec(trigger);
  }
  auto r = atip::store::check_catalogue(db);
  CHECK(has_problem(r, "full-text index", "does not match the documents' text"));
  atip::store::repair_catalogue(db);
  r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
  CHECK(search_ids(db, "zanzibar") == std::vector<std::int64_t>{2});
}

TEST_CASE("doctor: rows pointing at nothing are found; repair removes them and keeps every document") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);  // foreign keys are off on this connection
    d.exec("INSERT INTO sighting(document_id, feed_id, source, entry_key, first_seen, last_seen) "
           "VALUES (999, 1, 'x', 'gone', 1, 1)");
    d.exec("INSERT INTO tag(document_id, kind, value) VALUES (998, 'topic', 'trafficking')");
    d.exec("INSERT INTO document_revision(document_id, changed_at, title, summary) VALUES (997, 1, 't', 's')");
    d.exec("UPDATE sighting SET feed_id = 77 WHERE document_id = 3");
  }
  auto r = atip::store::check_catalogue(db);
  CHECK_FALSE(r.healthy());
  CHECK(has_problem(r, "foreign keys", "1 sightings point to a missing document"));
  CHECK(has_problem(r, "foreign keys", "1 sightings point to a missing feed"));
  CHECK(has_problem(r, "foreign keys", "1 tags belong to a missing document"));
  CHECK(has_problem(r, "foreign keys", "1 revisions belong to a missing document"));
  for (const auto& p : r.problems) CHECK(p.repairable);
  const auto documents_before = atip::testing::rows(db, "SELECT * FROM document ORDER BY id");

  const auto done = atip::store::repair_catalogue(db);
  CHECK(std::find(done.begin(), done.end(), "removed 1 sightings of a missing document") != done.end());
  CHECK(std::find(done.begin(), done.end(), "removed 1 sightings detached from a missing feed") != done.end());
  r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
  CHECK(atip::testing::rows(db, "SELECT * FROM document ORDER BY id") == documents_before);
  // Document 3 keeps its sighting, now without a feed, as when a feed is removed.
  CHECK(atip::testing::rows(db, "SELECT source, feed_id FROM sighting WHERE document_id = 3") ==
        std::vector<std::string>{"Observatorio|NULL"});
}

TEST_CASE("doctor: a missing index or trigger is found and recreated") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    d.exec("DROP INDEX document_date");
    d.exec("DROP TRIGGER document_fts_update");
  }
  auto r = atip::store::check_catalogue(db);
  CHECK(has_problem(r, "schema", "index 'document_date' is missing"));
  CHECK(has_problem(r, "schema", "trigger 'document_fts_update' is missing"));
  atip::store::repair_catalogue(db);
  r = atip::store::check_catalogue(db);
  CHECK_MESSAGE(r.healthy(), problems_of(r));
}

TEST_CASE("doctor: a missing full-text index is found, created again with its settings and rebuilt") {
  // Dropped whole, or one of FTS5's own tables gone, after which FTS5 cannot even drop it.
  for (const std::string table :
       {"document_fts", "document_fts_data", "document_fts_idx", "document_fts_docsize", "document_fts_config"}) {
    CAPTURE(table);
    TempDir tmp;
    const std::string db = healthy_catalogue(tmp);
    const auto settings = atip::testing::rows(db, "SELECT k, v FROM document_fts_config WHERE k <> 'version' ORDER BY k");
    REQUIRE(settings.size() >= 3);  // the ranking weights and the merge settings
    const auto before = atip::testing::stored_documents(db);
    const auto ranked = search_ids(db, "trafficking OR trata OR labour");
    REQUIRE(ranked.size() >= 2);
    {
      SQLite::Database d(db, SQLite::OPEN_READWRITE);
      d.exec("DROP TABLE " + table);
    }
    auto r = atip::store::check_catalogue(db);
    CHECK_MESSAGE(has_problem(r, "schema", "table '" + table + "' is missing"), problems_of(r));
    for (const auto& p : r.problems) CHECK_MESSAGE(p.repairable, p.message);

    const auto done = atip::store::repair_catalogue(db);
    CHECK(std::find(done.begin(), done.end(), "recreated the full-text index's tables") != done.end());
    r = atip::store::check_catalogue(db);
    CHECK_MESSAGE(r.healthy(), problems_of(r));
    CHECK(atip::testing::rows(db, "SELECT k, v FROM document_fts_config WHERE k <> 'version' ORDER BY k") == settings);
    CHECK(search_ids(db, "trafficking OR trata OR labour") == ranked);
    CHECK(atip::testing::stored_documents(db) == before);
  }
}

TEST_CASE("doctor: damaged pages are reported, not repaired, and the file is left as it was") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  std::string bytes;
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    d.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const auto page_size = static_cast<std::size_t>(d.execAndGet("PRAGMA page_size").getInt64());
    const auto root = static_cast<std::size_t>(d.execAndGet("SELECT rootpage FROM sqlite_schema WHERE name = 'document'").getInt64());
    bytes = atip::util::read_file(db);
    REQUIRE(root * page_size <= bytes.size());
    // Garbage over the cells of the document table (kept at the end of its page).
    for (std::size_t i = (root - 1) * page_size + page_size / 2; i < root * page_size; ++i) bytes[i] = static_cast<char>(i * 31);
  }
  { std::ofstream(db, std::ios::binary | std::ios::trunc) << bytes; }
  const auto r = atip::store::check_catalogue(db);
  CHECK_FALSE(r.healthy());
  CHECK(has_problem(r, "integrity", ""));
  CHECK(atip::util::read_file(db) == bytes);
  std::string message;
  CHECK(exit_code_of([&] { atip::store::repair_catalogue(db); }, &message) == atip::kExitCatalogue);
  CHECK(message.find("nothing was changed") != std::string::npos);
  CHECK(atip::util::read_file(db) == bytes);
}

TEST_CASE("doctor: a file that is not a catalogue") {
  TempDir tmp;
  std::string message;
  CHECK(exit_code_of([&] { atip::store::check_catalogue(tmp.file("missing.db")); }, &message) == atip::kExitCatalogue);
  CHECK(message.find("no catalogue at") != std::string::npos);
  const std::string text = tmp.write("notes.txt", std::string(5000, 'x'));
  CHECK(exit_code_of([&] { atip::store::check_catalogue(text); }, &message) == atip::kExitCatalogue);
  CHECK(message.find("not an SQLite database") != std::string::npos);
  CHECK(atip::util::read_file(text) == std::string(5000, 'x'));
  // An SQLite file of something else.
  { SQLite::Database d(tmp.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); d.exec("CREATE TABLE t(x)"); }
  const auto r = atip::store::check_catalogue(tmp.file("other.db"));
  CHECK(has_problem(r, "schema", "not an atip catalogue"));
}

TEST_CASE("backup: a consistent copy, replacing the destination, while a writer holds a transaction") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  const std::string dest = tmp.write("backup.db", "an older backup");
  const auto before = atip::testing::stored_documents(db);
  SQLite::Database writer(db, SQLite::OPEN_READWRITE);
  writer.exec("BEGIN IMMEDIATE");
  writer.exec("INSERT INTO document(title, first_seen, last_changed) VALUES ('uncommitted', 1, 1)");
  atip::store::backup_catalogue(db, dest);
  writer.exec("COMMIT");
  CHECK(atip::testing::stored_documents(dest) == before);
  SQLite::Database copy(dest, SQLite::OPEN_READONLY);
  CHECK(copy.execAndGet("PRAGMA user_version").getInt() == atip::store::current_schema_level());
  CHECK(copy.execAndGet("PRAGMA integrity_check").getString() == "ok");
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("backup: refuses the catalogue itself, a folder, and files that are not catalogues") {
  TempDir tmp;
  const std::string db = healthy_catalogue(tmp);
  const auto bytes = atip::util::read_file(db);
  std::string message;
  CHECK(exit_code_of([&] { atip::store::backup_catalogue(db, db); }, &message) == atip::kExitUsage);
  CHECK(message.find("is the catalogue itself") != std::string::npos);
  CHECK(atip::util::read_file(db) == bytes);
  CHECK(exit_code_of([&] { atip::store::backup_catalogue(db, tmp.path().string()); }, &message) == atip::kExitFailure);
  CHECK(message.find("it is a folder") != std::string::npos);
  const std::string text = tmp.write("notes.txt", "not sqlite at all, just some notes\n");
  CHECK(exit_code_of([&] { atip::store::backup_catalogue(text, tmp.file("b.db")); }, &message) == atip::kExitCatalogue);
  CHECK(message.find("not an SQLite database") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp.file("b.db")));
}
