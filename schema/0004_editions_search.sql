-- Schema level 4: editions declared by their sources, and search speed.

-- A document's declared other editions (hreflang alternates, dc:relation, a "versión en
-- español" link), by canonical URL. Kept even when the catalogue does not hold the target
-- yet, so an edition arriving later is linked then (document_edition holds the links).
CREATE TABLE document_edition_claim (
  url         TEXT    NOT NULL,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  PRIMARY KEY (url, document_id)
) WITHOUT ROWID;
CREATE INDEX document_edition_claim_document ON document_edition_claim(document_id);
