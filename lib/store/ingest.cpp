// Storing one feed's entries: the identity rules of DESIGN.md that need the catalogue.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "lib/store/catalogue.hpp"
#include "lib/store/database.hpp"
#include "lib/store/document_rows.hpp"
#include "lib/store/lengths.hpp"
#include "lib/store/multi_insert.hpp"
#include "lib/store/row.hpp"
#include "lib/store/storage_error.hpp"

namespace atip::store {

namespace {

// The most documents sharing a title key that one entry is compared with (see find_by_title_key).
constexpr int kMaxTitleCandidates = 32;
// Title keys looked up by one statement of has_title_keys (an entry has one to four).
constexpr int kKeysPerCheck = 4;

// "SELECT EXISTS (... key = ?1), ..., EXISTS (... key = ?N)": one seek per key, no more.
std::string title_key_check() {
  std::string sql = "SELECT ";
  for (int i = 1; i <= kKeysPerCheck; ++i)
    sql += (i > 1 ? ", " : "") + std::string("EXISTS (SELECT 1 FROM document_title_key WHERE key = ?") +
           std::to_string(i) + ")";
  return sql;
}

// The prepared statements of one ingest, compiled once per feed rather than once per entry.
struct IngestStatements {
  explicit IngestStatements(SQLite::Database& db)
      : find_sighting(db, "SELECT id, document_id, content_hash FROM sighting "
                          "WHERE feed_id = ? AND entry_key = ?"),
        find_unowned(db, "SELECT id, document_id, content_hash FROM sighting "
                         "WHERE feed_id IS NULL AND origin = ? AND entry_key = ?"),
        find_by_url(db, "SELECT id FROM document WHERE canonical_url = ?"),
        find_by_doi(db, "SELECT d.id, d.title, d.summary, d.canonical_url, d.language, d.doi, "
                        "d.published, d.doi_from_text FROM document d WHERE d.doi = ?"),
        // Only documents dated within the window (or undated), nearest first, and at most
        // kMaxTitleCandidates of them: a numbered series ("Boletín N° 12") shares one title
        // key, and asking the same-work decision about every earlier number made storing a
        // long series quadratic. A key names a document once (the primary key), so no
        // DISTINCT: it opened a temporary table on every lookup, a third of the query's cost.
        find_by_title_key(db,
                          "SELECT d.id, d.title, d.summary, d.canonical_url, d.language, "
                          "d.doi, d.published, d.doi_from_text FROM document_title_key k "
                          "JOIN document d ON d.id = k.document_id WHERE k.key = ?1 AND (?2 IS NULL "
                          "OR d.published IS NULL OR abs(d.published - ?2) <= ?3) ORDER BY CASE "
                          "WHEN ?2 IS NULL OR d.published IS NULL THEN 0 ELSE abs(d.published - ?2) "
                          "END, d.id LIMIT " + std::to_string(kMaxTitleCandidates)),
        // Most entries are new works whose keys no document has. The candidate query sorts
        // in a temporary b-tree that it opens (and closes) even when no row comes: asking
        // first whether any document has the key took a sixth of the instructions of storing
        // an entry (callgrind over scripts/bench ingest).
        has_title_keys(db, title_key_check()),
        insert_document(db,
                        "INSERT INTO document(canonical_url, title, summary, summary_html, authors, "
                        "published, updated, first_seen, last_changed, language, doi, doc_type, "
                        "relevance, doi_from_text, summary_html_derived) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        insert_sighting(db,
                        "INSERT INTO sighting(document_id, feed_id, source, entry_key, link, "
                        "published, content_hash, first_seen, last_seen, origin) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?)"),
        save_revision(db,
                      "INSERT INTO document_revision(document_id, changed_at, title, summary) "
                      "SELECT id, ?, title, summary FROM document WHERE id = ?"),
        update_document(db,
                        "UPDATE document SET title = ?1, summary = ?2, summary_html = ?3, authors = ?4, "
                        "updated = ?5, last_changed = ?6, doc_type = ?7, relevance = ?8, "
                        "doi = coalesce(nullif(?9, ''), doi), summary_html_derived = ?11 "
                        "WHERE id = ?10"),
        // A record from an import or a hand entry often carries fewer fields than the work
        // already has: what it leaves empty is kept.
        fill_document(db,
                      "UPDATE document SET title = coalesce(nullif(?1, ''), title), "
                      "summary = coalesce(nullif(?2, ''), summary), "
                      "summary_html = iif(?3 != '' OR ?11, ?3, summary_html), "
                      "summary_html_derived = iif(?3 != '' OR ?11, ?11, summary_html_derived), "
                      "authors = coalesce(nullif(?4, ''), authors), "
                      "updated = coalesce(?5, updated), last_changed = ?6, "
                      "doc_type = coalesce(nullif(?7, ''), doc_type), relevance = ?8, "
                      "doi = coalesce(nullif(?9, ''), doi) WHERE id = ?10"),
        update_sighting(db,
                        "UPDATE sighting SET link = ?, content_hash = ?, published = ?, "
                        "last_seen = ? WHERE id = ?"),
        delete_keys(db, "DELETE FROM document_title_key WHERE document_id = ?"),
        insert_claim(db, "INSERT OR IGNORE INTO document_edition_claim(url, document_id) VALUES (?, ?)"),
        find_claims(db, "SELECT document_id FROM document_edition_claim WHERE url = ?"),
        // Editions are translations: two documents in one language are not linked, whatever
        // a link says (a "related" dc:relation, an AMP alternate of the same page).
        link_edition(db, "INSERT OR IGNORE INTO document_edition(document_id, edition_id) "
                         "SELECT a.id, b.id FROM document a, document b WHERE a.id = ?1 AND "
                         "b.id = ?2 AND a.id != b.id AND (a.language = '' OR b.language = '' OR "
                         "a.language != b.language)"),
        index_text(db, "INSERT INTO document_fts(rowid, title, summary, authors) VALUES (?,?,?,?)"),
        tags(db),
        insert_keys(db, "INSERT OR IGNORE INTO document_title_key(key, document_id) VALUES ", 2) {}

  SQLite::Statement find_sighting, find_unowned, find_by_url, find_by_doi, find_by_title_key,
      has_title_keys, insert_document, insert_sighting, save_revision, update_document, fill_document,
      update_sighting, delete_keys, insert_claim, find_claims,
      link_edition, index_text;
  rows::TagWriter tags;
  MultiRowInsert insert_keys;

  // New documents whose full-text rows are still to be written (see index_pending). The
  // records belong to the caller and outlive the transaction.
  std::vector<std::pair<std::int64_t, const EntryRecord*>> unindexed;
  std::vector<std::int64_t> indexed;  // since the last finish_pending: their lengths to record
};

void run(SQLite::Statement& st) {
  st.exec();
  st.reset();
}

// Text bound without a copy (SQLITE_STATIC): for strings that outlive the statement's step,
// as an entry's record outlives its ingest. A reset keeps the binding, but every use of these
// statements binds each parameter again before stepping. A copy of a document's text (summary
// and HTML, 1-2 KB) was a malloc, a memcpy and a free each: about 3% of storing an entry.
void bind_text(SQLite::Statement& st, int index, const std::string& s) { st.bindNoCopy(index, s); }
const std::string kNoText;

void bind_text_or_null(SQLite::Statement& st, int index, const std::string& s) {
  if (s.empty())
    st.bind(index);
  else
    st.bindNoCopy(index, s);
}

// Writes the full-text rows of the documents inserted since the last call. They are written
// last, just before the commit, rather than by a trigger on each insert: FTS5 flushes its
// pending terms to a new segment at every statement savepoint once it has joined the
// transaction, and a trigger, a foreign key check or an INSERT OR REPLACE each open one, so
// indexing as we went wrote a segment (and merged it) per document: half the cost of storing
// an entry. Written in a row, the batch's terms become one segment at the commit.
// The text is the document's as stored (insert_document binds the same strings), which an
// external-content index must match for a later 'delete' to find its terms.
void index_pending(IngestStatements& s) {
  for (const auto& [id, e] : s.unindexed) {
    s.index_text.bind(1, id);
    bind_text(s.index_text, 2, e->title);
    bind_text(s.index_text, 3, e->summary);
    bind_text(s.index_text, 4, e->authors);
    run(s.index_text);
    s.indexed.push_back(id);
  }
  s.unindexed.clear();
}

// Before a commit: the pending full-text rows, then the lengths of the documents indexed, for
// the ranking (lib/store/lengths.hpp).
void finish_pending(IngestStatements& s, SQLite::Database& db) {
  index_pending(s);
  record_lengths(db, std::move(s.indexed));
  s.indexed.clear();
}

// Tags and title keys are derived from the text, so they are replaced whenever it changes
// (a new document has none to delete).
void write_derived(IngestStatements& s, std::int64_t document_id, const EntryRecord& e, bool is_new) {
  if (!is_new) {
    s.tags.remove(document_id);
    s.delete_keys.bind(1, document_id);
    run(s.delete_keys);
  }
  s.tags.insert(document_id, e.tags);
  s.insert_keys.insert(e.title_keys.size(), [&](SQLite::Statement& st, int at, std::size_t i) {
    bind_text(st, at, e.title_keys[i]);
    st.bind(at + 1, document_id);
  });
}

std::int64_t insert_document(IngestStatements& s, SQLite::Database& db, const EntryRecord& e,
                             Time now) {
  auto& st = s.insert_document;
  bind_text_or_null(st, 1, e.canonical_url);
  bind_text(st, 2, e.title);
  bind_text(st, 3, e.summary);
  const bool derived = rows::summary_html_derived(e.summary, e.summary_html);
  bind_text(st, 4, derived ? kNoText : e.summary_html);
  bind_text(st, 5, e.authors);
  row::bind_opt(st, 6, e.published);
  row::bind_opt(st, 7, e.updated);
  st.bind(8, now);
  st.bind(9, now);
  bind_text(st, 10, e.language);
  bind_text_or_null(st, 11, e.doi);
  bind_text(st, 12, e.doc_type);
  st.bind(13, e.relevance);
  st.bind(14, e.doi_from_text ? 1 : 0);
  st.bind(15, derived ? 1 : 0);
  run(st);
  const std::int64_t id = db.getLastInsertRowid();
  write_derived(s, id, e, true);
  s.unindexed.emplace_back(id, &e);
  return id;
}

// Whose entries are stored: a feed's (origin from its kind), or nobody's (feed_id 0: an import
// or a hand entry, whose stored fields an empty field of the record never blanks).
struct Owner {
  std::int64_t feed_id = 0;
  std::string origin;
  std::string source;
  bool fill_only = false;
};

void insert_sighting(IngestStatements& s, std::int64_t document_id, const Owner& owner,
                     const EntryRecord& e, Time now) {
  auto& st = s.insert_sighting;
  st.bind(1, document_id);
  if (owner.feed_id != 0)
    st.bind(2, owner.feed_id);
  else
    st.bind(2);
  bind_text(st, 3, owner.source);
  bind_text(st, 4, e.entry_key);
  bind_text(st, 5, e.link);
  row::bind_opt(st, 6, e.published);
  bind_text(st, 7, e.content_hash);
  st.bind(8, now);
  st.bind(9, now);
  bind_text(st, 10, owner.origin);
  run(st);
}

// An entry this feed sent before came back with other content: keep the old text as a
// revision, then update the work.
void update_entry(IngestStatements& s, std::int64_t sighting_id, std::int64_t document_id,
                  const EntryRecord& e, Time now, bool fill_only) {
  // The update trigger takes the old text out of the full-text index, so the document must be
  // in it (it may have been inserted earlier in this batch). Updates are rare: no batching lost.
  index_pending(s);
  s.save_revision.bind(1, now);
  s.save_revision.bind(2, document_id);
  run(s.save_revision);

  auto& d = fill_only ? s.fill_document : s.update_document;
  d.bind(1, e.title);
  d.bind(2, e.summary);
  const bool derived = rows::summary_html_derived(e.summary, e.summary_html);
  d.bind(3, derived ? kNoText : e.summary_html);
  d.bind(4, e.authors);
  row::bind_opt(d, 5, e.updated);
  d.bind(6, now);
  d.bind(7, e.doc_type);
  d.bind(8, e.relevance);
  d.bind(9, e.doi);
  d.bind(10, document_id);
  d.bind(11, derived ? 1 : 0);
  run(d);
  write_derived(s, document_id, e, false);

  auto& u = s.update_sighting;
  u.bind(1, e.link);
  u.bind(2, e.content_hash);
  row::bind_opt(u, 3, e.published);
  u.bind(4, now);
  u.bind(5, sighting_id);
  run(u);
}

std::optional<std::int64_t> find_one(SQLite::Statement& st, const std::string& key) {
  if (key.empty()) return std::nullopt;
  bind_text(st, 1, key);
  std::optional<std::int64_t> id;
  if (st.executeStep()) id = st.getColumn(0).getInt64();
  st.reset();
  return id;
}

void link_both_ways(IngestStatements& s, std::int64_t a, std::int64_t b) {
  for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    s.link_edition.bind(1, from);
    s.link_edition.bind(2, to);
    run(s.link_edition);
  }
}

// Editions the entry declares are linked when the catalogue holds them, and the declaration is
// kept so that one arriving later is linked then; declarations by earlier documents of this
// entry's URL are honoured now. Either order of arrival gives the same links.
void link_editions(IngestStatements& s, std::int64_t document_id, const EntryRecord& e) {
  for (const std::string& url : e.edition_urls) {
    if (url.empty() || url == e.canonical_url) continue;
    s.insert_claim.bind(1, url);
    s.insert_claim.bind(2, document_id);
    run(s.insert_claim);
    if (const auto other = find_one(s.find_by_url, url)) link_both_ways(s, document_id, *other);
  }
  if (e.canonical_url.empty()) return;
  std::vector<std::int64_t> claimants;
  s.find_claims.bind(1, e.canonical_url);
  while (s.find_claims.executeStep()) claimants.push_back(s.find_claims.getColumn(0).getInt64());
  s.find_claims.reset();
  for (const std::int64_t other : claimants) link_both_ways(s, document_id, other);
}

Candidate read_candidate(SQLite::Statement& st) {
  Candidate c;
  c.id = st.getColumn(0).getInt64();
  c.title = row::text(st.getColumn(1));
  c.summary = row::text(st.getColumn(2));
  c.canonical_url = row::text(st.getColumn(3));
  c.language = row::text(st.getColumn(4));
  c.doi = row::text(st.getColumn(5));
  c.published = row::opt_int64(st.getColumn(6));
  c.doi_from_text = st.getColumn(7).getInt() != 0;
  return c;
}

// Rules 3 and 4: among the documents with the entry's DOI or sharing one of its title keys,
// dated within the window (or undated), the nearest in date that the caller's decision accepts.
// A DOI from a link or identifier decides on its own when there is no decision to ask.
std::optional<std::int64_t> find_same_work(IngestStatements& s, const EntryRecord& e,
                                           const SameWork& same_work, Time window) {
  std::optional<std::int64_t> best;
  Time best_distance = 0;
  auto consider = [&](SQLite::Statement& st, const std::string& key, bool by_doi) {
    st.bind(1, key);
    if (!by_doi) {
      row::bind_opt(st, 2, e.published);
      st.bind(3, static_cast<std::int64_t>(window));
    }
    while (st.executeStep()) {
      const Candidate c = read_candidate(st);
      if (!same_work) {
        if (by_doi && !e.doi_from_text && !c.doi_from_text && !best) best = c.id;
        continue;
      }
      const Time distance = c.published && e.published ? std::llabs(*c.published - *e.published) : 0;
      if ((!by_doi && distance > window) || (best && distance >= best_distance)) continue;
      if (!same_work(c, e)) continue;
      best = c.id;
      best_distance = distance;
    }
    st.reset();
  };
  if (!e.doi.empty()) consider(s.find_by_doi, e.doi, true);
  if (!same_work) return best;
  const auto& keys = e.title_keys;
  for (std::size_t first = 0; first < keys.size(); first += kKeysPerCheck) {
    const std::size_t n = std::min<std::size_t>(kKeysPerCheck, keys.size() - first);
    auto& check = s.has_title_keys;
    for (std::size_t i = 0; i < kKeysPerCheck; ++i) {
      const int slot = static_cast<int>(i) + 1;
      if (i < n)
        bind_text(check, slot, keys[first + i]);
      else
        check.bind(slot);  // NULL matches no key
    }
    bool present[kKeysPerCheck] = {};
    if (check.executeStep())
      for (std::size_t i = 0; i < n; ++i) present[i] = check.getColumn(static_cast<int>(i)).getInt() != 0;
    check.reset();
    for (std::size_t i = 0; i < n; ++i)
      if (present[i]) consider(s.find_by_title_key, keys[first + i], false);
  }
  return best;
}

}  // namespace

namespace {

IngestResult ingest_feed(IngestStatements& s, SQLite::Database& db, const Owner& owner,
                         const std::vector<EntryRecord>& entries, Time now,
                         const SameWork& same_work, Time window,
                         std::vector<EntryOutcome>* outcomes = nullptr) {
  IngestResult result;
  auto note = [&](EntryOutcome::Kind kind, std::int64_t document_id) {
    if (outcomes) outcomes->push_back({kind, document_id});
  };
  for (const EntryRecord& e : entries) {
    // Rule 1: the same feed (or, without one, the same origin) and entry key is the same entry.
    SQLite::Statement& find = owner.feed_id != 0 ? s.find_sighting : s.find_unowned;
    if (owner.feed_id != 0)
      find.bind(1, owner.feed_id);
    else
      find.bind(1, owner.origin);
    bind_text(find, 2, e.entry_key);
    if (find.executeStep()) {
      const std::int64_t sighting_id = find.getColumn(0).getInt64();
      const std::int64_t document_id = find.getColumn(1).getInt64();
      const bool changed = find.getColumn(2).getString() != e.content_hash;
      find.reset();
      if (changed) {
        update_entry(s, sighting_id, document_id, e, now, owner.fill_only);
        link_editions(s, document_id, e);
        ++result.updated;
        note(EntryOutcome::Kind::Updated, document_id);
      } else {
        ++result.unchanged;
        note(EntryOutcome::Kind::Unchanged, document_id);
      }
      continue;
    }
    find.reset();

    // Rules 2-4: the same canonical URL, DOI or near-identical title is the same work seen
    // again (in another feed, or in this one under a new key).
    std::optional<std::int64_t> document_id = find_one(s.find_by_url, e.canonical_url);
    if (!document_id) document_id = find_same_work(s, e, same_work, window);
    if (document_id) {
      ++result.new_sightings;
      note(EntryOutcome::Kind::NewSighting, *document_id);
    } else {
      document_id = insert_document(s, db, e, now);
      ++result.new_documents;
      note(EntryOutcome::Kind::NewDocument, *document_id);
    }
    insert_sighting(s, *document_id, owner, e, now);
    link_editions(s, *document_id, e);
  }
  return result;
}

}  // namespace

IngestResult Catalogue::ingest(std::int64_t feed_id, const std::string& source,
                               const std::vector<EntryRecord>& entries, Time now,
                               const SameWork& same_work, Time window) {
  return ingest_many({{feed_id, source, &entries}}, now, same_work, window).front();
}

struct Catalogue::Group {
  explicit Group(SQLite::Database& db) : unchecked(db), tx(db, SQLite::TransactionBehavior::IMMEDIATE), s(db) {}
  ForeignKeysUnchecked unchecked;  // ingest and record_fetch check the feed themselves
  SQLite::Transaction tx;
  IngestStatements s;  // declared after tx: finalized before the transaction ends
};

void Catalogue::GroupDeleter::operator()(Group* group) const { delete group; }

Catalogue::WriteGroup::WriteGroup(Catalogue& cat) : cat_(cat) {
  if (cat.group_) throw std::logic_error("Catalogue::WriteGroup: a group is already open");
  cat.group_.reset(new Group(*cat.db_));
}

Catalogue::WriteGroup::~WriteGroup() { cat_.group_.reset(); }

void Catalogue::WriteGroup::commit() {
  if (!cat_.group_) throw std::logic_error("Catalogue::WriteGroup: committed twice");
  finish_pending(cat_.group_->s, *cat_.db_);
  cat_.group_->tx.commit();
  cat_.group_.reset();
}

std::vector<IngestResult> Catalogue::ingest_many(const std::vector<FeedBatch>& feeds, Time now,
                                                 const SameWork& same_work, Time window) {
  std::vector<IngestResult> results;
  results.reserve(feeds.size());
  // Inside a write group, the group's transaction and statements; otherwise our own.
  std::optional<ForeignKeysUnchecked> unchecked;
  std::optional<SQLite::Transaction> tx;
  std::optional<IngestStatements> own;
  if (!group_) {
    unchecked.emplace(*db_);
    tx.emplace(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    own.emplace(*db_);
  }
  IngestStatements& s = group_ ? group_->s : *own;
  // A sighting's origin follows its feed's kind, so a document keeps saying it came from a
  // watched page or an archive after the feed is gone.
  SQLite::Statement kind(*db_, "SELECT kind FROM feed WHERE id = ?");
  for (const FeedBatch& f : feeds) {
    Owner owner{f.feed_id, "feed", f.source, false};
    kind.bind(1, f.feed_id);
    // Foreign keys are not checked here (ForeignKeysUnchecked): the feed's row is.
    if (!kind.executeStep()) throw std::runtime_error(no_such_feed(f.feed_id));
    const std::string k = kind.getColumn(0).getString();
    owner.origin = k == "page" ? "page" : k == "oai" ? "archive" : "feed";
    kind.reset();
    results.push_back(ingest_feed(s, *db_, owner, *f.entries, now, same_work, window));
  }
  if (tx) {
    finish_pending(s, *db_);
    tx->commit();
  }
  return results;
}

std::vector<EntryOutcome> Catalogue::ingest_unowned(const std::string& origin,
                                                    const std::string& source,
                                                    const std::vector<EntryRecord>& entries,
                                                    Time now, const SameWork& same_work,
                                                    bool dry_run, Time window) {
  if (origin != "import" && origin != "hand")
    throw std::invalid_argument("ingest_unowned: origin must be \"import\" or \"hand\"");
  std::vector<EntryOutcome> outcomes;
  outcomes.reserve(entries.size());
  const ForeignKeysUnchecked unchecked(*db_);
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  IngestStatements s(*db_);
  ingest_feed(s, *db_, Owner{0, origin, source, true}, entries, now, same_work, window, &outcomes);
  finish_pending(s, *db_);
  // A dry run leaves the transaction to roll back when `tx` goes out of scope.
  if (!dry_run) tx.commit();
  return outcomes;
}

int Catalogue::withdraw(std::int64_t feed_id, const std::vector<std::string>& entry_keys) {
  SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement find(*db_, "SELECT id, document_id FROM sighting WHERE feed_id = ? AND entry_key = ?");
  SQLite::Statement remove(*db_, "DELETE FROM sighting WHERE id = ?");
  // Screening is a person's work on the document: it keeps the document when its last source
  // withdraws it.
  SQLite::Statement orphan(*db_,
                           "DELETE FROM document WHERE id = ?1 AND state = 'new' AND starred = 0 "
                           "AND note = '' AND NOT EXISTS (SELECT 1 FROM sighting WHERE document_id = ?1)");
  int removed = 0;
  for (const std::string& key : entry_keys) {
    find.bind(1, feed_id);
    find.bind(2, key);
    std::optional<std::pair<std::int64_t, std::int64_t>> hit;
    if (find.executeStep()) hit = std::pair{find.getColumn(0).getInt64(), find.getColumn(1).getInt64()};
    find.reset();
    if (!hit) continue;
    remove.bind(1, hit->first);
    run(remove);
    ++removed;
    orphan.bind(1, hit->second);
    run(orphan);
  }
  tx.commit();
  return removed;
}

void Catalogue::optimize() {
  // Merges the full-text index's segments into one: after a bulk load, queries read one
  // b-tree per term instead of dozens.
  db_->exec("INSERT INTO document_fts(document_fts) VALUES ('optimize')");
  db_->exec("PRAGMA optimize");
}

}  // namespace atip::store
