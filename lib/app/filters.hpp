#pragma once
// The filters that search, export and stats share, as typed on the command line, and their
// translation into a store::Selection.
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/catalog/tagger.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

struct Filters {
  std::string since, until;  // YYYY-MM-DD, YYYY-MM, YYYY, or relative: 30d, 2w, 6m, 1y
  std::string month;         // YYYY-MM: the whole month (sets since and until)
  std::vector<std::string> feeds;  // ids or URLs
  std::vector<std::string> topics, areas, countries, types, languages, states;
  bool all = false;  // also documents the tagger scored below the relevance threshold
  double min_relevance = catalog::kRelevantThreshold;  // --min-relevance, relevance-threshold
};

// Everything but the feeds, checked before any catalogue is opened: throws atip::Error
// (exit 2) for an unreadable date or an unknown state, naming the flag.
store::Selection to_selection(const Context& ctx, const Filters& filters);

// Adds the feeds of `filters` to `selection`; throws atip::Error for a feed that is not in the
// catalogue (exit 1), and for a tag that no document has and the vocabulary does not name
// (exit 2, listing the vocabulary's).
void resolve_filters(store::Catalogue& catalogue, const Filters& filters, store::Selection& selection);

// The FTS5 expression for a user's query; a malformed or empty query is an atip::Error (exit 2)
// that says where the problem is.
// With `expand`, terms of the watch vocabulary also match their equivalents in the other
// languages (see expand.hpp).
std::string search_expression(const std::string& query, bool expand = false);

// Reads a --since/--until value: a date (see util::parse_cli_date) or an age before `now`
// ("30d", "2w", "6m", "1y"). `end` picks the end of a date's period.
std::optional<util::UnixTime> parse_when(const std::string& value, util::UnixTime now, bool end);

}  // namespace atip::app
