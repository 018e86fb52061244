#pragma once
// Screening (`atip mark`) and statistics (`atip stats`).
#include <optional>
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/app/filters.hpp"

namespace atip::app {

struct MarkOptions {
  std::vector<std::int64_t> ids;
  std::optional<std::string> state;  // "included", "excluded", "maybe", "new"
  std::optional<bool> starred;
  std::optional<std::string> note;
};

// Marks the documents; throws atip::Error naming the ids that do not exist (the others are
// still marked), and exit 2 when nothing is asked.
void mark(Context& ctx, const MarkOptions& options);

enum class StatsFormat { Table, Tsv, Json };

struct StatsOptions {
  std::string by = "month";  // month, topic, area, country, feed, lang, type
  Filters filters;
  StatsFormat format = StatsFormat::Table;
};

// Prints document counts: bars on a terminal, TSV when piped, or JSON.
void stats(Context& ctx, const StatsOptions& options);

}  // namespace atip::app
