#pragma once
// A fetch scene for tests/app: a fresh catalogue, one local server whose /feed answers as the
// test says (good, 404, gzip bomb, HTML, …), and app::run_fetch driven in-process with libcurl
// and a fixed clock. Every bad answer is meant to follow a good one, so the test can check that
// nothing stored before was lost or duplicated.
#include <doctest/doctest.h>

#include <mutex>
#include <string>

#include "lib/app/fetch.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/util/time.hpp"
#include "tests/common/temp_dir.hpp"
#include "tests/support/http_server.hpp"

namespace atip::testing {

// An RSS 2.0 feed with `items` entries, item i linking to https://pub.example/i.
inline std::string rss(int items, const std::string& title = "Publisher") {
  std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" +
                     title + "</title><link>https://pub.example/</link>";
  for (int i = 1; i <= items; ++i)
    body += "<item><title>Report number " + std::to_string(i) + " on forced labour</title><link>https://pub.example/" +
            std::to_string(i) + "</link><guid>pub-" + std::to_string(i) +
            "</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>";
  return body + "</channel></rss>\n";
}

// What /feed answers; changed between runs under the mutex.
class Script {
 public:
  void set(std::string mode) {
    std::lock_guard<std::mutex> lock(mutex_);
    mode_ = std::move(mode);
  }
  std::string get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return mode_;
  }

 private:
  mutable std::mutex mutex_;
  std::string mode_ = "good";
};

struct FetchScene {
  TempDir tmp;
  TestServer server;
  Script script;
  store::Catalogue cat{tmp.file("catalogue.db"), store::OpenMode::ReadWrite};
  util::FixedClock clock{1'795'000'000};  // 2026-11-18
  net::Options net;

  FetchScene() {
    net.connect_timeout_s = 2;
    net.total_timeout_s = 2;
    net.low_speed_limit = 1;
    net.low_speed_time_s = 2;
    net.max_body_bytes = 64 * 1024;
  }
  // Adds a feed at `path` on the server; returns its id.
  std::int64_t add(const std::string& path) { return *cat.add_feed({server.url(path), "", "", {}}, clock.now()); }
  app::FetchReport fetch(app::FetchOptions options = {}) {
    net::CurlClient client(net);
    return app::run_fetch(cat, client, options, clock);
  }
  static app::FetchOptions forced() {
    app::FetchOptions o;
    o.force = true;
    return o;
  }
  static app::FetchOptions only(std::int64_t id) {
    app::FetchOptions o;
    o.only_feed = std::to_string(id);
    return o;
  }
  store::FeedRow feed(std::int64_t id) { return *cat.find_feed(std::to_string(id)); }
  std::int64_t documents() { return cat.count_documents(); }
  std::int64_t sightings() { return cat.count_sightings(); }
};

}  // namespace atip::testing
