#include "lib/app/upgrade_note.hpp"
#include "lib/app/fetch_command.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <atomic>
#include <chrono>
#include <ostream>

#include "lib/app/fetch_run_log.hpp"
#include "lib/app/fetch_signals.hpp"
#include "lib/app/harvest.hpp"

#include "lib/store/catalogue.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/error.hpp"
#include "lib/util/lock.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

namespace {

std::string who(const FeedResult& f) {
  return fmt::format("feed {} ({})", f.feed_id, text::terminal_safe(f.url));
}

std::string next_attempt(const FeedResult& f) {
  return f.next_attempt ? fmt::format("; next attempt after {}", util::format_rfc3339(*f.next_attempt))
                        : std::string();
}

std::string failure_message(const FeedResult& f, int threshold, Verbosity v) {
  const std::string error = text::terminal_safe(f.error);
  if (f.disabled)
    return fmt::format("atip: {}: {}; feed disabled (re-enable with 'atip feeds enable {}')",
                       who(f), error, f.feed_id);
  if (f.failures_after == 1) return fmt::format("atip: {}: {}", who(f), error);
  if (f.failures_after == threshold)
    return fmt::format("atip: {}: failed {} times in a row: {}{}", who(f), f.failures_after,
                       error, next_attempt(f));
  if (v == Verbosity::Verbose)
    return fmt::format("atip: {}: failed again ({} in a row): {}{}", who(f), f.failures_after,
                       error, next_attempt(f));
  return {};
}

}  // namespace

std::vector<std::string> feed_messages(const FeedResult& f, int threshold, Verbosity v) {
  std::vector<std::string> lines;
  if (f.outcome == "failed") {
    if (auto line = failure_message(f, threshold, v); !line.empty()) lines.push_back(line);
    return lines;
  }
  if (v == Verbosity::Quiet) return lines;
  if (f.failures_before > 0)
    lines.push_back(fmt::format("atip: {}: recovered after {} failure{}", who(f), f.failures_before,
                                f.failures_before == 1 ? "" : "s"));
  if (!f.moved_to.empty())
    lines.push_back(fmt::format("atip: {}: moved permanently; now fetched from '{}'",
                                who(f), text::terminal_safe(f.moved_to)));
  if (v != Verbosity::Verbose) return lines;
  if (!f.move_refused.empty())
    lines.push_back(fmt::format("atip: {}: moved permanently to '{}', which another feed has",
                                who(f), text::terminal_safe(f.move_refused)));
  lines.push_back(fmt::format("atip: {}: {}, {} new, {} seen elsewhere, {} updated", who(f),
                              f.outcome, f.ingest.new_documents, f.ingest.new_sightings,
                              f.ingest.updated));
  for (const auto& w : f.warnings)
    lines.push_back(fmt::format("atip: feed {}: warning: {}", f.feed_id, text::terminal_safe(w)));
  return lines;
}

std::string fetch_summary(const FetchReport& r) {
  std::string s = fmt::format("fetched {} feed{}: {} new documents, {} new sightings, {} updated, {} failed",
                              r.feeds.size(), r.feeds.size() == 1 ? "" : "s", r.new_documents,
                              r.new_sightings, r.updated, r.failed);
  if (r.skipped) s += fmt::format(", {} not due yet", r.skipped);
  return s;
}

int fetch_exit_status(const FetchReport& report) { return report.failed > 0 ? kExitFailure : kExitOk; }

namespace {

// The run itself, under the lock; `report` is filled as far as the run got.
int fetch_locked(Context& ctx, const FetchCommandOptions& o, FetchReport& report) {
  store::Catalogue catalogue(ctx.db_path, store::OpenMode::ReadWrite);
  note_upgrade(ctx, catalogue);
  // Overlapping cron runs: the second leaves at once rather than fetching everything twice.
  const auto lock = util::FileLock::try_acquire(ctx.db_path + ".lock");
  if (!lock)
    throw Error(fmt::format("another 'atip fetch' is running on '{}'; not starting a second one",
                            ctx.db_path), kExitCatalogue);
  net::CurlClient client(o.net);
  FetchOptions fetch = o.fetch;
  std::atomic<bool> stop{false};
  fetch.stop = &stop;
  const bool progress = o.progress && o.verbosity != Verbosity::Quiet;
  // Lines go out as each feed completes; on a terminal the progress line is redrawn below them.
  fetch.on_progress = [&](const FetchReport& r, std::size_t total) {
    const FeedResult& last = r.feeds.back();
    const auto lines = feed_messages(last, o.failure_threshold, o.verbosity);
    if (progress) ctx.err << "\r\x1b[K";
    for (const auto& line : lines) ctx.err << line << '\n';
    if (progress)
      fmt::print(ctx.err, "fetching: {}/{} feeds, {} new documents, {} failed", r.feeds.size(), total,
                 r.new_documents, r.failed);
    ctx.err.flush();
  };
  // From here a Ctrl-C or a SIGTERM lets the feed being stored finish and stops the rest.
  StopSignals signals([&](int) {
    stop = true;
    client.cancel();
  });
  try {
    report = run_fetch(catalogue, client, fetch, ctx.clock);
    // OAI-PMH sources after the feeds: one request at a time each, page after page.
    if (!report.interrupted) run_harvest(catalogue, client, fetch, ctx.clock, report);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    // Per-feed failures are values, so anything thrown here comes from the catalogue (disk
    // full, locked past the busy time-out, corrupted): exit 3, as documented.
    if (progress) ctx.err << "\r\x1b[K";
    throw Error(fmt::format("catalogue '{}' failed during the fetch: {}", ctx.db_path, catalogue.explain_failure(e)),
                kExitCatalogue);
  }
  if (progress) ctx.err << "\r\x1b[K";
  if (report.interrupted) {
    // Said even with -q: a run that did not finish is news to whoever reads cron's mail.
    ctx.err << fmt::format("atip: fetch interrupted by {}: {} of {} feeds done; the others are "
                           "fetched on the next run\n",
                           signal_name(signals.received()), report.feeds.size(), report.due);
    return kExitInterrupted;
  }
  if (progress || o.verbosity == Verbosity::Verbose) ctx.err << fetch_summary(report) << '\n';
  return fetch_exit_status(report);
}

}  // namespace

int fetch_command(Context& ctx, const FetchCommandOptions& o) {
  const auto began = std::chrono::steady_clock::now();
  const util::UnixTime started = ctx.clock.now();
  RunLog log = o.log_file.empty() ? RunLog() : RunLog(o.log_file);
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  };
  FetchReport report;
  int status = kExitOk;
  try {
    status = fetch_locked(ctx, o, report);
  } catch (const Error& e) {
    log.append(run_log_line(started, seconds(), report, e.exit_code(), e.what()));
    throw;
  }
  log.append(run_log_line(started, seconds(), report, status,
                          report.interrupted ? "interrupted by a signal" : ""));
  return status;
}

}  // namespace atip::app
