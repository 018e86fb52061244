// Output conventions (issue 9, requirement 6): colour only on a terminal and never with
// NO_COLOR; JSON from every command that lists things; stable TSV when piped; -q prints nothing
// but errors.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/app/fetch_scene.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/e2e/hardening_support.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::testing::run_atip;
using atip::testing::run_on_terminal;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

struct Catalogue {
  TempDir tmp;
  TestServer server;
  std::map<std::string, std::string> env;
  Catalogue() {
    server.server().Get("/feed", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(atip::testing::rss(3), "application/rss+xml; charset=utf-8");
    });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", ""}, {"TERM", "xterm"},
           {"XDG_CONFIG_HOME", ""}, {"ATIP_CONFIG", ""}, {"ATIP_NOW", "2026-11-20T12:00:00Z"}};
    REQUIRE(run_atip({"feeds", "add", server.url("/feed")}, env).status == 0);
    const RunResult r = run_atip({"fetch"}, env);
    REQUIRE_MESSAGE(r.status == 0, r.err);
  }
  RunResult run(const std::vector<std::string>& args, std::map<std::string, std::string> extra = {}) const {
    auto e = env;
    for (auto& [k, v] : extra) e[k] = v;
    return run_atip(args, e);
  }
  RunResult terminal(const std::vector<std::string>& args, std::map<std::string, std::string> extra = {}) const {
    auto e = env;
    for (auto& [k, v] : extra) e[k] = v;
    return run_on_terminal(args, e);
  }
};

bool has_escape(const std::string& s) { return s.find('\x1b') != std::string::npos; }

TEST_CASE("e2e output: colour on a terminal only, and never with NO_COLOR or TERM=dumb") {
  Catalogue c;
  RunResult r = c.terminal({"search", "forced"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\x1b[1m") != std::string::npos);  // the matched word in bold
  CHECK(r.out.find("forced") != std::string::npos);
  r = c.terminal({"search", "forced"}, {{"NO_COLOR", "1"}});
  CHECK(r.status == 0);
  CHECK(r.out.find("forced") != std::string::npos);
  CHECK_FALSE(has_escape(r.out));
  r = c.terminal({"search", "forced"}, {{"TERM", "dumb"}});
  CHECK_FALSE(has_escape(r.out));
  r = c.run({"search", "forced"});  // piped
  CHECK_FALSE(has_escape(r.out));
  // An empty NO_COLOR does not count (https://no-color.org).
  r = c.terminal({"search", "forced"}, {{"NO_COLOR", ""}});
  CHECK(has_escape(r.out));
}

TEST_CASE("e2e output: a work without a link is shown on a terminal without a dangling separator") {
  Catalogue c;
  const std::string bib = c.tmp.write("refs.bib", "@report{soto2025, title = {Informe sin enlace sobre trabajo forzoso},\n"
                                                  "  author = {Soto, Juan}, year = {2025}}\n");
  REQUIRE(c.run({"import", bib}).status == 0);
  const RunResult r = c.terminal({"search", "enlace"});
  REQUIRE(r.status == 0);
  const auto at = r.out.find("import: refs.bib");
  REQUIRE(at != std::string::npos);
  CHECK(r.out.substr(at, r.out.find('\n', at) - at).find("\xC2\xB7") == std::string::npos);
  CHECK(c.terminal({"search", "forced"}).out.find("\xC2\xB7 http") != std::string::npos);
}

TEST_CASE("e2e output: every listing has --format json") {
  Catalogue c;
  const std::vector<std::vector<std::string>> listings = {
      {"feeds", "list"}, {"search", "forced"}, {"tags"},  {"stats"},
      {"stats", "--by", "feed"}, {"show", "1"}, {"config", "show"}};
  for (auto args : listings) {
    args.insert(args.end(), {"--format", "json"});
    const RunResult r = c.run(args);
    CHECK_MESSAGE(r.status == 0, args.front(), " ", r.err);
    CHECK_MESSAGE(nlohmann::json::accept(r.out), args.front());
  }
  const auto shown = nlohmann::json::parse(c.run({"show", "1", "--format", "json"}).out);
  CHECK(shown["id"] == 1);
  CHECK(shown["title"].get<std::string>().find("forced labour") != std::string::npos);
  CHECK(shown["revisions"].is_array());
}

TEST_CASE("e2e output: listings piped are stable TSV, the same as --format tsv") {
  Catalogue c;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"feeds", "list"}, {"tags"}, {"search", "forced"}, {"stats"}, {"config", "show"}}) {
    const RunResult piped = c.run(args);
    auto with_tsv = args;
    with_tsv.insert(with_tsv.end(), {"--format", "tsv"});
    const RunResult tsv = c.run(with_tsv);
    CHECK_MESSAGE(piped.status == 0, args.front());
    CHECK_MESSAGE(piped.out == tsv.out, args.front());
    CHECK_MESSAGE(piped.out.find('\t') != std::string::npos, args.front());
  }
  // On a terminal the same commands print tables for people.
  CHECK(c.terminal({"feeds", "list"}).out.find("LAST SUCCESS") != std::string::npos);
}

TEST_CASE("e2e output: -q prints nothing but errors, wherever it stands") {
  Catalogue c;
  RunResult r = c.run({"-q", "search", "forced"});
  CHECK(r.status == 0);  // found: the exit status says so, like grep -q
  CHECK(r.out.empty());
  r = c.run({"search", "zzznothing", "-q"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  r = c.run({"-q", "feeds", "add", c.server.url("/feed")});  // already there: normally said
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  r = c.run({"-q", "show", "999"});  // errors still reach stderr
  CHECK(r.status == 1);
  CHECK(r.err.find("no document 999") != std::string::npos);
  // fetch has its own -q: the global one reaches it, so progress and summary stay off.
  r = c.terminal({"-q", "fetch", "--force"});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
}

}  // namespace
