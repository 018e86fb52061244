#!/usr/bin/env bash
# parse throughput: atip parse vs sfeed, Python feedparser and a raw pugixml parse
# Usage: [ATIP=path/to/atip] scripts/bench parse [RUNS] [MB]   (defaults: best of 5, 20 MB files)
# Generates RSS 2.0 and Atom feeds, English and Spanish, with HTML summaries in build/bench/,
# and measures whole-process throughput (MB/s, best of RUNS) and peak RSS of
#   atip parse FILE --format json > /dev/null   (release preset)
#   sfeed < FILE > /dev/null
#   python3 -c 'feedparser.parse(open(FILE, "rb").read())'   (feedparser: 1 run, it is slow)
#   pugixml load_buffer_inplace of the same bytes once in memory (the floor: the fastest of
#   RUNS parses inside one process, as the issue measures it; its row has no peak)
#   pugixml_floor --dump FILE > /dev/null: read, pugixml's parse and a JSON dump of every text element,
#   nothing else, timed as a whole process like atip (the "dump" row: what any parser built on
#   pugixml's tree costs at least, so its ratio to sfeed bounds atip's)
# Targets (issue 3): atip >= 3x sfeed, >= 100x feedparser, within 4x of pugixml, RSS <= 3x input.
# Ratios use CPU time (user + system) so that a busy machine does not distort them; all four
# programs are single-threaded, so on an idle machine CPU time and wall time agree. atip, sfeed
# and feedparser are timed as whole processes, start and reading included; the floor is not.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
mb="${2:-20}"
out=build/bench
py=/usr/bin/python3
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

need=()
command -v sfeed >/dev/null || need+=(sfeed)
$py -c 'import feedparser' 2>/dev/null || need+=(python3-feedparser)
command -v pkg-config >/dev/null && pkg-config --exists pugixml || need+=(libpugixml-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}"
  as_root apt-get install -y "${need[@]}" >/dev/null
fi

# ATIP=path/to/atip measures that binary instead of building the release preset.
atip="${ATIP:-build/release/atip}"
if [ -z "${ATIP:-}" ]; then
  echo "bench: building the release preset"
  cmake --preset release >/dev/null
  cmake --build --preset release --target atip >/dev/null
fi
mkdir -p "$out"
if [ ! -x "$out/pugixml_floor" ] || [ scripts/bench.d/pugixml_floor.cpp -nt "$out/pugixml_floor" ]; then
  echo "bench: building $out/pugixml_floor"
  c++ -O2 -std=c++20 -I. -o "$out/pugixml_floor" scripts/bench.d/pugixml_floor.cpp $(pkg-config --cflags --libs pugixml)
fi
if [ ! -f "$out/.gen-$mb" ]; then
  echo "bench: generating ${mb} MB feeds in $out"
  $py scripts/bench.d/gen_feeds.py "$out" "$mb"
  touch "$out/.gen-$mb"
fi

measure() { $py scripts/bench.d/measure.py "$@"; }
fmt_row() { printf '%-10s %-11s %12s %12s %9s\n' "$@"; }
mbps() { awk -v s="$1" -v t="$2" 'BEGIN{printf "%.1f", s/1048576/t}'; }
status=0
echo
fmt_row file tool "MB/s wall" "MB/s cpu" "peak MB"
for f in rss2_en rss2_es atom_en atom_es; do
  file="$out/$f.xml"
  size=$(stat -c %s "$file")
  read -r w_atip t_atip rss_atip < <(measure "$runs" "$file" arg -- "$atip" parse "$file" --format json)
  read -r w_sfeed t_sfeed rss_sfeed < <(measure "$runs" "$file" stdin -- sfeed)
  # Right after sfeed, so that the bound compares two runs made close in time.
  read -r w_dump t_dump rss_dump < <(measure "$runs" "$file" arg -- "$out/pugixml_floor" --dump "$file")
  read -r w_fp t_fp rss_fp < <(measure 1 "$file" arg -- $py -c \
    'import feedparser, sys; feedparser.parse(open(sys.argv[1], "rb").read())' "$file")
  t_pugi=$("$out/pugixml_floor" "$file" "$runs")
  w_pugi=$t_pugi rss_pugi=
  for tool in atip sfeed feedparser pugixml dump; do
    case $tool in
      atip) w=$w_atip t=$t_atip r=$rss_atip ;; sfeed) w=$w_sfeed t=$t_sfeed r=$rss_sfeed ;;
      feedparser) w=$w_fp t=$t_fp r=$rss_fp ;; pugixml) w=$w_pugi t=$t_pugi r=$rss_pugi ;;
      dump) w=$w_dump t=$t_dump r=$rss_dump ;;
    esac
    fmt_row "$f" "$tool" "$(mbps "$size" "$w")" "$(mbps "$size" "$t")" \
      "$([ -n "$r" ] && awk -v r="$r" 'BEGIN{printf "%.1f", r/1024}' || echo -)"
  done
  ratios=$(awk -v a="$t_atip" -v s="$t_sfeed" -v f="$t_fp" -v p="$t_pugi" -v r="$rss_atip" -v z="$size" 'BEGIN{
    vs_s=s/a; vs_f=f/a; vs_p=a/p; mem=r*1024/z;
    printf "  %s: %.2fx sfeed (>=3) %s, %.0fx feedparser (>=100) %s, %.2fx slower than pugixml (<=4) %s, RSS %.2fx input (<=3) %s",
      "ratios", vs_s, (vs_s >= 3 ? "ok" : "MISS"), vs_f, (vs_f >= 100 ? "ok" : "MISS"),
      vs_p, (vs_p <= 4 ? "ok" : "MISS"), mem, (mem <= 3 ? "ok" : "MISS") }')
  echo "$ratios"
  awk -v a="$t_atip" -v s="$t_sfeed" -v d="$t_dump" -v p="$t_pugi" 'BEGIN{
    printf "  bound: the bare parse and dump alone is %.2fx sfeed and %.2fx slower than pugixml; atip takes %.2fx its time\n",
      s/d, d/p, a/d }'
  case $ratios in *MISS*) status=1 ;; esac
done
exit $status
