#include <doctest/doctest.h>

#include "lib/import/fields.hpp"
#include "tests/import/import_test_util.hpp"

using namespace atip;
using namespace atip::testing;
using Lines = std::vector<int>;

TEST_CASE("importer::read_csv: a Spanish spreadsheet with ; quotes, line breaks, BOM and bad rows") {
  const auto r = importer::read(importer::Format::Csv, import_fixture("office_es.csv"));
  CHECK(record_lines(r) == Lines{2, 4, 8, 12});
  CHECK(rejected_lines(r) == Lines{5, 6, 10, 11});
  const auto& first = record_at(r, 2);
  CHECK(first.title == "Informe anual; trata \"interna\"");
  CHECK(first.url == "https://example.org/a");
  CHECK(first.date == "2024-05-06");
  CHECK(first.authors == std::vector<std::string>{"Pérez, Ana", "Gómez, Luis"});
  CHECK(first.type == "report");
  CHECK(first.countries == std::vector<std::string>{"MX", "Guatemala"});
  CHECK(first.language == "español");
  CHECK(first.summary == "Primera línea\r\nsegunda línea");
  CHECK(first.topics == std::vector<std::string>{"forced_labour"});
  CHECK(first.note == "revisar");
  CHECK(record_at(r, 4).title == "=Formula looking title");  // atip's export guards it with '
  CHECK(record_at(r, 4).type == "law");
  CHECK(record_at(r, 8).title == "Quoted title with line break");
  CHECK(record_at(r, 8).date == "2020-03");
  CHECK(record_at(r, 12).title == "After the broken one");
  CHECK(rejection_at(r, 5) == "no title");
  CHECK(rejection_at(r, 6) == "12 fields where the header has 11");
  CHECK(rejection_at(r, 10) == "date '31/02/2020' is not a date");
  CHECK(rejection_at(r, 11) == "a quoted field is never closed");
  REQUIRE(r.notes.size() == 2);
  CHECK(r.notes[0] == "columns not imported: 'ISBN'");
  CHECK(r.notes[1] == "line 8: type 'Tipo raro' is not one of atip's; the type is taken from the text");
}

TEST_CASE("importer::read_csv: delimiters sniffed, headers in four languages, atip's own columns") {
  auto r = importer::read_csv("titre,lien,date,langue,auteurs\nRapport,https://x.org,2020,fr,\"Dupont, Jean\"\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].url == "https://x.org");
  CHECK(r.records[0].language == "fr");
  CHECK(r.records[0].authors == std::vector<std::string>{"Dupont, Jean"});
  r = importer::read_csv("Title\tLink\tData\tResumo\nA \"quoted\" word\thttps://y.org\t2021-02\tTexto\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title == "A \"quoted\" word");  // TSV: a quote inside a cell is a character
  CHECK(r.records[0].date == "2021-02");
  CHECK(r.records[0].summary == "Texto");
  r = importer::read_csv(
      "id,date,title,link,publishers,language,type,topics,areas,countries,authors,doi,state,starred,note,summary,"
      "relevance,first_seen\r\n"
      "7,2026-11-01,T,https://z.org,UNODC; IOM,en,training,tip_general,protection,MX; GT,A; B,,included,1,n,S,0.9,"
      "2026-11-02T00:00:00Z\r\n");
  CHECK(r.notes.empty());  // every column of atip's export is known
  REQUIRE(r.records.size() == 1);
  const auto& rec = r.records[0];
  CHECK(rec.key == "7");
  CHECK(rec.publisher == "UNODC");
  CHECK(rec.type == "training");
  CHECK(rec.areas == std::vector<std::string>{"protection"});
  CHECK(rec.countries == std::vector<std::string>{"MX", "GT"});
  CHECK(rec.state == "included");
  CHECK(rec.starred == true);
}

TEST_CASE("importer::read_csv: files without a title column or without rows") {
  auto r = importer::read_csv("name,url\nx,https://x.org\n");
  CHECK(r.records.empty());
  CHECK(rejected_lines(r) == Lines{1});
  CHECK(importer::read_csv("").rejected.size() == 1);
  r = importer::read_csv("title\n");
  CHECK(r.records.empty());
  CHECK(r.rejected.empty());
  r = importer::read_csv("\"title\n");
  CHECK(rejected_lines(r) == Lines{1});
}

TEST_CASE("importer: dates as bibliographies write them") {
  using importer::detail::normalise_date;
  CHECK(normalise_date("2024") == "2024");
  CHECK(normalise_date("2024-3") == std::nullopt);
  CHECK(normalise_date("2024-03") == "2024-03");
  CHECK(normalise_date("2024-03-05") == "2024-03-05");
  CHECK(normalise_date("2024-03-05T14:30:00Z") == "2024-03-05");
  CHECK(normalise_date("2024/03/05/") == "2024-03-05");
  CHECK(normalise_date("2024///") == "2024");
  CHECK(normalise_date("2024/3//") == "2024-03");
  CHECK(normalise_date("2024-03-05/2024-03-09") == "2024-03-05");
  CHECK(normalise_date("2019-2020") == "2019");
  CHECK(normalise_date("[2019]") == "2019");
  CHECK(normalise_date("5 March 2024") == "2024-03-05");
  CHECK(normalise_date("3 de junio de 2007") == "2007-06-03");
  CHECK(normalise_date("septiembre 2021") == "2021-09");
  CHECK(normalise_date("n.d.") == "");
  CHECK(normalise_date("s.f.") == "");
  CHECK(normalise_date("") == "");
  CHECK(normalise_date("2023-02-30") == std::nullopt);
  CHECK(normalise_date("05/11/2026") == std::nullopt);  // day and month cannot be told apart
  CHECK(normalise_date("soon") == std::nullopt);
}

TEST_CASE("importer: type words in four languages") {
  using importer::detail::atip_type;
  CHECK(atip_type("Informe") == "report");
  CHECK(atip_type("relatório") == "report");
  CHECK(atip_type("Policy document") == "policy");
  CHECK(atip_type("Política") == "policy");
  CHECK(atip_type("Training material") == "training");
  CHECK(atip_type("Ley") == "law");
  CHECK(atip_type("données") == "data");
  CHECK(atip_type("blog post").empty());
}

TEST_CASE("importer: format from the name, else from the content") {
  using importer::Format;
  CHECK(importer::format_from_name("lib.BIB") == Format::Bibtex);
  CHECK(importer::format_from_name("a/b.ris") == Format::Ris);
  CHECK(importer::format_from_name("x.json") == Format::CslJson);
  CHECK(importer::format_from_name("x.tsv") == Format::Csv);
  CHECK(importer::format_from_name("x.txt") == std::nullopt);
  CHECK(importer::format_from_name("dir.bib/file") == std::nullopt);
  CHECK(importer::sniff_format("% comment\n\n@article{x, title={T}}") == Format::Bibtex);
  CHECK(importer::sniff_format("\xEF\xBB\xBFTY  - JOUR\r\n") == Format::Ris);
  CHECK(importer::sniff_format("\n [ {\"title\": 1} ]") == Format::CslJson);
  CHECK(importer::sniff_format("título;enlace\nx;y\n") == Format::Csv);
  CHECK(importer::sniff_format("just words") == std::nullopt);
  CHECK(importer::sniff_format("") == std::nullopt);
}

TEST_CASE("importer: every reader survives random damage to every fixture") {
  // Fixed seed: the same mutations on every run. Each reader must return (never throw), and
  // whatever it returns is whole: a title on every record, a line on every problem.
  std::uint64_t state = 0x2545F4914F6CDD1DULL;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  const char* alphabet = "{}\"@,=#\\\n\r\t;[]:'% -aZ0\xc3\xff";
  for (const char* name : {"zotero_nasty.bib", "nasty.ris", "zotero.json", "office_es.csv"}) {
    const std::string original = import_fixture(name);
    for (int round = 0; round < 300; ++round) {
      std::string s = original;
      for (int k = 0, n = 1 + static_cast<int>(next() % 8); k < n && !s.empty(); ++k) {
        const std::size_t at = next() % s.size();
        switch (next() % 3) {
          case 0: s[at] = alphabet[next() % 24]; break;
          case 1: s.erase(at, 1 + next() % 20); break;
          default: s.insert(at, 1, alphabet[next() % 24]);
        }
      }
      for (importer::Format f : {importer::Format::Bibtex, importer::Format::Ris, importer::Format::CslJson,
                                 importer::Format::Csv}) {
        importer::ReadResult r;
        REQUIRE_NOTHROW(r = importer::read(f, s));
        for (const auto& rec : r.records) {
          REQUIRE(!rec.title.empty());
          REQUIRE(rec.line >= 1);
        }
        for (const auto& p : r.rejected) REQUIRE(p.line >= 1);
      }
    }
  }
}

TEST_CASE("importer: many broken records are each named, and reading goes on to the next") {
  std::string csv = "title,url\n", bib;
  for (int i = 0; i < 20000; ++i) {
    csv += "\"broken " + std::to_string(i) + ",https://x.org\n";
    bib += "@misc{k" + std::to_string(i) + ", title = {never closed\n";
  }
  csv += "Fine,https://y.org\n";
  bib += "@misc{fine, title = {Fine}}\n";
  const auto c = importer::read_csv(csv);
  CHECK(c.rejected.size() == 20000);
  CHECK(c.rejected.back().line == 20001);
  REQUIRE(c.records.size() == 1);
  CHECK(c.records[0].line == 20002);
  const auto b = importer::read_bibtex(bib);
  CHECK(b.rejected.size() == 20000);
  CHECK(b.rejected.back().line == 20000);
  REQUIRE(b.records.size() == 1);
  CHECK(b.records[0].title == "Fine");
}

TEST_CASE("importer: Windows-1252 and UTF-16 spreadsheets are read as such") {
  auto r = importer::read(importer::Format::Csv, "T\xEDtulo;Pa\xEDs\r\nTrata en M\xE9xico;M\xE9xico\r\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title == "Trata en México");
  CHECK(r.records[0].countries == std::vector<std::string>{"México"});
  REQUIRE(!r.notes.empty());
  CHECK(r.notes[0] == "not UTF-8: read as windows-1252");
  const std::string utf16le("\xFF\xFEt\0i\0t\0l\0e\0\n\0\xE9\0t\0\xE9\0\n\0", 22);
  CHECK(importer::sniff_format(importer::decode(utf16le).text) == std::nullopt);  // one column: no delimiter
  r = importer::read(importer::Format::Csv, utf16le);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].title == "été");
  CHECK(r.notes.empty());
}
