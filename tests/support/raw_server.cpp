#include "tests/support/raw_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace atip::testing {
namespace {

constexpr int kStepMs = 10;

// A socket bound to 127.0.0.1 on a free port; returns the descriptor and sets `port`.
int bind_loopback(int& port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("cannot create a socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

bool readable(int fd, int timeout_ms) {
  pollfd entry{fd, POLLIN, 0};
  return ::poll(&entry, 1, timeout_ms) > 0;
}

}  // namespace

RawServer::RawServer(Script script) : script_(std::move(script)) {
  listener_ = bind_loopback(port_);
  if (::listen(listener_, 64) != 0) {
    ::close(listener_);
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  acceptor_ = std::thread([this] { accept_loop(); });
}

RawServer::~RawServer() {
  stopping_ = true;
  acceptor_.join();
  for (auto& worker : workers_) worker.join();  // the acceptor has ended: no new workers
  ::close(listener_);
}

void RawServer::accept_loop() {
  while (!stopping_) {
    if (!readable(listener_, kStepMs)) continue;
    int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++connections_;
    std::lock_guard lock(workers_mutex_);
    workers_.emplace_back([this, fd] {
      script_(fd, stopping_);
      ::close(fd);
    });
  }
}

std::string RawServer::url(std::string_view path) const {
  std::string result = "http://127.0.0.1:" + std::to_string(port_);
  if (path.empty() || path.front() != '/') result += '/';
  result += path;
  return result;
}

std::string RawServer::read_request(int socket, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  std::string head;
  char buffer[1024];
  while (head.find("\r\n\r\n") == std::string::npos) {
    if (std::chrono::steady_clock::now() > deadline) return {};
    if (!readable(socket, kStepMs)) continue;
    ssize_t n = ::recv(socket, buffer, sizeof buffer, 0);
    if (n <= 0) return {};
    head.append(buffer, static_cast<std::size_t>(n));
  }
  return head;
}

bool RawServer::send_all(int socket, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(socket, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool RawServer::pause(const std::atomic<bool>& stopping, std::chrono::milliseconds duration) {
  auto deadline = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < deadline) {
    if (stopping) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(kStepMs));
  }
  return !stopping;
}

int unused_port() {
  int port = 0;
  ::close(bind_loopback(port));
  return port;
}

}  // namespace atip::testing
