#include "lib/store/database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "lib/store/backup.hpp"
#include "lib/store/id_set.hpp"
#include "lib/store/language_filter.hpp"
#include "lib/store/lengths.hpp"
#include "lib/store/ranking.hpp"
#include "lib/store/storage_error.hpp"
#include "lib/util/embedded.hpp"
#include "lib/util/error.hpp"

namespace atip::store {
namespace fs = std::filesystem;

namespace {

int level_of(std::string_view file_name) { return std::atoi(std::string(file_name.substr(0, 4)).c_str()); }

[[noreturn]] void fail(const std::string& what) { throw Error(what, kExitCatalogue); }

// Pragmas are per connection, so every open sets them.
void configure(SQLite::Database& db, OpenMode mode) {
  // Readers must wait for a writer (a nightly fetch) rather than fail with "database is locked".
  db.setBusyTimeout(10000);
  // Enforce the ON DELETE rules of the schema (SQLite leaves them off by default).
  db.exec("PRAGMA foreign_keys = ON");
  if (mode == OpenMode::ReadWrite) {
    // A document row (title, summary as text and as published HTML) took about 1.5 KB: 4 KiB
    // pages held two, a quarter of each page empty. 8 KiB pages made new catalogues 9% smaller
    // (measured by scripts/bench ingest); an existing catalogue keeps its page size. Since
    // schema level 9, HTML that is only the text's paragraphs is not stored, and such rows take
    // about 1 KB; the page size was not measured again for them.
    db.exec("PRAGMA page_size = 8192");
    // WAL lets search and export read while fetch writes; NORMAL is durable enough under WAL
    // (a power cut can lose the last transaction, never corrupt the file).
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    // Under NORMAL only checkpoints sync (two fdatasyncs each). A fetch commits once per feed
    // and each commit rewrites a few hundred index pages, so the default (1000 pages) meant a
    // checkpoint every third feed: 352 fdatasyncs in a cold fetch of 500 feeds, 52 with 32 MiB
    // of WAL, where a page rewritten by many commits is also copied back once. In a catalogue of
    // a million documents a write group of 64 feeds rewrites thousands of index pages (random
    // keys: URLs, title keys), more than 32 MiB: a checkpoint after every group. 128 MiB stored
    // the bench's million entries 10% faster (scripts/bench ingest). The log is removed when
    // the fetch ends. The limit is counted in pages, and older catalogues keep 4 KiB pages.
    const auto page_size = db.execAndGet("PRAGMA page_size").getInt64();
    db.exec(fmt::format("PRAGMA wal_autocheckpoint = {}", (128 << 20) / std::max<std::int64_t>(page_size, 512)));
  }
}

int user_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

// A catalogue upgraded to schema level 11 or 12 has its documents' lengths and languages to
// record once (a second or so for a million documents); until then searches read them from the
// full-text index and the documents.
void record_missing_lengths(SQLite::Database& db) {
  if (!lengths_missing(db)) return;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (!lengths_missing(db)) return;  // another process got there first
  rebuild_lengths(db);
  tx.commit();
}

void check_path(const std::string& path, OpenMode mode) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (fs::is_directory(status)) fail(fmt::format("catalogue '{}' is a directory, not a file", path));
  if (!fs::exists(status)) {
    if (mode == OpenMode::ReadOnly)
      fail(fmt::format("no catalogue at '{}'; to start one with the default feeds, run: atip init",
                       path));
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::exists(parent)) {
      fs::create_directories(parent, ec);
      if (ec) fail(fmt::format("cannot create folder '{}': {}", parent.string(), ec.message()));
    }
  }
}

}  // namespace

int current_schema_level() { return level_of(embedded::schema_files().back().name); }

ForeignKeysUnchecked::ForeignKeysUnchecked(SQLite::Database& db) : db_(db) {
  db_.exec("PRAGMA foreign_keys = OFF");
}

ForeignKeysUnchecked::~ForeignKeysUnchecked() {
  try {
    db_.exec("PRAGMA foreign_keys = ON");
  } catch (...) {  // a destructor must not throw; the next open sets it again
  }
}

std::string upgrade_backup_path(const std::string& path, int level) {
  return fmt::format("{}.bak-v{}", path, level);
}

int migrate(SQLite::Database& db, const std::string& path, int up_to) {
  int level = user_version(db);
  if (level > current_schema_level())
    fail(fmt::format("catalogue '{}' was written by a newer atip (schema level {}, this atip knows "
                     "up to {}): upgrade atip", path, level, current_schema_level()));
  int applied = 0;
  for (const util::EmbeddedFile& file : embedded::schema_files()) {
    const int target = level_of(file.name);
    if (target <= level || (up_to > 0 && target > up_to)) continue;
    // IMMEDIATE takes the write lock first, so two atips opening a new catalogue at once
    // cannot both apply the same step.
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (user_version(db) >= target) continue;  // another process got there first
    // A step that edits table definitions in place (writable_schema, schema/0008) must tell
    // every connection to read the schema again: SQLite's documented procedure is to
    // increment schema_version in the same transaction.
    db.exec(std::string(file.text));
    if (std::string_view(file.text).find("writable_schema") != std::string_view::npos)
      db.exec(fmt::format("PRAGMA schema_version = {}",
                          db.execAndGet("PRAGMA schema_version").getInt64() + 1));
    db.exec(fmt::format("PRAGMA user_version = {}", target));
    tx.commit();
    level = target;
    ++applied;
  }
  return applied;
}

std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode,
                                                std::optional<Upgrade>* upgraded) {
  check_path(path, mode);
  // No connection is ever used by two threads at once (a fetch hands its catalogue to the
  // store thread), so SQLite's per-call mutexes are pure cost: about 6% of an export's time.
  const int flags = SQLite::OPEN_NOMUTEX | (mode == OpenMode::ReadOnly
                                               ? SQLite::OPEN_READONLY
                                               : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(path, flags);
    // SQLite quietly opens a file it may not write read-only; a command that writes must say so
    // now rather than fail halfway.
    if (mode == OpenMode::ReadWrite && sqlite3_db_readonly(db->getHandle(), "main") == 1)
      fail(fmt::format("catalogue '{}' is read-only (check the permissions of the file and its folder)", path));
    configure(*db, mode);
    register_ranking(db->getHandle());
    register_id_set(db->getHandle());
    register_language_filter(db->getHandle());
    if (mode == OpenMode::ReadWrite) {
      // Years of screening live in this file: keep a copy of it as it was before the upgrade.
      const int level = user_version(*db);
      if (level > 0 && level < current_schema_level()) {
        try {
          copy_database(*db, upgrade_backup_path(path, level), level);
        } catch (const Error& e) {
          // Another process upgraded it meanwhile (and wrote the copy): nothing left to do.
          if (user_version(*db) < current_schema_level())
            fail(fmt::format("not upgrading catalogue '{}' from schema level {}: {}", path, level, e.what()));
        }
      }
      const int applied = migrate(*db, path);
      record_missing_lengths(*db);
      if (upgraded && applied > 0 && level > 0) {
        Upgrade u;
        u.from_level = level;
        u.to_level = user_version(*db);
        u.backup_path = upgrade_backup_path(path, level);
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(u.backup_path, ec);
        u.backup_bytes = ec ? 0 : static_cast<std::int64_t>(bytes);
        const std::int64_t page = db->execAndGet("PRAGMA page_size").getInt64();
        u.free_bytes = db->execAndGet("PRAGMA freelist_count").getInt64() * page;
        u.file_bytes = db->execAndGet("PRAGMA page_count").getInt64() * page;
        *upgraded = std::move(u);
      }
    } else {
      const int level = user_version(*db);
      if (level > current_schema_level())
        fail(fmt::format("catalogue '{}' was written by a newer atip (schema level {}, this atip "
                         "knows up to {}): upgrade atip", path, level, current_schema_level()));
      if (level < current_schema_level())
        fail(fmt::format("catalogue '{}' is at schema level {}; run 'atip fetch' or any command "
                         "that writes to upgrade it to {}", path, level, current_schema_level()));
    }
    return db;
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    if (code == SQLITE_NOTADB)
      fail(fmt::format("'{}' is not an atip catalogue (not an SQLite database)", path));
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      fail(fmt::format("catalogue '{}' is locked by another process", path));
    fail(fmt::format("cannot open catalogue '{}': {}", path, db ? describe(*db, e) : e.getErrorStr()));
  }
}

}  // namespace atip::store
