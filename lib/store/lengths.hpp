#pragma once
// Bytes recorded per document, 4,000 to a row, read for each match of a search without the
// document's row: its length in tokens (schema/0011_document_length.sql), what the rank of a
// match needs, in a twentieth of the pages the full-text index keeps it in; and its language
// (schema/0012_document_language_code.sql), for --lang.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
namespace SQLite {
class Database;
}

namespace atip::store {

inline constexpr std::int64_t kLengthsPerRow = 4000;

// Records the lengths and languages of these documents, whose full-text rows are written, and
// again those of the documents the triggers marked stale; in the caller's transaction.
void record_lengths(SQLite::Database& db, std::vector<std::int64_t> ids);

// Records every document's length and language anew (an upgrade, a repair).
void rebuild_lengths(SQLite::Database& db);

// Whether there are documents and no recorded lengths or languages (a catalogue just upgraded).
bool lengths_missing(SQLite::Database& db);

// How many documents have a recorded length other than the full-text index's (atip doctor).
std::int64_t wrong_lengths(SQLite::Database& db);

// How many documents have a recorded language other than their own (atip doctor).
std::int64_t wrong_languages(SQLite::Database& db);

// A language's byte: 1..6 for '', en, es, pt, fr and other; 255 for any other code.
unsigned char language_code(std::string_view language);

// The recorded bytes of one table, on the connection it runs on: 0 for a document whose byte is
// not recorded, or stale. On a database without the tables every byte is 0.
class ChunkReader {
 public:
  ChunkReader(sqlite3* db, const char* table, const char* column);
  ~ChunkReader();
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;
  unsigned char byte(std::int64_t id);

 private:
  sqlite3_stmt* row_ = nullptr;
  std::int64_t loaded_ = -1;
  std::string bytes_;
  std::unordered_set<std::int64_t> stale_;
};

// The recorded lengths, for the ranking, on the connection it runs on. A length that is not
// recorded (not yet, too long for a byte, or stale) is 0: the ranking then asks the full-text
// index. On a database without the tables every length is 0.
class LengthReader {
 public:
  explicit LengthReader(sqlite3* db) : chunks_(db, "document_length", "lengths") {}
  int length(std::int64_t id) {
    const unsigned char byte = chunks_.byte(id);
    return byte >= 1 && byte <= 254 ? byte : 0;
  }

 private:
  ChunkReader chunks_;
};

}  // namespace atip::store
