#include <doctest/doctest.h>

#include "lib/text/utf8.hpp"
#include "tests/import/import_test_util.hpp"

using namespace atip;
using namespace atip::testing;
using Lines = std::vector<int>;

TEST_CASE("importer::read_ris: CRLF and LF, spacing variants, wrapped values, records without ER") {
  const auto r = importer::read(importer::Format::Ris, import_fixture("nasty.ris"));
  CHECK(record_lines(r) == Lines{1, 18, 26, 40});
  CHECK(rejected_lines(r) == Lines{31, 36, 45});
  const auto& report = record_at(r, 1);
  CHECK(report.key == "unodc2024");
  CHECK(report.type == "report");
  CHECK(report.authors == std::vector<std::string>{"United Nations Office on Drugs and Crime", "Pérez, José"});
  CHECK(report.date == "2024-12-11");  // DA is more precise than PY
  CHECK(report.doi == "10.18356/9789211066470");
  CHECK(report.keywords == std::vector<std::string>{"forced_labour", "MX"});
  CHECK(report.summary == "The report covers 156 countries, continued on a wrapped line & with 50% {braces}.");
  CHECK(report.publisher == "UNODC");
  const auto& article = record_at(r, 18);
  CHECK(article.title == "Trabajo forzoso en Paraguay");
  CHECK(article.authors == std::vector<std::string>{"Benítez, María"});
  CHECK(article.date == "2022-03");
  CHECK(article.summary == "Resumen del artículo.");
  CHECK(article.publisher == "Revista Paraguaya");
  CHECK(article.type == "article");
  CHECK(record_at(r, 26).type == "law");
  CHECK(record_at(r, 40).url == "https://example.org/page");
  CHECK(record_at(r, 40).type.empty());
  CHECK(rejection_at(r, 31) == "no title");
  CHECK(rejection_at(r, 36) == "no 'ER  -' before the next 'TY  -' on line 40");
  CHECK(rejection_at(r, 45) == "the record has no 'ER  -' (the file ends inside it)");
}

TEST_CASE("importer::read_ris: empty files, stray tags, and every truncation") {
  CHECK(importer::read_ris("").records.empty());
  const auto stray = importer::read_ris("TI  - orphan\nAU  - x\nTY  - RPRT\nTI  - Real\nER  - \n");
  CHECK(record_lines(stray) == Lines{3});
  REQUIRE(stray.notes.size() == 1);
  CHECK(stray.notes[0].find("line 1") != std::string::npos);
  const std::string full = import_fixture("nasty.ris");
  for (std::size_t n = 0; n < full.size(); n += 5) {
    const auto r = importer::read_ris(std::string_view(full).substr(0, n));
    CHECK(r.records.size() <= 4);
    for (const auto& rec : r.records) CHECK(!rec.title.empty());
  }
}

TEST_CASE("importer::read_ris: a report's type of work names a policy or training material") {
  const auto r = importer::read_ris("TY  - RPRT\nTI  - Plan\nM3  - Policy document\nER  - \n"
                                    "TY  - RPRT\nTI  - Curso\nM3  - Material de capacitación\nER  - \n"
                                    "TY  - RPRT\nTI  - Curso\nM3  - Training material\nER  - \n"
                                    "TY  - JOUR\nTI  - Art\nM3  - Policy document\nER  - \n"
                                    "TY  - RPRT\nTI  - Informe\nM3  - Technical report\nER  - \n");
  REQUIRE(r.records.size() == 5);
  CHECK(r.records[0].type == "policy");
  CHECK(r.records[1].type == "report");  // not a word atip_type knows whole
  CHECK(r.records[2].type == "training");
  CHECK(r.records[3].type == "article");  // only a report is refined
  CHECK(r.records[4].type == "report");
}

TEST_CASE("importer::read_csljson: items, names, dates, markup, and bad items at their lines") {
  const auto r = importer::read(importer::Format::CslJson, import_fixture("zotero.json"));
  CHECK(record_lines(r) == Lines{2, 18, 20, 25});
  CHECK(rejected_lines(r) == Lines{21, 22, 23});
  const auto& oit = record_at(r, 2);
  CHECK(oit.title == "Informe sobre \"trata\" & explotación laboral en Brasil");
  CHECK(oit.authors == std::vector<std::string>{"Organização Internacional do Trabalho", "de la Cruz, Ana"});
  CHECK(oit.date == "2023-05-02");
  CHECK(oit.doi == "10.1234/oit.2023.1");
  CHECK(oit.language == "pt-BR");
  CHECK(oit.summary.find("<jats:italic>") != std::string::npos);
  CHECK(oit.keywords == std::vector<std::string>{"forced_labour", "BR"});
  CHECK(oit.type == "report");
  CHECK(record_at(r, 18).type == "policy");  // genre wins over the CSL type
  CHECK(record_at(r, 18).date == "2024-11");
  CHECK(record_at(r, 18).publisher == "El País");
  CHECK(record_at(r, 20).type == "case");
  CHECK(record_at(r, 20).date == "2012-12-11");
  CHECK(record_at(r, 25).authors == std::vector<std::string>{"Gómez, Luis"});  // editors when no author
  CHECK(record_at(r, 25).keywords == std::vector<std::string>{"trata", "MX"});
  CHECK(rejection_at(r, 21) == "item 4 is a string, not an object");
  CHECK(rejection_at(r, 22) == "no title");
  CHECK(rejection_at(r, 23) == "date '2021-13-01' is not a date");
}

TEST_CASE("importer::read_csljson: broken JSON is reported at its line; nothing is guessed") {
  auto r = importer::read_csljson("[\n  {\"title\": \"a\"},\n  {\"title\": \"b\"\n]\n");
  CHECK(r.records.empty());
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].line == 4);
  CHECK(r.rejected[0].message.find("not valid JSON") == 0);
  r = importer::read_csljson(std::string(10000, '[') + std::string(10000, ']'));
  CHECK(r.records.empty());
  CHECK(r.rejected.size() == 1);
  r = importer::read_csljson("{\"title\": \"One item alone\", \"issued\": {\"literal\": \"March 2019\"}}");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].date == "2019-03");
  CHECK(importer::read_csljson("[]").records.empty());
  CHECK(importer::read_csljson("").rejected.size() == 1);
  CHECK(importer::read_csljson("\"text\"").rejected.size() == 1);
}

TEST_CASE("importer::read_csljson: atip's own json and jsonl exports, a broken line alone") {
  const auto r = importer::read_csljson(
      "{\"title\": \"Uno\", \"link\": \"https://x.org/1\", \"published\": \"2026-10-02T08:00:00Z\", "
      "\"authors\": [\"Ana Pérez\"], \"type\": \"training\", \"tags\": {\"topics\": [\"forced_labour\"], "
      "\"countries\": [\"MX\"]}, \"state\": \"included\", \"starred\": true}\n"
      "{\"title\": \"Dos\", \"broken\": \n"
      "\n"
      "{\"title\": \"Tres\", \"published\": null, \"first_seen\": \"2026-11-27T12:00:00Z\"}\n");
  CHECK(record_lines(r) == Lines{1, 4});
  CHECK(rejected_lines(r) == Lines{2});
  const auto& uno = record_at(r, 1);
  CHECK(uno.url == "https://x.org/1");
  CHECK(uno.date == "2026-10-02");
  CHECK(uno.authors == std::vector<std::string>{"Ana Pérez"});
  CHECK(uno.type == "training");
  CHECK(uno.topics == std::vector<std::string>{"forced_labour"});
  CHECK(uno.countries == std::vector<std::string>{"MX"});
  CHECK(uno.state == "included");
  CHECK(uno.starred == true);
  CHECK(record_at(r, 4).date == "2026-11-27");
}

TEST_CASE("import: a JSON error quoting part of a character is still valid UTF-8") {
  // Found by the fuzzer: nlohmann's message quotes the bytes it last read, here the first byte
  // of "é", and `atip import` prints the problem.
  const auto r = importer::read(importer::Format::CslJson, "[{\"title\": \"a\"} \xC3\xA9]");
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].message.find("not valid JSON") != std::string::npos);
  CHECK_MESSAGE(text::is_valid_utf8(r.rejected[0].message), r.rejected[0].message);
}

TEST_CASE("importer::read_csljson: a number beyond a double's range is an error, not a crash") {
  // Found by the fuzzer: nlohmann reports such a number as out_of_range, not parse_error, and
  // the exception escaped `atip import`.
  auto r = importer::read_csljson("[{\"title\": \"Informe\", \"page\": 1e999}]");
  CHECK(r.records.empty());
  REQUIRE(r.rejected.size() == 1);
  CHECK(r.rejected[0].message.find("not valid JSON, so nothing in the file can be read") == 0);
  // In JSON lines only its own line is lost.
  r = importer::read_csljson("{\"title\": \"Uno\"}\n{\"title\": \"Dos\", \"n\": -2e400}\n{\"title\": \"Tres\"}\n");
  CHECK(record_lines(r) == Lines{1, 3});
  CHECK(rejected_lines(r) == Lines{2});
}
