#pragma once
// An HTTP server on a loopback address for tests and for atip-test-server. It binds a free
// port, serves on a background thread and stops in its destructor. It never listens beyond
// 127.0.0.0/8: the constructor refuses any other address.
//
// Use: construct, register handlers through server() (or serve_directory), then start(). After
// start() the handler tables are frozen (httplib reads them unlocked from its worker threads),
// so server() throws. Handlers that wait must use sleep_unless_stopping() so that the
// destructor, which waits for running handlers, returns promptly.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace atip::testing {

struct LoggedRequest {
  std::string method;
  std::string path;
  httplib::Headers headers;  // as received; names compare case-insensitively in httplib
  int status = 0;
  httplib::Headers response_headers;  // as sent, including Content-Encoding

  // The value of request header `name`, "" when absent.
  std::string header(const std::string& name) const;
};

struct DirectoryOptions {
  int latency_ms = 0;  // delay before every answer, for benchmarks and parallelism tests
};

// Counts handlers in progress and remembers the most seen at once; for asserting parallelism.
class ConcurrencyGauge {
 public:
  class Scope {
   public:
    explicit Scope(ConcurrencyGauge& gauge);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    ConcurrencyGauge& gauge_;
  };
  Scope enter() { return Scope(*this); }
  int max_seen() const { return max_.load(); }

 private:
  std::atomic<int> current_{0};
  std::atomic<int> max_{0};
};

// httplib::Server with a listen backlog fit for parallel clients: httplib listens with a
// backlog of 5, so a burst of connections loses SYNs and the client retries a second later.
class WideBacklogServer : public httplib::Server {
 public:
  // Call after binding; Linux applies a second listen() to the socket's backlog.
  bool widen_backlog(int backlog);
};

class TestServer {
 public:
  // Binds `host`:`port` (0: a free port) at once, so port() and url() are known while handlers
  // are registered. Throws std::invalid_argument unless `host` is an IPv4 address in
  // 127.0.0.0/8, std::runtime_error when the address cannot be bound.
  explicit TestServer(std::string host = "127.0.0.1", int port = 0);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Handlers are added here before start(); throws std::logic_error once started.
  httplib::Server& server();
  // Serves the files under `dir` at "/<relative path>" with ETag (a hash of the content),
  // Last-Modified (the file's mtime) and 304 answers to If-None-Match / If-Modified-Since.
  // Bodies are compressed (br or gzip) when the client accepts it and the type is textual.
  void serve_directory(const std::filesystem::path& dir, DirectoryOptions options = {});

  // Serves on a background thread. Until then connections wait in the listen queue.
  void start();
  // Stops accepting, ends waiting handlers and joins the thread; bounded. Idempotent.
  void stop();

  int port() const { return port_; }
  const std::string& host() const { return host_; }
  // "http://HOST:PORT/path"; `path` may be given with or without its leading '/'.
  std::string url(std::string_view path = "/") const;

  // Copies of every answered request so far, in order of answer. An entry is made before the
  // response is sent, so a client that has its response can rely on finding the request here.
  std::vector<LoggedRequest> requests() const;
  // How many answered requests had `status`.
  std::size_t count_status(int status) const;

  bool stopping() const { return stopping_.load(); }
  // Sleeps up to `duration`, returning early (false) once stop() has begun.
  bool sleep_unless_stopping(std::chrono::milliseconds duration) const;

 private:
  std::string host_;
  int port_ = 0;
  WideBacklogServer server_;
  std::thread thread_;
  std::atomic<bool> started_{false};
  std::atomic<bool> stopping_{false};
  // Wakes the handlers sleeping in sleep_unless_stopping() when stop() begins.
  mutable std::mutex stop_mutex_;
  mutable std::condition_variable stop_wake_;
  mutable std::mutex log_mutex_;
  std::vector<LoggedRequest> log_;
};

// True for dotted-quad IPv4 addresses in 127.0.0.0/8.
bool is_loopback_ipv4(const std::string& host);

}  // namespace atip::testing
