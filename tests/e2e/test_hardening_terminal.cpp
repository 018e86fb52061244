// Issue 8, requirement 7: titles, summaries, authors, links and publisher names full of escape
// sequences, controls and bidirectional overrides, from a feed served on 127.0.0.1, never reach
// a terminal as such: every human-readable command is run on a pseudo-terminal and when piped,
// and its bytes checked. Machine formats must stay valid and carry no raw escape either.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "tests/common/catalogue_query.hpp"
#include "tests/e2e/hardening_support.hpp"
#include "tests/support/http_server.hpp"

using atip::testing::run_atip;
using atip::testing::run_on_terminal;
using atip::testing::RunResult;
using atip::testing::TempDir;
using atip::testing::TestServer;

namespace {

// CSI colour, an OSC 8 hyperlink, an OSC 0 window title ended by BEL, a DCS string, a C1 CSI
// (U+009B) clearing the screen, a right-to-left override and isolate, backspace, CR, BEL, DEL.
const std::string kHostile =
    "\x1b[31mRED\x1b[0m \x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\ \x1b]0;pwned\x07 "
    "\x1bP1$qm\x1b\\ \xc2\x9b" "2J \xe2\x80\xae" "desrever\xe2\x80\xac \xe2\x81\xa6isolated\xe2\x81\xa9 "
    "bell\x07 back\x08space car\rriage del\x7f";

std::string json_feed(const std::string& base) {
  nlohmann::json items = nlohmann::json::array();
  for (int i = 1; i <= 3; ++i)
    items.push_back({{"id", "h" + std::to_string(i)},
                     {"url", base + "/item/" + std::to_string(i) + "?q=\x1b[2J"},
                     {"title", "Labour trafficking report " + std::to_string(i) + " " + kHostile},
                     {"content_text", "Summary " + kHostile},
                     {"authors", {{{"name", "Author " + kHostile}}}},
                     {"date_published", "2026-11-0" + std::to_string(i) + "T10:00:00Z"}});
  return nlohmann::json{{"version", "https://jsonfeed.org/version/1.1"},
                        {"title", "Publisher " + kHostile},
                        {"home_page_url", base},
                        {"items", items}}
      .dump();
}

// RSS with the same bytes raw in the XML (a broken feed; the parser's recovery reads it).
std::string raw_rss() {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Raw " + kHostile +
         "</title><link>https://raw.example/</link><item><title>Raw forced labour " + kHostile +
         "</title><link>https://raw.example/1</link><guid>r1</guid><description>Raw " + kHostile +
         "</description></item></channel></rss>";
}

// The first byte sequence a terminal would act on, or "" when there is none. `allowed` lists
// sequences atip writes itself (the progress line's "\r\x1b[K").
std::string terminal_hazard(std::string s, const std::vector<std::string>& allowed = {}) {
  for (const auto& a : allowed)
    for (std::size_t at; (at = s.find(a)) != std::string::npos;) s.erase(at, a.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    const auto third = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
    const std::string where = " at byte " + std::to_string(i) + ": " + s.substr(i < 20 ? 0 : i - 20, 40);
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return "control " + std::to_string(c) + where;
    if (c == 0xc2 && next >= 0x80 && next <= 0x9f) return "C1 control" + where;
    if (c == 0xe2 && next == 0x80 && third >= 0xaa && third <= 0xae) return "bidi override" + where;
    if (c == 0xe2 && next == 0x81 && third >= 0xa6 && third <= 0xa9) return "bidi isolate" + where;
  }
  return "";
}

struct HostileCatalogue {
  TempDir tmp;
  TestServer server;
  std::map<std::string, std::string> env;

  HostileCatalogue() {
    const std::string base = server.url("");
    server.server().Get("/feed.json", [base](const httplib::Request&, httplib::Response& r) {
      r.set_content(json_feed(base), "application/feed+json");
    });
    server.server().Get("/raw.xml", [](const httplib::Request&, httplib::Response& r) {
      r.set_content(raw_rss(), "application/rss+xml");
    });
    server.start();
    env = {{"ATIP_DB", tmp.file("c.db")}, {"HOME", tmp.path().string()}, {"NO_COLOR", "1"}, {"COLUMNS", "120"}};
    REQUIRE(run_atip({"feeds", "add", "--no-check", server.url("/feed.json")}, env).status == 0);
    REQUIRE(run_atip({"feeds", "add", "--no-check", server.url("/raw.xml")}, env).status == 0);
    const RunResult r = run_atip({"fetch"}, env);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    REQUIRE(atip::testing::count(env.at("ATIP_DB"), "SELECT count(*) FROM document") >= 4);
  }
};

}  // namespace

TEST_CASE("e2e: hostile feed text never reaches a terminal as escape sequences") {
  HostileCatalogue h;
  const std::vector<std::vector<std::string>> commands = {
      {"search", "labour"},        {"search", "labour", "--format", "tsv"}, {"show", "1"},  {"show", "4"},
      {"stats", "--by", "feed"},   {"stats", "--by", "month"},             {"feeds", "list"},
      {"feeds", "list", "--format", "tsv"},  {"export", "--format", "md"},  {"fetch", "--verbose"},
      {"tags"}};
  for (const auto& args : commands) {
    std::string name;
    for (const auto& a : args) name += a + " ";
    CAPTURE(name);
    const RunResult term = run_on_terminal(args, h.env);
    CHECK_MESSAGE(term.status == 0, term.out);
    CHECK(terminal_hazard(term.out, {"\r\x1b[K"}) == "");
    const RunResult piped = run_atip(args, h.env);
    CHECK_MESSAGE(piped.status == 0, piped.err);
    CHECK(terminal_hazard(piped.out) == "");
    CHECK(terminal_hazard(piped.err) == "");
    // The words around the sequences are kept.
    if (args.front() == "search" || args.front() == "show")
      for (const char* word : {"RED", "click here", "desrever", "isolated"})
        CHECK_MESSAGE(term.out.find(word) != std::string::npos, word);
  }
}

TEST_CASE("e2e: atip parse --format text of a hostile feed file prints no escape sequence") {
  TempDir tmp;
  const std::string json = tmp.write("feed.json", json_feed("https://pub.example"));
  const std::string rss = tmp.write("feed.xml", raw_rss());
  const std::map<std::string, std::string> env = {{"HOME", tmp.path().string()}, {"NO_COLOR", "1"}};
  for (const auto& file : {json, rss}) {
    CAPTURE(file);
    const RunResult term = run_on_terminal({"parse", "--format", "text", file}, env);
    CHECK(term.status == 0);
    CHECK(terminal_hazard(term.out) == "");
    CHECK(term.out.find("click here") != std::string::npos);
    const RunResult piped = run_atip({"parse", "--format", "text", file}, env);
    CHECK(terminal_hazard(piped.out) == "");
    CHECK(terminal_hazard(piped.err) == "");
  }
}

TEST_CASE("e2e: machine formats of hostile text stay valid and carry no raw escape") {
  HostileCatalogue h;
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"search", "labour", "--format", "json"}, {"export", "--format", "json"}, {"stats", "--format", "json"},
           {"feeds", "list", "--format", "json"}, {"export", "--format", "jsonl"}}) {
    CAPTURE(args[0] + " " + args.back());
    const RunResult r = run_atip(args, h.env);
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK(terminal_hazard(r.out) == "");
    if (args.back() == "jsonl") {
      std::size_t start = 0;
      for (std::size_t end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1)
        CHECK_FALSE(nlohmann::json::parse(r.out.substr(start, end - start), nullptr, false).is_discarded());
    } else {
      CHECK_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded());
    }
  }
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"search", "labour", "--format", "csv"}, {"export", "--format", "csv"}}) {
    CAPTURE(args[0]);
    const RunResult r = run_atip(args, h.env);
    CHECK_MESSAGE(r.status == 0, r.err);
    // CSV rows end in CRLF; no other control byte may appear.
    std::string body = r.out;
    for (std::size_t at; (at = body.find("\r\n")) != std::string::npos;) body.replace(at, 2, "\n");
    CHECK(terminal_hazard(body) == "");
  }
}
