// HTTP errors are statuses, transport failures are messages: refused connections, silent and
// slow servers, truncated bodies.
#include <doctest/doctest.h>

#include <chrono>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"
#include "tests/support/http_server.hpp"
#include "tests/support/raw_server.hpp"

namespace {

using atip::net::Options;
using atip::net::Response;
using atip::net::test::fetch_url;
using atip::net::test::quick_options;
using atip::testing::RawServer;
using atip::testing::TestServer;
using namespace std::chrono_literals;

TEST_CASE("net::CurlClient: HTTP error statuses are reported, not transport errors") {
  TestServer server;
  server.server().Get("/status/(\\d+)", [](const httplib::Request& req, httplib::Response& res) {
    res.status = std::stoi(req.matches[1].str());
    if (res.status == 429 || res.status == 503) res.set_header("Retry-After", "120");
    res.set_content("error page", "text/html");
  });
  server.start();
  for (long status : {404L, 410L, 429L, 500L, 503L}) {
    CAPTURE(status);
    Response response = fetch_url(server.url("/status/" + std::to_string(status)));
    CHECK_FALSE(response.ok());
    CHECK_FALSE(response.not_modified());
    CHECK(response.error.empty());
    CHECK(response.status == status);
    CHECK(response.body == "error page");
    CHECK(response.retry_after == (status == 429 || status == 503 ? "120" : ""));
  }
}

TEST_CASE("net::CurlClient: Retry-After as an HTTP date is kept verbatim") {
  TestServer server;
  server.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT");
  });
  server.start();
  CHECK(fetch_url(server.url("/")).retry_after == "Wed, 21 Oct 2026 07:28:00 GMT");
}

TEST_CASE("net::CurlClient: connection refused") {
  int port = atip::testing::unused_port();
  Response response = fetch_url("http://127.0.0.1:" + std::to_string(port) + "/feed");
  CHECK_FALSE(response.ok());
  CHECK(response.status == 0);
  CHECK(response.error ==
        "could not connect to 127.0.0.1 port " + std::to_string(port) + ": connection refused");
}

TEST_CASE("net::CurlClient: a server that never answers times out") {
  RawServer server([](int socket, const std::atomic<bool>& stopping) {
    RawServer::read_request(socket, 5s);
    RawServer::pause(stopping, 30s);  // ends early when the test is over
  });
  Options options = quick_options();
  options.total_timeout_s = 1;
  options.low_speed_limit = 0;  // off, so the total time-out is what fires
  auto started = std::chrono::steady_clock::now();
  Response response = fetch_url(server.url("/feed"), options);
  CHECK(std::chrono::steady_clock::now() - started < 5s);
  CHECK(response.status == 0);
  CHECK(response.error == "timed out after 1 s");
  CHECK(server.connections() == 1);
}

TEST_CASE("net::CurlClient: a body dripping below the low-speed limit is aborted") {
  RawServer server([](int socket, const std::atomic<bool>& stopping) {
    RawServer::read_request(socket, 5s);
    RawServer::send_all(socket,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                        "Content-Length: 100000\r\n\r\n<rss>");
    while (RawServer::pause(stopping, 200ms) && RawServer::send_all(socket, " ")) {
    }
  });
  Options options = quick_options();
  options.low_speed_limit = 1000;
  options.low_speed_time_s = 1;
  auto started = std::chrono::steady_clock::now();
  Response response = fetch_url(server.url("/feed"), options);
  CHECK(std::chrono::steady_clock::now() - started < 5s);
  CHECK(response.status == 200);
  CHECK_FALSE(response.ok());
  CHECK(response.error == "transfer too slow: under 1000 bytes/s for 1 s");
  CHECK(response.body.empty());
}

TEST_CASE("net::CurlClient: a body shorter than its Content-Length is an error") {
  RawServer server([](int socket, const std::atomic<bool>&) {
    RawServer::read_request(socket, 5s);
    RawServer::send_all(socket,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                        "Content-Length: 100\r\nConnection: close\r\n\r\n<rss>12345");
  });
  Response response = fetch_url(server.url("/feed"));
  CHECK_FALSE(response.ok());
  CHECK(response.error.find("response cut short") == 0);
  CHECK(response.error.find("90 bytes remaining") != std::string::npos);
  CHECK(response.body.empty());
}

TEST_CASE("net::CurlClient: a connection closed without any reply is an error") {
  RawServer server(
      [](int socket, const std::atomic<bool>&) { RawServer::read_request(socket, 5s); });
  Response response = fetch_url(server.url("/feed"));
  CHECK_FALSE(response.ok());
  CHECK(response.status == 0);
  CHECK(response.error == "empty reply from server");
}

TEST_CASE("net::CurlClient: a malformed status line is an error") {
  RawServer server([](int socket, const std::atomic<bool>&) {
    RawServer::read_request(socket, 5s);
    RawServer::send_all(socket, "SSH-2.0-OpenSSH_9.2\r\n\r\n");
  });
  Response response = fetch_url(server.url("/feed"));
  CHECK_FALSE(response.ok());
  CHECK_FALSE(response.error.empty());
}

TEST_CASE("net::CurlClient: one failing request does not stop the others") {
  TestServer server;
  server.server().Get("/ok", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("fine", "text/plain");
  });
  server.start();
  std::string refused = "http://127.0.0.1:" + std::to_string(atip::testing::unused_port()) + "/";
  std::vector<atip::net::Request> requests = {{1, server.url("/ok"), {}, {}},
                                              {2, refused, {}, {}},
                                              {3, "file:///etc/passwd", {}, {}},
                                              {4, server.url("/ok"), {}, {}}};
  auto responses = atip::net::test::fetch(quick_options(), requests);
  REQUIRE(responses.size() == 4);
  int good = 0;
  for (const auto& r : responses) good += r.ok() ? 1 : 0;
  CHECK(good == 2);
}

}  // namespace
