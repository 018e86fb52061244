// `atip fetch` from cron, through the built binary: quiet when all is well, one line when a
// feed newly fails, again when it has failed N times in a row, once when it recovers; never
// the same complaint every night. Exit 1 whenever a feed failed in the run.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <atomic>

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

struct Cron {
  TempDir tmp;
  TestServer server;
  std::atomic<int> status{200};
  std::map<std::string, std::string> env;
  int day = 1;

  Cron() {
    server.server().Get("/feed", [this](const httplib::Request&, httplib::Response& r) {
      r.status = status.load();
      r.set_content(r.status == 200 ? atip::testing::rss(3) : "<html>no</html>",
                    r.status == 200 ? "application/rss+xml" : "text/html");
    });
    server.server().Get("/old", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/feed", 308); });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""}};
  }
  // One nightly run, a day after the last.
  RunResult night(std::vector<std::string> extra = {}) {
    env["ATIP_NOW"] = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day) + "T03:00:00Z";
    ++day;
    std::vector<std::string> args = {"fetch"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_atip(args, env);
  }
  std::string db() const { return env.at("ATIP_DB"); }
};

TEST_CASE("e2e: fetch from cron speaks when a feed newly fails, reaches the threshold, or recovers") {
  Cron c;
  REQUIRE(run_atip({"feeds", "add", c.server.url("/feed")}, c.env).status == 0);
  RunResult r = c.night();
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(count(c.db(), "SELECT count(*) FROM document") == 3);

  c.status = 404;
  r = c.night();
  CHECK(r.status == 1);
  CHECK(r.err == "atip: feed 1 (" + c.server.url("/feed") + "): HTTP 404 Not Found\n");
  r = c.night();  // the same complaint is not repeated
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  r = c.night();
  CHECK(r.status == 1);
  CHECK(r.err.find("failed 3 times in a row: HTTP 404 Not Found; next attempt after") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  r = c.night();
  CHECK(r.status == 1);
  CHECK(r.err.empty());

  c.status = 200;
  r = c.night();
  CHECK(r.status == 0);
  CHECK(r.err == "atip: feed 1 (" + c.server.url("/feed") + "): recovered after 4 failures\n");
  r = c.night();
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(count(c.db(), "SELECT count(*) FROM document") == 3);
  CHECK(count(c.db(), "SELECT count(*) FROM sighting") == 3);
}

TEST_CASE("e2e: fetch -q says only failures; --failure-threshold changes when it repeats") {
  Cron c;
  REQUIRE(run_atip({"feeds", "add", c.server.url("/feed")}, c.env).status == 0);
  c.status = 500;
  CHECK(c.night({"-q", "--failure-threshold", "2"}).err.find("HTTP 500") != std::string::npos);
  CHECK(c.night({"-q", "--failure-threshold", "2"}).err.find("2 times in a row") != std::string::npos);
  c.status = 200;
  RunResult r = c.night({"-q"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());  // recovery is news, not an error
  CHECK(c.night({"-q", "-v"}).status == 2);
}

TEST_CASE("e2e: a permanent redirect seen on two runs moves the feed and says so once") {
  Cron c;
  REQUIRE(run_atip({"feeds", "add", c.server.url("/old")}, c.env).status == 0);
  CHECK(c.night().err.empty());
  RunResult r = c.night();
  CHECK(r.status == 0);
  CHECK(r.err == "atip: feed 1 (" + c.server.url("/old") + "): moved permanently; now fetched from '" +
                     c.server.url("/feed") + "'\n");
  CHECK(c.night().err.empty());
  r = run_atip({"feeds", "list", "--format", "tsv"}, c.env);
  CHECK(r.out.find(c.server.url("/feed")) != std::string::npos);
  CHECK(r.out.find(c.server.url("/old")) == std::string::npos);
}

TEST_CASE("e2e: fetch flags for limits are checked, and --feed forces a feed that waits") {
  Cron c;
  REQUIRE(run_atip({"feeds", "add", c.server.url("/feed")}, c.env).status == 0);
  c.status = 429;
  CHECK(c.night({"--timeout", "5", "--connect-timeout", "2", "--low-speed-time", "3", "--max-size", "100000",
                 "--user-agent", "atip-test/1"}).status == 1);
  CHECK(c.server.requests().back().header("User-Agent") == "atip-test/1");
  c.status = 200;
  c.env["ATIP_NOW"] = "2026-11-01T03:30:00Z";  // half an hour later: backing off
  RunResult r = run_atip({"fetch", "-v"}, c.env);
  CHECK(r.status == 0);
  CHECK(r.err.find("1 not due yet") != std::string::npos);
  CHECK(count(c.db(), "SELECT count(*) FROM document") == 0);
  r = run_atip({"fetch", "--feed", "1"}, c.env);
  CHECK(r.status == 0);
  CHECK(count(c.db(), "SELECT count(*) FROM document") == 3);
  CHECK(run_atip({"fetch", "--timeout", "0"}, c.env).status == 2);
  r = run_atip({"--db", c.tmp.path().string(), "fetch"}, c.env);  // a directory: unusable
  CHECK(r.status == 3);
  CHECK(r.err.rfind("atip: error: ", 0) == 0);
}

}  // namespace
