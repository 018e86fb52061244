// Re-tagging the catalogue after the vocabulary changed, and tag counts.
#include <SQLiteCpp/SQLiteCpp.h>

#include "lib/store/catalogue.hpp"
#include "lib/store/database.hpp"
#include "lib/store/document_rows.hpp"
#include "lib/store/lengths.hpp"
#include "lib/store/row.hpp"

namespace atip::store {

namespace {

constexpr int kBatch = 2000;

std::vector<TaggingInput> next_batch(SQLite::Database& db, std::int64_t after) {
  SQLite::Statement st(db,
                       "SELECT d.id, d.title, d.summary, d.language, EXISTS (SELECT 1 FROM sighting s "
                       "JOIN feed_tag t ON t.feed_id = s.feed_id WHERE s.document_id = d.id AND "
                       "t.tag = 'on-topic') FROM document d WHERE d.id > ? ORDER BY d.id LIMIT ?");
  st.bind(1, after);
  st.bind(2, kBatch);
  std::vector<TaggingInput> batch;
  while (st.executeStep())
    batch.push_back({st.getColumn(0).getInt64(), row::text(st.getColumn(1)), row::text(st.getColumn(2)),
                     row::text(st.getColumn(3)), st.getColumn(4).getInt() != 0});
  return batch;
}

}  // namespace

std::int64_t Catalogue::retag(const std::function<TaggingOutput(const TaggingInput&)>& tagger) {
  std::int64_t done = 0, after = 0;
  for (;;) {
    // Read a batch first, then write it: the rows being updated are never those being scanned.
    const std::vector<TaggingInput> batch = next_batch(*db_, after);
    if (batch.empty()) break;
    // The documents were just read and the tag ids come from tag_name: nothing to check.
    const ForeignKeysUnchecked unchecked(*db_);
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    rows::TagWriter tags(*db_);
    SQLite::Statement upd(*db_, "UPDATE document SET language = ?, doc_type = ?, relevance = ? WHERE id = ?");
    for (const TaggingInput& in : batch) {
      const TaggingOutput out = tagger(in);
      tags.remove(in.id);
      tags.insert(in.id, out.tags);
      upd.bind(1, out.language);
      upd.bind(2, out.doc_type);
      upd.bind(3, out.relevance);
      upd.bind(4, in.id);
      upd.exec();
      upd.reset();
    }
    tx.commit();
    done += static_cast<std::int64_t>(batch.size());
    after = batch.back().id;
  }
  // The languages that changed were marked stale, and searches test those on the document's
  // row until they are recorded again: now, rather than at the next fetch.
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  record_lengths(*db_, {});
  tx.commit();
  return done;
}

std::vector<std::pair<TagRecord, std::int64_t>> Catalogue::tag_counts() { return rows::tag_counts(*db_); }

std::vector<std::string> Catalogue::tag_values(const std::string& kind) {
  SQLite::Statement st(*db_, "SELECT value FROM tag_name WHERE kind = ? ORDER BY value");
  st.bind(1, kind);
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}

}  // namespace atip::store
