#pragma once
// `atip fetch` as a whole: the lock, the HTTP client, the run, and what it says. Built for
// cron: silent when all is well; on stderr one line per feed that newly failed, that has now
// failed `failure_threshold` times in a row, that recovered, was disabled (410) or moved
// (permanent redirect confirmed) — never the same complaint every night.
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/app/fetch.hpp"
#include "lib/net/http.hpp"

namespace atip::app {

enum class Verbosity { Quiet, Normal, Verbose };

struct FetchCommandOptions {
  FetchOptions fetch;
  net::Options net;
  int failure_threshold = 3;
  Verbosity verbosity = Verbosity::Normal;
  bool progress = false;  // a live progress line and a summary (stderr is a terminal)
  std::string log_file;   // append one line per run here (see fetch_run_log.hpp); "" for none
};

// The stderr lines for one feed's result under the cron rules (without trailing newlines).
std::vector<std::string> feed_messages(const FeedResult& result, int failure_threshold,
                                       Verbosity verbosity);

// "fetched 12 feeds: 3 new documents, …" (no newline).
std::string fetch_summary(const FetchReport& report);

// Exit status of a run: 1 when any feed failed in this run (even one whose repeated failure
// is not reported again), else 0.
int fetch_exit_status(const FetchReport& report);

// Takes the lock beside the catalogue (throws atip::Error with exit status 3 when another
// fetch holds it, or the catalogue is unusable), fetches with libcurl, reports on ctx.err and
// returns the exit status: 130 when SIGINT or SIGTERM stopped the run at a feed boundary.
// With a log file, every run that got as far as opening it appends its line, errors included.
int fetch_command(Context& ctx, const FetchCommandOptions& options);

}  // namespace atip::app
