#include "lib/store/catalogue.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace atip::store {

Catalogue::Catalogue(const std::string& path, OpenMode mode)
    : path_(path), db_(open_database(path, mode)) {}

Catalogue::~Catalogue() = default;

std::int64_t Catalogue::count_documents() {
  return db_->execAndGet("SELECT count(*) FROM document").getInt64();
}

std::int64_t Catalogue::count_sightings() {
  return db_->execAndGet("SELECT count(*) FROM sighting").getInt64();
}

}  // namespace atip::store
