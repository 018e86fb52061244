// A feed's fetch state: the fetch log, health, validators and the fetch policy (back-off,
// pending redirects, disabling).
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <stdexcept>

#include "lib/store/catalogue.hpp"
#include "lib/store/row.hpp"
#include "lib/store/storage_error.hpp"

namespace atip::store {

namespace {

void insert_log(SQLite::Database& db, const FetchOutcome& o) {
  SQLite::Statement log(db,
                        "INSERT INTO fetch_log(feed_id, started_at, duration_ms, outcome, "
                        "http_status, bytes, entries, new_documents, new_sightings, updated, error, "
                        "warnings) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  log.bind(1, o.feed_id);
  log.bind(2, o.started_at);
  log.bind(3, o.duration_ms);
  log.bind(4, o.outcome);
  row::bind_opt(log, 5, o.http_status);
  log.bind(6, o.bytes);
  log.bind(7, o.entries);
  log.bind(8, o.ingest.new_documents);
  log.bind(9, o.ingest.new_sightings);
  log.bind(10, o.ingest.updated);
  log.bind(11, o.error);
  log.bind(12, o.warnings);
  log.exec();
}

// Health and validators: a failure keeps the validators and body hash of the last success.
void update_health(SQLite::Database& db, const FetchOutcome& o) {
  const bool failed = o.outcome == "failed";
  SQLite::Statement st(db, failed ?
      "UPDATE feed SET last_attempt = ?1, http_status = ?2, last_error = ?4, "
      "consecutive_failures = consecutive_failures + 1 WHERE id = ?3" :
      "UPDATE feed SET last_attempt = ?1, http_status = ?2, last_error = '', "
      "consecutive_failures = 0, last_success = ?1, etag = ?4, last_modified = ?5, "
      "body_hash = CASE WHEN ?6 <> '' THEN ?6 ELSE body_hash END, "
      "title = CASE WHEN title = '' THEN ?7 ELSE title END, "
      "site_url = CASE WHEN site_url = '' THEN ?8 ELSE site_url END, "
      "language = CASE WHEN ?9 <> '' THEN ?9 ELSE language END WHERE id = ?3");
  st.bind(1, o.started_at);
  row::bind_opt(st, 2, o.http_status);
  st.bind(3, o.feed_id);
  if (failed) {
    st.bind(4, o.error);
  } else {
    st.bind(4, o.etag);
    st.bind(5, o.last_modified);
    st.bind(6, o.body_hash);
    st.bind(7, o.feed_title);
    st.bind(8, o.site_url);
    st.bind(9, o.language);
  }
  st.exec();
}

void update_policy(SQLite::Database& db, const FetchOutcome& o) {
  SQLite::Statement st(db,
                       "UPDATE feed SET next_attempt_after = ?, pending_redirect = ?, "
                       "enabled = CASE WHEN ? THEN 0 ELSE enabled END, "
                       "note = CASE WHEN ? THEN ? ELSE note END WHERE id = ?");
  row::bind_opt(st, 1, o.next_attempt_after);
  st.bind(2, o.pending_redirect);
  st.bind(3, o.disable ? 1 : 0);
  st.bind(4, o.disable ? 1 : 0);
  st.bind(5, o.note);
  st.bind(6, o.feed_id);
  st.exec();
}

// The URL is unique: when another feed already has the new address, this one stays as it is
// (the two would be the same feed; the user decides which to keep).
bool move_feed(SQLite::Database& db, std::int64_t id, const std::string& url) {
  SQLite::Statement st(db, "UPDATE OR IGNORE feed SET url = ?, pending_redirect = '' WHERE id = ?");
  st.bind(1, url);
  st.bind(2, id);
  return st.exec() > 0;
}

}  // namespace

bool Catalogue::record_fetch(const FetchOutcome& o) {
  std::optional<SQLite::Transaction> tx;  // none inside a write group: it commits
  if (!group_) tx.emplace(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  // A write group leaves foreign keys unchecked (ingest.cpp), so the log's feed is checked here.
  if (group_) {
    SQLite::Statement feed(*db_, "SELECT 1 FROM feed WHERE id = ?");
    feed.bind(1, o.feed_id);
    if (!feed.executeStep()) throw std::runtime_error(no_such_feed(o.feed_id));
  }
  insert_log(*db_, o);
  update_health(*db_, o);
  update_policy(*db_, o);
  const bool moved = o.move_to.empty() || move_feed(*db_, o.feed_id, o.move_to);
  if (o.harvested_until) {
    SQLite::Statement st(*db_, "UPDATE feed SET harvested_until = ? WHERE id = ?");
    st.bind(1, *o.harvested_until);
    st.bind(2, o.feed_id);
    st.exec();
  }
  if (tx) tx->commit();
  return moved;
}

bool Catalogue::set_feed_enabled(std::int64_t id, bool enabled) {
  SQLite::Statement st(*db_, enabled ?
      "UPDATE feed SET enabled = 1, next_attempt_after = NULL, note = '' WHERE id = ?" :
      "UPDATE feed SET enabled = 0 WHERE id = ?");
  st.bind(1, id);
  return st.exec() > 0;
}

std::vector<std::pair<std::int64_t, std::int64_t>> Catalogue::feed_new_documents(Time since) {
  SQLite::Statement st(*db_,
                       "SELECT feed_id, count(DISTINCT document_id) FROM sighting "
                       "WHERE feed_id IS NOT NULL AND first_seen >= ? GROUP BY feed_id");
  st.bind(1, since);
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  while (st.executeStep()) out.emplace_back(st.getColumn(0).getInt64(), st.getColumn(1).getInt64());
  return out;
}

}  // namespace atip::store
