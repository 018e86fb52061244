#pragma once
// `search --expand`: a query in one language also finds the others, through the watch
// vocabulary (every topic and 4P term that names the same thing).
#include "lib/catalog/vocabulary.hpp"
#include "lib/query/query.hpp"

namespace atip::app {

// An expander that knows every topic and area term of `vocabulary` (accent- and case-folded)
// and answers with the unambiguous terms of the same value in all languages (terms that need
// context to count, case-sensitive acronyms and demonyms are not offered), at most 12.
query::Expander vocabulary_expander(const catalog::Vocabulary& vocabulary);

}  // namespace atip::app
