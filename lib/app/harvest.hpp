#pragma once
// OAI-PMH harvesting (`atip feeds add --oai BASE_URL [--set S]` stores a feed of kind "oai"):
// ListRecords with oai_dc, page after page by resumption token, each page stored as it
// arrives, deleted records withdrawn. A harvest that went through the whole list remembers
// the day of its first response as harvested_until, and the next one asks only for what
// changed from that day on (from=YYYY-MM-DD, the granularity every repository accepts;
// re-reading that one day is harmless, storing is idempotent). A harvest cut short (an
// error, a broken token chain, a signal) keeps what it stored and starts from the same date
// next time. Failures, back-off, Retry-After and the report are those of feeds (fetch.hpp).
#include <cstdint>
#include <string>

#include "lib/app/fetch.hpp"
#include "lib/net/http.hpp"
#include "lib/store/catalogue.hpp"
#include "lib/util/time.hpp"

namespace atip::app {

struct HarvestLimits {
  // A repository of 10,000 pages holds a million records; more is a server going round.
  int max_pages = 10'000;
  // A 503 or 429 asking to come back within this many seconds (OAI-PMH repositories use it
  // for flow control between pages) is waited out, at most `max_waits` times per page;
  // a longer one ends the harvest as a failure with the next attempt at the asked time.
  std::int64_t max_inline_wait_s = 30;
  int max_waits = 3;
};

// Harvests every enabled OAI-PMH source that is due (with options.only_feed: that one, if it
// is an OAI source, whatever its back-off), one request at a time with `http`; with
// options.force, the whole list, ignoring harvested_until. Adds one
// FeedResult per source to `report` (in `feeds`, `due`, `failed`, `skipped` and the counts)
// and calls options.on_progress after each. With options.stop set, stops between pages and
// sets report.interrupted; the source being harvested then keeps what was stored and is not
// recorded as fetched. Catalogue failures throw.
void run_harvest(store::Catalogue& catalogue, net::HttpClient& http, const FetchOptions& options,
                 const util::Clock& clock, FetchReport& report, const HarvestLimits& limits = {});

// BASE?verb=ListRecords&metadataPrefix=oai_dc[&set=S][&from=F], values percent-encoded.
std::string list_records_url(const std::string& base, const std::string& set, const std::string& from);
// BASE?verb=ListRecords&resumptionToken=T: the token is the only other argument allowed.
std::string resume_url(const std::string& base, const std::string& token);

}  // namespace atip::app
