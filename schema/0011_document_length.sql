-- Schema level 11: each document's length, packed, for ranking (lib/store/lengths.cpp).

-- The rank of a match (lib/store/ranking.hpp) weighs it by its document's length in tokens,
-- which FTS5 keeps in document_fts_docsize, a row per document: ranking the 1,000 newest
-- matches of "Morelos", scattered over a million documents, read 650 of that table's 1,321
-- pages, most of the search's time. Here a byte holds a document's length, 4,000 to a row (two
-- rows to an 8 KiB page): 1,000 scattered matches read 125 pages at most.
-- Byte (id % 4000) of row (id / 4000): 1..254 the length, as document_fts_docsize counts it;
-- 0 not recorded; 255 longer, or no such document. Anything but 1..254 sends the ranking to
-- document_fts_docsize, so a missing or old row costs time, never a wrong rank.
CREATE TABLE document_length (
  chunk INTEGER PRIMARY KEY,
  lengths BLOB NOT NULL
);

-- Documents whose text changed or that were deleted since their length was recorded: the
-- ranking reads their length from the full-text index until atip records it again (at the end
-- of the next write of new documents). Triggers, so that a change by any program is seen.
CREATE TABLE document_length_stale (
  id INTEGER PRIMARY KEY
);
CREATE TRIGGER document_length_update AFTER UPDATE OF title, summary, authors ON document BEGIN
  INSERT OR IGNORE INTO document_length_stale(id) VALUES (old.id);
END;
CREATE TRIGGER document_length_delete AFTER DELETE ON document BEGIN
  INSERT OR IGNORE INTO document_length_stale(id) VALUES (old.id);
END;
