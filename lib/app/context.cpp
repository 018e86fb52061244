#include "lib/app/context.hpp"

#include <cstdlib>

#include "lib/util/error.hpp"

namespace atip::app {

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}
}  // namespace

std::string catalogue_path(const std::string& cli_db) {
  if (!cli_db.empty()) return cli_db;
  if (std::string db = env("ATIP_DB"); !db.empty()) return db;
  // XDG Base Directory: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (std::string xdg = env("XDG_DATA_HOME"); !xdg.empty() && xdg.front() == '/')
    return xdg + "/atip/catalogue.db";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.local/share/atip/catalogue.db";
  throw Error("cannot find the catalogue: set HOME, XDG_DATA_HOME or ATIP_DB, or pass --db", kExitUsage);
}

}  // namespace atip::app
