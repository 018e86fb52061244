#pragma once
// Documents' lengths in tokens, a byte each (schema/0011_document_length.sql): what the rank of
// a match needs of its document, in a twentieth of the pages the full-text index keeps it in.
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
namespace SQLite {
class Database;
}

namespace atip::store {

inline constexpr std::int64_t kLengthsPerRow = 4000;

// Records the lengths of these documents, whose full-text rows are written, and again those
// of the documents their triggers marked stale; in the caller's transaction.
void record_lengths(SQLite::Database& db, std::vector<std::int64_t> ids);

// Records every document's length anew (an upgrade, a repair).
void rebuild_lengths(SQLite::Database& db);

// Whether there are indexed documents and no recorded lengths (a catalogue just upgraded).
bool lengths_missing(SQLite::Database& db);

// How many documents have a recorded length other than the full-text index's (atip doctor).
std::int64_t wrong_lengths(SQLite::Database& db);

// The recorded lengths, for the ranking, on the connection it runs on. A length that is not
// recorded (not yet, too long for a byte, or stale) is 0: the ranking then asks the full-text
// index. On a database without the tables every length is 0.
class LengthReader {
 public:
  explicit LengthReader(sqlite3* db);
  ~LengthReader();
  LengthReader(const LengthReader&) = delete;
  LengthReader& operator=(const LengthReader&) = delete;
  int length(std::int64_t id);

 private:
  sqlite3_stmt* row_ = nullptr;
  std::int64_t loaded_ = -1;
  std::string lengths_;
  std::unordered_set<std::int64_t> stale_;
};

}  // namespace atip::store
