#include "lib/catalog/doi.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "lib/util/url.hpp"

namespace atip::catalog {

namespace {


bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of "10.NNNN(.NNN)*/" at s[i], 0 when the registrant part is not there.
std::size_t prefix_length(std::string_view s, std::size_t i) {
  if (s.compare(i, 3, "10.") != 0) return 0;
  if (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.')) return 0;  // "2010.1234/…"
  std::size_t j = i + 3, digits = 0;
  while (j < s.size() && (is_digit(s[j]) || (s[j] == '.' && digits >= 4))) {
    if (is_digit(s[j])) ++digits;
    ++j;
  }
  if (digits < 4 || j >= s.size() || s[j] != '/' || s[j - 1] == '.') return 0;
  return j + 1 - i;
}

// Characters that end a DOI in running text or a URL: spaces, markup, query and fragment,
// and any non-ASCII byte (registered DOIs are ASCII; "»" or "”" close a quotation).
bool ends_doi(char c) {
  return (static_cast<unsigned char>(c) & 0x80) != 0 ||
         std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '<' || c == '>' ||
         c == '?' || c == '#' || c == '&' || c == '\\' || c == '|';
}

void trim_tail(std::string& doi) {
  static constexpr std::array<std::string_view, 6> kViews = {"/full", "/abstract", "/pdf",
                                                             "/epdf", "/html",     "/summary"};
  for (bool changed = true; changed;) {
    changed = false;
    for (const std::string_view v : kViews) {
      if (doi.size() > v.size() && doi.compare(doi.size() - v.size(), v.size(), v) == 0) {
        doi.resize(doi.size() - v.size());
        changed = true;
      }
    }
    while (!doi.empty()) {
      const char c = doi.back();
      const bool unbalanced_close = (c == ')' && std::count(doi.begin(), doi.end(), '(') <
                                                     std::count(doi.begin(), doi.end(), ')')) ||
                                    (c == ']' && std::count(doi.begin(), doi.end(), '[') <
                                                     std::count(doi.begin(), doi.end(), ']'));
      if (c != '.' && c != ',' && c != ';' && c != ':' && c != '\'' && c != '/' &&
          !unbalanced_close)
        break;
      doi.pop_back();
      changed = true;
    }
  }
}

}  // namespace

std::optional<std::string> find_doi(std::string_view text) {
  // "%2F" in links ("doi.org/10.1000%2Fabc") decodes to "/"; "+" stays, being legal in DOIs.
  const std::string decoded = util::percent_decode(text);
  const std::string_view s = decoded;
  for (std::size_t i = s.find("10."); i != std::string_view::npos; i = s.find("10.", i + 1)) {
    const std::size_t prefix = prefix_length(s, i);
    if (prefix == 0) continue;
    std::size_t end = i + prefix;
    while (end < s.size() && !ends_doi(s[end])) ++end;
    std::string doi(s.substr(i, end - i));
    for (char& c : doi) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    trim_tail(doi);
    if (doi.size() > prefix) return doi;
  }
  return std::nullopt;
}

EntryDoi entry_doi(std::string_view link, const std::vector<std::string>& identifiers,
                   std::string_view summary) {
  if (auto doi = find_doi(link)) return {*doi, false};
  for (const std::string& id : identifiers)
    if (auto doi = find_doi(id)) return {*doi, false};
  if (auto doi = find_doi(summary)) return {*doi, true};
  return {};
}

}  // namespace atip::catalog
