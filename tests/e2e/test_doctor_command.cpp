// `atip doctor` and `atip backup` through the built binary: the report, exit statuses 0/1/3,
// a repair that re-tags and rebuilds without touching documents, and a backup that is whole.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <filesystem>

#include "lib/util/lock.hpp"
#include "tests/common/catalogue_query.hpp"
#include "tests/e2e/hardening_support.hpp"
#include "tests/store/catalogue_fixture.hpp"
#include "tests/support/http_server.hpp"

using atip::testing::count;
using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

namespace {

struct Fetched {
  TempDir tmp;
  TestServer server;
  std::map<std::string, std::string> env;

  Fetched() {
    server.server().Get("/feed", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(atip::testing::generated_feed(1, 0, 6, "Trafficking in persons: "), "application/rss+xml");
    });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""}};
    REQUIRE(run_atip({"feeds", "add", server.url("/feed")}, env).status == 0);
    REQUIRE(run_atip({"fetch"}, env).status == 0);
  }
  std::string db() const { return env.at("ATIP_DB"); }

  // Grows every document's stored HTML by `bytes` and shrinks it back: the file keeps about
  // 6 x `bytes` of free pages, with every document as it was.
  void leave_free_pages(int bytes) const {
    SQLite::Database d(db(), SQLite::OPEN_READWRITE);
    d.exec(fmt::format("UPDATE document SET summary_html = hex(randomblob({})) || summary_html", bytes / 2));
    d.exec(fmt::format("UPDATE document SET summary_html = substr(summary_html, {})", bytes + 1));
  }
};

}  // namespace

TEST_CASE("e2e: atip doctor on a healthy catalogue: every check ok, exit 0") {
  Fetched f;
  const RunResult r = run_atip({"doctor"}, f.env);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "catalogue:    " + f.db() + "\n"
                 "schema level: " + std::to_string(count(f.db(), "PRAGMA user_version")) + "\n"
                 "contents:     6 documents, 6 sightings, " + std::to_string(count(f.db(), "SELECT count(*) FROM tag")) +
                 " tags, 0 revisions, 1 feeds\n"
                 "ok       integrity\nok       schema\nok       foreign keys\nok       full-text index\n"
                 "ok       duplicates\nok       tags\nhealthy\n");
}

TEST_CASE("e2e: atip doctor finds stale tags and a broken index; --repair mends both, documents untouched") {
  Fetched f;
  {
    SQLite::Database d(f.db(), SQLite::OPEN_READWRITE);
    d.exec("INSERT INTO tag(document_id, kind, value) VALUES (1, 'topic', 'organ_harvesting_old')");
    d.exec("INSERT INTO document_fts(document_fts, rowid, title, summary, authors) "
           "SELECT 'delete', id, title, summary, authors FROM document WHERE id = 2");
  }
  const auto before = atip::testing::stored_documents(f.db());
  RunResult r = run_atip({"doctor"}, f.env);
  CHECK(r.status == 1);
  CHECK(r.out.find("PROBLEM  tags: 1 tags are not in the current vocabulary (e.g. topic:organ_harvesting_old); "
                   "re-tagging replaces them (repairable)\n") != std::string::npos);
  CHECK(r.out.find("PROBLEM  full-text index: 1 documents are not in the index (repairable)\n") != std::string::npos);
  CHECK(r.out.find("2 problems found; 'atip doctor --repair' can fix them all\n") != std::string::npos);

  r = run_atip({"doctor", "--repair"}, f.env);
  CHECK(r.status == 0);
  CHECK(r.out.find("repair:  rebuilt the full-text index from 6 documents\n") != std::string::npos);
  CHECK(r.out.find("repair:  re-tagged 6 documents\n") != std::string::npos);
  CHECK(r.out.find("healthy\n") != std::string::npos);
  CHECK(count(f.db(), "SELECT count(*) FROM tag WHERE value = 'organ_harvesting_old'") == 0);
  CHECK(atip::testing::stored_documents(f.db()) == before);
  CHECK(run_atip({"doctor"}, f.env).status == 0);
}

TEST_CASE("e2e: atip doctor --repair and --compact wait for no fetch: refused while one runs") {
  Fetched f;
  const auto held = atip::util::FileLock::try_acquire(f.db() + ".lock");
  REQUIRE(held);
  for (const std::string what : {"repair", "compact"}) {
    const RunResult r = run_atip({"doctor", "--" + what}, f.env);
    CHECK(r.status == 3);
    CHECK(r.err == "atip: error: an 'atip fetch' is running on '" + f.db() + "'; " + what + " after it ends\n");
  }
  CHECK(run_atip({"doctor"}, f.env).status == 0);  // checking alone is fine
}

TEST_CASE("e2e: atip doctor notes free pages; --compact shrinks the file and keeps every document") {
  Fetched f;
  f.leave_free_pages(1'000'000);
  const auto before = atip::testing::stored_documents(f.db());
  const std::string found = run_atip({"search", "trafficking", "--format", "tsv"}, f.env).out;
  REQUIRE(std::count(found.begin(), found.end(), '\n') == 6);
  RunResult r = run_atip({"doctor"}, f.env);
  CHECK(r.status == 0);
  CHECK(r.out.find(" are free pages (left by an upgrade or by removed rows); 'atip doctor --compact' gives them "
                   "back to the file system\n") != std::string::npos);
  const auto size_before = std::filesystem::file_size(f.db());

  r = run_atip({"doctor", "--compact"}, f.env);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.rfind("compact: ", 0) == 0);
  CHECK(r.out.find(" are free pages") == std::string::npos);
  CHECK(r.out.find("healthy\n") != std::string::npos);
  CHECK(std::filesystem::file_size(f.db()) + 5'000'000 < size_before);
  CHECK(atip::testing::stored_documents(f.db()) == before);
  CHECK(run_atip({"search", "trafficking", "--format", "tsv"}, f.env).out == found);
}

// While it lives, this process and the children it starts may not write a file beyond `bytes`;
// a write past it fails with EFBIG instead of the signal that would end the writer, the way a
// full disk fails with ENOSPC.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &limit) == 0);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit saved_{};
  void (*old_handler_)(int) = nullptr;
};

TEST_CASE("e2e: atip doctor --compact that cannot write its copy changes nothing and says so") {
  Fetched f;
  f.leave_free_pages(400'000);
  const auto before = atip::testing::stored_documents(f.db());
  const std::string found = run_atip({"search", "trafficking", "--format", "tsv"}, f.env).out;
  REQUIRE(std::count(found.begin(), found.end(), '\n') == 6);
  const auto size_before = std::filesystem::file_size(f.db());
  RunResult r;
  {
    // Enough to open the catalogue (its shared-memory index is 32 KiB), not to write the
    // compacted copy of its pages.
    FileSizeLimit limit(64 * 1024);
    r = run_atip({"doctor", "--compact"}, f.env);
  }
  CHECK(r.status == 3);
  CHECK(r.out.empty());
  CHECK(r.err.find("cannot compact catalogue '" + f.db() + "': ") != std::string::npos);
  // The operating system's reason, and the room a compaction needs.
  CHECK(r.err.find("(File too large); a compaction needs free space of up to twice the catalogue's size (") !=
        std::string::npos);
  CHECK(r.err.find("; nothing was changed") != std::string::npos);
  CHECK(std::filesystem::file_size(f.db()) == size_before);
  CHECK(atip::testing::stored_documents(f.db()) == before);
  CHECK(run_atip({"search", "trafficking", "--format", "tsv"}, f.env).out == found);
  r = run_atip({"doctor"}, f.env);
  CHECK(r.status == 0);
  CHECK(r.out.find("healthy\n") != std::string::npos);
  // With room, the same compaction goes through.
  r = run_atip({"doctor", "--compact"}, f.env);
  CHECK(r.status == 0);
  CHECK(std::filesystem::file_size(f.db()) < size_before);
  CHECK(atip::testing::stored_documents(f.db()) == before);
}

TEST_CASE("e2e: a command that upgrades the catalogue says so once, naming the copy it left") {
  TempDir tmp;
  const std::string db = tmp.file("old.db");
  atip::testing::load_fixture(9, db);
  {
    // Free pages, as an upgrade that shrinks every row leaves them.
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    d.exec("CREATE TABLE junk(b BLOB)");
    d.exec("INSERT INTO junk VALUES (randomblob(3000000))");
    d.exec("DROP TABLE junk");
  }
  const std::map<std::string, std::string> env = {{"ATIP_DB", db}, {"HOME", tmp.path().string()}};
  RunResult r = run_atip({"mark", "1", "--star"}, env);
  CHECK(r.status == 0);
  CHECK(r.err.find("atip: catalogue '" + db + "' upgraded from schema level 9 to ") != std::string::npos);
  CHECK(r.err.find("; the copy as it was is '" + db + ".bak-v9' (") != std::string::npos);
  CHECK(r.err.find("to delete once it is no longer needed\n") != std::string::npos);
  CHECK(r.err.find(" are now free pages; 'atip doctor --compact' gives them back to the file system\n") !=
        std::string::npos);
  CHECK(std::filesystem::exists(db + ".bak-v9"));
  // Current now: nothing more to say.
  r = run_atip({"mark", "2", "--star"}, env);
  CHECK(r.status == 0);
  CHECK(r.err.empty());

  // doctor --compact upgrades first too, and says so on its own output.
  const std::string other = tmp.file("other.db");
  atip::testing::load_fixture(9, other);
  r = run_atip({"doctor", "--compact"}, {{"ATIP_DB", other}, {"HOME", tmp.path().string()}});
  CHECK(r.out.find("compact: upgraded from schema level 9 to ") != std::string::npos);
  CHECK(r.out.find("the copy as it was is '" + other + ".bak-v9'") != std::string::npos);
}

TEST_CASE("e2e: atip doctor on an old catalogue notes the upgrade to come and changes nothing") {
  TempDir tmp;
  const std::string db = tmp.file("old.db");
  atip::testing::load_fixture(1, db);
  const std::map<std::string, std::string> env = {{"ATIP_DB", db}, {"HOME", tmp.path().string()}};
  const RunResult r = run_atip({"doctor"}, env);
  CHECK(r.out.find("note     schema level 1: the next command that writes upgrades it to ") != std::string::npos);
  CHECK(count(db, "PRAGMA user_version") == 1);
  CHECK_FALSE(std::filesystem::exists(db + ".bak-v1"));
  CHECK(r.out.find("PROBLEM  integrity") == std::string::npos);
  CHECK(r.out.find("PROBLEM  foreign keys") == std::string::npos);
  CHECK(r.out.find("PROBLEM  full-text index") == std::string::npos);
}

TEST_CASE("e2e: atip doctor and backup without a catalogue, and backup's usage") {
  TempDir tmp;
  const std::map<std::string, std::string> env = {{"ATIP_DB", tmp.file("none.db")}, {"HOME", tmp.path().string()}};
  RunResult r = run_atip({"doctor"}, env);
  CHECK(r.status == 3);
  CHECK(r.err == "atip: error: no catalogue at '" + tmp.file("none.db") + "'\n");
  CHECK_FALSE(std::filesystem::exists(tmp.file("none.db")));
  r = run_atip({"doctor", "--repair"}, env);
  CHECK(r.status == 3);
  CHECK_FALSE(std::filesystem::exists(tmp.file("none.db")));
  r = run_atip({"backup"}, env);
  CHECK(r.status == 2);
}

TEST_CASE("e2e: atip backup writes a whole copy that atip can use") {
  Fetched f;
  const std::string copy = f.tmp.file("backups/copy.db");
  std::filesystem::create_directory(f.tmp.file("backups"));
  RunResult r = run_atip({"backup", copy}, f.env);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(atip::testing::stored_documents(copy) == atip::testing::stored_documents(f.db()));
  std::map<std::string, std::string> env = f.env;
  env["ATIP_DB"] = copy;
  CHECK(run_atip({"doctor"}, env).status == 0);
  r = run_atip({"search", "trafficking"}, env);
  CHECK(r.status == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 6);
  // Again over the old copy: replaced whole.
  CHECK(run_atip({"backup", copy}, f.env).status == 0);
  r = run_atip({"backup", f.db()}, f.env);
  CHECK(r.status == 2);
  CHECK(r.err == "atip: error: '" + f.db() + "' is the catalogue itself; give another file for the backup\n");
}
