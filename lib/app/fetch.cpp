#include "lib/app/fetch.hpp"

#include <fmt/format.h>
#include <pthread.h>

#include <algorithm>
#include <exception>
#include <map>
#include <thread>

#include "lib/app/entries.hpp"
#include "lib/app/fetch_policy.hpp"
#include "lib/app/fetch_queue.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/feed/parse.hpp"
#include "lib/html/page_watch.hpp"
#include "lib/text/utf8.hpp"
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

// A response on its way from the transfer thread through a parse worker to the store thread.
struct Job {
  const store::FeedRow* feed = nullptr;
  net::Response response;  // the body is released once parsed
  FeedResult result;
  store::FetchOutcome log;
  std::vector<store::EntryRecord> records;
  std::string source;     // the publisher's name for the sightings
  bool ingest = false;    // `records` are to be stored
  std::size_t weight = 0; // bytes it held on arrival, for the queues' bounds
};

// Parses one successful response into records (the parse stage); fills job.result and job.log.
void parse_body(Job& job) {
  const store::FeedRow& feed = *job.feed;
  const net::Response& r = job.response;
  FeedResult& result = job.result;
  // A watched page (feeds add --page) is read as a feed of its links; the rest is the same.
  const feed::Hints hints{charset_of(r.content_type), r.effective_url};
  feed::ParseResult parsed = feed.kind == "page" ? html::watch_page(r.body, hints, {feed.page_select, feed.page_match})
                                                 : feed::parse(r.body, hints);
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
  job.records = to_records(f, vocabulary().vocabulary, on_topic);
  // Publisher names and links are shown and exported like titles: free of control sequences.
  job.source = text::terminal_safe(feed.title.empty() ? (f.title.empty() ? feed.url : f.title) : feed.title);
  job.ingest = true;
  result.warnings = f.warnings;
  job.log.entries = static_cast<int>(job.records.size());
  job.log.feed_title = text::terminal_safe(f.title);
  job.log.site_url = text::terminal_safe(f.link);
  job.log.language = text::terminal_safe(f.language);
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
    // OAI-PMH repositories are harvested page by page (lib/app/harvest), not fetched here.
    if (one->kind != "oai") feeds.push_back(std::move(*one));
    return feeds;
  }
  for (auto& f : cat.feeds(/*enabled_only=*/true)) {
    if (f.kind == "oai") continue;
    if (f.next_attempt_after && *f.next_attempt_after > now) {
      ++skipped;
      continue;
    }
    feeds.push_back(std::move(f));
  }
  return feeds;
}

// Everything about a response that needs no catalogue: classification, and for a new body
// the parse (on a worker). Never throws: a failure to parse is the feed's failure.
void prepare(Job& job, const FetchOptions& options, store::Time started) {
  const store::FeedRow& feed = *job.feed;
  const net::Response& r = job.response;
  FeedResult& result = job.result;
  result.feed_id = feed.id;
  result.url = feed.url;
  result.title = feed.title;
  result.outcome = "failed";
  result.failures_before = feed.consecutive_failures;
  if (r.status) result.http_status = static_cast<int>(r.status);
  store::FetchOutcome& log = job.log;
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
  if (r.ok() && result.outcome == "failed" && result.error.empty()) {
    try {
      parse_body(job);
    } catch (const std::exception& e) {
      job.records.clear();
      job.ingest = false;
      result.error = fmt::format("cannot read the feed: {}", e.what());
    }
  }
  job.response.body.clear();
  job.response.body.shrink_to_fit();
}

// The store stage: one feed's entries and its fetch log, on the store thread.
void commit(store::Catalogue& cat, Job& job, const FetchOptions& options, const util::Clock& clock) {
  const store::FeedRow& feed = *job.feed;
  FeedResult& result = job.result;
  store::FetchOutcome& log = job.log;
  if (job.ingest) {
    result.ingest = cat.ingest(feed.id, job.source, job.records, clock.now(), same_work_decision());
    result.outcome = "stored";
  }
  apply_policy(feed, job.response, options, clock.now(), result, log);
  log.outcome = result.outcome;
  log.error = result.error;
  log.ingest = result.ingest;
  log.warnings = join(result.warnings, "\n");
  const bool moved = cat.record_fetch(log);
  if (!log.move_to.empty()) (moved ? result.moved_to : result.move_refused) = log.move_to;
}

int worker_count(int asked) {
  if (asked > 0) return asked;
  const unsigned hardware = std::thread::hardware_concurrency();
  return static_cast<int>(std::clamp(hardware, 1u, 8u));
}

// The threads of a run and the queues between them. The destructor closes the queues and
// joins every thread, so an exception on the calling thread leaves nothing running.
class Pipeline {
 public:
  // Each queue holds at most this many bytes of responses (a hundred typical feeds): enough to
  // keep every stage busy while memory stays flat when storing is the slow stage (parsed
  // records take a few times their body's size). A full queue holds back the stage feeding
  // it, and in the end the transfers.
  static constexpr std::size_t kQueueBytes = 4 << 20;
  // The most feeds stored in one write group (see store_loop).
  static constexpr std::size_t kMaxGroupFeeds = 64;

  Pipeline(store::Catalogue& cat, net::HttpClient& http, const FetchOptions& options,
           const util::Clock& clock, store::Time started, FetchReport& report)
      : cat_(cat), http_(http), options_(options), clock_(clock), started_(started), report_(report) {}
  ~Pipeline() {
    parse_queue_.close(true);
    store_queue_.close(true);
    for (auto& t : workers_) t.join();
    if (store_thread_.joinable()) store_thread_.join();
  }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  void start(int workers) {
    // Named, so that top -H and perf show which stage is busy.
    store_thread_ = std::thread([this] {
      pthread_setname_np(pthread_self(), "atip-store");
      store_loop();
    });
    for (int i = 0; i < workers; ++i)
      workers_.emplace_back([this] {
        pthread_setname_np(pthread_self(), "atip-parse");
        parse_loop();
      });
  }

  // On the transfer thread: a body to parse goes to a worker, anything else straight to the
  // store thread.
  void received(const store::FeedRow& feed, net::Response&& r) {
    if (stopped()) return;
    Job job;
    job.feed = &feed;
    job.weight = r.body.size() + 1024;
    job.response = std::move(r);
    const std::size_t weight = job.weight;
    if (job.response.ok()) {
      parse_queue_.push(std::move(job), weight);
    } else {
      prepare(job, options_, started_);
      store_queue_.push(std::move(job), weight);
    }
  }

  // After the transfers: waits for every queued feed to be stored; rethrows a store failure.
  void finish() {
    parse_queue_.close();
    for (auto& t : workers_) t.join();
    workers_.clear();
    store_queue_.close();
    store_thread_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  bool stopped() const { return options_.stop != nullptr && options_.stop->load(); }

  void parse_loop() {
    while (auto job = parse_queue_.pop()) {
      if (stopped()) continue;  // drained, not parsed: the run is ending
      prepare(*job, options_, started_);
      const std::size_t weight = job->weight;
      store_queue_.push(std::move(*job), weight);
    }
  }

  // Feeds waiting together are stored in one write group: when storing is the slow stage, a
  // commit per feed (and a full-text segment per feed, merged again and again) was most of its
  // cost. A feed arriving alone is still committed alone, as soon as it is stored. The group
  // is bounded so that progress stays live and memory stays within the queues' bound.
  void store_loop() {
    try {
      while (auto first = store_queue_.pop()) {
        std::vector<Job> group;
        std::size_t weight = first->weight;
        group.push_back(std::move(*first));
        while (group.size() < kMaxGroupFeeds && weight < kQueueBytes) {
          auto more = store_queue_.try_pop();
          if (!more) break;
          weight += more->second;
          group.push_back(std::move(more->first));
        }
        std::size_t stored = 0;
        {
          store::Catalogue::WriteGroup writes(cat_);
          for (Job& job : group) {
            if (stopped()) break;  // a feed boundary: nothing half-done to commit
            commit(cat_, job, options_, clock_);
            ++stored;
          }
          writes.commit();
        }
        for (std::size_t i = 0; i < stored; ++i) {
          FeedResult& result = group[i].result;
          report_.failed += result.outcome == "failed";
          report_.new_documents += result.ingest.new_documents;
          report_.new_sightings += result.ingest.new_sightings;
          report_.updated += result.ingest.updated;
          report_.feeds.push_back(std::move(result));
          if (options_.on_progress) options_.on_progress(report_, report_.due);
        }
        if (stopped()) break;
      }
    } catch (...) {
      // The catalogue failed (disk full, corrupt): the run cannot go on. Stop everything.
      failure_ = std::current_exception();
      http_.cancel();
      parse_queue_.close(true);
    }
    store_queue_.close(true);  // unblocks any stage still pushing
  }

  store::Catalogue& cat_;
  net::HttpClient& http_;
  const FetchOptions& options_;
  const util::Clock& clock_;
  store::Time started_;
  FetchReport& report_;
  FetchQueue<Job> parse_queue_{kQueueBytes};
  FetchQueue<Job> store_queue_{kQueueBytes};
  std::exception_ptr failure_;  // written by the store thread, read after it is joined
  std::thread store_thread_;
  std::vector<std::thread> workers_;
};

}  // namespace

FetchReport run_fetch(store::Catalogue& cat, net::HttpClient& http, const FetchOptions& options,
                      const util::Clock& clock) {
  FetchReport report;
  const store::Time started = clock.now();
  const std::vector<store::FeedRow> feeds = feeds_to_fetch(cat, options, started, report.skipped);
  report.due = feeds.size();
  std::map<std::int64_t, const store::FeedRow*> by_id;
  std::vector<net::Request> requests;
  for (const auto& f : feeds) {
    by_id[f.id] = &f;
    if (options.force)
      requests.push_back({f.id, f.url, {}, {}});
    else
      requests.push_back({f.id, f.url, f.etag, f.last_modified});
  }
  vocabulary();  // loaded here, where a malformed vocabulary file ends the run with its error
  Pipeline pipeline(cat, http, options, clock, started, report);
  pipeline.start(worker_count(options.workers));
  http.fetch_all(requests, [&](net::Response&& r) { pipeline.received(*by_id.at(r.tag), std::move(r)); });
  pipeline.finish();
  report.interrupted = options.stop != nullptr && options.stop->load();
  return report;
}

}  // namespace atip::app
