#include "lib/app/fetch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "lib/app/entries.hpp"
#include "lib/feed/parse.hpp"
#include "lib/util/error.hpp"

namespace atip::app {

namespace {

std::string http_reason(long status) {
  static const std::map<long, const char*> kReasons = {
      {400, "Bad Request"},  {401, "Unauthorized"},       {403, "Forbidden"},
      {404, "Not Found"},    {405, "Method Not Allowed"}, {406, "Not Acceptable"},
      {408, "Request Timeout"}, {410, "Gone"},            {429, "Too Many Requests"},
      {500, "Internal Server Error"}, {502, "Bad Gateway"}, {503, "Service Unavailable"},
      {504, "Gateway Timeout"}};
  const auto it = kReasons.find(status);
  return it == kReasons.end() ? fmt::format("HTTP {}", status)
                              : fmt::format("HTTP {} {}", status, it->second);
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

// Parses and stores one successful response; fills `result` and `log`.
void store_body(store::Catalogue& cat, const store::FeedRow& feed, const net::Response& r,
                FeedResult& result, store::FetchOutcome& log, store::Time now) {
  feed::ParseResult parsed = feed::parse(r.body, {charset_of(r.content_type), r.effective_url});
  if (!parsed.ok) {
    result.error = parsed.error;
    if (!parsed.advertised_feeds.empty())
      result.error += fmt::format(" (it advertises: {})", join_lines(parsed.advertised_feeds));
    std::replace(result.error.begin(), result.error.end(), '\n', ' ');
    return;
  }
  const feed::Feed& f = parsed.feed;
  std::vector<store::EntryRecord> records;
  records.reserve(f.entries.size());
  for (const feed::Entry& e : f.entries) records.push_back(to_record(e, f));
  const std::string source = feed.title.empty() ? (f.title.empty() ? feed.url : f.title) : feed.title;
  result.ingest = cat.ingest(feed.id, source, records, now);
  result.warnings = f.warnings;
  result.outcome = "stored";
  log.entries = static_cast<int>(records.size());
  log.feed_title = f.title;
  log.site_url = f.link;
  log.language = f.language;
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

FetchReport run_fetch(store::Catalogue& cat, net::HttpClient& http, const FetchOptions& options,
                      const util::Clock& clock) {
  std::vector<store::FeedRow> feeds;
  if (options.only_feed.empty()) {
    feeds = cat.feeds(/*enabled_only=*/true);
  } else {
    auto one = cat.find_feed(options.only_feed);
    if (!one) throw Error(fmt::format("no feed '{}' in the catalogue (see 'atip feeds list')",
                                      options.only_feed));
    feeds.push_back(std::move(*one));
  }
  std::map<std::int64_t, const store::FeedRow*> by_id;
  std::vector<net::Request> requests;
  for (const auto& f : feeds) {
    by_id[f.id] = &f;
    requests.push_back({f.id, f.url, f.etag, f.last_modified});
  }

  FetchReport report;
  const store::Time started = clock.now();
  http.fetch_all(requests, [&](net::Response&& r) {
    const store::FeedRow& feed = *by_id.at(r.tag);
    FeedResult result{feed.id, feed.url, feed.title, "failed", {}, {}, {}};
    store::FetchOutcome log;
    log.feed_id = feed.id;
    log.started_at = started;
    log.duration_ms = static_cast<std::int64_t>(r.seconds * 1000);
    if (r.status) log.http_status = static_cast<int>(r.status);
    log.bytes = static_cast<std::int64_t>(r.body.size());
    // A server may omit validators on a 304; keep the ones we sent.
    log.etag = r.etag.empty() ? feed.etag : r.etag;
    log.last_modified = r.last_modified.empty() ? feed.last_modified : r.last_modified;
    if (!r.error.empty()) {
      result.error = r.error;
    } else if (r.not_modified()) {
      result.outcome = "not_modified";
    } else if (!r.ok()) {
      result.error = http_reason(r.status);
    } else {
      store_body(cat, feed, r, result, log, clock.now());
    }
    log.outcome = result.outcome;
    log.error = result.error;
    log.ingest = result.ingest;
    log.warnings = join_lines(result.warnings);
    cat.record_fetch(log);
    report.failed += result.outcome == "failed";
    report.new_documents += result.ingest.new_documents;
    report.new_sightings += result.ingest.new_sightings;
    report.updated += result.ingest.updated;
    report.feeds.push_back(std::move(result));
  });
  return report;
}

}  // namespace atip::app
