#pragma once
// Consistent copies of a catalogue: `atip backup FILE`, and the copy written before a schema
// upgrade (database.cpp). A copy is taken inside one read transaction (VACUUM INTO), so it is
// consistent while a fetch writes; it is written beside its destination under a temporary name,
// checked, synced and renamed, so the destination is either the old file or a whole new copy.
#include <string>

namespace SQLite {
class Database;
}

namespace atip::store {

// Copies the open database `db` to `dest` (replacing it). With `expected_level` > 0, a copy at
// another schema level (another process upgraded meanwhile) is discarded. Throws atip::Error
// with a one-line message (disk full, no permission, …); `dest` is then untouched and no
// temporary file is left.
void copy_database(SQLite::Database& db, const std::string& dest, int expected_level = 0);

// Opens the catalogue at `path` read-only (any schema level, nothing written to it) and copies
// it to `dest`. Refuses a `dest` that is the catalogue itself or a folder. Throws atip::Error,
// with kExitCatalogue when `path` is missing or not an SQLite database.
void backup_catalogue(const std::string& path, const std::string& dest);

}  // namespace atip::store
