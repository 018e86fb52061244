#pragma once
// atip add URL: one document catalogued by hand (a PDF report, a page without a feed). What the
// page says about itself (html/page_meta.hpp) fills what the options leave out; the record goes
// through the same identity rules as feed entries, with origin "hand": a work already in the
// catalogue (same canonical URL, DOI or near-identical title) gets a sighting, not a twin.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lib/app/context.hpp"
#include "lib/net/http.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::app {

struct AddOptions {
  std::string url;
  std::optional<std::string> title, date, type, lang, note;
  std::vector<std::string> countries;  // ISO codes, as in the vocabulary ("MX", "br")
  std::vector<std::string> authors;
  std::string format = "text";  // "text" or "json"
};

struct AddResult {
  store::EntryOutcome outcome;
  store::EntryRecord record;
  std::vector<std::string> warnings;
};

// Fetches the URL (one GET through `http`), builds the record and stores it. Throws atip::Error
// for a bad option (exit 2) and when a title can be had neither from the page nor from --title.
AddResult add_document(store::Catalogue& catalogue, net::HttpClient& http, const AddOptions& options,
                       store::Time now);

// The command: opens the catalogue, fetches with the fetch.* limits and user agent of the
// configuration in force, prints the document id and title (or JSON), warnings on ctx.err.
int add_command(Context& ctx, const AddOptions& options);

}  // namespace atip::app
