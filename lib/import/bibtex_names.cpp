// BibTeX names, as BibTeX itself splits them (see bibtex_names.hpp).
#include "lib/import/bibtex_names.hpp"

#include <utility>

#include "lib/import/fields.hpp"
#include "lib/import/latex.hpp"

namespace atip::importer::detail {

namespace {

// Splits at `sep` outside braces (" and " between names, "," inside one name).
std::vector<std::string> split_top(std::string_view s, bool on_and) {
  std::vector<std::string> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{') ++depth;
    else if (s[i] == '}') --depth;
    if (depth != 0) continue;
    if (!on_and && s[i] == ',') {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    } else if (on_and && is_bibtex_space(s[i]) && i + 4 < s.size() && (s[i + 1] == 'a' || s[i + 1] == 'A') &&
               (s[i + 2] == 'n' || s[i + 2] == 'N') && (s[i + 3] == 'd' || s[i + 3] == 'D') && is_bibtex_space(s[i + 4])) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 4;
    }
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

// One BibTeX name as "Family, Given", or whole when it is braced or a single word.
std::string bibtex_name(const std::string& raw) {
  if (raw.size() >= 2 && raw.front() == '{' && raw.back() == '}') {
    int depth = 0;
    std::size_t close = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '{') ++depth;
      else if (raw[i] == '}' && --depth == 0) {
        close = i;
        break;
      }
    }
    if (close == raw.size() - 1) return latex_to_text(raw.substr(1, raw.size() - 2));
  }
  const std::vector<std::string> parts = split_top(raw, false);
  std::string family, given;
  if (parts.size() >= 2) {
    family = latex_to_text(parts[0]);
    if (parts.size() >= 3) family += " " + latex_to_text(parts[1]);  // "von Last, Jr, First"
    given = latex_to_text(parts.back());
  } else {
    // "First von Last": the family name starts at the first lower-case word before the last.
    std::vector<std::string> words;
    int depth = 0;
    std::string word;
    for (char c : raw) {
      if (c == '{') ++depth;
      if (c == '}') --depth;
      if (depth == 0 && is_bibtex_space(c)) {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
      } else {
        word += c;
      }
    }
    if (!word.empty()) words.push_back(std::move(word));
    if (words.size() < 2) return latex_to_text(raw);
    std::size_t from = words.size() - 1;
    for (std::size_t i = 1; i + 1 < words.size(); ++i)
      if (words[i][0] >= 'a' && words[i][0] <= 'z') {
        from = i;
        break;
      }
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string& part = i < from ? given : family;
      part += (part.empty() ? "" : " ") + latex_to_text(words[i]);
    }
  }
  if (family.empty()) return given;
  return given.empty() ? family : family + ", " + given;
}

}  // namespace

bool is_bibtex_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string> bibtex_names(const std::string& raw) {
  std::vector<std::string> out;
  if (trim(raw).empty()) return out;
  for (const std::string& n : split_top(raw, true))
    if (!n.empty() && lower_ascii(n) != "others")
      if (std::string name = bibtex_name(n); !name.empty()) out.push_back(std::move(name));
  return out;
}

}  // namespace atip::importer::detail
