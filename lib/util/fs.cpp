#include "lib/util/fs.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "lib/util/error.hpp"

namespace atip::util {

std::string read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(fmt::format("cannot read '{}': it is a directory", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  return bytes;
}

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto kind = fs::status(path, ec).type();
  if (!ec && kind != fs::file_type::regular && kind != fs::file_type::not_found) {
    if (kind == fs::file_type::directory)
      throw Error(fmt::format("cannot write '{}': it is a directory", path));
    std::ofstream out(path, std::ios::binary);
    if (!out) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    write(out);
    out.flush();
    if (!out) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    return;
  }
  const std::string target = fs::is_symlink(path, ec) ? fs::canonical(path, ec).string() : path;
  const std::string tmp = fmt::format("{}.tmp-{}", target.empty() ? path : target, ::getpid());
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
      write(out);
      out.flush();
      if (!out) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    }
    if (std::rename(tmp.c_str(), (target.empty() ? path : target).c_str()) != 0)
      throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
}

}  // namespace atip::util
