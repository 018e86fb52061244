// Issue 8, requirement 5: a full disk, a read-only catalogue or folder, a file that is not a
// catalogue and a damaged one each give a clear one-line error, and what was stored is intact.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "lib/util/fs.hpp"
#include "tests/common/catalogue_query.hpp"
#include "tests/e2e/hardening_support.hpp"
#include "tests/store/catalogue_fixture.hpp"
#include "tests/support/http_server.hpp"

using atip::testing::count;
using atip::testing::Limits;
using atip::testing::run_atip;
using atip::testing::run_limited;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

namespace {

constexpr int kFeeds = 4;

struct Stored {
  TempDir tmp;
  TestServer server;
  std::atomic<int> entries{5};
  std::atomic<std::size_t> summary_bytes{40};
  std::map<std::string, std::string> env;

  Stored() {
    ::chmod(tmp.path().c_str(), 0755);  // reachable by the unprivileged runs
    server.server().Get(R"(/feed(\d+))", [this](const httplib::Request& req, httplib::Response& r) {
      r.set_content(atip::testing::generated_feed(std::stoi(req.matches[1]), 0, entries.load(), "", summary_bytes.load(), 5),
                    "application/rss+xml");
    });
    server.start();
    env = {{"ATIP_DB", db()}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""}};
    for (int f = 0; f < kFeeds; ++f)
      REQUIRE(run_atip({"feeds", "add", server.url("/feed" + std::to_string(f))}, env).status == 0);
    REQUIRE(run_atip({"fetch"}, env).status == 0);
    REQUIRE(count(db(), "SELECT count(*) FROM document") == 5 * kFeeds);
  }
  std::string db() const { return tmp.file("catalogue.db"); }
};

bool one_line(const std::string& err) { return !err.empty() && err.find('\n') == err.size() - 1; }

// The catalogue's documents, sightings and revisions, and the bytes of the file itself.
struct Snapshot {
  std::vector<std::string> documents;
  std::string bytes;
};
Snapshot snapshot(const std::string& db) { return {atip::testing::stored_documents(db), atip::util::read_file(db)}; }

}  // namespace

TEST_CASE("e2e: a full disk during fetch: one-line error, exit 3, nothing stored before is lost") {
  Stored s;
  const auto before = atip::testing::stored_documents(s.db());
  // Much more to store than the limit allows: the write-ahead log hits it mid-fetch.
  s.entries = 300;
  s.summary_bytes = 3000;
  const auto size = static_cast<long long>(std::filesystem::file_size(s.db()));
  const RunResult r = run_limited({"fetch"}, s.env, Limits{size + 256 * 1024, false});
  CHECK(r.status == 3);
  CHECK_MESSAGE(one_line(r.err), r.err);
  CHECK(r.err.rfind("atip: error: catalogue '" + s.db() + "' failed during the fetch: ", 0) == 0);
  CHECK_MESSAGE((r.err.find("File too large") != std::string::npos ||
                 r.err.find("cannot write to the disk (full, or over a file-size limit)") != std::string::npos),
                r.err);
  // Everything stored before is there as it was, and the catalogue is healthy.
  const auto after = atip::testing::stored_documents(s.db());
  for (const auto& row : before) CHECK(std::find(after.begin(), after.end(), row) != after.end());
  RunResult d = run_atip({"doctor"}, s.env);
  CHECK_MESSAGE(d.status == 0, d.out);
  // Once there is room again, the next fetch stores everything, once.
  CHECK(run_atip({"fetch"}, s.env).status == 0);
  CHECK(count(s.db(), "SELECT count(*) FROM document") == 300 * kFeeds);
  CHECK(count(s.db(), "SELECT count(*) FROM sighting") == 300 * kFeeds);
}

TEST_CASE("e2e: a full disk during backup and during a schema upgrade leaves no partial file") {
  Stored s;
  const auto size = static_cast<long long>(std::filesystem::file_size(s.db()));
  const std::string dest = s.tmp.file("copy.db");
  RunResult r = run_limited({"backup", dest}, s.env, Limits{size / 2, false});
  CHECK(r.status == 1);
  CHECK_MESSAGE(one_line(r.err), r.err);
  CHECK(r.err.find("cannot write a backup to '" + dest + "'") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dest));
  for (const auto& e : std::filesystem::directory_iterator(s.tmp.path()))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);

  // An old catalogue whose backup cannot be written is not upgraded.
  const std::string old_db = s.tmp.file("old.db");
  atip::testing::load_fixture(1, old_db);
  const auto old_before = atip::testing::stored_documents(old_db);
  std::map<std::string, std::string> env = s.env;
  env["ATIP_DB"] = old_db;
  r = run_limited({"mark", "1", "--star"}, env, Limits{static_cast<long long>(std::filesystem::file_size(old_db)) / 2, false});
  CHECK(r.status == 3);
  CHECK_MESSAGE(one_line(r.err), r.err);
  CHECK(r.err.find("not upgrading catalogue '" + old_db + "' from schema level 1") != std::string::npos);
  CHECK(count(old_db, "PRAGMA user_version") == 1);
  CHECK(atip::testing::stored_documents(old_db) == old_before);
}

TEST_CASE("e2e: a read-only catalogue and a read-only folder: clear errors, the file unchanged") {
  Stored s;
  { SQLite::Database d(s.db(), SQLite::OPEN_READWRITE); d.exec("PRAGMA wal_checkpoint(TRUNCATE)"); }
  ::chmod(s.db().c_str(), 0666);
  const Snapshot before = snapshot(s.db());
  s.entries = 8;  // something new to store

  SUBCASE("read-only file") {
    ::chmod(s.tmp.path().c_str(), 0777);  // the folder is writable: only the file is not
    ::chmod(s.db().c_str(), 0444);
    RunResult r = run_limited({"fetch"}, s.env, Limits{0, true});
    CHECK(r.status == 3);
    CHECK_MESSAGE(one_line(r.err), r.err);
    CHECK(r.err.find("catalogue '" + s.db() + "'") != std::string::npos);
    CHECK(r.err.find("is read-only") != std::string::npos);
    r = run_limited({"mark", "1", "--star"}, s.env, Limits{0, true});
    CHECK(r.status == 3);
    CHECK_MESSAGE(one_line(r.err), r.err);
    CHECK(r.err.find("is read-only") != std::string::npos);
    ::chmod(s.tmp.path().c_str(), 0755);
  }
  SUBCASE("read-only folder") {
    ::chmod(s.tmp.path().c_str(), 0555);
    RunResult r = run_limited({"fetch"}, s.env, Limits{0, true});
    CHECK(r.status == 3);
    CHECK_MESSAGE(one_line(r.err), r.err);
    CHECK(r.err.find(s.db()) != std::string::npos);
    ::chmod(s.tmp.path().c_str(), 0755);
  }
  CHECK(atip::util::read_file(s.db()) == before.bytes);
  ::chmod(s.db().c_str(), 0644);
  CHECK(atip::testing::stored_documents(s.db()) == before.documents);
}

TEST_CASE("e2e: a catalogue that is not SQLite: every command says so in one line and leaves it alone") {
  TempDir tmp;
  const std::string db = tmp.write("catalogue.db", "Meeting notes, 3 March: bring the 2024 reports.\n" + std::string(5000, '-'));
  const std::string bytes = atip::util::read_file(db);
  const std::map<std::string, std::string> env = {{"ATIP_DB", db}, {"HOME", tmp.path().string()}};
  const std::vector<std::vector<std::string>> commands = {
      {"fetch"}, {"search", "labour"}, {"show", "1"}, {"export", "--format", "json"}, {"stats"}, {"mark", "1", "--star"},
      {"feeds", "list"}, {"feeds", "add", "http://127.0.0.1:9/feed"}, {"retag"}, {"doctor"}, {"doctor", "--repair"},
      {"backup", tmp.file("copy.db")}};
  for (const auto& args : commands) {
    CAPTURE(args.front());
    const RunResult r = run_atip(args, env);
    CHECK(r.status == 3);
    CHECK(r.err == "atip: error: '" + db + "' is not an atip catalogue (not an SQLite database)\n");
    CHECK(atip::util::read_file(db) == bytes);
  }
  CHECK_FALSE(std::filesystem::exists(tmp.file("copy.db")));
}

TEST_CASE("e2e: a damaged catalogue: one-line errors, doctor reports it, reading never changes it") {
  Stored s;
  std::string bytes;
  {
    SQLite::Database d(s.db(), SQLite::OPEN_READWRITE);
    d.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const auto page_size = static_cast<std::size_t>(d.execAndGet("PRAGMA page_size").getInt64());
    bytes = atip::util::read_file(s.db());
    for (const char* table : {"document", "sighting"}) {
      const auto root = static_cast<std::size_t>(
          d.execAndGet(std::string("SELECT rootpage FROM sqlite_schema WHERE name = '") + table + "'").getInt64());
      REQUIRE(root * page_size <= bytes.size());
      // Garbage over the page header (an invalid page type) and the cells at the end of the page.
      for (std::size_t i = (root - 1) * page_size; i < root * page_size; ++i)
        if (i < (root - 1) * page_size + 12 || i >= (root - 1) * page_size + page_size / 2)
          bytes[i] = static_cast<char>(i * 131 + 7);
    }
  }
  { std::ofstream(s.db(), std::ios::binary | std::ios::trunc) << bytes; }

  RunResult r = run_atip({"doctor"}, s.env);
  CHECK(r.status == 1);
  CHECK(r.out.find("PROBLEM  integrity: ") != std::string::npos);
  CHECK(r.out.find("restore") != std::string::npos);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"search", "labour"}, {"show", "1"}, {"export", "--format", "json"}, {"doctor", "--repair"}}) {
    CAPTURE(args.front());
    r = run_atip(args, s.env);
    CHECK_MESSAGE(r.status != 0, r.out);
    CHECK_MESSAGE(one_line(r.err), r.err);
    CHECK(atip::util::read_file(s.db()) == bytes);
  }
  // A fetch with something new to store fails at the damage, in one line.
  s.entries = 8;
  r = run_atip({"fetch"}, s.env);
  CHECK(r.status == 3);
  CHECK_MESSAGE(one_line(r.err), r.err);
  CHECK(r.err.find("damaged") != std::string::npos);
  CHECK(run_atip({"doctor"}, s.env).status == 1);
}
