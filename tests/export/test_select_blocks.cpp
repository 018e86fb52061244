// Catalogue::select reads related rows a block of documents at a time (lib/store/documents.cpp);
// every document must still carry exactly its own sightings, tags and editions, in order.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "lib/store/catalogue.hpp"
#include "tests/common/temp_dir.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

EntryRecord entry(int i) {
  EntryRecord r;
  r.entry_key = fmt::format("e{}", i);
  r.content_hash = r.entry_key;
  r.canonical_url = fmt::format("x.example/work/{}", i);
  r.link = "https://" + r.canonical_url;
  r.title = fmt::format("Work number {}", i);
  r.published = 1000 + (i * 7919) % 1000;  // dates out of id order, some equal
  r.language = i % 2 ? "es" : "en";
  return r;
}

void check_same(const Document& got, const Document& want) {
  CHECK(got.title == want.title);
  REQUIRE(got.sightings.size() == want.sightings.size());
  for (std::size_t i = 0; i < got.sightings.size(); ++i) {
    CHECK(got.sightings[i].source == want.sightings[i].source);
    CHECK(got.sightings[i].link == want.sightings[i].link);
    CHECK(got.sightings[i].entry_key == want.sightings[i].entry_key);
    CHECK(got.sightings[i].feed_id == want.sightings[i].feed_id);
    CHECK(got.sightings[i].first_seen == want.sightings[i].first_seen);
  }
  REQUIRE(got.tags.size() == want.tags.size());
  for (std::size_t i = 0; i < got.tags.size(); ++i) {
    CHECK(got.tags[i].kind == want.tags[i].kind);
    CHECK(got.tags[i].value == want.tags[i].value);
    CHECK(got.tags[i].score == want.tags[i].score);
  }
  REQUIRE(got.editions.size() == want.editions.size());
  for (std::size_t i = 0; i < got.editions.size(); ++i) CHECK(got.editions[i].id == want.editions[i].id);
}

}  // namespace

TEST_CASE("store::select: across several blocks each document keeps its own related rows") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  constexpr int kDocs = 300;  // more than two blocks
  {
    Catalogue c{path, OpenMode::ReadWrite};
    const auto a = *c.add_feed({"https://a.example/feed", "Publisher A", "", {}}, 1);
    const auto b = *c.add_feed({"https://b.example/feed", "Syndicator B", "", {}}, 1);
    std::vector<EntryRecord> first, copies;
    for (int i = 1; i <= kDocs; ++i) {
      first.push_back(entry(i));
      if (i % 3 == 0) {  // a later copy of one work in three, under a longer link
        EntryRecord copy = entry(i);
        copy.entry_key += "-copy";
        copy.link += "?utm_source=b";
        copies.push_back(copy);
      }
    }
    c.ingest(a, "Publisher A", first, 5000);
    c.ingest(b, "Syndicator B", copies, 6000);
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM tag");
    // Tags on some documents only, so a document without any follows ones with many.
    for (int i = 1; i <= kDocs; ++i) {
      if (i % 4 == 1) continue;
      db.exec(fmt::format("INSERT INTO tag(document_id, kind, value, score) VALUES ({0}, 'topic', 't{1}', 0.{1}), "
                          "({0}, 'topic', 'z', 0.95), ({0}, 'country', 'BR', 1)",
                          i, i % 9 + 1));
    }
    for (int i = 2; i <= kDocs; i += 50)
      db.exec(fmt::format("INSERT INTO document_edition VALUES ({0}, {1}), ({1}, {0})", i, i + 1));
  }
  Catalogue c{path, OpenMode::ReadOnly};
  std::vector<std::int64_t> order;
  int with_tags = 0, with_copies = 0, with_editions = 0;
  c.select({}, [&](const Document& d) {
    order.push_back(d.id);
    const auto want = c.document(d.id);
    REQUIRE(want);
    check_same(d, *want);
    with_tags += !d.tags.empty();
    with_copies += d.sightings.size() == 2;
    with_editions += !d.editions.empty();
  });
  CHECK(order.size() == static_cast<std::size_t>(kDocs));
  CHECK(with_tags == kDocs - kDocs / 4);
  CHECK(with_copies == kDocs / 3);
  CHECK(with_editions == 12);

  // The order of the main cursor, newest first, is kept across blocks.
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT id FROM document ORDER BY coalesce(published, first_seen) DESC, id DESC");
  std::vector<std::int64_t> expected;
  while (st.executeStep()) expected.push_back(st.getColumn(0).getInt64());
  CHECK(order == expected);

  // A limit smaller than a block, and a selection that fills the last block partly.
  Selection few;
  few.limit = 5;
  int n = 0;
  c.select(few, [&](const Document& d) {
    check_same(d, *c.document(d.id));
    ++n;
  });
  CHECK(n == 5);
}
