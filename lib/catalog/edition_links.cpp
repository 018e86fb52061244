#include "lib/catalog/edition_links.hpp"

#include <array>
#include <utility>

#include "lib/catalog/fold.hpp"
#include "lib/text/html.hpp"
#include "lib/util/url.hpp"

namespace atip::catalog {

namespace {

// Folded phrases that name an edition, by language. An anchor matches when its words are one
// of these, optionally after a lead-in ("read", "leer", "ver", "lire", "the report" …).
struct Phrase {
  std::string_view words;
  std::string_view language;
};
constexpr std::array<Phrase, 44> kPhrases = {{
    {"english version", "en"}, {"english", "en"}, {"in english", "en"},
    {"version en ingles", "en"}, {"en ingles", "en"}, {"ingles", "en"},
    {"versao em ingles", "en"}, {"em ingles", "en"}, {"version anglaise", "en"},
    {"en anglais", "en"}, {"anglais", "en"},
    {"spanish version", "es"}, {"in spanish", "es"}, {"version en espanol", "es"},
    {"en espanol", "es"}, {"espanol", "es"}, {"versao em espanhol", "es"},
    {"em espanhol", "es"}, {"version espagnole", "es"}, {"en espagnol", "es"}, {"espagnol", "es"},
    {"portuguese version", "pt"}, {"in portuguese", "pt"}, {"version en portugues", "pt"},
    {"en portugues", "pt"}, {"versao em portugues", "pt"}, {"em portugues", "pt"},
    {"portugues", "pt"}, {"version portugaise", "pt"}, {"en portugais", "pt"},
    {"french version", "fr"}, {"in french", "fr"}, {"version en frances", "fr"},
    {"en frances", "fr"}, {"versao em frances", "fr"}, {"em frances", "fr"},
    {"version francaise", "fr"}, {"en francais", "fr"}, {"francais", "fr"},
    {"versao francesa", "fr"}, {"version in english", "en"}, {"version in spanish", "es"},
    {"version in portuguese", "pt"}, {"version in french", "fr"},
}};

// Words that may come before the phrase without changing what the anchor says.
bool is_lead_in(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kLeadIn = {
      "read",  "see",     "view",    "the",    "this",  "report", "document", "full",
      "leer",  "ver",     "lea",     "la",     "el",    "pdf",    "informe",  "ler",
      "veja",  "a",       "o",       "lire",   "voir",  "le"};
  for (const std::string_view l : kLeadIn)
    if (w == l) return true;
  return false;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The value of attribute `name` in the tag text `tag` ("a href=… title=…"), entities decoded.
std::string attribute(std::string_view tag, std::string_view name) {
  const std::string lower = lower_ascii(tag);
  for (std::size_t at = lower.find(name); at != std::string::npos; at = lower.find(name, at + 1)) {
    const char before = at == 0 ? ' ' : lower[at - 1];
    if (before != ' ' && before != '\t' && before != '\n' && before != '\r') continue;
    std::size_t i = at + name.size();
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
    if (i >= tag.size()) return {};
    std::size_t end;
    if (tag[i] == '"' || tag[i] == '\'') {
      end = tag.find(tag[i], i + 1);
      ++i;
    } else {
      end = tag.find_first_of(" \t\r\n>", i);
    }
    if (end == std::string_view::npos) end = tag.size();
    return text::html_to_text(tag.substr(i, end - i));
  }
  return {};
}

}  // namespace

std::string edition_language(std::string_view anchor_text) {
  TokenizedText t;
  tokenize(anchor_text, t);
  if (t.tokens.empty() || t.tokens.size() > 6) return {};
  std::size_t first = 0;
  while (first < t.tokens.size() && is_lead_in(t.word(first))) ++first;
  std::string words;
  for (std::size_t i = first; i < t.tokens.size(); ++i)
    words += (i == first ? "" : " ") + std::string(t.word(i));
  for (const Phrase& p : kPhrases)
    if (words == p.words) return std::string(p.language);
  return {};
}

std::vector<EditionLink> edition_links(std::string_view html, std::string_view base) {
  std::vector<EditionLink> out;
  const std::string lower = lower_ascii(html);
  for (std::size_t at = lower.find("<a"); at != std::string::npos; at = lower.find("<a", at + 2)) {
    if (at + 2 >= lower.size() || (lower[at + 2] != ' ' && lower[at + 2] != '\t' && lower[at + 2] != '\n'))
      continue;
    const std::size_t tag_end = lower.find('>', at);
    if (tag_end == std::string::npos) break;
    const std::size_t close = lower.find("</a", tag_end);
    if (close == std::string::npos) break;
    const std::string href = attribute(html.substr(at + 2, tag_end - at - 2), "href");
    const std::string language = edition_language(text::html_to_text(html.substr(tag_end + 1, close - tag_end - 1)));
    if (href.empty() || language.empty()) continue;
    std::string url = util::resolve_url(base, href);
    const std::string scheme = lower_ascii(url.substr(0, url.find(':')));
    if (scheme != "http" && scheme != "https") continue;
    out.push_back({std::move(url), language});
  }
  return out;
}

}  // namespace atip::catalog
