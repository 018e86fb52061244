#include "lib/store/backup.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>

#include "lib/store/storage_error.hpp"
#include "lib/util/error.hpp"

namespace atip::store {
namespace fs = std::filesystem;

namespace {

// fsync a file or folder; a rename is only durable once the folder is synced too.
bool sync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

std::string temporary_beside(const std::string& dest) {
  std::random_device rd;
  return fmt::format("{}.tmp-{}-{:08x}", dest, ::getpid(), rd());
}

void remove_quietly(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

// The copy must open, pass a quick check and carry the source's schema level.
void verify_copy(const std::string& tmp, int level, const std::string& dest) {
  SQLite::Database copy(tmp, SQLite::OPEN_READONLY);
  const std::string check = copy.execAndGet("PRAGMA quick_check").getString();
  if (check != "ok") throw Error(fmt::format("the copy written to '{}' failed its check: {}", dest, check));
  const int copied = copy.execAndGet("PRAGMA user_version").getInt();
  if (copied != level)
    throw Error(fmt::format("the copy written to '{}' has schema level {}, not {}", dest, copied, level));
}

}  // namespace

void copy_database(SQLite::Database& db, const std::string& dest, int expected_level) {
  std::error_code ec;
  if (fs::is_directory(dest, ec)) throw Error(fmt::format("cannot write a backup to '{}': it is a folder", dest));
  const std::string tmp = temporary_beside(dest);
  try {
    const int level = expected_level > 0 ? expected_level : db.execAndGet("PRAGMA user_version").getInt();
    SQLite::Statement vacuum(db, "VACUUM INTO ?");
    vacuum.bind(1, tmp);
    vacuum.exec();
    verify_copy(tmp, level, dest);
    if (!sync_path(tmp, false))
      throw Error(fmt::format("cannot write a backup to '{}': {}", dest, std::strerror(errno)));
    if (std::rename(tmp.c_str(), dest.c_str()) != 0)
      throw Error(fmt::format("cannot write a backup to '{}': {}", dest, std::strerror(errno)));
    const fs::path parent = fs::path(dest).parent_path();
    sync_path(parent.empty() ? "." : parent.string(), true);
  } catch (const SQLite::Exception& e) {
    remove_quietly(tmp);
    throw Error(fmt::format("cannot write a backup to '{}': {}", dest, describe(db, e)));
  } catch (...) {
    remove_quietly(tmp);
    throw;
  }
}

void backup_catalogue(const std::string& path, const std::string& dest) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(fmt::format("no catalogue at '{}'", path), kExitCatalogue);
  if (fs::is_directory(path, ec)) throw Error(fmt::format("catalogue '{}' is a folder, not a file", path), kExitCatalogue);
  for (const char* suffix : {"", "-wal", "-shm", ".lock"})
    if (fs::exists(dest, ec) && fs::equivalent(path + suffix, dest, ec))
      throw Error(fmt::format("'{}' is the catalogue itself; give another file for the backup", dest), kExitUsage);
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    db->setBusyTimeout(10000);
    // Reading the schema is what tells an SQLite file from anything else.
    db->execAndGet("SELECT count(*) FROM sqlite_schema");
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB)
      throw Error(fmt::format("'{}' is not an atip catalogue (not an SQLite database)", path), kExitCatalogue);
    throw Error(fmt::format("cannot open catalogue '{}': {}", path, e.getErrorStr()), kExitCatalogue);
  }
  copy_database(*db, dest);
}

}  // namespace atip::store
