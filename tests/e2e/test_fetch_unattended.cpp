// `atip fetch` left alone: SIGINT and SIGTERM stop it at a feed boundary with exit 130, the
// lock released and the catalogue whole; `--log FILE` appends one line per run, whatever the
// outcome. Through the built binary, against a slow local server.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <sstream>
#include <thread>

#include "lib/util/lock.hpp"
#include "tests/common/catalogue_query.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::testing::AtipExec;
using atip::testing::count;
using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;
using namespace std::chrono_literals;

constexpr int kFeeds = 24;

// Feed n: three entries of its own, answered after `delay_ms`, with an ETag.
std::string feed_body(int n) {
  std::string body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + std::to_string(n) +
                     "</title><link>https://pub.example/</link>";
  for (int i = 1; i <= 3; ++i) {
    const std::string id = std::to_string(n) + "-" + std::to_string(i);
    body += "<item><title>Report " + id + " on forced labour</title><link>https://pub.example/" + id +
            "</link><guid>g-" + id + "</guid></item>";
  }
  return body + "</channel></rss>";
}

struct Slow {
  TempDir tmp;
  TestServer server;
  std::atomic<int> delay_ms{0};
  std::map<std::string, std::string> env;

  Slow() {
    server.server().Get("/feed/(\\d+)", [this](const httplib::Request& req, httplib::Response& res) {
      server.sleep_unless_stopping(std::chrono::milliseconds(delay_ms.load()));
      const int n = std::stoi(req.matches[1].str());
      res.set_header("ETag", "\"e" + std::to_string(n) + "\"");
      if (req.get_header_value("If-None-Match") == "\"e" + std::to_string(n) + "\"") return void(res.status = 304);
      res.set_content(feed_body(n), "application/rss+xml");
    });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""}};
  }
  void subscribe(int feeds, bool with_a_broken_one = false) {
    std::string opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>";
    for (int n = 0; n < feeds; ++n)
      opml += "<outline type=\"rss\" text=\"f" + std::to_string(n) + "\" xmlUrl=\"" +
              server.url("/feed/" + std::to_string(n)) + "\"/>";
    if (with_a_broken_one)  // the route wants digits: 404
      opml += "<outline type=\"rss\" text=\"gone\" xmlUrl=\"" + server.url("/feed/gone") + "\"/>";
    opml += "</body></opml>";
    REQUIRE(run_atip({"feeds", "import", tmp.write("feeds.opml", opml)}, env).status == 0);
  }
  std::string db() const { return env.at("ATIP_DB"); }
};

// `atip fetch ARGS` in the background, its stderr to a file; environment as run_atip's.
struct Background {
  pid_t pid = -1;
  std::string err_path;

  Background(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
             const TempDir& tmp) {
    err_path = tmp.file("fetch.err");
    AtipExec exec(args, env);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int rc = posix_spawn(&pid, exec.binary(), &actions, nullptr, exec.argv(), exec.envp());
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
  }
  // The exit status (128 + signal when killed), waiting at most `limit`; -1 if still running,
  // in which case the process is killed so that the test never hangs.
  int wait(std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (std::chrono::steady_clock::now() < end) {
      const pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) {
        pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }
  ~Background() {
    if (pid > 0) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  }
};

// Waits (bounded) until the running fetch has stored `n` feeds (WAL lets us read meanwhile).
bool stored_feeds(const std::string& db, std::int64_t n) {
  for (int i = 0; i < 500; ++i) {
    try {
      if (count(db, "SELECT count(*) FROM fetch_log") >= n) return true;
    } catch (const std::exception&) {
      // not created yet
    }
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

std::vector<std::string> lines_of(const std::string& path) {
  std::istringstream in(atip::testing::slurp(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("e2e: SIGINT and SIGTERM stop a fetch at a feed boundary with exit 130") {
  for (const int sig : {SIGINT, SIGTERM}) {
    CAPTURE(sig);
    Slow s;
    s.subscribe(kFeeds);
    s.delay_ms = 300;  // two at a time: about 3.6 s for the whole run
    const std::string log = s.tmp.file("fetch.log");
    Background fetch({"fetch", "--jobs", "2", "--log", log}, s.env, s.tmp);
    REQUIRE(stored_feeds(s.db(), 2));
    REQUIRE(kill(fetch.pid, sig) == 0);
    const auto signalled = std::chrono::steady_clock::now();
    CHECK(fetch.wait(10s) == 130);
    // In-flight transfers are abandoned, not waited for.
    CHECK(std::chrono::steady_clock::now() - signalled < 3s);
    const std::string err = atip::testing::slurp(fetch.err_path);
    CHECK_MESSAGE(err.find(sig == SIGINT ? "interrupted by SIGINT" : "interrupted by SIGTERM") != std::string::npos, err);

    // The lock is free, the catalogue whole: each feed logged as stored has all its entries,
    // the others none, and not every feed was fetched.
    CHECK(atip::util::FileLock::try_acquire(s.db() + ".lock").has_value());
    CHECK(count(s.db(), "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
    const auto stored = count(s.db(), "SELECT count(*) FROM fetch_log WHERE outcome = 'stored'");
    CHECK(stored >= 1);
    CHECK(stored < kFeeds);
    CHECK(count(s.db(), "SELECT count(*) FROM fetch_log") == stored);
    CHECK(count(s.db(), "SELECT count(*) FROM sighting") == 3 * stored);
    CHECK(count(s.db(), "SELECT count(*) FROM sighting WHERE feed_id NOT IN "
                        "(SELECT feed_id FROM fetch_log WHERE outcome = 'stored')") == 0);
    const auto lines = lines_of(log);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("\tfeeds=" + std::to_string(stored) + "\t") != std::string::npos);
    CHECK(lines[0].find("\texit=130\terror=interrupted by a signal") != std::string::npos);

    // The next run fetches the rest: everything once, nothing twice.
    s.delay_ms = 0;
    const RunResult next = run_atip({"fetch", "--log", log}, s.env);
    CHECK(next.status == 0);
    CHECK(next.err.empty());
    CHECK(count(s.db(), "SELECT count(*) FROM document") == 3 * kFeeds);
    CHECK(count(s.db(), "SELECT count(*) FROM sighting") == 3 * kFeeds);
    CHECK(lines_of(log).size() == 2);
  }
}

TEST_CASE("e2e: fetch --log appends one tab-separated line per run, errors included") {
  Slow s;
  s.subscribe(3, /*with_a_broken_one=*/true);
  const std::string log = s.tmp.file("fetch.log");
  s.env["ATIP_NOW"] = "2026-11-27T03:17:00Z";
  CHECK(run_atip({"fetch", "--log", log}, s.env).status == 1);  // the broken feed
  CHECK(run_atip({"fetch", "--log", log, "-q"}, s.env).status == 0);  // it is not due
  {
    const auto held = atip::util::FileLock::try_acquire(s.db() + ".lock");
    REQUIRE(held);
    CHECK(run_atip({"fetch", "--log", log}, s.env).status == 3);
  }
  const auto lines = lines_of(log);
  REQUIRE(lines.size() == 3);
  // The duration varies; everything else is fixed.
  const auto without_duration = [](std::string line) {
    const auto at = line.find("\tduration_s=");
    REQUIRE(at != std::string::npos);
    const auto end = line.find('\t', at + 1);
    const std::string value = line.substr(at + 12, end - at - 12);
    CHECK(value.find_first_not_of("0123456789.") == std::string::npos);
    return line.erase(at, end - at);
  };
  CHECK(without_duration(lines[0]) ==
        "time=2026-11-27T03:17:00Z\tfeeds=4\tstored=3\tnot_modified=0\tunchanged=0\tfailed=1\tskipped=0"
        "\tnew_documents=9\tnew_sightings=0\tupdated=0\texit=1");
  // The second run: three 304s; the broken feed is backing off, so it is not due.
  CHECK(without_duration(lines[1]) ==
        "time=2026-11-27T03:17:00Z\tfeeds=3\tstored=0\tnot_modified=3\tunchanged=0\tfailed=0\tskipped=1"
        "\tnew_documents=0\tnew_sightings=0\tupdated=0\texit=0");
  CHECK(without_duration(lines[2]).find("\tfeeds=0\t") != std::string::npos);
  CHECK(lines[2].find("\texit=3\terror=another 'atip fetch' is running") != std::string::npos);

  // A log that cannot be opened is a usage error, before anything is fetched.
  const RunResult bad = run_atip({"fetch", "--log", s.tmp.path().string()}, s.env);
  CHECK(bad.status == 2);
  CHECK(bad.err.find("cannot open log file") != std::string::npos);
}

}  // namespace
