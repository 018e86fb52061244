#pragma once
// The search language users type, turned into a safe FTS5 MATCH expression.
//   words            all must match (AND), accent- and case-insensitive
//   "a phrase"       the words in this order
//   traf*            prefix
//   a OR b, a AND b, a NOT b, -b (same as NOT b), ( … )
// Everything else is quoted, so no user input can reach FTS5's own syntax unchecked.
#include <stdexcept>
#include <string>
#include <string_view>

namespace atip::query {

// A malformed query; what() points at the problem ("unterminated phrase at column 7").
class SyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws SyntaxError. Returns "" for a query with no searchable words.
std::string to_fts5(std::string_view query);

}  // namespace atip::query
