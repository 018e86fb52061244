#include "lib/store/storage_error.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <cstring>

#include "lib/store/catalogue.hpp"

namespace atip::store {

std::string describe(SQLite::Database& db, const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xff) {  // the primary code, whether or not extended codes are on
    case SQLITE_FULL:
      return "the disk is full";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return fmt::format("the file is damaged ({})", e.getErrorStr());
    case SQLITE_READONLY:
      return "the file or its folder is read-only";
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: {
      // The OS reason (EFBIG, EACCES, ENOSPC…) says more than "disk I/O error".
      const int os = sqlite3_system_errno(db.getHandle());
      if (os != 0) return fmt::format("{} ({})", e.getErrorStr(), std::strerror(os));
      // SQLite does not always keep the OS reason; a failed write is nearly always space.
      if (e.getExtendedErrorCode() == SQLITE_IOERR_WRITE || e.getExtendedErrorCode() == SQLITE_IOERR_TRUNCATE)
        return "cannot write to the disk (full, or over a file-size limit)";
      return e.getErrorStr();
    }
    default:
      return e.what();
  }
}

std::string no_such_feed(std::int64_t feed_id) {
  return fmt::format("feed {} is no longer in the catalogue (removed while this command ran?)", feed_id);
}

std::string Catalogue::explain_failure(const std::exception& e) {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) return describe(*db_, *sqlite);
  return e.what();
}

}  // namespace atip::store
