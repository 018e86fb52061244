#pragma once
// Accent- and case-folding and word tokenisation for matching the watch vocabulary.
// The vocabulary and the documents go through the same functions, so "Tráfico", "TRAFICO"
// and "tráfico" all become the token "trafico". No ICU: the four languages of the office
// (en, es, pt, fr) only need Latin-1 Supplement and Latin Extended-A.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace atip::catalog {

// One word of a text: [begin, end) in the folded buffer and [raw_begin, raw_end) in the
// original UTF-8. `capital` is true when the original word starts with an upper-case letter;
// `barrier` is true when a phrase must not run across the gap before this word (a change of
// field, or ! ? ; : and line breaks).
struct Token {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t raw_begin = 0, raw_end = 0;
  bool capital = false;
  bool barrier = false;
};

// A text split into words, with the folded characters the tokens point into.
struct TokenizedText {
  std::string folded;
  std::string raw;
  std::vector<Token> tokens;

  std::string_view word(std::size_t i) const {
    return std::string_view(folded).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  std::string_view raw_word(std::size_t i) const {
    return std::string_view(raw).substr(tokens[i].raw_begin,
                                        tokens[i].raw_end - tokens[i].raw_begin);
  }
};

// Lower-cases and strips diacritics from Latin letters (é -> e, ñ -> n, ç -> c, œ -> oe,
// ß -> ss); other characters are copied unchanged. Invalid UTF-8 becomes U+FFFD.
std::string fold(std::string_view utf8);

// Appends the words of `utf8` to `out` (a word is a run of letters, digits and '$'; apostrophes,
// hyphens and all punctuation separate words, so "d'enfants" is "d" "enfants"). The first
// appended token is marked as a barrier, so calling this once per field keeps phrases inside
// a field. Code points beyond Latin Extended-A that are not punctuation count as letters.
void tokenize(std::string_view utf8, TokenizedText& out);

}  // namespace atip::catalog
