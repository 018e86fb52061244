#pragma once
// One INSERT statement for several rows of a table: a document's tags and title keys.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
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

  // Inserts `count` rows, kMaxRows to a statement: bind(statement, first parameter, row) binds
  // the row's `columns` values from that (1-based) parameter on.
  template <typename Bind>
  void insert(std::size_t count, Bind bind) {
    for (std::size_t first = 0; first < count; first += kMaxRows) {
      const std::size_t n = std::min(kMaxRows, count - first);
      SQLite::Statement& st = rows(n);
      for (std::size_t i = 0; i < n; ++i) bind(st, static_cast<int>(i) * columns_ + 1, first + i);
      st.exec();
      st.reset();
    }
  }

 private:
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

  SQLite::Database& db_;
  std::string head_;
  int columns_;
  std::vector<std::unique_ptr<SQLite::Statement>> statements_;  // [n - 1]: n rows
};

}  // namespace atip::store
