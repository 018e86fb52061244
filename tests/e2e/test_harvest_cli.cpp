// OAI-PMH harvesting through the built binary: `atip feeds add --oai`, then `atip fetch` from
// cron: silent when the harvest went through, one line and exit 1 when the repository fails,
// counted in the --log line, and the documents searchable and exported like any other.
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/common/catalogue_query.hpp"
#include "tests/common/run_atip.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::testing::count;
using atip::testing::run_atip;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

std::string oai_file(const std::string& name) {
  std::ifstream in(std::string(ATIP_SOURCE_DIR "/tests/data/oai/") + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("e2e: atip fetch harvests an OAI-PMH source added with feeds add --oai") {
  TempDir tmp;
  TestServer server;
  std::atomic<bool> broken{false};
  server.server().Get("/oai", [&broken](const httplib::Request& req, httplib::Response& res) {
    std::string name = "list_page1.xml";
    if (req.has_param("resumptionToken")) {
      const std::string token = req.get_param_value("resumptionToken");
      name = broken ? "error_bad_token.xml"
             : token == "1732d5f7a9c0/page-2" ? "list_page2.xml"
             : token == "p3+k=1&s=jhtr:ART"   ? "list_page3.xml"
                                              : "error_bad_token.xml";
    } else if (req.has_param("from") && !broken) {
      name = "no_records.xml";
    }
    res.set_content(oai_file(name), "text/xml");
  });
  server.start();
  std::map<std::string, std::string> env = {{"ATIP_DB", tmp.file("c.db")},
                                            {"HOME", tmp.path().string()},
                                            {"NO_COLOR", ""},
                                            {"ATIP_NOW", "2026-11-18T12:00:00Z"}};
  const std::string log = tmp.file("fetch.log");

  RunResult r = run_atip({"feeds", "add", "--oai", server.url("/oai"), "--title", "JHTR archive"}, env);
  REQUIRE(r.status == 0);
  r = run_atip({"fetch", "--log", log}, env);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(count(env["ATIP_DB"], "SELECT count(*) FROM document") == 5);
  CHECK(count(env["ATIP_DB"], "SELECT count(*) FROM sighting WHERE origin = 'archive'") == 5);
  CHECK(count(env["ATIP_DB"], "SELECT count(*) FROM feed WHERE harvested_until = '2026-11-18'") == 1);
  std::string line = atip::testing::slurp(log);
  CHECK(line.find("\tfeeds=1\t") != std::string::npos);
  CHECK(line.find("\tnew_documents=5\t") != std::string::npos);

  // Harvested documents are found, shown and exported like any others.
  r = run_atip({"search", "brick kilns", "--all"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find("Debt bondage in brick kilns") != std::string::npos);
  r = run_atip({"export", "--format", "csv", "--all"}, env);
  CHECK(r.status == 0);
  CHECK(r.out.find("10.5555/jhtr.2025.101") != std::string::npos);

  // The next night: nothing new (from= the last harvest), still silent.
  env["ATIP_NOW"] = "2026-11-19T03:00:00Z";
  r = run_atip({"fetch", "-v"}, env);
  CHECK(r.status == 0);
  CHECK(r.err.find("JHTR") == std::string::npos);  // messages name the id and URL, as for feeds
  CHECK(r.err.find("stored, 0 new") != std::string::npos);
  // The day of no_records.xml's responseDate.
  CHECK(count(env["ATIP_DB"], "SELECT count(*) FROM feed WHERE harvested_until = '2026-11-26'") == 1);

  // A repository that loses its tokens: one line, exit 1, counted in the log; what the
  // harvest stored stays, and the next one starts from the same date.
  broken = true;
  env["ATIP_NOW"] = "2026-11-20T03:00:00Z";
  r = run_atip({"fetch", "--log", log}, env);
  CHECK(r.status == 1);
  CHECK(r.err == "atip: feed 1 (" + server.url("/oai") +
                     "): OAI-PMH error on page 2: badResumptionToken: The value of the "
                     "resumptionToken argument is invalid or expired.\n");
  CHECK(count(env["ATIP_DB"], "SELECT consecutive_failures FROM feed") == 1);
  CHECK(count(env["ATIP_DB"], "SELECT count(*) FROM feed WHERE harvested_until = '2026-11-26'") == 1);
  CHECK(count(env["ATIP_DB"], "SELECT count(*) FROM document") == 5);
  line = atip::testing::slurp(log);
  CHECK(line.find("\tfailed=1\t") != std::string::npos);
  CHECK(line.find("\texit=1") != std::string::npos);

  // Backing off: the next night skips it silently; --feed harvests it at once.
  env["ATIP_NOW"] = "2026-11-20T03:30:00Z";
  r = run_atip({"fetch"}, env);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  broken = false;
  r = run_atip({"fetch", "--feed", "1"}, env);
  CHECK(r.status == 0);
  CHECK(r.err == "atip: feed 1 (" + server.url("/oai") + "): recovered after 1 failure\n");
  CHECK(count(env["ATIP_DB"], "SELECT consecutive_failures FROM feed") == 0);
}
