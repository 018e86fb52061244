// atip-test-server: serves a directory over HTTP on a loopback address with conditional GET,
// for scripts/demo and benchmarks. It exits by itself after --max-seconds so that a forgotten
// server never lingers.
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>

#include "tests/support/http_server.hpp"
#include "tests/support/static_files.hpp"

namespace {

constexpr const char* kUsage =
    "usage: atip-test-server --dir DIR [--host 127.0.0.1] [--port N] [--port-file FILE]\n"
    "                        [--max-seconds N] [--latency-ms N] [--stats-file FILE] [--precompress]\n"
    "--stats-file: on exit, write counts of requests, 200s, 304s, compressed answers and\n"
    "requests without a User-Agent, one 'name value' per line (for scripts/bench fetch).\n"
    "--precompress: gzip every file under DIR before listening, as a server with\n"
    "pre-compressed files would have them (for scripts/bench fetch).\n";

struct Options {
  std::string dir;
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  std::string port_file;
  std::string stats_file;
  long max_seconds = 600;
  long latency_ms = 0;
  bool precompress = false;
};

std::optional<long> to_number(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || value < 0) return std::nullopt;
  return value;
}

// Returns an error message, or "" when `argv` was understood.
std::string parse(int argc, char** argv, Options& options) {
  long port = 0;
  const std::map<std::string, std::string*> texts = {
      {"--dir", &options.dir}, {"--host", &options.host}, {"--port-file", &options.port_file},
      {"--stats-file", &options.stats_file}};
  const std::map<std::string, long*> numbers = {{"--port", &port},
                                                {"--max-seconds", &options.max_seconds},
                                                {"--latency-ms", &options.latency_ms}};
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "-h" || flag == "--help") return "help";
    if (flag == "--precompress") {
      options.precompress = true;
      continue;
    }
    if (i + 1 >= argc) return "missing value for '" + flag + "'";
    std::string value = argv[++i];
    if (auto text = texts.find(flag); text != texts.end()) {
      *text->second = value;
    } else if (auto number = numbers.find(flag); number != numbers.end()) {
      std::optional<long> parsed = to_number(value);
      if (!parsed) return "'" + flag + "' needs a non-negative number, not '" + value + "'";
      *number->second = *parsed;
    } else {
      return "unknown option '" + flag + "'";
    }
  }
  if (port > 65535) return "port out of range: " + std::to_string(port);
  options.port = static_cast<int>(port);
  if (options.dir.empty()) return "--dir is required";
  if (!std::filesystem::is_directory(options.dir)) return "not a directory: '" + options.dir + "'";
  if (!atip::testing::is_loopback_ipv4(options.host)) {
    return "refusing to listen on '" + options.host + "': only 127.0.0.0/8 is allowed";
  }
  return {};
}

// Written under a temporary name and renamed, so a script polling for it never reads half.
bool write_port_file(const std::string& path, int port) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary);
    out << port << '\n';
    if (!out.flush()) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

// Blocks until SIGTERM or SIGINT arrives or `seconds` pass; the signals were blocked in every
// thread beforehand, so they are only ever consumed here.
void wait_for_signal_or(const sigset_t& signals, long seconds) {
  timespec limit{static_cast<time_t>(seconds), 0};
  while (sigtimedwait(&signals, nullptr, &limit) < 0 && errno == EINTR) {
  }
}

bool write_stats(const std::string& path, const atip::testing::TestServer& server) {
  const auto log = server.requests();
  std::size_t compressed = 0, no_agent = 0, conditional = 0;
  for (const auto& r : log) {
    compressed += r.response_headers.count("Content-Encoding") > 0;
    no_agent += r.header("User-Agent").empty();
    conditional += !r.header("If-None-Match").empty() || !r.header("If-Modified-Since").empty();
  }
  std::ofstream out(path);
  out << "requests " << log.size() << "\nstatus_200 " << server.count_status(200) << "\nstatus_304 "
      << server.count_status(304) << "\ncompressed " << compressed << "\nconditional " << conditional
      << "\nno_user_agent " << no_agent << '\n';
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (std::string error = parse(argc, argv, options); error == "help") {
    std::cout << kUsage;
    return 0;
  } else if (!error.empty()) {
    std::cerr << "atip-test-server: error: " << error << '\n' << kUsage;
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts

  try {
    // Before the socket listens: whoever waits for the port finds the bodies compressed.
    if (options.precompress) atip::testing::precompress(options.dir);
    atip::testing::TestServer server(options.host, options.port);
    server.serve_directory(options.dir, {static_cast<int>(options.latency_ms)});
    server.start();
    if (!options.port_file.empty() && !write_port_file(options.port_file, server.port())) {
      std::cerr << "atip-test-server: error: cannot write '" << options.port_file << "'\n";
      return 1;
    }
    std::cout << "serving " << options.dir << " on " << server.url("/") << std::endl;
    wait_for_signal_or(signals, options.max_seconds);
    if (!options.stats_file.empty() && !write_stats(options.stats_file, server)) {
      std::cerr << "atip-test-server: error: cannot write '" << options.stats_file << "'\n";
      return 1;
    }
  } catch (const std::exception& e) {
    std::cerr << "atip-test-server: error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
