// Documents' languages for --lang (lib/store/language_filter.hpp, schema/0012): recorded a byte
// per document, marked stale by a change of language from any program, recorded again by the
// next write or by retag; atip_language_in() answers from the byte, or from the row when the
// byte cannot.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "lib/store/doctor.hpp"
#include "lib/store/language_filter.hpp"
#include "lib/store/lengths.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/catalogue_fixture.hpp"
#include "tests/store/entry_record.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

EntryRecord entry(const std::string& key, const std::string& language) {
  EntryRecord e = atip::testing::entry_record(key, "Informe " + key, "a.example/" + key, "h" + key);
  e.language = language;
  return e;
}

// The recorded byte of each document (0: none, or stale).
std::vector<int> recorded(const std::string& path, std::int64_t last_id) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  ChunkReader reader(db.getHandle(), "document_language_code", "codes");
  std::vector<int> out;
  for (std::int64_t id = 1; id <= last_id; ++id) out.push_back(reader.byte(id));
  return out;
}

// atip_language_in(id, languages...) as a search's statement asks it, on a connection of its own.
int language_in(const std::string& path, std::int64_t id, const std::vector<std::string>& languages) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  register_language_filter(db.getHandle());
  const LanguageScope scope(db.getHandle());
  std::string sql = "SELECT atip_language_in(?";
  for (std::size_t i = 0; i < languages.size(); ++i) sql += ", ?";
  SQLite::Statement st(db, sql + ")");
  st.bind(1, id);
  for (std::size_t i = 0; i < languages.size(); ++i) st.bind(static_cast<int>(i) + 2, languages[i]);
  return st.executeStep() ? st.getColumn(0).getInt() : -1;
}

const std::vector<std::string> kLanguages = {"en", "es", "pt", "fr", "other", "", "de"};

}  // namespace

TEST_CASE("languages: each document's language is recorded as a byte, a code without one as 255") {
  CHECK(language_code("") == 1);
  CHECK(language_code("fr") == 5);
  CHECK(language_code("other") == 6);
  CHECK(language_code("de") == 255);
  CHECK(language_code("EN") == 255);  // stored codes are lower case; anything else asks the row
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  std::vector<EntryRecord> entries;
  for (std::size_t i = 0; i < kLanguages.size(); ++i) entries.push_back(entry("k" + std::to_string(i), kLanguages[i]));
  c.ingest(feed, "A", entries, 100);
  CHECK(recorded(path, 8) == std::vector<int>{2, 3, 4, 5, 6, 1, 255, 0});
  // Every document against every language: the byte and the row agree, including the code
  // without a byte of its own, and a list of several.
  for (std::int64_t id = 1; id <= 7; ++id)
    for (std::size_t l = 0; l < kLanguages.size(); ++l) {
      CAPTURE(id);
      CAPTURE(kLanguages[l]);
      CHECK(language_in(path, id, {kLanguages[l]}) == (static_cast<std::size_t>(id - 1) == l ? 1 : 0));
    }
  CHECK(language_in(path, 3, {"es", "pt"}) == 1);
  CHECK(language_in(path, 4, {"es", "pt"}) == 0);
  CHECK(language_in(path, 99, {"es"}) == 0);  // no such document
}

TEST_CASE("languages: a change by any program is read from the row until recorded again, by a write or a retag") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(feed, "A", {entry("k1", "es"), entry("k2", "pt")}, 100);
  REQUIRE(recorded(path, 2) == std::vector<int>{3, 4});
  {
    SQLite::Database other(path, SQLite::OPEN_READWRITE);
    other.exec("UPDATE document SET language = 'fr' WHERE id = 1");
    // Setting the same language marks nothing: retag sets every document's.
    other.exec("UPDATE document SET language = language WHERE id = 2");
  }
  CHECK(recorded(path, 2) == std::vector<int>{0, 4});
  CHECK(language_in(path, 1, {"fr"}) == 1);
  CHECK(language_in(path, 1, {"es"}) == 0);
  c.ingest(feed, "A", {entry("k3", "en")}, 200);
  CHECK(recorded(path, 3) == std::vector<int>{5, 4, 2});
  c.retag([](const TaggingInput& in) {
    TaggingOutput out;
    out.language = in.id == 2 ? "es" : in.language;
    return out;
  });
  CHECK(recorded(path, 3) == std::vector<int>{5, 3, 2});
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM document_length_stale").getInt() == 0);
}

TEST_CASE("languages: a catalogue without the table still filters, from the rows") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  {
    Catalogue c(path, OpenMode::ReadWrite);
    const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
    c.ingest(feed, "A", {entry("k1", "es"), entry("k2", "pt")}, 100);
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE document_language_code");
  }
  CHECK(language_in(path, 1, {"es"}) == 1);
  CHECK(language_in(path, 2, {"es"}) == 0);
}

TEST_CASE("languages: atip_language_in needs a scope, and no view may call it") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);
  register_language_filter(db.getHandle());
  db.exec("CREATE TABLE document(id INTEGER PRIMARY KEY, language TEXT)");
  db.exec("INSERT INTO document VALUES (1, 'es'), (2, 'pt')");
  CHECK_THROWS_WITH_AS(db.exec("SELECT atip_language_in(1, 'es')"), doctest::Contains("no catalogue in scope"),
                       SQLite::Exception);
  {
    const LanguageScope scope(db.getHandle());
    // No table of bytes here: every answer comes from the row.
    CHECK(db.execAndGet("SELECT atip_language_in(2, 'es', 'pt')").getInt() == 1);
    CHECK(db.execAndGet("SELECT atip_language_in(1, 'pt')").getInt() == 0);
    db.exec("CREATE VIEW v AS SELECT id FROM document WHERE atip_language_in(id, 'es')");
    CHECK_THROWS_AS(db.exec("SELECT * FROM v"), SQLite::Exception);
  }
  CHECK_THROWS_AS(db.exec("SELECT atip_language_in(1, 'es')"), SQLite::Exception);
}

TEST_CASE("languages: an upgraded catalogue records them when first opened for writing; a repair again") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  atip::testing::load_fixture(11, path);
  { Catalogue c(path, OpenMode::ReadWrite); }
  // The fixture's documents are in English, Spanish and Arabic (no byte of its own).
  const std::vector<int> expected = {2, 2, 3, 255, 2};
  CHECK(recorded(path, 5) == expected);
  CHECK(language_in(path, 4, {"ar"}) == 1);
  {
    // A damaged byte (document 1 said to be in French) is found, and mended.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE document_language_code SET codes = substr(codes, 1, 1) || x'05' || substr(codes, 3)");
  }
  REQUIRE(recorded(path, 5)[0] == 5);
  const auto damaged = check_catalogue(path);
  REQUIRE(damaged.problems.size() == 1);
  CHECK(damaged.problems.front().message == "1 documents' recorded languages differ from their own");
  CHECK(damaged.problems.front().repairable);
  repair_catalogue(path);
  CHECK(check_catalogue(path).problems.empty());
  CHECK(recorded(path, 5) == expected);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE document_language_code");
  }
  const auto missing = check_catalogue(path);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems.front().message == "table 'document_language_code' is missing");
  CHECK(missing.problems.front().repairable);
  repair_catalogue(path);
  CHECK(check_catalogue(path).problems.empty());
  CHECK(recorded(path, 5) == expected);
}
