#include "lib/store/language_filter.hpp"

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "lib/store/lengths.hpp"
#include "lib/util/error.hpp"

namespace atip::store {

struct LanguageScope::Languages {
  explicit Languages(sqlite3* db) : codes(db, "document_language_code", "codes") {
    if (sqlite3_prepare_v2(db, "SELECT language FROM document WHERE id = ?", -1, &row, nullptr) != SQLITE_OK) {
      sqlite3_finalize(row);
      row = nullptr;
    }
  }
  ~Languages() { sqlite3_finalize(row); }
  Languages(const Languages&) = delete;
  Languages& operator=(const Languages&) = delete;

  ChunkReader codes;
  sqlite3_stmt* row = nullptr;
};

namespace {

thread_local LanguageScope::Languages* current = nullptr;

std::string_view text_of(sqlite3_value* v) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view();
}

bool any_is(int argc, sqlite3_value** argv, std::string_view language) {
  for (int i = 1; i < argc; ++i)
    if (text_of(argv[i]) == language) return true;
  return false;
}

void language_in(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  if (current == nullptr || current->row == nullptr) {
    sqlite3_result_error(ctx, "atip_language_in: no catalogue in scope", -1);
    return;
  }
  const sqlite3_int64 id = sqlite3_value_int64(argv[0]);
  const unsigned char code = current->codes.byte(id);
  if (code >= 1 && code <= 6) {
    bool in = false;
    for (int i = 1; i < argc && !in; ++i) in = language_code(text_of(argv[i])) == code;
    sqlite3_result_int(ctx, in ? 1 : 0);
    return;
  }
  // Not recorded, stale, or a code without a byte of its own: the row says.
  sqlite3_stmt* row = current->row;
  sqlite3_bind_int64(row, 1, id);
  bool in = false;
  if (sqlite3_step(row) == SQLITE_ROW) in = any_is(argc, argv, text_of(sqlite3_column_value(row, 0)));
  const int rc = sqlite3_reset(row);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_result_int(ctx, in ? 1 : 0);
}

}  // namespace

void register_language_filter(sqlite3* db) {
  // Direct only: no view or trigger of the schema may depend on a scope only atip's code opens.
  if (sqlite3_create_function_v2(db, "atip_language_in", -1, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr, language_in,
                                 nullptr, nullptr, nullptr) != SQLITE_OK)
    throw Error(std::string("cannot register atip_language_in: ") + sqlite3_errmsg(db), kExitCatalogue);
}

LanguageScope::LanguageScope(sqlite3* db) : languages_(std::make_unique<Languages>(db)), previous_(current) {
  current = languages_.get();
}

LanguageScope::~LanguageScope() { current = previous_; }

}  // namespace atip::store
