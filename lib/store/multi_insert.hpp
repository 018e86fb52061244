#pragma once
// One INSERT statement for several rows of a table: a document's tags and title keys.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace atip::store {

// A statement per row count (up to kMaxRows), compiled when first used. Each statement costs
// SQLite its start, cursors and end, more than writing a short row: one per document rather
// than one per row. Only for writers with foreign keys unchecked (ForeignKeysUnchecked): a
// statement that writes several rows and may fail a check is given a statement journal.
class MultiRowInsert {
 public:
  static constexpr std::size_t kMaxRows = 16;

  // `head` is "INSERT ... INTO table(columns) VALUES ", `columns` their number.
  MultiRowInsert(SQLite::Database& db, std::string head, int columns)
      : db_(db), head_(std::move(head)), columns_(columns) {}

  // The statement for `rows` rows (1..kMaxRows); parameter (row * columns + column + 1).
  SQLite::Statement& rows(std::size_t rows) {
    if (statements_.size() < rows) statements_.resize(rows);
    auto& st = statements_[rows - 1];
    if (!st) {
      std::string one = "(";
      for (int c = 0; c < columns_; ++c) one += c ? ",?" : "?";
      one += ")";
      std::string sql = head_;
      for (std::size_t r = 0; r < rows; ++r) sql += (r ? "," : "") + one;
      st = std::make_unique<SQLite::Statement>(db_, sql);
    }
    return *st;
  }

 private:
  SQLite::Database& db_;
  std::string head_;
  int columns_;
  std::vector<std::unique_ptr<SQLite::Statement>> statements_;  // [n - 1]: n rows
};

}  // namespace atip::store
