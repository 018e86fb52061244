// Provenance (schema level 5): where each sighting came from, entries from no feed (imports,
// hand entries) and records an archive withdraws.
#include <doctest/doctest.h>

#include "lib/store/catalogue.hpp"
#include "tests/common/catalogue_query.hpp"
#include "tests/common/temp_dir.hpp"

using namespace atip::store;
using atip::testing::TempDir;

namespace {

EntryRecord entry(const std::string& key, const std::string& title, const std::string& canonical,
                  const std::string& hash = "h1") {
  EntryRecord e;
  e.entry_key = key;
  e.content_hash = hash;
  e.link = canonical.empty() ? "" : "https://" + canonical;
  e.canonical_url = canonical;
  e.title = title;
  e.summary = "Summary of " + title;
  e.authors = "UNODC";
  e.published = 1'780'000'000;
  return e;
}

std::vector<std::string> origins(Catalogue& c, std::int64_t id) {
  std::vector<std::string> out;
  const auto document = c.document(id);
  REQUIRE(document);
  for (const Sighting& s : document->sightings) out.push_back(s.origin);
  return out;
}

using Kind = EntryOutcome::Kind;

}  // namespace

TEST_CASE("store provenance: a sighting's origin follows its source's kind and outlives it") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  NewFeed page{"https://b.example/news", "B", "", {}};
  page.kind = "page";
  page.page_select = "ul.news";
  page.page_match = "*/news/*";
  const auto watched = *c.add_feed(page, 1);
  NewFeed oai{"https://c.example/oai", "C", "", {}};
  oai.kind = "oai";
  oai.oai_set = "trafficking";
  const auto archive = *c.add_feed(oai, 1);

  const auto row = *c.find_feed(std::to_string(watched));
  CHECK(row.kind == "page");
  CHECK(row.page_select == "ul.news");
  CHECK(row.page_match == "*/news/*");
  CHECK(c.find_feed(std::to_string(archive))->oai_set == "trafficking");
  CHECK(c.find_feed(std::to_string(feed))->kind == "feed");

  c.ingest(feed, "A", {entry("a1", "Global Report", "unodc.org/report")}, 100);
  c.ingest(watched, "B", {entry("b1", "Global Report", "unodc.org/report")}, 200);
  c.ingest(archive, "C", {entry("oai:c:1", "Global Report", "unodc.org/report")}, 300);
  REQUIRE(c.count_documents() == 1);
  CHECK(origins(c, 1) == std::vector<std::string>{"feed", "page", "archive"});

  c.remove_feed(archive);
  CHECK(origins(c, 1) == std::vector<std::string>{"feed", "page", "archive"});
}

TEST_CASE("store provenance: entries from no feed keep their identity by origin and entry key") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(feed, "A", {entry("a1", "Global Report", "unodc.org/report")}, 100);

  const std::vector<EntryRecord> file = {entry("unodc.org/report", "Global Report", "unodc.org/report"),
                                         entry("doi:10.1/x", "A Study", "")};
  auto first = c.ingest_unowned("import", "import: lib.bib", file, 200);
  REQUIRE(first.size() == 2);
  CHECK(first[0].kind == Kind::NewSighting);
  CHECK(first[0].document_id == 1);
  CHECK(first[1].kind == Kind::NewDocument);
  CHECK(c.count_documents() == 2);
  CHECK(origins(c, 1) == std::vector<std::string>{"feed", "import"});
  CHECK(c.document(first[1].document_id)->sightings.front().source == "import: lib.bib");
  CHECK_FALSE(c.document(first[1].document_id)->sightings.front().feed_id);

  // The same file again changes nothing; a hand entry of the same work is one more sighting.
  auto again = c.ingest_unowned("import", "import: lib.bib", file, 300);
  CHECK(again[0].kind == Kind::Unchanged);
  CHECK(again[1].kind == Kind::Unchanged);
  CHECK(again[1].document_id == first[1].document_id);
  auto hand = c.ingest_unowned("hand", "hand entry", {entry("unodc.org/report", "Global Report", "unodc.org/report")}, 400);
  CHECK(hand[0].kind == Kind::NewSighting);
  CHECK(origins(c, 1) == std::vector<std::string>{"feed", "import", "hand"});
  CHECK(c.count_sightings() == 4);
  CHECK_THROWS_AS(c.ingest_unowned("feed", "x", file, 500), std::invalid_argument);
}

TEST_CASE("store provenance: a changed import never blanks what the work already has") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  auto first = c.ingest_unowned("import", "import: a.csv", {entry("k", "Old title", "x.org/1")}, 100);
  EntryRecord thinner = entry("k", "New title", "x.org/1", "h2");
  thinner.summary.clear();
  thinner.authors.clear();
  auto second = c.ingest_unowned("import", "import: a.csv", {thinner}, 200);
  CHECK(second[0].kind == Kind::Updated);
  const auto d = *c.document(first[0].document_id);
  CHECK(d.title == "New title");
  CHECK(d.summary == "Summary of Old title");
  CHECK(d.authors == "UNODC");
  REQUIRE(d.revisions.size() == 1);
  CHECK(d.revisions[0].title == "Old title");
}

TEST_CASE("store provenance: a dry run says what would happen and stores nothing") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  c.ingest_unowned("hand", "hand entry", {entry("x.org/1", "One", "x.org/1")}, 100);
  const std::vector<EntryRecord> batch = {entry("x.org/1", "One", "x.org/1"), entry("x.org/2", "Two", "x.org/2"),
                                          entry("x.org/2b", "Two again", "x.org/2")};
  auto dry = c.ingest_unowned("import", "import: f.ris", batch, 200, {}, /*dry_run=*/true);
  REQUIRE(dry.size() == 3);
  CHECK(dry[0].kind == Kind::NewSighting);
  CHECK(dry[1].kind == Kind::NewDocument);
  // Within one file, a later record of a work the file already added merges into it.
  CHECK(dry[2].kind == Kind::NewSighting);
  CHECK(dry[2].document_id == dry[1].document_id);
  CHECK(c.count_documents() == 1);
  CHECK(c.count_sightings() == 1);
  auto real = c.ingest_unowned("import", "import: f.ris", batch, 200);
  CHECK(real[1].kind == Kind::NewDocument);
  CHECK(c.count_documents() == 2);
}

TEST_CASE("store provenance: withdrawn records go unless someone screened their document") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  NewFeed oai{"https://c.example/oai", "C", "", {}};
  oai.kind = "oai";
  const auto archive = *c.add_feed(oai, 1);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(archive, "C", {entry("oai:1", "Only here", "c.example/1"), entry("oai:2", "Screened", "c.example/2"),
                          entry("oai:3", "Also in a feed", "c.example/3")}, 100);
  c.ingest(feed, "A", {entry("a3", "Also in a feed", "c.example/3")}, 100);
  c.mark({2}, Mark{"included", std::nullopt, std::nullopt});
  REQUIRE(c.count_documents() == 3);

  CHECK(c.withdraw(archive, {"oai:1", "oai:2", "oai:3", "oai:unknown"}) == 3);
  CHECK_FALSE(c.document(1));                  // only the archive had it
  REQUIRE(c.document(2));                      // screened: kept, with no sighting
  CHECK(c.document(2)->sightings.empty());
  REQUIRE(c.document(3));                      // still carried by the feed
  CHECK(origins(c, 3) == std::vector<std::string>{"feed"});
  CHECK(atip::testing::count(c.path(), "SELECT count(*) FROM document_fts WHERE document_fts MATCH 'only'") == 0);
  CHECK(c.withdraw(archive, {"oai:1"}) == 0);
}

TEST_CASE("store provenance: a completed harvest's date is kept for the next one") {
  TempDir tmp;
  Catalogue c(tmp.file("c.db"), OpenMode::ReadWrite);
  NewFeed oai{"https://c.example/oai", "C", "", {}};
  oai.kind = "oai";
  const auto id = *c.add_feed(oai, 1);
  FetchOutcome o;
  o.feed_id = id;
  o.started_at = 100;
  o.outcome = "failed";
  o.error = "badResumptionToken";
  c.record_fetch(o);
  CHECK(c.find_feed(std::to_string(id))->harvested_until.empty());
  o.outcome = "stored";
  o.error.clear();
  o.harvested_until = "2026-11-28";
  c.record_fetch(o);
  CHECK(c.find_feed(std::to_string(id))->harvested_until == "2026-11-28");
}
