#!/usr/bin/env python3
"""Compares a catalogue with what feeds.py --expect says it must hold after a complete fetch.

Usage: check.py CATALOGUE EXPECT.json   (exit 1 and one line per difference when they differ)
"""
import json
import sqlite3
import sys

db, expect_path = sys.argv[1], sys.argv[2]
with open(expect_path, encoding="utf-8") as fh:
    expect = json.load(fh)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
q = lambda sql: con.execute(sql).fetchone()[0]
problems = []
documents, sightings = q("SELECT count(*) FROM document"), q("SELECT count(*) FROM sighting")
if documents != expect["documents"]:
    problems.append(f"{documents} documents, the feeds hold {expect['documents']} works")
if sightings != expect["sightings"]:
    problems.append(f"{sightings} sightings, the feeds hold {expect['sightings']} entries")
dup_urls = q("SELECT count(*) - count(DISTINCT canonical_url) FROM document WHERE canonical_url IS NOT NULL")
if dup_urls:
    problems.append(f"{dup_urls} duplicate documents (same canonical URL)")
dup_entries = q("SELECT count(*) FROM (SELECT 1 FROM sighting GROUP BY feed_id, entry_key HAVING count(*) > 1)")
if dup_entries:
    problems.append(f"{dup_entries} entries recorded twice")
# Links as published (canonical URLs drop the scheme and more).
stored = dict(con.execute("SELECT s.link, d.title FROM sighting s JOIN document d ON d.id = s.document_id"))
missing = [link for link in expect["titles"] if link not in stored]
if missing:
    problems.append(f"{len(missing)} works missing, e.g. {missing[0]}")
stale = [link for link, title in expect["titles"].items() if link in stored and stored[link] != title]
if stale:
    problems.append(f"{len(stale)} titles not updated, e.g. {stale[0]}: {stored[stale[0]]!r}")
fts = q("SELECT count(*) FROM document_fts WHERE document_fts MATCH 'labour'")
if fts != documents:
    problems.append(f"the full-text index finds {fts} of {documents} documents")
for p in problems:
    print(f"crash-test: {p}")
sys.exit(1 if problems else 0)
