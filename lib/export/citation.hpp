#pragma once
// What the three citation formats (BibTeX, RIS, CSL-JSON) share: the kind of work, the
// authors as names, the publisher and readable, unique citation keys.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lib/store/catalogue.hpp"

namespace atip::exporter {

// The citation kind of a document, from its type (report, law, case, article, news, policy,
// training, data); anything else is a web page.
enum class CiteKind { Report, Article, News, Legislation, Case, Dataset, Web };
CiteKind cite_kind(const store::Document& d);

struct PersonName {
  std::string family, given;  // both empty when only `literal` is known
  std::string literal;        // a one-word or institutional name
};

// Splits the stored "A; B" author list; "Family, Given" and "Given Family" are both read, and
// lower-case particles stay with the family name ("Ana de la Cruz" -> "de la Cruz", "Ana").
// An institution ("UN Office on Drugs and Crime") is a literal, kept whole; a person followed
// by a role ("Ana Pérez - Reportera") is the person.
std::vector<PersonName> author_names(const std::string& authors);

// The institution that published the work: the primary sighting's publisher.
std::string publisher(const store::Document& d);

// ISO 639-1 code -> babel/biblatex language name ("es" -> "spanish"); "" when unknown.
std::string babel_language(const std::string& code);

// Keys like "unodc2026global": first author's family name, or an institution's acronym or
// initials (else the publisher's first word),
// the year, the first significant word of the title; ASCII only. Repeats get a, b, … c
// suffixes in the order documents come, which export keeps stable (newest first, then id).
// Holds the keys given out so far.
class CitationKeys {
 public:
  std::string next(const store::Document& d);

 private:
  std::unordered_set<std::string> used_;
  std::unordered_map<std::string, std::size_t> tried_;  // suffixes tried per base, so repeats stay linear
};

// The readable base of a key, before any suffix.
std::string citation_key_base(const store::Document& d);

}  // namespace atip::exporter
