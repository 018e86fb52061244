#!/usr/bin/env bash
# search: atip search (a process per query) vs grep -i over sfeed TSV and LIKE over newsboat's cache
# Usage: [BUILD=dir] scripts/bench search [ENTRIES] [QUERIES] [PEER_QUERIES]   (defaults: 1000000 300 20)
# Needs the catalogue of `scripts/bench ingest ENTRIES` (built first when missing). Runs QUERIES
# typical one- to three-word queries built from the watch vocabulary (topic terms, country
# names, common words; phrases and prefixes among them), half of them with a filter (--lang,
# --topic, --country, --type, --state, --since, or a closed month: --since and --until; dates
# relative to the catalogue's newest document), each as `atip search … --format tsv` with the default
# limit of 20, process start included, after one warm-up pass; prints the median, 90th and 99th
# percentile. The peers get the first PEER_QUERIES queries' words (they have no filters):
#   grep -i -F over sfeed's TSV files (one grep per word, piped, as a user would)
#   sqlite3 over a newsboat-shaped cache: (title LIKE '%w%' OR content LIKE '%w%') AND …
# Issue 5 targets: median < 10 ms and 99th percentile < 50 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
entries="${1:-1000000}"
queries="${2:-300}"
peer_queries="${3:-20}"
build="${BUILD:-build/bench-catalogue}"
out="build/bench/catalogue-$entries"
source scripts/bench.d/stale.sh
if stale_catalogue "$out/catalogue.db"; then
  BUILD="$build" bash scripts/bench.d/ingest.sh "$entries" || true
fi
[ -x "$build/atip" ] || { echo "bench: $build/atip missing; run scripts/bench ingest" >&2; exit 2; }
# The table of contents of the files is read once before measuring, as on a machine in use.
cat "$out/catalogue.db" "$out/newsboat-cache.db" "$out"/sfeed/* > /dev/null
exec python3 scripts/bench.d/search_bench.py "$build/atip" "$out" feeds/vocabulary "$queries" "$peer_queries"
