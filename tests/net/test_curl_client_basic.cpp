// CurlClient against a TestServer on 127.0.0.1: the normal paths (200, 304, compression).
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"
#include "tests/support/http_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

using atip::net::Options;
using atip::net::Request;
using atip::net::Response;
using atip::net::test::fetch_one;
using atip::net::test::fetch_url;
using atip::net::test::quick_options;
using atip::testing::TestServer;
namespace fs = std::filesystem;

constexpr const char* kFeed =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>\n";

// A directory holding one feed, removed again at the end of the test.
class FeedDirectory {
 public:
  FeedDirectory() {
    std::random_device random;
    path_ = fs::temp_directory_path() / ("atip-net-test-" + std::to_string(random()));
    fs::create_directories(path_);
    std::ofstream(path_ / "feed.rss") << kFeed;
  }
  ~FeedDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

TEST_CASE("net::CurlClient: 200 with body and headers captured") {
  TestServer server;
  server.server().Get("/feed", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT");
    res.set_content(kFeed, "application/rss+xml; charset=ISO-8859-1");
  });
  server.start();

  Request request;
  request.tag = 42;
  request.url = server.url("/feed");
  Response response = fetch_one(quick_options(), request);

  CHECK(response.ok());
  CHECK(response.error.empty());
  CHECK(response.tag == 42);
  CHECK(response.status == 200);
  CHECK(response.url == request.url);
  CHECK(response.effective_url == request.url);
  CHECK(response.body == kFeed);
  CHECK(response.content_type == "application/rss+xml; charset=ISO-8859-1");
  CHECK(response.etag == "\"v1\"");
  CHECK(response.last_modified == "Tue, 03 Mar 2026 10:00:00 GMT");
  CHECK(response.redirects.empty());
  CHECK(response.seconds > 0);

  auto log = server.requests();
  REQUIRE(log.size() == 1);
  CHECK(log[0].method == "GET");
  CHECK(log[0].header("User-Agent") == atip::net::default_user_agent());
  CHECK(log[0].header("Accept-Encoding").find("gzip") != std::string::npos);
  CHECK(log[0].header("If-None-Match").empty());
  CHECK(log[0].header("If-Modified-Since").empty());
}

TEST_CASE("net::default_user_agent: names atip, its version and its project URL") {
  std::string agent = atip::net::default_user_agent();
  CHECK(agent.rfind("atip/", 0) == 0);
  CHECK(agent.find("(+http") != std::string::npos);
  CHECK(agent.back() == ')');
}

TEST_CASE("net::CurlClient: Options::user_agent replaces the default") {
  TestServer server;
  server.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  server.start();
  Options options = quick_options();
  options.user_agent = "atip-test/1.0";
  CHECK(fetch_url(server.url("/"), options).ok());
  CHECK(server.requests().at(0).header("User-Agent") == "atip-test/1.0");
}

TEST_CASE("net::CurlClient: sends If-None-Match and reports 304") {
  FeedDirectory dir;
  TestServer server;
  server.serve_directory(dir.path());
  server.start();

  Response first = fetch_url(server.url("/feed.rss"));
  REQUIRE(first.ok());
  CHECK(first.body == kFeed);
  CHECK(first.etag == atip::testing::etag_for(kFeed));

  Request again;
  again.url = server.url("/feed.rss");
  again.etag = first.etag;
  Response second = fetch_one(quick_options(), again);
  CHECK(second.not_modified());
  CHECK_FALSE(second.ok());
  CHECK(second.status == 304);
  CHECK(second.body.empty());
  CHECK(second.etag == first.etag);

  auto log = server.requests();
  REQUIRE(log.size() == 2);
  CHECK(log[1].header("If-None-Match") == first.etag);
  CHECK(server.count_status(304) == 1);
}

TEST_CASE("net::CurlClient: sends If-Modified-Since verbatim and reports 304") {
  FeedDirectory dir;
  TestServer server;
  server.serve_directory(dir.path());
  server.start();

  Response first = fetch_url(server.url("/feed.rss"));
  REQUIRE(first.ok());
  REQUIRE_FALSE(first.last_modified.empty());

  Request again;
  again.url = server.url("/feed.rss");
  again.last_modified = first.last_modified;
  Response second = fetch_one(quick_options(), again);
  CHECK(second.not_modified());
  CHECK(server.requests().at(1).header("If-Modified-Since") == first.last_modified);
  CHECK(server.requests().at(1).header("If-None-Match").empty());

  again.last_modified = "Thu, 01 Jan 1970 00:00:00 GMT";  // older than the file: a full answer
  CHECK(fetch_one(quick_options(), again).ok());
}

TEST_CASE("net::CurlClient: a validator containing a line break is not sent") {
  TestServer server;
  server.server().Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("ok", "text/plain");
  });
  server.start();
  Request request;
  request.url = server.url("/");
  request.etag = "\"x\"\r\nX-Injected: yes";
  CHECK(fetch_one(quick_options(), request).ok());
  auto log = server.requests();
  REQUIRE(log.size() == 1);
  CHECK(log[0].header("X-Injected").empty());
  CHECK(log[0].header("If-None-Match").empty());
}

TEST_CASE("net::CurlClient: decompresses a gzip body") {
  std::string feed(20000, 'a');
  TestServer server;
  server.server().Get("/feed", [&feed](const httplib::Request&, httplib::Response& res) {
    res.set_content(atip::testing::gzip(feed), "application/rss+xml");
    res.set_header("Content-Encoding", "gzip");
  });
  server.start();
  Response response = fetch_url(server.url("/feed"));
  CHECK(response.ok());
  CHECK(response.body == feed);
}

TEST_CASE("net::CurlClient: decompresses a brotli body") {
  std::string feed(20000, 'b');
  TestServer server;
  server.server().Get("/feed", [&feed](const httplib::Request& req, httplib::Response& res) {
    REQUIRE(req.get_header_value("Accept-Encoding").find("br") != std::string::npos);
    std::string compressed;
    httplib::detail::brotli_compressor brotli;
    brotli.compress(feed.data(), feed.size(), true, [&compressed](const char* p, std::size_t n) {
      compressed.append(p, n);
      return true;
    });
    res.set_content(compressed, "application/rss+xml");
    res.set_header("Content-Encoding", "br");
  });
  server.start();
  Response response = fetch_url(server.url("/feed"));
  CHECK(response.ok());
  CHECK(response.body == feed);
}

TEST_CASE("net::CurlClient: reads what the directory server compressed (gzip and br)") {
  FeedDirectory dir;
  std::string long_feed(5000, 'x');
  std::ofstream(dir.path() / "feed.xml") << long_feed;
  TestServer server;
  server.serve_directory(dir.path());
  server.start();

  Response rss = fetch_url(server.url("/feed.rss"));  // application/rss+xml: gzipped by us
  Response xml = fetch_url(server.url("/feed.xml"));  // application/xml: httplib picks br
  CHECK(rss.body == kFeed);
  CHECK(xml.body == long_feed);
  auto log = server.requests();
  REQUIRE(log.size() == 2);
  auto encoding = [](const atip::testing::LoggedRequest& entry) {
    auto found = entry.response_headers.find("Content-Encoding");
    return found == entry.response_headers.end() ? std::string() : found->second;
  };
  CHECK(encoding(log[0]) == "gzip");
  CHECK(encoding(log[1]) == "br");
}

TEST_CASE("net::CurlClient: calls on_done on the calling thread, once per request") {
  TestServer server;
  server.server().Get("/(\\d+)", [](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.matches[1].str(), "text/plain");
  });
  server.start();
  std::vector<Request> requests;
  for (int i = 0; i < 10; ++i) requests.push_back({i, server.url("/" + std::to_string(i)), {}, {}});

  atip::net::CurlClient client(quick_options());
  std::vector<int> seen(10, 0);
  bool same_thread = true;
  auto caller = std::this_thread::get_id();
  client.fetch_all(requests, [&](Response&& r) {
    same_thread = same_thread && std::this_thread::get_id() == caller;
    REQUIRE(r.tag >= 0);
    REQUIRE(r.tag < 10);
    ++seen[static_cast<std::size_t>(r.tag)];
    CHECK(r.body == std::to_string(r.tag));
  });
  CHECK(same_thread);
  CHECK(seen == std::vector<int>(10, 1));

  client.fetch_all({}, [](Response&&) { FAIL("no request, no callback"); });
}

}  // namespace
