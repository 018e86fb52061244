// Editions (issue 5, requirement 1): translations of one work stay separate documents, linked
// where the source says so, whichever edition arrives first.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "lib/app/entries.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/feed/parse.hpp"
#include "lib/store/catalogue.hpp"
#include "tests/common/temp_dir.hpp"

using namespace atip;
using atip::testing::TempDir;

namespace {

store::EntryRecord record(const std::string& key, const std::string& title, const std::string& canonical,
                          const std::string& language, std::vector<std::string> editions = {}) {
  store::EntryRecord e;
  e.entry_key = key;
  e.content_hash = "h";
  e.link = "https://" + canonical;
  e.canonical_url = canonical;
  e.title = title;
  e.summary = "Summary of " + title;
  e.language = language;
  e.published = 1'790'000'000;
  e.edition_urls = std::move(editions);
  return e;
}

std::vector<std::int64_t> edition_ids(store::Catalogue& c, std::int64_t id) {
  const auto d = c.document(id);
  REQUIRE(d);
  std::vector<std::int64_t> out;
  for (const auto& e : d->editions) out.push_back(e.id);
  return out;
}

// Parses a fixture of tests/data/identity/editions and stores it as `atip fetch` does.
store::IngestResult fetch_fixture(store::Catalogue& c, const std::string& name) {
  std::ifstream in(std::string(ATIP_SOURCE_DIR) + "/tests/data/identity/editions/" + name);
  REQUIRE(in);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const feed::ParseResult parsed = feed::parse(bytes.str());
  REQUIRE(parsed.ok);
  const auto feed_id = c.add_feed({"https://feeds.example/" + name, parsed.feed.title, "", {}}, 1);
  REQUIRE(feed_id);
  const auto records = app::to_records(parsed.feed, app::vocabulary().vocabulary);
  return c.ingest(*feed_id, parsed.feed.title, records, 1'800'000'000, app::same_work_decision());
}

std::int64_t id_titled(store::Catalogue& c, const std::string& title) {
  std::int64_t found = 0;
  c.select({}, [&](const store::Document& d) {
    if (d.title == title) found = d.id;
  });
  REQUIRE_MESSAGE(found != 0, "no document titled " << title);
  return found;
}

void check_linked(store::Catalogue& c, std::int64_t a, std::int64_t b) {
  CHECK(edition_ids(c, a) == std::vector<std::int64_t>{b});
  CHECK(edition_ids(c, b) == std::vector<std::int64_t>{a});
}

}  // namespace

TEST_CASE("store::ingest: a declared edition is linked both ways, whichever arrives first") {
  for (const bool english_first : {true, false}) {
    CAPTURE(english_first);
    TempDir tmp;
    store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
    const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
    const auto en = record("en", "Global Report 2026", "unodc.org/en/glotip", "en", {"unodc.org/es/glotip"});
    const auto es = record("es", "Informe Mundial 2026", "unodc.org/es/glotip", "es");
    c.ingest(feed, "A", {english_first ? en : es}, 100);
    c.ingest(feed, "A", {english_first ? es : en}, 200);
    REQUIRE(c.count_documents() == 2);  // editions stay separate documents
    const auto d = c.document(english_first ? 1 : 2);
    REQUIRE(d);
    REQUIRE(d->editions.size() == 1);
    CHECK(d->editions[0].language == "es");
    CHECK(d->editions[0].title == "Informe Mundial 2026");
    check_linked(c, 1, 2);
  }
}

TEST_CASE("store::ingest: a declared link to a document in the same language, or to itself, is no edition") {
  TempDir tmp;
  store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
  const auto feed = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  c.ingest(feed, "A", {record("1", "Report", "x.org/report", "en", {"x.org/report", "x.org/related"})}, 100);
  c.ingest(feed, "A", {record("2", "Related report", "x.org/related", "en")}, 200);
  CHECK(edition_ids(c, 1).empty());
  CHECK(edition_ids(c, 2).empty());
}

TEST_CASE("store::ingest: a syndicated copy of a work declares its edition for the work") {
  TempDir tmp;
  store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
  const auto a = *c.add_feed({"https://a.example/feed", "A", "", {}}, 1);
  const auto b = *c.add_feed({"https://b.example/feed", "B", "", {}}, 1);
  c.ingest(a, "A", {record("1", "Report", "x.org/en/report", "en")}, 100);
  c.ingest(a, "A", {record("2", "Informe", "x.org/es/informe", "es")}, 100);
  // The same English work seen again elsewhere, this time with its alternate declared.
  c.ingest(b, "B", {record("9", "Report", "x.org/en/report", "en", {"x.org/es/informe"})}, 200);
  REQUIRE(c.count_documents() == 2);
  check_linked(c, 1, 2);
}

TEST_CASE("editions from feeds: an hreflang alternate links the English and Spanish reports in either order") {
  for (const bool english_first : {true, false}) {
    CAPTURE(english_first);
    TempDir tmp;
    store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
    fetch_fixture(c, english_first ? "unodc_en.xml" : "unodc_es.xml");
    fetch_fixture(c, english_first ? "unodc_es.xml" : "unodc_en.xml");
    REQUIRE(c.count_documents() == 2);
    const auto en = id_titled(c, "Global Report on Trafficking in Persons 2026");
    const auto es = id_titled(c, "Informe Mundial sobre la Trata de Personas 2026");
    check_linked(c, en, es);
    const auto spanish = c.document(es);
    REQUIRE(spanish->editions.size() == 1);
    CHECK(spanish->editions[0].language == "en");
  }
}

TEST_CASE("editions from feeds: a dc:relation links the Portuguese and English press releases") {
  TempDir tmp;
  store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
  fetch_fixture(c, "relation.xml");
  fetch_fixture(c, "oas_en.xml");
  REQUIRE(c.count_documents() == 3);
  const auto pt = id_titled(c, "OEA lança plano regional contra o tráfico de pessoas");
  const auto en = id_titled(c, "OAS launches regional plan against trafficking in persons");
  const auto other = id_titled(c, "OAS launches regional plan against migrant smuggling");
  check_linked(c, pt, en);
  CHECK(edition_ids(c, other).empty());
}

TEST_CASE("editions from feeds: a \"Versión en español\" link in the summary, tracking parameters on the target") {
  for (const bool english_first : {true, false}) {
    CAPTURE(english_first);
    TempDir tmp;
    store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
    fetch_fixture(c, english_first ? "version_link_en.xml" : "version_link_es.xml");
    fetch_fixture(c, english_first ? "version_link_es.xml" : "version_link_en.xml");
    REQUIRE(c.count_documents() == 2);
    check_linked(c, id_titled(c, "Hotline data show labor trafficking rising in agriculture"),
                 id_titled(c, "Los datos de la línea directa muestran un aumento de la trata laboral en la agricultura"));
  }
}

TEST_CASE("editions from feeds: two different works with similar titles are neither merged nor linked") {
  TempDir tmp;
  store::Catalogue c(tmp.file("c.db"), store::OpenMode::ReadWrite);
  fetch_fixture(c, "similar_titles.xml");
  REQUIRE(c.count_documents() == 2);
  CHECK(edition_ids(c, id_titled(c, "Rescatan a 12 víctimas de trata en Chiapas")).empty());
  CHECK(edition_ids(c, id_titled(c, "Rescatan a 15 víctimas de trata en Oaxaca")).empty());
}
