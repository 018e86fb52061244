#!/usr/bin/env bash
# export: documents/s and peak memory of `atip export` in every format, vs sqlite3's own dump
# Usage: [BUILD=dir] scripts/bench export [ENTRIES] [RUNS]   (defaults: 112000 3)
# The catalogue is the one `scripts/bench ingest ENTRIES` generates (four languages, tags, one
# entry in ten a syndicated copy of a known work, so 112,000 entries make about 100,000
# documents), built first when missing. Each format exports every document (--all) to
# /dev/null; the best of RUNS is reported with the peak RSS over all runs. The peer is the
# sqlite3 shell dumping the same documents as CSV and as JSON with their sightings and tags
# (no escaping beyond its own, no grouping): the floor any exporter over this catalogue pays.
# Issue 6 targets: >= 50,000 documents/s for csv, json and bibtex; peak RSS < 100 MB for all.
# documents/s is by wall clock; docs/CPU s (user + system time) is what a busy machine still
# shows faithfully. The target column judges the wall-clock rate.
set -euo pipefail
cd "$(dirname "$0")/../.."
docs="${1:-112000}"
runs="${2:-3}"
build="${BUILD:-build/bench-catalogue}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v sqlite3 >/dev/null || { echo "bench: installing sqlite3"; as_root apt-get install -y sqlite3 >/dev/null; }

db="build/bench/catalogue-$docs/catalogue.db"
source scripts/bench.d/stale.sh
if stale_catalogue "$db"; then
  echo "bench: no catalogue of $docs entries at the current schema level yet; generating it with scripts/bench ingest"
  BUILD="$build" bash scripts/bench.d/ingest.sh "$docs" >/dev/null
fi
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DATIP_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" -j2 atip >/dev/null
atip="$build/atip"
count=$(sqlite3 "$db" "SELECT count(*) FROM document")
echo "bench: exporting $count documents from $db, best of $runs runs"
measure() { python3 scripts/bench.d/measure.py "$runs" /dev/null arg -- "$@"; }

printf "\n%-22s %10s %10s %12s %14s %12s %8s\n" "format" "wall s" "cpu s" "documents/s" "docs/CPU s" "peak RSS MB" "target"
declare -A rate
for f in csv json bibtex jsonl tsv ris csljson atom md html opml; do
  read -r wall cpu rss < <(ATIP_NOW=2026-11-27T12:00:00Z measure "$atip" --db "$db" export --all --format "$f")
  rate[$f]=$(awk -v n="$count" -v w="$wall" 'BEGIN{printf "%.0f", n / w}')
  target=""
  case $f in csv|json|bibtex) target=$(awk -v r="${rate[$f]}" -v m="$rss" 'BEGIN{print (r >= 50000 && m < 102400) ? "met" : "MISSED"}');;
             *) target=$(awk -v m="$rss" 'BEGIN{print (m < 102400) ? "met" : "MISSED"}');; esac
  printf "%-22s %10.2f %10.2f %12s %14.0f %12.1f %8s\n" "atip export $f" "$wall" "$cpu" "${rate[$f]}" \
    "$(awk -v n="$count" -v c="$cpu" 'BEGIN{print n / c}')" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" "$target"
done

# The peer: sqlite3 writing the same rows itself.
csv_sql="SELECT d.id, date(coalesce(d.published, d.first_seen), 'unixepoch'), d.title,
  (SELECT group_concat(s.link, ' ') FROM sighting s WHERE s.document_id = d.id), d.language, d.doc_type,
  (SELECT group_concat(t.value, '; ') FROM tag t WHERE t.document_id = d.id), d.authors, d.doi, d.state,
  d.summary, d.relevance FROM document d ORDER BY coalesce(d.published, d.first_seen) DESC, d.id DESC"
json_sql="SELECT json_object('id', d.id, 'title', d.title, 'summary', d.summary, 'language', d.language,
  'type', d.doc_type, 'doi', d.doi, 'authors', d.authors, 'relevance', d.relevance,
  'tags', (SELECT json_group_array(json_object('kind', t.kind, 'value', t.value)) FROM tag t WHERE t.document_id = d.id),
  'sightings', (SELECT json_group_array(json_object('feed_id', s.feed_id, 'entry_key', s.entry_key, 'link', s.link,
     'first_seen', s.first_seen)) FROM sighting s WHERE s.document_id = d.id))
  FROM document d ORDER BY coalesce(d.published, d.first_seen) DESC, d.id DESC"
read -r swall scpu srss < <(measure sqlite3 -readonly -csv "$db" "$csv_sql")
read -r jwall jcpu jrss < <(measure sqlite3 -readonly -list "$db" "$json_sql")
for peer in "sqlite3 -csv (floor)|$swall|$scpu|$srss" "sqlite3 json_object|$jwall|$jcpu|$jrss"; do
  IFS='|' read -r name wall cpu rss <<<"$peer"
  printf "%-22s %10.2f %10.2f %12s %14.0f %12.1f %8s\n" "$name" "$wall" "$cpu" \
    "$(awk -v n="$count" -v w="$wall" 'BEGIN{printf "%.0f", n / w}')" "$(awk -v n="$count" -v c="$cpu" 'BEGIN{print n / c}')" \
    "$(awk -v k="$rss" 'BEGIN{print k/1024}')" ""
done
awk -v a="${rate[csv]}" -v b="$(awk -v n="$count" -v w="$swall" 'BEGIN{print n / w}')" \
    -v c="${rate[json]}" -v d="$(awk -v n="$count" -v w="$jwall" 'BEGIN{print n / w}')" 'BEGIN{
  printf "\natip csv vs sqlite3 -csv: %.2fx the rate; atip json vs sqlite3 json_object: %.2fx the rate\n", a / b, c / d }'
