#pragma once
// The catalogue: typed operations over the SQLite database. The only place with SQL (with
// database.cpp). Identity keys (entry key, canonical URL) are computed by the caller before
// storing; the store only looks them up.
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/store/database.hpp"

namespace SQLite {
class Database;
}

namespace atip::store {

using Time = std::int64_t;  // UTC seconds since the epoch

struct NewFeed {
  std::string url;
  std::string title;
  std::string site_url;
  std::vector<std::string> tags;
  std::string kind = "feed";            // "feed", "page" (an HTML page watched), "oai" (OAI-PMH)
  std::string page_select{}, page_match{};  // page watch: CSS selector, link URL pattern
  std::string oai_set{};                    // OAI-PMH setSpec; "" for the whole repository
};

struct FeedRow {
  std::int64_t id = 0;
  std::string url, title, site_url, language;
  std::vector<std::string> tags;
  bool enabled = true;
  Time added_at = 0;
  std::string etag, last_modified, body_hash;
  std::optional<Time> last_attempt, last_success;
  std::optional<int> http_status;
  std::string last_error;
  int consecutive_failures = 0;
  std::optional<Time> next_attempt_after;  // back-off or Retry-After; none: due at once
  std::string note;                        // why the feed was disabled, e.g. "HTTP 410 Gone"
  std::string pending_redirect;            // permanent redirect target seen on the last fetch
  std::string kind = "feed";               // see NewFeed
  std::string page_select{}, page_match{}, oai_set{};
  // OAI: the date the last complete harvest started, sent as from= next time ("": everything).
  std::string harvested_until;
  std::int64_t documents = 0;  // documents with at least one sighting from this feed
};

struct TagRecord {
  std::string kind;  // "topic", "area", "country", "type"
  std::string value;
  double score = 1;
};

// One feed entry, ready to store. Text is plain UTF-8; times are UTC seconds.
struct EntryRecord {
  std::string entry_key;      // stable within the feed (guid, else link, else hash)
  std::string content_hash;   // changes when title, summary or link change
  std::string link;           // as published
  std::string canonical_url;  // identity across feeds; empty when the entry has no link
  std::string title;
  std::string summary;        // plain text
  std::string summary_html;   // as published
  std::string authors;        // "A; B"
  std::optional<Time> published, updated;
  std::string language;
  // Identity beyond the URL (rules 3 and 4) and tags, computed by lib/catalog before storing.
  std::string doi;                      // normalised; "" when none
  bool doi_from_text = false;           // found only in the summary (may be a citation)
  std::vector<std::string> title_keys;  // catalog::candidate_keys(title)
  std::vector<TagRecord> tags;
  std::string doc_type;
  double relevance = 1;
  // Canonical URLs of other editions the source declares (hreflang alternates, dc:relation,
  // a "versión en español" link). Linked when the catalogue holds them, now or later.
  std::vector<std::string> edition_urls;
};

// A catalogued document offered to the caller's same-work decision (identity rule 4).
struct Candidate {
  std::int64_t id = 0;
  std::string title, summary, canonical_url, language, doi;
  bool doi_from_text = false;
  std::optional<Time> published;
};
// Decides whether `entry` is the same work as an existing document found by title key.
using SameWork = std::function<bool(const Candidate& existing, const EntryRecord& entry)>;

// One feed's entries for Catalogue::ingest_many; `entries` must outlive the call.
struct FeedBatch {
  std::int64_t feed_id = 0;
  std::string source;
  const std::vector<EntryRecord>* entries = nullptr;
};

// What happened to one entry of Catalogue::ingest_unowned.
struct EntryOutcome {
  enum class Kind { NewDocument, NewSighting, Updated, Unchanged } kind = Kind::Unchanged;
  std::int64_t document_id = 0;  // in a dry run, a new document's id is the one it would get
};

struct IngestResult {
  int new_documents = 0;  // works not catalogued before
  int new_sightings = 0;  // entries that are new to this feed but a known work
  int updated = 0;        // entries already seen whose content changed
  int unchanged = 0;
};

// What happened to one feed in one fetch run.
struct FetchOutcome {
  std::int64_t feed_id = 0;
  Time started_at = 0;
  std::int64_t duration_ms = 0;
  std::string outcome;  // "stored", "not_modified", "unchanged", "failed"
  std::optional<int> http_status;
  std::int64_t bytes = 0;
  int entries = 0;
  IngestResult ingest;
  std::string error;
  std::string warnings;  // newline-separated
  // Fetch state to remember for the next run (only written when the fetch succeeded).
  std::string etag, last_modified, body_hash;
  std::string feed_title, site_url, language;  // learned from the feed, filled in when empty
  // Policy, written whatever the outcome: when to try next (none: next run), the permanent
  // redirect target to confirm next time, a new URL to adopt now (ignored when another feed
  // has it), and whether to disable the feed with `note`.
  std::optional<Time> next_attempt_after;
  std::string pending_redirect;
  std::string move_to;
  bool disable = false;
  std::string note;
  // OAI: a harvest that went through the whole list; stored when set.
  std::optional<std::string> harvested_until{};
};

struct Sighting {
  std::optional<std::int64_t> feed_id;
  std::string source;  // publisher (feed title, else feed URL)
  std::string entry_key, link;
  std::optional<Time> published;
  Time first_seen = 0;
  std::string origin = "feed";  // or "page", "archive" (OAI-PMH), "import", "hand" (atip add)
};

struct Revision {
  Time changed_at = 0;
  std::string title, summary;
};

// Another language edition of a document (a translation linked by its source).
struct Edition {
  std::int64_t id = 0;
  std::string language, title;
};

struct Document {
  std::int64_t id = 0;
  std::string canonical_url, title, summary, summary_html, authors;
  std::optional<Time> published, updated;
  Time first_seen = 0, last_changed = 0;
  std::string language, doc_type, state, note;
  bool starred = false;
  std::vector<Sighting> sightings;  // primary first: oldest, then shortest link
  std::vector<Revision> revisions;  // only filled by document()
  std::vector<TagRecord> tags;      // by kind, strongest first
  std::vector<Edition> editions;    // by language, then id
  std::string doi;
  double relevance = 0;
  double rank = 0;                  // search rank (lower is better), 0 outside search
  // With Selection::highlight: the title with each matched word between \x01 and \x02.
  std::string title_highlighted;

  Time date() const { return published.value_or(first_seen); }
  // The link the sources gave: the primary sighting's, as published.
  std::string source_link() const { return sightings.empty() ? canonical_url : sightings.front().link; }
  // The link to show a person: the sources', else the DOI's resolver (a work imported from a
  // bibliography may have a DOI and no URL).
  std::string link() const {
    std::string l = source_link();
    if (l.empty() && !doi.empty()) l = "https://doi.org/" + doi;
    return l;
  }
};

// Which documents a search, export or statistic covers. Several values in one list match any
// of them; different lists must all match.
struct Selection {
  std::string fts_query;  // an FTS5 MATCH expression (from lib/query), empty for all
  std::optional<Time> since, until;  // on published, else first_seen; inclusive
  std::vector<std::int64_t> feed_ids;      // carried by one of these feeds
  std::vector<std::string> topics, areas, countries, types;  // tag values of each family
  std::vector<std::string> languages;      // "es", "en", …
  std::vector<std::string> states;         // "new", "included", "excluded", "maybe", "starred"
  std::optional<double> min_relevance;     // hide documents scored below this
  int limit = 0;                           // 0: no limit
  // With a query and Order::Rank: rank only the first N matching documents (after the other
  // filters), newest catalogued first; 0 ranks every match.
  int rank_window = 0;
  bool highlight = false;                  // fill Document::title_highlighted (needs fts_query)
  // GroupThenDate: by the document's strongest tag of family `group_kind` ("topic", "country";
  // "type" means the doc_type column), documents without one last, then newest first.
  enum class Order { Rank, DateDesc, SourceThenDate, GroupThenDate } order = Order::DateDesc;
  std::string group_kind;
};

// A screening decision on documents; unset fields are left as they are.
struct Mark {
  std::optional<std::string> state;  // "new", "included", "excluded", "maybe"
  std::optional<bool> starred;
  std::optional<std::string> note;
};

enum class StatsBy { Month, Topic, Area, Country, Feed, Language, Type };

struct Count {
  std::string key;  // "2026-11", "forced_labour", "MX", a feed's title, "es" ("" for none)
  std::int64_t documents = 0;
};

// What a digest counts before listing the works (lib/store/digest_counts.cpp).
struct DigestCounts {
  std::int64_t works = 0;
  std::int64_t updated = 0;  // revised after publication or after atip first saw them
  std::vector<Count> weeks;  // key: the Monday starting the week, "YYYY-MM-DD", in order
};

// What re-tagging reads of a document, and what it writes back.
struct TaggingInput {
  std::int64_t id = 0;
  std::string title, summary, language;
  bool on_topic = false;  // carried by a feed tagged "on-topic"
};
struct TaggingOutput {
  std::vector<TagRecord> tags;
  std::string language, doc_type;
  double relevance = 0;
};

class Catalogue {
 public:
  Catalogue(const std::string& path, OpenMode mode);
  ~Catalogue();
  Catalogue(const Catalogue&) = delete;
  Catalogue& operator=(const Catalogue&) = delete;

  const std::string& path() const { return path_; }
  // Set when opening this catalogue upgraded it from an older schema level.
  const std::optional<Upgrade>& upgraded() const { return upgraded_; }

  // Feeds. add_feed returns the new id, or nullopt when the URL is already there (and then
  // only adds the missing tags and fills an empty title).
  std::optional<std::int64_t> add_feed(const NewFeed& feed, Time now);
  std::vector<FeedRow> feeds(bool enabled_only = false);
  // By numeric id or by exact URL.
  std::optional<FeedRow> find_feed(const std::string& id_or_url);
  // Removes the feed and its fetch log; its documents stay, their sightings keep the
  // publisher's name. Returns false when there was no such feed.
  bool remove_feed(std::int64_t id);

  // How far in date title candidates are looked up: catalog::kCandidateWindowSeconds, within
  // which same_work() decides (it applies a narrower window unless the summaries agree).
  static constexpr Time kTitleCandidateWindow = 90 * 86400;

  // Stores one feed's entries in one transaction. `source` names the publisher. Identity, in
  // order: the same feed and entry key; the same canonical URL; a document with the entry's
  // DOI, or sharing a title key and dated within `window` seconds of the entry (or undated),
  // that `same_work` accepts (nearest in date first). Without `same_work`, a DOI from a link or
  // identifier alone decides, and titles are not compared.
  IngestResult ingest(std::int64_t feed_id, const std::string& source,
                      const std::vector<EntryRecord>& entries, Time now,
                      const SameWork& same_work = {}, Time window = kTitleCandidateWindow);
  // Several feeds' entries in one transaction (one commit, one index flush): the results in
  // the order of `feeds`. Each feed is ingested as by ingest(); a failure rolls back all.
  std::vector<IngestResult> ingest_many(const std::vector<FeedBatch>& feeds, Time now,
                                        const SameWork& same_work = {}, Time window = kTitleCandidateWindow);
  // Entries that came from no feed: origin "import" (atip import) or "hand" (atip add);
  // `source` says where from ("import: zotero.bib", "hand entry"). Identity as ingest(), rule 1
  // being the same origin and entry key (importing a file twice changes nothing). A changed
  // entry updates its document but never blanks a stored field the record leaves empty. One
  // transaction; with `dry_run` it is rolled back, and the outcomes (in entry order) say what
  // would have happened.
  std::vector<EntryOutcome> ingest_unowned(const std::string& origin, const std::string& source,
                                           const std::vector<EntryRecord>& entries, Time now,
                                           const SameWork& same_work = {}, bool dry_run = false,
                                           Time window = kTitleCandidateWindow);
  // Records an archive withdrew (OAI-PMH deleted records): removes the feed's sightings with
  // these entry keys. A document left without sightings goes too, unless someone screened it
  // (a state other than "new", a star or a note), which keeps it. Returns sightings removed.
  int withdraw(std::int64_t feed_id, const std::vector<std::string>& entry_keys);
  // After a bulk load: merges the full-text index into one segment and refreshes the query
  // planner's statistics. Takes a while on a large catalogue; searches get faster.
  void optimize();
  // Records a fetch in the log and updates the feed's state, in one transaction. Returns
  // false when `outcome.move_to` could not be adopted (another feed has that URL).
  bool record_fetch(const FetchOutcome& outcome);

  // Several feeds' writes in one transaction, for a writer with feeds waiting (atip fetch when
  // storing is its slow stage). While a group is open, ingest, ingest_many and record_fetch
  // join its transaction instead of committing their own, and the full-text rows of new
  // documents are written once, by commit(): one commit and one index segment for the group
  // instead of two commits and a segment per feed. A feed's entries and its fetch log still
  // land together; a failure rolls back the whole group, as it does one feed. Records given to
  // ingest must outlive the group. Destroyed without commit(), the group is rolled back. Other
  // writes (import, screening...) cannot run while a group is open: they throw.
  class WriteGroup {
   public:
    explicit WriteGroup(Catalogue& cat);
    ~WriteGroup();
    WriteGroup(const WriteGroup&) = delete;
    WriteGroup& operator=(const WriteGroup&) = delete;
    void commit();

   private:
    Catalogue& cat_;
  };
  // Enables or disables a feed; enabling clears its back-off and note. False when no such feed.
  bool set_feed_enabled(std::int64_t id, bool enabled);
  // Per feed id: documents whose sighting from that feed was first seen at or after `since`.
  std::vector<std::pair<std::int64_t, std::int64_t>> feed_new_documents(Time since);

  // Documents.
  std::optional<Document> document(std::int64_t id);
  // Calls `visit` for each selected document (with its sightings), streaming: documents are
  // not collected in memory. Throws atip::Error for a malformed FTS expression.
  void select(const Selection& selection, const std::function<void(const Document&)>& visit);
  // `atip search` (lib/store/search_select.cpp): select()'s documents in select()'s order,
  // read for a screenful. Without `details`, only sightings are read (no tags, editions). One
  // difference: with Order::Rank and a rank window, the window is the newest matches passing the
  // tag, feed, language and screening filters (states other than "new"), and the other filters
  // on the document's fields (relevance, state "new", dates) are checked on the best-ranked of
  // it, unless they reject most of it (then as select()).
  void search(const Selection& selection, bool details, const std::function<void(const Document&)>& visit);
  // Applies `mark` to each document in one transaction; each update touches only the fields
  // set, so two people marking at once lose nothing. Returns the ids that do not exist.
  std::vector<std::int64_t> mark(const std::vector<std::int64_t>& ids, const Mark& mark);

  // Documents per month, tag value, feed or language among the selected ones; months in
  // order, everything else most frequent first. Documents with no value of a tag family are
  // not counted for it.
  std::vector<Count> stats(const Selection& selection, StatsBy by);
  // The selected documents' total, how many were updated (see DigestCounts) and per week.
  DigestCounts digest_counts(const Selection& selection);
  // For a reader that goes through the whole catalogue once (export): reads pages through the
  // page cache instead of mapping the file, so the process's memory stays small whatever the
  // catalogue's size (mapped pages count in its resident set).
  void unmap_for_streaming();

  // Re-tags every document with `tagger`, in batches, each batch in one transaction; returns
  // the number of documents. Documents, sightings and screening marks are not touched.
  std::int64_t retag(const std::function<TaggingOutput(const TaggingInput&)>& tagger);

  // Documents per (kind, value) of tag.
  std::vector<std::pair<TagRecord, std::int64_t>> tag_counts();
  // The values of one kind of tag ("country") that some document has or had: a filter's value
  // outside them finds nothing.
  std::vector<std::string> tag_values(const std::string& kind);

  std::int64_t count_documents();
  std::int64_t count_sightings();

  // What went wrong in words a user can act on, for an exception thrown by this catalogue:
  // "the disk is full", "disk I/O error (File too large)", "the file is damaged (…)"…
  // (defined in storage_error.cpp).
  std::string explain_failure(const std::exception& e);

 private:
  struct Group;  // the open WriteGroup's transaction and statements (lib/store/ingest.cpp)
  struct GroupDeleter {
    void operator()(Group* group) const;
  };

  std::string path_;
  std::optional<Upgrade> upgraded_;  // before db_, whose opening sets it
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<Group, GroupDeleter> group_;
};

}  // namespace atip::store
