#pragma once
// Running atip in the background, under a file-size limit, as an unprivileged user or on a
// pseudo-terminal, for the hardening tests (issue 8). fork + exec: only async-signal-safe calls
// happen in the child, as the test process has threads (the test server).
#include <fcntl.h>
#include <grp.h>
#include <pty.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/common/run_atip.hpp"

namespace atip::testing {

struct Limits {
  long long max_file_bytes = 0;  // RLIMIT_FSIZE (SIGXFSZ ignored, so writes fail with EFBIG); 0: none
  bool unprivileged = false;     // when run as root, drop to uid/gid 65534 so file modes bind
};

class Background {
 public:
  Background(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
             Limits limits = {})
      : io_(std::make_unique<TempDir>()) {
    out_ = io_->file("out");
    err_ = io_->file("err");
    if (limits.unprivileged) ::chmod(io_->path().c_str(), 0777);
    AtipExec exec(args, env);
    const bool drop = limits.unprivileged && ::geteuid() == 0;
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      if (drop && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(126);
      const int in = ::open("/dev/null", O_RDONLY);
      const int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
      const int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
      if (in < 0 || out < 0 || err < 0) ::_exit(126);
      ::dup2(in, 0);
      ::dup2(out, 1);
      ::dup2(err, 2);
      if (limits.max_file_bytes > 0) {
        ::signal(SIGXFSZ, SIG_IGN);  // ignored dispositions survive exec
        const rlimit rl{static_cast<rlim_t>(limits.max_file_bytes), static_cast<rlim_t>(limits.max_file_bytes)};
        ::setrlimit(RLIMIT_FSIZE, &rl);
      }
      ::execve(exec.binary(), exec.argv(), exec.envp());
      ::_exit(127);
    }
  }
  ~Background() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // True once the process has ended (and then `wait()` returns at once).
  bool done() {
    if (finished_) return true;
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) record(status);
    return finished_;
  }
  RunResult wait() {
    while (!finished_) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, 0);
      if (r == pid_) record(status);
      else if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    RunResult r;
    r.status = status_;
    r.out = slurp(out_);
    r.err = slurp(err_);
    return r;
  }

 private:
  void record(int status) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    finished_ = true;
    pid_ = -1;
  }
  std::unique_ptr<TempDir> io_;
  std::string out_, err_;
  pid_t pid_ = -1;
  bool finished_ = false;
  int status_ = -1;
};

inline RunResult run_limited(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                             Limits limits) {
  return Background(args, env, limits).wait();
}

// Runs atip with stdout and stderr on a pseudo-terminal (so it formats for a person), output
// post-processing off so the bytes are atip's own. Returns everything written to the terminal.
inline RunResult run_on_terminal(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
  int master = -1;
  termios raw{};
  ::cfmakeraw(&raw);
  winsize ws{};
  ws.ws_col = 120;
  ws.ws_row = 40;
  AtipExec exec(args, env);
  const pid_t pid = ::forkpty(&master, nullptr, &raw, &ws);
  if (pid < 0) throw std::runtime_error("forkpty failed");
  if (pid == 0) {
    ::execve(exec.binary(), exec.argv(), exec.envp());
    ::_exit(127);
  }
  RunResult r;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(master, buffer, sizeof buffer);
    if (n > 0) r.out.append(buffer, static_cast<std::size_t>(n));
    else if (n < 0 && errno == EINTR) continue;
    else break;  // EIO once the child has closed the terminal
  }
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// A word unique to `n`, so generated titles never look like one work to the identity rules.
inline std::string unique_word(long n) {
  static const char consonants[] = "bdfgklmnprstvz", vowels[] = "aeiou";
  std::string out;
  for (++n; n; n /= 70) out += std::string{consonants[n % 14], vowels[(n / 14) % 5]};
  return out;
}

// RSS 2.0 with entries first … first+count-1 of feed `feed`, each with a title of unique words
// (`title_prefix` before them) and a summary of about `summary_bytes` bytes (40 for entries
// below `short_until`, so they read as before when the size changes).
inline std::string generated_feed(int feed, int first, int count, const std::string& title_prefix = "",
                                  std::size_t summary_bytes = 40, int short_until = 0) {
  std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Publisher " +
                     std::to_string(feed) + "</title><link>https://pub.example/</link>";
  for (int i = first; i < first + count; ++i) {
    const long uid = feed * 100000L + i;
    std::string summary;
    while (summary.size() < (i < short_until ? 40 : summary_bytes)) summary += unique_word(uid * 13 + static_cast<long>(summary.size())) + " labour ";
    body += "<item><title>" + title_prefix + unique_word(uid + 777) + " " + unique_word(uid * 31 + 5) +
            " labour review</title><link>https://pub.example/" + std::to_string(feed) + "/" + std::to_string(i) +
            "</link><guid>g-" + std::to_string(feed) + "-" + std::to_string(i) + "</guid><description>" + summary +
            "</description><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>";
  }
  return body + "</channel></rss>\n";
}

}  // namespace atip::testing
