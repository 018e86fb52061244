#pragma once
// Helpers shared by the lib/feed tests: reading fixtures from the source tree.
#include <fstream>
#include <sstream>
#include <string>

namespace atip::feed::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(ATIP_SOURCE_DIR) + "/" + relative;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace atip::feed::testing
