#pragma once
// A TCP server on 127.0.0.1 that runs a script per connection, for the misbehaviour an HTTP
// library will not produce: a body shorter than its Content-Length, a reply that never comes,
// bytes dripping below any sane rate. Scripts get the socket and a stop flag; they must return
// soon after the flag is set (use RawServer::pause), so the destructor's join is bounded.
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace atip::testing {

class RawServer {
 public:
  using Script = std::function<void(int socket, const std::atomic<bool>& stopping)>;

  // Listens on 127.0.0.1, a free port; throws std::runtime_error when it cannot.
  explicit RawServer(Script script);
  ~RawServer();
  RawServer(const RawServer&) = delete;
  RawServer& operator=(const RawServer&) = delete;

  int port() const { return port_; }
  std::string url(std::string_view path = "/") const;
  int connections() const { return connections_.load(); }

  // Reads the request head (up to the blank line), waiting at most `limit`; "" on time-out.
  static std::string read_request(int socket, std::chrono::milliseconds limit);
  // Writes all of `bytes`; false when the peer has gone.
  static bool send_all(int socket, std::string_view bytes);
  // Sleeps up to `duration` in small steps; false when `stopping` was set meanwhile.
  static bool pause(const std::atomic<bool>& stopping, std::chrono::milliseconds duration);

 private:
  void accept_loop();

  Script script_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread acceptor_;
  std::mutex workers_mutex_;
  std::vector<std::thread> workers_;
};

// A port on 127.0.0.1 that nobody listens on: bound, then released. Another process could take
// it in between; on a test machine that is rare enough.
int unused_port();

}  // namespace atip::testing
