#pragma once
// A fetch run: every enabled feed through net -> feed -> catalog -> store, one catalogue
// transaction per feed, as each transfer completes. The only place that knows every stage.
#include <optional>
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/net/http.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

struct FetchOptions {
  std::string only_feed;  // id or URL; empty for every enabled feed
};

struct FeedResult {
  std::int64_t feed_id = 0;
  std::string url, title;
  std::string outcome;  // "stored", "not_modified", "unchanged", "failed"
  std::string error;    // when failed: one line, e.g. "HTTP 404 Not Found"
  std::vector<std::string> warnings;
  store::IngestResult ingest;
};

struct FetchReport {
  std::vector<FeedResult> feeds;
  int failed = 0;
  int new_documents = 0;
  int new_sightings = 0;
  int updated = 0;
};

// Runs the fetch; per-feed failures are in the report, environment failures throw.
FetchReport run_fetch(store::Catalogue& catalogue, net::HttpClient& http,
                      const FetchOptions& options, const util::Clock& clock);

// The charset parameter of a Content-Type header value, lower-cased ("" when absent).
std::string charset_of(const std::string& content_type);

}  // namespace atip::app
