#include "lib/app/fetch_signals.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "lib/util/error.hpp"

namespace atip::app {

namespace {

sigset_t stop_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

// Reads every pending signal from the signalfd; returns the first, or 0.
int read_signals(int fd) {
  int first = 0;
  signalfd_siginfo info{};
  while (::read(fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info))
    if (first == 0) first = static_cast<int>(info.ssi_signo);
  return first;
}

}  // namespace

const char* signal_name(int signal) {
  if (signal == SIGINT) return "SIGINT";
  if (signal == SIGTERM) return "SIGTERM";
  return "a signal";
}

StopSignals::StopSignals(std::function<void(int)> on_signal) : on_signal_(std::move(on_signal)) {
  const sigset_t set = stop_set();
  if (pthread_sigmask(SIG_BLOCK, &set, &old_mask_) != 0)
    throw Error("cannot block SIGINT and SIGTERM");
  signal_fd_ = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (signal_fd_ < 0 || wake_fd_ < 0) {
    const std::string why = std::strerror(errno);
    if (signal_fd_ >= 0) ::close(signal_fd_);
    if (wake_fd_ >= 0) ::close(wake_fd_);
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
    throw Error("cannot watch for SIGINT and SIGTERM: " + why);
  }
  thread_ = std::thread([this] { watch(); });
}

StopSignals::~StopSignals() {
  const std::uint64_t one = 1;
  if (::write(wake_fd_, &one, sizeof one) < 0) {
    // eventfd writes fail only on overflow, which one write cannot cause
  }
  thread_.join();
  // A signal that came after the thread's last look is still pending: take it now, rather than
  // let it kill the process once unblocked.
  if (const int late = read_signals(signal_fd_)) take(late);
  ::close(signal_fd_);
  ::close(wake_fd_);
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

void StopSignals::take(int signal) {
  int expected = 0;
  if (received_.compare_exchange_strong(expected, signal)) {
    on_signal_(signal);
    return;
  }
  // A second signal: the user means it. Transactions keep the catalogue whole; the kernel
  // releases the lock.
  static const char kMessage[] = "atip: interrupted again; stopping now\n";
  if (::write(STDERR_FILENO, kMessage, sizeof kMessage - 1) < 0) {
    // nowhere left to say it
  }
  ::_exit(kExitInterrupted);
}

void StopSignals::watch() {
  pollfd fds[2] = {{signal_fd_, POLLIN, 0}, {wake_fd_, POLLIN, 0}};
  for (;;) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[0].revents & POLLIN) {
      signalfd_siginfo info{};
      while (::read(signal_fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info))
        take(static_cast<int>(info.ssi_signo));
    }
    if (fds[1].revents & POLLIN) return;
  }
}

}  // namespace atip::app
