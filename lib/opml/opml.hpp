#pragma once
// OPML 2.0, the feed-list format every feed reader imports and exports.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace atip::opml {

struct Outline {
  std::string xml_url;   // the feed
  std::string title;
  std::string html_url;  // the publisher's site
  std::vector<std::string> categories;  // from the category attribute and enclosing folders
  // atip's sources without a feed, kept through an OPML round trip: "page" (a watched HTML
  // page, with its selector and pattern) or "oai" (an OAI-PMH archive, with its set). Written
  // as type="atip-page"/"atip-oai" with the address in `url`, not xmlUrl, so other readers do
  // not take them for feeds.
  std::string kind = "feed";
  std::string select{}, match{}, set{};
};

// Reads every outline that has an xmlUrl (or is one of atip's other sources), at any depth; folders (outlines without xmlUrl)
// become categories of the feeds inside them. Throws atip::Error naming the line of the
// problem when the bytes are not OPML.
std::vector<Outline> read(std::string_view bytes);

// Writes an OPML 2.0 document with one outline per feed, categories in the category attribute.
void write(std::ostream& out, const std::string& title, const std::vector<Outline>& outlines);

}  // namespace atip::opml
