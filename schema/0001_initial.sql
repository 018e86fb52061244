-- atip catalogue, schema level 1. Applied once, inside one transaction, by lib/store/migrate.cpp;
-- PRAGMA user_version records the level. Later changes go in new numbered files, never here.

-- A publisher's feed and its fetch state (conditional GET validators, health).
CREATE TABLE feed (
  id                   INTEGER PRIMARY KEY,
  url                  TEXT    NOT NULL UNIQUE,
  title                TEXT    NOT NULL DEFAULT '',
  site_url             TEXT    NOT NULL DEFAULT '',
  language             TEXT    NOT NULL DEFAULT '',
  enabled              INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  added_at             INTEGER NOT NULL,
  etag                 TEXT    NOT NULL DEFAULT '',
  last_modified        TEXT    NOT NULL DEFAULT '',
  body_hash            TEXT    NOT NULL DEFAULT '',
  last_attempt         INTEGER,
  last_success         INTEGER,
  http_status          INTEGER,
  last_error           TEXT    NOT NULL DEFAULT '',
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_after   INTEGER,
  note                 TEXT    NOT NULL DEFAULT ''
);

-- Free-form labels on feeds (OPML categories, `feeds add --tag`).
CREATE TABLE feed_tag (
  feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  tag     TEXT    NOT NULL,
  PRIMARY KEY (feed_id, tag)
) WITHOUT ROWID;

-- One catalogued work, however many feeds carried it.
CREATE TABLE document (
  id            INTEGER PRIMARY KEY,
  canonical_url TEXT,
  title         TEXT    NOT NULL DEFAULT '',
  summary       TEXT    NOT NULL DEFAULT '',  -- plain text, for search and digests
  summary_html  TEXT    NOT NULL DEFAULT '',  -- as published, for export
  authors       TEXT    NOT NULL DEFAULT '',  -- names joined with '; '
  published     INTEGER,                      -- UTC seconds; NULL when the feed gave none we could read
  updated       INTEGER,
  first_seen    INTEGER NOT NULL,
  last_changed  INTEGER NOT NULL,
  language      TEXT    NOT NULL DEFAULT '',
  doc_type      TEXT    NOT NULL DEFAULT '',
  relevance     REAL    NOT NULL DEFAULT 0,
  state         TEXT    NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'included', 'excluded', 'maybe')),
  starred       INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  note          TEXT    NOT NULL DEFAULT ''
);
-- Identity rule 2 (same canonical URL, same work) is an invariant, so the index is unique.
CREATE UNIQUE INDEX document_canonical_url ON document(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX document_date ON document(coalesce(published, first_seen));

-- The previous title and summary of a document whose entry changed, newest last.
CREATE TABLE document_revision (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  changed_at  INTEGER NOT NULL,
  title       TEXT    NOT NULL,
  summary     TEXT    NOT NULL
);
CREATE INDEX document_revision_document ON document_revision(document_id);

-- One feed's entry pointing at a document. `source` keeps the publisher's name so a sighting
-- still says where it came from after its feed is removed (feed_id then becomes NULL).
CREATE TABLE sighting (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  feed_id      INTEGER REFERENCES feed(id) ON DELETE SET NULL,
  source       TEXT    NOT NULL DEFAULT '',
  entry_key    TEXT    NOT NULL,
  link         TEXT    NOT NULL DEFAULT '',
  published    INTEGER,
  content_hash TEXT    NOT NULL DEFAULT '',
  first_seen   INTEGER NOT NULL,
  last_seen    INTEGER NOT NULL,
  UNIQUE (feed_id, entry_key)
);
CREATE INDEX sighting_document ON sighting(document_id);

-- Tags by family: topic, area (4P), country, type, language.
CREATE TABLE tag (
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL,
  value       TEXT    NOT NULL,
  score       REAL    NOT NULL DEFAULT 1,
  PRIMARY KEY (document_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX tag_kind_value ON tag(kind, value);

-- Full-text index over the document table (external content, kept in sync by triggers).
-- remove_diacritics 2 folds accents so "trafico" finds "tráfico" in every language.
CREATE VIRTUAL TABLE document_fts USING fts5(
  title, summary, authors,
  content = 'document', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
-- Ranking stored with the index: a word in the title weighs ten times one in the summary,
-- an author's name three times.
INSERT INTO document_fts(document_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 3.0)');
CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
  INSERT INTO document_fts(rowid, title, summary, authors)
  VALUES (new.id, new.title, new.summary, new.authors);
END;
CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, summary, authors)
  VALUES ('delete', old.id, old.title, old.summary, old.authors);
END;
CREATE TRIGGER document_fts_update AFTER UPDATE OF title, summary, authors ON document BEGIN
  INSERT INTO document_fts(document_fts, rowid, title, summary, authors)
  VALUES ('delete', old.id, old.title, old.summary, old.authors);
  INSERT INTO document_fts(rowid, title, summary, authors)
  VALUES (new.id, new.title, new.summary, new.authors);
END;

-- One row per feed per fetch run: the feed's health history.
CREATE TABLE fetch_log (
  id            INTEGER PRIMARY KEY,
  feed_id       INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  started_at    INTEGER NOT NULL,
  duration_ms   INTEGER NOT NULL DEFAULT 0,
  outcome       TEXT    NOT NULL CHECK (outcome IN ('stored', 'not_modified', 'unchanged', 'failed')),
  http_status   INTEGER,
  bytes         INTEGER NOT NULL DEFAULT 0,
  entries       INTEGER NOT NULL DEFAULT 0,
  new_documents INTEGER NOT NULL DEFAULT 0,
  new_sightings INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  error         TEXT    NOT NULL DEFAULT '',
  warnings      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX fetch_log_feed ON fetch_log(feed_id, started_at);
