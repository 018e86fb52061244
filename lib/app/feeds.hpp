#pragma once
// Managing publishers: the work behind `atip feeds …`.
#include <optional>
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/opml/opml.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

struct AddFeedResult {
  std::int64_t id = 0;
  bool added = false;  // false: the URL was already there
  std::string url;     // the feed subscribed to: the one advertised when `url` was a page
};

// Adds one feed URL (http or https only). With `check`, fetches it first: a page that
// advertises feeds subscribes to the first one (said on ctx.err); a page that advertises none
// is refused; when the URL cannot be fetched now it is added as given, with a warning. Throws
// atip::Error for an unusable URL.
AddFeedResult add_feed(Context& ctx, const std::string& url, const std::string& title,
                       const std::vector<std::string>& tags, bool check = true);

// A source without a feed: an HTML page watched for new links (kind "page": `select` is a CSS
// selector for the part of the page holding the items, `match` a pattern links must match) or
// an OAI-PMH repository harvested in full, then incrementally (kind "oai": `set` a setSpec).
struct SourceSpec {
  std::string kind;  // "page" or "oai"
  std::string select, match, set;
};
// Adds such a source as given (it is not fetched now: `atip fetch --feed` tries it). Throws
// atip::Error for an unusable URL, selector or pattern.
AddFeedResult add_source(Context& ctx, const std::string& url, const std::string& title,
                         const std::vector<std::string>& tags, const SourceSpec& spec);

// The feed URL to subscribe to for `url` (see add_feed); throws atip::Error for a page
// without feeds.
std::string feed_url_for(Context& ctx, const std::string& url);

// Enables or disables a feed by id or URL (enabling clears its back-off). Returns false when
// it already was so. Throws when not found.
bool set_feed_enabled(Context& ctx, const std::string& id_or_url, bool enabled);

// `atip feeds check`: fetches each feed (ids or URLs; URLs not in the catalogue are checked
// as they are; none: every feed) without storing, and reports what it really serves: status,
// redirects, content type, format and root element, encoding, entries, advertised feeds.
// Returns the number of URLs that did not serve a usable feed.
int check_feeds(Context& ctx, const std::vector<std::string>& targets);

enum class ListFormat { Table, Tsv, Json };
// Every feed with its health: state, last attempt and success, HTTP status, failures in a
// row, next attempt, documents stored and new in the last 30 days (by ctx.clock).
void list_feeds(Context& ctx, ListFormat format);

// Removes a feed by id or URL; its documents stay in the catalogue. Throws when not found.
void remove_feed(Context& ctx, const std::string& id_or_url);

struct ImportResult {
  int added = 0, already = 0, skipped = 0;
};
// Imports the feeds of an OPML file ("-" for stdin); outlines with unusable URLs are skipped
// with a warning on ctx.err.
ImportResult import_opml(Context& ctx, const std::string& file);
// The same over OPML text; `file` names it in messages.
ImportResult import_opml_text(Context& ctx, const std::string& bytes, const std::string& file);

// A source as an OPML outline (kind, selector, pattern and set included).
opml::Outline outline_of(const store::FeedRow& feed);

struct InitResult {
  bool existed = false;  // the catalogue was there already
  ImportResult import;
};
// `atip init`: creates the catalogue (at the current schema level) and subscribes to the
// default feeds compiled in from feeds/default.opml; running it again adds nothing.
InitResult init_catalogue(Context& ctx);

// Writes every feed as OPML 2.0 to ctx.out.
void export_opml(Context& ctx);

// Checks that a feed URL is one atip can fetch; returns the reason when it is not.
std::optional<std::string> unusable_feed_url(const std::string& url);

}  // namespace atip::app
