#pragma once
// Data files compiled into the binary (cmake/embed_files.cmake), so an installed atip works
// without looking for them on disk.
#include <string_view>
#include <vector>

namespace atip::util {

struct EmbeddedFile {
  std::string_view name;  // file name without folders, e.g. "topics.tsv"
  std::string_view text;
};

}  // namespace atip::util

namespace atip::embedded {

// schema/NNNN_name.sql, in order: the number is the schema level a file produces.
const std::vector<util::EmbeddedFile>& schema_files();

// feeds/vocabulary/*.tsv, in name order.
const std::vector<util::EmbeddedFile>& vocabulary_files();

// feeds/default.opml, the publishers `atip init` subscribes to (one file).
const std::vector<util::EmbeddedFile>& default_feeds();

}  // namespace atip::embedded
