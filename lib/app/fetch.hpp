#pragma once
// A fetch run: every due, enabled feed through net -> feed -> catalog -> store, as each
// transfer completes. The only place that knows every stage. The calling thread drives the
// transfers; a few worker threads parse responses and build records (tags, identity keys);
// one store thread writes to the catalogue, one feed at a time (SQLite writes stay on one
// thread), so neither parsing nor storing holds back the transfers.
// The policy (back-off, Retry-After, redirects, 410) is in fetch_policy.hpp; what a run says
// on stderr and how it exits (the cron rules) is in fetch_command.hpp.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/net/http.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

// Exponential back-off after consecutive failures: base * 2^(failures-1), at most cap.
struct Backoff {
  std::int64_t base_s = 3600;        // 1 hour after the first failure
  std::int64_t cap_s = 7 * 86400;    // never more than a week: a feed is never dropped
};

struct FeedResult;
struct FetchReport;

struct FetchOptions {
  std::string only_feed;  // id or URL, fetched even if disabled or backing off; empty for all
  bool force = false;     // send no validators and ignore the stored body hash
  Backoff backoff;
  // Called on the store thread after each feed's result is in `report`, with the number of
  // feeds being fetched; never twice at once.
  std::function<void(const FetchReport& report, std::size_t total)> on_progress;
  // When it becomes true (a signal), the run ends at the next feed boundary: the feed being
  // stored is committed, nothing else is. The caller also cancels the HttpClient.
  const std::atomic<bool>* stop = nullptr;
  int workers = 0;  // parse threads; 0: one per hardware thread, at most 8
};

struct FeedResult {
  std::int64_t feed_id = 0;
  std::string url, title;
  std::string outcome;  // "stored", "not_modified", "unchanged", "failed"
  std::string error;    // when failed: one line, e.g. "HTTP 404 Not Found"
  std::vector<std::string> warnings;
  store::IngestResult ingest;
  std::optional<int> http_status;
  int failures_before = 0;  // consecutive failures before this fetch
  int failures_after = 0;   // … and after it
  std::optional<store::Time> next_attempt;  // when failed: not tried again before this
  bool disabled = false;    // 410 Gone: the feed was disabled
  std::string moved_to;     // a confirmed permanent redirect: the feed's new URL
  std::string move_refused; // a confirmed permanent redirect to a URL another feed has
  std::vector<std::string> advertised_feeds;  // when the URL served an HTML page
};

struct FetchReport {
  std::vector<FeedResult> feeds;  // in completion order
  int failed = 0;
  int skipped = 0;  // enabled feeds not due yet (back-off or Retry-After)
  int new_documents = 0;
  int new_sightings = 0;
  int updated = 0;
  std::size_t due = 0;       // feeds this run set out to fetch
  bool interrupted = false;  // options.stop was set: feeds.size() may be below `due`
};

// Runs the fetch; per-feed failures are in the report, environment failures throw.
FetchReport run_fetch(store::Catalogue& catalogue, net::HttpClient& http,
                      const FetchOptions& options, const util::Clock& clock);

// The charset parameter of a Content-Type header value, lower-cased ("" when absent).
std::string charset_of(const std::string& content_type);

}  // namespace atip::app
