-- Schema level 6: a tag score as the tagger computed it, float noise included.
INSERT INTO tag(document_id, kind, value, score) VALUES (5, 'type', 'news', 0.6000000238418579);
