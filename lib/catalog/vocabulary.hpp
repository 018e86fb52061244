#pragma once
// The watch vocabulary: the terms that tag documents by topic, 4P area, country and type,
// read from the line-oriented files in feeds/vocabulary/ (format: feeds/vocabulary/README.md,
// the future atip-vocabulary(5)). Terms are folded and compiled to word ids once, so tagging
// compares integers.
#include <array>
#include <functional>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lib/catalog/word_table.hpp"

namespace atip::catalog {

// Tag families. `negative` terms lower relevance and shadow the topic terms they contain
// ("drug trafficking" hides "trafficking"); `mask` terms only shadow other matches
// ("chili con carne" hides "Chile").
enum class Family : std::uint8_t { topic, area, country, type, negative, mask };
inline constexpr std::size_t kFamilyCount = 6;

// "topic", "area", "country", "type", "negative", "mask".
std::string_view family_name(Family f) noexcept;

inline constexpr std::uint32_t kNoWord = 0xFFFFFFFF;

// The four languages the office reads, by index: 0 = any/other, 1 en, 2 es, 3 pt, 4 fr.
inline constexpr std::array<std::string_view, 5> kLanguageCodes = {"", "en", "es", "pt", "fr"};

// One compiled line of the vocabulary. Word lists hold sorted word ids.
struct Term {
  Family family = Family::topic;
  std::uint16_t value = 0;      // index into Vocabulary::values[family]
  std::uint8_t language = 0;    // index into kLanguageCodes; 0 = any language
  float weight = 1.0f;
  bool case_sensitive = false;  // the text must spell the words exactly as the term does
  bool capitalised = false;     // the first word must start with a capital letter
  bool demonym = false;         // weak unless near a word of the set "authority"
  bool only_language = false;   // only in documents identified as `language`
  std::vector<int> with;        // counts only when the document has one of these values
  std::vector<int> without;     // counts only when the document has none of these values
  std::vector<std::uint32_t> words;
  std::vector<std::string> raw_words;  // the unfolded words, for case_sensitive terms
  std::vector<std::uint32_t> prev, next, not_prev, not_next, need, unless;
  std::string text;    // the term as written in the file
  std::string source;  // "file:line", for messages and `atip tags`
};

// Lets the word table be searched with a string_view, without building a std::string per
// token of every document.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

// What the tagger checks of a term for each token that equals its first word, laid out flat
// so that the scan over a document touches no Term until the words match.
struct TermHead {
  std::uint32_t term = 0;       // index into Vocabulary::terms
  std::uint32_t rest = 0;       // where the term's words after the first start in head_words
  std::uint32_t count = 0;      // number of words
  bool checks_spelling = false; // case_sensitive or capitalised: the Term must be read
};

// A compiled vocabulary. Immutable after parsing; safe to share between threads.
struct Vocabulary {
  std::vector<Term> terms;
  std::array<std::vector<std::string>, kFamilyCount> values;  // value names per family
  // Folded word -> id, for every word of a term or a rule.
  std::unordered_map<std::string, std::uint32_t, WordHash, std::equal_to<>> words;
  WordTable word_ids;  // the same map as `words`, for word_id()
  // Terms by first word: term_heads[first_term[id] .. first_term[id + 1]) in term order.
  std::vector<std::uint32_t> first_term;
  std::vector<TermHead> term_heads;
  std::vector<std::uint32_t> head_words;
  std::vector<std::uint32_t> authority;                       // sorted ids of set "authority"
  int umbrella_topic = -1;   // value index of topic "tip_general", -1 when absent
  int smuggling_topic = -1;  // value index of topic "migrant_smuggling", -1 when absent

  // The id of a folded word, or kNoWord when no term or rule uses it.
  std::uint32_t word_id(std::string_view folded) const;
  // The index of `value` in `family`, or -1.
  int value_index(Family family, std::string_view value) const;
};

// One vocabulary file: its name (for messages) and its UTF-8 text.
struct VocabularySource {
  std::string name;
  std::string_view text;
};

// Parses vocabulary files (sets may be used in any file). Throws atip::Error naming the file
// and line of the first malformed line: "vocabulary 'topics.tsv' line 12: unknown family 'tpoic'".
Vocabulary parse_vocabulary(std::span<const VocabularySource> sources);
Vocabulary parse_vocabulary(std::string_view text, std::string name = "<vocabulary>");

// Reads every *.tsv file of `dir` in name order and parses them together. Throws atip::Error
// when the directory cannot be read, holds no .tsv file, or a line is malformed.
Vocabulary load_vocabulary(const std::string& dir);

}  // namespace atip::catalog
