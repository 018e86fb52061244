#include "lib/store/lengths.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <utility>

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

// Writes rows of one table's bytes, one row of kLengthsPerRow documents at a time.
class RowWriter {
 public:
  RowWriter(SQLite::Database& db, const std::string& table, const std::string& column)
      : read_(db, "SELECT " + column + " FROM " + table + " WHERE chunk = ?"),
        write_(db, "INSERT INTO " + table + "(chunk, " + column + ") VALUES (?, ?) ON CONFLICT(chunk) DO UPDATE SET " +
                       column + " = excluded." + column) {}
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

// Languages are recorded only where their table is (schema level 12, and not lost).
bool has_language_table(SQLite::Database& db) {
  return db.tableExists("document_language_code") && db.tableExists("document_length_stale");
}

char language_byte(const SQLite::Column& language) {
  return static_cast<char>(language_code(language.isNull() ? std::string_view() : language.getText()));
}

}  // namespace

void record_lengths(SQLite::Database& db, std::vector<std::int64_t> ids) {
  // A catalogue that lost the tables (atip doctor reports it, --repair makes them again) still
  // takes new documents; its searches read lengths from the full-text index, and languages
  // from the documents.
  const bool lengths = has_tables(db), languages = has_language_table(db);
  if (!lengths && !languages) return;
  SQLite::Statement stale(db, "SELECT id FROM document_length_stale");
  while (stale.executeStep()) ids.push_back(stale.getColumn(0).getInt64());
  if (ids.empty()) return;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SQLite::Statement size(db, "SELECT sz FROM document_fts_docsize WHERE id = ?");
  SQLite::Statement language(db, "SELECT language FROM document WHERE id = ?");
  std::optional<RowWriter> length_rows, language_rows;
  if (lengths) length_rows.emplace(db, "document_length", "lengths");
  if (languages) language_rows.emplace(db, "document_language_code", "codes");
  for (const std::int64_t id : ids) {
    // No row: a deleted document, whose id a new one may take; 255 until then.
    if (length_rows) {
      size.bind(1, id);
      length_rows->set(id, size.executeStep() ? byte_for(size.getColumn(0)) : static_cast<char>(255), false);
      size.reset();
    }
    if (language_rows) {
      language.bind(1, id);
      language_rows->set(id, language.executeStep() ? language_byte(language.getColumn(0)) : static_cast<char>(255),
                         false);
      language.reset();
    }
  }
  if (length_rows) length_rows->flush();
  if (language_rows) language_rows->flush();
  db.exec("DELETE FROM document_length_stale");
}

void rebuild_lengths(SQLite::Database& db) {
  if (has_tables(db)) {
    db.exec("DELETE FROM document_length");
    SQLite::Statement all(db, "SELECT id, sz FROM document_fts_docsize ORDER BY id");
    RowWriter rows(db, "document_length", "lengths");
    while (all.executeStep()) rows.set(all.getColumn(0).getInt64(), byte_for(all.getColumn(1)), true);
    rows.flush();
  }
  if (has_language_table(db)) {
    db.exec("DELETE FROM document_language_code");
    // Without ORDER BY, SQLite reads the index on the language (schema/0010) instead of the
    // documents' rows, which are a hundred times larger (50 ms for a million documents); it
    // gives them by language, so they are sorted by id here.
    std::vector<std::pair<std::int64_t, char>> codes;
    SQLite::Statement all(db, "SELECT id, language FROM document");
    while (all.executeStep()) codes.emplace_back(all.getColumn(0).getInt64(), language_byte(all.getColumn(1)));
    std::sort(codes.begin(), codes.end());
    RowWriter rows(db, "document_language_code", "codes");
    for (const auto& [id, code] : codes) rows.set(id, code, true);
    rows.flush();
  }
  if (db.tableExists("document_length_stale")) db.exec("DELETE FROM document_length_stale");
}

bool lengths_missing(SQLite::Database& db) {
  const bool lengths = has_tables(db) && db.tableExists("document_fts_docsize") &&
                       db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM document_length) AND "
                                     "EXISTS (SELECT 1 FROM document_fts_docsize)").getInt() != 0;
  return lengths || (has_language_table(db) &&
                     db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM document_language_code) AND "
                                   "EXISTS (SELECT 1 FROM document)").getInt() != 0);
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

std::int64_t wrong_languages(SQLite::Database& db) {
  if (!has_language_table(db)) return 0;
  // Every recorded byte in memory (a megabyte for a million documents): the documents come
  // by language (see rebuild_lengths), and a ChunkReader would load a row of bytes for each.
  std::unordered_map<std::int64_t, std::string> rows;
  SQLite::Statement chunks(db, "SELECT chunk, codes FROM document_language_code");
  while (chunks.executeStep()) rows[chunks.getColumn(0).getInt64()] = chunks.getColumn(1).getString();
  std::unordered_set<std::int64_t> stale;
  SQLite::Statement stale_ids(db, "SELECT id FROM document_length_stale");
  while (stale_ids.executeStep()) stale.insert(stale_ids.getColumn(0).getInt64());
  SQLite::Statement all(db, "SELECT id, language FROM document");
  std::int64_t wrong = 0;
  while (all.executeStep()) {
    const std::int64_t id = all.getColumn(0).getInt64();
    const auto row = rows.find(id / kLengthsPerRow);
    const auto at = static_cast<std::size_t>(id % kLengthsPerRow);
    if (row == rows.end() || at >= row->second.size() || stale.count(id)) continue;
    const auto recorded = static_cast<unsigned char>(row->second[at]);
    if (recorded >= 1 && recorded <= 6 && recorded != static_cast<unsigned char>(language_byte(all.getColumn(1))))
      ++wrong;
  }
  return wrong;
}

unsigned char language_code(std::string_view language) {
  static constexpr std::string_view kCodes[] = {"", "en", "es", "pt", "fr", "other"};
  for (std::size_t i = 0; i < std::size(kCodes); ++i)
    if (language == kCodes[i]) return static_cast<unsigned char>(i + 1);
  return 255;
}

ChunkReader::ChunkReader(sqlite3* db, const char* table, const char* column) {
  sqlite3_stmt* stale = nullptr;
  const std::string read = std::string("SELECT ") + column + " FROM " + table + " WHERE chunk = ?";
  if (sqlite3_prepare_v2(db, "SELECT id FROM document_length_stale", -1, &stale, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db, read.c_str(), -1, &row_, nullptr) != SQLITE_OK) {
    sqlite3_finalize(stale);
    sqlite3_finalize(row_);
    row_ = nullptr;
    return;
  }
  while (sqlite3_step(stale) == SQLITE_ROW) stale_.insert(sqlite3_column_int64(stale, 0));
  sqlite3_finalize(stale);
}

ChunkReader::~ChunkReader() { sqlite3_finalize(row_); }

unsigned char ChunkReader::byte(std::int64_t id) {
  if (!row_ || id < 0) return 0;
  if (id / kLengthsPerRow != loaded_) {
    loaded_ = id / kLengthsPerRow;
    bytes_.clear();
    sqlite3_bind_int64(row_, 1, loaded_);
    if (sqlite3_step(row_) == SQLITE_ROW && sqlite3_column_bytes(row_, 0) > 0)
      bytes_.assign(static_cast<const char*>(sqlite3_column_blob(row_, 0)),
                    static_cast<std::size_t>(sqlite3_column_bytes(row_, 0)));
    sqlite3_reset(row_);
  }
  const auto at = static_cast<std::size_t>(id % kLengthsPerRow);
  if (at >= bytes_.size() || stale_.count(id)) return 0;
  return static_cast<unsigned char>(bytes_[at]);
}

}  // namespace atip::store
