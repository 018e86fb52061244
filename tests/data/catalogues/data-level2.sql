-- Columns and tables of schema level 2: a DOI, title keys and an edition link.
BEGIN;
UPDATE document SET doi = '10.18356/9789210021234', doi_from_text = 0 WHERE id = 1;
INSERT INTO document_title_key(key, document_id)
VALUES ('global report trafficking persons 2024', 1), ('profits poverty economics forced labour', 2),
       ('trata personas mexico informe anual', 3);
INSERT INTO document_edition(document_id, edition_id) VALUES (3, 4), (4, 3);
COMMIT;
