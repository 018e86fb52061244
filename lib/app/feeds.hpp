#pragma once
// Managing publishers: the work behind `atip feeds …`.
#include <optional>
#include <string>
#include <vector>

#include "lib/app/context.hpp"

namespace atip::app {

struct AddFeedResult {
  std::int64_t id = 0;
  bool added = false;  // false: the URL was already there
};

// Adds one feed URL (http or https only). Throws atip::Error for an unusable URL.
AddFeedResult add_feed(Context& ctx, const std::string& url, const std::string& title,
                       const std::vector<std::string>& tags);

enum class ListFormat { Table, Tsv, Json };
void list_feeds(Context& ctx, ListFormat format);

// Removes a feed by id or URL; its documents stay in the catalogue. Throws when not found.
void remove_feed(Context& ctx, const std::string& id_or_url);

struct ImportResult {
  int added = 0, already = 0, skipped = 0;
};
// Imports the feeds of an OPML file ("-" for stdin); outlines with unusable URLs are skipped
// with a warning on ctx.err.
ImportResult import_opml(Context& ctx, const std::string& file);

// Writes every feed as OPML 2.0 to ctx.out.
void export_opml(Context& ctx);

// Checks that a feed URL is one atip can fetch; returns the reason when it is not.
std::optional<std::string> unusable_feed_url(const std::string& url);

}  // namespace atip::app
