-- Schema level 2: identity beyond URLs (DOI, near-identical titles, editions).

-- Rule 3: the same DOI is the same work.
ALTER TABLE document ADD COLUMN doi TEXT;
-- A DOI found only in the summary may be a citation of another work: it merges less readily.
ALTER TABLE document ADD COLUMN doi_from_text INTEGER NOT NULL DEFAULT 0 CHECK (doi_from_text IN (0, 1));
CREATE INDEX document_doi ON document(doi) WHERE doi IS NOT NULL;

-- Rule 4: keys under which a document can be found by a near-identical title
-- (catalog::candidate_keys), one to four per document.
CREATE TABLE document_title_key (
  key         TEXT    NOT NULL,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (key, document_id)
) WITHOUT ROWID;
CREATE INDEX document_title_key_document ON document_title_key(document_id);

-- Translations of one work stay separate documents, linked as editions (both directions).
CREATE TABLE document_edition (
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  edition_id  INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (document_id, edition_id)
) WITHOUT ROWID;
CREATE INDEX document_edition_edition ON document_edition(edition_id);

-- Documents catalogued before tagging existed were all shown; keep showing them until
-- `atip retag` scores them.
UPDATE document SET relevance = 1;
