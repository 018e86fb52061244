// app::run_fetch against every way a publisher's server answers: each case first stores a good
// version, then meets the answer, then checks the catalogue lost and duplicated nothing.
#include <doctest/doctest.h>

#include "lib/app/fetch.hpp"
#include "tests/app/fetch_scene.hpp"
#include "tests/support/raw_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

using atip::app::FetchReport;
using atip::testing::FetchScene;
using atip::testing::rss;

const char* const kEtag = "\"v1\"";
const char* const kLastModified = "Mon, 16 Nov 2026 08:00:00 GMT";

std::string brotli(const std::string& body) {
  std::string out;
  httplib::detail::brotli_compressor c;
  c.compress(body.data(), body.size(), true, [&out](const char* p, std::size_t n) {
    out.append(p, n);
    return true;
  });
  return out;
}

// /feed answers as scene.script says.
void answer(FetchScene& s, const httplib::Request& req, httplib::Response& res) {
  const std::string mode = s.script.get();
  if (mode == "good" || mode == "etag") {
    res.set_header("ETag", kEtag);
    if (req.get_header_value("If-None-Match") == kEtag) {
      res.status = 304;
      return;
    }
    res.set_content(rss(3), "application/rss+xml");
  } else if (mode == "lastmod") {
    res.set_header("Last-Modified", kLastModified);
    if (req.get_header_value("If-Modified-Since") == kLastModified) {
      res.status = 304;
      return;
    }
    res.set_content(rss(3), "application/rss+xml");
  } else if (mode == "noval") {
    res.set_content(rss(3), "application/rss+xml");
  } else if (mode == "gzip" || mode == "br") {
    res.set_content(mode == "gzip" ? atip::testing::gzip(rss(4)) : brotli(rss(4)), "application/rss+xml");
    res.set_header("Content-Encoding", mode);
  } else if (mode == "wrong-type") {
    res.set_content(rss(4), "text/plain");
  } else if (mode == "big") {
    res.set_content(std::string(100 * 1024, ' ') + rss(4), "application/rss+xml");
  } else if (mode == "bomb") {
    static const std::string bomb = atip::testing::gzip(std::string(16 * 1024 * 1024, ' '));
    res.set_content(bomb, "application/rss+xml");
    res.set_header("Content-Encoding", "gzip");
  } else if (mode == "html") {
    res.set_content("<!DOCTYPE html><html><head><title>News</title><link rel=\"alternate\" "
                    "type=\"application/rss+xml\" href=\"/news.rss\"></head><body>hi</body></html>",
                    "text/html");
  } else if (mode == "loop") {
    res.set_redirect("/feed", 302);
  } else if (mode == "chain") {
    res.set_redirect("/hop1", 302);
  } else if (mode == "passwd") {
    res.set_redirect("file:///etc/passwd", 302);
  } else {
    res.status = std::stoi(mode);  // "404", "500", "410", "429", "503"
    if (res.status == 429 || res.status == 503) res.set_header("Retry-After", "7200");
    res.set_content("<html>error</html>", "text/html");
  }
}

struct Scene : FetchScene {
  std::int64_t id = 0;
  std::int64_t docs = 0, seen = 0;
  Scene() {
    server.server().Get("/feed", [this](const httplib::Request& q, httplib::Response& r) { answer(*this, q, r); });
    server.server().Get("/hop1", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/hop2", 307); });
    server.server().Get("/hop2", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/good", 302); });
    server.server().Get("/good", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(rss(4), "application/rss+xml");
    });
    server.start();
    id = add("/feed");
  }
  // The good version first: three documents, three sightings.
  void store_good() {
    script.set("good");
    const FetchReport r = fetch();
    REQUIRE(r.feeds.size() == 1);
    REQUIRE(r.feeds[0].outcome == "stored");
    docs = documents();
    seen = sightings();
    REQUIRE(docs == 3);
  }
  // Fetches once under `mode`, expects a failure mentioning `fragment`, and that the catalogue
  // still holds exactly what it held.
  atip::app::FeedResult fails_with(const std::string& mode, const std::string& fragment) {
    script.set(mode);
    const FetchReport r = fetch(FetchScene::forced());  // forced: no 304 can hide the answer
    REQUIRE(r.feeds.size() == 1);
    CHECK(r.failed == 1);
    CHECK(r.feeds[0].outcome == "failed");
    CHECK_MESSAGE(r.feeds[0].error.find(fragment) != std::string::npos, r.feeds[0].error);
    CHECK(documents() == docs);
    CHECK(sightings() == seen);
    CHECK(feed(id).consecutive_failures == 1);
    CHECK(feed(id).body_hash != "");  // the last good state is kept
    return r.feeds[0];
  }
};

TEST_CASE("app::run_fetch: bad answers after a good fetch lose and duplicate nothing") {
  Scene s;
  s.store_good();
  SUBCASE("404") { s.fails_with("404", "HTTP 404 Not Found"); }
  SUBCASE("500") { s.fails_with("500", "HTTP 500 Internal Server Error"); }
  SUBCASE("a body over the cap") { s.fails_with("big", "response larger than 65536 bytes"); }
  SUBCASE("a gzip bomb") { s.fails_with("bomb", "response larger than 65536 bytes"); }
  SUBCASE("a redirect loop") { s.fails_with("loop", "too many redirects"); }
  SUBCASE("a redirect to file:///etc/passwd") { s.fails_with("passwd", "refused redirect to unsupported URL scheme 'file'"); }
  SUBCASE("an HTML page that advertises a feed") {
    const auto f = s.fails_with("html", "not a feed: an HTML page");
    CHECK(f.error == "not a feed: an HTML page; it advertises: " + s.server.url("/news.rss"));
    REQUIRE(f.advertised_feeds.size() == 1);
    CHECK(f.advertised_feeds[0] == s.server.url("/news.rss"));
  }
  SUBCASE("410 Gone disables the feed with a note") {
    const auto f = s.fails_with("410", "HTTP 410 Gone");
    CHECK(f.disabled);
    CHECK_FALSE(s.feed(s.id).enabled);
    CHECK(s.feed(s.id).note.find("410 Gone") != std::string::npos);
    CHECK(s.fetch().feeds.empty());  // disabled: not fetched again
    CHECK(s.documents() == 3);
  }
}

TEST_CASE("app::run_fetch: answers that are fine store only what is new") {
  for (const std::string mode : {"gzip", "br", "wrong-type", "chain"}) {
  CAPTURE(mode);
  Scene s;
  s.store_good();
  s.script.set(mode);
  const FetchReport r = s.fetch(FetchScene::forced());
  REQUIRE(r.feeds.size() == 1);
  CHECK(r.feeds[0].outcome == "stored");
  CHECK(r.feeds[0].ingest.new_documents == 1);  // item 4; items 1-3 are not stored twice
  CHECK(s.documents() == 4);
  CHECK(s.sightings() == 4);
  CHECK(s.feed(s.id).url == s.server.url("/feed"));  // temporary redirects move nothing
  }
}

TEST_CASE("app::run_fetch: 304 with ETag and with Last-Modified costs no parse and no write") {
  for (const std::string mode : {"etag", "lastmod"}) {
  CAPTURE(mode);
  Scene s;
  s.script.set(mode);
  REQUIRE(s.fetch().feeds.at(0).outcome == "stored");
  const FetchReport r = s.fetch();
  CHECK(r.feeds.at(0).outcome == "not_modified");
  CHECK(r.feeds.at(0).http_status == 304);
  CHECK(s.documents() == 3);
  CHECK(s.sightings() == 3);
  const auto log = s.server.requests();
  CHECK(log.back().status == 304);
  // --force sends no validators: a full answer, parsed, nothing duplicated.
  const FetchReport again_forced = s.fetch(FetchScene::forced());
  CHECK(again_forced.feeds.at(0).outcome == "stored");
  CHECK(again_forced.feeds.at(0).ingest.unchanged == 3);
  CHECK(s.server.requests().back().header("If-None-Match").empty());
  CHECK(s.server.requests().back().header("If-Modified-Since").empty());
  CHECK(s.documents() == 3);
  }
}

TEST_CASE("app::run_fetch: a 200 with the same bytes as last time is not parsed again") {
  Scene s;
  s.script.set("noval");
  REQUIRE(s.fetch().feeds.at(0).outcome == "stored");
  const FetchReport again = s.fetch();
  CHECK(again.feeds.at(0).outcome == "unchanged");
  CHECK(again.feeds.at(0).ingest.unchanged == 0);  // not even looked at
  CHECK(s.fetch(FetchScene::forced()).feeds.at(0).ingest.unchanged == 3);  // --force parses
  CHECK(s.sightings() == 3);
}

}  // namespace
