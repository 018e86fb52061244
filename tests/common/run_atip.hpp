#pragma once
// Runs the built atip binary (ATIP_BINARY) as a child process with a controlled environment,
// capturing exit status, stdout and stderr. For end-to-end tests.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/common/temp_dir.hpp"

extern char** environ;

namespace atip::testing {

struct RunResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out, err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The argv and envp of a child running the built atip (ATIP_BINARY): `env` entries override
// (or, with an empty value, remove) variables of this process's environment. The pointers
// stay valid as long as the object lives.
class AtipExec {
 public:
  AtipExec(const std::vector<std::string>& args, const std::map<std::string, std::string>& env)
      : binary_(ATIP_BINARY), args_(args) {
    for (char** e = environ; *e; ++e) {
      const std::string entry(*e);
      if (!env.count(entry.substr(0, entry.find('=')))) env_.push_back(entry);
    }
    for (const auto& [name, value] : env)
      if (!value.empty()) env_.push_back(name + "=" + value);
    argv_.push_back(binary_.data());
    for (auto& a : args_) argv_.push_back(a.data());
    argv_.push_back(nullptr);
    for (auto& s : env_) envp_.push_back(s.data());
    envp_.push_back(nullptr);
  }
  AtipExec(const AtipExec&) = delete;
  AtipExec& operator=(const AtipExec&) = delete;

  const char* binary() const { return binary_.c_str(); }
  char* const* argv() { return argv_.data(); }
  char* const* envp() { return envp_.data(); }

 private:
  std::string binary_;
  std::vector<std::string> args_, env_;
  std::vector<char*> argv_, envp_;
};

// `env` as in AtipExec. Standard input is /dev/null unless `stdin_file` is given.
inline RunResult run_atip(const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {},
                          const std::string& stdin_file = "/dev/null") {
  TempDir io;
  const std::string out_path = io.file("out"), err_path = io.file("err");
  AtipExec exec(args, env);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_file.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, exec.binary(), &actions, nullptr, exec.argv(), exec.envp());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error(std::string("cannot run atip: ") + std::strerror(rc));
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  RunResult r;
  r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  return r;
}

}  // namespace atip::testing
