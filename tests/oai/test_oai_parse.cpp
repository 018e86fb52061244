// lib/oai on the responses in tests/data/oai/ (written for the project, in the style of OJS
// and DSpace repositories) and on hostile input.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "lib/oai/oai.hpp"

using namespace atip::oai;

namespace {

std::string data(const std::string& name) {
  std::ifstream in(std::string(ATIP_SOURCE_DIR "/tests/data/oai/") + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Record& by_id(const Page& p, const std::string& id) {
  for (const Record& r : p.records)
    if (r.identifier == id) return r;
  FAIL("no record " << id);
  throw 0;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("oai: the first page of a chain: records, responseDate and the resumption token") {
  const Page p = parse_list_records(data("list_page1.xml"));
  REQUIRE(p.ok);
  CHECK(p.error.empty());
  CHECK(p.response_date == "2026-11-18T09:30:12Z");
  REQUIRE(p.response_time);
  CHECK(*p.response_time == 1794994212);
  CHECK(p.errors.empty());
  CHECK(p.failure().empty());
  REQUIRE(p.resumption);
  CHECK(p.resumption->token == "1732d5f7a9c0/page-2");
  CHECK(p.resumption->complete_list_size == 5);
  CHECK(p.resumption->cursor == 0);
  CHECK(p.more());
  REQUIRE(p.records.size() == 2);

  const Record& a = p.records[0];
  CHECK(a.identifier == "oai:journal.example:article/101");
  CHECK(a.datestamp == "2026-03-02T11:04:55Z");
  CHECK(a.sets == std::vector<std::string>{"jhtr:ART", "driver"});
  CHECK_FALSE(a.deleted);
  const atip::feed::Entry& e = a.entry;
  CHECK(e.id == "oai:journal.example:article/101");
  CHECK(e.key == "oai:journal.example:article/101");
  CHECK(e.content_hash.size() == 16);
  CHECK(e.title == "Debt bondage in brick kilns: a survey of forced labour recruitment");
  CHECK(e.title_type == atip::feed::TextType::Text);
  // The landing page, not the DOI, not the PDF relation.
  CHECK(e.link == "https://journal.example/index.php/jhtr/article/view/101");
  CHECK(has(e.identifiers, "10.5555/jhtr.2025.101"));
  REQUIRE(e.authors.size() == 2);
  CHECK(e.authors[0].name == "Okafor, Adaeze");
  CHECK(e.authors[1].name == "Lindqvist, Maja");
  CHECK(e.categories == std::vector<std::string>{"forced labour", "debt bondage"});
  CHECK(e.summary.starts_with("We surveyed 412 workers"));
  CHECK(e.published.raw == "2025-09-30");
  REQUIRE(e.published.time);
  CHECK(*e.published.time == 1759190400);
  REQUIRE(e.updated.time);  // the datestamp
  CHECK(e.updated.raw == "2026-03-02T11:04:55Z");
  CHECK(e.language == "en");
  CHECK(e.relations == std::vector<std::string>{"https://journal.example/index.php/jhtr/article/view/101/88"});
  CHECK(a.doc_type == "article");
  CHECK(a.publishers == std::vector<std::string>{"Journal of Human Trafficking Research"});
  CHECK(a.rights.size() == 2);
  CHECK(a.formats == std::vector<std::string>{"application/pdf"});

  const Record& b = p.records[1];
  CHECK(b.entry.language == "es");
  CHECK(b.entry.summary_type == atip::feed::TextType::Html);  // escaped <p> in dc:description
  CHECK(b.entry.summary.starts_with("<p>Analizamos"));
  CHECK(has(b.entry.identifiers, "doi:10.5555/JHTR.2026.102"));
}

TEST_CASE("oai: later pages: Handles, DOI resolver links, several dates, names of languages") {
  const Page p2 = parse_list_records(data("list_page2.xml"));
  REQUIRE(p2.ok);
  REQUIRE(p2.resumption);
  // &amp; in the token is the XML escape of '&': the token is sent back unescaped.
  CHECK(p2.resumption->token == "p3+k=1&s=jhtr:ART");
  CHECK(p2.resumption->cursor == 2);
  const Record& r103 = by_id(p2, "oai:journal.example:article/103");
  CHECK(r103.entry.link == "https://hdl.handle.net/20.500.99999/4417");
  CHECK(r103.entry.language == "pt");
  CHECK(r103.doc_type == "report");
  REQUIRE(r103.entry.authors.size() == 1);  // the contributor (a supervisor) is not an author
  CHECK(r103.entry.authors[0].name == "Souza, Beatriz");
  CHECK(r103.entry.published.raw == "2024");  // the earliest date: when it was issued
  const Record& r104 = by_id(p2, "oai:journal.example:article/104");
  CHECK(r104.entry.link == "https://doi.org/10.5555/jhtr.2026.104");
  CHECK(r104.doc_type.empty());  // DCMI "Text" says nothing

  const Page p3 = parse_list_records(data("list_page3.xml"));
  REQUIRE(p3.ok);
  REQUIRE(p3.resumption);  // present, but empty: the list is complete
  CHECK(p3.resumption->token.empty());
  CHECK(p3.resumption->complete_list_size == 5);
  CHECK_FALSE(p3.more());
  REQUIRE(p3.records.size() == 1);
  CHECK(p3.records[0].doc_type == "data");
  CHECK(p3.records[0].entry.language == "en");
}

TEST_CASE("oai: a deleted record has an identifier and no metadata") {
  const Page p = parse_list_records(data("incremental.xml"));
  REQUIRE(p.ok);
  CHECK_FALSE(p.resumption);
  CHECK_FALSE(p.more());
  REQUIRE(p.records.size() == 2);
  CHECK(p.records[0].deleted);
  CHECK(p.records[0].identifier == "oai:journal.example:article/102");
  CHECK(p.records[0].entry.title.empty());
  CHECK_FALSE(p.records[1].deleted);
  CHECK(p.records[1].doc_type == "report");  // info:eu-repo/semantics/workingPaper
  CHECK(day_of(p.response_date) == "2026-11-25");
}

TEST_CASE("oai: error responses: codes and messages; noRecordsMatch is no failure") {
  const Page bad = parse_list_records(data("error_bad_token.xml"));
  REQUIRE(bad.ok);  // a well-formed answer, which says no
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].code == "badResumptionToken");
  CHECK(bad.failure() ==
        "badResumptionToken: The value of the resumptionToken argument is invalid or expired.");
  CHECK(bad.records.empty());

  const Page two = parse_list_records(data("error_bad_argument.xml"));
  REQUIRE(two.ok);
  CHECK(two.failure() ==
        "badArgument: Illegal argument 'from': 18/11/2026; noSetHierarchy: This repository does "
        "not support sets");

  // A stack trace for a message stays one line, and a short one.
  const Page trace = parse_list_records(
      "<OAI-PMH><error code='badArgument'>java.lang.NullPointerException\n\tat org.example.Oai(Oai.java:1)\n" +
      std::string(1000, 'x') + "</error></OAI-PMH>");
  REQUIRE(trace.ok);
  CHECK(trace.failure().starts_with("badArgument: java.lang.NullPointerException at org.example.Oai(Oai.java:1) xxx"));
  CHECK(trace.failure().size() < 260);

  const Page none = parse_list_records(data("no_records.xml"));
  REQUIRE(none.ok);
  REQUIRE(none.errors.size() == 1);
  CHECK(none.errors[0].code == "noRecordsMatch");
  CHECK(none.failure().empty());
  CHECK(none.records.empty());
  CHECK_FALSE(none.more());
}

TEST_CASE("oai: malformed or foreign documents are refused with one line, never repaired") {
  const Page cut = parse_list_records(data("malformed.xml"));
  CHECK_FALSE(cut.ok);
  CHECK(cut.records.empty());
  CHECK(cut.error.starts_with("malformed XML at line "));
  CHECK(cut.error.find('\n') == std::string::npos);

  CHECK(parse_list_records("").error == "empty response");
  CHECK(parse_list_records("<!DOCTYPE html><html><body>Login</body></html>").error ==
        "not an OAI-PMH response: an HTML page");
  CHECK(parse_list_records("<rss version='2.0'><channel/></rss>").error ==
        "not an OAI-PMH response: root element <rss>");
  CHECK(parse_list_records(std::string("\x89PNG\r\n\x1a\n\0\0", 10)).error ==
        "not an OAI-PMH response: binary data");
  // An Identify answer where ListRecords was asked.
  CHECK(parse_list_records("<OAI-PMH><responseDate>2026-01-01</responseDate><Identify/></OAI-PMH>")
            .error == "not a ListRecords response: neither records nor an error");
  const std::string huge_token = "<OAI-PMH><ListRecords><resumptionToken>" +
                                 std::string(5000, 'x') + "</resumptionToken></ListRecords></OAI-PMH>";
  CHECK(parse_list_records(huge_token).error == "resumption token longer than 4096 bytes");
}

TEST_CASE("oai: Latin-1, HTML entities, external entities and incomplete records") {
  const Page p = parse_list_records(data("latin1.xml"));
  REQUIRE(p.ok);
  // The record without identifier and the one without oai_dc metadata are skipped.
  REQUIRE(p.records.size() == 1);
  const Record& r = p.records[0];
  // Latin-1 decoded; &ndash; read as HTML; &secret; (a SYSTEM entity) never loaded.
  CHECK(r.entry.title.starts_with("Migración y trata: diagnóstico regional \xE2\x80\x93 Centroamérica"));
  CHECK(r.entry.title.find("root:") == std::string::npos);
  CHECK(r.entry.published.raw == "2023-11");
  CHECK(r.entry.language == "es");
  CHECK(r.doc_type == "report");
  CHECK(r.entry.link == "http://repositorio.example/handle/123456789/77");
  bool warned_identifier = false, warned_metadata = false, warned_entity = false;
  for (const std::string& w : p.warnings) {
    warned_identifier |= w == "record 2: no usable identifier; skipped";
    warned_metadata |= w == "record 3 (oai:repositorio.example:123456789/79): no oai_dc metadata; skipped";
    warned_entity |= w.find("external entity &secret;") != std::string::npos;
  }
  CHECK(warned_identifier);
  CHECK(warned_metadata);
  CHECK(warned_entity);
  REQUIRE(p.resumption);
  CHECK_FALSE(p.more());
}

TEST_CASE("oai: language_code, document_type, day_of") {
  CHECK(language_code("en") == "en");
  CHECK(language_code("ENG") == "en");
  CHECK(language_code("pt-BR") == "pt");
  CHECK(language_code("pt_BR") == "pt");
  CHECK(language_code("fre") == "fr");
  CHECK(language_code("fra") == "fr");
  CHECK(language_code(" Spanish ") == "es");
  CHECK(language_code("español") == "es");
  CHECK(language_code("Français") == "fr");
  CHECK(language_code("ger") == "de");
  CHECK(language_code("klingon").empty());
  CHECK(language_code("").empty());
  CHECK(language_code("x").empty());

  CHECK(document_type("info:eu-repo/semantics/doctoralThesis") == "report");
  CHECK(document_type("Journal Article") == "article");
  CHECK(document_type("Artículo") == "article");
  CHECK(document_type("Dataset") == "data");
  CHECK(document_type("Policy brief") == "policy");
  CHECK(document_type("Text").empty());
  CHECK(document_type("http://purl.org/coar/resource_type/c_6501").empty());
  CHECK(document_type("").empty());

  CHECK(day_of("2026-11-18T09:30:12Z") == "2026-11-18");
  CHECK(day_of("2026-11-18") == "2026-11-18");
  CHECK(day_of("2026-02-30T00:00:00Z").empty());
  CHECK(day_of("18/11/2026").empty());
  CHECK(day_of("").empty());
}

TEST_CASE("oai: repository_name reads Identify, and nothing else") {
  CHECK(repository_name(data("identify.xml")) == "Journal of Human Trafficking Research");
  CHECK(repository_name(data("list_page1.xml")).empty());
  CHECK(repository_name(data("malformed.xml")).empty());
  CHECK(repository_name("<html><body>x</body></html>").empty());
  CHECK(repository_name("").empty());
}
