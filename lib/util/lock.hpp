#pragma once
// An advisory lock held for the life of the object (flock on a file beside the catalogue), so
// two `atip fetch` runs from overlapping cron jobs never work on the same catalogue at once.
// The kernel drops the lock when the process ends, however it ends, so no stale lock remains.
#include <optional>
#include <string>

namespace atip::util {

class FileLock {
 public:
  // Tries once, without waiting. Returns nothing when another process holds the lock;
  // throws atip::Error when the lock file cannot be created.
  static std::optional<FileLock> try_acquire(const std::string& path);
  ~FileLock();
  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace atip::util
