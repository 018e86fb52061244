-- Schema level 10: documents by language.
--
-- A search filtered by language tested each match's language in its document row, a page read
-- per match: "traite des femmes --lang en" read 22,179 rows to show that no English document
-- holds those French words. The index answers from a few pages, about 3 bytes per document.
-- Only search's filter names it (INDEXED BY); elsewhere five values are too few to be a way in.
CREATE INDEX document_language ON document(language);
