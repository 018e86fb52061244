#pragma once
// SQLite's error codes in words a user can act on, for maintenance commands (doctor, backup).
#include <string>

namespace SQLite {
class Database;
class Exception;
}  // namespace SQLite

namespace atip::store {

// "disk full", "disk I/O error (File too large)", "the file is damaged (…)"…: the SQLite
// message, completed with the operating system's reason when SQLite kept one.
std::string describe(SQLite::Database& db, const SQLite::Exception& e);

}  // namespace atip::store
