-- Schema level 12: each document's language, packed like its length (lib/store/lengths.cpp).

-- A search limited to languages (--lang) tests each match before reading its document. The
-- index on the language answered that with a seek per match: about 0.8 us, so "informe --lang pt"
-- (a Spanish word, asked of Portuguese documents, which hold it rarely) took 80 ms over the
-- matches of a million-document catalogue. Here a byte holds a document's language, 4,000 to a
-- row, as document_length holds lengths.
-- Byte (id % 4000) of row (id / 4000): 1 no language (''), 2 en, 3 es, 4 pt, 5 fr, 6 other;
-- 0 not recorded; 255 another code, or no such document. Anything else than 1..6 sends the test
-- to the document's row, so a missing or old row costs time, never a wrong answer.
CREATE TABLE document_language_code (
  chunk INTEGER PRIMARY KEY,
  codes BLOB NOT NULL
);

-- A changed language (atip retag) is recorded again with the lengths; until then the row answers.
-- Deletes are marked by document_length_delete.
CREATE TRIGGER document_language_update AFTER UPDATE OF language ON document
WHEN old.language IS NOT new.language BEGIN
  INSERT OR IGNORE INTO document_length_stale(id) VALUES (old.id);
END;
