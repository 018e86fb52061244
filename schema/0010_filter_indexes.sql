-- Schema level 10: indexes that answer search's filters on a document's own fields before its
-- row is read (lib/store/search_select.cpp names them with INDEXED BY).

-- Documents by language. "traite des femmes --lang en" read 22,179 rows to show that no English
-- document holds those French words. About 3 bytes per document. Five values are too few to be
-- a way into the table elsewhere: selection_sql.cpp tests the language on the row.
CREATE INDEX document_language ON document(language);

-- Screened documents (included, excluded, maybe or starred): a review searches among the few
-- hundred it kept, and "trata --state included" read every one of 100,000 matching rows
-- (0.36 s) to find them. Only screened documents are in it; keyed by id, so a match is one
-- look-up. The WHERE clause must be repeated word for word by a query that uses it.
CREATE INDEX document_screened ON document(id, state, starred) WHERE state <> 'new' OR starred = 1;
