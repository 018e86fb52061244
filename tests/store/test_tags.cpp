// Compact tags (schema level 7): each (kind, value) named once in tag_name, a document's tags
// as document_tag rows, and the view `tag` that readers and hand edits still use.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>

#include "lib/store/catalogue.hpp"
#include "lib/store/doctor.hpp"
#include "lib/store/document_rows.hpp"
#include "lib/store/ranking.hpp"
#include "lib/store/selection_sql.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/store/catalogue_fixture.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

std::int64_t count(const std::string& path, const std::string& sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet(sql).getInt64();
}

std::vector<std::int64_t> selected(Catalogue& c, const Selection& s) {
  std::vector<std::int64_t> ids;
  c.select(s, [&](const Document& d) { ids.push_back(d.id); });
  std::sort(ids.begin(), ids.end());
  return ids;
}

EntryRecord tagged(const std::string& key, std::vector<TagRecord> tags) {
  EntryRecord e;
  e.entry_key = key;
  e.content_hash = "h";
  e.canonical_url = "x.example/" + key;
  e.link = "https://" + e.canonical_url;
  e.title = "Entry " + key;
  e.tags = std::move(tags);
  return e;
}

// The query plan's lines that read all of document_tag or tag_name (the view's aliases dt, n).
std::vector<std::string> tag_scans(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement st(db, "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> out;
  while (st.executeStep()) {
    const std::string detail = st.getColumn(3).getString();
    for (const char* table : {"SCAN dt", "SCAN n", "SCAN document_tag", "SCAN tag_name"}) {
      const std::string t = table;
      if (detail.rfind(t, 0) == 0 && (detail.size() == t.size() || detail[t.size()] == ' ')) out.push_back(detail);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("tags: upgrading from level 6 names each pair once and keeps filters, counts and scores") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  atip::testing::load_fixture(6, db);
  const auto before = atip::testing::stored_tags(db);
  {
    Catalogue c(db, OpenMode::ReadWrite);
    Selection s;
    s.topics = {"trafficking"};
    CHECK(selected(c, s) == std::vector<std::int64_t>{1, 3});
    s.countries = {"MX"};
    CHECK(selected(c, s) == std::vector<std::int64_t>{3});
    s = {};
    s.types = {"news", "report"};
    CHECK(selected(c, s) == std::vector<std::int64_t>{1, 5});
    const auto counts = c.tag_counts();
    const auto mx = std::find_if(counts.begin(), counts.end(), [](const auto& p) { return p.first.value == "MX"; });
    REQUIRE(mx != counts.end());
    CHECK(mx->second == 2);
    // The float noise of level 6 is gone; the score is the thousandth it meant.
    const auto d = c.document(5);
    REQUIRE(d->tags.size() == 1);
    CHECK(d->tags[0].score == 0.6);
  }
  CHECK(atip::testing::stored_tags(db) == before);
  CHECK(count(db, "SELECT count(*) FROM tag_name") == 7);
  CHECK(count(db, "SELECT count(*) FROM document_tag") == 9);
  CHECK(count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'tag' AND type = 'view'") == 1);

  // New tags reuse the names the upgrade wrote and add only new ones.
  {
    Catalogue c(db, OpenMode::ReadWrite);
    c.ingest_unowned("hand", "me", {tagged("n1", {{"country", "MX", 1}, {"topic", "organ_removal", 0.8}})}, 100, {});
  }
  CHECK(count(db, "SELECT count(*) FROM tag_name") == 8);
  CHECK(count(db, "SELECT count(*) FROM tag WHERE kind = 'country' AND value = 'MX'") == 3);
  const auto report = check_catalogue(db);
  for (const auto& p : report.problems) FAIL_CHECK(p.check << ": " << p.message);
}

TEST_CASE("tags: the upgrade leaves behind tags of a document that is gone") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  atip::testing::load_fixture(6, db);
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);  // foreign keys are off on this connection
    d.exec("INSERT INTO tag(document_id, kind, value, score) VALUES (99, 'topic', 'trafficking', 1)");
  }
  { Catalogue c(db, OpenMode::ReadWrite); }
  CHECK(count(db, "SELECT count(*) FROM document_tag WHERE document_id = 99") == 0);
  CHECK(count(db, "SELECT count(*) FROM document_tag") == 9);
  CHECK(check_catalogue(db).healthy());
}

TEST_CASE("tags: a name added by a rolled-back dry run is not reused by the next import") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  Catalogue c(db, OpenMode::ReadWrite);
  c.ingest_unowned("import", "a.bib", {tagged("r1", {{"topic", "new_value", 1}})}, 100, {}, true);
  CHECK(count(db, "SELECT count(*) FROM tag_name") == 0);
  c.ingest_unowned("import", "a.bib", {tagged("r1", {{"topic", "new_value", 1}})}, 100, {});
  CHECK(count(db, "SELECT count(*) FROM tag WHERE value = 'new_value'") == 1);
  CHECK(count(db, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("tags: the view takes inserts, updates and deletes as the old table did") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  {
    Catalogue c(db, OpenMode::ReadWrite);
    c.ingest_unowned("hand", "me", {tagged("a", {{"topic", "tip_general", 1}})}, 100, {});
  }
  SQLite::Database d(db, SQLite::OPEN_READWRITE);
  d.exec("INSERT INTO tag(document_id, kind, value) VALUES (1, 'country', 'BR')");
  d.exec("UPDATE tag SET score = 0.25 WHERE value = 'BR'");
  CHECK(atip::testing::rows(db, "SELECT kind, value, score FROM tag ORDER BY kind") ==
        std::vector<std::string>{"country|BR|0.25", "topic|tip_general|1.0"});
  d.exec("DELETE FROM tag WHERE kind = 'topic'");
  CHECK(atip::testing::rows(db, "SELECT kind, value FROM tag") == std::vector<std::string>{"country|BR"});
}

TEST_CASE("tags: tag filters and reads look rows up through the view, never scan the tag tables") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  { Catalogue c(path, OpenMode::ReadWrite); }
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  atip::store::register_ranking(db.getHandle());
  Selection filters;
  filters.topics = {"trafficking", "forced_labour"};
  filters.countries = {"MX"};
  Selection search = filters;
  search.fts_query = "trata";
  search.order = Selection::Order::Rank;
  search.rank_window = 200;
  Selection grouped;
  grouped.order = Selection::Order::GroupThenDate;
  grouped.group_kind = "country";
  for (const std::string& sql :
       {selection_sql(filters, "d.id"), selection_sql(search, "d.id"), selection_sql(grouped, "d.id"),
        std::string(rows::kTagColumns) + " = 1 " + rows::kTagOrder,
        std::string(rows::kTagColumns) + " IN (1, 2, 3) " + rows::kTagOrder}) {
    CAPTURE(sql);
    CHECK(tag_scans(db, sql).empty());
  }
  // Documents per tag: the names in order, each one's documents counted in the index alone.
  CHECK(tag_scans(db, "SELECT kind, value, count(*) FROM tag GROUP BY kind, value") ==
        std::vector<std::string>{"SCAN n USING COVERING INDEX sqlite_autoindex_tag_name_1"});
}

TEST_CASE("tags: doctor finds tags naming a missing tag, and repair removes them") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  {
    Catalogue c(db, OpenMode::ReadWrite);
    c.ingest_unowned("hand", "me", {tagged("a", {{"topic", "tip_general", 1}, {"country", "MX", 1}})}, 100, {});
  }
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);  // foreign keys are off on this connection
    d.exec("DELETE FROM tag_name WHERE value = 'MX'");
  }
  auto r = check_catalogue(db);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message == "1 tags name a missing tag");
  CHECK(r.problems[0].repairable);
  const auto done = repair_catalogue(db);
  CHECK(std::find(done.begin(), done.end(), "removed 1 tags naming a missing tag") != done.end());
  CHECK(check_catalogue(db).healthy());
  CHECK(atip::testing::rows(db, "SELECT kind, value FROM tag") == std::vector<std::string>{"topic|tip_general"});
}

TEST_CASE("tags: the counts per tag are the tag view's, in order, without tags no document carries") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  atip::testing::load_fixture(6, db);
  {
    Catalogue c(db, OpenMode::ReadWrite);
    c.ingest_unowned("hand", "me", {tagged("n1", {{"country", "MX", 1}, {"topic", "organ_removal", 0.8}}),
                                    tagged("n2", {{"country", "BR", 1}, {"topic", "organ_removal", 0.5}})},
                     100, {});
  }
  // A name left behind by its last document.
  SQLite::Database(db, SQLite::OPEN_READWRITE).exec("DELETE FROM tag WHERE kind = 'country' AND value = 'BR'");
  std::vector<std::tuple<std::string, std::string, std::int64_t>> expected, got;
  {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    SQLite::Statement st(raw, "SELECT kind, value, count(*) FROM tag GROUP BY kind, value ORDER BY kind, value");
    while (st.executeStep())
      expected.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getInt64());
  }
  Catalogue c(db, OpenMode::ReadOnly);
  for (const auto& [tag, n] : c.tag_counts()) got.emplace_back(tag.kind, tag.value, n);
  CHECK(got == expected);
  CHECK(count(db, "SELECT count(*) FROM tag_name WHERE kind = 'country' AND value = 'BR'") == 1);
  CHECK(std::none_of(got.begin(), got.end(), [](const auto& t) { return std::get<1>(t) == "BR"; }));
  CHECK(std::any_of(got.begin(), got.end(), [](const auto& t) {
    return std::get<1>(t) == "organ_removal" && std::get<2>(t) == 2;
  }));
}
