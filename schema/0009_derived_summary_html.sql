-- Schema level 9: a summary's HTML is not stored when it is only the summary's text in paragraphs.
--
-- Feeds send summaries as HTML, and most of that HTML is plain paragraphs: "<p>…</p><p>…</p>".
-- The catalogue kept it beside the plain text (document.summary), so the largest column was
-- stored twice: about 650 of the 1,770 bytes per document of scripts/bench ingest. Where the
-- HTML is exactly the plain text written as paragraphs (&, < and > escaped, each blank line
-- closing a <p>, each other line break a <br>), atip now stores '' and sets
-- summary_html_derived; reading the document writes the same HTML again
-- (text::paragraphs_html, lib/store/document_rows.cpp). Any other HTML is kept as sent.
--
-- The UPDATE states the same rule in SQL for the documents already catalogued; a test
-- (tests/store/test_summary_html.cpp) checks the two agree. Only summary_html changes, so the
-- full-text index's triggers (on title, summary, authors) do not fire. The file shrinks by the
-- space freed only after a VACUUM; until then new rows reuse it.
ALTER TABLE document ADD COLUMN summary_html_derived INTEGER NOT NULL DEFAULT 0
  CHECK (summary_html_derived = 0 OR summary_html_derived = 1);
UPDATE document SET summary_html = '', summary_html_derived = 1
WHERE summary_html != '' AND summary_html = '<p>' || replace(replace(replace(replace(replace(
  summary, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), char(10) || char(10), '</p><p>'),
  char(10), '<br>') || '</p>';
