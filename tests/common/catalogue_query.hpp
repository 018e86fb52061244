#pragma once
// Reading a catalogue directly in end-to-end tests, to check what atip stored.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>

namespace atip::testing {

// The single integer `sql` yields on the catalogue at `db`, opened read-only.
inline std::int64_t count(const std::string& db, const char* sql) {
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  return d.execAndGet(sql).getInt64();
}

}  // namespace atip::testing
