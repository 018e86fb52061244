// Reading documents: one by id, or a streamed selection for search and export.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "lib/store/catalogue.hpp"
#include "lib/store/row.hpp"
#include "lib/store/selection_sql.hpp"
#include "lib/util/error.hpp"

namespace atip::store {

namespace {

constexpr const char* kDocumentColumns =
    "d.id, d.canonical_url, d.title, d.summary, d.summary_html, d.authors, d.published, "
    "d.updated, d.first_seen, d.last_changed, d.language, d.doc_type, d.state, d.note, d.starred, "
    "d.doi, d.relevance";

Document read_document(SQLite::Statement& st) {
  Document d;
  d.id = st.getColumn(0).getInt64();
  d.canonical_url = row::text(st.getColumn(1));
  d.title = row::text(st.getColumn(2));
  d.summary = row::text(st.getColumn(3));
  d.summary_html = row::text(st.getColumn(4));
  d.authors = row::text(st.getColumn(5));
  d.published = row::opt_int64(st.getColumn(6));
  d.updated = row::opt_int64(st.getColumn(7));
  d.first_seen = st.getColumn(8).getInt64();
  d.last_changed = st.getColumn(9).getInt64();
  d.language = row::text(st.getColumn(10));
  d.doc_type = row::text(st.getColumn(11));
  d.state = row::text(st.getColumn(12));
  d.note = row::text(st.getColumn(13));
  d.starred = st.getColumn(14).getInt() != 0;
  d.doi = row::text(st.getColumn(15));
  d.relevance = st.getColumn(16).getDouble();
  return d;
}

// The publisher of a sighting: the feed's current title, else its URL, else the name kept
// when the feed was removed. The first sighting is the work's primary one: the earliest, and
// among sightings of one fetch run the shortest link, since syndicators add tracking
// parameters and redirect wrappers to the publisher's own address.
constexpr const char* kSightingQuery =
    "SELECT s.feed_id, coalesce(nullif(f.title, ''), f.url, s.source), s.entry_key, s.link, "
    "s.published, s.first_seen, s.origin FROM sighting s LEFT JOIN feed f ON f.id = s.feed_id "
    "WHERE s.document_id = ? ORDER BY s.first_seen, length(s.link), s.id";

void read_sightings(SQLite::Statement& st, std::int64_t document_id, std::vector<Sighting>& out) {
  st.bind(1, document_id);
  while (st.executeStep()) {
    Sighting s;
    s.feed_id = row::opt_int64(st.getColumn(0));
    s.source = row::text(st.getColumn(1));
    s.entry_key = row::text(st.getColumn(2));
    s.link = row::text(st.getColumn(3));
    s.published = row::opt_int64(st.getColumn(4));
    s.first_seen = st.getColumn(5).getInt64();
    s.origin = row::text(st.getColumn(6));
    out.push_back(std::move(s));
  }
  st.reset();
}

constexpr const char* kTagQuery =
    "SELECT kind, value, score FROM tag WHERE document_id = ? ORDER BY kind, score DESC, value";

void read_tags(SQLite::Statement& st, std::int64_t document_id, std::vector<TagRecord>& out) {
  st.bind(1, document_id);
  while (st.executeStep())
    out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getDouble()});
  st.reset();
}

constexpr const char* kEditionQuery =
    "SELECT d.id, d.language, d.title FROM document_edition e JOIN document d ON d.id = e.edition_id "
    "WHERE e.document_id = ? ORDER BY d.language, d.id";

void read_editions(SQLite::Statement& st, std::int64_t document_id, std::vector<Edition>& out) {
  st.bind(1, document_id);
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), row::text(st.getColumn(1)), row::text(st.getColumn(2))});
  st.reset();
}

}  // namespace

std::optional<Document> Catalogue::document(std::int64_t id) {
  SQLite::Statement st(*db_, fmt::format("SELECT {}, 0 FROM document d WHERE d.id = ?",
                                         kDocumentColumns));
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  Document d = read_document(st);
  SQLite::Statement sightings(*db_, kSightingQuery);
  read_sightings(sightings, id, d.sightings);
  SQLite::Statement revisions(*db_, "SELECT changed_at, title, summary FROM document_revision "
                                    "WHERE document_id = ? ORDER BY id");
  revisions.bind(1, id);
  while (revisions.executeStep())
    d.revisions.push_back({revisions.getColumn(0).getInt64(), revisions.getColumn(1).getString(),
                           revisions.getColumn(2).getString()});
  SQLite::Statement tags(*db_, kTagQuery);
  read_tags(tags, id, d.tags);
  SQLite::Statement editions(*db_, kEditionQuery);
  read_editions(editions, id, d.editions);
  return d;
}

void Catalogue::select(const Selection& sel, const std::function<void(const Document&)>& visit) {
  try {
    SQLite::Statement st(*db_, selection_sql(sel, kDocumentColumns));
    bind_selection(st, sel);
    SQLite::Statement sightings(*db_, kSightingQuery);
    SQLite::Statement tags(*db_, kTagQuery);
    SQLite::Statement editions(*db_, kEditionQuery);
    while (st.executeStep()) {
      Document d = read_document(st);
      d.rank = st.getColumn(17).getDouble();
      d.title_highlighted = row::text(st.getColumn(18));
      read_sightings(sightings, d.id, d.sightings);
      read_tags(tags, d.id, d.tags);
      read_editions(editions, d.id, d.editions);
      visit(d);
    }
  } catch (const SQLite::Exception& e) {
    // The query language validates expressions first; this is the backstop that keeps
    // SQLite's text out of the user's face while still saying what went wrong.
    if (e.getErrorCode() == SQLITE_ERROR && !sel.fts_query.empty())
      throw Error(fmt::format("cannot search for '{}': the full-text index rejected the query",
                              sel.fts_query));
    throw;
  }
}

}  // namespace atip::store
