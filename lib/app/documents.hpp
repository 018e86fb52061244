#pragma once
// The read side: search and show over the catalogue (export: lib/app/export.hpp).
#include <optional>
#include <string>

#include "lib/app/context.hpp"
#include "lib/app/filters.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

enum class SearchFormat { Table, Tsv, Csv, Json };
enum class SearchSort { Rank, Date };

struct SearchOptions {
  std::string query;
  Filters filters;
  int limit = 20;
  SearchFormat format = SearchFormat::Table;
  SearchSort sort = SearchSort::Rank;
  bool expand = false;  // also the vocabulary's equivalents in the other languages
};

// Prints the best matches, best first (or newest first). A malformed query is an atip::Error
// (exit 2) that says where the problem is. Table output on a terminal is fitted to its width
// with the matched words in bold (unless NO_COLOR); piped, it is TSV. Returns the number of
// documents found.
int search(Context& ctx, const SearchOptions& options);

// Prints one document with every sighting and earlier revision. Throws when there is none.
void show(Context& ctx, std::int64_t id);
// The same as one JSON object (lib/app/show_json.cpp): export's fields plus "revisions".
void show_json(Context& ctx, std::int64_t id);

}  // namespace atip::app
