#include "lib/catalog/title_key.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "lib/catalog/identity_words.hpp"
#include "lib/text/utf8.hpp"

namespace atip::catalog {

namespace {

// Folded forms of U+00C0–U+00FF, upper and lower case alike; " " for × and ÷.
constexpr std::array<std::string_view, 32> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss"};

// Latin Extended-A (U+0100–U+017F) as runs of code points sharing one folded form.
struct Run {
  int count;
  std::string_view folded;
};
constexpr std::array<Run, 22> kLatinExtA = {
    {{6, "a"}, {8, "c"},  {4, "d"},  {10, "e"}, {8, "g"}, {4, "h"},  {10, "i"}, {2, "ij"},
     {2, "j"}, {3, "k"},  {10, "l"}, {9, "n"},  {6, "o"}, {2, "oe"}, {6, "r"},  {8, "s"},
     {6, "t"}, {12, "u"}, {2, "w"},  {3, "y"},  {6, "z"}, {1, "s"}}};

std::string_view fold_latin_ext_a(std::uint32_t cp) {
  int offset = static_cast<int>(cp - 0x100);
  for (const Run& r : kLatinExtA) {
    if (offset < r.count) return r.folded;
    offset -= r.count;
  }
  return " ";
}

// Punctuation and symbols of the Latin-1 supplement, general punctuation, letter-like
// symbols, arrows, dingbats and emoji become word breaks; combining marks vanish.
bool is_separator(std::uint32_t cp) {
  return (cp >= 0x80 && cp < 0xC0) || (cp >= 0x2000 && cp < 0x2C00) ||
         (cp >= 0x3000 && cp < 0x3040) || (cp >= 0xFE00 && cp < 0xFE10) || cp == 0xFEFF ||
         cp == 0xFFFD || (cp >= 0x1F000 && cp < 0x20000);
}

void fold_code_point(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else
      out += ' ';
  } else if (cp >= 0xC0 && cp <= 0xFF) {
    out += cp == 0xFF ? "y" : kLatin1[(cp - 0xC0) % 32];
  } else if (cp >= 0x100 && cp <= 0x17F) {
    out += fold_latin_ext_a(cp);
  } else if (cp >= 0x300 && cp < 0x370) {
    // Combining accents of decomposed (NFD) text: "Trá" may arrive as "Tra" + U+0301.
  } else if (is_separator(cp)) {
    out += ' ';
  } else {
    text::append_utf8(out, cp);
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(char c) { return c != ' '; }

// "1,200" / "1.200" / "12.500.000": a separator followed by exactly three digits continues
// the number it follows.
// Only after a group of one to three digits, so "2024,2025" stays two years.
bool joins_thousands(std::string_view raw, std::size_t i) {
  if (i + 3 >= raw.size()) return false;
  if (!is_digit(raw[i + 1]) || !is_digit(raw[i + 2]) || !is_digit(raw[i + 3])) return false;
  if (i + 4 < raw.size() && is_digit(raw[i + 4])) return false;
  std::size_t lead = 0;
  while (lead < i && is_digit(raw[i - 1 - lead])) ++lead;
  return lead >= 1 && lead <= 3;
}

}  // namespace

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) fold_code_point(out, text::next_code_point(text, i));
  return out;
}

std::vector<std::string> fold_words(std::string_view text) {
  // Thousands separators must be seen before folding turns them into spaces.
  std::string joined;
  joined.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool sep = (text[i] == ',' || text[i] == '.') && i > 0 && is_digit(text[i - 1]);
    if (sep && joins_thousands(text, i)) continue;
    joined += text[i];
  }
  const std::string folded = fold_text(joined);
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (const char c : folded) {
    if (!is_word_byte(c)) {
      flush();
      continue;
    }
    if (!word.empty() && is_digit(c) != is_digit(word.back())) flush();
    word += c;
  }
  flush();
  return words;
}

namespace {

constexpr std::array<std::string_view, 5> kSeparators = {" - ", " | ", " \u2013 ", " \u2014 ",
                                                         " \u00b7 "};

// Where the last separator of `title` starts, and how long it is; npos when there is none.
// Every separator starts with a space, so only spaces are candidate positions.
std::pair<std::size_t, std::size_t> last_separator(std::string_view title) {
  for (std::size_t at = title.rfind(' '); at != std::string_view::npos && at > 0;
       at = title.rfind(' ', at - 1)) {
    for (const std::string_view sep : kSeparators)
      if (title.substr(at, sep.size()) == sep) return {at, sep.size()};
  }
  return {std::string_view::npos, 0};
}

bool looks_like_domain(std::string_view segment) {
  const auto dot = segment.rfind('.');
  return dot != std::string_view::npos && dot + 2 < segment.size() &&
         segment.find(' ') == std::string_view::npos;
}

// Names are capitalised ("El País", "UN News") apart from short connectors ("Folha de S.
// Paulo"); a subtitle in sentence case ("resumen ejecutivo") is not a name.
bool capitalised_name(std::string_view segment, const std::vector<std::string>& words) {
  static constexpr std::array<std::string_view, 14> kConnectors = {
      "de", "del", "da", "do", "dos", "la", "el", "of", "the", "and", "&", "y", "e", "et"};
  std::size_t start = 0;
  while (start < segment.size()) {
    std::size_t end = segment.find(' ', start);
    if (end == std::string_view::npos) end = segment.size();
    const std::string_view raw = segment.substr(start, end - start);
    start = end + 1;
    if (raw.empty()) continue;
    std::size_t i = 0;
    const std::uint32_t first = text::next_code_point(raw, i);
    const bool upper = (first >= 'A' && first <= 'Z') ||
                       (first >= 0xC0 && first <= 0xDE && first != 0xD7) ||  // "Á", "Ó" …
                       first >= 0x100 ||                                   // other scripts
                       (first >= '0' && first <= '9');                     // "1ère", "24Horas"
    const bool connector =
        std::find(kConnectors.begin(), kConnectors.end(), raw) != kConnectors.end();
    if (!upper && !connector) return false;
  }
  return !words.empty();
}

// Digits inside a name ("G1", "Guyane la 1ère", "24Horas") do not make it a date or an issue
// number; a figure standing alone ("3 de marzo", "No. 45") does.
bool has_standalone_number(std::string_view segment) {
  std::size_t start = 0;
  while (start < segment.size()) {
    std::size_t end = segment.find(' ', start);
    if (end == std::string_view::npos) end = segment.size();
    bool digit = false, letter = false;
    for (const char c : segment.substr(start, end - start)) {
      digit = digit || is_digit(c);
      letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c & 0x80) != 0;
    }
    if (digit && !letter) return true;
    start = end + 1;
  }
  return false;
}

bool is_publisher_segment(std::string_view segment) {
  const std::vector<std::string> words = fold_words(segment);
  std::string folded;
  for (const std::string& w : words) folded += (folded.empty() ? "" : " ") + w;
  if (words.empty() || words.size() > 5 || segment.size() > 48) return false;
  if (is_known_publisher(folded)) return true;
  if (is_place_or_subtitle(folded)) return false;
  if (has_standalone_number(segment) && !looks_like_domain(segment)) return false;
  for (const std::string& w : words)
    if (!marker_of(w).empty() && !is_digit(w.front())) return false;  // "marzo", "II"
  return looks_like_domain(segment) || capitalised_name(segment, words);
}

// At least three runs of letters or digits, punctuation of any script excepted; cheaper than
// fold_words, and run for every title.
bool has_three_words(std::string_view s) {
  int words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::uint32_t cp = text::next_code_point(s, i);
    const bool word_char =
        cp < 0x80 ? std::isalnum(static_cast<int>(cp)) != 0 : cp >= 0xC0 && !is_separator(cp);
    if (word_char && !in_word && ++words >= 3) return true;
    in_word = word_char;
  }
  return false;
}

}  // namespace

std::string_view strip_publisher_suffix(std::string_view title) {
  // Two rounds: Google News appends the publisher after a title that already ends in one.
  for (int round = 0; round < 2; ++round) {
    const auto [at, len] = last_separator(title);
    if (at == std::string_view::npos) break;
    const std::string_view head = title.substr(0, at);
    if (!has_three_words(head) || !is_publisher_segment(title.substr(at + len))) break;
    title = head;
  }
  return title;
}

std::string title_key(std::string_view title) {
  std::string key;
  for (const std::string& w : fold_words(strip_publisher_suffix(title)))
    key += (key.empty() ? "" : " ") + w;
  return key;
}

}  // namespace atip::catalog
