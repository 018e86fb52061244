-- atip catalogue at schema level 12, written by tests/data/catalogues/make-fixtures.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
, pending_redirect TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'feed' CHECK (kind = 'feed' OR kind = 'page' OR kind = 'oai'), page_select TEXT NOT NULL DEFAULT '', page_match TEXT NOT NULL DEFAULT '', oai_set TEXT NOT NULL DEFAULT '', harvested_until TEXT NOT NULL DEFAULT '');
INSERT INTO feed VALUES(1,'https://www.unodc.org/rss.xml','UNODC','https://www.unodc.org/','en',1,1700000000,'"abc"','','',NULL,1700003600,200,'',0,NULL,'','','feed','','','','');
INSERT INTO feed VALUES(2,'https://www.ilo.org/feed','ILO: forced labour','https://www.ilo.org/','en',1,1700000000,'','','',NULL,1700003600,200,'',0,NULL,'','https://www.ilo.org/rss/forced-labour','feed','','','','');
INSERT INTO feed VALUES(3,'https://example.org/es/feed','Observatorio','','es',1,1700000100,'','','',NULL,NULL,NULL,'',0,NULL,'','','feed','','','','');
CREATE TABLE feed_tag (
  feed_id INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  tag     TEXT    NOT NULL,
  PRIMARY KEY (feed_id, tag)
) WITHOUT ROWID;
INSERT INTO feed_tag VALUES(1,'on-topic');
INSERT INTO feed_tag VALUES(2,'on-topic');
INSERT INTO feed_tag VALUES(3,'news');
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
  state         TEXT    NOT NULL DEFAULT 'new' CHECK (state = 'new' OR state = 'included' OR state = 'excluded' OR state = 'maybe'),
  starred       INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
  note          TEXT    NOT NULL DEFAULT ''
, doi TEXT, doi_from_text INTEGER NOT NULL DEFAULT 0 CHECK (doi_from_text IN (0, 1)), summary_html_derived INTEGER NOT NULL DEFAULT 0
  CHECK (summary_html_derived = 0 OR summary_html_derived = 1));
INSERT INTO document VALUES(1,'https://www.unodc.org/glotip-2024','Global Report on Trafficking in Persons 2024','Detected victims rose after the pandemic.','<p>Detected victims rose after the pandemic.</p>','UNODC',1733700000,NULL,1733703600,1733703600,'en','report',0.9000000000000000222,'included',1,'core source','10.18356/9789210021234',0,0);
INSERT INTO document VALUES(2,'https://www.ilo.org/forced-labour-profits','Profits and poverty: the economics of forced labour','Illegal profits from forced labour reach $236 billion a year.','','ILO; Walk Free',1710000000,1710500000,1710003600,1710600000,'en','report',0.8000000000000000444,'maybe',0,'',NULL,0,0);
INSERT INTO document VALUES(3,'https://example.org/es/trata-2024','Trata de personas en México: informe anual','El informe documenta casos de trata con fines de explotación laboral.','','',1720000000,NULL,1720003600,1720003600,'es','news',0.69999999999999995559,'new',0,'',NULL,0,0);
INSERT INTO document VALUES(4,'https://example.org/ar/report','تقرير الاتجار بالبشر','ملخص التقرير','','',NULL,NULL,1721000000,1721000000,'ar','',0.2000000000000000111,'excluded',0,'off topic',NULL,0,0);
INSERT INTO document VALUES(5,NULL,'An entry without a link','Only an id in the feed.','','Anon',1722000000,NULL,1722003600,1722100000,'en','',1.0,'new',0,'',NULL,0,0);
CREATE TABLE document_revision (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  changed_at  INTEGER NOT NULL,
  title       TEXT    NOT NULL,
  summary     TEXT    NOT NULL
);
INSERT INTO document_revision VALUES(1,5,1722100000,'An entry without a link: old title','Only an id in the feed.');
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
  last_seen    INTEGER NOT NULL, origin TEXT NOT NULL DEFAULT 'feed'
  CHECK (origin = 'feed' OR origin = 'page' OR origin = 'archive' OR origin = 'import' OR origin = 'hand'),
  UNIQUE (feed_id, entry_key)
);
INSERT INTO sighting VALUES(1,1,1,'UNODC','glotip-2024','https://www.unodc.org/glotip-2024?utm_source=rss',1733700000,'h1',1733703600,1733703600,'feed');
INSERT INTO sighting VALUES(2,1,2,'ILO: forced labour','https://www.unodc.org/glotip-2024','https://www.unodc.org/glotip-2024',1733700000,'h1b',1733800000,1733800000,'feed');
INSERT INTO sighting VALUES(3,2,2,'ILO: forced labour','ilo-2024-profits','https://www.ilo.org/forced-labour-profits',1710000000,'h2',1710003600,1710600000,'feed');
INSERT INTO sighting VALUES(4,3,3,'Observatorio','trata-2024','https://example.org/es/trata-2024',1720000000,'h3',1720003600,1720003600,'feed');
INSERT INTO sighting VALUES(5,4,NULL,'Removed publisher','ar-1','https://example.org/ar/report',NULL,'h4',1721000000,1721000000,'feed');
INSERT INTO sighting VALUES(6,5,1,'UNODC','tag:unodc.org,2024:5','tag:unodc.org,2024:5',1722000000,'h5',1722003600,1722100000,'feed');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','document_fts','document_fts',0,'CREATE VIRTUAL TABLE document_fts USING fts5(
  title, summary, authors,
  content = ''document'', content_rowid = ''id'',
  tokenize = ''unicode61 remove_diacritics 2''
)');
CREATE TABLE IF NOT EXISTS 'document_fts_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO document_fts_data VALUES(1,X'051e2305');
INSERT INTO document_fts_data VALUES(10,X'000000010102020002010101020101');
INSERT INTO document_fts_data VALUES(137438953473,X'000002a2053032303234010208020233360206010108010161020601010a030205020466746572010601010502016e05080201010303016402020303026f6e0506010202030375616c030208010762696c6c696f6e020601010901056361736f73030601010502026f6e030601010801026465030a03010106060306746563746564010601010202086f63756d656e74610306010104010965636f6e6f6d69637302020602016c030601010202016e0302050303747279050203020a78706c6f746163696f6e030601010b01046665656405060101070204696e6573030601010902056f726365640208080101050203726565020601020403026f6d02060101040106676c6f62616c01020201026964050601010402066c6c6567616c020601010203016f020601020202016e01020604060101050305666f726d6503080701010301076c61626f72616c030601010c050275720208090101060203696e6b05020601066d657869636f03020601026f6602020702026c6405020702016e01020403026c790506010102010870616e64656d6963010601010702076572736f6e617303020407017301020702066f76657274790202040206726f666974730208020101030105726561636802060101070304706f727401020302036f73650106010104010374686501060101060102050306010106020469746c65050208020a7261666669636b696e67010205040274610308020101070105756e6f64630106010202010776696374696d730106010103010477616c6b020601020302066974686f7574050204010479656172020601010b010ed8a7d984d8a7d8aad8acd8a7d8b10402030609aad982d8b1d98ad8b10406010103020ba8d8a7d984d8a8d8b4d8b10402040209aad982d8b1d98ad8b10402020108d985d984d8aed8b504060101020409090b0b090609080e0c090b0d0f0e080608110b0b0d0a090b090d080b0d0e0a080b070706090f0c060b0e0c090a12090f0a0c0e0b0b0b1310100e');
INSERT INTO document_fts_data VALUES(274877906945,X'0000007a02306105030502016e05090201010303026f6e05070102020105656e747279050303010466656564050701010701026964050701010402016e050701010501046c696e6b05030601036f6c64050102036e6c79050701010201037468650507010106020469746c6505010107776974686f7574050304040609090a0b090809070a0a08');
CREATE TABLE IF NOT EXISTS 'document_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO document_fts_idx VALUES(1,X'',2);
INSERT INTO document_fts_idx VALUES(2,X'',2);
CREATE TABLE IF NOT EXISTS 'document_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO document_fts_docsize VALUES(1,X'070601');
INSERT INTO document_fts_docsize VALUES(2,X'080a03');
INSERT INTO document_fts_docsize VALUES(3,X'070b00');
INSERT INTO document_fts_docsize VALUES(4,X'030200');
INSERT INTO document_fts_docsize VALUES(5,X'050601');
CREATE TABLE IF NOT EXISTS 'document_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO document_fts_config VALUES('rank','bm25(10.0, 1.0, 3.0)');
INSERT INTO document_fts_config VALUES('version',4);
CREATE TABLE fetch_log (
  id            INTEGER PRIMARY KEY,
  feed_id       INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
  started_at    INTEGER NOT NULL,
  duration_ms   INTEGER NOT NULL DEFAULT 0,
  outcome       TEXT    NOT NULL CHECK (outcome = 'stored' OR outcome = 'not_modified' OR outcome = 'unchanged' OR outcome = 'failed'),
  http_status   INTEGER,
  bytes         INTEGER NOT NULL DEFAULT 0,
  entries       INTEGER NOT NULL DEFAULT 0,
  new_documents INTEGER NOT NULL DEFAULT 0,
  new_sightings INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  error         TEXT    NOT NULL DEFAULT '',
  warnings      TEXT    NOT NULL DEFAULT ''
);
INSERT INTO fetch_log VALUES(1,1,1733703600,120,'stored',200,5120,2,2,0,0,'','');
INSERT INTO fetch_log VALUES(2,2,1733800000,80,'stored',200,4096,2,1,0,0,'','');
INSERT INTO fetch_log VALUES(3,3,1720003600,95,'failed',503,0,0,0,0,0,'','');
CREATE TABLE document_title_key (
  key         TEXT    NOT NULL,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
INSERT INTO document_title_key VALUES('global report trafficking persons 2024',1);
INSERT INTO document_title_key VALUES('profits poverty economics forced labour',2);
INSERT INTO document_title_key VALUES('trata personas mexico informe anual',3);
CREATE TABLE document_edition (
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  edition_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, edition_id)
) WITHOUT ROWID;
INSERT INTO document_edition VALUES(4,3);
INSERT INTO document_edition VALUES(3,4);
CREATE TABLE document_edition_claim (
  url         TEXT    NOT NULL,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (url, document_id)
) WITHOUT ROWID;
INSERT INTO document_edition_claim VALUES('unodc.org/documents/glotip/2024/informe_global_trata_2024.pdf',1);
CREATE TABLE tag_name (
  id    INTEGER PRIMARY KEY,
  kind  TEXT    NOT NULL,  -- "topic", "area", "country", "type"
  value TEXT    NOT NULL,
  UNIQUE (kind, value)
);
INSERT INTO tag_name VALUES(1,'topic','trafficking');
INSERT INTO tag_name VALUES(2,'type','report');
INSERT INTO tag_name VALUES(3,'area','prosecution');
INSERT INTO tag_name VALUES(4,'topic','forced_labour');
INSERT INTO tag_name VALUES(5,'country','MX');
INSERT INTO tag_name VALUES(6,'area','protection');
INSERT INTO tag_name VALUES(7,'type','news');
CREATE TABLE document_tag (
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tag_name(id),
  score       INTEGER NOT NULL DEFAULT 1000,
  PRIMARY KEY (document_id, tag_id)
) WITHOUT ROWID;
INSERT INTO document_tag VALUES(1,1,1000);
INSERT INTO document_tag VALUES(1,2,1000);
INSERT INTO document_tag VALUES(1,3,600);
INSERT INTO document_tag VALUES(2,4,1000);
INSERT INTO document_tag VALUES(2,5,500);
INSERT INTO document_tag VALUES(3,1,1000);
INSERT INTO document_tag VALUES(3,5,1000);
INSERT INTO document_tag VALUES(3,6,700);
INSERT INTO document_tag VALUES(5,7,600);
CREATE TABLE document_length (
  chunk INTEGER PRIMARY KEY,
  lengths BLOB NOT NULL
);
CREATE TABLE document_length_stale (
  id INTEGER PRIMARY KEY
);
INSERT INTO document_length_stale VALUES(5);
CREATE TABLE document_language_code (
  chunk INTEGER PRIMARY KEY,
  codes BLOB NOT NULL
);
CREATE UNIQUE INDEX document_canonical_url ON document(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX document_date ON document(coalesce(published, first_seen));
CREATE INDEX document_revision_document ON document_revision(document_id);
CREATE INDEX sighting_document ON sighting(document_id);
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
CREATE INDEX fetch_log_feed ON fetch_log(feed_id, started_at);
CREATE INDEX document_doi ON document(doi) WHERE doi IS NOT NULL;
CREATE INDEX document_title_key_document ON document_title_key(document_id);
CREATE INDEX document_edition_edition ON document_edition(edition_id);
CREATE INDEX document_edition_claim_document ON document_edition_claim(document_id);
CREATE INDEX sighting_unowned ON sighting(origin, entry_key) WHERE feed_id IS NULL;
CREATE INDEX document_tag_tag ON document_tag(tag_id, document_id);
CREATE VIEW tag(document_id, kind, value, score) AS
SELECT dt.document_id, n.kind, n.value, dt.score / 1000.0
FROM document_tag dt JOIN tag_name n ON n.id = dt.tag_id;
CREATE TRIGGER tag_insert INSTEAD OF INSERT ON tag BEGIN
  INSERT OR IGNORE INTO tag_name(kind, value) VALUES (new.kind, new.value);
  INSERT INTO document_tag(document_id, tag_id, score)
  VALUES (new.document_id, (SELECT id FROM tag_name WHERE kind = new.kind AND value = new.value),
          CAST(round(coalesce(new.score, 1) * 1000) AS INTEGER));
END;
CREATE TRIGGER tag_delete INSTEAD OF DELETE ON tag BEGIN
  DELETE FROM document_tag WHERE document_id = old.document_id
    AND tag_id = (SELECT id FROM tag_name WHERE kind = old.kind AND value = old.value);
END;
CREATE TRIGGER tag_update INSTEAD OF UPDATE ON tag BEGIN
  DELETE FROM document_tag WHERE document_id = old.document_id
    AND tag_id = (SELECT id FROM tag_name WHERE kind = old.kind AND value = old.value);
  INSERT OR IGNORE INTO tag_name(kind, value) VALUES (new.kind, new.value);
  INSERT INTO document_tag(document_id, tag_id, score)
  VALUES (new.document_id, (SELECT id FROM tag_name WHERE kind = new.kind AND value = new.value),
          CAST(round(coalesce(new.score, 1) * 1000) AS INTEGER));
END;
CREATE INDEX document_language ON document(language);
CREATE INDEX document_screened ON document(id, state, starred) WHERE state <> 'new' OR starred = 1;
CREATE TRIGGER document_length_update AFTER UPDATE OF title, summary, authors ON document BEGIN
  INSERT OR IGNORE INTO document_length_stale(id) VALUES (old.id);
END;
CREATE TRIGGER document_length_delete AFTER DELETE ON document BEGIN
  INSERT OR IGNORE INTO document_length_stale(id) VALUES (old.id);
END;
CREATE TRIGGER document_language_update AFTER UPDATE OF language ON document
WHEN old.language IS NOT new.language BEGIN
  INSERT OR IGNORE INTO document_length_stale(id) VALUES (old.id);
END;
PRAGMA writable_schema=OFF;
COMMIT;
PRAGMA user_version = 12;
