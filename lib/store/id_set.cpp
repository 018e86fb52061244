#include "lib/store/id_set.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <string>

#include "lib/util/error.hpp"

namespace atip::store {

namespace {

thread_local const std::vector<std::int64_t>* current = nullptr;

void in_ids(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (current == nullptr) {
    sqlite3_result_error(ctx, "atip_in_ids: no set of ids in scope", -1);
    return;
  }
  sqlite3_result_int(ctx, std::binary_search(current->begin(), current->end(), sqlite3_value_int64(argv[0])) ? 1 : 0);
}

}  // namespace

void register_id_set(sqlite3* db) {
  // Direct only: no view or trigger of the schema may depend on a set only atip's code holds.
  if (sqlite3_create_function_v2(db, "atip_in_ids", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, nullptr, in_ids, nullptr,
                                 nullptr, nullptr) != SQLITE_OK)
    throw Error(std::string("cannot register atip_in_ids: ") + sqlite3_errmsg(db), kExitCatalogue);
}

IdSetScope::IdSetScope(const std::vector<std::int64_t>& ids) : previous_(current) { current = &ids; }

IdSetScope::~IdSetScope() { current = previous_; }

}  // namespace atip::store
