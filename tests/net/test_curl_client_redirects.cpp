// Redirects and URL schemes: every hop is recorded, loops end, only http and https are spoken.
#include <doctest/doctest.h>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::net::Options;
using atip::net::Response;
using atip::net::test::fetch_url;
using atip::net::test::quick_options;
using atip::testing::TestServer;

void redirect(httplib::Server& server, const std::string& from, int status, std::string to) {
  server.Get(from, [status, to](const httplib::Request&, httplib::Response& res) {
    res.status = status;
    res.set_header("Location", to);
    res.set_content("moved\n", "text/plain");
  });
}

TEST_CASE("net::CurlClient: records a redirect chain 301 -> 302 -> 200 in order") {
  TestServer server;
  redirect(server.server(), "/old", 301, server.url("/moved"));   // url() is known before start
  redirect(server.server(), "/moved", 302, "/relative/current");  // a relative Location
  server.server().Get("/relative/current", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<rss/>", "application/rss+xml");
  });
  server.start();

  Response response = fetch_url(server.url("/old"));
  CHECK(response.ok());
  CHECK(response.body == "<rss/>");
  CHECK(response.url == server.url("/old"));
  CHECK(response.effective_url == server.url("/relative/current"));
  REQUIRE(response.redirects.size() == 2);
  CHECK(response.redirects[0].status == 301);
  CHECK(response.redirects[0].to == server.url("/moved"));
  CHECK(response.redirects[1].status == 302);
  CHECK(response.redirects[1].to == server.url("/relative/current"));
  CHECK(response.content_type == "application/rss+xml");  // of the final response only
}

TEST_CASE("net::CurlClient: 308 is recorded as a permanent redirect") {
  TestServer server;
  redirect(server.server(), "/a", 308, "/b");
  server.server().Get("/b", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("b", "text/plain");
  });
  server.start();
  Response response = fetch_url(server.url("/a"));
  CHECK(response.ok());
  REQUIRE(response.redirects.size() == 1);
  CHECK(response.redirects[0].status == 308);
}

TEST_CASE("net::CurlClient: a redirect loop ends with too many redirects") {
  TestServer server;
  redirect(server.server(), "/ping", 302, "/pong");
  redirect(server.server(), "/pong", 302, "/ping");
  server.start();
  Options options = quick_options();
  options.max_redirects = 3;
  Response response = fetch_url(server.url("/ping"), options);
  CHECK_FALSE(response.ok());
  CHECK(response.error.find("too many redirects") == 0);
  CHECK(response.redirects.size() == 3);
  CHECK(server.requests().size() == 4);  // the first request and three redirects, no more
}

TEST_CASE("net::CurlClient: refuses a redirect to file:///etc/passwd") {
  TestServer server;
  redirect(server.server(), "/evil", 301, "file:///etc/passwd");
  server.start();
  Response response = fetch_url(server.url("/evil"));
  CHECK_FALSE(response.ok());
  CHECK(response.error == "refused redirect to unsupported URL scheme 'file'");
  CHECK(response.body.empty());
  REQUIRE(response.redirects.size() == 1);
  CHECK(response.redirects[0].to == "file:///etc/passwd");
}

TEST_CASE("net::CurlClient: refuses a redirect to ftp and gopher") {
  TestServer server;
  redirect(server.server(), "/ftp", 302, "ftp://127.0.0.1/feed.xml");
  redirect(server.server(), "/gopher", 302, "gopher://127.0.0.1/feed");
  server.start();
  CHECK(fetch_url(server.url("/ftp")).error == "refused redirect to unsupported URL scheme 'ftp'");
  CHECK(fetch_url(server.url("/gopher")).error ==
        "refused redirect to unsupported URL scheme 'gopher'");
}

TEST_CASE("net::CurlClient: refuses URLs that are not http or https without any I/O") {
  for (const char* url : {"file:///etc/passwd", "FILE:///etc/passwd", "ftp://127.0.0.1/x",
                          "gopher://127.0.0.1/", "dict://127.0.0.1/", "ldap://127.0.0.1/"}) {
    CAPTURE(url);
    Response response = fetch_url(url);
    CHECK_FALSE(response.ok());
    CHECK(response.status == 0);
    CHECK(response.body.empty());
    CHECK(response.seconds == 0);  // never reached libcurl
    CHECK(response.error.find("unsupported URL scheme '") == 0);
  }
  CHECK(fetch_url("file:///etc/passwd").error == "unsupported URL scheme 'file'");
  CHECK(fetch_url("Ftp://example.org/").error == "unsupported URL scheme 'ftp'");
  CHECK(fetch_url("example.org/feed").error == "URL without a scheme");
}

TEST_CASE("net::CurlClient: a malformed http URL is an error, not a crash") {
  CHECK(fetch_url("http://").error == "malformed URL");
  CHECK(fetch_url("http://exa mple.org/feed").error == "malformed URL");
  CHECK(fetch_url("http://127.0.0.1:99999/").error == "malformed URL");
}

}  // namespace
