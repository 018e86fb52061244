// Feed health and management through the built binary: `feeds list` columns, `feeds check`
// (fetching without storing), `feeds add` given a page, enable/disable, and `atip init`.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "lib/opml/opml.hpp"
#include "lib/util/fs.hpp"
#include "tests/app/fetch_scene.hpp"
#include "tests/common/catalogue_query.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::testing::count;

using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

struct Site {
  TempDir tmp;
  TestServer server;
  std::map<std::string, std::string> env;
  Site() {
    server.server().Get("/feed", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(atip::testing::rss(3), "application/rss+xml; charset=utf-8");
    });
    server.server().Get("/page", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" "
                    "href=\"/feed\"></head><body>news</body></html>", "text/html");
    });
    server.server().Get("/bare", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("<!DOCTYPE html><html><head></head><body>no feeds</body></html>", "text/html");
    });
    server.server().Get("/moved", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/feed", 301); });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""},
           {"ATIP_NOW", "2026-11-20T12:00:00Z"}};
  }
  RunResult run(const std::vector<std::string>& args) { return run_atip(args, env); }
  std::string db() const { return env.at("ATIP_DB"); }
};

TEST_CASE("e2e: feeds list shows each feed's health in json, tsv and table") {
  Site s;
  REQUIRE(s.run({"feeds", "add", s.server.url("/feed")}).status == 0);
  REQUIRE(s.run({"feeds", "add", "--no-check", s.server.url("/gone")}).status == 0);
  CHECK(s.run({"fetch"}).status == 1);
  RunResult r = s.run({"feeds", "list", "--format", "json"});
  REQUIRE(r.status == 0);
  const auto feeds = nlohmann::json::parse(r.out);
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0]["state"] == "ok");
  CHECK(feeds[0]["http_status"] == 200);
  CHECK(feeds[0]["last_success"] == "2026-11-20T12:00:00Z");
  CHECK(feeds[0]["documents"] == 3);
  CHECK(feeds[0]["new_30_days"] == 3);
  CHECK(feeds[0]["next_attempt"].is_null());
  CHECK(feeds[1]["state"] == "failed");
  CHECK(feeds[1]["http_status"] == 404);
  CHECK(feeds[1]["consecutive_failures"] == 1);
  CHECK(feeds[1]["last_success"].is_null());
  CHECK(feeds[1]["next_attempt"] == "2026-11-20T13:00:00Z");
  // Forty days later the documents are still there but no longer new.
  s.env["ATIP_NOW"] = "2026-12-30T12:00:00Z";
  r = s.run({"feeds", "list", "--format", "tsv"});
  CHECK(r.out.rfind("1\tok\t200\t0\t3\t0\t2026-11-20T12:00:00Z\t2026-11-20T12:00:00Z\t-\t" + s.server.url("/feed"), 0) == 0);
  const std::string tsv = r.out;
  r = s.run({"feeds", "list"});  // piped: the same stable TSV
  CHECK(r.out == tsv);
  r = s.run({"feeds", "list", "--format", "table"});
  CHECK(r.out.find("LAST SUCCESS") != std::string::npos);
  CHECK(r.out.find("last error: HTTP 404 Not Found") != std::string::npos);
  CHECK(r.out.find("next attempt after 2026-11-20T13:00:00Z") != std::string::npos);
}

TEST_CASE("e2e: feeds check reports what each URL serves and stores nothing") {
  Site s;
  REQUIRE(s.run({"feeds", "add", s.server.url("/feed")}).status == 0);
  RunResult r = s.run({"feeds", "check", "1", s.server.url("/page"), s.server.url("/nothing"), s.server.url("/moved")});
  CHECK(r.status == 1);
  CHECK(r.out.find("feed 1: " + s.server.url("/feed") + "\n  status: 200\n  content type: application/rss+xml; charset=utf-8\n"
                   "  format: rss2.0, root element <rss>, encoding utf-8, 3 entries\n") != std::string::npos);
  CHECK(r.out.find("  problem: not a feed: an HTML page; it advertises 1 feed\n  advertises: " + s.server.url("/feed")) != std::string::npos);
  CHECK(r.out.find("  problem: HTTP 404 Not Found") != std::string::npos);
  CHECK(r.out.find("  redirect: 301 to " + s.server.url("/feed")) != std::string::npos);
  CHECK(count(s.db(), "SELECT count(*) FROM document") == 0);
  CHECK(count(s.db(), "SELECT count(*) FROM fetch_log") == 0);
  CHECK(s.run({"feeds", "check", "1"}).status == 0);
}

TEST_CASE("e2e: feeds add of a page subscribes to the feed it advertises") {
  Site s;
  RunResult r = s.run({"feeds", "add", s.server.url("/page")});
  CHECK(r.status == 0);
  CHECK(r.err.find("is a page, not a feed; subscribing to the feed it advertises: '" + s.server.url("/feed") + "'") != std::string::npos);
  r = s.run({"feeds", "add", s.server.url("/bare")});
  CHECK(r.status == 1);
  CHECK(r.err.find("advertises no feed") != std::string::npos);
  r = s.run({"feeds", "add", s.server.url("/feed")});
  CHECK(r.out == "already there: feed 1: " + s.server.url("/feed") + "\n");
  CHECK(count(s.db(), "SELECT count(*) FROM feed") == 1);
}

TEST_CASE("e2e: feeds disable stops fetching a feed; enable brings it back") {
  Site s;
  REQUIRE(s.run({"feeds", "add", s.server.url("/feed")}).status == 0);
  CHECK(s.run({"feeds", "disable", s.server.url("/feed")}).status == 0);
  CHECK(s.run({"fetch"}).status == 0);
  CHECK(count(s.db(), "SELECT count(*) FROM fetch_log") == 0);
  CHECK(s.run({"feeds", "enable", "1"}).status == 0);
  CHECK(s.run({"fetch"}).status == 0);
  CHECK(count(s.db(), "SELECT count(*) FROM document") == 3);
  CHECK(s.run({"feeds", "enable", "7"}).status == 1);
}

TEST_CASE("e2e: init creates the catalogue with the default feeds; twice adds nothing") {
  TempDir tmp;
  const std::map<std::string, std::string> env = {{"ATIP_DB", tmp.file("new/c.db")}, {"HOME", tmp.path().string()}};
  const auto outlines = atip::opml::read(atip::util::read_file(ATIP_SOURCE_DIR "/feeds/default.opml"));
  REQUIRE(!outlines.empty());
  RunResult r = run_atip({"init"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find("subscribed to " + std::to_string(outlines.size()) + " default feeds") != std::string::npos);
  CHECK(count(tmp.file("new/c.db"), "SELECT count(*) FROM feed") == static_cast<std::int64_t>(outlines.size()));
  r = run_atip({"init"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find("subscribed to 0 default feeds (" + std::to_string(outlines.size()) + " already there)") != std::string::npos);
}

}  // namespace
