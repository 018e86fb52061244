#pragma once
// The search language users type, turned into a safe FTS5 MATCH expression.
//   words            all must match (AND), accent- and case-insensitive; in a query of words
//                    and phrases only, function words (de, la, the, of, et, …) are left out
//                    unless nothing else is left, and "d'enfants" searches for "enfants"
//   "a phrase"       the words in this order
//   traf*            prefix
//   a OR b, a AND b, a NOT b, -b (same as NOT b), ( … )
// Everything else is quoted, so no user input can reach FTS5's own syntax unchecked.
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atip::query {

// A malformed query; what() points at the problem ("unterminated phrase at column 7").
class SyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Equivalents of a run of words in other languages ("trata de personas" -> "human
// trafficking", "tráfico de pessoas", …), or nothing.
using Expander = std::function<std::vector<std::string>(std::string_view words)>;

// Throws SyntaxError. Returns "" for a query with no searchable words. With an expander, each
// phrase, and each longest run of plain words (up to six) that it knows, becomes
// ("the words" OR "equivalent" OR …); prefixes and operators are left alone.
std::string to_fts5(std::string_view query, const Expander& expand = {});

}  // namespace atip::query
