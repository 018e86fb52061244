// `atip parse` through the built binary: files, standard input and http(s) URLs served from
// 127.0.0.1, with the HTTP charset and the final URL used as parser hints.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/common/run_atip.hpp"
#include "tests/support/http_server.hpp"

using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

namespace {

// Latin-1 bytes with no XML declaration: only the HTTP charset says how to read "Trata de
// personas: informe anual" with its accents; the link is relative to the fetch URL.
const std::string kLatin1Rss =
    "<rss version=\"2.0\"><channel><title>Ministerio P\xfa" "blico</title>"
    "<item><title>Informe sobre la trata de personas en Panam\xe1</title>"
    "<link>informes/2026/trata.html</link><guid>informe-2026</guid></item>"
    "</channel></rss>";

const std::string kBrokenRss =
    "<rss version=\"2.0\"><channel><title>t</title>"
    "<item><title>kept</title><link>http://example.org/1</link></item>"
    "<item><title>cut";

nlohmann::json json_of(const RunResult& r) { return nlohmann::json::parse(r.out); }

}  // namespace

TEST_CASE("atip parse: a URL is fetched and parsed with the HTTP charset and the URL as base") {
  TestServer server;
  server.server().Get("/feeds/ministerio.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kLatin1Rss, "application/rss+xml; charset=ISO-8859-1");
  });
  server.start();
  const RunResult r = run_atip({"parse", server.url("/feeds/ministerio.xml")});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  const auto j = json_of(r);
  CHECK(j["feed"]["title"] == "Ministerio P\u00fablico");
  REQUIRE(j["entries"].size() == 1);
  CHECK(j["entries"][0]["title"] == "Informe sobre la trata de personas en Panam\u00e1");
  CHECK(j["entries"][0]["link"] == server.url("/feeds/informes/2026/trata.html"));
}

TEST_CASE("atip parse: a redirected URL resolves links against the final URL") {
  TestServer server;
  server.server().Get("/old", [](const httplib::Request&, httplib::Response& res) {
    res.status = 301;
    res.set_header("Location", "/new/feed.xml");
  });
  server.server().Get("/new/feed.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kLatin1Rss, "application/rss+xml; charset=iso-8859-1");
  });
  server.start();
  const RunResult r = run_atip({"parse", server.url("/old")});
  REQUIRE(r.status == 0);
  CHECK(json_of(r)["entries"][0]["link"] == server.url("/new/informes/2026/trata.html"));
}

TEST_CASE("atip parse: an HTTP error status is an error naming the URL") {
  TestServer server;
  server.server().Get("/gone.xml", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
  server.start();
  const RunResult r = run_atip({"parse", server.url("/gone.xml")});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "atip: error: cannot fetch '" + server.url("/gone.xml") + "': HTTP 404\n");
}

TEST_CASE("atip parse: warnings of a recovered URL go to stderr, entries before the damage to stdout") {
  TestServer server;
  server.server().Get("/broken.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kBrokenRss, "application/rss+xml");
  });
  server.start();
  const std::string url = server.url("/broken.xml");
  const RunResult r = run_atip({"parse", url});
  REQUIRE(r.status == 0);
  CHECK(r.err.rfind("atip: warning: " + url + ": ", 0) == 0);
  const auto j = json_of(r);
  CHECK(j["wellformed"] == false);
  REQUIRE(j["entries"].size() >= 1);
  CHECK(j["entries"][0]["title"] == "kept");
}

TEST_CASE("atip parse: an HTML page served over HTTP lists its advertised feeds, made absolute") {
  TestServer server;
  server.server().Get("/index.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<!DOCTYPE html><html><head><title>Noticias</title>"
                    "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss/noticias.xml\">"
                    "</head><body><p>hola</p></body></html>",
                    "text/html; charset=utf-8");
  });
  server.start();
  const RunResult r = run_atip({"parse", server.url("/index.html"), "--format", "text"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("cannot parse '" + server.url("/index.html") + "': not a feed") != std::string::npos);
  CHECK(r.err.find("advertised feed: " + server.url("/rss/noticias.xml")) != std::string::npos);
}

TEST_CASE("atip parse: standard input and files need no network; text format shows enclosures") {
  TempDir tmp;
  const std::string file = tmp.write(
      "report.xml",
      "<rss version=\"2.0\"><channel><title>Reports</title><item><title>Annual report</title>"
      "<enclosure url=\"http://example.org/r.pdf\" type=\"application/pdf\" length=\"12\"/>"
      "</item></channel></rss>");
  RunResult r = run_atip({"parse", file, "--format", "text"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("enclosure: http://example.org/r.pdf (application/pdf)") != std::string::npos);
  r = run_atip({"parse", "-"}, {}, file);
  REQUIRE(r.status == 0);
  CHECK(json_of(r)["entries"][0]["enclosures"][0]["url"] == "http://example.org/r.pdf");
}

TEST_CASE("atip parse: --charset and --base make a saved copy parse as the fetch did") {
  TestServer server;
  server.server().Get("/feeds/ministerio.xml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kLatin1Rss, "application/rss+xml; charset=ISO-8859-1");
  });
  server.start();
  const std::string url = server.url("/feeds/ministerio.xml");
  const RunResult fetched = run_atip({"parse", url});
  REQUIRE(fetched.status == 0);

  TempDir tmp;
  const std::string file = tmp.write("ministerio.xml", kLatin1Rss);
  // Without the hints the bytes are read as UTF-8 (invalid, so rescued as windows-1252 with a
  // warning) and the relative link has nothing to resolve against.
  const RunResult bare = run_atip({"parse", file});
  REQUIRE(bare.status == 0);
  CHECK(json_of(bare)["entries"][0]["link"] == "informes/2026/trata.html");
  CHECK_FALSE(bare.err.empty());

  const RunResult hinted = run_atip({"parse", file, "--charset", "iso-8859-1", "--base", url});
  REQUIRE(hinted.status == 0);
  CHECK(hinted.err.empty());
  CHECK(hinted.out == fetched.out);

  // For a URL the hints replace what the response says.
  const RunResult moved = run_atip({"parse", url, "--base", "https://example.org/otro/feed.xml"});
  REQUIRE(moved.status == 0);
  CHECK(json_of(moved)["entries"][0]["link"] == "https://example.org/otro/informes/2026/trata.html");
  const RunResult relabelled = run_atip({"parse", url, "--charset", "utf-8"});
  REQUIRE(relabelled.status == 0);
  CHECK(relabelled.err.find("warning") != std::string::npos);  // Latin-1 bytes are no UTF-8
}

TEST_CASE("atip parse: an unknown charset or a relative base is refused before anything is read") {
  TempDir tmp;
  const std::string file = tmp.write("f.xml", kLatin1Rss);
  RunResult r = run_atip({"parse", file, "--charset", "latin-99"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "atip: error: unknown charset 'latin-99' (for example utf-8, iso-8859-1, windows-1252)\n");
  r = run_atip({"parse", "/nonexistent/feed.xml", "--base", "feeds/"});
  CHECK(r.status == 1);
  CHECK(r.err == "atip: error: base URL 'feeds/' is not an absolute http(s) URL\n");
  r = run_atip({"parse", file, "--base", "https://"});
  CHECK(r.status == 1);
  r = run_atip({"parse", file, "--charset", "Windows-1252", "--base", "https://a.example/x/"});
  CHECK(r.status == 0);
  CHECK(json_of(r)["entries"][0]["link"] == "https://a.example/x/informes/2026/trata.html");
}
