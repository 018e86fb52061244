#pragma once
// Opening the catalogue: one place for the pragmas and the migrations. All SQL of atip lives in
// lib/store; callers see typed functions (catalogue.hpp), never statements.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace SQLite {
class Database;
}

namespace atip::store {

enum class OpenMode {
  ReadWrite,  // create the file (and its folder) if missing, migrate to the current level
  ReadOnly,   // the file must exist and be at the current level; nothing is written
};

// The schema level this atip writes (the number of the last file in schema/).
int current_schema_level();

// What opening for writing did to an existing catalogue at an older schema level.
struct Upgrade {
  int from_level = 0, to_level = 0;
  std::string backup_path;         // the copy as it was (upgrade_backup_path)
  std::int64_t backup_bytes = 0;
  std::int64_t free_bytes = 0;     // left free in the file by the upgrade (doctor --compact)
  std::int64_t file_bytes = 0;
};

// Opens (and for ReadWrite, creates and migrates) the catalogue at `path`. Before upgrading an
// existing catalogue it writes a copy at upgrade_backup_path(); when that fails nothing is
// upgraded. When this call upgraded it, `upgraded` (if given) says so.
// Throws atip::Error with exit code kExitCatalogue and a one-line message when the path is a
// folder, is not an SQLite database, was written by a newer atip, or cannot be opened.
std::unique_ptr<SQLite::Database> open_database(const std::string& path, OpenMode mode,
                                                std::optional<Upgrade>* upgraded = nullptr);

// Applies every migration above the database's user_version (up to level `up_to`, 0: the
// current level), each in its own transaction together with the user_version bump. Returns the
// number applied.
int migrate(SQLite::Database& db, const std::string& path_for_messages, int up_to = 0);

// Foreign keys unchecked for the transaction begun while this lives, checked again after it.
// For writers that make every reference themselves: ingest and retag insert rows that refer to
// ids they have just inserted or read in the same transaction, or a feed they check is there.
// Checking cost a seek per reference, and a statement that writes several rows and may fail
// one such check is given a statement journal by SQLite. Under this guard, a document's tags
// are one statement: 15% less time storing an entry (scripts/bench ingest). Construct before
// the transaction begins and destroy after it ends (the pragma is a no-op inside one).
class ForeignKeysUnchecked {
 public:
  explicit ForeignKeysUnchecked(SQLite::Database& db);
  ~ForeignKeysUnchecked();
  ForeignKeysUnchecked(const ForeignKeysUnchecked&) = delete;
  ForeignKeysUnchecked& operator=(const ForeignKeysUnchecked&) = delete;

 private:
  SQLite::Database& db_;
};

// Where open_database() copies a catalogue at schema level `level` before upgrading it:
// "<path>.bak-v<level>" (replaced by a later upgrade from the same level).
std::string upgrade_backup_path(const std::string& path, int level);

}  // namespace atip::store
