// likely_editions (identity.hpp): translations of one work are separate documents, linked.
#include <array>
#include <string>

#include "lib/catalog/identity.hpp"

namespace atip::catalog {

namespace {

bool is_language_code(std::string_view s) {
  static constexpr std::array<std::string_view, 16> kCodes = {
      "en",  "es",    "pt",    "fr",    "eng",   "spa",     "por",     "fra",
      "fre", "pt-br", "es-mx", "en-us", "fr-ca", "english", "espanol", "francais"};
  std::string lower;
  for (const char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const std::string_view code : kCodes)
    if (lower == code) return true;
  return false;
}

// A canonical URL with its language path segments and language parameters blanked:
// "unodc.org/es/x?lang=es" -> "unodc.org/*/x?lang=*".
std::string without_language(std::string_view url) {
  std::string out;
  std::size_t start = 0;
  while (start <= url.size()) {
    std::size_t end = url.find_first_of("/?&=", start);
    if (end == std::string_view::npos) end = url.size();
    const std::string_view part = url.substr(start, end - start);
    out += is_language_code(part) ? std::string_view("*") : part;
    if (end < url.size()) out += url[end];
    start = end + 1;
  }
  return out;
}

// "10.18356/abc.en" and "10.18356/abc-es": UN iLibrary style per-language DOI suffixes.
std::string doi_without_language(std::string_view doi) {
  const auto cut = doi.find_last_of("._-/");
  if (cut != std::string_view::npos && cut > doi.find('/') && is_language_code(doi.substr(cut + 1)))
    return std::string(doi.substr(0, cut));
  return std::string(doi);
}

bool lists(const Candidate& a, const Candidate& b) {
  if (b.url.empty()) return false;
  for (const std::string& alt : a.alternates)
    if (alt == b.url) return true;
  return false;
}

}  // namespace

bool likely_editions(const Candidate& a, const Candidate& b) {
  if (a.language.empty() || b.language.empty()) return false;
  const auto primary = [](std::string_view tag) {
    std::string out;
    for (const char c : tag.substr(0, tag.find_first_of("-_")))
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
  };
  if (primary(a.language) == primary(b.language)) return false;
  if (lists(a, b) || lists(b, a)) return true;
  if (!a.url.empty() && !b.url.empty() && a.url != b.url &&
      without_language(a.url) == without_language(b.url))
    return true;
  return !a.doi.empty() && !b.doi.empty() && a.doi != b.doi &&
         doi_without_language(a.doi) == doi_without_language(b.doi);
}

}  // namespace atip::catalog
