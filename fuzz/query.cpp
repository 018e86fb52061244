// libFuzzer target: the search language. SyntaxError is the documented failure; anything else
// (another exception, a crash) is a bug, and so is a translation that SQLite's FTS5 refuses:
// a malformed query must be reported by atip, pointing at the problem, never by SQLite.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lib/query/query.hpp"

namespace {

// An in-memory table with the catalogue's tokenizer, and the MATCH statement searches run.
sqlite3_stmt* match_statement() {
  static sqlite3_stmt* st = [] {
    sqlite3* db = nullptr;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE t USING fts5(title, summary, authors, "
                     "tokenize = 'unicode61 remove_diacritics 2');"
                     "INSERT INTO t VALUES ('Trata de personas', 'trafficking in persons', 'ONU');",
                     nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?", -1, &s, nullptr) != SQLITE_OK)
      std::abort();
    return s;
  }();
  return st;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  std::string fts;
  try {
    fts = atip::query::to_fts5(s);
  } catch (const atip::query::SyntaxError&) {
    return 0;
  }
  if (fts.empty()) return 0;
  sqlite3_stmt* st = match_statement();
  sqlite3_reset(st);
  sqlite3_bind_text(st, 1, fts.data(), static_cast<int>(fts.size()), SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "query: FTS5 refused '%s': %s\n", fts.c_str(), sqlite3_errmsg(sqlite3_db_handle(st)));
    std::abort();
  }
  return 0;
}
