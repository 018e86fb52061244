#include "lib/app/fetch_run_log.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "lib/util/error.hpp"

namespace atip::app {

std::string run_log_line(util::UnixTime started, double seconds, const FetchReport& report,
                         int exit_status, const std::string& error) {
  int stored = 0, not_modified = 0, unchanged = 0;
  for (const FeedResult& f : report.feeds) {
    stored += f.outcome == "stored";
    not_modified += f.outcome == "not_modified";
    unchanged += f.outcome == "unchanged";
  }
  std::string line = fmt::format(
      "time={}\tduration_s={:.1f}\tfeeds={}\tstored={}\tnot_modified={}\tunchanged={}\tfailed={}"
      "\tskipped={}\tnew_documents={}\tnew_sightings={}\tupdated={}\texit={}",
      util::format_rfc3339(started), seconds, report.feeds.size(), stored, not_modified, unchanged,
      report.failed, report.skipped, report.new_documents, report.new_sightings, report.updated,
      exit_status);
  if (!error.empty()) {
    std::string one_line = error;
    for (char& c : one_line)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    line += "\terror=" + one_line;
  }
  return line;
}

RunLog::RunLog(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error(fmt::format("cannot open log file '{}': {}", path, std::strerror(errno)), kExitUsage);
}

RunLog::~RunLog() {
  if (fd_ >= 0) ::close(fd_);
}

void RunLog::append(const std::string& line) {
  if (fd_ < 0) return;
  const std::string record = line + '\n';
  const ssize_t written = ::write(fd_, record.data(), record.size());
  if (written != static_cast<ssize_t>(record.size()))
    throw Error(fmt::format("cannot write to log file '{}': {}", path_,
                            written < 0 ? std::strerror(errno) : "short write"));
}

}  // namespace atip::app
