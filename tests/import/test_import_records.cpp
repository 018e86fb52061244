// From records to what the catalogue stores, and whole files through lib/app into a catalogue.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <sstream>

#include "lib/app/import.hpp"
#include "lib/app/vocabulary.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/import/import_test_util.hpp"

using namespace atip;
using namespace atip::testing;

namespace {

const catalog::Vocabulary& vocab() { return app::vocabulary().vocabulary; }

bool has_tag(const store::EntryRecord& r, const std::string& kind, const std::string& value) {
  for (const auto& t : r.tags)
    if (t.kind == kind && t.value == value) return true;
  return false;
}

}  // namespace

TEST_CASE("app::to_entry_record: identity keys are stable per work whatever the file") {
  importer::Record a;
  a.title = "Global Report on Trafficking in Persons";
  a.url = "https://www.unodc.org/glotip/?utm_source=zotero";
  a.date = "2024";
  store::EntryRecord e = app::to_entry_record(a, vocab());
  CHECK(e.canonical_url == "unodc.org/glotip");
  CHECK(e.entry_key == "unodc.org/glotip");
  CHECK(e.link == a.url);
  CHECK(e.published == util::parse_cli_date("2024-01-01"));

  importer::Record b = a;
  b.url.clear();
  b.doi = "10.1234/x";
  e = app::to_entry_record(b, vocab());
  CHECK(e.entry_key == "doi:10.1234/x");
  CHECK(e.doi == "10.1234/x");

  importer::Record c = b;
  c.doi.clear();
  const std::string key = app::to_entry_record(c, vocab()).entry_key;
  CHECK(key.rfind("title:", 0) == 0);
  c.title = "GLOBAL report on trafficking in persons!";  // the same title key
  CHECK(app::to_entry_record(c, vocab()).entry_key == key);
  c.date = "2025";
  CHECK(app::to_entry_record(c, vocab()).entry_key != key);

  importer::Record bare = a;
  bare.url = "www.unodc.org/glotip";
  CHECK(app::to_entry_record(bare, vocab()).entry_key == "unodc.org/glotip");

  // A DOI in the link counts as the work's DOI.
  importer::Record d;
  d.title = "Article";
  d.url = "https://doi.org/10.5555/ABC";
  CHECK(app::to_entry_record(d, vocab()).doi == "10.5555/abc");
}

TEST_CASE("app::to_entry_record: the file's type, language and tags; the tagger for the rest") {
  importer::Record r;
  r.title = "Trata de personas con fines de explotación laboral en México";
  r.language = "Spanish";
  r.type = "policy";
  r.countries = {"Guatemala", "br", "Atlantis"};
  r.topics = {"Sex trafficking"};
  r.keywords = {"tip_general", "random words"};
  r.authors = {"Pérez, Ana", "Semi; colon"};
  r.summary = "<p>Texto con <b>marcas</b></p>";
  const store::EntryRecord e = app::to_entry_record(r, vocab());
  CHECK(e.language == "es");
  CHECK(e.doc_type == "policy");
  CHECK(has_tag(e, "type", "policy"));
  int types = 0;
  for (const auto& t : e.tags) types += t.kind == "type";
  CHECK(types == 1);
  CHECK(has_tag(e, "country", "MX"));  // the tagger's, from the title
  CHECK(has_tag(e, "country", "GT"));  // by name
  CHECK(has_tag(e, "country", "BR"));  // by code, any case
  CHECK(has_tag(e, "topic", "forced_labour"));
  CHECK(has_tag(e, "topic", "sex_trafficking"));
  CHECK(e.relevance >= 0.5);
  CHECK(e.authors == "Pérez, Ana; Semi, colon");
  CHECK(e.summary == "Texto con marcas");
  CHECK(e.summary_html == r.summary);

  importer::Record plain;
  plain.title = "x < y and y > z";
  plain.summary = "a < b, c > d";
  CHECK(app::to_entry_record(plain, vocab()).summary_html.empty());
  plain.language = "pt-BR";
  CHECK(app::to_entry_record(plain, vocab()).language == "pt");
}

TEST_CASE("importer and app: 5,000 records in each format, then into a catalogue twice") {
  std::string bib, ris, csv = "title,url,date,authors\n", json = "[";
  for (int i = 0; i < 5000; ++i) {
    bib += fmt::format("@report{{k{0},\n  title = {{Informe {0} sobre trata \\& {{explotación}}}},\n  year = {1},\n"
                       "  url = {{https://example.org/r/{0}}}\n}}\n\n", i, 1990 + i % 30);
    ris += fmt::format("TY  - RPRT\r\nTI  - Informe {0}\r\nPY  - {1}\r\nUR  - https://example.org/r/{0}\r\nER  - \r\n",
                       i, 1990 + i % 30);
    csv += fmt::format("\"Informe {0}, \"\"anual\"\"\",https://example.org/r/{0},{1}-02,\"Pérez, Ana\"\n", i, 1990 + i % 30);
    json += fmt::format("{}{{\"title\": \"Informe {}\", \"issued\": {{\"date-parts\": [[{}]]}}}}\n", i ? "," : "", i,
                        1990 + i % 30);
  }
  json += "]";
  const auto b = importer::read_bibtex(bib);
  REQUIRE(b.records.size() == 5000);
  CHECK(b.records.back().line == 4999 * 6 + 1);
  CHECK(b.records.back().title == "Informe 4999 sobre trata & explotación");
  const auto r = importer::read_ris(ris);
  REQUIRE(r.records.size() == 5000);
  CHECK(r.records.back().line == 4999 * 5 + 1);
  const auto j = importer::read_csljson(json);
  REQUIRE(j.records.size() == 5000);
  CHECK(j.records.back().line == 5000);
  const auto c = importer::read_csv(csv);
  REQUIRE(c.records.size() == 5000);
  CHECK(c.records.back().line == 5001);
  CHECK(c.records.back().title == "Informe 4999, \"anual\"");

  TempDir tmp;
  const std::string db = tmp.file("catalogue.db");
  { store::Catalogue create(db, store::OpenMode::ReadWrite); }
  util::FixedClock clock(*util::parse_cli_date("2026-11-27"));
  std::ostringstream out, err;
  app::Context ctx{db, out, err, clock};
  const std::string file = tmp.write("big.csv", csv);
  app::FileImportReport report = app::import_file(ctx, {file, "", false});
  CHECK(report.added == 5000);
  CHECK(report.rejected == 0);
  CHECK(app::import_exit_status(report) == 0);
  report = app::import_file(ctx, {file, "", false});
  CHECK(report.added == 0);
  CHECK(report.unchanged == 5000);
  store::Catalogue cat(db, store::OpenMode::ReadOnly);
  CHECK(cat.count_documents() == 5000);
  CHECK(cat.count_sightings() == 5000);
}

TEST_CASE("app::import_file: duplicates in one file, dry run lines, screening columns") {
  TempDir tmp;
  const std::string db = tmp.file("catalogue.db");
  { store::Catalogue create(db, store::OpenMode::ReadWrite); }
  util::FixedClock clock(*util::parse_cli_date("2026-11-27"));
  std::ostringstream out, err;
  app::Context ctx{db, out, err, clock};
  const std::string file = tmp.write("mine.csv",
      "title,link,state,starred,note\n"
      "Informe uno,https://example.org/1,included,1,leer primero\n"
      "Informe uno (copia),https://example.org/1/?utm_source=x,,,\n"
      ",https://example.org/3,,,\n");
  app::FileImportReport report = app::import_file(ctx, {file, "", true});
  CHECK(report.added == 1);
  CHECK(report.duplicates == 1);
  CHECK(report.rejected == 1);
  CHECK(out.str().find("line 2: would add 'Informe uno' as document 1\n") != std::string::npos);
  CHECK(out.str().find("line 3: skipped: the same work as line 2 of this file\n") != std::string::npos);
  CHECK(out.str().find("line 4: rejected: no title\n") != std::string::npos);
  CHECK(store::Catalogue(db, store::OpenMode::ReadOnly).count_documents() == 0);

  out.str("");
  report = app::import_file(ctx, {file, "", false});
  CHECK(report.added == 1);
  CHECK(err.str().find("mine.csv:4: rejected: no title") != std::string::npos);
  CHECK(app::import_exit_status(report) == 1);
  store::Catalogue cat(db, store::OpenMode::ReadOnly);
  const auto doc = cat.document(1);
  REQUIRE(doc);
  CHECK(doc->state == "included");
  CHECK(doc->starred);
  CHECK(doc->note == "leer primero");
  REQUIRE(doc->sightings.size() == 1);
  CHECK(doc->sightings[0].origin == "import");
  CHECK(doc->sightings[0].source == "import: mine.csv");
}

TEST_CASE("app::to_entry_record: rich-text titles are stored as plain text") {
  importer::Record r;
  r.title = "The <i>Palermo</i> Protocol at <b>20</b>";
  CHECK(app::to_entry_record(r, vocab()).title == "The Palermo Protocol at 20");
  r.title = "Cases where x < 5 and y > 2";
  CHECK(app::to_entry_record(r, vocab()).title == "Cases where x < 5 and y > 2");
}
