// Feeds and their fetch state.
#include <SQLiteCpp/SQLiteCpp.h>

#include <charconv>

#include "lib/store/catalogue.hpp"
#include "lib/store/row.hpp"

namespace atip::store {

namespace {

void add_tags(SQLite::Database& db, std::int64_t feed_id, const std::vector<std::string>& tags) {
  SQLite::Statement st(db, "INSERT OR IGNORE INTO feed_tag(feed_id, tag) VALUES (?, ?)");
  for (const std::string& tag : tags) {
    if (tag.empty()) continue;
    st.bind(1, feed_id);
    st.bind(2, tag);
    st.exec();
    st.reset();
  }
}

constexpr const char* kFeedColumns =
    "f.id, f.url, f.title, f.site_url, f.language, f.enabled, f.added_at, f.etag, "
    "f.last_modified, f.body_hash, f.last_attempt, f.last_success, f.http_status, f.last_error, "
    "f.consecutive_failures, f.next_attempt_after, f.note, f.pending_redirect, "
    "f.kind, f.page_select, f.page_match, f.oai_set, f.harvested_until, "
    "(SELECT count(DISTINCT s.document_id) FROM sighting s WHERE s.feed_id = f.id), "
    "(SELECT group_concat(tag, ',') FROM (SELECT tag FROM feed_tag t WHERE t.feed_id = f.id "
    "ORDER BY tag))";

FeedRow read_feed(SQLite::Statement& st) {
  FeedRow f;
  f.id = st.getColumn(0).getInt64();
  f.url = row::text(st.getColumn(1));
  f.title = row::text(st.getColumn(2));
  f.site_url = row::text(st.getColumn(3));
  f.language = row::text(st.getColumn(4));
  f.enabled = st.getColumn(5).getInt() != 0;
  f.added_at = st.getColumn(6).getInt64();
  f.etag = row::text(st.getColumn(7));
  f.last_modified = row::text(st.getColumn(8));
  f.body_hash = row::text(st.getColumn(9));
  f.last_attempt = row::opt_int64(st.getColumn(10));
  f.last_success = row::opt_int64(st.getColumn(11));
  f.http_status = row::opt_int(st.getColumn(12));
  f.last_error = row::text(st.getColumn(13));
  f.consecutive_failures = st.getColumn(14).getInt();
  f.next_attempt_after = row::opt_int64(st.getColumn(15));
  f.note = row::text(st.getColumn(16));
  f.pending_redirect = row::text(st.getColumn(17));
  f.kind = row::text(st.getColumn(18));
  f.page_select = row::text(st.getColumn(19));
  f.page_match = row::text(st.getColumn(20));
  f.oai_set = row::text(st.getColumn(21));
  f.harvested_until = row::text(st.getColumn(22));
  f.documents = st.getColumn(23).getInt64();
  const std::string tags = row::text(st.getColumn(24));
  for (std::size_t start = 0; start < tags.size();) {
    std::size_t comma = tags.find(',', start);
    if (comma == std::string::npos) comma = tags.size();
    f.tags.push_back(tags.substr(start, comma - start));
    start = comma + 1;
  }
  return f;
}

bool is_all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

std::optional<std::int64_t> Catalogue::add_feed(const NewFeed& feed, Time now) {
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement find(*db_, "SELECT id FROM feed WHERE url = ?");
  find.bind(1, feed.url);
  std::optional<std::int64_t> added;
  std::int64_t id = 0;
  if (find.executeStep()) {
    id = find.getColumn(0).getInt64();
    SQLite::Statement title(*db_, "UPDATE feed SET title = ? WHERE id = ? AND title = ''");
    title.bind(1, feed.title);
    title.bind(2, id);
    title.exec();
  } else {
    SQLite::Statement ins(*db_,
                          "INSERT INTO feed(url, title, site_url, added_at, kind, page_select, "
                          "page_match, oai_set) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, feed.url);
    ins.bind(2, feed.title);
    ins.bind(3, feed.site_url);
    ins.bind(4, now);
    ins.bind(5, feed.kind.empty() ? std::string("feed") : feed.kind);
    ins.bind(6, feed.page_select);
    ins.bind(7, feed.page_match);
    ins.bind(8, feed.oai_set);
    ins.exec();
    id = db_->getLastInsertRowid();
    added = id;
  }
  add_tags(*db_, id, feed.tags);
  tx.commit();
  return added;
}

std::vector<FeedRow> Catalogue::feeds(bool enabled_only) {
  SQLite::Statement st(*db_, std::string("SELECT ") + kFeedColumns + " FROM feed f" +
                                 (enabled_only ? " WHERE f.enabled = 1" : "") + " ORDER BY f.id");
  std::vector<FeedRow> out;
  while (st.executeStep()) out.push_back(read_feed(st));
  return out;
}

std::optional<FeedRow> Catalogue::find_feed(const std::string& id_or_url) {
  SQLite::Statement st(*db_, std::string("SELECT ") + kFeedColumns +
                                 " FROM feed f WHERE f.url = ? OR f.id = ? ORDER BY f.url = ? DESC");
  std::int64_t id = -1;
  if (is_all_digits(id_or_url) && id_or_url.size() < 19)
    std::from_chars(id_or_url.data(), id_or_url.data() + id_or_url.size(), id);
  st.bind(1, id_or_url);
  st.bind(2, id);
  st.bind(3, id_or_url);
  if (!st.executeStep()) return std::nullopt;
  return read_feed(st);
}

bool Catalogue::remove_feed(std::int64_t id) {
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  // Keep the publisher's name on the sightings before the feed row (and feed_id) goes.
  SQLite::Statement keep(*db_,
                         "UPDATE sighting SET source = (SELECT CASE WHEN title <> '' THEN title "
                         "ELSE url END FROM feed WHERE id = ?) WHERE feed_id = ? AND source = ''");
  keep.bind(1, id);
  keep.bind(2, id);
  keep.exec();
  SQLite::Statement del(*db_, "DELETE FROM feed WHERE id = ?");
  del.bind(1, id);
  const bool removed = del.exec() > 0;
  tx.commit();
  return removed;
}

}  // namespace atip::store
