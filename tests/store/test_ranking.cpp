// atip_bm25 (lib/store/ranking.cpp) against SQLite's own bm25, on a table shaped as the
// catalogue's: a document table and its external-content FTS5 index.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "lib/store/lengths.hpp"
#include "lib/store/ranking.hpp"
#include "tests/common/temp_dir.hpp"

namespace {

using atip::store::kCountedMatches;
using atip::testing::TempDir;

struct Index {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE};
  Index() {
    atip::store::register_ranking(db.getHandle());
    db.exec("CREATE TABLE document (id INTEGER PRIMARY KEY, title TEXT, summary TEXT, authors TEXT);"
            "CREATE VIRTUAL TABLE document_fts USING fts5(title, summary, authors, content = 'document', "
            "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')");
  }
  // Documents 1..n, each with the words `words(id)` yields in its title, and filler text of a
  // length varying with the id (bm25 weighs a match by the document's length).
  template <class Words>
  void fill(int n, Words words) {
    SQLite::Transaction tx(db);
    SQLite::Statement insert(db, "INSERT INTO document (id, title, summary, authors) VALUES (?, ?, ?, ?)");
    for (int id = 1; id <= n; ++id) {
      std::string filler;
      for (int k = 0; k < id % 7 + 1; ++k) filler += fmt::format(" filler{}", (id + k) % 13);
      insert.bind(1, id);
      insert.bind(2, words(id) + " title");
      insert.bind(3, "summary" + filler);
      insert.bind(4, id % 5 == 0 ? std::string("Ana Pérez") : std::string());
      insert.exec();
      insert.reset();
    }
    db.exec("INSERT INTO document_fts(document_fts) VALUES ('rebuild')");
    tx.commit();
  }
  // (atip_bm25, bm25) of every match of `query`, with the catalogue's column weights.
  std::vector<std::pair<double, double>> ranks(const std::string& query) {
    SQLite::Statement st(db, fmt::format("SELECT {}, bm25(document_fts, 10.0, 1.0, 3.0) FROM document_fts "
                                         "WHERE document_fts MATCH ?",
                                         atip::store::kRankSql));
    st.bind(1, query);
    std::vector<std::pair<double, double>> out;
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getDouble(), st.getColumn(1).getDouble());
    return out;
  }
};

}  // namespace

TEST_CASE("atip_bm25 is bm25, bit for bit, when every phrase has fewer matches than it counts") {
  Index index;
  index.fill(600, [](int id) {
    std::string w;
    if (id % 2 == 0) w += " trata";
    if (id % 3 == 0) w += " personas";
    if (id % 11 == 0) w += " trata de personas";
    if (id % 40 == 0) w += " Pérez";
    return w;
  });
  for (const char* query : {"trata", "personas", "trata personas", "trata OR pérez", "\"trata de personas\"",
                            "tra*", "title: personas", "trata NOT personas", "perez"}) {
    CAPTURE(query);
    const auto ranks = index.ranks(query);
    REQUIRE(!ranks.empty());
    for (const auto& [ours, sqlites] : ranks) CHECK(ours == sqlites);
  }
}

TEST_CASE("atip_bm25 takes a document's length from the packed lengths when they are recorded") {
  Index index;
  index.fill(300, [](int id) { return std::string(id % 3 == 0 ? " trata" : " otro"); });
  index.db.exec("CREATE TABLE document_length (chunk INTEGER PRIMARY KEY, lengths BLOB NOT NULL);"
                "CREATE TABLE document_length_stale (id INTEGER PRIMARY KEY)");
  atip::store::rebuild_lengths(index.db);
  const auto ranks = index.ranks("trata");
  REQUIRE(ranks.size() == 100);
  for (const auto& [ours, sqlites] : ranks) CHECK(ours == sqlites);
  // A length recorded wrong (document 3 said to be 200 tokens long) shows that they are read.
  std::string bytes = index.db.execAndGet("SELECT lengths FROM document_length WHERE chunk = 0").getString();
  REQUIRE(bytes.size() == static_cast<std::size_t>(atip::store::kLengthsPerRow));
  bytes[3] = static_cast<char>(200);
  SQLite::Statement put(index.db, "UPDATE document_length SET lengths = ? WHERE chunk = 0");
  put.bind(1, bytes.data(), static_cast<int>(bytes.size()));
  put.exec();
  const auto after = index.ranks("trata");
  CHECK(after[0].first > after[0].second);  // document 3: longer, so a weaker match
  for (std::size_t i = 1; i < after.size(); ++i) CHECK(after[i].first == after[i].second);
  // Marked stale (its text changed), it is read from the index again.
  index.db.exec("INSERT INTO document_length_stale VALUES (3)");
  const auto stale = index.ranks("trata");
  CHECK(stale[0].first == stale[0].second);
}

TEST_CASE("atip_bm25 estimates a common phrase's document count closely when it is spread evenly") {
  Index index;
  // "comun" in two documents of three, twice as many as atip_bm25 counts; "raro" in one in 50.
  const int n = static_cast<int>(3 * kCountedMatches);
  index.fill(n, [](int id) {
    std::string w = id % 2 == 0 ? " comun" : "";
    if (id % 50 == 0) w += " raro";
    if (id % 3 == 0) w += " comun";
    return w;
  });
  for (const char* query : {"comun", "comun raro", "comun OR raro"}) {
    CAPTURE(query);
    const auto ranks = index.ranks(query);
    REQUIRE(ranks.size() >= static_cast<std::size_t>(n / 50));
    for (const auto& [ours, sqlites] : ranks) {
      CHECK(ours < 0);
      CHECK(std::abs(ours - sqlites) <= 0.01 * std::abs(sqlites));
    }
  }
}

TEST_CASE("atip_bm25 estimates a common phrase from its first matches onwards") {
  // A word in the newest part of the catalogue alone (it came into use later) is estimated from
  // its first match on: exactly as many as bm25 counts.
  const int n = static_cast<int>(4 * kCountedMatches), old = static_cast<int>(kCountedMatches * 5 / 4);
  Index index;
  index.fill(n, [&](int id) { return std::string(id <= old ? " antiguo" : " nuevo"); });
  for (const auto& [ours, sqlites] : index.ranks("nuevo")) CHECK(std::abs(ours - sqlites) <= 1e-9);
  // The estimate's known bias, and the proof that the count stops: a word in the oldest part
  // alone (it went out of use) is estimated as in every document, an almost-zero weight, where
  // bm25, which counts them all, weighs it log((n - old + 0.5) / (old + 0.5)), about 0.8.
  const auto ranks = index.ranks("antiguo");
  REQUIRE(ranks.size() == static_cast<std::size_t>(old));
  for (const auto& [ours, sqlites] : ranks) {
    CHECK(ours > -1e-5);
    CHECK(sqlites < -0.5);
  }
}

TEST_CASE("the catalogue's ranking has the weights of its index's own rank setting") {
  // kRankSql names the weights again; the index's setting is what `sqlite3` users rank with.
  TempDir tmp;
  const std::string path = tmp.file("catalogue.db");
  { atip::store::Catalogue c(path, atip::store::OpenMode::ReadWrite); }
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  const std::string setting = db.execAndGet("SELECT v FROM document_fts_config WHERE k = 'rank'").getString();
  REQUIRE(setting.rfind("bm25(", 0) == 0);
  CHECK(std::string(atip::store::kRankSql) == "atip_bm25(document_fts, " + setting.substr(5));
}
