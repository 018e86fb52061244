// The whole path through the built binary: import, fetch twice, search, show, export, against
// the bundled sample feeds served from 127.0.0.1 by an in-process server.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "lib/catalog/canonical_url.hpp"
#include "lib/feed/parse.hpp"
#include "lib/util/fs.hpp"
#include "lib/util/lock.hpp"
#include "tests/common/catalogue_query.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/common/samples.hpp"
#include "tests/support/http_server.hpp"

using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

namespace {

using atip::testing::count;

using atip::testing::kSampleFeeds;
using atip::testing::samples_dir;
using atip::testing::samples_opml;

// What the catalogue should hold, worked out independently of atip's store: one document per
// distinct canonical link across all samples.
std::size_t distinct_works_in_samples() {
  std::set<std::string> keys;
  for (const char* name : kSampleFeeds) {
    const auto r = atip::feed::parse(atip::util::read_file(samples_dir() + "/" + name));
    REQUIRE_MESSAGE(r.ok, name);
    for (const auto& e : r.feed.entries) keys.insert(atip::catalog::canonical_url(e.link));
  }
  return keys.size();
}

}  // namespace

TEST_CASE("e2e: import, fetch twice, search, show and export the sample feeds") {
  TempDir tmp;
  TestServer server;
  server.serve_directory(samples_dir());
  server.start();
  const std::string db = tmp.file("catalogue.db");
  const std::map<std::string, std::string> env = {
      {"ATIP_DB", db}, {"ATIP_NOW", "2026-11-20T12:00:00Z"}, {"HOME", tmp.path().string()}};
  const std::string opml = tmp.write("samples.opml", samples_opml(server));

  RunResult r = run_atip({"feeds", "import", opml}, env);
  CHECK(r.status == 0);
  CHECK(r.out == "imported 6 feeds (0 already there, 0 skipped)\n");
  r = run_atip({"feeds", "import", opml}, env);
  CHECK(r.out == "imported 0 feeds (6 already there, 0 skipped)\n");

  // First fetch: silent, everything stored, the syndicated report stored once.
  r = run_atip({"fetch"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  const std::size_t works = distinct_works_in_samples();
  CHECK(count(db, "SELECT count(*) FROM document") == static_cast<std::int64_t>(works));
  CHECK(count(db, "SELECT count(*) FROM fetch_log WHERE outcome = 'stored'") == 6);
  CHECK(count(db, "SELECT count(*) FROM (SELECT document_id FROM sighting GROUP BY document_id "
                  "HAVING count(DISTINCT feed_id) > 1)") >= 1);
  const auto sightings = count(db, "SELECT count(*) FROM sighting");

  // Second fetch: conditional requests answered 304, nothing new, no duplicate sighting.
  r = run_atip({"fetch"}, env);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(server.count_status(304) == 6);
  for (const auto& req : server.requests())
    if (req.status == 304) CHECK_FALSE(req.header("If-None-Match").empty());
  CHECK(count(db, "SELECT count(*) FROM document") == static_cast<std::int64_t>(works));
  CHECK(count(db, "SELECT count(*) FROM sighting") == sightings);
  CHECK(count(db, "SELECT count(*) FROM fetch_log WHERE outcome = 'not_modified'") == 6);

  // Search: accent-insensitive, best match first; piped output is tab-separated.
  r = run_atip({"search", "trafico"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find("\t") != std::string::npos);
  r = run_atip({"search", "--format", "json", "\"trata de personas\""}, env);
  CHECK(r.status == 0);
  const auto hits = nlohmann::json::parse(r.out);
  REQUIRE(hits.is_array());
  CHECK(hits.size() >= 1);
  r = run_atip({"search", "zzzznotthere"}, env);
  CHECK(r.status == 1);
  CHECK(r.out.empty());

  // Tag filters: a list in one flag finds either value, as two flags do; a value that neither
  // the catalogue nor the vocabulary knows is an error listing the vocabulary's, not an empty
  // result; one the vocabulary knows that no document has is an empty result.
  const auto ids = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "trata", "--format", "json"});
    const RunResult found = run_atip(args, env);
    std::set<std::int64_t> out;
    if (found.status == 0)
      for (const auto& d : nlohmann::json::parse(found.out)) out.insert(d["id"].get<std::int64_t>());
    return out;
  };
  const auto argentina = ids({"--country", "AR"}), peru = ids({"--country", "PE"});
  CHECK(!argentina.empty());
  CHECK(!peru.empty());
  CHECK(argentina != peru);
  auto either = argentina;
  either.insert(peru.begin(), peru.end());
  CHECK(ids({"--country", "AR,pe"}) == either);
  CHECK(ids({"--country", "AR", "--country", "PE"}) == either);
  r = run_atip({"search", "trata", "--country", "ARG"}, env);
  CHECK(r.status == 2);
  CHECK(r.err.find("--country 'ARG' is not a country code of the watch vocabulary (AG, AR, BB, BO, BR,") !=
        std::string::npos);
  r = run_atip({"stats", "--topic", "labour"}, env);
  CHECK(r.status == 2);
  CHECK(r.err.find("--topic 'labour' is not a topic") != std::string::npos);
  CHECK(r.err.find("forced_labour") != std::string::npos);
  r = run_atip({"export", "--type", "news,reports"}, env);
  CHECK(r.status == 2);
  CHECK(r.err.find("--type 'reports'") != std::string::npos);
  r = run_atip({"search", "trata", "--country", "BZ"}, env);
  CHECK(r.status == 1);
  CHECK(r.err.empty());

  // Show: every sighting of the syndicated work.
  const auto syndicated = count(db, "SELECT document_id FROM sighting GROUP BY document_id "
                                    "HAVING count(DISTINCT feed_id) > 1 LIMIT 1");
  r = run_atip({"show", std::to_string(syndicated)}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find("sightings (2)") != std::string::npos);

  // Export: JSON holds every document once; Markdown is a digest with a section per publisher.
  r = run_atip({"export", "--format", "json", "--all"}, env);
  CHECK(r.status == 0);
  const auto docs = nlohmann::json::parse(r.out);
  CHECK(docs.size() == works);
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& d : docs)
    for (const auto& s : d["sightings"]) CHECK(seen.insert({s["feed_id"].dump(), s["entry_key"].dump()}).second);
  r = run_atip({"export", "--format", "md", "--since", "2026-10", "--until", "2026-11"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("# ", 0) == 0);
  CHECK(r.out.find("\n## ") != std::string::npos);
  CHECK(r.out.find("Carried by:") != std::string::npos);
  const std::string out_file = tmp.file("digest.md");
  r = run_atip({"export", "-o", out_file}, env);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(atip::util::read_file(out_file).rfind("# ", 0) == 0);
}

TEST_CASE("e2e: a failing feed is one line on stderr and exit 1, and the others are still stored") {
  TempDir tmp;
  TestServer server;
  server.serve_directory(samples_dir());
  server.start();
  const std::map<std::string, std::string> env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}};
  CHECK(run_atip({"feeds", "add", server.url("unodc-news.rss")}, env).status == 0);
  CHECK(run_atip({"feeds", "add", server.url("missing.rss"), "--title", "Missing"}, env).status == 0);
  RunResult r = run_atip({"fetch"}, env);
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("HTTP 404") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(count(tmp.file("c.db"), "SELECT count(*) FROM document") > 0);
  r = run_atip({"feeds", "list", "--format", "json"}, env);
  const auto feeds = nlohmann::json::parse(r.out);
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[1]["consecutive_failures"] == 1);
  CHECK(feeds[1]["http_status"] == 404);
}

TEST_CASE("e2e: bad input gets one clear 'atip: error:' line and a documented exit status") {
  TempDir tmp;
  const std::map<std::string, std::string> env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}};
  auto check_error = [](const RunResult& r, int status, const char* fragment) {
    CHECK(r.status == status);
    CHECK_MESSAGE(r.err.rfind("atip: error: ", 0) == 0, r.err);
    CHECK_MESSAGE(r.err.find(fragment) != std::string::npos, r.err);
    // One line, then at most the usage hint: no stack of SQL or library text.
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') <= (status == 2 ? 2 : 1));
    CHECK(r.err.find("SQL logic error") == std::string::npos);
  };
  check_error(run_atip({"frobnicate"}, env), 2, "frobnicate");
  check_error(run_atip({"search", "--bogus", "x"}, env), 2, "--bogus");
  check_error(run_atip({"parse", tmp.file("nope.xml")}, env), 1, "cannot read");
  check_error(run_atip({"parse", tmp.path().string()}, env), 1, "is a directory");
  const std::string html = tmp.write("page.html", "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>");
  check_error(run_atip({"parse", html}, env), 1, "not a feed");
  check_error(run_atip({"search", "trata"}, env), 3, "no catalogue");
  check_error(run_atip({"--db", tmp.path().string(), "feeds", "list"}, env), 3, "is a directory");
  const std::string junk = tmp.write("junk.db", std::string(2048, 'j'));
  check_error(run_atip({"--db", junk, "feeds", "add", "https://a.example/feed"}, env), 3, "not an SQLite database");
  check_error(run_atip({"feeds", "add", "file:///etc/passwd"}, env), 1, "unsupported URL scheme");
  check_error(run_atip({"export", "--since", "last week"}, env), 2, "not a date");
  CHECK(run_atip({"feeds", "add", "https://a.example/feed"}, env).status == 0);
  check_error(run_atip({"search", "OR trata"}, env), 2, "needs a word before it");
  check_error(run_atip({"show", "999"}, env), 1, "no document 999");
  check_error(run_atip({"feeds", "remove", "42"}, env), 1, "no feed '42'");
  // An unreachable URL: a port nobody listens on.
  CHECK(run_atip({"feeds", "remove", "1"}, env).status == 0);
  CHECK(run_atip({"feeds", "add", "http://127.0.0.1:9/feed.xml"}, env).status == 0);
  RunResult r = run_atip({"fetch"}, env);
  CHECK(r.status == 1);
  CHECK(r.err.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("e2e: --version, --help and no command") {
  RunResult r = run_atip({"--version"});
  CHECK(r.status == 0);
  CHECK(r.out.rfind("atip ", 0) == 0);
  r = run_atip({});
  CHECK(r.status == 0);
  for (const char* command : {"feeds", "fetch", "search", "show", "export", "parse"})
    CHECK_MESSAGE(r.out.find(command) != std::string::npos, command);
  for (const char* command : {"feeds", "fetch", "search", "show", "export", "parse"}) {
    r = run_atip({command, "--help"});
    CHECK_MESSAGE(r.status == 0, command);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
}

TEST_CASE("e2e: a second fetch while one is running exits 3 at once, and search still works") {
  TempDir tmp;
  const std::string db = tmp.file("c.db");
  const std::map<std::string, std::string> env = {{"ATIP_DB", db}, {"HOME", tmp.path().string()}};
  CHECK(run_atip({"feeds", "add", "http://127.0.0.1:9/feed.xml"}, env).status == 0);
  {
    // This process plays the running fetch.
    const auto held = atip::util::FileLock::try_acquire(db + ".lock");
    REQUIRE(held);
    RunResult r = run_atip({"fetch"}, env);
    CHECK(r.status == 3);
    CHECK(r.err.find("another 'atip fetch' is running") != std::string::npos);
    CHECK(count(db, "SELECT count(*) FROM fetch_log") == 0);
    CHECK(run_atip({"search", "anything"}, env).status == 1);  // no match, but no lock error
  }
  RunResult r = run_atip({"fetch"}, env);
  CHECK(r.status == 1);  // runs now; the feed itself is unreachable
  CHECK(count(db, "SELECT count(*) FROM fetch_log") == 1);
}
