// Storing one feed's entries: the identity rules of DESIGN.md that need the catalogue.
#include <SQLiteCpp/SQLiteCpp.h>

#include "lib/store/catalogue.hpp"
#include "lib/store/row.hpp"

namespace atip::store {

namespace {

// The prepared statements of one ingest, compiled once per feed rather than once per entry.
struct IngestStatements {
  explicit IngestStatements(SQLite::Database& db)
      : find_sighting(db, "SELECT id, document_id, content_hash FROM sighting "
                          "WHERE feed_id = ? AND entry_key = ?"),
        find_by_url(db, "SELECT id FROM document WHERE canonical_url = ?"),
        insert_document(db,
                        "INSERT INTO document(canonical_url, title, summary, summary_html, authors, "
                        "published, updated, first_seen, last_changed, language) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?)"),
        insert_sighting(db,
                        "INSERT INTO sighting(document_id, feed_id, source, entry_key, link, "
                        "published, content_hash, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?)"),
        save_revision(db,
                      "INSERT INTO document_revision(document_id, changed_at, title, summary) "
                      "SELECT id, ?, title, summary FROM document WHERE id = ?"),
        update_document(db,
                        "UPDATE document SET title = ?, summary = ?, summary_html = ?, authors = ?, "
                        "updated = ?, last_changed = ? WHERE id = ?"),
        update_sighting(db,
                        "UPDATE sighting SET link = ?, content_hash = ?, published = ?, "
                        "last_seen = ? WHERE id = ?") {}

  SQLite::Statement find_sighting, find_by_url, insert_document, insert_sighting, save_revision,
      update_document, update_sighting;
};

std::int64_t insert_document(IngestStatements& s, SQLite::Database& db, const EntryRecord& e,
                             Time now) {
  auto& st = s.insert_document;
  row::bind_text_or_null(st, 1, e.canonical_url);
  st.bind(2, e.title);
  st.bind(3, e.summary);
  st.bind(4, e.summary_html);
  st.bind(5, e.authors);
  row::bind_opt(st, 6, e.published);
  row::bind_opt(st, 7, e.updated);
  st.bind(8, now);
  st.bind(9, now);
  st.bind(10, e.language);
  st.exec();
  st.reset();
  return db.getLastInsertRowid();
}

void insert_sighting(IngestStatements& s, std::int64_t document_id, std::int64_t feed_id,
                     const std::string& source, const EntryRecord& e, Time now) {
  auto& st = s.insert_sighting;
  st.bind(1, document_id);
  st.bind(2, feed_id);
  st.bind(3, source);
  st.bind(4, e.entry_key);
  st.bind(5, e.link);
  row::bind_opt(st, 6, e.published);
  st.bind(7, e.content_hash);
  st.bind(8, now);
  st.bind(9, now);
  st.exec();
  st.reset();
}

// An entry this feed sent before came back with other content: keep the old text as a
// revision, then update the work. Only the sighting's own feed may rewrite a shared document's
// text when it created it; that refinement belongs to the identity work of later issues.
void update_entry(IngestStatements& s, std::int64_t sighting_id, std::int64_t document_id,
                  const EntryRecord& e, Time now) {
  s.save_revision.bind(1, now);
  s.save_revision.bind(2, document_id);
  s.save_revision.exec();
  s.save_revision.reset();

  auto& d = s.update_document;
  d.bind(1, e.title);
  d.bind(2, e.summary);
  d.bind(3, e.summary_html);
  d.bind(4, e.authors);
  row::bind_opt(d, 5, e.updated);
  d.bind(6, now);
  d.bind(7, document_id);
  d.exec();
  d.reset();

  auto& u = s.update_sighting;
  u.bind(1, e.link);
  u.bind(2, e.content_hash);
  row::bind_opt(u, 3, e.published);
  u.bind(4, now);
  u.bind(5, sighting_id);
  u.exec();
  u.reset();
}

}  // namespace

IngestResult Catalogue::ingest(std::int64_t feed_id, const std::string& source,
                               const std::vector<EntryRecord>& entries, Time now) {
  IngestResult result;
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  IngestStatements s(*db_);
  for (const EntryRecord& e : entries) {
    // Rule 1: the same feed and entry key is the same entry.
    s.find_sighting.bind(1, feed_id);
    s.find_sighting.bind(2, e.entry_key);
    if (s.find_sighting.executeStep()) {
      const std::int64_t sighting_id = s.find_sighting.getColumn(0).getInt64();
      const std::int64_t document_id = s.find_sighting.getColumn(1).getInt64();
      const bool changed = s.find_sighting.getColumn(2).getString() != e.content_hash;
      s.find_sighting.reset();
      if (changed) {
        update_entry(s, sighting_id, document_id, e, now);
        ++result.updated;
      } else {
        ++result.unchanged;
      }
      continue;
    }
    s.find_sighting.reset();

    // Rule 2: the same canonical URL is the same work, seen in another feed (or again).
    std::optional<std::int64_t> document_id;
    if (!e.canonical_url.empty()) {
      s.find_by_url.bind(1, e.canonical_url);
      if (s.find_by_url.executeStep()) document_id = s.find_by_url.getColumn(0).getInt64();
      s.find_by_url.reset();
    }
    if (document_id) {
      ++result.new_sightings;
    } else {
      document_id = insert_document(s, *db_, e, now);
      ++result.new_documents;
    }
    insert_sighting(s, *document_id, feed_id, source, e, now);
  }
  tx.commit();
  return result;
}

}  // namespace atip::store
