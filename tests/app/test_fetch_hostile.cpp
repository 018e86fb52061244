// Network hygiene against a hostile local server (issue 8): endless headers, fast or dripped,
// endless redirects to ever-new URLs, compressed bombs in every codec the server can produce
// and nested ones, a redirect to a scheme other than http(s), and a certificate nobody vouches
// for (TLS verification is always on; nothing a feed says turns it off). Each case follows a good
// fetch, ends within the limits, and leaves the catalogue as it was.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

#include "tests/app/fetch_scene.hpp"
#include "tests/support/raw_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

using atip::app::FetchReport;
using atip::testing::FetchScene;
using atip::testing::RawServer;
using atip::testing::rss;
using namespace std::chrono_literals;

// Serves the good feed first, then whatever `mode` says; one connection per request.
void hostile_answer(int fd, const std::atomic<bool>& stopping, const std::string& mode) {
  if (RawServer::read_request(fd, 2s).empty()) return;
  const std::string body = rss(3);
  if (mode == "good") {
    RawServer::send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n"
                            "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    return;
  }
  RawServer::send_all(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n");
  // Header lines with no end: as fast as the socket takes them, or one every 100 ms.
  const bool drip = mode == "drip-headers";
  for (int i = 0; i < 2'000'000 && !stopping; ++i) {
    if (!RawServer::send_all(fd, "X-Filler-" + std::to_string(i) + ": " + std::string(drip ? 4 : 200, 'a') + "\r\n"))
      return;
    if (drip && !RawServer::pause(stopping, 100ms)) return;
  }
}

struct Hostile : FetchScene {
  atip::testing::Script script;
  RawServer raw{[this](int fd, const std::atomic<bool>& stopping) { hostile_answer(fd, stopping, script.get()); }};
  std::int64_t id = *cat.add_feed({raw.url("/feed"), "", "", {}}, clock.now());

  Hostile() { REQUIRE(fetch().feeds.at(0).outcome == "stored"); }
  // One forced fetch under `mode`: it fails within `limit`, the catalogue keeps what it had.
  std::string fails(const std::string& mode, std::chrono::seconds limit) {
    script.set(mode);
    const auto started = std::chrono::steady_clock::now();
    const FetchReport r = fetch(FetchScene::forced());
    CHECK(std::chrono::steady_clock::now() - started < limit);
    REQUIRE(r.feeds.size() == 1);
    CHECK(r.feeds[0].outcome == "failed");
    CHECK(documents() == 3);
    CHECK(sightings() == 3);
    CHECK(feed(id).consecutive_failures == 1);
    return r.feeds[0].error;
  }
};

TEST_CASE("app::run_fetch: endless response headers are refused, fast or dripped") {
  SUBCASE("as fast as the socket takes them: cut at 256 KiB") {
    Hostile h;
    CHECK(h.fails("endless-headers", 10s) == "response headers larger than 262144 bytes");
  }
  SUBCASE("one line every 100 ms: the low-speed limit (1 byte/s here) does not fire, the total time-out does") {
    Hostile h;
    CHECK(h.fails("drip-headers", 6s) == "timed out after 2 s");
  }
}

// /feed is good until the test says otherwise; then /feed -> /r/1 -> /r/2 -> … for ever.
struct Redirecting : FetchScene {
  std::int64_t id = 0;
  Redirecting() {
    server.server().Get("/feed", [this](const httplib::Request&, httplib::Response& res) {
      const std::string mode = script.get();
      if (mode == "good") return res.set_content(rss(3), "application/rss+xml");
      if (mode == "endless") return res.set_redirect("/r/1", 302);
      if (mode == "gopher") return res.set_redirect("/hop?to=gopher", 301);
      answer_bomb(mode, res);
    });
    server.server().Get("/r/(\\d+)", [](const httplib::Request& req, httplib::Response& res) {
      res.set_redirect("/r/" + std::to_string(std::stoll(req.matches[1].str()) + 1), 302);
    });
    server.server().Get("/hop", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("gopher://127.0.0.1:70/1feed", 302);
    });
    server.start();
    id = add("/feed");
    REQUIRE(fetch().feeds.at(0).outcome == "stored");
  }
  // 16 MiB of spaces, 256 times the scene's 64 KiB cap once decoded; compressed once, before
  // any fetch (compressing takes longer than the scene's 2 s time-out in a debug build).
  static const std::string& br_bomb() {
    static const std::string bomb = [] {
      const std::string spaces(16 * 1024 * 1024, ' ');
      std::string out;
      httplib::detail::brotli_compressor c;
      c.compress(spaces.data(), spaces.size(), true, [&out](const char* p, std::size_t n) {
        out.append(p, n);
        return true;
      });
      return out;
    }();
    return bomb;
  }
  // gzip of a gzip: a few hundred bytes on the wire; libcurl decodes each layer in turn.
  static const std::string& nested_gzip_bomb() {
    static const std::string bomb = atip::testing::gzip(atip::testing::gzip(std::string(16 * 1024 * 1024, ' ')));
    return bomb;
  }
  static void answer_bomb(const std::string& mode, httplib::Response& res) {
    if (mode == "br-bomb") {
      res.set_content(br_bomb(), "application/rss+xml");
      res.set_header("Content-Encoding", "br");
    } else if (mode == "nested-gzip-bomb") {
      res.set_content(nested_gzip_bomb(), "application/rss+xml");
      res.set_header("Content-Encoding", "gzip, gzip");
    }
  }
  std::string fails(const std::string& mode) {
    script.set(mode);
    auto options = FetchScene::forced();
    options.only_feed = std::to_string(id);  // tried again at once, back-off or not
    const FetchReport r = fetch(options);
    REQUIRE(r.feeds.size() == 1);
    CHECK(r.feeds[0].outcome == "failed");
    CHECK(documents() == 3);
    CHECK(sightings() == 3);
    CHECK(feed(id).url == server.url("/feed"));  // no redirect was taken as a move
    CHECK(feed(id).consecutive_failures >= 1);
    return r.feeds[0].error;
  }
};

TEST_CASE("app::run_fetch: endless redirects to ever-new URLs stop after 5") {
  Redirecting s;
  const std::size_t before = s.server.requests().size();
  CHECK(s.fails("endless") == "too many redirects (more than 5)");
  // The first request and five redirects followed; the sixth is not.
  CHECK(s.server.requests().size() - before == 6);
}

TEST_CASE("app::run_fetch: a permanent redirect chain ending in gopher: is refused, and no move is recorded") {
  Redirecting s;
  CHECK(s.fails("gopher") == "refused redirect to unsupported URL scheme 'gopher'");
  CHECK(s.fails("gopher") == "refused redirect to unsupported URL scheme 'gopher'");
  CHECK(s.feed(s.id).pending_redirect.empty());
}

TEST_CASE("app::run_fetch: brotli and nested gzip bombs are capped after decoding") {
  REQUIRE(Redirecting::br_bomb().size() < 64 * 1024);
  REQUIRE(Redirecting::nested_gzip_bomb().size() < 64 * 1024);
  for (const std::string mode : {"br-bomb", "nested-gzip-bomb"}) {
    CAPTURE(mode);
    Redirecting s;
    CHECK(s.fails(mode) == "response larger than 65536 bytes");
  }
}

// An HTTPS server on 127.0.0.1 with a self-signed certificate made by openssl(1) for the test.
struct SelfSigned {
  atip::testing::TempDir tmp;
  std::string cert = tmp.file("cert.pem"), key = tmp.file("key.pem");
  std::unique_ptr<httplib::SSLServer> server;
  std::thread thread;
  int port = 0;

  SelfSigned() {
    const std::string command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                                "-subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -days 2 -keyout '" +
                                key + "' -out '" + cert + "' >/dev/null 2>&1";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "openssl(1) is needed (scripts/setup installs it)");
    server = std::make_unique<httplib::SSLServer>(cert.c_str(), key.c_str());
    REQUIRE(server->is_valid());
    server->Get("/feed", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(rss(5), "application/rss+xml");
    });
    port = server->bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    thread = std::thread([this] { server->listen_after_bind(); });
    for (int i = 0; i < 200 && !server->is_running(); ++i) std::this_thread::sleep_for(10ms);
  }
  ~SelfSigned() {
    server->stop();
    thread.join();
  }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port) + "/feed"; }
};

TEST_CASE("app::run_fetch: a self-signed certificate fails the feed, directly and after a redirect") {
  SelfSigned tls;
  FetchScene s;
  s.server.server().Get("/feed", [&s](const httplib::Request&, httplib::Response& res) {
    if (s.script.get() == "good") return res.set_content(rss(3), "application/rss+xml");
    res.set_redirect(s.script.get(), 301);  // to the HTTPS server
  });
  s.server.start();
  const auto direct = *s.cat.add_feed({tls.url(), "", "", {}}, s.clock.now());
  const auto redirected = s.add("/feed");
  const FetchReport first = s.fetch();
  REQUIRE(first.feeds.size() == 2);
  for (const auto& f : first.feeds) {
    if (f.feed_id != direct) continue;
    CHECK(f.outcome == "failed");
    CHECK_MESSAGE(f.error.rfind("tls: ", 0) == 0, f.error);
    CHECK_MESSAGE(f.error.find("certificate") != std::string::npos, f.error);
  }
  REQUIRE(s.documents() == 3);  // the good feed only; nothing from the untrusted server

  s.script.set(tls.url());
  const FetchReport second = s.fetch(FetchScene::only(redirected));
  REQUIRE(second.feeds.size() == 1);
  CHECK(second.feeds[0].outcome == "failed");
  CHECK_MESSAGE(second.feeds[0].error.rfind("tls: ", 0) == 0, second.feeds[0].error);
  CHECK(s.documents() == 3);
  CHECK(s.sightings() == 3);
  CHECK(s.feed(redirected).url == s.server.url("/feed"));
}

}  // namespace
