#pragma once
// `atip doctor`: checks a catalogue without writing to it, and repairs what is derived from the
// documents (indexes, the full-text index, schema objects, rows pointing at nothing). Documents
// themselves are never changed or removed by a repair.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/store/database.hpp"

#include "lib/store/catalogue.hpp"

namespace atip::store {

struct Problem {
  std::string check;    // "integrity", "foreign keys", "full-text index", "schema", "duplicates"
  std::string message;  // one line
  bool repairable = false;
};

struct DoctorReport {
  int schema_level = 0;  // PRAGMA user_version
  std::int64_t documents = 0, sightings = 0, tags = 0, revisions = 0, feeds = 0;
  // The main file's size and the part of it in free pages, which SQLite reuses for new rows but
  // gives back to the file system only on a VACUUM (compact_catalogue).
  std::int64_t file_bytes = 0, free_bytes = 0;
  std::vector<std::string> passed;  // names of the checks that found nothing
  std::vector<Problem> problems;
  std::vector<std::string> notes;   // worth knowing, not wrong (an older schema level, …)
  // Distinct (kind, value) of the tag table with their counts, for the caller to compare with
  // the vocabulary (the store does not know it).
  std::vector<std::pair<TagRecord, std::int64_t>> tag_values;

  bool healthy() const { return problems.empty(); }
};

// Runs every check on the catalogue at `path`, opened read-only at whatever schema level it is.
// A check that cannot run (the file is too damaged) becomes a problem. Throws atip::Error with
// kExitCatalogue when `path` is missing or not an SQLite database.
DoctorReport check_catalogue(const std::string& path);

// Rebuilds the derived structures of the catalogue at `path`: recreates missing indexes and
// triggers, rebuilds every index (REINDEX), removes rows that point at a missing document or
// feed (a sighting whose feed is gone keeps its document and loses only its feed), and rebuilds
// the full-text index from the documents. Opens it read-write (upgrading an older schema first,
// with its backup). Returns what was done, one line each. Throws atip::Error when the file is
// too damaged to write.
std::vector<std::string> repair_catalogue(const std::string& path);
// "upgraded from schema level 9 to 11; the copy as it was is '<path>.bak-v9' (12.3 MB)".
std::string describe_upgrade(const Upgrade& u);

// True when the free pages are worth a compaction: at least 1 MiB and a tenth of the file.
// Deletions and the full-text index's merges free a little all the time, reused by new rows;
// an upgrade that shrinks every row (schema level 9) can free up to about 30% of it at once.
bool worth_compacting(const DoctorReport& report);
// The same test on a file of `file_bytes` of which `free_bytes` are free pages.
bool worth_compacting(std::int64_t free_bytes, std::int64_t file_bytes);

// "169.6 MB": the sizes doctor prints, in decimal megabytes.
std::string megabytes(std::int64_t bytes);

struct Compaction {
  std::int64_t bytes_before = 0, bytes_after = 0;
  // The size of the write-ahead log left behind because another connection was still reading;
  // the next connection that may write clears it on closing. 0 when the log was emptied.
  std::int64_t log_bytes_left = 0;
  std::optional<Upgrade> upgraded;  // when opening it upgraded the catalogue first
};

// Rewrites the catalogue at `path` without its free pages (SQLite's VACUUM, all or nothing),
// then empties the write-ahead log the rewrite went through. Opens it read-write (upgrading an
// older schema first, with its backup). Needs free disk space of about twice the compacted
// size (a temporary copy, and the log it is written back through); throws atip::Error, with
// the catalogue unchanged, when the disk fills up or the rewrite fails.
Compaction compact_catalogue(const std::string& path);

}  // namespace atip::store
