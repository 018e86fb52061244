#pragma once
// A parsed feed as plain data: what lib/feed hands to the rest of atip. Pure values, no I/O.
// All strings are valid UTF-8. Times are UTC seconds since the epoch.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace atip::feed {

enum class Format { Unknown, Rss090, Rss091, Rss092, Rss093, Rss094, Rss10, Rss20, Atom03, Atom10, JsonFeed };

// "rss0.9x", "rss1.0", "rss2.0", "atom0.3", "atom1.0", "json1", "unknown" (ATIP_JSON.md names).
const char* format_name(Format f) noexcept;

// How a text construct is encoded; Html and Xhtml values hold markup.
enum class TextType { Text, Html, Xhtml };
const char* text_type_name(TextType t) noexcept;

struct Person {
  std::string name;
  std::string email;
  std::string uri;
};

struct Enclosure {
  std::string url;  // absolute when a base was known
  std::string type;
  std::optional<std::int64_t> length;
};

// An Atom-style <link> kept with its attributes (atom:link, or xhtml:link inside RSS items).
struct Link {
  std::string href;  // resolved against xml:base / base URL
  std::string hreflang;
  std::string type;
  std::string title;
};

// A date as found in the feed: `time` is empty when the raw text could not be read,
// never guessed.
struct Date {
  std::optional<std::int64_t> time;
  std::string raw;
};

struct Entry {
  std::string id;  // guid / atom:id / rdf:about, trimmed, verbatim; may be empty
  std::string title;
  TextType title_type = TextType::Text;
  std::string link;  // alternate link, resolved against xml:base / base URL
  Date published;
  Date updated;
  std::vector<Person> authors;
  std::string summary;
  TextType summary_type = TextType::Text;
  std::string content;
  TextType content_type = TextType::Text;
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::string language;  // entry xml:lang, if any

  // Every link rel="alternate" (or without rel) with an href, in document order, including the
  // one chosen as `link`: translations and other renderings of the entry declare themselves
  // with `hreflang` and `type`. A plain RSS <link> is only in `link`.
  std::vector<Link> alternates;
  // Atom link rel="related": another work the entry points to, not another edition of it.
  std::vector<Link> related;
  // dc:relation / dcterms:relation values (text, else rdf:resource), trimmed, not resolved.
  std::vector<std::string> relations;
  // dc:identifier / dcterms:identifier and prism:doi values, trimmed, verbatim ("doi:10.…",
  // "https://doi.org/10.…", an ISBN …): the catalogue extracts DOIs from them.
  std::vector<std::string> identifiers;

  // Derived by the parser (see identity.hpp): a stable key within the feed and a hash that
  // changes when the title, summary or link changes.
  std::string key;
  std::string content_hash;
};

struct Feed {
  Format format = Format::Unknown;
  std::string encoding;   // charset actually used to decode the bytes, lower-case
  bool wellformed = true;  // false when the parser had to recover
  std::vector<std::string> warnings;

  std::string title;
  TextType title_type = TextType::Text;
  std::string link;  // the publisher's home page
  std::string description;
  std::string language;
  Date updated;
  Date published;
  std::vector<Entry> entries;  // document order
};

}  // namespace atip::feed
