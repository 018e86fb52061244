#include "lib/catalog/fold.hpp"

#include <array>

#include "lib/text/utf8.hpp"

namespace atip::catalog {

namespace {

// Base letters of U+00C0..U+017F; '*' marks the few that fold to two letters and '.' marks
// the two Latin-1 signs in that block (multiplication and division) that separate words.
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiii*nooooo.ouuuuy**aaaaaa*ceeeeiiii*nooooo.ouuuuy*y";
constexpr std::string_view kExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**"
    "rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

static_assert(kLatin1.size() == 0x40);
static_assert(kExtendedA.size() == 0x80);

std::string_view two_letter_fold(std::uint32_t cp) {
  switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xD0: case 0xF0: return "d";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return "";
  }
}

// '$' belongs to the word so that "US$ 5 millones" (dollars, in Spanish and Portuguese news)
// is not the country "US".
bool is_separator(std::uint32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                          (cp >= '0' && cp <= '9') || cp == '$');
  if (cp == 0xAA || cp == 0xBA) return false;  // ordinal indicators, as in "nº", "1ª"
  if (cp < 0xC0) return true;                  // NBSP, ¡, ¿, «, », §, °, …
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2000 && cp <= 0x206F) return true;  // curly quotes, dashes, ellipsis
  if (cp >= 0x3000 && cp <= 0x303F) return true;
  return cp == 0xFEFF || cp == 0xFFFD;
}

bool is_upper(std::uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  return cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x138;
}

// Phrase barriers: a title ends, a sentence ends with ! ? ; : or a line breaks.
bool is_barrier(std::uint32_t cp) {
  return cp == '!' || cp == '?' || cp == ';' || cp == ':' || cp == '\n' || cp == '|';
}

void append_folded(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    return;
  }
  if (cp == 0xAA) { out += 'a'; return; }
  if (cp == 0xBA) { out += 'o'; return; }
  if (cp >= 0xC0 && cp < 0x180) {
    const char c = cp < 0x100 ? kLatin1[cp - 0xC0] : kExtendedA[cp - 0x100];
    if (c == '*') out += two_letter_fold(cp);
    else if (c != '.') out += c;
    else text::append_utf8(out, cp);
    return;
  }
  text::append_utf8(out, cp);
}

std::uint32_t decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return text::next_code_point(s, i);
}

}  // namespace

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) append_folded(out, decode(utf8, i));
  return out;
}

void tokenize(std::string_view utf8, TokenizedText& out) {
  const auto base = static_cast<std::uint32_t>(out.raw.size());
  out.folded.reserve(out.folded.size() + utf8.size() + 1);
  out.tokens.reserve(out.tokens.size() + utf8.size() / 5 + 1);
  out.raw.append(utf8);
  out.raw += '\n';
  bool barrier = true, in_word = false;
  Token tok;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    const std::uint32_t cp = decode(utf8, i);
    if (is_separator(cp)) {
      if (in_word) {
        tok.end = static_cast<std::uint32_t>(out.folded.size());
        tok.raw_end = base + static_cast<std::uint32_t>(start);
        out.tokens.push_back(tok);
        out.folded += ' ';
        in_word = false;
      }
      barrier = barrier || is_barrier(cp);
      continue;
    }
    if (!in_word) {
      tok = Token{};
      tok.begin = static_cast<std::uint32_t>(out.folded.size());
      tok.raw_begin = base + static_cast<std::uint32_t>(start);
      tok.capital = is_upper(cp);
      tok.barrier = barrier;
      barrier = false;
      in_word = true;
    }
    append_folded(out.folded, cp);
  }
  if (in_word) {
    tok.end = static_cast<std::uint32_t>(out.folded.size());
    tok.raw_end = base + static_cast<std::uint32_t>(utf8.size());
    out.tokens.push_back(tok);
    out.folded += ' ';
  }
}

}  // namespace atip::catalog
