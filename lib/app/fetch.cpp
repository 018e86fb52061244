#include "lib/app/fetch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lib/app/entries.hpp"
#include "lib/app/fetch_policy.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/feed/parse.hpp"
#include "lib/util/error.hpp"
#include "lib/util/hash.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

namespace {

std::string join(const std::vector<std::string>& lines, const char* sep) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : sep) + l;
  return out;
}

// Parses and stores one successful response; fills `result` and `log`.
void store_body(store::Catalogue& cat, const store::FeedRow& feed, const net::Response& r,
                FeedResult& result, store::FetchOutcome& log, store::Time now) {
  feed::ParseResult parsed = feed::parse(r.body, {charset_of(r.content_type), r.effective_url});
  if (!parsed.ok) {
    result.error = parsed.error;
    result.advertised_feeds = parsed.advertised_feeds;
    // The parser counts the advertised feeds; a person fixing the subscription needs them.
    if (!parsed.advertised_feeds.empty())
      result.error = result.error.substr(0, result.error.find("; it advertises")) +
                     fmt::format("; it advertises: {}", join(parsed.advertised_feeds, " "));
    std::replace(result.error.begin(), result.error.end(), '\n', ' ');
    return;
  }
  const feed::Feed& f = parsed.feed;
  // A feed tagged "on-topic" (a trafficking journal) makes every entry relevant.
  const bool on_topic = std::find(feed.tags.begin(), feed.tags.end(), "on-topic") != feed.tags.end();
  const std::vector<store::EntryRecord> records = to_records(f, vocabulary().vocabulary, on_topic);
  const std::string source = feed.title.empty() ? (f.title.empty() ? feed.url : f.title) : feed.title;
  result.ingest = cat.ingest(feed.id, source, records, now, same_work_decision());
  result.warnings = f.warnings;
  result.outcome = "stored";
  log.entries = static_cast<int>(records.size());
  log.feed_title = f.title;
  log.site_url = f.link;
  log.language = f.language;
}

// What the response says about the feed, before any parsing: fills result.outcome/error.
void classify(const store::FeedRow& feed, const net::Response& r, const FetchOptions& options,
              FeedResult& result, store::FetchOutcome& log) {
  if (!r.error.empty()) {
    result.error = r.error;
  } else if (r.not_modified()) {
    result.outcome = "not_modified";
  } else if (!r.ok()) {
    result.error = http_reason(r.status);
  } else if (!options.force && !feed.body_hash.empty() && log.body_hash == feed.body_hash) {
    // The same bytes as last time (a server without validators): nothing to parse.
    result.outcome = "unchanged";
  }
}

// Back-off, Retry-After, 410 and permanent redirects: what the next run should do.
void apply_policy(const store::FeedRow& feed, const net::Response& r, const FetchOptions& options,
                  store::Time now, FeedResult& result, store::FetchOutcome& log) {
  const bool failed = result.outcome == "failed";
  result.failures_after = failed ? feed.consecutive_failures + 1 : 0;
  log.pending_redirect = feed.pending_redirect;  // a failure neither confirms nor forgets it
  if (failed) {
    std::int64_t next = now + backoff_seconds(result.failures_after, options.backoff);
    if (r.error.empty() && (r.status == 429 || r.status == 503))
      if (auto asked = retry_after_time(r.retry_after, now))
        next = std::min(*asked, now + options.backoff.cap_s);
    log.next_attempt_after = result.next_attempt = next;
    if (r.error.empty() && r.status == 410) {
      log.disable = result.disabled = true;
      log.note = fmt::format("disabled on {}: HTTP 410 Gone", util::format_date(now));
    }
    return;
  }
  const std::string target = permanent_target(r.redirects);
  log.pending_redirect = target;
  if (!target.empty() && target == feed.pending_redirect) log.move_to = target;
}

}  // namespace

std::string charset_of(const std::string& content_type) {
  std::string lower = content_type;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto pos = lower.find("charset=");
  if (pos == std::string::npos) return {};
  std::string value = lower.substr(pos + 8);
  value = value.substr(0, value.find(';'));
  value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
  value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
  return value;
}

namespace {

std::vector<store::FeedRow> feeds_to_fetch(store::Catalogue& cat, const FetchOptions& options,
                                           store::Time now, int& skipped) {
  std::vector<store::FeedRow> feeds;
  if (!options.only_feed.empty()) {
    auto one = cat.find_feed(options.only_feed);
    if (!one) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')",
                                      options.only_feed));
    feeds.push_back(std::move(*one));
    return feeds;
  }
  for (auto& f : cat.feeds(/*enabled_only=*/true)) {
    if (f.next_attempt_after && *f.next_attempt_after > now) {
      ++skipped;
      continue;
    }
    feeds.push_back(std::move(f));
  }
  return feeds;
}

FeedResult fetch_one(store::Catalogue& cat, const store::FeedRow& feed, const net::Response& r,
                     const FetchOptions& options, const util::Clock& clock, store::Time started) {
  FeedResult result;
  result.feed_id = feed.id;
  result.url = feed.url;
  result.title = feed.title;
  result.outcome = "failed";
  result.failures_before = feed.consecutive_failures;
  if (r.status) result.http_status = static_cast<int>(r.status);
  store::FetchOutcome log;
  log.feed_id = feed.id;
  log.started_at = started;
  log.duration_ms = static_cast<std::int64_t>(r.seconds * 1000);
  log.http_status = result.http_status;
  log.bytes = static_cast<std::int64_t>(r.body.size());
  // A server may omit validators on a 304; keep the ones we had.
  log.etag = r.etag.empty() && r.not_modified() ? feed.etag : r.etag;
  log.last_modified = r.last_modified.empty() && r.not_modified() ? feed.last_modified : r.last_modified;
  if (r.ok()) log.body_hash = util::to_hex(util::hash64(r.body));
  classify(feed, r, options, result, log);
  if (r.ok() && result.outcome == "failed" && result.error.empty())
    store_body(cat, feed, r, result, log, clock.now());
  apply_policy(feed, r, options, clock.now(), result, log);
  log.outcome = result.outcome;
  log.error = result.error;
  log.ingest = result.ingest;
  log.warnings = join(result.warnings, "\n");
  const bool moved = cat.record_fetch(log);
  if (!log.move_to.empty()) (moved ? result.moved_to : result.move_refused) = log.move_to;
  return result;
}

}  // namespace

FetchReport run_fetch(store::Catalogue& cat, net::HttpClient& http, const FetchOptions& options,
                      const util::Clock& clock) {
  FetchReport report;
  const store::Time started = clock.now();
  const std::vector<store::FeedRow> feeds = feeds_to_fetch(cat, options, started, report.skipped);
  std::map<std::int64_t, const store::FeedRow*> by_id;
  std::vector<net::Request> requests;
  for (const auto& f : feeds) {
    by_id[f.id] = &f;
    if (options.force)
      requests.push_back({f.id, f.url, {}, {}});
    else
      requests.push_back({f.id, f.url, f.etag, f.last_modified});
  }
  http.fetch_all(requests, [&](net::Response&& r) {
    FeedResult result = fetch_one(cat, *by_id.at(r.tag), r, options, clock, started);
    report.failed += result.outcome == "failed";
    report.new_documents += result.ingest.new_documents;
    report.new_sightings += result.ingest.new_sightings;
    report.updated += result.ingest.updated;
    report.feeds.push_back(std::move(result));
    if (options.on_progress) options.on_progress(report, feeds.size());
  });
  return report;
}

}  // namespace atip::app
