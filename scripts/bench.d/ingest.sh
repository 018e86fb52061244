#!/usr/bin/env bash
# ingest: catalogue build rate and size on generated entries, vs newsboat-style raw inserts
# Usage: [BUILD=dir] scripts/bench ingest [ENTRIES] [FEEDS_PER_TRANSACTION]   (defaults: 1000000 64)
# Builds atip-bench-ingest (Release) and runs it: ENTRIES generated entries in four languages
# (text from the watch vocabulary plus filler words, 10% syndicated copies under other feeds),
# 500 feeds of 50 entries per fetch, through the path of `atip fetch` — app::to_records
# (canonical URL, DOI, title keys, tagging) and Catalogue::ingest_many (identity rules 1-4, FTS),
# FEEDS_PER_TRANSACTION feeds per transaction — then the full-text index's 'optimize'. As in
# `atip fetch`, records are made on one thread while the store thread stores the group before;
# the rate is entries over that overlapped wall time (the stages' own times are printed too). The
# default, 64, is the write group `atip fetch` forms when storing is its slow stage, which is
# when its rate matters (lib/app/fetch.cpp: up to 64 feeds or 4 MiB of bodies; a generated
# feed's 50 entries make about 50 KB).
# The same entries are written as sfeed TSV files and as a newsboat-shaped cache (rss_item,
# one transaction per feed) for `scripts/bench search`; newsboat's inserts are timed as the
# raw-store floor. Then the store floor (store_floor.py): the same catalogue's rows written again
# by plain INSERT … SELECT in transactions of the same number of entries, with no identity or
# tagging work, which bounds any ingest into this schema on this machine. Issue 5 targets: >= 20,000 entries/s with identity, tagging and FTS;
# catalogue size < 1.5 KB per document beyond the raw text (title, summary as published,
# link, id, author). Output stays in build/bench/catalogue-ENTRIES/ for `scripts/bench search`.
set -euo pipefail
cd "$(dirname "$0")/../.."
entries="${1:-1000000}"
per_tx="${2:-64}"
build="${BUILD:-build/bench-catalogue}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v sqlite3 >/dev/null || { echo "bench: installing sqlite3"; as_root apt-get install -y sqlite3 >/dev/null; }

echo "bench: building atip and atip-bench-ingest (Release) in $build"
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DATIP_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" -j2 atip atip-bench-ingest >/dev/null

out="build/bench/catalogue-$entries"
rm -rf "$out"
mkdir -p "$out/sfeed"
echo "bench: ingesting $entries entries into $out/catalogue.db ($per_tx feeds per transaction)"
line=$("$build/atip-bench-ingest" "$out/catalogue.db" "$entries" feeds/vocabulary "$out" "$per_tx")
echo "$line" > "$out/ingest.txt"
eval "$line"
echo "bench: writing the same rows again with SQLite alone (the store floor)"
rm -f "$out/floor.db" "$out/floor.db-wal" "$out/floor.db-shm"
"$build/atip" --db "$out/floor.db" init >/dev/null
eval "$(python3 scripts/bench.d/store_floor.py "$out/catalogue.db" "$out/floor.db" $((per_tx * 50)))"
rm -f "$out/floor.db" "$out/floor.db-wal" "$out/floor.db-shm"
db_bytes=$(stat -c %s "$out/catalogue.db")
nb_bytes=$(stat -c %s "$out/newsboat-cache.db")
sfeed_bytes=$(du -cb "$out"/sfeed/* | tail -1 | cut -f1)
fts_bytes=$(sqlite3 "$out/catalogue.db" "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'document_fts%'" 2>/dev/null || echo 0)

awk -v n="$entries" -v docs="$documents" -v copies="$copies" -v rec="$records_s" -v ing="$ingest_s" -v pipe="$pipeline_s" \
    -v opt="$optimize_s" -v nb="$newsboat_s" -v raw="$raw_bytes" -v db="$db_bytes" -v nbb="$nb_bytes" \
    -v sf="$sfeed_bytes" -v fts="$fts_bytes" -v merged="$new_sightings" -v recc="$records_cpu" \
    -v ingc="$ingest_cpu" -v optc="$optimize_cpu" -v nbc="$newsboat_cpu" -v fl="$floor_s" \
    -v flc="$floor_cpu" 'BEGIN{
  rate = n / pipe; rate_opt = n / (pipe + opt); nb_rate = n / nb;
  cpu_rate = n / (recc + ingc); nb_cpu_rate = n / nbc;
  per_doc = (db - raw) / docs;
  printf "\n%-44s %12s\n", "measure", "value"
  printf "%-44s %12d\n", "entries (syndicated copies)", n
  printf "%-44s %12d\n", "  of which syndicated copies", copies
  printf "%-44s %12d\n", "documents catalogued", docs
  printf "%-44s %12d\n", "entries merged into a known work", merged
  printf "%-44s %12.1f\n", "to_records (canonical URL, keys, tags) s", rec
  printf "%-44s %12.1f\n", "ingest (identity, store, FTS) s", ing
  printf "%-44s %12.1f\n", "both overlapped, as atip fetch runs them s", pipe
  printf "%-44s %12.1f\n", "FTS optimize s", opt
  printf "%-44s %12.0f\n", "atip entries/s", rate
  printf "%-44s %12.0f\n", "atip entries/s including optimize", rate_opt
  printf "%-44s %12.0f\n", "atip entries per CPU second", cpu_rate
  printf "%-44s %12.1f\n", "atip CPU microseconds per entry", 1e6 / cpu_rate
  printf "%-44s %12.0f\n", "newsboat-style raw inserts entries/s", nb_rate
  printf "%-44s %12.0f\n", "newsboat-style raw inserts per CPU second", nb_cpu_rate
  printf "%-44s %12.0f\n", "newsboat reference (0.5 ms CPU/entry) /s", 2000
  printf "%-44s %12.1f\n", "store floor: same rows, SQLite alone s", fl
  printf "%-44s %12.0f\n", "store floor entries/s", n / fl
  printf "%-44s %12.1f\n", "store floor CPU microseconds per entry", 1e6 * flc / n
  printf "%-44s %12.1f\n", "raw text MB", raw / 1048576
  printf "%-44s %12.1f\n", "atip catalogue MB", db / 1048576
  printf "%-44s %12.1f\n", "  of which full-text index MB", fts / 1048576
  printf "%-44s %12.1f\n", "newsboat cache MB (no index)", nbb / 1048576
  printf "%-44s %12.1f\n", "sfeed TSV MB", sf / 1048576
  printf "%-44s %12.0f\n", "atip bytes/document beyond raw text", per_doc
  printf "\nratios: atip %.2fx newsboat-style raw inserts (CPU %.2fx), %.1fx newsboat reference; catalogue %.2fx sfeed TSV, %.2fx newsboat cache\n",
    rate / nb_rate, cpu_rate / nb_cpu_rate, rate / 2000, db / sf, db / nbb
  printf "bound: SQLite alone writes these rows at %.0f entries/s (%.2fx the target); atip runs at %.2fx that floor\n",
    n / fl, n / fl / 20000, rate / (n / fl)
  printf "targets: >= 20000 entries/s %s (%.0f); < 1536 bytes/document beyond raw text %s (%.0f)\n",
    (rate >= 20000 ? "ok" : "MISS"), rate, (per_doc < 1536 ? "ok" : "MISS"), per_doc
  exit (rate >= 20000 && per_doc < 1536) ? 0 : 1
}'
