#pragma once
// Export writers: each format is a small Writer fed the selected documents one by one, so an
// export streams whatever the size of the catalogue. Every string from a feed is escaped for
// the format it is written in.
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/opml/opml.hpp"
#include "lib/store/catalogue.hpp"

namespace atip::exporter {

enum class Format { Markdown, Html, Csv, Tsv, Json, Jsonl, Bibtex, Ris, CslJson, Atom, Opml };

// "md"/"markdown", "html", "csv", "tsv", "json", "jsonl", "bibtex"/"bib", "ris", "csljson",
// "atom", "opml"; nothing for an unknown name.
std::optional<Format> parse_format(const std::string& name);
// The canonical names, for messages and --help.
const std::vector<std::string>& format_names();

enum class GroupBy { Topic, Country, Type, Feed };
std::optional<GroupBy> parse_group_by(const std::string& name);

// Everything a writer may need beyond the documents: the digest's heading and aggregates
// (computed by the store before the documents stream), and the feeds for OPML.
struct DigestInfo {
  std::string title;  // empty: the digest's default title in `lang`
  std::string lang = "en";  // the digest's own headings: en, es, pt, fr
  std::optional<store::Time> since, until;
  store::Time generated_at = 0;
  GroupBy group_by = GroupBy::Topic;
  bool bom = false;  // CSV/TSV: start with a UTF-8 byte order mark
  store::DigestCounts counts;
  std::vector<store::Count> by_topic, by_country, by_language;
  std::map<std::int64_t, opml::Outline> feeds;  // by feed id
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin() {}
  virtual void write(const store::Document& document) = 0;
  virtual void end() {}
};

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, const DigestInfo& info);

// The order a format wants its documents in: digests by group, the rest newest first.
store::Selection::Order order_for(Format format, GroupBy group_by = GroupBy::Topic);
// The tag family a digest groups by ("topic", "country", "type"; "" for feed).
std::string group_kind(GroupBy group_by);
// True for the formats that print the aggregates (md, html).
bool is_digest(Format format);

// True when `url` is an absolute http(s) URL with a host: the only links any writer emits.
bool is_http_url(const std::string& url);

}  // namespace atip::exporter
