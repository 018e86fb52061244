// The fetch policy: back-off, Retry-After, permanent redirects, and servers that never answer,
// drip, or cut the body short — each after a good fetch, checking the catalogue afterwards.
#include <doctest/doctest.h>

#include <atomic>
#include <sys/socket.h>

#include "lib/app/fetch_policy.hpp"
#include "tests/app/fetch_scene.hpp"
#include "tests/support/raw_server.hpp"

namespace {

using atip::app::Backoff;
using atip::app::FetchOptions;
using atip::testing::FetchScene;
using atip::testing::RawServer;
using atip::testing::rss;
using namespace std::chrono_literals;

TEST_CASE("app::backoff_seconds: doubles from the base and stops at the cap") {
  const Backoff b;  // 1 h, 7 days
  CHECK(atip::app::backoff_seconds(1, b) == 3600);
  CHECK(atip::app::backoff_seconds(2, b) == 7200);
  CHECK(atip::app::backoff_seconds(4, b) == 8 * 3600);
  CHECK(atip::app::backoff_seconds(9, b) == 7 * 86400);
  CHECK(atip::app::backoff_seconds(500, b) == 7 * 86400);
}

TEST_CASE("app::retry_after_time: seconds or an HTTP date") {
  CHECK(atip::app::retry_after_time("120", 1000) == 1120);
  CHECK(atip::app::retry_after_time(" 0 ", 1000) == 1000);
  CHECK(atip::app::retry_after_time("Wed, 21 Oct 2026 07:28:00 GMT", 0) == 1792567680);
  CHECK(atip::app::retry_after_time("Wed, 21 Oct 2015 07:28:00 GMT", 1800000000) == 1800000000);  // past
  CHECK_FALSE(atip::app::retry_after_time("", 1000));
  CHECK_FALSE(atip::app::retry_after_time("soon", 1000));
}

TEST_CASE("app::permanent_target: only the permanent hops that start the chain") {
  using R = atip::net::Redirect;
  CHECK(atip::app::permanent_target({}) == "");
  CHECK(atip::app::permanent_target({R{301, "a"}, R{308, "b"}}) == "b");
  CHECK(atip::app::permanent_target({R{301, "a"}, R{302, "b"}}) == "a");
  CHECK(atip::app::permanent_target({R{302, "a"}, R{301, "b"}}) == "");
}

struct PolicyScene : FetchScene {
  std::atomic<int> status{200};
  std::string retry_after = "7200";
  std::int64_t id = 0;
  PolicyScene() {
    server.server().Get("/feed", [this](const httplib::Request&, httplib::Response& r) {
      r.status = status.load();
      if (r.status == 200) r.set_content(rss(3), "application/rss+xml");
      else if (r.status == 429 || r.status == 503) r.set_header("Retry-After", retry_after);
    });
    server.server().Get("/old", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/feed", 301); });
    server.server().Get("/temp", [](const httplib::Request&, httplib::Response& r) { r.set_redirect("/feed", 302); });
    server.start();
  }
};

TEST_CASE("app::run_fetch: 429 with Retry-After sets the next attempt; the feed waits, --feed forces it") {
  for (int code : {429, 503}) {
    CAPTURE(code);
    PolicyScene s;
    s.id = s.add("/feed");
    REQUIRE(s.fetch().feeds.at(0).outcome == "stored");
    s.status = code;
    const auto r = s.fetch(FetchScene::forced());
    REQUIRE(r.feeds.size() == 1);
    CHECK(r.feeds[0].outcome == "failed");
    CHECK(s.feed(s.id).next_attempt_after == s.clock.now() + 7200);
    CHECK(s.documents() == 3);
    // Before the time asked: skipped silently, no request made.
    const auto requests = s.server.requests().size();
    s.clock.set(s.clock.now() + 3600);
    const auto skipped = s.fetch();
    CHECK(skipped.feeds.empty());
    CHECK(skipped.skipped == 1);
    CHECK(skipped.failed == 0);
    CHECK(s.server.requests().size() == requests);
    // --feed ignores the wait; recovering clears it.
    s.status = 200;
    const auto forced = s.fetch(s.only(s.id));
    REQUIRE(forced.feeds.size() == 1);
    CHECK(forced.feeds[0].failures_before == 1);
    CHECK(forced.feeds[0].failures_after == 0);
    CHECK_FALSE(s.feed(s.id).next_attempt_after);
    CHECK(s.sightings() == 3);
  }
}

TEST_CASE("app::run_fetch: consecutive failures back off exponentially, and the feed is kept") {
  PolicyScene s;
  s.id = s.add("/feed");
  s.status = 500;
  std::int64_t expected_wait = 3600;
  for (int run = 1; run <= 4; ++run) {
    CAPTURE(run);
    const auto r = s.fetch();
    REQUIRE(r.feeds.size() == 1);
    CHECK(r.feeds[0].failures_after == run);
    CHECK(s.feed(s.id).next_attempt_after == s.clock.now() + expected_wait);
    CHECK(s.fetch().skipped == 1);  // not due a second later
    s.clock.set(s.clock.now() + expected_wait);
    expected_wait *= 2;
  }
  CHECK(s.feed(s.id).enabled);
}

TEST_CASE("app::run_fetch: a permanent redirect seen twice moves the feed; a temporary one never") {
  PolicyScene s;
  const auto moved = s.add("/old");
  const auto temp = s.add("/temp");
  auto first = s.fetch();
  for (const auto& f : first.feeds) CHECK(f.moved_to.empty());
  CHECK(s.feed(moved).url == s.server.url("/old"));
  CHECK(s.feed(moved).pending_redirect == s.server.url("/feed"));
  auto second = s.fetch(FetchScene::forced());
  for (const auto& f : second.feeds) CHECK(f.moved_to == (f.feed_id == moved ? s.server.url("/feed") : ""));
  CHECK(s.feed(moved).url == s.server.url("/feed"));
  CHECK(s.feed(moved).pending_redirect.empty());
  CHECK(s.feed(temp).url == s.server.url("/temp"));
  // The third fetch goes to the new address directly, and says nothing more.
  auto old_requests = [&s] {
    int n = 0;
    for (const auto& q : s.server.requests()) n += q.path == "/old";
    return n;
  };
  const int before = old_requests();
  auto third = s.fetch(FetchScene::forced());
  for (const auto& f : third.feeds) CHECK(f.moved_to.empty());
  CHECK(old_requests() == before);
  CHECK(s.documents() == 3);
}

// A RawServer script: a good answer, or one of the failures an HTTP library will not produce.
void raw_answer(int fd, const std::atomic<bool>& stopping, const std::string& mode) {
  if (RawServer::read_request(fd, 2s).empty()) return;
  const std::string body = rss(3);
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n";
  if (mode == "good") {
    RawServer::send_all(fd, head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  } else if (mode == "silent") {
    RawServer::pause(stopping, 5s);
  } else if (mode == "drip") {
    RawServer::send_all(fd, head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
    for (std::size_t i = 0; i < 10 && i < body.size(); ++i)
      if (!RawServer::send_all(fd, body.substr(i, 1)) || !RawServer::pause(stopping, 1s)) break;
  } else if (mode == "truncated") {
    RawServer::send_all(fd, head + "Content-Length: " + std::to_string(body.size() + 500) + "\r\n\r\n" + body);
  }
}

TEST_CASE("app::run_fetch: silent, dripping and truncating servers fail within the time-outs") {
  for (const std::string mode : {"silent", "drip", "truncated"}) {
    CAPTURE(mode);
    FetchScene s;
    atip::testing::Script script;
    RawServer raw([&script](int fd, const std::atomic<bool>& stopping) { raw_answer(fd, stopping, script.get()); });
    const auto id = *s.cat.add_feed({raw.url("/feed"), "", "", {}}, s.clock.now());
    REQUIRE(s.fetch().feeds.at(0).outcome == "stored");
    script.set(mode);
    const auto r = s.fetch(FetchScene::forced());
    REQUIRE(r.feeds.size() == 1);
    CHECK(r.feeds[0].outcome == "failed");
    CHECK_MESSAGE(!r.feeds[0].error.empty(), r.feeds[0].error);
    CHECK(s.documents() == 3);
    CHECK(s.sightings() == 3);
    CHECK(s.feed(id).consecutive_failures == 1);
  }
}

}  // namespace
