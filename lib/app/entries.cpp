#include "lib/app/entries.hpp"

#include "lib/catalog/canonical_url.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"

namespace atip::app {

namespace {

std::string plain(const std::string& value, feed::TextType type) {
  return type == feed::TextType::Text ? text::collapse_whitespace(value) : text::html_to_text(value);
}

// "es-CL", "EN_us" -> "es", "en": the catalogue files works by language, not by locale.
std::string primary_language(const std::string& tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out.size() <= 3 ? out : std::string();
}

}  // namespace

store::EntryRecord to_record(const feed::Entry& e, const feed::Feed& f) {
  store::EntryRecord r;
  r.entry_key = e.key;
  r.content_hash = e.content_hash;
  r.link = e.link;
  r.canonical_url = catalog::canonical_url(e.link);
  // Stored text is plain and free of control and escape sequences, whatever the feed sent.
  r.title = text::terminal_safe(text::collapse_whitespace(plain(e.title, e.title_type)));
  // Summaries are the short form; when a feed sends only full content, that is what we have.
  const bool use_content = e.summary.empty();
  const std::string& body = use_content ? e.content : e.summary;
  const feed::TextType type = use_content ? e.content_type : e.summary_type;
  r.summary = text::terminal_safe(plain(body, type));
  r.summary_html = type == feed::TextType::Text ? std::string() : body;
  for (const feed::Person& p : e.authors) {
    const std::string& name = p.name.empty() ? p.email : p.name;
    if (name.empty()) continue;
    r.authors += (r.authors.empty() ? "" : "; ") + name;
  }
  r.published = e.published.time ? e.published.time : e.updated.time;
  r.updated = e.updated.time;
  r.language = primary_language(e.language.empty() ? f.language : e.language);
  return r;
}

}  // namespace atip::app
