// atip-test-server as scripts use it: a port file once listening, conditional GET, a clean exit
// on SIGTERM, and a refusal to listen beyond loopback.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "lib/net/http.hpp"
#include "tests/net/net_test_helpers.hpp"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// The tool is built next to the test binary's sibling `atip` (build/<preset>/tests/).
fs::path tool_path() { return ATIP_TEST_SERVER; }

pid_t spawn(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The "serving …" line is for people; keep it out of the test report.
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return failed ? -1 : pid;
}

// The exit status, or -1 when the process has not ended within `limit` (it is then killed).
int wait_bounded(pid_t pid, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(10ms);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_port_file(const fs::path& file, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(file);
    std::string port;
    if (in >> port) return port;
    std::this_thread::sleep_for(10ms);
  }
  return {};
}

TEST_CASE("net::atip-test-server: serves a directory with conditional GET, stops on SIGTERM") {
  REQUIRE(fs::exists(tool_path()));
  fs::path dir =
      fs::temp_directory_path() / ("atip-tool-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir / "feeds");
  std::ofstream(dir / "feeds" / "a.rss") << "<rss version=\"2.0\"><channel/></rss>";
  fs::path port_file = dir / "port";

  pid_t pid = spawn({tool_path().string(), "--dir", (dir / "feeds").string(), "--port-file",
                     port_file.string(), "--max-seconds", "30"});
  REQUIRE(pid > 0);
  std::string port = read_port_file(port_file, 5s);
  CHECK_FALSE(port.empty());
  if (!port.empty()) {
    std::string url = "http://127.0.0.1:" + port + "/a.rss";
    atip::net::Response first = atip::net::test::fetch_url(url);
    CHECK(first.ok());
    CHECK(first.content_type == "application/rss+xml");
    CHECK(first.body == "<rss version=\"2.0\"><channel/></rss>");
    atip::net::Request again{1, url, first.etag, first.last_modified};
    CHECK(atip::net::test::fetch_one(atip::net::test::quick_options(), again).not_modified());
    CHECK(atip::net::test::fetch_url("http://127.0.0.1:" + port + "/missing").status == 404);
  }
  kill(pid, SIGTERM);
  CHECK(wait_bounded(pid, 5s) == 0);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("net::atip-test-server: --precompress answers each file with its own bytes") {
  REQUIRE(fs::exists(tool_path()));
  fs::path dir =
      fs::temp_directory_path() / ("atip-tool-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir / "feeds");
  const std::string a = "<rss version=\"2.0\"><channel><title>A</title></channel></rss>";
  const std::string b = "<rss version=\"2.0\"><channel><title>" + std::string(5000, 'b') + "</title></channel></rss>";
  std::ofstream(dir / "feeds" / "a.rss") << a;
  std::ofstream(dir / "feeds" / "b.rss") << b;
  fs::path port_file = dir / "port";
  pid_t pid = spawn({tool_path().string(), "--dir", (dir / "feeds").string(), "--port-file",
                     port_file.string(), "--max-seconds", "30", "--precompress"});
  REQUIRE(pid > 0);
  std::string port = read_port_file(port_file, 5s);
  CHECK_FALSE(port.empty());
  if (!port.empty()) {
    // Twice each: the second answer comes from the same compressed copy.
    for (int round = 0; round < 2; ++round) {
      CHECK(atip::net::test::fetch_url("http://127.0.0.1:" + port + "/a.rss").body == a);
      CHECK(atip::net::test::fetch_url("http://127.0.0.1:" + port + "/b.rss").body == b);
    }
  }
  kill(pid, SIGTERM);
  CHECK(wait_bounded(pid, 5s) == 0);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("net::atip-test-server: exits by itself after --max-seconds") {
  REQUIRE(fs::exists(tool_path()));
  pid_t pid = spawn(
      {tool_path().string(), "--dir", fs::temp_directory_path().string(), "--max-seconds", "1"});
  REQUIRE(pid > 0);
  CHECK(wait_bounded(pid, 5s) == 0);
}

TEST_CASE("net::atip-test-server: refuses a host outside 127.0.0.0/8") {
  REQUIRE(fs::exists(tool_path()));
  pid_t pid = spawn({tool_path().string(), "--dir", fs::temp_directory_path().string(), "--host",
                     "0.0.0.0", "--max-seconds", "1"});
  REQUIRE(pid > 0);
  CHECK(wait_bounded(pid, 5s) == 2);
}

}  // namespace
