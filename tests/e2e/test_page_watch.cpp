// Page watching end to end: a feed of kind "page" in the catalogue, served by the in-process
// server with validators, fetched by app::run_fetch like any feed.
#include <doctest/doctest.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "lib/app/fetch.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/util/time.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/support/http_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

using namespace atip;

std::string saved_page(const std::string& name) {
  std::ifstream in(std::string(ATIP_SOURCE_DIR) + "/tests/data/pages/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A publisher's page whose content the test changes; answers 304 to a current ETag.
struct PageSite {
  testing::TempDir tmp;
  testing::TestServer server;
  std::mutex mutex;
  std::string body;
  store::Catalogue cat{tmp.file("catalogue.db"), store::OpenMode::ReadWrite};
  util::FixedClock clock{1'795'000'000};

  explicit PageSite(std::string first) : body(std::move(first)) {
    server.server().Get("/prensa", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      const std::string etag = testing::etag_for(body);
      if (testing::is_not_modified(req, etag, 0)) {
        res.status = 304;
        res.set_header("ETag", etag);
        return;
      }
      res.set_header("ETag", etag);
      res.set_content(body, "text/html");  // no charset: the page's <meta> says ISO-8859-1
    });
    server.start();
  }
  void set(std::string b) {
    std::lock_guard<std::mutex> lock(mutex);
    body = std::move(b);
  }
  std::int64_t add_page(const std::string& select, const std::string& match = "") {
    store::NewFeed f;
    f.url = server.url("/prensa");
    f.kind = "page";
    f.page_select = select;
    f.page_match = match;
    return *cat.add_feed(f, clock.now());
  }
  app::FetchReport fetch() {
    net::Options o;
    o.connect_timeout_s = 5;
    o.total_timeout_s = 10;
    net::CurlClient client(o);
    return app::run_fetch(cat, client, {}, clock);
  }
  std::vector<store::Document> documents() {
    std::vector<store::Document> out;
    cat.select({}, [&](const store::Document& d) { out.push_back(d); });
    return out;
  }
};

}  // namespace

TEST_CASE("e2e: a watched page is fetched like a feed: entries once, 304 after, only new links next") {
  PageSite site(saved_page("press_releases_es.html"));
  const std::int64_t feed_id = site.add_page("ul.comunicados");

  auto report = site.fetch();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].outcome == "stored");
  CHECK(report.feeds[0].error.empty());
  CHECK(report.new_documents == 4);
  auto docs = site.documents();
  REQUIRE(docs.size() == 4);
  bool found = false;
  for (const store::Document& d : docs) {
    for (const store::Sighting& x : d.sightings) {
      CHECK(x.origin == "page");
      CHECK(x.feed_id == feed_id);
    }
    // Served from 127.0.0.1, the release linked once absolutely (www.seguridad.example.gob) and
    // once relatively ("Leer más") is two links: two sightings of one work, merged by title.
    CHECK(d.sightings.size() == (d.title.rfind("Nuevo protocolo", 0) == 0 ? 2u : 1u));
    if (d.title == "Rescatan a 14 víctimas de trata laboral en Misiones") {
      found = true;
      CHECK(d.published == *util::parse_cli_date("2026-06-03"));
      CHECK(d.summary == "La Policía Federal desarticuló una red que captaba trabajadores rurales con falsas ofertas de empleo.");
      CHECK(d.language == "es");
    }
  }
  CHECK(found);
  // The feed learned the page's title, as it learns a feed's.
  CHECK(site.cat.find_feed(std::to_string(feed_id))->title == "Sala de prensa | Ministerio de Seguridad de Ejemplo");

  // Nothing changed: the server answers 304 to the stored ETag and nothing is stored.
  report = site.fetch();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].outcome == "not_modified");
  CHECK(report.new_documents == 0);
  CHECK(site.cat.count_documents() == 4);
  CHECK(site.server.count_status(304) == 1);

  // The publisher adds a release at the top: the only new document next time.
  std::string page = saved_page("press_releases_es.html");
  const std::string marker = "<ul class=\"comunicados\">";
  page.insert(page.find(marker) + marker.size(),
              "<li class=\"comunicado\"><span class=\"fecha\">10 de junio de 2026</span><h3><a href=\"/prensa/2026/06/10/"
              "condena-red-trata\">Condenan a cinco integrantes de una red de trata</a></h3><p>El tribunal dict\xF3 "
              "penas de hasta 12 a\xF1os.</p></li>");
  site.set(page);
  report = site.fetch();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].outcome == "stored");
  CHECK(report.new_documents == 1);
  CHECK(report.new_sightings == 0);
  CHECK(report.updated == 0);
  CHECK(site.cat.count_documents() == 5);
  docs = site.documents();
  const auto it = std::find_if(docs.begin(), docs.end(), [](const store::Document& d) {
    return d.title == "Condenan a cinco integrantes de una red de trata";
  });
  REQUIRE(it != docs.end());
  CHECK(it->summary == "El tribunal dictó penas de hasta 12 años.");
  CHECK(it->published == *util::parse_cli_date("2026-06-10"));
  CHECK(it->sightings.at(0).origin == "page");
}

TEST_CASE("e2e: a watched page whose selector matches nothing fails the feed, and keeps what it stored") {
  PageSite site(saved_page("press_releases_es.html"));
  const std::int64_t feed_id = site.add_page("", "*/prensa/2026/*");
  auto report = site.fetch();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.new_documents == 3);
  // The publisher moves to a new layout: the pattern matches nothing any more.
  site.set("<!DOCTYPE html><html><body><div class='listado'><a href='/noticias/2026/x'>Nueva noticia</a></div></body></html>");
  report = site.fetch();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].outcome == "failed");
  CHECK(report.feeds[0].error == "no link on the page matches '*/prensa/2026/*'; has the publisher changed its layout?");
  CHECK(report.failed == 1);
  const auto feed = site.cat.find_feed(std::to_string(feed_id));
  CHECK(feed->consecutive_failures == 1);
  CHECK(feed->last_error == report.feeds[0].error);
  CHECK(site.cat.count_documents() == 3);
}
