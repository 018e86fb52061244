-- Schema level 7: compact tags. A catalogue holds a few dozen distinct (kind, value) pairs and
-- about seven tags per document; stored as text twice (the row and the kind/value index) they
-- took about 400 bytes per document and were the largest single cost of storing an entry.
-- Each pair is now named once, and a document's tag is three small integers.

CREATE TABLE tag_name (
  id    INTEGER PRIMARY KEY,
  kind  TEXT    NOT NULL,  -- "topic", "area", "country", "type"
  value TEXT    NOT NULL,
  UNIQUE (kind, value)
);

-- Scores are kept in thousandths: an integer of one or two bytes where a REAL takes eight.
-- They are sums of vocabulary weights of two decimals; what a thousandth hides is float noise.
CREATE TABLE document_tag (
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  tag_id      INTEGER NOT NULL REFERENCES tag_name(id),
  score       INTEGER NOT NULL DEFAULT 1000,
  PRIMARY KEY (document_id, tag_id)
) WITHOUT ROWID;
-- Documents by tag: counts per tag (`atip tags`, `atip stats`) read this index alone.
CREATE INDEX document_tag_tag ON document_tag(tag_id, document_id);

INSERT INTO tag_name(kind, value) SELECT DISTINCT kind, value FROM tag ORDER BY kind, value;
-- Tags of a document that is gone (only a damaged catalogue has them; `atip doctor --repair`
-- would remove them) would break the foreign key, so they are left behind.
INSERT INTO document_tag(document_id, tag_id, score)
SELECT t.document_id, n.id, CAST(round(t.score * 1000) AS INTEGER)
FROM tag t JOIN tag_name n ON n.kind = t.kind AND n.value = t.value
WHERE t.document_id IN (SELECT id FROM document);
DROP TABLE tag;

-- The old table's shape, for readers: search, selection, export, stats and doctor read tags
-- through it. Writers write document_tag (lib/store/document_rows.cpp, TagWriter).
CREATE VIEW tag(document_id, kind, value, score) AS
SELECT dt.document_id, n.kind, n.value, dt.score / 1000.0
FROM document_tag dt JOIN tag_name n ON n.id = dt.tag_id;

-- Writing through the view, as to the old table (a hand-edited catalogue, a script's fix-up).
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
