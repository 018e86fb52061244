#pragma once
// What every command runs with: where the catalogue is, where output goes, what time it is.
// Built once in cmd/main.cpp; tests build their own.
#include <iosfwd>
#include <string>

#include "lib/util/time.hpp"

namespace atip::app {

struct Config;

struct Context {
  std::string db_path;  // resolved catalogue path (the `catalogue` setting, see config.hpp)
  std::ostream& out;
  std::ostream& err;
  const util::Clock& clock;
  bool out_is_terminal = false;
  int terminal_width = 80;
  bool color = false;  // out is a terminal and NO_COLOR is not set
  const Config* config = nullptr;  // the configuration in force (see config.hpp); none in tests
};

// For the commands that write to a catalogue but have no business creating one (fetch, mark,
// retag, …): throws atip::Error (exit 3) telling a new user to run `atip init` when there is
// no file at `path`, rather than letting the store create an empty catalogue.
void require_catalogue(const std::string& path);

}  // namespace atip::app
