#pragma once
// Links in a summary that declare another edition of the same work: "versión en español",
// "English version", "versão em português", "version française", or a bare language name
// ("English", "Español") as anchor text, the language switchers publishers put under a
// press release. Pure; the caller canonicalises the URLs and the store links the editions.
#include <string>
#include <string_view>
#include <vector>

namespace atip::catalog {

struct EditionLink {
  std::string url;       // the href, resolved against `base`
  std::string language;  // the edition's language the anchor names: "en", "es", "pt" or "fr"
};

// The anchors of `html` whose text names a language edition (case and accents ignored, at most
// six words: "Read the report in English" counts, a sentence that mentions Spanish does not).
// Hrefs that are not http(s) after resolution against `base` are skipped.
std::vector<EditionLink> edition_links(std::string_view html, std::string_view base);

// The language an anchor text names as an edition ("versión en español" -> "es"), or "".
std::string edition_language(std::string_view anchor_text);

}  // namespace atip::catalog
