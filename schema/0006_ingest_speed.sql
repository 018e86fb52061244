-- Schema level 6: storing speed.

-- A new document's full-text row is written by atip's ingest itself, after the rest of its
-- batch (lib/store/ingest.cpp, index_pending): FTS5 flushes its pending terms at every
-- statement savepoint of the transaction, and this trigger made each document insert open one,
-- so every document became a segment of its own, merged again and again. Updates and deletes
-- keep their triggers: they are rare, and need the old text the row held.
DROP TRIGGER document_fts_insert;
