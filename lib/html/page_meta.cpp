#include "lib/html/page_meta.hpp"

#include <map>

#include "lib/feed/dates.hpp"
#include "lib/html/decode.hpp"
#include "lib/html/dom.hpp"
#include "lib/text/html.hpp"
#include "lib/util/url.hpp"

namespace atip::html {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string http_url(const std::string& page_url, std::string_view href) {
  const std::string url = util::resolve_url(page_url, text::collapse_whitespace(href));
  const std::string l = lower(url.substr(0, 8));
  return l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0 ? url : std::string();
}

// "2026/06/03" and "2026/6" (Highwire's own form) as ISO; everything else as written.
std::string iso_slashes(std::string s) {
  if (s.size() >= 6 && s[4] == '/' && s.find_first_not_of("0123456789/") == std::string::npos) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i == s.size() || s[i] == '/') {
        std::string part = s.substr(start, i - start);
        if (out.size() > 0 && part.size() == 1) part = "0" + part;
        out += (out.empty() ? "" : "-") + part;
        start = i + 1;
      }
    }
    return out;
  }
  return s;
}

}  // namespace

PageMeta read_page_meta(std::string_view bytes, std::string_view http_charset, const std::string& page_url) {
  PageMeta m;
  feed::Decoded decoded = decode_page(bytes, http_charset);
  m.encoding = decoded.encoding;
  const Document doc(decoded.utf8);
  // Every <meta name|property = content>, by lower-cased name, in page order.
  std::map<std::string, std::vector<std::string>> meta;
  std::string title_element;
  const GumboNode* root = doc.root();
  walk(root, [&](const GumboNode* n) {
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_META) {
      const auto content = attribute(n, "content");
      if (!content) return true;
      std::string value = text::collapse_whitespace(*content);
      if (value.empty()) return true;
      for (const char* key : {"name", "property"})
        if (const auto name = attribute(n, key)) meta[lower(text::collapse_whitespace(*name))].push_back(value);
    } else if (t == GUMBO_TAG_LINK && m.canonical.empty()) {
      const auto rel = attribute(n, "rel");
      const auto href = attribute(n, "href");
      if (rel && href && lower(text::collapse_whitespace(*rel)) == "canonical") m.canonical = http_url(page_url, *href);
    } else if (t == GUMBO_TAG_TITLE && title_element.empty()) {
      const GumboVector& children = n->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        const auto* c = static_cast<const GumboNode*>(children.data[i]);
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) title_element += c->v.text.text;
      }
      title_element = text::collapse_whitespace(title_element);
    }
    return true;
  });
  auto first = [&](std::initializer_list<const char*> names) -> std::string {
    for (const char* name : names) {
      const auto it = meta.find(name);
      if (it != meta.end() && !it->second.empty()) return it->second.front();
    }
    return {};
  };
  auto all = [&](const char* name) -> std::vector<std::string> {
    const auto it = meta.find(name);
    return it == meta.end() ? std::vector<std::string>{} : it->second;
  };
  m.title = first({"citation_title", "dc.title", "dcterms.title", "og:title"});
  if (m.title.empty()) m.title = title_element;
  m.authors = all("citation_author");
  if (m.authors.empty()) m.authors = all("dc.creator");
  if (m.authors.empty()) m.authors = all("dcterms.creator");
  m.date_raw = first({"citation_publication_date", "citation_date", "citation_online_date", "dc.date",
                      "dcterms.issued", "dcterms.date", "dc.date.issued", "article:published_time"});
  if (!m.date_raw.empty()) m.date = feed::parse_date(iso_slashes(m.date_raw));
  m.language = first({"citation_language", "dc.language", "dcterms.language"});
  if (m.language.empty())
    if (const auto lang = attribute(root, "lang")) m.language = text::collapse_whitespace(*lang);
  m.publisher = first({"citation_publisher", "citation_technical_report_institution", "dc.publisher",
                       "dcterms.publisher", "og:site_name"});
  m.description = first({"og:description", "description", "dc.description", "dcterms.abstract", "dcterms.description"});
  if (const std::string pdf = first({"citation_pdf_url"}); !pdf.empty()) m.pdf_url = http_url(page_url, pdf);
  for (const char* name : {"citation_doi", "dc.identifier", "dcterms.identifier", "prism.doi"})
    for (const std::string& v : all(name)) m.identifiers.push_back(v);
  return m;
}

}  // namespace atip::html
