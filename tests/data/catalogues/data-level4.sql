-- Schema level 4: an edition declared by its source whose target is not catalogued yet.
INSERT INTO document_edition_claim(url, document_id)
VALUES ('unodc.org/documents/glotip/2024/informe_global_trata_2024.pdf', 1);
