#include "lib/store/catalogue.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace atip::store {

Catalogue::Catalogue(const std::string& path, OpenMode mode)
    : path_(path), db_(open_database(path, mode, &upgraded_)) {
  // A fetch touches the indexes of a large catalogue all over: a 32 MB page cache (allocated
  // as used, not up front) keeps their inner pages in memory instead of re-reading them for
  // every entry. (Readers keep the default: a search reads a few hundred pages, and mapping
  // the file costs a short-lived process more in page faults than it saves in copies.)
  if (mode == OpenMode::ReadWrite) db_->exec("PRAGMA cache_size = -32768");
}

Catalogue::~Catalogue() = default;

std::int64_t Catalogue::count_documents() {
  return db_->execAndGet("SELECT count(*) FROM document").getInt64();
}

std::int64_t Catalogue::count_sightings() {
  return db_->execAndGet("SELECT count(*) FROM sighting").getInt64();
}

}  // namespace atip::store
