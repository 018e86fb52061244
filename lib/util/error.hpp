#pragma once
// The two error kinds of atip (after ccache): an Error is an environment or input failure that
// ends the current command with a one-line message; per-item failures (one feed, one entry) are
// values, never exceptions. main() catches Error once and prints `atip: error: <what>`.
#include <stdexcept>
#include <string>

namespace atip {

// Exit statuses, documented in atip(1).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,      // the command failed, or some feeds failed in `fetch`
  kExitUsage = 2,        // bad command line
  kExitCatalogue = 3,    // the catalogue cannot be used (locked, too new, not SQLite)
  kExitInterrupted = 130,
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, int exit_code = kExitFailure)
      : std::runtime_error(what), exit_code_(exit_code) {}
  int exit_code() const noexcept { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace atip
