// One bibliography record -> what the catalogue stores (see import.hpp).
#include <algorithm>

#include "lib/app/entries.hpp"
#include "lib/app/import.hpp"
#include "lib/catalog/canonical_url.hpp"
#include "lib/catalog/doi.hpp"
#include "lib/catalog/identity.hpp"
#include "lib/catalog/tagger.hpp"
#include "lib/catalog/title_key.hpp"
#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"
#include "lib/util/hash.hpp"
#include "lib/util/time.hpp"
#include "lib/util/url.hpp"

namespace atip::app {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "es", "es-CL", "spanish", "Español", "castellano" -> "es"; "" when unknown.
std::string language_code(std::string_view raw) {
  const std::string folded = catalog::fold_text(raw);
  std::string word;
  for (char c : folded) {
    if (c == ' ') {
      if (!word.empty()) break;
      continue;
    }
    word += c;
  }
  static const std::pair<std::string_view, std::string_view> names[] = {
      {"english", "en"}, {"ingles", "en"}, {"anglais", "en"}, {"spanish", "es"}, {"espanol", "es"},
      {"castellano", "es"}, {"espagnol", "es"}, {"espanhol", "es"}, {"portuguese", "pt"},
      {"portugues", "pt"}, {"portugais", "pt"}, {"brazilian", "pt"}, {"brazil", "pt"},
      {"french", "fr"}, {"frances", "fr"}, {"francais", "fr"}, {"frances", "fr"}};
  for (const auto& [name, code] : names)
    if (word == name) return std::string(code);
  // A tag: "es", "pt-BR" (fold_text made the hyphen a space), "spa".
  if (word.size() == 2 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return word;
  if (word == "eng") return "en";
  if (word == "spa") return "es";
  if (word == "por") return "pt";
  if (word == "fre" || word == "fra") return "fr";
  return {};
}

// CSL-JSON abstracts from Crossref hold JATS markup; exports and spreadsheets hold plain text,
// where a "<" is just a character.
bool looks_like_html(const std::string& s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (std::size_t at = s.find('<'); at != std::string::npos; at = s.find('<', at + 1)) {
    std::size_t i = at + 1;
    if (i < s.size() && s[i] == '/') ++i;
    if (i >= s.size() || !letter(s[i])) continue;
    while (i < s.size() && (letter(s[i]) || (s[i] >= '0' && s[i] <= '9') || s[i] == ':')) ++i;
    // "<p>", "<br/>", "<jats:p>", "<a href=…>": a name, then the end of the tag or an attribute.
    if (i < s.size() && (s[i] == '>' || s[i] == '/' || s[i] == ' ') && s.find('>', i) != std::string::npos) return true;
  }
  return false;
}

// A value of `family` in the vocabulary, matched without case, accents or punctuation
// ("Forced labour", "forced_labour"); "" when none.
std::string vocabulary_value(const catalog::Vocabulary& v, catalog::Family family, std::string_view value) {
  const std::string wanted = catalog::fold_text(value);
  for (const std::string& known : v.values[static_cast<std::size_t>(family)])
    if (catalog::fold_text(known) == wanted) return known;
  return {};
}

void add_tag(store::EntryRecord& r, std::string_view kind, const std::string& value) {
  for (store::TagRecord& t : r.tags)
    if (t.kind == kind && t.value == value) {
      t.score = 1;
      return;
    }
  r.tags.push_back({std::string(kind), value, 1});
}

// The file's own tags: topics, areas and countries by value; countries also by name (the
// tagger reads "México" or "Haïti" as it would in a title); keywords when they name a value.
void add_explicit_tags(store::EntryRecord& r, const importer::Record& rec, const catalog::Vocabulary& v) {
  using catalog::Family;
  bool topical = false;
  auto add = [&](Family family, const std::string& value) {
    const std::string known = vocabulary_value(v, family, value);
    if (known.empty()) return false;
    add_tag(r, catalog::family_name(family), known);
    topical = topical || family == Family::topic;
    return true;
  };
  for (const auto& t : rec.topics) add(Family::topic, t);
  for (const auto& a : rec.areas) add(Family::area, a);
  for (const auto& c : rec.countries) {
    if (add(Family::country, c)) continue;
    const catalog::Tags found = catalog::tag({c, "", "", false}, v);
    for (const std::string& code : found.values(Family::country)) add_tag(r, "country", code);
  }
  for (const auto& k : rec.keywords)
    if (!add(Family::topic, k) && !add(Family::country, k)) add(Family::area, k);
  // The cataloguer filed it under a topic: it is relevant whatever the text says.
  if (topical) r.relevance = std::max(r.relevance, catalog::kRelevantThreshold);
}

std::string entry_key(const store::EntryRecord& r, const std::string& date) {
  if (!r.canonical_url.empty()) return r.canonical_url;
  if (!r.doi.empty()) return "doi:" + r.doi;
  return "title:" + util::hash_hex(catalog::title_key(r.title) + "\n" + date.substr(0, 4));
}

}  // namespace

store::EntryRecord to_entry_record(const importer::Record& rec, const catalog::Vocabulary& vocabulary) {
  store::EntryRecord r;
  // CSL-JSON titles may hold <i>…</i> (citeproc's rich text); the catalogue stores plain text.
  r.title = text::terminal_safe(text::collapse_whitespace(looks_like_html(rec.title) ? text::html_to_text(rec.title)
                                                                                      : rec.title));
  // Spreadsheets often hold "www.example.org/x" without its scheme.
  const std::string url = rec.url.rfind("www.", 0) == 0 ? "https://" + rec.url : rec.url;
  if (util::has_scheme(url)) {
    r.canonical_url = catalog::canonical_url(url);
    if (!r.canonical_url.empty()) r.link = text::terminal_safe(url);
  }
  if (looks_like_html(rec.summary)) {
    r.summary = text::terminal_safe(text::html_to_text(rec.summary));
    r.summary_html = rec.summary;
  } else {
    r.summary = text::terminal_safe(text::collapse_whitespace(rec.summary));
  }
  for (std::string name : rec.authors) {
    std::replace(name.begin(), name.end(), ';', ',');  // ";" separates the stored names
    name = text::terminal_safe(text::collapse_whitespace(name));
    if (!name.empty()) r.authors += (r.authors.empty() ? "" : "; ") + name;
  }
  if (!rec.date.empty()) r.published = util::parse_cli_date(rec.date);
  r.doi = rec.doi.empty() ? catalog::entry_doi(r.link, {}, "").doi : rec.doi;
  r.title_keys = catalog::candidate_keys(r.title);
  const std::string language = language_code(rec.language);
  tag_record(r, vocabulary, false, language.empty() ? lower(rec.language) : language);
  if (!language.empty()) r.language = language;
  if (!rec.type.empty()) {
    r.doc_type = rec.type;
    std::erase_if(r.tags, [](const store::TagRecord& t) { return t.kind == "type"; });
    r.tags.push_back({"type", rec.type, 1});
  }
  add_explicit_tags(r, rec, vocabulary);
  r.entry_key = entry_key(r, rec.date);
  std::string all = r.title + '\n' + r.link + '\n' + r.summary + '\n' + r.authors + '\n' + rec.date + '\n' + r.doi +
                    '\n' + r.language + '\n' + r.doc_type;
  for (const auto& t : r.tags) all += '\n' + t.kind + '=' + t.value;
  r.content_hash = util::hash_hex(all);
  return r;
}

}  // namespace atip::app
