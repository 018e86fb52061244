#pragma once
// Which watch vocabulary this run tags with: $ATIP_VOCABULARY (a folder of .tsv files), else
// $XDG_CONFIG_HOME/atip/vocabulary/ (~/.config/atip/vocabulary/) when it exists, else the one
// compiled into atip from feeds/vocabulary/. Format: feeds/vocabulary/README.md.
#include <string>

#include "lib/catalog/vocabulary.hpp"

namespace atip::app {

struct LoadedVocabulary {
  catalog::Vocabulary vocabulary;
  std::string origin;  // the folder it was read from, or "built in"
};

// Loads once per process. Throws atip::Error naming the file and line of a malformed line.
const LoadedVocabulary& vocabulary();

}  // namespace atip::app
