-- Schema level 13: how the full-text index merges its segments while a fetch writes.

-- FTS5 keeps its terms in segments: each write group's new documents become one when it
-- commits, and once `automerge` segments of one size are there they are merged into a larger
-- one. Every merge rewrites the postings it holds, so each document's are rewritten once per
-- level. Level size grows by `automerge`: 16 instead of 4 halves the levels a million documents
-- climb (storing them took 12% less CPU in scripts/bench ingest), and a search reads up to 15
-- segments of a size instead of 3, which measured no slower (median of 9 runs of six queries
-- over 200,000 documents, 18 segments against 9). `hashsize` is the memory of terms kept before a segment is
-- written: at the default 1 MiB a write group of 64 feeds split into several; 8 MiB is one.
-- Both settings are stored in the index and read by every connection.
INSERT INTO document_fts(document_fts, rank) VALUES ('automerge', 16);
INSERT INTO document_fts(document_fts, rank) VALUES ('hashsize', 8388608);
