// Issue 8, requirement 4: readers never fail with "database is locked" during a long fetch, a
// second fetch leaves at once, `atip backup` copies while the fetch writes, and two processes
// marking the same documents lose no update.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/common/catalogue_query.hpp"
#include "tests/e2e/hardening_support.hpp"
#include "tests/support/http_server.hpp"

using atip::testing::Background;
using atip::testing::count;
using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

namespace {

constexpr int kFeeds = 12;

// Feeds that answer slowly and carry many entries in the second phase, so a fetch spends long
// both waiting and writing. Half of them answer only once the test releases them (or after
// 30 s): storing got fast enough that a fetch of slow feeds could end before a sanitized
// build's readers had run twice, so "throughout a fetch" is held open rather than timed.
struct SlowFeeds {
  TempDir tmp;
  TestServer server;
  std::atomic<int> phase{0};
  std::atomic<int> requests_in_phase{0};
  std::atomic<bool> released{false};
  std::map<std::string, std::string> env;

  SlowFeeds() {
    server.server().Get(R"(/feed(\d+))", [this](const httplib::Request& req, httplib::Response& r) {
      const int feed = std::stoi(req.matches[1]);
      if (phase.load() == 0) {
        r.set_content(atip::testing::generated_feed(feed, 0, 3), "application/rss+xml");
        return;
      }
      ++requests_in_phase;
      server.sleep_unless_stopping(std::chrono::milliseconds(400 + 100 * (feed % 4)));
      for (int waited = 0; feed % 2 == 1 && !released.load() && waited < 300; ++waited)
        if (!server.sleep_unless_stopping(std::chrono::milliseconds(100))) break;
      r.set_content(atip::testing::generated_feed(feed, 0, 400, "", 400), "application/rss+xml");
    });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""}};
    for (int f = 0; f < kFeeds; ++f)
      REQUIRE(run_atip({"feeds", "add", server.url("/feed" + std::to_string(f))}, env).status == 0);
    REQUIRE(run_atip({"fetch"}, env).status == 0);
    REQUIRE(count(db(), "SELECT count(*) FROM document") == 3 * kFeeds);
  }
  std::string db() const { return env.at("ATIP_DB"); }
};

bool locked(const RunResult& r) { return r.err.find("locked") != std::string::npos; }

}  // namespace

TEST_CASE("e2e: search, show, stats, export and backup work throughout a long fetch; a second fetch leaves at once") {
  SlowFeeds s;
  s.phase = 1;
  Background fetch({"fetch"}, s.env);
  // The fetch holds its lock before its first request: from then on a second fetch must leave.
  for (int i = 0; i < 200 && s.requests_in_phase.load() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  REQUIRE(s.requests_in_phase.load() > 0);
  int rounds = 0, second_fetch_checked = 0, backups = 0;
  // Bounded: a fetch far slower than expected ends the loop, and the test then waits for it.
  while (!fetch.done() && rounds < 200) {
    ++rounds;
    RunResult r = run_atip({"search", "labour", "--all"}, s.env);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK_FALSE(locked(r));
    r = run_atip({"show", "1"}, s.env);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(r.out.find("sightings (1)") != std::string::npos);
    r = run_atip({"export", "--format", "json"}, s.env);
    CHECK_MESSAGE(r.status == 0, r.err);
    if (r.status == 0) CHECK(nlohmann::json::parse(r.out, nullptr, false).is_discarded() == false);
    r = run_atip({"stats", "--by", "feed"}, s.env);
    CHECK_MESSAGE(r.status == 0, r.err);
    if (rounds % 3 == 1) {
      const std::string copy = s.tmp.file("backup-" + std::to_string(rounds) + ".db");
      r = run_atip({"backup", copy}, s.env);
      CHECK_MESSAGE(r.status == 0, r.err);
      CHECK(run_atip({"doctor"}, {{"ATIP_DB", copy}, {"HOME", s.tmp.path().string()}}).status == 0);
      ++backups;
    }
    if (!fetch.done()) {
      r = run_atip({"fetch"}, s.env);
      // The first fetch may have ended meanwhile; only a refusal during it counts.
      if (r.status == 3) {
        CHECK(r.err == "atip: error: another 'atip fetch' is running on '" + s.db() + "'; not starting a second one\n");
        ++second_fetch_checked;
      }
    }
    // Enough seen during the fetch: let its held feeds answer, so it ends (and writes them).
    if (rounds >= 3 && second_fetch_checked >= 1) s.released = true;
  }
  const RunResult done = fetch.wait();
  CHECK_MESSAGE(done.status == 0, done.err);
  CHECK(rounds >= 2);
  CHECK(second_fetch_checked >= 1);
  CHECK(backups >= 1);
  CHECK(count(s.db(), "SELECT count(*) FROM document") == 400 * kFeeds);
  CHECK(run_atip({"doctor"}, s.env).status == 0);
}

TEST_CASE("e2e: two processes marking the same documents at once lose no update") {
  SlowFeeds s;
  std::vector<std::string> ids, odd, even;
  for (int id = 1; id <= 3 * kFeeds; ++id) {
    ids.push_back(std::to_string(id));
    (id % 2 ? odd : even).push_back(std::to_string(id));
  }
  constexpr int kRuns = 12;
  // One screens (state, and notes on odd ids); the other stars (and notes on even ids). Each
  // field's last write must win, whatever the interleaving.
  auto marker = [&](bool screener, std::vector<int>& statuses) {
    for (int k = 0; k < kRuns; ++k) {
      std::vector<std::string> args = {"mark"};
      args.insert(args.end(), ids.begin(), ids.end());
      if (screener) args.push_back(k % 2 ? "--include" : "--maybe");
      else args.push_back(k % 2 ? "--star" : "--unstar");
      statuses.push_back(run_atip(args, s.env).status);
      args = {"mark"};
      const auto& mine = screener ? odd : even;
      args.insert(args.end(), mine.begin(), mine.end());
      args.insert(args.end(), {"--note", std::string(screener ? "screener " : "starrer ") + std::to_string(k)});
      statuses.push_back(run_atip(args, s.env).status);
    }
  };
  std::vector<int> a, b;
  std::thread first([&] { marker(true, a); });
  std::thread second([&] { marker(false, b); });
  first.join();
  second.join();
  for (int st : a) CHECK(st == 0);
  for (int st : b) CHECK(st == 0);
  const std::string last = std::to_string(kRuns - 1);
  CHECK(count(s.db(), "SELECT count(*) FROM document WHERE state = 'included' AND starred = 1") == 3 * kFeeds);
  CHECK(count(s.db(), ("SELECT count(*) FROM document WHERE id % 2 = 1 AND note = 'screener " + last + "'").c_str()) == static_cast<std::int64_t>(odd.size()));
  CHECK(count(s.db(), ("SELECT count(*) FROM document WHERE id % 2 = 0 AND note = 'starrer " + last + "'").c_str()) == static_cast<std::int64_t>(even.size()));
}
