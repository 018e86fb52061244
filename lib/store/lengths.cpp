#include "lib/store/lengths.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>

namespace atip::store {

namespace {

// A document_fts_docsize row: each column's token count as an SQLite varint (big-endian groups
// of 7 bits, the high bit set on all but the last; a ninth byte gives 8). -1 when malformed.
std::int64_t total_tokens(const unsigned char* p, int n) {
  std::int64_t total = 0;
  for (int i = 0; i < n;) {
    std::uint64_t v = 0;
    for (int k = 0;; ++k) {
      if (i >= n) return -1;
      const unsigned char b = p[i++];
      if (k == 8) {
        v = (v << 8) | b;
        break;
      }
      v = (v << 7) | (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    if (v > (1u << 30)) return -1;
    total += static_cast<std::int64_t>(v);
  }
  return total;
}

char byte_for(const SQLite::Column& sz) {
  const auto total = total_tokens(static_cast<const unsigned char*>(sz.getBlob()), sz.getBytes());
  return static_cast<char>(total >= 1 && total <= 254 ? total : 255);
}

// Writes rows of lengths, one row of kLengthsPerRow documents at a time.
class RowWriter {
 public:
  explicit RowWriter(SQLite::Database& db)
      : read_(db, "SELECT lengths FROM document_length WHERE chunk = ?"),
        write_(db, "INSERT INTO document_length(chunk, lengths) VALUES (?, ?) "
                   "ON CONFLICT(chunk) DO UPDATE SET lengths = excluded.lengths") {}
  // Sets a document's byte; ids must come in ascending order.
  void set(std::int64_t id, char byte, bool fresh) {
    if (id < 0) return;
    if (id / kLengthsPerRow != row_) {
      flush();
      row_ = id / kLengthsPerRow;
      bytes_.clear();
      if (!fresh) {
        read_.bind(1, row_);
        if (read_.executeStep()) bytes_ = read_.getColumn(0).getString();
        read_.reset();
      }
      bytes_.resize(static_cast<std::size_t>(kLengthsPerRow), '\0');
    }
    bytes_[static_cast<std::size_t>(id % kLengthsPerRow)] = byte;
  }
  void flush() {
    if (row_ < 0) return;
    write_.bind(1, row_);
    write_.bind(2, bytes_.data(), static_cast<int>(bytes_.size()));
    write_.exec();
    write_.reset();
    row_ = -1;
  }

 private:
  SQLite::Statement read_, write_;
  std::int64_t row_ = -1;
  std::string bytes_;
};

bool has_tables(SQLite::Database& db) {
  return db.tableExists("document_length") && db.tableExists("document_length_stale");
}

}  // namespace

void record_lengths(SQLite::Database& db, std::vector<std::int64_t> ids) {
  // A catalogue that lost the tables (atip doctor reports it, --repair makes them again) still
  // takes new documents; its searches read lengths from the full-text index.
  if (!has_tables(db)) return;
  SQLite::Statement stale(db, "SELECT id FROM document_length_stale");
  while (stale.executeStep()) ids.push_back(stale.getColumn(0).getInt64());
  if (ids.empty()) return;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SQLite::Statement size(db, "SELECT sz FROM document_fts_docsize WHERE id = ?");
  RowWriter rows(db);
  for (const std::int64_t id : ids) {
    size.bind(1, id);
    // No full-text row: a deleted document, whose id a new one may take; 255 until then.
    rows.set(id, size.executeStep() ? byte_for(size.getColumn(0)) : static_cast<char>(255), false);
    size.reset();
  }
  rows.flush();
  db.exec("DELETE FROM document_length_stale");
}

void rebuild_lengths(SQLite::Database& db) {
  db.exec("DELETE FROM document_length");
  db.exec("DELETE FROM document_length_stale");
  SQLite::Statement all(db, "SELECT id, sz FROM document_fts_docsize ORDER BY id");
  RowWriter rows(db);
  while (all.executeStep()) rows.set(all.getColumn(0).getInt64(), byte_for(all.getColumn(1)), true);
  rows.flush();
}

bool lengths_missing(SQLite::Database& db) {
  if (!has_tables(db) || !db.tableExists("document_fts_docsize")) return false;
  return db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM document_length) AND "
                       "EXISTS (SELECT 1 FROM document_fts_docsize)").getInt() != 0;
}

std::int64_t wrong_lengths(SQLite::Database& db) {
  if (!has_tables(db)) return 0;
  LengthReader reader(db.getHandle());
  SQLite::Statement all(db, "SELECT id, sz FROM document_fts_docsize ORDER BY id");
  std::int64_t wrong = 0;
  while (all.executeStep()) {
    const int length = reader.length(all.getColumn(0).getInt64());
    if (length != 0 && length != static_cast<unsigned char>(byte_for(all.getColumn(1)))) ++wrong;
  }
  return wrong;
}

LengthReader::LengthReader(sqlite3* db) {
  sqlite3_stmt* stale = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT id FROM document_length_stale", -1, &stale, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "SELECT lengths FROM document_length WHERE chunk = ?", -1, &row_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stale);
    sqlite3_finalize(row_);
    row_ = nullptr;
    return;
  }
  while (sqlite3_step(stale) == SQLITE_ROW) stale_.insert(sqlite3_column_int64(stale, 0));
  sqlite3_finalize(stale);
}

LengthReader::~LengthReader() { sqlite3_finalize(row_); }

int LengthReader::length(std::int64_t id) {
  if (!row_ || id < 0) return 0;
  if (id / kLengthsPerRow != loaded_) {
    loaded_ = id / kLengthsPerRow;
    lengths_.clear();
    sqlite3_bind_int64(row_, 1, loaded_);
    if (sqlite3_step(row_) == SQLITE_ROW && sqlite3_column_bytes(row_, 0) > 0)
      lengths_.assign(static_cast<const char*>(sqlite3_column_blob(row_, 0)),
                      static_cast<std::size_t>(sqlite3_column_bytes(row_, 0)));
    sqlite3_reset(row_);
  }
  const auto at = static_cast<std::size_t>(id % kLengthsPerRow);
  if (at >= lengths_.size() || stale_.count(id)) return 0;
  const auto byte = static_cast<unsigned char>(lengths_[at]);
  return byte >= 1 && byte <= 254 ? byte : 0;
}

}  // namespace atip::store
