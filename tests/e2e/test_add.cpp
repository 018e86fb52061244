// atip add through the built binary, against pages served on 127.0.0.1: metadata read from an
// HTML page, a PDF with --title, an unreachable URL, and works already catalogued.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/common/catalogue_query.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::testing::run_atip;
using atip::testing::RunResult;

const char* const kReportPage = R"html(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Report page | Observatory</title>
<meta name="citation_title" content="Trata de personas con fines de explotación laboral en la Amazonía">
<meta name="citation_author" content="Pereira, Ana">
<meta name="citation_author" content="Quispe Mamani, Luis">
<meta name="citation_publication_date" content="2026/05/20">
<meta name="citation_doi" content="10.5555/obs.2026.014">
<meta name="citation_pdf_url" content="/files/amazonia.pdf">
<meta name="citation_language" content="es">
<meta name="citation_technical_report_institution" content="Observatorio Hemisférico">
<meta property="og:title" content="Labour trafficking in the Amazon (OG)">
<meta property="og:description" content="Estudio sobre el reclutamiento engañoso de trabajadores en la minería y la tala ilegal en Perú y Brasil.">
<link rel="canonical" href="/reports/amazonia-2026">
</head>
<body><h1>Report</h1></body>
</html>)html";

const char* const kDublinCorePage = R"html(<!DOCTYPE html>
<html lang="fr"><head>
<meta name="DC.title" content="Rapport sur la traite des êtres humains en Haïti">
<meta name="DC.creator" content="Jean-Baptiste, Marie">
<meta name="DC.date" content="2026-03-15">
<meta name="description" content="Le rapport annuel sur la traite à des fins de travail forcé.">
<title>Ignored when DC.title is there</title>
</head><body></body></html>)html";

struct Site {
  atip::testing::TempDir tmp;
  atip::testing::TestServer server;
  std::map<std::string, std::string> env;
  Site() {
    server.server().Get("/reports/amazonia", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(kReportPage, "text/html; charset=utf-8");
    });
    // The same report on a repository, which writes its DOI as a resolver link.
    server.server().Get("/repositorio/123", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<html><head><meta name='citation_title' content='Labour trafficking in the Amazon'>"
                    "<meta name='citation_doi' content='https://doi.org/10.5555/OBS.2026.014'></head></html>",
                    "text/html");
    });
    server.server().Get("/rapport", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(kDublinCorePage, "text/html");
    });
    server.server().Get("/files/informe.pdf", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(std::string("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n"), "application/pdf");
    });
    server.server().Get("/feed", [this](const httplib::Request&, httplib::Response& r) {
      r.set_content("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Fiscalía</title><item>"
                    "<title>Condenan a red de trata en Colchane</title><link>" + server.url("/noticias/colchane") +
                    "</link><guid>c-1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>",
                    "application/rss+xml");
    });
    server.server().Get("/noticias/colchane", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<html><head><title>Condenan a red de trata en Colchane</title></head><body></body></html>",
                    "text/html");
    });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""},
           {"ATIP_NOW", "2026-11-20T12:00:00Z"}, {"ATIP_CONFIG", ""}, {"XDG_CONFIG_HOME", tmp.file("config")}};
    REQUIRE(run({"feeds", "add", "--no-check", server.url("/feed")}).status == 0);
  }
  RunResult run(const std::vector<std::string>& args) { return run_atip(args, env); }
  nlohmann::json show(std::int64_t id) {
    const RunResult r = run({"show", std::to_string(id), "--format", "json"});
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
  }
  std::int64_t documents() { return atip::testing::count(env.at("ATIP_DB"), "SELECT count(*) FROM document"); }
};

}  // namespace

TEST_CASE("e2e: atip add reads citation_* tags, and the same work again is a sighting, not a twin") {
  Site s;
  RunResult r = s.run({"add", s.server.url("/reports/amazonia"), "--country", "PE", "--country", "br", "--note",
                       "para el informe mensual"});
  CHECK(r.err.empty());
  REQUIRE(r.status == 0);
  CHECK(r.out == "added document 1: Trata de personas con fines de explotación laboral en la Amazonía\n");
  nlohmann::json d = s.show(1);
  CHECK(d["title"] == "Trata de personas con fines de explotación laboral en la Amazonía");
  CHECK(d["authors"] == nlohmann::json::array({"Pereira, Ana", "Quispe Mamani, Luis"}));
  CHECK(d["published"] == "2026-05-20T00:00:00Z");
  CHECK(d["doi"] == "10.5555/obs.2026.014");
  CHECK(d["language"] == "es");
  CHECK(d["note"] == "para el informe mensual");
  CHECK(d["summary"] == "Estudio sobre el reclutamiento engañoso de trabajadores en la minería y la tala ilegal en Perú y Brasil.");
  CHECK(d["canonical_url"] == "127.0.0.1:" + std::to_string(s.server.port()) + "/reports/amazonia-2026");
  const std::string countries = d["tags"]["countries"].dump();
  CHECK(countries.find("\"PE\"") != std::string::npos);
  CHECK(countries.find("\"BR\"") != std::string::npos);
  REQUIRE(d["sightings"].size() == 1);
  CHECK(d["sightings"][0]["origin"] == "hand");
  CHECK(d["sightings"][0]["link"] == s.server.url("/reports/amazonia"));

  // The same URL again: nothing new.
  r = s.run({"add", s.server.url("/reports/amazonia")});
  REQUIRE(r.status == 0);
  CHECK(r.out == "already added by hand as document 1: Trata de personas con fines de explotación laboral en la Amazonía\n");
  // Its DOI, at another address under another title: the same work.
  r = s.run({"add", s.server.url("/repositorio/123")});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "already catalogued as document 1; added a sighting: Labour trafficking in the Amazon\n");
  CHECK(s.documents() == 1);
  CHECK(s.show(1)["sightings"].size() == 2);
}

TEST_CASE("e2e: atip add on Dublin Core, a PDF, an unreachable URL, and a work a feed brought") {
  Site s;
  SUBCASE("Dublin Core and the options over the page") {
    RunResult r = s.run({"add", s.server.url("/rapport"), "--type", "report", "--format", "json", "--author", "A. Autre"});
    REQUIRE(r.status == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["id"] == 1);
    CHECK(j["outcome"] == "new_document");
    CHECK(j["title"] == "Rapport sur la traite des êtres humains en Haïti");
    const auto d = s.show(1);
    CHECK(d["published"] == "2026-03-15T00:00:00Z");
    CHECK(d["language"] == "fr");
    CHECK(d["type"] == "report");
    CHECK(d["authors"] == nlohmann::json::array({"A. Autre"}));
  }
  SUBCASE("a PDF needs --title") {
    RunResult r = s.run({"add", s.server.url("/files/informe.pdf")});
    CHECK(r.status == 1);
    CHECK(r.err == "atip: error: cannot read a title from " + s.server.url("/files/informe.pdf") +
                       " (it serves application/pdf, not an HTML page): give one with --title\n");
    CHECK(s.documents() == 0);
    r = s.run({"add", s.server.url("/files/informe.pdf"), "--title", "Informe anual sobre trata 2025", "--date",
               "2026-02-01", "--lang", "es"});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "added document 1: Informe anual sobre trata 2025\n");
    const auto d = s.show(1);
    CHECK(d["published"] == "2026-02-01T00:00:00Z");
    CHECK(d["language"] == "es");
  }
  SUBCASE("an unreachable URL: the options alone, with a warning; without --title an error") {
    // Port 1 on loopback: nothing listens there.
    const std::string url = "http://127.0.0.1:1/informe";
    RunResult r = s.run({"add", url});
    CHECK(r.status == 1);
    CHECK(r.err.rfind("atip: error: cannot read a title from http://127.0.0.1:1/informe (could not connect", 0) == 0);
    r = s.run({"add", url, "--title", "Informe sin conexión"});
    REQUIRE(r.status == 0);
    CHECK(r.err.rfind("atip: warning: could not read the page (could not connect", 0) == 0);
    CHECK(r.out == "added document 1: Informe sin conexión\n");
  }
  SUBCASE("a work a feed brought: a hand sighting on it") {
    REQUIRE(s.run({"fetch"}).status == 0);
    REQUIRE(s.documents() == 1);
    RunResult r = s.run({"add", s.server.url("/noticias/colchane?utm_source=correo")});
    REQUIRE(r.status == 0);
    CHECK(r.out == "already catalogued as document 1; added a sighting: Condenan a red de trata en Colchane\n");
    CHECK(s.documents() == 1);
    const auto d = s.show(1);
    REQUIRE(d["sightings"].size() == 2);
  }
  SUBCASE("bad options are usage errors") {
    CHECK(s.run({"add", "ftp://example.org/x", "--title", "x"}).status == 2);
    CHECK(s.run({"add", s.server.url("/rapport"), "--date", "yesterday"}).status == 2);
    CHECK(s.run({"add", s.server.url("/rapport"), "--country", "XX"}).status == 2);
    CHECK(s.run({"add", s.server.url("/rapport"), "--type", "novel"}).status == 2);
    CHECK(s.documents() == 0);
  }
}
