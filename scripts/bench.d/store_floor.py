#!/usr/bin/env python3
"""The store floor for `scripts/bench ingest`: how fast SQLite alone writes the rows that the
benchmark's catalogue holds, with none of atip's work around them.

Usage: store_floor.py CATALOGUE EMPTY_CATALOGUE ENTRIES_PER_TRANSACTION
Prints 'floor_s=… floor_cpu=… floor_batches=…' (shell assignments, like atip-bench-ingest).

CATALOGUE is the one the benchmark built; EMPTY_CATALOGUE a fresh catalogue at the same schema
level (the benchmark makes it with `atip init`), which this script fills. Off the clock, the
documents, sightings, tags and title keys are copied into an in-memory database, so reading
them costs nothing measurable. Then, in transactions that hold about as many entries as one of
the benchmark's write groups, each document is written with its full-text row, sightings, tags
and title keys by plain INSERT … SELECT, in id order, by the sqlite3 shell (SQLite's own C code,
with the cache, WAL and checkpoint settings atip uses). No identity lookups, no tagging, no
revisions, no per-document length or language chunks: a lower bound on what any ingest into
this schema costs on this machine, so its rate bounds atip's. The time is the sum of the
shell's own timings of those statements.
"""
import re
import subprocess
import sys
import tempfile

source, target, per_tx = sys.argv[1], sys.argv[2], int(sys.argv[3])


def scalar(sql):
    out = subprocess.run(["sqlite3", source, sql], check=True, capture_output=True, text=True)
    return int(out.stdout.strip() or 0)


entries = scalar("SELECT count(*) FROM sighting")
last_doc = scalar("SELECT max(id) FROM document")
# Documents per transaction so that each holds about `per_tx` entries with their copies.
docs_per_tx = max(1, round(per_tx * scalar("SELECT count(*) FROM document") / max(entries, 1)))

setup = f"""
PRAGMA cache_size = -32768;
PRAGMA synchronous = NORMAL;
PRAGMA wal_autocheckpoint = {(128 << 20) // 8192};
ATTACH '{source}' AS o;
ATTACH ':memory:' AS m;
DELETE FROM feed;
DELETE FROM tag_name;
INSERT INTO tag_name SELECT * FROM o.tag_name;
INSERT INTO feed SELECT * FROM o.feed;
CREATE TABLE m.document AS SELECT * FROM o.document;
CREATE TABLE m.sighting AS SELECT * FROM o.sighting;
CREATE TABLE m.document_tag AS SELECT * FROM o.document_tag;
CREATE TABLE m.document_title_key AS SELECT * FROM o.document_title_key;
CREATE INDEX m.document_id ON document(id);
CREATE INDEX m.sighting_document ON sighting(document_id);
CREATE INDEX m.tag_document ON document_tag(document_id);
CREATE INDEX m.key_document ON document_title_key(document_id);
DETACH o;
.timer on
"""
batches = []
for lo in range(1, last_doc + 1, docs_per_tx):
    r = f"BETWEEN {lo} AND {lo + docs_per_tx - 1}"
    batches.append(f"""BEGIN;
INSERT INTO document SELECT * FROM m.document WHERE id {r};
INSERT INTO document_fts(rowid, title, summary, authors)
  SELECT id, title, summary, authors FROM m.document WHERE id {r};
INSERT INTO sighting SELECT * FROM m.sighting WHERE document_id {r};
INSERT INTO document_tag SELECT * FROM m.document_tag WHERE document_id {r};
INSERT INTO document_title_key SELECT * FROM m.document_title_key WHERE document_id {r};
COMMIT;""")

with tempfile.NamedTemporaryFile("w", suffix=".sql") as script:
    script.write(setup + "\n".join(batches) + "\n")
    script.flush()
    with open(script.name) as stdin:
        run = subprocess.run(["sqlite3", "-bail", target], stdin=stdin, capture_output=True,
                             text=True)
if run.returncode != 0:
    sys.exit(f"store_floor: sqlite3 failed: {run.stderr.strip()}")

real = cpu = 0.0
timings = 0
for m in re.finditer(r"Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)", run.stdout):
    real += float(m[1])
    cpu += float(m[2]) + float(m[3])
    timings += 1
# Seven statements per transaction: BEGIN, five inserts, COMMIT.
if timings != 7 * len(batches):
    sys.exit(f"store_floor: expected {7 * len(batches)} timings from sqlite3, read {timings}")
print(f"floor_s={real:.3f} floor_cpu={cpu:.3f} floor_batches={len(batches)}")
