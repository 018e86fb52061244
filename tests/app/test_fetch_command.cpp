// app::fetch_command in-process: the progress line and summary on a terminal, and the cron
// message rules as a pure function.
#include <doctest/doctest.h>

#include <sstream>

#include "lib/app/fetch_command.hpp"
#include "tests/app/fetch_scene.hpp"

namespace {

using atip::app::FeedResult;
using atip::app::feed_messages;
using atip::app::Verbosity;

FeedResult failing(int before, int after) {
  FeedResult f;
  f.feed_id = 4;
  f.url = "https://pub.example/feed";
  f.outcome = "failed";
  f.error = "HTTP 500 Internal Server Error";
  f.failures_before = before;
  f.failures_after = after;
  return f;
}

TEST_CASE("app::feed_messages: newly failed, threshold reached, recovered; silence otherwise") {
  CHECK(feed_messages(failing(0, 1), 3, Verbosity::Normal) ==
        std::vector<std::string>{"atip: feed 4 (https://pub.example/feed): HTTP 500 Internal Server Error"});
  CHECK(feed_messages(failing(1, 2), 3, Verbosity::Normal).empty());
  CHECK(feed_messages(failing(2, 3), 3, Verbosity::Quiet).size() == 1);
  CHECK(feed_messages(failing(3, 4), 3, Verbosity::Normal).empty());
  CHECK(feed_messages(failing(3, 4), 3, Verbosity::Verbose).size() == 1);
  FeedResult ok;
  ok.feed_id = 4;
  ok.url = "https://pub.example/feed";
  ok.outcome = "not_modified";
  CHECK(feed_messages(ok, 3, Verbosity::Normal).empty());
  ok.failures_before = 1;
  CHECK(feed_messages(ok, 3, Verbosity::Normal) ==
        std::vector<std::string>{"atip: feed 4 (https://pub.example/feed): recovered after 1 failure"});
  CHECK(feed_messages(ok, 3, Verbosity::Quiet).empty());
}

TEST_CASE("app::fetch_command: on a terminal, a progress line and a summary; exit 1 on a failure") {
  atip::testing::FetchScene s;
  s.server.server().Get("/feed", [](const httplib::Request&, httplib::Response& r) {
    r.set_content(atip::testing::rss(2), "application/rss+xml");
  });
  s.server.start();
  s.add("/feed");
  s.add("/missing");
  std::ostringstream out, err;
  atip::app::Context ctx{s.tmp.file("catalogue.db"), out, err, s.clock};
  atip::app::FetchCommandOptions o;
  o.net = s.net;
  o.progress = true;
  CHECK(atip::app::fetch_command(ctx, o) == 1);
  const std::string e = err.str();
  CHECK(e.find("fetching: 1/2 feeds") != std::string::npos);
  CHECK(e.find("fetching: 2/2 feeds, 2 new documents, 1 failed") != std::string::npos);
  CHECK(e.find("HTTP 404 Not Found\n") != std::string::npos);
  CHECK(e.size() > 60);
  CHECK(e.substr(e.rfind("\x1b[K") + 3) == "fetched 2 feeds: 2 new documents, 0 new sightings, 0 updated, 1 failed\n");
  CHECK(out.str().empty());
}

}  // namespace
