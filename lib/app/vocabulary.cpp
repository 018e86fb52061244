#include "lib/app/vocabulary.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "lib/util/embedded.hpp"

namespace atip::app {

namespace {

std::string configured_folder() {
  if (const char* dir = std::getenv("ATIP_VOCABULARY"); dir && *dir) return dir;
  std::string base;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/')
    base = xdg;
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = std::string(home) + "/.config";
  if (base.empty()) return {};
  const std::string dir = base + "/atip/vocabulary";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

LoadedVocabulary load() {
  const std::string dir = configured_folder();
  if (!dir.empty()) return {catalog::load_vocabulary(dir), dir};
  std::vector<catalog::VocabularySource> sources;
  for (const auto& f : embedded::vocabulary_files()) sources.push_back({std::string(f.name), f.text});
  return {catalog::parse_vocabulary(sources), "built in"};
}

}  // namespace

const LoadedVocabulary& vocabulary() {
  static const LoadedVocabulary loaded = load();
  return loaded;
}

}  // namespace atip::app
