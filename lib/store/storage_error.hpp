#pragma once
// SQLite's error codes in words a user can act on, for maintenance commands (doctor, backup).
#include <cstdint>
#include <string>

namespace SQLite {
class Database;
class Exception;
}  // namespace SQLite

namespace atip::store {

// "disk full", "disk I/O error (File too large)", "the file is damaged (…)"…: the SQLite
// message, completed with the operating system's reason when SQLite kept one.
std::string describe(SQLite::Database& db, const SQLite::Exception& e);

// Why a write naming a feed that is not in the catalogue fails (it was removed by another
// command since the feed list was read): the message of the foreign key check it replaces.
std::string no_such_feed(std::int64_t feed_id);

}  // namespace atip::store
