-- Rows every fixture holds (columns of schema level 1 only). Titles carry accents, a right-to-
-- left script and an escape sequence an old atip stored verbatim, so the upgrade test shows text
-- survives byte for byte.
BEGIN;
INSERT INTO feed(id, url, title, site_url, language, added_at, etag, last_success, http_status)
VALUES (1, 'https://www.unodc.org/rss.xml', 'UNODC', 'https://www.unodc.org/', 'en', 1700000000, '"abc"', 1700003600, 200),
       (2, 'https://www.ilo.org/feed', 'ILO: forced labour', 'https://www.ilo.org/', 'en', 1700000000, '', 1700003600, 200),
       (3, 'https://example.org/es/feed', 'Observatorio', '', 'es', 1700000100, '', NULL, NULL);
INSERT INTO feed_tag(feed_id, tag) VALUES (1, 'on-topic'), (2, 'on-topic'), (3, 'news');
INSERT INTO document(id, canonical_url, title, summary, summary_html, authors, published, updated,
                     first_seen, last_changed, language, doc_type, relevance, state, starred, note)
VALUES (1, 'https://www.unodc.org/glotip-2024', 'Global Report on Trafficking in Persons 2024',
        'Detected victims rose after the pandemic.', '<p>Detected victims rose after the pandemic.</p>',
        'UNODC', 1733700000, NULL, 1733703600, 1733703600, 'en', 'report', 0.9, 'included', 1, 'core source'),
       (2, 'https://www.ilo.org/forced-labour-profits', 'Profits and poverty: the economics of forced labour',
        'Illegal profits from forced labour reach $236 billion a year.', '', 'ILO; Walk Free', 1710000000,
        1710500000, 1710003600, 1710600000, 'en', 'report', 0.8, 'maybe', 0, ''),
       (3, 'https://example.org/es/trata-2024', 'Trata de personas en México: informe anual',
        'El informe documenta casos de trata con fines de explotación laboral.', '', '', 1720000000, NULL,
        1720003600, 1720003600, 'es', 'news', 0.7, 'new', 0, ''),
       (4, 'https://example.org/ar/report', 'تقرير الاتجار بالبشر', 'ملخص التقرير', '', '', NULL, NULL,
        1721000000, 1721000000, 'ar', '', 0.2, 'excluded', 0, 'off topic'),
       (5, NULL, 'An entry without a link: old title', 'Only an id in the feed.', '', 'Anon', 1722000000, NULL,
        1722003600, 1722003600, 'en', '', 1, 'new', 0, '');
-- Document 5 changed once: its earlier title is kept.
UPDATE document SET title = 'An entry without a link', last_changed = 1722100000 WHERE id = 5;
INSERT INTO document_revision(document_id, changed_at, title, summary)
VALUES (5, 1722100000, 'An entry without a link: old title', 'Only an id in the feed.');
-- Document 1 is carried by two feeds; document 4's feed was removed (feed_id NULL, source kept).
INSERT INTO sighting(document_id, feed_id, source, entry_key, link, published, content_hash, first_seen, last_seen)
VALUES (1, 1, 'UNODC', 'glotip-2024', 'https://www.unodc.org/glotip-2024?utm_source=rss', 1733700000, 'h1', 1733703600, 1733703600),
       (1, 2, 'ILO: forced labour', 'https://www.unodc.org/glotip-2024', 'https://www.unodc.org/glotip-2024', 1733700000, 'h1b', 1733800000, 1733800000),
       (2, 2, 'ILO: forced labour', 'ilo-2024-profits', 'https://www.ilo.org/forced-labour-profits', 1710000000, 'h2', 1710003600, 1710600000),
       (3, 3, 'Observatorio', 'trata-2024', 'https://example.org/es/trata-2024', 1720000000, 'h3', 1720003600, 1720003600),
       (4, NULL, 'Removed publisher', 'ar-1', 'https://example.org/ar/report', NULL, 'h4', 1721000000, 1721000000),
       (5, 1, 'UNODC', 'tag:unodc.org,2024:5', 'tag:unodc.org,2024:5', 1722000000, 'h5', 1722003600, 1722100000);
INSERT INTO tag(document_id, kind, value, score)
VALUES (1, 'topic', 'trafficking', 1), (1, 'type', 'report', 1), (1, 'area', 'prosecution', 0.6),
       (2, 'topic', 'forced_labour', 1), (2, 'country', 'MX', 0.5), (3, 'topic', 'trafficking', 1),
       (3, 'country', 'MX', 1), (3, 'area', 'protection', 0.7);
INSERT INTO fetch_log(feed_id, started_at, duration_ms, outcome, http_status, bytes, entries, new_documents)
VALUES (1, 1733703600, 120, 'stored', 200, 5120, 2, 2), (2, 1733800000, 80, 'stored', 200, 4096, 2, 1),
       (3, 1720003600, 95, 'failed', 503, 0, 0, 0);
COMMIT;
