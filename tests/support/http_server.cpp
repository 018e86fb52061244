#include "tests/support/http_server.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <stdexcept>

#include "tests/support/static_files.hpp"

namespace atip::testing {
namespace {

// Enough workers that parallelism tests measure the client, not the server's pool.
constexpr std::size_t kWorkers = 24;
constexpr int kBacklog = 256;
constexpr auto kBoundedWait = std::chrono::seconds(5);

// Waits, in small steps and at most kBoundedWait, until `condition` holds.
template <typename Condition>
bool wait_for(Condition condition) {
  auto deadline = std::chrono::steady_clock::now() + kBoundedWait;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

}  // namespace

bool is_loopback_ipv4(const std::string& host) {
  in_addr address{};
  if (inet_pton(AF_INET, host.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

bool WideBacklogServer::widen_backlog(int backlog) {
  return ::listen(svr_sock_.load(), backlog) == 0;
}

std::string LoggedRequest::header(const std::string& name) const {
  auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

ConcurrencyGauge::Scope::Scope(ConcurrencyGauge& gauge) : gauge_(gauge) {
  int now = ++gauge_.current_;
  int seen = gauge_.max_.load();
  while (now > seen && !gauge_.max_.compare_exchange_weak(seen, now)) {
  }
}

ConcurrencyGauge::Scope::~Scope() { --gauge_.current_; }

TestServer::TestServer(std::string host, int port) : host_(std::move(host)) {
  if (!is_loopback_ipv4(host_)) {
    throw std::invalid_argument("test server only listens on 127.0.0.0/8, not '" + host_ + "'");
  }
  server_.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  // Idle keep-alive connections hold a worker; a short time-out keeps stop() quick.
  server_.set_keep_alive_timeout(1);
  // httplib sends headers and body in separate writes; with Nagle on, the body waits for the
  // client's delayed ACK (40 ms a response).
  server_.set_tcp_nodelay(true);
  // The post-routing handler runs after the handler and before the response is written (the
  // logger would run after, racing with a client that already has its answer).
  server_.set_post_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(log_mutex_);
        log_.push_back(LoggedRequest{request.method, request.path, request.headers, response.status,
                                     response.headers});
      });
  port_ =
      port == 0 ? server_.bind_to_any_port(host_) : (server_.bind_to_port(host_, port) ? port : -1);
  if (port_ <= 0 || !server_.widen_backlog(kBacklog)) {
    throw std::runtime_error("cannot listen on " + host_ + " port " + std::to_string(port));
  }
}

TestServer::~TestServer() { stop(); }

httplib::Server& TestServer::server() {
  if (started_) throw std::logic_error("TestServer: add handlers before start()");
  return server_;
}

void TestServer::serve_directory(const std::filesystem::path& dir, DirectoryOptions options) {
  server().Get(".*",
               [this, dir, options](const httplib::Request& request, httplib::Response& response) {
                 if (options.latency_ms > 0)
                   sleep_unless_stopping(std::chrono::milliseconds(options.latency_ms));
                 answer_from_directory(dir, request, response);
               });
}

void TestServer::start() {
  if (started_) throw std::logic_error("TestServer: started twice");
  started_ = true;
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // The socket already accepts connections; waiting for the accept loop makes stop() reliable.
  if (!wait_for([this] { return server_.is_running(); })) {
    stop();
    throw std::runtime_error("test server did not start");
  }
}

void TestServer::stop() {
  // A server that never started still holds its bound socket, which only the accept loop's
  // shutdown closes: start it so that stop() releases the port.
  if (!started_) {
    try {
      start();
    } catch (const std::exception&) {
      // The port stays bound until exit; nothing better to do in a destructor.
    }
  }
  {
    std::lock_guard lock(stop_mutex_);
    stopping_ = true;
  }
  stop_wake_.notify_all();
  if (!thread_.joinable()) return;
  // stop() is a no-op until the accept loop runs; start() normally waited for that already.
  wait_for([this] { return server_.is_running(); });
  server_.stop();
  thread_.join();
}

std::string TestServer::url(std::string_view path) const {
  std::string result = "http://" + host_ + ":" + std::to_string(port_);
  if (path.empty() || path.front() != '/') result += '/';
  result += path;
  return result;
}

std::vector<LoggedRequest> TestServer::requests() const {
  std::lock_guard lock(log_mutex_);
  return log_;
}

std::size_t TestServer::count_status(int status) const {
  std::lock_guard lock(log_mutex_);
  std::size_t count = 0;
  for (const auto& entry : log_) count += entry.status == status;
  return count;
}

// One wait rather than a 5 ms polling loop: the fetch benchmark keeps 32 requests asleep here
// at a time, and their twenty wake-ups each, on the two cores the client runs on, slowed the
// client measured; the polling also added up to 5 ms to every answer.
bool TestServer::sleep_unless_stopping(std::chrono::milliseconds duration) const {
  std::unique_lock lock(stop_mutex_);
  return !stop_wake_.wait_for(lock, duration, [this] { return stopping_.load(); });
}

}  // namespace atip::testing
