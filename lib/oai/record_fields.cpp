#include "lib/oai/record_fields.hpp"

#include <algorithm>
#include <optional>

#include "lib/feed/content.hpp"
#include "lib/feed/dates.hpp"

namespace atip::oai {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower_ascii(s.substr(0, prefix.size())) == prefix;
}

bool is_http(std::string_view s) { return starts_with_ci(s, "http://") || starts_with_ci(s, "https://"); }

// The host of an http(s) URL, lower-cased.
std::string host_of(std::string_view url) {
  url.remove_prefix(url.find("://") + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  return lower_ascii(url.substr(0, url.find(':')));
}

bool is_doi_resolver(std::string_view url) {
  const std::string host = host_of(url);
  return host == "doi.org" || host == "dx.doi.org" || host == "www.doi.org";
}

// "doi:10.1/x", "info:doi/10.1/x", "DOI 10.1/x", "10.1/x" -> "10.1/x"; "" when not a DOI.
std::string bare_doi(std::string_view s) {
  for (const std::string_view prefix : {"info:doi/", "doi:", "doi "})
    if (starts_with_ci(s, prefix)) {
      s.remove_prefix(prefix.size());
      s = feed::trim(s);
      break;
    }
  if (!s.starts_with("10.") || s.find('/') == std::string_view::npos ||
      s.find_first_of(" \t\r\n\"<>") != std::string_view::npos)
    return {};
  return std::string(s);
}

std::string handle_url(std::string_view s) {
  if (!starts_with_ci(s, "hdl:")) return {};
  s.remove_prefix(4);
  s = feed::trim(s);
  if (s.empty() || s.find('/') == std::string_view::npos ||
      s.find_first_of(" \t\r\n\"<>") != std::string_view::npos)
    return {};
  return "https://hdl.handle.net/" + std::string(s);
}

feed::TextType type_of(const std::string& value) {
  return feed::looks_like_html(value) ? feed::TextType::Html : feed::TextType::Text;
}

// The earliest readable dc:date: repositories list when the work was issued next to when it
// was accessioned and made available, and the work's own date is the earliest of them.
void set_published(const std::vector<std::string>& dates, feed::Date& out) {
  for (const std::string& raw : dates) {
    const std::optional<std::int64_t> t = feed::parse_date(raw);
    if (!t) {
      if (out.raw.empty()) out.raw = raw;
      continue;
    }
    if (!out.time || *t < *out.time) {
      out.time = t;
      out.raw = raw;
    }
  }
}

}  // namespace

void DcFields::add(std::string_view local, std::string value) {
  std::vector<std::string>* target = local == "title"         ? &title
                                     : local == "creator"     ? &creator
                                     : local == "contributor" ? &contributor
                                     : local == "subject"     ? &subject
                                     : local == "description" ? &description
                                     : local == "abstract"    ? &description  // dcterms:abstract
                                     : local == "publisher"   ? &publisher
                                     : local == "date"        ? &date
                                     : local == "issued"      ? &date  // dcterms:issued
                                     : local == "type"        ? &type
                                     : local == "format"      ? &format
                                     : local == "identifier"  ? &identifier
                                     : local == "language"    ? &language
                                     : local == "relation"    ? &relation
                                     : local == "rights"      ? &rights
                                                              : nullptr;
  if (target) target->push_back(std::move(value));
}

std::string landing_url(const std::vector<std::string>& identifiers) {
  for (const std::string& id : identifiers)
    if (is_http(id) && !is_doi_resolver(id)) return id;
  for (const std::string& id : identifiers)
    if (is_http(id)) return id;
  for (const std::string& id : identifiers)
    if (const std::string doi = bare_doi(id); !doi.empty()) return "https://doi.org/" + doi;
  for (const std::string& id : identifiers)
    if (std::string url = handle_url(id); !url.empty()) return url;
  return {};
}

void fill_record(const DcFields& dc, Record& r) {
  feed::Entry& e = r.entry;
  if (!dc.title.empty()) {
    e.title = dc.title.front();
    e.title_type = type_of(e.title);
  }
  if (!dc.description.empty()) {
    e.summary = dc.description.front();
    e.summary_type = type_of(e.summary);
  }
  // dc:contributor is an editor, supervisor or translator more often than an author: it names
  // the people only when no dc:creator does.
  for (const std::string& name : dc.creator.empty() ? dc.contributor : dc.creator)
    e.authors.push_back({name, {}, {}});
  for (const std::string& s : dc.subject)
    if (std::find(e.categories.begin(), e.categories.end(), s) == e.categories.end())
      e.categories.push_back(s);
  set_published(dc.date, e.published);
  e.identifiers = dc.identifier;
  e.link = landing_url(dc.identifier);
  // Only addresses: "info:eu-repo/grantAgreement/…" and ISSNs say nothing about editions.
  for (const std::string& rel : dc.relation)
    if (is_http(rel)) e.relations.push_back(rel);
  for (const std::string& l : dc.language)
    if (std::string code = language_code(l); !code.empty()) {
      e.language = std::move(code);
      break;
    }
  for (const std::string& t : dc.type)
    if (std::string type = document_type(t); !type.empty()) {
      r.doc_type = std::move(type);
      break;
    }
  r.types = dc.type;
  r.publishers = dc.publisher;
  r.rights = dc.rights;
  r.formats = dc.format;
}

}  // namespace atip::oai
