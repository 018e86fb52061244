#pragma once
// `atip fetch --log FILE`: one line appended per run, for unattended use (cron, systemd), in a
// stable format that grep, awk and cut read without a parser: tab-separated key=value fields,
// always in this order, new keys only ever added at the end:
//   time=2026-11-27T03:17:02Z  duration_s=12.4  feeds=500  stored=12  not_modified=480
//   unchanged=3  failed=5  skipped=2  new_documents=37  new_sightings=4  updated=1  exit=1
// and, for a run that ended in an error (exit 2 or 3) or was interrupted (exit 130),
//   error=<one line>
#include <string>

#include "lib/app/fetch.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

// The line for one run, without its newline. `report` may be partial (an interrupted run) or
// empty (a run that could not start); tabs and line breaks in `error` become spaces.
std::string run_log_line(util::UnixTime started, double seconds, const FetchReport& report,
                         int exit_status, const std::string& error);

// An open log file. Opening creates it when missing; each append is a single write(2) to a file
// opened with O_APPEND, so lines of runs that overlap never interleave.
class RunLog {
 public:
  RunLog() = default;  // logs nothing
  // Throws atip::Error (exit status 2) when `path` cannot be opened for appending.
  explicit RunLog(const std::string& path);
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  // Appends `line` and a newline; throws atip::Error when the write fails (disk full).
  void append(const std::string& line);

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace atip::app
