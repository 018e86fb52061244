// Parallelism is measured at the server, not by the clock: how many requests were in progress
// at once, overall and per host.
#include <doctest/doctest.h>

#include <chrono>
#include <set>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::net::Options;
using atip::net::Request;
using atip::net::Response;
using atip::net::test::fetch;
using atip::net::test::quick_options;
using atip::testing::ConcurrencyGauge;
using atip::testing::TestServer;
using namespace std::chrono_literals;

// Answers /N with "N" after `delay`, counting concurrent handlers in `gauge`.
void slow_numbers(TestServer& server, ConcurrencyGauge& gauge, std::chrono::milliseconds delay) {
  server.server().Get(
      "/(\\d+)", [&server, &gauge, delay](const httplib::Request& req, httplib::Response& res) {
        auto scope = gauge.enter();
        server.sleep_unless_stopping(delay);
        res.set_content(req.matches[1].str(), "text/plain");
      });
  server.start();
}

std::vector<Request> numbered(const TestServer& server, int count, int first_tag = 0) {
  std::vector<Request> requests;
  for (int i = 0; i < count; ++i) {
    requests.push_back({first_tag + i, server.url("/" + std::to_string(first_tag + i)), {}, {}});
  }
  return requests;
}

void check_all_ok(const std::vector<Response>& responses, std::size_t expected) {
  REQUIRE(responses.size() == expected);
  std::set<std::int64_t> tags;
  for (const auto& r : responses) {
    CHECK(r.ok());
    CHECK(r.body == std::to_string(r.tag));
    tags.insert(r.tag);
  }
  CHECK(tags.size() == expected);
}

TEST_CASE("net::CurlClient: fetches many requests in parallel") {
  ConcurrencyGauge gauge;
  TestServer server;
  slow_numbers(server, gauge, 200ms);
  Options options = quick_options();
  options.max_parallel = 16;
  options.max_per_host = 16;
  check_all_ok(fetch(options, numbered(server, 40)), 40);
  CHECK(gauge.max_seen() > 1);
  CHECK(gauge.max_seen() <= 16);
}

TEST_CASE("net::CurlClient: respects max_per_host") {
  ConcurrencyGauge gauge;
  TestServer server;
  slow_numbers(server, gauge, 50ms);
  Options options = quick_options();
  options.max_parallel = 16;
  options.max_per_host = 2;
  check_all_ok(fetch(options, numbered(server, 12)), 12);
  CHECK(gauge.max_seen() >= 1);
  CHECK(gauge.max_seen() <= 2);
}

TEST_CASE("net::CurlClient: respects max_parallel across hosts") {
  // Two loopback addresses are two hosts to libcurl and to the per-host accounting.
  ConcurrencyGauge gauge;
  TestServer first("127.0.0.1");
  TestServer second("127.0.0.2");
  slow_numbers(first, gauge, 50ms);
  slow_numbers(second, gauge, 50ms);
  Options options = quick_options();
  options.max_parallel = 3;
  options.max_per_host = 3;
  std::vector<Request> requests = numbered(first, 8);
  for (auto& r : numbered(second, 8, 100)) requests.push_back(r);
  check_all_ok(fetch(options, requests), 16);
  CHECK(gauge.max_seen() <= 3);
  CHECK(first.requests().size() == 8);
  CHECK(second.requests().size() == 8);
}

TEST_CASE("net::CurlClient: a slow host does not hold back the others") {
  ConcurrencyGauge slow_gauge, fast_gauge;
  TestServer slow("127.0.0.1");
  TestServer fast("127.0.0.3");
  slow_numbers(slow, slow_gauge, 1500ms);
  slow_numbers(fast, fast_gauge, 0ms);
  Options options = quick_options();
  options.max_parallel = 4;
  options.max_per_host = 2;
  std::vector<Request> requests = numbered(slow, 2);
  for (auto& r : numbered(fast, 6, 100)) requests.push_back(r);

  atip::net::CurlClient client(options);
  std::vector<std::int64_t> order;
  client.fetch_all(requests, [&order](Response&& r) {
    CHECK(r.ok());
    order.push_back(r.tag);
  });
  REQUIRE(order.size() == 8);
  // Every fast response arrived while the slow ones were still waiting.
  CHECK(order[6] < 100);
  CHECK(order[7] < 100);
}

}  // namespace

namespace {

TEST_CASE("net::CurlClient: a batch of 300 requests to one host completes, each once") {
  ConcurrencyGauge gauge;
  TestServer server;
  slow_numbers(server, gauge, 0ms);
  Options options = quick_options();  // 32 in flight overall, 4 per host
  check_all_ok(fetch(options, numbered(server, 300)), 300);
  CHECK(gauge.max_seen() <= options.max_per_host);
  CHECK(server.requests().size() == 300);
}

}  // namespace
