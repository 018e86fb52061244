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
};

// Reads every outline that has an xmlUrl, at any depth; folders (outlines without xmlUrl)
// become categories of the feeds inside them. Throws atip::Error naming the line of the
// problem when the bytes are not OPML.
std::vector<Outline> read(std::string_view bytes);

// Writes an OPML 2.0 document with one outline per feed, categories in the category attribute.
void write(std::ostream& out, const std::string& title, const std::vector<Outline>& outlines);

}  // namespace atip::opml
