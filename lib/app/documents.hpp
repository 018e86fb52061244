#pragma once
// The read side: search, show and export over the catalogue.
#include <optional>
#include <string>

#include "lib/app/context.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

enum class SearchFormat { Table, Json };

struct SearchOptions {
  std::string query;
  int limit = 20;
  SearchFormat format = SearchFormat::Table;
};

// Prints the best matches, best first. A malformed query is an atip::Error (exit 2) that says
// where the problem is. Returns the number of documents found.
int search(Context& ctx, const SearchOptions& options);

// Prints one document with every sighting and earlier revision. Throws when there is none.
void show(Context& ctx, std::int64_t id);

struct ExportOptions {
  std::string format = "md";
  std::optional<util::UnixTime> since, until;
  std::string output;  // file; empty for ctx.out
};

// Writes the selected documents; to a file all-or-nothing. Returns the number written.
long export_documents(Context& ctx, const ExportOptions& options);

}  // namespace atip::app
