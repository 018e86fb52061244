#pragma once
// SIGINT and SIGTERM during `atip fetch` (a Ctrl-C, a systemd stop, a cron time-out) become a
// request to stop at the next feed boundary instead of killing the process mid-run. A second
// signal ends the process at once: every catalogue write is a transaction, so even then
// nothing half-done is kept, only less is finished.
#include <signal.h>

#include <atomic>
#include <functional>
#include <thread>

namespace atip::app {

class StopSignals {
 public:
  // Blocks SIGINT and SIGTERM in the calling thread, so threads it starts afterwards (fetch
  // workers, libcurl's resolver threads) inherit the mask, and reads them on a thread of its
  // own: `on_signal` runs there once, for the first one. Throws atip::Error when the signals
  // cannot be redirected.
  explicit StopSignals(std::function<void(int signal)> on_signal);
  // Stops the watching thread and restores the signal mask; a signal still pending counts as
  // received (and then does not kill the process).
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // The first signal received (SIGINT or SIGTERM), or 0.
  int received() const { return received_.load(); }

 private:
  void watch();
  void take(int signal);

  std::function<void(int)> on_signal_;
  std::atomic<int> received_{0};
  int signal_fd_ = -1;
  int wake_fd_ = -1;
  std::thread thread_;
  sigset_t old_mask_{};  // the caller's, restored on destruction
};

// "SIGINT", "SIGTERM" or "signal N".
const char* signal_name(int signal);

}  // namespace atip::app
