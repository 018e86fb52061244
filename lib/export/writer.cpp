#include "lib/export/writer.hpp"

#include <cctype>

#include "lib/export/atom_writer.hpp"
#include "lib/export/bibtex_writer.hpp"
#include "lib/export/csl_writer.hpp"
#include "lib/export/csv_writer.hpp"
#include "lib/export/html_writer.hpp"
#include "lib/export/json_writer.hpp"
#include "lib/export/markdown_writer.hpp"
#include "lib/export/opml_writer.hpp"
#include "lib/export/ris_writer.hpp"

namespace atip::exporter {

std::optional<Format> parse_format(const std::string& name) {
  static const std::map<std::string, Format> names = {
      {"md", Format::Markdown},   {"markdown", Format::Markdown}, {"html", Format::Html},
      {"csv", Format::Csv},       {"tsv", Format::Tsv},           {"json", Format::Json},
      {"jsonl", Format::Jsonl},   {"bibtex", Format::Bibtex},     {"bib", Format::Bibtex},
      {"ris", Format::Ris},       {"csljson", Format::CslJson},   {"atom", Format::Atom},
      {"opml", Format::Opml}};
  const auto it = names.find(name);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = {"md",     "html", "csv",     "tsv",  "json", "jsonl",
                                                 "bibtex", "ris",  "csljson", "atom", "opml"};
  return names;
}

std::optional<GroupBy> parse_group_by(const std::string& name) {
  if (name == "topic") return GroupBy::Topic;
  if (name == "country") return GroupBy::Country;
  if (name == "type") return GroupBy::Type;
  if (name == "feed") return GroupBy::Feed;
  return std::nullopt;
}

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, const DigestInfo& info) {
  switch (format) {
    case Format::Markdown: return std::make_unique<MarkdownWriter>(out, info);
    case Format::Html: return std::make_unique<HtmlWriter>(out, info);
    case Format::Csv: return std::make_unique<CsvWriter>(out, ',', info.bom);
    case Format::Tsv: return std::make_unique<CsvWriter>(out, '\t', info.bom);
    case Format::Json: return std::make_unique<JsonWriter>(out, false);
    case Format::Jsonl: return std::make_unique<JsonWriter>(out, true);
    case Format::Bibtex: return std::make_unique<BibtexWriter>(out);
    case Format::Ris: return std::make_unique<RisWriter>(out);
    case Format::CslJson: return std::make_unique<CslWriter>(out);
    case Format::Atom: return std::make_unique<AtomWriter>(out, info);
    case Format::Opml: return std::make_unique<OpmlWriter>(out, info);
  }
  return nullptr;
}

bool is_digest(Format format) { return format == Format::Markdown || format == Format::Html; }

std::string group_kind(GroupBy g) {
  switch (g) {
    case GroupBy::Topic: return "topic";
    case GroupBy::Country: return "country";
    case GroupBy::Type: return "type";
    case GroupBy::Feed: return "";
  }
  return "";
}

store::Selection::Order order_for(Format format, GroupBy group_by) {
  if (!is_digest(format)) return store::Selection::Order::DateDesc;
  return group_by == GroupBy::Feed ? store::Selection::Order::SourceThenDate
                                   : store::Selection::Order::GroupThenDate;
}

bool is_http_url(const std::string& url) {
  std::size_t host = 0;
  if (url.size() > 7 && (url.compare(0, 7, "http://") == 0)) host = 7;
  else if (url.size() > 8 && url.compare(0, 8, "https://") == 0) host = 8;
  else return false;
  if (url[host] == '/' || url[host] == '?' || url[host] == '#') return false;
  // Control characters have no place in a link; spaces are percent-encoded by the writers.
  for (unsigned char c : url)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

}  // namespace atip::exporter
