// Size limits: the cap applies to the decoded body, so neither a large body, an endless chunked
// one nor a gzip bomb can make atip hold more than max_body_bytes.
#include <doctest/doctest.h>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"
#include "tests/support/http_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

using atip::net::Options;
using atip::net::Response;
using atip::net::test::fetch_url;
using atip::net::test::quick_options;
using atip::testing::TestServer;

constexpr std::int64_t kCap = 64 * 1024;

Options capped() {
  Options options = quick_options();
  options.max_body_bytes = kCap;
  return options;
}

TEST_CASE("net::CurlClient: a body with Content-Length over the cap fails") {
  TestServer server;
  server.server().Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(kCap + 1, 'x'), "application/rss+xml");
  });
  server.start();
  Response response = fetch_url(server.url("/big"), capped());
  CHECK_FALSE(response.ok());
  CHECK(response.error == "response larger than 65536 bytes");
  CHECK(response.body.empty());
}

TEST_CASE("net::CurlClient: a body of exactly the cap is accepted") {
  TestServer server;
  server.server().Get("/exact", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(kCap, 'x'), "application/rss+xml");
  });
  server.start();
  Response response = fetch_url(server.url("/exact"), capped());
  CHECK(response.ok());
  CHECK(response.body.size() == static_cast<std::size_t>(kCap));
}

TEST_CASE("net::CurlClient: an endless chunked body is cut at the cap") {
  TestServer server;
  server.server().Get("/endless", [&server](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider(
        "application/rss+xml", [&server](std::size_t, httplib::DataSink& sink) {
          std::string chunk(4096, 'y');
          // Stops once the client has gone or the test ends.
          return !server.stopping() && sink.is_writable() && sink.write(chunk.data(), chunk.size());
        });
  });
  server.start();
  Response response = fetch_url(server.url("/endless"), capped());
  CHECK(response.error == "response larger than 65536 bytes");
  CHECK(response.body.empty());
}

TEST_CASE("net::CurlClient: a gzip bomb is capped after decompression") {
  // 16 MiB of zeros compress to about 16 KiB: small on the wire, 256 times the cap decoded.
  static const std::string bomb = atip::testing::gzip(std::string(16 * 1024 * 1024, '\0'));
  REQUIRE(bomb.size() < 100 * 1024);
  TestServer server;
  server.server().Get("/bomb", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(bomb, "application/rss+xml");
    res.set_header("Content-Encoding", "gzip");
  });
  server.start();
  Response response = fetch_url(server.url("/bomb"), capped());
  CHECK_FALSE(response.ok());
  CHECK(response.error == "response larger than 65536 bytes");
  CHECK(response.body.empty());
}

TEST_CASE("net::CurlClient: a gzip body within the cap passes even if the cap is near") {
  std::string feed(kCap - 10, 'z');
  TestServer server;
  server.server().Get("/fits", [&feed](const httplib::Request&, httplib::Response& res) {
    res.set_content(atip::testing::gzip(feed), "application/rss+xml");
    res.set_header("Content-Encoding", "gzip");
  });
  server.start();
  Response response = fetch_url(server.url("/fits"), capped());
  CHECK(response.ok());
  CHECK(response.body == feed);
}

}  // namespace
