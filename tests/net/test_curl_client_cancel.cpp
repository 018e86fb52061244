// cancel(): how a signal or a failing catalogue stops a batch. From another thread, it ends
// fetch_all promptly, abandoning transfers in flight and starting no more; on_done is not called
// again, and the client stays cancelled.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"
#include "tests/support/http_server.hpp"

namespace {

using atip::net::CurlClient;
using atip::net::Request;
using atip::net::Response;
using atip::net::test::quick_options;
using atip::testing::TestServer;
using namespace std::chrono_literals;

TEST_CASE("net::CurlClient: cancel() from another thread ends fetch_all at once") {
  TestServer server;
  server.server().Get("/quick", [](const httplib::Request&, httplib::Response& res) { res.set_content("q", "text/plain"); });
  server.server().Get("/slow/(\\d+)", [&server](const httplib::Request&, httplib::Response& res) {
    server.sleep_unless_stopping(3s);
    res.set_content("s", "text/plain");
  });
  server.start();
  auto options = quick_options();
  options.max_parallel = 3;
  CurlClient client(options);
  std::vector<Request> requests = {{0, server.url("/quick"), {}, {}}};
  for (int i = 1; i <= 12; ++i) requests.push_back({i, server.url("/slow/" + std::to_string(i)), {}, {}});

  std::vector<std::int64_t> done;
  std::thread canceller;
  const auto started = std::chrono::steady_clock::now();
  client.fetch_all(requests, [&](Response&& r) {
    done.push_back(r.tag);
    // Once the quick answer is in, the slow ones are in flight: cancel from elsewhere.
    if (r.tag == 0) canceller = std::thread([&client] {
      std::this_thread::sleep_for(200ms);
      client.cancel();
    });
  });
  canceller.join();
  CHECK(std::chrono::steady_clock::now() - started < 2s);  // no slow answer was waited for
  CHECK(done == std::vector<std::int64_t>{0});
  std::size_t slow = 0;
  for (const auto& q : server.requests()) slow += q.path != "/quick";
  CHECK(slow == 0);  // none was answered before the cancel: each takes 3 s

  // Cancelled for good: a later batch does nothing.
  bool called = false;
  client.fetch_all({{99, server.url("/quick"), {}, {}}}, [&](Response&&) { called = true; });
  CHECK_FALSE(called);
}

}  // namespace
