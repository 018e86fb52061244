#include "lib/app/harvest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>
#include <thread>

#include "lib/app/entries.hpp"
#include "lib/app/fetch_policy.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/oai/oai.hpp"
#include "lib/text/utf8.hpp"

namespace atip::app {

namespace {

constexpr std::size_t kMaxWarnings = 20;

bool stopped(const FetchOptions& o) { return o.stop != nullptr && o.stop->load(); }

std::string query_escape(std::string_view s) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// A base URL with a query of its own ("…/oai?repository=x") keeps it.
std::string with_query(std::string base, const std::string& query) {
  base.resize(std::min(base.size(), base.find('#')));
  if (base.find('?') == std::string::npos)
    base += '?';
  else if (base.back() != '?' && base.back() != '&')
    base += '&';
  return base + query;
}

// A token quoted in a message: short and free of control sequences.
std::string quoted(const std::string& token) {
  const std::string safe = text::terminal_safe(token);
  return "'" + text::truncate_chars(safe, 80) + "'";
}

bool busy(const net::Response& r) { return r.error.empty() && (r.status == 503 || r.status == 429); }

// One request, waiting out short Retry-After answers. Nothing when the run is stopping (the
// client was cancelled, or the stop flag was set while waiting).
std::optional<net::Response> get(net::HttpClient& http, std::int64_t tag, const std::string& url,
                                 const FetchOptions& options, const util::Clock& clock,
                                 const HarvestLimits& limits) {
  for (int waits = 0;; ++waits) {
    std::optional<net::Response> got;
    http.fetch_all({{tag, url, {}, {}}}, [&](net::Response&& r) { got = std::move(r); });
    if (!got || stopped(options)) return std::nullopt;
    if (!busy(*got) || waits >= limits.max_waits) return got;
    const store::Time now = clock.now();
    const auto asked = retry_after_time(got->retry_after, now);
    if (!asked || *asked - now > limits.max_inline_wait_s) return got;
    const std::int64_t wait_s = std::max<std::int64_t>(*asked - now, 1);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(wait_s);
    while (std::chrono::steady_clock::now() < until) {
      if (stopped(options)) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

// One harvest of one source, as far as it gets.
class Harvest {
 public:
  Harvest(store::Catalogue& cat, net::HttpClient& http, const FetchOptions& options,
          const util::Clock& clock, const HarvestLimits& limits, const store::FeedRow& feed)
      : cat_(cat), http_(http), options_(options), clock_(clock), limits_(limits), feed_(feed) {
    result_.feed_id = feed.id;
    result_.url = feed.url;
    result_.title = feed.title;
    result_.outcome = "failed";
    result_.failures_before = feed.consecutive_failures;
    source_ = text::terminal_safe(feed.title.empty() ? feed.url : feed.title);
    on_topic_ = std::find(feed.tags.begin(), feed.tags.end(), "on-topic") != feed.tags.end();
    language_.language = feed.language;
  }

  // False when the run was stopped before the list ended: nothing is recorded then.
  bool run() {
    const store::Time started = clock_.now();
    const auto began = std::chrono::steady_clock::now();
    // --force: the whole list again (after the repository corrected its records, say).
    std::string url = list_records_url(feed_.url, feed_.oai_set, options_.force ? "" : feed_.harvested_until);
    if (feed_.title.empty() && !learn_name()) return false;
    std::set<std::string> tokens;
    std::string until;
    bool complete = false;
    for (int page = 1;; ++page) {
      std::optional<net::Response> r = get(http_, feed_.id, url, options_, clock_, limits_);
      if (!r) return false;
      last_status_ = r->status;
      last_retry_after_ = r->retry_after;
      transport_error_ = !r->error.empty();
      log_.bytes += static_cast<std::int64_t>(r->body.size());
      if (r->status) result_.http_status = static_cast<int>(r->status);
      const std::string where = page == 1 ? std::string() : fmt::format(" on page {}", page);
      if (!r->error.empty()) {
        result_.error = r->error + where;
        break;
      }
      if (!r->ok()) {
        result_.error = http_reason(r->status) + where;
        break;
      }
      const oai::Page p = oai::parse_list_records(r->body, charset_of(r->content_type));
      if (!p.ok) {
        result_.error = fmt::format("unreadable OAI-PMH response{}: {}", where, p.error);
        break;
      }
      for (const std::string& w : p.warnings)
        if (result_.warnings.size() < kMaxWarnings)
          result_.warnings.push_back(page == 1 ? w : fmt::format("page {}: {}", page, w));
      if (const std::string failure = p.failure(); !failure.empty()) {
        result_.error = fmt::format("OAI-PMH error{}: {}", where, failure);
        break;
      }
      if (page == 1) until = oai::day_of(p.response_date);
      store(p);
      if (!p.more()) {
        complete = true;
        break;
      }
      if (stopped(options_)) return false;  // between pages: what is stored stays
      if (!tokens.insert(p.resumption->token).second) {
        result_.error = fmt::format("the repository sent resumption token {} twice (page {}); "
                                    "harvest stopped", quoted(p.resumption->token), page);
        break;
      }
      if (page >= limits_.max_pages) {
        result_.error = fmt::format("more than {} pages; harvest stopped", limits_.max_pages);
        break;
      }
      url = resume_url(feed_.url, p.resumption->token);
    }
    log_.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - began).count();
    if (complete) {
      result_.outcome = "stored";
      // A response without a usable date: the day before ours, in case the clocks disagree.
      log_.harvested_until = until.empty() ? util::format_date(started - 86400) : until;
    }
    finish(started);
    return true;
  }

  FeedResult& result() { return result_; }

 private:
  // A source added without --title is named after the repository (Identify's repositoryName)
  // in its sightings and in `feeds list`, as a feed is after its channel title. Any failure
  // here leaves the URL as the name; false only when the run is stopping.
  bool learn_name() {
    const std::optional<net::Response> r =
        get(http_, feed_.id, with_query(feed_.url, "verb=Identify"), options_, clock_, limits_);
    if (!r) return false;
    log_.bytes += static_cast<std::int64_t>(r->body.size());
    if (!r->ok()) return true;
    const std::string name = text::terminal_safe(oai::repository_name(r->body, charset_of(r->content_type)));
    if (!name.empty()) source_ = log_.feed_title = name;
    return true;
  }

  void store(const oai::Page& p) {
    std::vector<store::EntryRecord> records;
    std::vector<std::string> withdrawn;
    for (const oai::Record& rec : p.records) {
      ++log_.entries;
      if (rec.deleted) {
        withdrawn.push_back(rec.identifier);
        continue;
      }
      store::EntryRecord er = to_record(rec.entry, language_, vocabulary().vocabulary, on_topic_);
      // The repository's dc:type, when it is plain, beats a guess from the title's words.
      if (!rec.doc_type.empty() && er.doc_type != rec.doc_type) {
        er.doc_type = rec.doc_type;
        std::erase_if(er.tags, [](const store::TagRecord& t) { return t.kind == "type"; });
        er.tags.push_back({"type", rec.doc_type, 1});
      }
      records.push_back(std::move(er));
    }
    if (!records.empty()) {
      const store::IngestResult in =
          cat_.ingest(feed_.id, source_, records, clock_.now(), same_work_decision());
      result_.ingest.new_documents += in.new_documents;
      result_.ingest.new_sightings += in.new_sightings;
      result_.ingest.updated += in.updated;
      result_.ingest.unchanged += in.unchanged;
    }
    if (!withdrawn.empty()) cat_.withdraw(feed_.id, withdrawn);
  }

  // The policy of fetch.cpp: back-off after a failure, Retry-After, 410; then the log.
  void finish(store::Time started) {
    const store::Time now = clock_.now();
    const bool failed = result_.outcome == "failed";
    result_.failures_after = failed ? feed_.consecutive_failures + 1 : 0;
    if (failed) {
      std::int64_t next = now + backoff_seconds(result_.failures_after, options_.backoff);
      if (!transport_error_ && (last_status_ == 429 || last_status_ == 503))
        if (auto asked = retry_after_time(last_retry_after_, now))
          next = std::min(*asked, now + options_.backoff.cap_s);
      log_.next_attempt_after = result_.next_attempt = next;
      if (!transport_error_ && last_status_ == 410) {
        log_.disable = result_.disabled = true;
        log_.note = fmt::format("disabled on {}: HTTP 410 Gone", util::format_date(now));
      }
    }
    std::replace(result_.error.begin(), result_.error.end(), '\n', ' ');
    log_.feed_id = feed_.id;
    log_.started_at = started;
    log_.http_status = result_.http_status;
    log_.outcome = result_.outcome;
    log_.error = result_.error;
    log_.ingest = result_.ingest;
    for (const std::string& w : result_.warnings) log_.warnings += (log_.warnings.empty() ? "" : "\n") + w;
    cat_.record_fetch(log_);
  }

  store::Catalogue& cat_;
  net::HttpClient& http_;
  const FetchOptions& options_;
  const util::Clock& clock_;
  const HarvestLimits& limits_;
  const store::FeedRow& feed_;
  FeedResult result_;
  store::FetchOutcome log_;
  std::string source_;
  bool on_topic_ = false;
  feed::Feed language_;  // only its language: the hint for records that declare none
  long last_status_ = 0;
  std::string last_retry_after_;
  bool transport_error_ = false;
};

std::vector<store::FeedRow> sources_to_harvest(store::Catalogue& cat, const FetchOptions& options,
                                               store::Time now, int& skipped) {
  std::vector<store::FeedRow> sources;
  if (!options.only_feed.empty()) {
    if (auto one = cat.find_feed(options.only_feed); one && one->kind == "oai")
      sources.push_back(std::move(*one));
    return sources;
  }
  for (auto& f : cat.feeds(/*enabled_only=*/true)) {
    if (f.kind != "oai") continue;
    if (f.next_attempt_after && *f.next_attempt_after > now) {
      ++skipped;
      continue;
    }
    sources.push_back(std::move(f));
  }
  return sources;
}

}  // namespace

std::string list_records_url(const std::string& base, const std::string& set, const std::string& from) {
  std::string query = "verb=ListRecords&metadataPrefix=oai_dc";
  if (!set.empty()) query += "&set=" + query_escape(set);
  if (!from.empty()) query += "&from=" + query_escape(from);
  return with_query(base, query);
}

std::string resume_url(const std::string& base, const std::string& token) {
  return with_query(base, "verb=ListRecords&resumptionToken=" + query_escape(token));
}

void run_harvest(store::Catalogue& cat, net::HttpClient& http, const FetchOptions& options,
                 const util::Clock& clock, FetchReport& report, const HarvestLimits& limits) {
  const std::vector<store::FeedRow> sources =
      sources_to_harvest(cat, options, clock.now(), report.skipped);
  report.due += sources.size();
  if (!sources.empty()) vocabulary();  // a malformed vocabulary ends the run with its error
  for (const store::FeedRow& feed : sources) {
    if (stopped(options)) break;
    Harvest h(cat, http, options, clock, limits, feed);
    const bool done = h.run();
    FeedResult& result = h.result();
    // Pages stored before a stop count as stored; the source itself is not done.
    report.new_documents += result.ingest.new_documents;
    report.new_sightings += result.ingest.new_sightings;
    report.updated += result.ingest.updated;
    if (!done) break;
    report.failed += result.outcome == "failed";
    report.feeds.push_back(std::move(result));
    if (options.on_progress) options.on_progress(report, report.due);
  }
  if (stopped(options)) report.interrupted = true;
}

}  // namespace atip::app
