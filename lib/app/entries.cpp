#include "lib/app/entries.hpp"

#include <string_view>
#include <utility>

#include "lib/catalog/canonical_url.hpp"
#include "lib/catalog/doi.hpp"
#include "lib/catalog/edition_links.hpp"
#include "lib/catalog/identity.hpp"
#include "lib/catalog/identity_entry_keys.hpp"
#include "lib/catalog/tagger.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/url.hpp"

namespace atip::app {

namespace {

std::string plain(const std::string& value, feed::TextType type) {
  return type == feed::TextType::Text ? text::collapse_whitespace(value) : text::html_to_text(value);
}

// What terminal_safe() would remove or replace: C0 and C1 controls but \n and \t, DEL,
// escape sequences (they start with a control), bidirectional controls, invalid UTF-8.
// Most titles and summaries hold none, and are then stored as they are without a rewrite.
bool terminal_clean(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
      ++i;
      continue;
    }
    const std::size_t len = text::utf8_sequence_length(p + i, s.size() - i);
    if (len == 0) return false;
    if (c == 0xC2 && p[i + 1] < 0xA0) return false;  // U+0080..U+009F
    if (c == 0xE2 && ((p[i + 1] == 0x80 && p[i + 2] >= 0xAA && p[i + 2] <= 0xAE) ||
                      (p[i + 1] == 0x81 && p[i + 2] >= 0xA6 && p[i + 2] <= 0xA9)))
      return false;  // U+202A..U+202E, U+2066..U+2069
    i += len;
  }
  return true;
}

std::string terminal_text(std::string s) {
  if (terminal_clean(s)) return s;
  return text::terminal_safe(s);
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

void add_edition_url(store::EntryRecord& r, const std::string& url) {
  if (!util::has_scheme(url)) return;
  std::string canonical = catalog::canonical_url(url);
  if (canonical.empty() || canonical == r.canonical_url) return;
  for (const std::string& known : r.edition_urls)
    if (known == canonical) return;
  r.edition_urls.push_back(std::move(canonical));
}

// Other editions the entry declares: alternates in another language (hreflang), dc:relation
// values (the store links only documents in different languages), and "versión en español"
// and the like in its HTML.
void add_declared_editions(store::EntryRecord& r, const feed::Entry& e, const std::string& language) {
  for (const feed::Link& l : e.alternates)
    if (!l.hreflang.empty() && primary_language(l.hreflang) != primary_language(language))
      add_edition_url(r, l.href);
  for (const std::string& relation : e.relations) add_edition_url(r, relation);
  for (const auto& [text, type] : {std::pair{&e.summary, e.summary_type}, std::pair{&e.content, e.content_type}})
    if (type != feed::TextType::Text)
      for (const catalog::EditionLink& l : catalog::edition_links(*text, e.link)) add_edition_url(r, l.url);
}

std::string family_kind(catalog::Family f) { return std::string(catalog::family_name(f)); }

catalog::Candidate candidate_of(const store::Candidate& c) {
  return {c.title, c.summary, c.canonical_url, c.published, c.language, c.doi, c.doi_from_text, {}};
}

catalog::Candidate candidate_of(const store::EntryRecord& e) {
  return {e.title, e.summary, e.canonical_url, e.published, e.language, e.doi, e.doi_from_text, {}};
}

}  // namespace

void tag_record(store::EntryRecord& r, const catalog::Vocabulary& vocabulary, bool on_topic,
                const std::string& language_hint) {
  const catalog::Tags tags = catalog::tag({r.title, r.summary, language_hint, on_topic}, vocabulary);
  r.tags.clear();
  for (const catalog::Tag& t : tags.tags) r.tags.push_back({family_kind(t.family), t.value, t.score});
  r.language = tags.language == "other" ? primary_language(language_hint) : tags.language;
  r.doc_type = tags.type;
  r.relevance = tags.relevance;
}

store::EntryRecord to_record(const feed::Entry& e, const feed::Feed& f,
                             const catalog::Vocabulary& vocabulary, bool on_topic) {
  store::EntryRecord r;
  r.entry_key = e.key;
  r.content_hash = e.content_hash;
  r.link = e.link;
  // Atom entries without a link get their id as link (as feedparser does); a tag: URI is no
  // address, so it identifies nothing across feeds.
  if (util::has_scheme(e.link)) r.canonical_url = catalog::canonical_url(e.link);
  // Stored text is plain and free of control and escape sequences, whatever the feed sent.
  // plain() of a text title is already collapsed, and collapsing twice changes nothing.
  r.title = terminal_text(e.title_type == feed::TextType::Text
                              ? text::collapse_whitespace(e.title)
                              : text::collapse_whitespace(text::html_to_text(e.title)));
  // Summaries are the short form; when a feed sends only full content, that is what we have.
  const bool use_content = e.summary.empty();
  const std::string& body = use_content ? e.content : e.summary;
  const feed::TextType type = use_content ? e.content_type : e.summary_type;
  r.summary = terminal_text(plain(body, type));
  r.summary_html = type == feed::TextType::Text ? std::string() : body;
  for (const feed::Person& p : e.authors) {
    const std::string& name = p.name.empty() ? p.email : p.name;
    if (name.empty()) continue;
    r.authors += (r.authors.empty() ? "" : "; ") + terminal_text(name);
  }
  r.published = e.published.time ? e.published.time : e.updated.time;
  r.updated = e.updated.time;
  const catalog::EntryDoi doi = catalog::entry_doi(e.link, e.identifiers, r.summary);
  r.doi = doi.doi;
  r.doi_from_text = doi.from_text;
  r.title_keys = catalog::candidate_keys(r.title);
  add_declared_editions(r, e, e.language.empty() ? f.language : e.language);
  tag_record(r, vocabulary, on_topic, e.language.empty() ? f.language : e.language);
  return r;
}

std::vector<store::EntryRecord> to_records(const feed::Feed& f, const catalog::Vocabulary& vocabulary,
                                           bool on_topic) {
  std::vector<catalog::EntryIdentityInput> inputs;
  inputs.reserve(f.entries.size());
  for (const feed::Entry& e : f.entries) inputs.push_back({e.id, e.link, e.title, e.published.raw});
  const std::vector<std::string> keys = catalog::stable_entry_keys(inputs);
  std::vector<store::EntryRecord> records;
  records.reserve(f.entries.size());
  for (std::size_t i = 0; i < f.entries.size(); ++i) {
    records.push_back(to_record(f.entries[i], f, vocabulary, on_topic));
    records.back().entry_key = keys[i];
  }
  return records;
}

store::SameWork same_work_decision() {
  return [](const store::Candidate& existing, const store::EntryRecord& entry) {
    return catalog::same_work(candidate_of(existing), candidate_of(entry));
  };
}

}  // namespace atip::app
