// Sources without a feed through the built binary: `feeds add --page|--oai`, how `feeds list`
// shows them, and an OPML round trip that keeps them what they are.
#include <doctest/doctest.h>

#include <fstream>
#include <mutex>
#include <iterator>
#include <nlohmann/json.hpp>

#include "lib/opml/opml.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;

struct Office {
  TempDir tmp;
  std::map<std::string, std::string> env{{"NO_COLOR", ""}, {"ATIP_NOW", "2026-11-20T12:00:00Z"}};
  explicit Office(const std::string& name = "c.db") {
    env["ATIP_DB"] = tmp.file(name);
    env["HOME"] = tmp.path().string();
  }
  RunResult run(const std::vector<std::string>& args) { return run_atip(args, env); }
};

}  // namespace

TEST_CASE("e2e: feeds add --page and --oai store sources of their kind, shown by feeds list") {
  Office o;
  // Not fetched when added: nothing listens on these addresses.
  RunResult r = o.run({"feeds", "add", "--page", "http://127.0.0.1:9/prensa", "--select", "ul.comunicados li",
                       "--match", "*/comunicado/*", "--title", "Fiscalía", "--tag", "mx"});
  REQUIRE(r.status == 0);
  r = o.run({"feeds", "add", "--oai", "http://127.0.0.1:9/oai", "--set", "trata"});
  REQUIRE(r.status == 0);
  r = o.run({"feeds", "list", "--format", "json"});
  REQUIRE(r.status == 0);
  const auto feeds = nlohmann::json::parse(r.out);
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0]["kind"] == "page");
  CHECK(feeds[0]["page_select"] == "ul.comunicados li");
  CHECK(feeds[0]["page_match"] == "*/comunicado/*");
  CHECK(feeds[0]["title"] == "Fiscalía");
  CHECK(feeds[1]["kind"] == "oai");
  CHECK(feeds[1]["oai_set"] == "trata");
  CHECK(feeds[1]["harvested_until"].is_null());

  r = o.run({"feeds", "list", "--format", "table"});
  CHECK(r.out.find("watched page, items: ul.comunicados li, links matching: */comunicado/*") != std::string::npos);
  CHECK(r.out.find("OAI-PMH archive, set trata, not harvested in full yet") != std::string::npos);
  r = o.run({"feeds", "list", "--format", "tsv"});
  CHECK(r.out.find("\tFiscalía\tpage\n") != std::string::npos);

  // Adding the same address again as the same kind is "already there"; as another kind, refused.
  CHECK(o.run({"feeds", "add", "--oai", "http://127.0.0.1:9/oai"}).status == 0);
  r = o.run({"feeds", "add", "--page", "http://127.0.0.1:9/oai"});
  CHECK(r.status == 1);
  CHECK(r.err.find("already in the catalogue as feed 2 of another kind (oai)") != std::string::npos);
}

TEST_CASE("e2e: feeds add --page|--oai refuses what cannot work") {
  Office o;
  RunResult r = o.run({"feeds", "add", "--select", "li", "http://127.0.0.1:9/x"});
  CHECK(r.status == 2);  // --select needs --page
  r = o.run({"feeds", "add", "--page", "--oai", "http://127.0.0.1:9/x"});
  CHECK(r.status == 2);
  r = o.run({"feeds", "add", "--oai", "http://127.0.0.1:9/oai?verb=Identify"});
  CHECK(r.status == 1);
  CHECK(r.err.find("an OAI-PMH base URL has no query") != std::string::npos);
  r = o.run({"feeds", "add", "--page", "http://127.0.0.1:9/x", "--select", "ul > li:first-child"});
  CHECK(r.status == 1);
  CHECK(r.err.find("bad selector 'ul > li:first-child'") != std::string::npos);
  CHECK(o.run({"feeds", "list", "--format", "tsv"}).out.empty());
  r = o.run({"feeds", "add", "--page", "file:///etc/passwd"});
  CHECK(r.status == 1);
  CHECK(r.err.find("unsupported URL scheme 'file'") != std::string::npos);
}

TEST_CASE("e2e: an OPML round trip keeps watched pages and archives, hidden from other readers") {
  Office a;
  REQUIRE(a.run({"feeds", "add", "--no-check", "http://127.0.0.1:9/rss"}).status == 0);
  REQUIRE(a.run({"feeds", "add", "--page", "http://127.0.0.1:9/prensa", "--select", "main a", "--match", "*.pdf"}).status == 0);
  REQUIRE(a.run({"feeds", "add", "--oai", "http://127.0.0.1:9/oai", "--set", "trata"}).status == 0);
  RunResult r = a.run({"feeds", "export"});
  REQUIRE(r.status == 0);
  // A reader that knows only xmlUrl sees one feed.
  CHECK(r.out.find("xmlUrl=\"http://127.0.0.1:9/rss\"") != std::string::npos);
  CHECK(r.out.find("xmlUrl=\"http://127.0.0.1:9/prensa\"") == std::string::npos);
  CHECK(r.out.find("type=\"atip-page\"") != std::string::npos);
  const auto outlines = atip::opml::read(r.out);
  REQUIRE(outlines.size() == 3);

  Office b("d.db");
  const std::string file = b.tmp.file("feeds.opml");
  std::ofstream(file) << r.out;
  REQUIRE(b.run({"feeds", "import", file}).status == 0);
  r = b.run({"feeds", "list", "--format", "json"});
  const auto feeds = nlohmann::json::parse(r.out);
  REQUIRE(feeds.size() == 3);
  CHECK(feeds[0]["kind"] == "feed");
  CHECK(feeds[1]["kind"] == "page");
  CHECK(feeds[1]["page_select"] == "main a");
  CHECK(feeds[1]["page_match"] == "*.pdf");
  CHECK(feeds[2]["kind"] == "oai");
  CHECK(feeds[2]["oai_set"] == "trata");
}

TEST_CASE("e2e: feeds check reads a watched page and an archive as fetch would") {
  Office o;
  // Declared before the server, whose handler threads use them until it stops; the handlers
  // run on the server's threads, so what they record is read under a lock.
  const std::string data = std::string(ATIP_SOURCE_DIR) + "/tests/data/";
  std::mutex oai_mutex;
  std::string oai_query;
  atip::testing::TestServer server;
  server.server().Get("/prensa", [&](const httplib::Request&, httplib::Response& r) {
    std::ifstream in(data + "pages/press_releases_es.html", std::ios::binary);
    r.set_content(std::string(std::istreambuf_iterator<char>(in), {}), "text/html");
  });
  server.server().Get("/oai", [&](const httplib::Request& q, httplib::Response& r) {
    std::lock_guard lock(oai_mutex);
    oai_query = q.get_param_value("verb") + " " + q.get_param_value("metadataPrefix") + " " + q.get_param_value("set");
    std::ifstream in(data + "oai/list_page1.xml", std::ios::binary);
    r.set_content(std::string(std::istreambuf_iterator<char>(in), {}), "text/xml");
  });
  server.start();
  REQUIRE(o.run({"feeds", "add", "--page", server.url("/prensa"), "--select", "ul.comunicados"}).status == 0);
  REQUIRE(o.run({"feeds", "add", "--page", server.url("/prensa") + "?v=2", "--select", "table.nothing"}).status == 0);
  REQUIRE(o.run({"feeds", "add", "--oai", server.url("/oai"), "--set", "trata"}).status == 0);

  RunResult r = o.run({"feeds", "check", "1", "3"});
  CHECK(r.status == 0);
  // Four releases; one links to its publisher's absolute address, which is another host than
  // this server's, so its relative twin counts apart: five links (not the mailto: or javascript:).
  CHECK(r.out.find("watched page: 5 links become entries") != std::string::npos);
  CHECK(r.out.find("OAI-PMH archive: 2 records on the first page, 5 in all") != std::string::npos);
  {
    std::lock_guard lock(oai_mutex);
    CHECK(oai_query == "ListRecords oai_dc trata");
  }
  // A selector that matches nothing is what a changed layout looks like: a problem.
  r = o.run({"feeds", "check", "2"});
  CHECK(r.status == 1);
  CHECK(r.out.find("problem: ") != std::string::npos);
}
