// What an export needs of the store beyond select(): the aggregates a digest prints before its
// works, computed in SQL so an export never holds the documents in memory, and reading
// without a memory map.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "lib/store/catalogue.hpp"
#include "lib/store/selection_sql.hpp"

namespace atip::store {

DigestCounts Catalogue::digest_counts(const Selection& sel) {
  const std::string from = std::string(" FROM document d") +
                           (sel.fts_query.empty() ? "" : " JOIN document_fts ON document_fts.rowid = d.id") +
                           " WHERE 1" + selection_where(sel);
  DigestCounts out;
  // Updated: the publisher dated a revision more than a day after publication, or the entry
  // changed after atip first stored it.
  SQLite::Statement totals(*db_, "SELECT count(*), coalesce(sum(d.last_changed > d.first_seen OR "
                                 "d.updated > coalesce(d.published, d.first_seen) + 86400), 0)" + from);
  bind_selection(totals, sel);
  if (totals.executeStep()) {
    out.works = totals.getColumn(0).getInt64();
    out.updated = totals.getColumn(1).getInt64();
  }
  // The Monday that starts each work's week: 'weekday 0' moves forward to Sunday (or stays).
  SQLite::Statement weeks(*db_, "SELECT date(coalesce(d.published, d.first_seen), 'unixepoch', "
                                "'weekday 0', '-6 days') AS w, count(*)" + from + " GROUP BY w ORDER BY w");
  bind_selection(weeks, sel);
  while (weeks.executeStep()) out.weeks.push_back({weeks.getColumn(0).getString(), weeks.getColumn(1).getInt64()});
  return out;
}

void Catalogue::unmap_for_streaming() { db_->exec("PRAGMA mmap_size = 0"); }

}  // namespace atip::store
