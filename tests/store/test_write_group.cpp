// Catalogue::WriteGroup: several feeds' entries and fetch logs in one transaction.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <stdexcept>

#include "lib/store/catalogue.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/entry_record.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

EntryRecord entry(const std::string& key, const std::string& title, const std::string& canonical,
                  const std::string& hash = "h1") {
  return atip::testing::entry_record(key, title, canonical, hash);
}

FetchOutcome stored(std::int64_t feed, const std::string& etag) {
  FetchOutcome o;
  o.feed_id = feed;
  o.started_at = 50;
  o.outcome = "stored";
  o.http_status = 200;
  o.etag = etag;
  return o;
}

std::int64_t count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

std::int64_t fts_hits(const std::string& path, const std::string& word) {
  return count(path, "SELECT count(*) FROM document_fts WHERE document_fts MATCH '" + word + "'");
}

}  // namespace

TEST_CASE("store::WriteGroup: feeds stored in a group are committed together, full-text index included") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);
  const std::vector<EntryRecord> from_a = {entry("a1", "Trata en Chiapas", "a.example/1"),
                                           entry("a2", "Forced labour in Peru", "a.example/2")};
  const std::vector<EntryRecord> from_b = {entry("b1", "Trata en Chiapas (copy)", "a.example/1"),
                                           entry("b2", "Smuggling report", "b.example/2")};
  {
    Catalogue::WriteGroup group(c);
    CHECK(c.ingest(a, "A", from_a, 100).new_documents == 2);
    c.record_fetch(stored(a, "\"a\""));
    const auto r = c.ingest(b, "B", from_b, 100);
    CHECK(r.new_documents == 1);
    CHECK(r.new_sightings == 1);  // a document stored earlier in the same group is found
    c.record_fetch(stored(b, "\"b\""));
    // Another connection sees nothing yet: the group is one transaction.
    CHECK(count(path, "SELECT count(*) FROM document") == 0);
    CHECK(count(path, "SELECT count(*) FROM fetch_log") == 0);
    group.commit();
  }
  CHECK(count(path, "SELECT count(*) FROM document") == 3);
  CHECK(count(path, "SELECT count(*) FROM sighting") == 4);
  CHECK(count(path, "SELECT count(*) FROM fetch_log") == 2);
  CHECK(c.find_feed(std::to_string(b))->etag == "\"b\"");
  // The full-text rows were written at the commit, for the documents of both feeds.
  CHECK(fts_hits(path, "chiapas") == 1);
  CHECK(fts_hits(path, "labour") == 1);
  CHECK(fts_hits(path, "smuggling") == 1);
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK_NOTHROW(db.exec("INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("store::WriteGroup: an entry changed later in the same group keeps the index consistent") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const std::vector<EntryRecord> first = {entry("a1", "Informe sobre trata", "a.example/1", "h1")};
  const std::vector<EntryRecord> changed = {entry("a1", "Informe anual sobre explotación", "a.example/1", "h2")};
  {
    Catalogue::WriteGroup group(c);
    c.ingest(a, "A", first, 100);
    // Its full-text row is still pending when the update needs to take the old text out.
    CHECK(c.ingest(a, "A", changed, 200).updated == 1);
    group.commit();
  }
  CHECK(fts_hits(path, "trata") == 0);
  CHECK(fts_hits(path, "explotacion") == 1);
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK_NOTHROW(db.exec("INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)"));
}

TEST_CASE("store::WriteGroup: a group left without commit stores nothing, and the catalogue goes on") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const std::vector<EntryRecord> kept = {entry("a0", "Stored before", "a.example/0")};
  c.ingest(a, "A", kept, 50);
  const std::vector<EntryRecord> lost = {entry("a1", "Never committed", "a.example/1")};
  {
    Catalogue::WriteGroup group(c);
    c.ingest(a, "A", lost, 100);
    c.record_fetch(stored(a, "\"lost\""));
  }
  CHECK(c.count_documents() == 1);
  CHECK(c.find_feed(std::to_string(a))->etag.empty());
  CHECK(fts_hits(path, "committed") == 0);
  // Outside a group, each call commits on its own again.
  CHECK(c.ingest(a, "A", lost, 200).new_documents == 1);
  CHECK(count(path, "SELECT count(*) FROM document") == 2);
}

TEST_CASE("store::WriteGroup: one group at a time, committed once; other writes wait for it to end") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const std::vector<EntryRecord> hand = {entry("h1", "By hand", "h.example/1")};
  Catalogue::WriteGroup group(c);
  CHECK_THROWS_AS(Catalogue::WriteGroup{c}, std::logic_error);
  // An import is a transaction of its own: it cannot nest in the group.
  CHECK_THROWS(c.ingest_unowned("hand", "hand entry", hand, 10));
  group.commit();
  CHECK_THROWS_AS(group.commit(), std::logic_error);
  CHECK(c.ingest_unowned("hand", "hand entry", hand, 10).size() == 1);
}

// Ingest and retag leave foreign keys unchecked while they write (ForeignKeysUnchecked); the
// schema's ON DELETE rules must hold again for every other write of the connection.
TEST_CASE("store::WriteGroup: foreign keys are checked again once a group or an ingest ends") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);
  const auto d = *c.add_feed({"https://d.example/feed", "D", "", {}}, 1);
  // Records given to ingest in a group outlive it.
  const std::vector<EntryRecord> from_a = {entry("a1", "Trata en Chiapas", "a.example/1")};
  const std::vector<EntryRecord> from_b = {entry("b1", "Forced labour", "b.example/1")};
  {
    Catalogue::WriteGroup group(c);
    c.ingest(a, "A", from_a, 100);
    c.record_fetch(stored(a, "\"a\""));
    group.commit();
  }
  {
    Catalogue::WriteGroup group(c);  // rolled back: destroyed without a commit
    c.ingest(b, "B", from_b, 100);
  }
  c.ingest(d, "D", {entry("d1", "Smuggling report", "d.example/1")}, 100);
  CHECK(count(path, "SELECT count(*) FROM document") == 2);
  // Removing a feed sets its sightings' feed to NULL and deletes its log: the rules ran.
  REQUIRE(c.remove_feed(a));
  REQUIRE(c.remove_feed(d));
  CHECK(count(path, "SELECT count(*) FROM sighting WHERE feed_id IS NULL") == 2);
  CHECK(count(path, "SELECT count(*) FROM fetch_log") == 0);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement check(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(check.executeStep());
}

TEST_CASE("store::WriteGroup: a feed removed by another command fails the write, which keeps nothing") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto gone = *c.add_feed({"https://gone.example/feed", "Gone", "", {}}, 1);
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("DELETE FROM feed WHERE id = " + std::to_string(gone));
  }
  const std::vector<EntryRecord> entries = {entry("g1", "Trata en Chiapas", "gone.example/1")};
  const std::vector<EntryRecord> from_a = {entry("a1", "Forced labour", "a.example/1")};
  SUBCASE("alone") {
    CHECK_THROWS_WITH_AS(c.ingest(gone, "Gone", entries, 100),
                         doctest::Contains("is no longer in the catalogue"), std::runtime_error);
  }
  SUBCASE("its entries in a group") {
    Catalogue::WriteGroup group(c);
    c.ingest(a, "A", from_a, 100);
    CHECK_THROWS_WITH_AS(c.ingest(gone, "Gone", entries, 100),
                         doctest::Contains("is no longer in the catalogue"), std::runtime_error);
  }
  SUBCASE("its fetch log in a group") {
    Catalogue::WriteGroup group(c);
    c.ingest(a, "A", from_a, 100);
    CHECK_THROWS_WITH_AS(c.record_fetch(stored(gone, "\"g\"")),
                         doctest::Contains("is no longer in the catalogue"), std::runtime_error);
  }
  CHECK(count(path, "SELECT count(*) FROM document") == 0);
  CHECK(count(path, "SELECT count(*) FROM sighting") == 0);
  CHECK(count(path, "SELECT count(*) FROM fetch_log") == 0);
  // The connection still writes, with its rules: nothing was left half done.
  CHECK(c.ingest(a, "A", from_a, 100).new_documents == 1);
  REQUIRE(c.remove_feed(a));
  CHECK(count(path, "SELECT count(*) FROM sighting WHERE feed_id IS NULL") == 1);
}

TEST_CASE("store::ingest: a document's tags and title keys beyond one statement's rows are all stored") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  EntryRecord e = entry("a1", "Trata en Chiapas", "a.example/1");
  for (int i = 0; i < 20; ++i) e.tags.push_back({"country", "C" + std::to_string(i), 0.5});
  e.tags.push_back({"country", "C3", 0.9});  // repeated: the last one wins
  for (int i = 0; i < 19; ++i) e.title_keys.push_back("key-" + std::to_string(i));
  REQUIRE(c.ingest(a, "A", {e}, 100).new_documents == 1);
  CHECK(count(path, "SELECT count(*) FROM document_tag") == 20);
  CHECK(count(path, "SELECT score FROM document_tag JOIN tag_name n ON n.id = tag_id WHERE value = 'C3'") == 900);
  CHECK(count(path, "SELECT score FROM document_tag JOIN tag_name n ON n.id = tag_id WHERE value = 'C19'") == 500);
  CHECK(count(path, "SELECT count(*) FROM document_title_key") == 19);
  CHECK(count(path, "SELECT count(*) FROM document_title_key WHERE key = 'key-18'") == 1);
}
