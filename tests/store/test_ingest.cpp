#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

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

std::vector<std::int64_t> ids_matching(Catalogue& c, const std::string& fts) {
  std::vector<std::int64_t> ids;
  Selection s;
  s.fts_query = fts;
  s.order = Selection::Order::Rank;
  c.select(s, [&](const Document& d) { ids.push_back(d.id); });
  return ids;
}

}  // namespace

TEST_CASE("store::ingest: an entry already seen in the same feed is not stored again") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const std::vector<EntryRecord> batch = {entry("k1", "One", "a.example/1"), entry("k2", "Two", "a.example/2")};
  auto first = c.ingest(feed, "A", batch, 100);
  CHECK(first.new_documents == 2);
  auto second = c.ingest(feed, "A", batch, 200);
  CHECK(second.new_documents == 0);
  CHECK(second.new_sightings == 0);
  CHECK(second.unchanged == 2);
  CHECK(c.count_documents() == 2);
  CHECK(c.count_sightings() == 2);
}

TEST_CASE("store::ingest: the same canonical URL from another feed is a new sighting of the same document") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "UNODC", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "ReliefWeb", "", {}}, 1);
  c.ingest(a, "UNODC", {entry("unodc-1", "Global Report", "unodc.org/report")}, 100);
  auto r = c.ingest(b, "ReliefWeb", {entry("rw-77", "Global Report (syndicated)", "unodc.org/report")}, 200);
  CHECK(r.new_documents == 0);
  CHECK(r.new_sightings == 1);
  REQUIRE(c.count_documents() == 1);
  auto doc = c.document(1);
  REQUIRE(doc);
  REQUIRE(doc->sightings.size() == 2);
  CHECK(doc->sightings[0].source == "UNODC");
  CHECK(doc->sightings[1].source == "ReliefWeb");
  CHECK(doc->title == "Global Report");  // the first publisher's text stays
}

TEST_CASE("store::ingest: a changed entry updates the document, keeps first_seen and records the old title") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(feed, "A", {entry("k1", "Draft title", "a.example/1", "h1")}, 100);
  auto r = c.ingest(feed, "A", {entry("k1", "Final title", "a.example/1", "h2")}, 200);
  CHECK(r.updated == 1);
  auto doc = c.document(1);
  REQUIRE(doc);
  CHECK(doc->title == "Final title");
  CHECK(doc->first_seen == 100);
  CHECK(doc->last_changed == 200);
  REQUIRE(doc->revisions.size() == 1);
  CHECK(doc->revisions[0].title == "Draft title");
  // The full-text index follows the update.
  CHECK(ids_matching(c, "\"final\"").size() == 1);
  CHECK(ids_matching(c, "\"draft\"").empty());
}

// Full-text rows are written at the end of a batch (index_pending), not per insert.
TEST_CASE("store::ingest: every document of a batch is searchable, also one changed later in the batch") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);
  const std::vector<EntryRecord> first = {entry("k1", "Draft title", "a.example/1", "h1"),
                                          entry("k2", "Labour inspection", "a.example/2")};
  const std::vector<EntryRecord> other = {entry("b1", "Shelter opens", "b.example/1")};
  const std::vector<EntryRecord> again = {entry("k1", "Final title", "a.example/1", "h2")};
  const auto results = c.ingest_many({{a, "A", &first}, {b, "B", &other}, {a, "A", &again}}, 100);
  REQUIRE(results.size() == 3);
  CHECK(results[0].new_documents == 2);
  CHECK(results[2].updated == 1);
  CHECK(ids_matching(c, "\"final\"") == std::vector<std::int64_t>{1});
  CHECK(ids_matching(c, "\"draft\"").empty());
  CHECK(ids_matching(c, "\"labour\"") == std::vector<std::int64_t>{2});
  CHECK(ids_matching(c, "\"shelter\"") == std::vector<std::int64_t>{3});
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK_NOTHROW(db.exec("INSERT INTO document_fts(document_fts, rank) VALUES ('integrity-check', 1)"));
  CHECK(db.execAndGet("SELECT count(*) FROM document_fts_docsize").getInt() == 3);
}

TEST_CASE("store::ingest: a dry run of an import leaves neither documents nor full-text rows") {
  TempDir tmp;
  const std::string path = tmp.file("c.db");
  Catalogue c(path, OpenMode::ReadWrite);
  const auto outcomes = c.ingest_unowned("import", "refs.bib", {entry("r1", "Forced labour survey", "x.example/1")},
                                         100, {}, true);
  REQUIRE(outcomes.size() == 1);
  CHECK(c.count_documents() == 0);
  CHECK(ids_matching(c, "\"survey\"").empty());
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK(db.execAndGet("SELECT count(*) FROM document_fts_docsize").getInt() == 0);
}

TEST_CASE("store::select: full-text search ignores accents and case, and ranks title matches first") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  auto in_summary = entry("k1", "Informe anual", "a.example/1");
  in_summary.summary = "Datos sobre el TRÁFICO de personas en la región";
  auto in_title = entry("k2", "Tráfico de migrantes y trata", "a.example/2");
  c.ingest(feed, "A", {in_summary, in_title, entry("k3", "Unrelated", "a.example/3")}, 100);
  const auto ids = ids_matching(c, "\"trafico\"");
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == 2);  // title match first
  CHECK(ids[1] == 1);
}

TEST_CASE("store::remove_feed: documents stay, and their sightings keep the publisher's name") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "Agência Brasil", "", {}}, 1);
  c.ingest(feed, "", {entry("k1", "Tráfico de pessoas", "a.example/1")}, 100);
  CHECK(c.remove_feed(feed));
  CHECK(c.feeds().empty());
  auto doc = c.document(1);
  REQUIRE(doc);
  REQUIRE(doc->sightings.size() == 1);
  CHECK_FALSE(doc->sightings[0].feed_id.has_value());
  CHECK(doc->sightings[0].source == "Agência Brasil");
  CHECK_FALSE(c.remove_feed(feed));
}

TEST_CASE("store::record_fetch: success stores validators and clears failures; failure counts them") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "", "", {}}, 1);
  FetchOutcome fail;
  fail.feed_id = feed;
  fail.started_at = 10;
  fail.outcome = "failed";
  fail.http_status = 500;
  fail.error = "HTTP 500 Internal Server Error";
  c.record_fetch(fail);
  c.record_fetch(fail);
  CHECK(c.find_feed(std::to_string(feed))->consecutive_failures == 2);
  FetchOutcome ok;
  ok.feed_id = feed;
  ok.started_at = 20;
  ok.outcome = "stored";
  ok.http_status = 200;
  ok.etag = "\"v1\"";
  ok.last_modified = "Tue, 03 Nov 2026 10:00:00 GMT";
  ok.feed_title = "Learned title";
  c.record_fetch(ok);
  auto row = c.find_feed("https://a.example/feed");
  REQUIRE(row);
  CHECK(row->consecutive_failures == 0);
  CHECK(row->etag == "\"v1\"");
  CHECK(row->last_modified == "Tue, 03 Nov 2026 10:00:00 GMT");
  CHECK(row->title == "Learned title");
  CHECK(row->last_success == 20);
  CHECK(row->last_error.empty());
}

TEST_CASE("store::ingest: the same DOI from another feed is the same work") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "Journal", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "PubMed", "", {}}, 1);
  auto first = entry("j1", "Labour trafficking in the Andes", "tandfonline.com/doi/full/10.1080/x");
  first.doi = "10.1080/23322705.2026.1";
  auto second = entry("pm1", "Labour trafficking in the Andes.", "pubmed.ncbi.nlm.nih.gov/123");
  second.doi = "10.1080/23322705.2026.1";
  c.ingest(a, "Journal", {first}, 100);
  auto r = c.ingest(b, "PubMed", {second}, 200);
  CHECK(r.new_sightings == 1);
  CHECK(c.count_documents() == 1);
  CHECK(c.document(1)->doi == "10.1080/23322705.2026.1");
}

TEST_CASE("store::ingest: a title-key candidate within the window merges only when the decision accepts") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);
  auto original = entry("a1", "Rescatan a 12 víctimas de trata en Chiapas", "a.example/1");
  original.title_keys = {"k-chiapas"};
  c.ingest(a, "A", {original}, 100);

  std::vector<std::int64_t> offered;
  const SameWork accept_same_title = [&](const Candidate& existing, const EntryRecord& e) {
    offered.push_back(existing.id);
    return existing.title == e.title;
  };
  auto copy = entry("b1", "Rescatan a 12 víctimas de trata en Chiapas", "b.example/copy");
  copy.title_keys = {"k-chiapas"};
  auto other = entry("b2", "Rescatan a 15 víctimas de trata en Oaxaca", "b.example/other");
  other.title_keys = {"k-chiapas"};  // a shared key alone must not merge
  auto late = entry("b3", "Rescatan a 12 víctimas de trata en Chiapas", "b.example/late");
  late.title_keys = {"k-chiapas"};
  late.published = *original.published + 91 * 86400;  // outside the 90-day candidate window
  auto r = c.ingest(b, "B", {copy, other, late}, 200, accept_same_title);
  CHECK(r.new_sightings == 1);
  CHECK(r.new_documents == 2);
  CHECK(c.count_documents() == 3);
  CHECK(c.document(1)->sightings.size() == 2);
  CHECK(offered.size() == 2);  // copy and other; late was never offered
}

TEST_CASE("store::ingest: tags are stored with the document and replaced when its entry changes") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  auto e = entry("k1", "Trata en México", "a.example/1", "h1");
  e.tags = {{"topic", "tip_general", 1.0}, {"country", "MX", 0.9}};
  e.doc_type = "news";
  e.relevance = 0.8;
  c.ingest(feed, "A", {e}, 100);
  auto d = c.document(1);
  REQUIRE(d->tags.size() == 2);
  CHECK(d->tags[0].kind == "country");
  CHECK(d->tags[0].value == "MX");
  CHECK(d->doc_type == "news");
  CHECK(d->relevance == doctest::Approx(0.8));
  e.content_hash = "h2";
  e.tags = {{"topic", "forced_labour", 1.0}};
  c.ingest(feed, "A", {e}, 200);
  d = c.document(1);
  REQUIRE(d->tags.size() == 1);
  CHECK(d->tags[0].value == "forced_labour");
}

TEST_CASE("store::document: among sightings of one run, the shortest link is the primary one") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto rw = *c.add_feed({"https://reliefweb.example/feed", "ReliefWeb", "", {}}, 1);
  const auto un = *c.add_feed({"https://unodc.example/feed", "UNODC", "", {}}, 1);
  auto syndicated = entry("rw-1", "Global Report", "unodc.org/report");
  syndicated.link = "https://www.unodc.org/report?utm_source=reliefweb&utm_medium=rss";
  auto original = entry("un-1", "Global Report", "unodc.org/report");
  original.link = "https://www.unodc.org/report";
  c.ingest(rw, "ReliefWeb", {syndicated}, 100);  // the syndicator's transfer finished first
  c.ingest(un, "UNODC", {original}, 100);
  const auto d = c.document(1);
  REQUIRE(d->sightings.size() == 2);
  CHECK(d->sightings[0].source == "UNODC");
  CHECK(d->link() == "https://www.unodc.org/report");
}

TEST_CASE("store::ingest and retag: a tag repeated in one record is stored once, the last score kept") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  auto e = entry("k1", "Trata en México", "a.example/1", "h1");
  // An import's own type beside the tagger's, say: the same pair twice.
  e.tags = {{"type", "report", 0.4}, {"country", "MX", 0.9}, {"type", "report", 1.0}};
  c.ingest(feed, "A", {e}, 100);
  auto d = c.document(1);
  REQUIRE(d->tags.size() == 2);
  CHECK(d->tags[1].kind == "type");
  CHECK(d->tags[1].score == doctest::Approx(1.0));

  c.retag([](const TaggingInput&) {
    TaggingOutput out;
    out.tags = {{"topic", "forced_labour", 1.0}, {"topic", "forced_labour", 0.5}};
    return out;
  });
  d = c.document(1);
  REQUIRE(d->tags.size() == 1);
  CHECK(d->tags[0].score == doctest::Approx(0.5));
}

// Title keys are looked up four per statement (ingest.cpp, has_title_keys): a key past the
// first four still finds its document.
TEST_CASE("store::ingest: a document with many tags and title keys keeps them all, and any key finds it") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);
  auto e = entry("a1", "Informe anual", "a.example/1");
  for (int i = 0; i < 40; ++i) e.tags.push_back({"topic", "t" + std::to_string(i % 37), (i + 1) / 100.0});
  for (int i = 0; i < 9; ++i) e.title_keys.push_back("key-" + std::to_string(i));
  c.ingest(a, "A", {e}, 100);
  const auto d = c.document(1);
  REQUIRE(d->tags.size() == 37);
  for (const TagRecord& t : d->tags)
    if (t.value == "t0") CHECK(t.score == doctest::Approx(0.38));  // the last of t0's repeats
  SQLite::Database db(tmp.file("c.db"), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT count(*) FROM document_title_key WHERE document_id = 1").getInt() == 9);

  int asked = 0;
  const SameWork any = [&](const Candidate& existing, const EntryRecord&) {
    ++asked;
    return existing.id == 1;
  };
  auto copy = entry("b1", "Informe anual", "b.example/copy");
  copy.title_keys = {"other-0", "other-1", "other-2", "other-3", "other-4", "key-8"};
  auto r = c.ingest(b, "B", {copy}, 200, any);
  CHECK(r.new_sightings == 1);
  CHECK(asked == 1);
  CHECK(c.count_documents() == 1);
}
