// The pure parts of lib/net and of the test server: URL pieces, error wording, HTTP dates,
// validators and path resolution.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "lib/net/curl_errors.hpp"
#include "lib/net/http.hpp"
#include "lib/net/url_parts.hpp"
#include "tests/support/http_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

using atip::net::describe_curl_error;
using atip::net::ErrorFacts;
using atip::net::Options;

TEST_CASE("net::url_scheme: lower-cased scheme, empty without one") {
  CHECK(atip::net::url_scheme("HTTPS://example.org/") == "https");
  CHECK(atip::net::url_scheme("file:///etc/passwd") == "file");
  CHECK(atip::net::url_scheme("svn+ssh://host/") == "svn+ssh");
  CHECK(atip::net::url_scheme("example.org/feed") == "");
  CHECK(atip::net::url_scheme("//example.org/feed") == "");
  CHECK(atip::net::url_scheme("1http://x/") == "");
  CHECK(atip::net::url_scheme("") == "");
}

TEST_CASE("net::url_host and resolve_url follow RFC 3986") {
  CHECK(atip::net::url_host("https://Example.ORG:8443/feed") == "example.org");
  CHECK(atip::net::url_host("not a url") == "");
  CHECK(atip::net::resolve_url("http://a.example/x/y?q", "../z") == "http://a.example/z");
  CHECK(atip::net::resolve_url("http://a.example/x/y", "/feed.xml") == "http://a.example/feed.xml");
  CHECK(atip::net::resolve_url("http://a.example/x", "https://b.example/") == "https://b.example/");
  CHECK(atip::net::resolve_url("http://a.example/x", "file:///etc/passwd") == "file:///etc/passwd");
}

TEST_CASE("net::describe_curl_error: short lower-case messages") {
  Options options;
  options.connect_timeout_s = 15;
  options.total_timeout_s = 60;
  ErrorFacts facts;

  facts.code = CURLE_COULDNT_RESOLVE_HOST;
  facts.message = "Could not resolve host: feeds.example.invalid";
  CHECK(describe_curl_error(facts, options) == "could not resolve host 'feeds.example.invalid'");

  facts.code = CURLE_OPERATION_TIMEDOUT;
  facts.message = "Operation timed out after 60001 milliseconds with 0 bytes received";
  CHECK(describe_curl_error(facts, options) == "timed out after 60 s");
  facts.message = "Connection timed out after 15001 milliseconds";
  CHECK(describe_curl_error(facts, options) == "could not connect within 15 s");
  facts.message = "Resolving timed out after 15001 milliseconds";
  CHECK(describe_curl_error(facts, options) == "could not resolve host within 15 s");

  facts.code = CURLE_COULDNT_CONNECT;
  facts.message = "Failed to connect to 10.0.0.1 port 443 after 3 ms: Couldn't connect to server";
  facts.os_errno = 113;  // EHOSTUNREACH
  CHECK(describe_curl_error(facts, options) ==
        "could not connect to 10.0.0.1 port 443: no route to host");

  facts = {};
  facts.code = CURLE_PEER_FAILED_VERIFICATION;
  facts.message = "SSL certificate problem: certificate has expired";
  CHECK(describe_curl_error(facts, options) ==
        "tls: SSL certificate problem: certificate has expired");

  facts = {};
  facts.code = CURLE_RECV_ERROR;  // no error buffer: libcurl's generic text, restyled
  CHECK(describe_curl_error(facts, options) == "failure when receiving data from the peer");

  facts = {};
  facts.code = CURLE_WRITE_ERROR;
  facts.body_too_large = true;
  CHECK(describe_curl_error(facts, options) == "response larger than 20971520 bytes");
}

TEST_CASE("net::testing::http_date round-trips and rejects other formats") {
  CHECK(atip::testing::http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
  CHECK(atip::testing::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  CHECK_FALSE(atip::testing::parse_http_date("yesterday").has_value());
  CHECK_FALSE(atip::testing::parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT").has_value());
}

TEST_CASE("net::testing::is_not_modified: If-None-Match wins over If-Modified-Since") {
  httplib::Request request;
  CHECK_FALSE(atip::testing::is_not_modified(request, "\"a\"", 1000));
  request.set_header("If-None-Match", "\"b\", W/\"a\"");
  CHECK(atip::testing::is_not_modified(request, "\"a\"", 1000));
  request.set_header("If-Modified-Since", atip::testing::http_date(2000));
  CHECK(atip::testing::is_not_modified(request, "\"a\"", 1000));
  CHECK_FALSE(atip::testing::is_not_modified(request, "\"c\"", 1000));  // tag differs: modified

  httplib::Request dated;
  dated.set_header("If-Modified-Since", atip::testing::http_date(2000));
  CHECK(atip::testing::is_not_modified(dated, "\"a\"", 2000));
  CHECK_FALSE(atip::testing::is_not_modified(dated, "\"a\"", 2001));
}

TEST_CASE("net::testing::resolve_under: never leaves the served directory") {
  namespace fs = std::filesystem;
  fs::path root =
      fs::temp_directory_path() / ("atip-net-root-" + std::to_string(std::random_device{}()));
  fs::create_directories(root / "sub");
  std::ofstream(root / "sub" / "feed.xml") << "<rss/>";
  std::ofstream(root / "index.html") << "<html/>";

  CHECK(atip::testing::resolve_under(root, "/sub/feed.xml").has_value());
  CHECK(atip::testing::resolve_under(root, "/")->filename() == "index.html");
  CHECK_FALSE(atip::testing::resolve_under(root, "/../etc/passwd").has_value());
  CHECK_FALSE(atip::testing::resolve_under(root, "/sub/../../etc/passwd").has_value());
  CHECK_FALSE(atip::testing::resolve_under(root, "/missing.xml").has_value());
  std::error_code ec;
  fs::create_symlink("/etc", root / "escape", ec);
  if (!ec) CHECK_FALSE(atip::testing::resolve_under(root, "/escape/passwd").has_value());
  fs::remove_all(root, ec);
}

TEST_CASE("net::testing::TestServer: refuses addresses outside 127.0.0.0/8") {
  CHECK(atip::testing::is_loopback_ipv4("127.0.0.1"));
  CHECK(atip::testing::is_loopback_ipv4("127.1.2.3"));
  CHECK_FALSE(atip::testing::is_loopback_ipv4("0.0.0.0"));
  CHECK_FALSE(atip::testing::is_loopback_ipv4("128.0.0.1"));
  CHECK_FALSE(atip::testing::is_loopback_ipv4("localhost"));
  CHECK_FALSE(atip::testing::is_loopback_ipv4("::1"));
  CHECK_THROWS_AS(atip::testing::TestServer("0.0.0.0"), std::invalid_argument);
  CHECK_THROWS_AS(atip::testing::TestServer("192.168.1.1"), std::invalid_argument);
}

TEST_CASE("net::testing::TestServer: handlers cannot be added once serving") {
  atip::testing::TestServer server;
  server.start();
  CHECK_THROWS_AS(server.server(), std::logic_error);
  CHECK_THROWS_AS(server.start(), std::logic_error);
  CHECK(server.url("feed.xml") ==
        "http://127.0.0.1:" + std::to_string(server.port()) + "/feed.xml");
}

TEST_CASE("net::testing::TestServer: a server never started still releases its port") {
  int port = 0;
  {
    atip::testing::TestServer server;
    port = server.port();
  }
  atip::net::Options options;
  options.connect_timeout_s = 2;
  atip::net::CurlClient client(options);
  std::string error;
  client.fetch_all({{0, "http://127.0.0.1:" + std::to_string(port) + "/", {}, {}}},
                   [&error](atip::net::Response&& r) { error = r.error; });
  CHECK(error.find("connection refused") != std::string::npos);
}

}  // namespace
