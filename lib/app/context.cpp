#include "lib/app/context.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "lib/util/error.hpp"

namespace atip::app {

void require_catalogue(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return;
  throw Error(fmt::format("no catalogue at '{}'; to start one with the default feeds, run: atip init", path),
              kExitCatalogue);
}

}  // namespace atip::app
