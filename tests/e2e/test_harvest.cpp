// OAI-PMH harvesting (issue 7, requirement 4) end to end in-process: a repository on 127.0.0.1
// replaying the responses of tests/data/oai/ (written for the project), app::run_harvest with
// libcurl, a real catalogue and a fixed clock.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "lib/app/fetch.hpp"
#include "lib/app/harvest.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/util/time.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/support/http_server.hpp"

namespace {

using namespace atip;
using Params = std::map<std::string, std::string>;

std::string oai_data(const std::string& name) {
  std::ifstream in(std::string(ATIP_SOURCE_DIR "/tests/data/oai/") + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Reply {
  int status = 200;
  std::string body;
  std::string retry_after;
};

constexpr const char* kToken2 = "1732d5f7a9c0/page-2";
constexpr const char* kToken3 = "p3+k=1&s=jhtr:ART";

// The journal's whole list in three pages; a token it does not know is a badResumptionToken.
Reply chain(const Params& p) {
  const auto token = p.find("resumptionToken");
  if (token == p.end()) return {200, oai_data("list_page1.xml"), {}};
  if (token->second == kToken2) return {200, oai_data("list_page2.xml"), {}};
  if (token->second == kToken3) return {200, oai_data("list_page3.xml"), {}};
  return {200, oai_data("error_bad_token.xml"), {}};
}

// A repository at /oai (and a plain RSS feed at /feed.xml) whose answers the test scripts.
struct Repository {
  testing::TempDir tmp;
  testing::TestServer server;
  store::Catalogue cat{tmp.file("catalogue.db"), store::OpenMode::ReadWrite};
  util::FixedClock clock{1'795'000'000};  // 2026-11-18T11:06:40Z
  net::Options net;

  Repository() {
    net.connect_timeout_s = 2;
    net.total_timeout_s = 5;
    net.low_speed_limit = 1;
    net.low_speed_time_s = 5;
    server.server().Get("/oai", [this](const httplib::Request& req, httplib::Response& res) {
      Params p;
      for (const auto& [k, v] : req.params) p[k] = v;
      std::function<Reply(const Params&)> answer;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        seen_.push_back(p);
        answer = script_;
      }
      const Reply r = answer(p);
      res.status = r.status;
      if (!r.retry_after.empty()) res.set_header("Retry-After", r.retry_after);
      res.set_content(r.body, "text/xml; charset=UTF-8");
    });
    server.server().Get("/feed.xml", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(oai_data("journal_feed.xml"), "application/rss+xml");
    });
    server.start();
  }

  void script(std::function<Reply(const Params&)> f) {
    std::lock_guard<std::mutex> lock(mutex_);
    script_ = std::move(f);
    seen_.clear();
  }
  std::vector<Params> seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

  std::int64_t add_oai(const std::string& set = "",
                       const std::string& title = "Journal of Human Trafficking Research (archive)") {
    store::NewFeed f;
    f.url = server.url("/oai");
    f.title = title;
    f.kind = "oai";
    f.oai_set = set;
    return *cat.add_feed(f, clock.now());
  }

  app::FetchReport harvest(app::FetchOptions options = {}, app::HarvestLimits limits = {}) {
    net::CurlClient client(net);
    app::FetchReport report;
    app::run_harvest(cat, client, options, clock, report, limits);
    return report;
  }

  static app::FetchOptions only(std::int64_t id) {
    app::FetchOptions o;
    o.only_feed = std::to_string(id);
    return o;
  }

  store::FeedRow feed(std::int64_t id) { return *cat.find_feed(std::to_string(id)); }

  // Every document, by title.
  std::map<std::string, store::Document> documents() {
    std::map<std::string, store::Document> out;
    cat.select({}, [&](const store::Document& d) { out[d.title] = d; });
    return out;
  }

 private:
  std::mutex mutex_;
  std::function<Reply(const Params&)> script_ = chain;
  std::vector<Params> seen_;
};

const char* const kTitle101 = "Debt bondage in brick kilns: a survey of forced labour recruitment";
const char* const kTitle102 = "Trata de personas con fines de explotación sexual en la frontera norte";
const char* const kTitle106 = "Online recruitment of migrant domestic workers and the risk of trafficking";

}  // namespace

TEST_CASE("harvest: a three-page resumption chain is stored whole, provenance 'archive'") {
  Repository repo;
  const std::int64_t id = repo.add_oai();
  const app::FetchReport report = repo.harvest();

  REQUIRE(report.feeds.size() == 1);
  const app::FeedResult& r = report.feeds[0];
  CHECK(r.outcome == "stored");
  CHECK(r.error.empty());
  CHECK(r.ingest.new_documents == 5);
  CHECK(report.new_documents == 5);
  CHECK(report.failed == 0);
  CHECK(report.due == 1);

  // The first request names the format; the others carry only the token (the protocol's rule).
  const std::vector<Params> seen = repo.seen();
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == Params{{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}});
  CHECK(seen[1] == Params{{"verb", "ListRecords"}, {"resumptionToken", kToken2}});
  CHECK(seen[2] == Params{{"verb", "ListRecords"}, {"resumptionToken", kToken3}});

  CHECK(repo.cat.count_documents() == 5);
  const store::FeedRow feed = repo.feed(id);
  CHECK(feed.harvested_until == "2026-11-18");  // the day of the first page's responseDate
  CHECK(feed.consecutive_failures == 0);
  CHECK(feed.last_success);
  CHECK(feed.documents == 5);

  auto docs = repo.documents();
  REQUIRE(docs.count(kTitle101));
  const store::Document& a = docs[kTitle101];
  CHECK(a.doi == "10.5555/jhtr.2025.101");
  CHECK(a.doc_type == "article");
  CHECK(a.language == "en");
  CHECK(a.authors == "Okafor, Adaeze; Lindqvist, Maja");
  REQUIRE(a.sightings.size() == 1);
  CHECK(a.sightings[0].origin == "archive");
  CHECK(a.sightings[0].entry_key == "oai:journal.example:article/101");
  CHECK(a.sightings[0].link == "https://journal.example/index.php/jhtr/article/view/101");
  CHECK(a.published == 1759190400);  // dc:date 2025-09-30, not the datestamp
  REQUIRE(docs.count(kTitle102));
  CHECK(docs[kTitle102].language == "es");
  CHECK(docs[kTitle102].doi == "10.5555/jhtr.2026.102");
  CHECK(docs["Labour inspection and forced labour in seafood supply chains: a dataset"].doc_type == "data");

  SUBCASE("harvesting the same list again adds nothing") {
    repo.script([](const Params& p) {
      // A repository may resend records from= a date: nothing may be duplicated.
      return p.count("from") || p.count("resumptionToken") ? chain(p) : Reply{500, "", ""};
    });
    const app::FetchReport again = repo.harvest();
    REQUIRE(again.feeds.size() == 1);
    CHECK(again.feeds[0].outcome == "stored");
    CHECK(again.feeds[0].ingest.new_documents == 0);
    CHECK(again.feeds[0].ingest.unchanged == 5);
    CHECK(repo.cat.count_documents() == 5);
    CHECK(repo.cat.count_sightings() == 5);
  }
  SUBCASE("--force harvests the whole list again, without from=") {
    repo.script([](const Params& p) { return p.count("from") ? Reply{500, "", ""} : chain(p); });
    app::FetchOptions force;
    force.force = true;
    const app::FetchReport again = repo.harvest(force);
    REQUIRE(again.feeds.size() == 1);
    CHECK(again.feeds[0].outcome == "stored");
    CHECK(again.feeds[0].ingest.unchanged == 5);
    CHECK(repo.seen().size() == 3);
    CHECK(repo.cat.count_documents() == 5);
  }
}

TEST_CASE("harvest: incremental from= the last harvest; deleted records are withdrawn") {
  Repository repo;
  const std::int64_t id = repo.add_oai();
  REQUIRE(repo.harvest().feeds.at(0).outcome == "stored");
  bool screened = false;
  SUBCASE("an unscreened withdrawn record leaves the catalogue") {}
  SUBCASE("a screened one stays, without the archive's sighting") {
    screened = true;
    store::Mark m;
    m.state = "included";
    CHECK(repo.cat.mark({repo.documents().at(kTitle102).id}, m).empty());
  }
  repo.clock.set(1'795'600'000);  // a week later
  repo.script([](const Params& p) {
    const auto from = p.find("from");
    if (from != p.end() && from->second == "2026-11-18") return Reply{200, oai_data("incremental.xml"), {}};
    return Reply{200, oai_data("error_bad_argument.xml"), {}};
  });
  const app::FetchReport report = repo.harvest();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].outcome == "stored");
  CHECK(report.feeds[0].ingest.new_documents == 1);
  const std::vector<Params> seen = repo.seen();
  REQUIRE(seen.size() == 1);
  CHECK(seen[0] == Params{{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}, {"from", "2026-11-18"}});
  CHECK(repo.feed(id).harvested_until == "2026-11-25");

  auto docs = repo.documents();
  CHECK(docs.count(kTitle106) == 1);
  CHECK(repo.cat.count_sightings() == 5);  // 5 - 1 withdrawn + 1 new
  if (screened) {
    REQUIRE(docs.count(kTitle102) == 1);
    CHECK(docs[kTitle102].sightings.empty());
    CHECK(repo.cat.count_documents() == 6);
  } else {
    CHECK(docs.count(kTitle102) == 0);
    CHECK(repo.cat.count_documents() == 5);
  }

  // Nothing new since: noRecordsMatch is a success with nothing stored.
  repo.script([](const Params& p) {
    const auto from = p.find("from");
    if (from != p.end() && from->second == "2026-11-25") return Reply{200, oai_data("no_records.xml"), {}};
    return Reply{200, oai_data("error_bad_argument.xml"), {}};
  });
  const app::FetchReport nothing = repo.harvest();
  REQUIRE(nothing.feeds.size() == 1);
  CHECK(nothing.feeds[0].outcome == "stored");
  CHECK(nothing.feeds[0].error.empty());
  CHECK(nothing.failed == 0);
  CHECK(repo.feed(id).harvested_until == "2026-11-26");
}

TEST_CASE("harvest: an error response mid-chain keeps what was stored and counts a failure") {
  Repository repo;
  const std::int64_t id = repo.add_oai("jhtr:ART");
  repo.script([](const Params& p) {
    if (!p.count("resumptionToken")) return Reply{200, oai_data("list_page1.xml"), {}};
    return Reply{200, oai_data("error_bad_token.xml"), {}};
  });
  const app::FetchReport report = repo.harvest();
  REQUIRE(report.feeds.size() == 1);
  const app::FeedResult& r = report.feeds[0];
  CHECK(r.outcome == "failed");
  CHECK(r.error ==
        "OAI-PMH error on page 2: badResumptionToken: The value of the resumptionToken argument is "
        "invalid or expired.");
  CHECK(r.ingest.new_documents == 2);
  CHECK(r.failures_after == 1);
  REQUIRE(r.next_attempt);
  CHECK(*r.next_attempt == repo.clock.now() + 3600);
  CHECK(report.failed == 1);
  CHECK(repo.seen().at(0).at("set") == "jhtr:ART");
  CHECK(repo.cat.count_documents() == 2);
  store::FeedRow feed = repo.feed(id);
  CHECK(feed.harvested_until.empty());  // not advanced: the next harvest starts over
  CHECK(feed.consecutive_failures == 1);
  CHECK(feed.last_error == r.error);

  // Backing off: a plain run leaves it alone; naming it harvests it at once.
  repo.script(chain);
  const app::FetchReport waiting = repo.harvest();
  CHECK(waiting.feeds.empty());
  CHECK(waiting.skipped == 1);
  CHECK(repo.seen().empty());
  const app::FetchReport retried = repo.harvest(Repository::only(id));
  REQUIRE(retried.feeds.size() == 1);
  CHECK(retried.feeds[0].outcome == "stored");
  CHECK(retried.feeds[0].failures_before == 1);
  CHECK(retried.feeds[0].ingest.new_documents == 3);
  CHECK(repo.seen().at(0).count("from") == 0);
  CHECK(repo.cat.count_documents() == 5);
  feed = repo.feed(id);
  CHECK(feed.consecutive_failures == 0);
  CHECK(feed.harvested_until == "2026-11-18");
}

TEST_CASE("harvest: a repository repeating its token, malformed XML, HTTP errors") {
  Repository repo;
  const std::int64_t id = repo.add_oai();

  SUBCASE("a looping token stops at its second appearance") {
    repo.script([](const Params&) { return Reply{200, oai_data("loop.xml"), {}}; });
    const app::FetchReport report = repo.harvest();
    REQUIRE(report.feeds.size() == 1);
    CHECK(report.feeds[0].outcome == "failed");
    CHECK(report.feeds[0].error ==
          "the repository sent resumption token 'same-token-every-time' twice (page 2); harvest stopped");
    CHECK(repo.seen().size() == 2);
    CHECK(repo.cat.count_documents() == 1);
    CHECK(repo.feed(id).harvested_until.empty());
  }
  SUBCASE("a page limit bounds a chain that never ends") {
    int n = 0;
    repo.script([&n](const Params&) {
      std::string body = oai_data("loop.xml");
      const std::string token = "same-token-every-time";
      body.replace(body.find(token), token.size(), "token-" + std::to_string(++n));
      return Reply{200, body, {}};
    });
    app::HarvestLimits limits;
    limits.max_pages = 4;
    const app::FetchReport report = repo.harvest({}, limits);
    CHECK(report.feeds.at(0).error == "more than 4 pages; harvest stopped");
    CHECK(repo.seen().size() == 4);
  }
  SUBCASE("malformed XML is the feed's failure; nothing of it is stored") {
    repo.script([](const Params&) { return Reply{200, oai_data("malformed.xml"), {}}; });
    const app::FetchReport report = repo.harvest();
    REQUIRE(report.feeds.size() == 1);
    CHECK(report.feeds[0].outcome == "failed");
    CHECK(report.feeds[0].error.starts_with("unreadable OAI-PMH response: malformed XML at line "));
    CHECK(repo.cat.count_documents() == 0);
  }
  SUBCASE("an HTTP error on a later page names the page") {
    repo.script([](const Params& p) {
      if (!p.count("resumptionToken")) return Reply{200, oai_data("list_page1.xml"), {}};
      return Reply{500, "oops", {}};
    });
    const app::FetchReport report = repo.harvest();
    CHECK(report.feeds.at(0).error == "HTTP 500 Internal Server Error on page 2");
    CHECK(report.feeds.at(0).http_status == 500);
    CHECK(repo.cat.count_documents() == 2);
  }
  SUBCASE("a 503 with a short Retry-After is waited out") {
    int calls = 0;
    repo.script([&calls](const Params& p) {
      if (++calls == 1) return Reply{503, "busy", "1"};
      return chain(p);
    });
    const app::FetchReport report = repo.harvest();
    CHECK(report.feeds.at(0).outcome == "stored");
    CHECK(repo.seen().size() == 4);
    CHECK(repo.cat.count_documents() == 5);
  }
  SUBCASE("a 503 asking for an hour is a failure, retried at the asked time") {
    repo.script([](const Params&) { return Reply{503, "busy", "3600"}; });
    const app::FetchReport report = repo.harvest();
    CHECK(report.feeds.at(0).error == "HTTP 503 Service Unavailable");
    REQUIRE(report.feeds.at(0).next_attempt);
    CHECK(*report.feeds.at(0).next_attempt == repo.clock.now() + 3600);
    CHECK(repo.seen().size() == 1);
  }
  SUBCASE("a 410 disables the source, as for feeds") {
    repo.script([](const Params&) { return Reply{410, "gone", {}}; });
    const app::FetchReport report = repo.harvest();
    CHECK(report.feeds.at(0).disabled);
    CHECK_FALSE(repo.feed(id).enabled);
  }
}

TEST_CASE("harvest: a stop between pages keeps the stored pages and records nothing") {
  Repository repo;
  const std::int64_t id = repo.add_oai();
  std::atomic<bool> stop{false};
  repo.script([&stop](const Params& p) {
    if (p.count("resumptionToken")) stop = true;  // the signal arrives during page 2
    return chain(p);
  });
  app::FetchOptions options;
  options.stop = &stop;
  const app::FetchReport report = repo.harvest(options);
  CHECK(report.interrupted);
  CHECK(report.feeds.empty());
  CHECK(report.new_documents == 2);
  CHECK(repo.cat.count_documents() == 2);
  const store::FeedRow feed = repo.feed(id);
  CHECK(feed.harvested_until.empty());
  CHECK(feed.consecutive_failures == 0);
  CHECK_FALSE(feed.last_attempt);
}

TEST_CASE("harvest: a record the journal's feed already brought is a sighting, not a document") {
  Repository repo;
  store::NewFeed rss;
  rss.url = repo.server.url("/feed.xml");
  const std::int64_t feed_id = *repo.cat.add_feed(rss, repo.clock.now());
  {
    net::CurlClient client(repo.net);
    const app::FetchReport fetched = app::run_fetch(repo.cat, client, {}, repo.clock);
    REQUIRE(fetched.feeds.size() == 1);  // the OAI source is not the feed pipeline's
    REQUIRE(fetched.feeds[0].outcome == "stored");
  }
  repo.clock.set(repo.clock.now() + 3600);
  const std::int64_t oai_id = repo.add_oai();
  repo.script([](const Params&) { return Reply{200, oai_data("duplicate_of_feed.xml"), {}}; });
  const app::FetchReport report = repo.harvest();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].feed_id == oai_id);
  CHECK(report.feeds[0].ingest.new_sightings == 1);
  CHECK(report.feeds[0].ingest.new_documents == 1);
  CHECK(repo.cat.count_documents() == 2);

  const store::Document d = repo.documents().at(kTitle101);
  REQUIRE(d.sightings.size() == 2);
  std::vector<std::string> origins;
  for (const store::Sighting& s : d.sightings) origins.push_back(s.origin);
  std::sort(origins.begin(), origins.end());
  CHECK(origins == std::vector<std::string>{"archive", "feed"});
  CHECK(d.sightings[0].origin == "feed");  // the primary sighting is the first seen
  CHECK(d.sightings[0].feed_id.value_or(0) == feed_id);
  CHECK(d.sightings[1].feed_id.value_or(0) == oai_id);
}

TEST_CASE("harvest: a source added without a title is named after the repository") {
  Repository repo;
  const std::int64_t id = repo.add_oai("", "");
  repo.script([](const Params& p) {
    const auto verb = p.find("verb");
    if (verb != p.end() && verb->second == "Identify") return Reply{200, oai_data("identify.xml"), {}};
    return chain(p);
  });
  const app::FetchReport report = repo.harvest();
  REQUIRE(report.feeds.size() == 1);
  CHECK(report.feeds[0].outcome == "stored");
  const std::vector<Params> seen = repo.seen();
  REQUIRE(seen.size() == 4);
  CHECK(seen[0] == Params{{"verb", "Identify"}});
  CHECK(repo.feed(id).title == "Journal of Human Trafficking Research");
  const store::Document d = repo.documents().at(kTitle101);
  REQUIRE(d.sightings.size() == 1);
  CHECK(d.sightings[0].source == "Journal of Human Trafficking Research");

  // Named now: no Identify next time.
  repo.script(chain);
  REQUIRE(repo.harvest().feeds.size() == 1);
  CHECK(repo.seen().at(0).count("metadataPrefix") == 1);
}
