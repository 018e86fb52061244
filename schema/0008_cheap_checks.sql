-- Schema level 8: the same CHECK constraints, checked without building a table per row.
--
-- SQLite (3.40, Debian 12) checks `x IN ('a', 'b', 'c')` by building a temporary index of the
-- list every time a row is written (EXPLAIN INSERT shows OpenEphemeral and one IdxInsert per
-- value); with two values or fewer it compares in place. For document.state and
-- sighting.origin that was 7-8 us of the ~60 us that storing a new entry costs. Written with =
-- and OR, the rule is the same (NULL passes either way, as the columns are NOT NULL anyway)
-- and is checked in place.
--
-- Only the constraints' text changes: no row is rewritten, which SQLite documents as safe
-- through writable_schema ("Making Other Kinds Of Table Schema Changes",
-- https://www.sqlite.org/lang_altertable.html). atip's migration step then increments
-- schema_version (lib/store/database.cpp), as that procedure requires, so that every
-- connection reads the new text. A catalogue whose text differs (none is known) keeps its
-- IN lists: the same rules, only slower.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (state IN (''new'', ''included'', ''excluded'', ''maybe''))',
  'CHECK (state = ''new'' OR state = ''included'' OR state = ''excluded'' OR state = ''maybe'')')
WHERE type = 'table' AND name = 'document';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (origin IN (''feed'', ''page'', ''archive'', ''import'', ''hand''))',
  'CHECK (origin = ''feed'' OR origin = ''page'' OR origin = ''archive'' OR origin = ''import'' OR origin = ''hand'')')
WHERE type = 'table' AND name = 'sighting';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (outcome IN (''stored'', ''not_modified'', ''unchanged'', ''failed''))',
  'CHECK (outcome = ''stored'' OR outcome = ''not_modified'' OR outcome = ''unchanged'' OR outcome = ''failed'')')
WHERE type = 'table' AND name = 'fetch_log';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (kind IN (''feed'', ''page'', ''oai''))',
  'CHECK (kind = ''feed'' OR kind = ''page'' OR kind = ''oai'')')
WHERE type = 'table' AND name = 'feed';
PRAGMA writable_schema = OFF;
