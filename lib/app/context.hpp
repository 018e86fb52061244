#pragma once
// What every command runs with: where the catalogue is, where output goes, what time it is.
// Built once in cmd/main.cpp; tests build their own.
#include <iosfwd>
#include <string>

#include "lib/util/time.hpp"

namespace atip::app {

struct Context {
  std::string db_path;  // resolved catalogue path (see catalogue_path())
  std::ostream& out;
  std::ostream& err;
  const util::Clock& clock;
  bool out_is_terminal = false;
  int terminal_width = 80;
  bool color = false;  // out is a terminal and NO_COLOR is not set
};

// The catalogue path: `cli_db` when given, else $ATIP_DB, else $XDG_DATA_HOME/atip/catalogue.db,
// else ~/.local/share/atip/catalogue.db. Throws atip::Error when none can be formed (no HOME).
std::string catalogue_path(const std::string& cli_db);

}  // namespace atip::app
