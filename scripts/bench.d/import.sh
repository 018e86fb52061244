#!/usr/bin/env bash
# import: records/s and peak memory of `atip import` (BibTeX, RIS, CSL-JSON, CSV), vs bibtexparser
# Usage: [BUILD=dir] scripts/bench import [RECORDS] [RUNS]   (defaults: 20000 3)
# A generated library of RECORDS works (titles and abstracts in four languages, LaTeX accents
# and escapes, two authors, a URL, a DOI in one record of three) is written in each format.
# Measured: `atip import --dry-run` into a fresh catalogue (read, map, tag, identify, store in
# one transaction, roll back; best of RUNS), and one real import into a fresh catalogue. The
# peer is Debian's python3-bibtexparser 1.x parsing the same .bib file (parsing only: no
# tagging, no identity, no storage), the parser a Python user of the office would reach for.
set -euo pipefail
cd "$(dirname "$0")/../.."
records="${1:-20000}"
runs="${2:-3}"
build="${BUILD:-build/bench-import}"
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DATIP_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" -j2 atip >/dev/null
atip="$(pwd)/$build/atip"
dir="build/bench/import-$records"
mkdir -p "$dir"

/usr/bin/python3 - "$records" "$dir" <<'EOF'
import json, random, sys
n, d = int(sys.argv[1]), sys.argv[2]
words = {"en": ("Report on trafficking in persons and forced labour in", "The study documents cases of exploitation."),
         "es": ("Informe sobre trata de personas y trabajo forzoso en", "El estudio documenta casos de explotación."),
         "pt": ("Relatório sobre tráfico de pessoas e trabalho escravo em", "O estudo documenta casos de exploração."),
         "fr": ("Rapport sur la traite des personnes et le travail forcé en", "L'étude documente des cas d'exploitation.")}
places = ["México", "Perú", "Brasil", "Haïti", "Colombia", "Chile", "Canadá", "Paraguay"]
langs = list(words)
rng = random.Random(7)
vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 10))) for _ in range(5000)]
bib, ris, csl, csv = [], [], [], ["title,url,date,authors,language,doi,summary"]
for i in range(n):
    lang = langs[i % 4]
    # Titles as varied as a real library's: works sharing most title words put identity
    # rule 4 to a test of its own (see the note at the end).
    title = f"{words[lang][0]} {places[i % 8]}: " + " ".join(rng.choice(vocab) for _ in range(4))
    summary = words[lang][1] + f" Caso {i} & 50% más."
    url = f"https://publisher{i % 50}.example/doc/{i}"
    doi = f"10.5555/bench.{i}" if i % 3 == 0 else ""
    date = f"{1990 + i % 35}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    latex = lambda s: s.replace("\\", "").replace("&", "\\&").replace("%", "\\%").replace("é", "{\\'e}").replace("ú", "{\\'u}").replace("ã", "{\\~a}")
    bib.append(f"@report{{k{i},\n  author = {{Pérez, Ana and {{Ministerio de Justicia}}}},\n  title = {{{latex(title)}}},\n"
               f"  date = {{{date}}},\n  url = {{{url}}},\n" + (f"  doi = {{{doi}}},\n" if doi else "") +
               f"  langid = {{{lang}}},\n  abstract = {{{latex(summary)}}},\n}}\n")
    ris.append(f"TY  - RPRT\r\nTI  - {title}\r\nAU  - Pérez, Ana\r\nAU  - Ministerio de Justicia\r\nDA  - {date.replace('-', '/')}/\r\n"
               f"UR  - {url}\r\n" + (f"DO  - {doi}\r\n" if doi else "") + f"LA  - {lang}\r\nAB  - {summary}\r\nER  - \r\n")
    item = {"id": f"k{i}", "type": "report", "title": title, "author": [{"family": "Pérez", "given": "Ana"},
            {"literal": "Ministerio de Justicia"}], "issued": {"date-parts": [[int(x) for x in date.split("-")]]},
            "URL": url, "language": lang, "abstract": summary}
    if doi: item["DOI"] = doi
    csl.append(item)
    q = lambda s: '"' + s.replace('"', '""') + '"'
    csv.append(",".join([q(title), url, date, q("Pérez, Ana; Ministerio de Justicia"), lang, doi, q(summary)]))
open(f"{d}/library.bib", "w").write("\n".join(bib))
open(f"{d}/library.ris", "w").write("".join(ris))
open(f"{d}/library.json", "w").write(json.dumps(csl, ensure_ascii=False, indent=1))
open(f"{d}/library.csv", "w").write("\r\n".join(csv) + "\r\n")
EOF

fresh() {  # a new empty catalogue at $dir/$1.db
  rm -f "$dir/$1.db" "$dir/$1.db-wal" "$dir/$1.db-shm"
  ATIP_DB="$dir/$1.db" HOME="$dir" "$atip" init >/dev/null
}
measure() { /usr/bin/python3 scripts/bench.d/measure.py "$1" /dev/null arg -- "${@:2}"; }
echo "bench: importing $records records, best of $runs dry runs, then one real import"
printf "\n%-32s %10s %10s %12s %12s\n" "run" "wall s" "cpu s" "records/s" "peak RSS MB"
row() {
  printf "%-32s %10.2f %10.2f %12.0f %12.1f\n" "$1" "$2" "$3" "$(awk -v n="$records" -v w="$2" 'BEGIN{print n / w}')" \
    "$(awk -v k="$4" 'BEGIN{print k/1024}')"
}
declare -A rate
for ext in bib ris json csv; do
  fresh "dry-$ext"
  read -r wall cpu rss < <(ATIP_NOW=2026-11-27T12:00:00Z ATIP_DB="$dir/dry-$ext.db" HOME="$dir" \
    measure "$runs" "$atip" import --dry-run "$dir/library.$ext")
  row "atip import --dry-run .$ext" "$wall" "$cpu" "$rss"
  rate[$ext]=$(awk -v n="$records" -v w="$wall" 'BEGIN{print n / w}')
  fresh "real-$ext"
  read -r wall cpu rss < <(ATIP_NOW=2026-11-27T12:00:00Z ATIP_DB="$dir/real-$ext.db" HOME="$dir" \
    measure 1 "$atip" import "$dir/library.$ext")
  row "atip import .$ext (stored)" "$wall" "$cpu" "$rss"
done
read -r wall cpu rss < <(measure "$runs" /usr/bin/python3 -c \
  "import bibtexparser, sys; bibtexparser.load(open(sys.argv[1]))" "$dir/library.bib")
row "python3-bibtexparser (parse only)" "$wall" "$cpu" "$rss"
echo "note: titles that differ only in a number or two (a numbered series) make identity rule 4 compare"
echo "      each record with every work of the same title key: measured quadratic, see the report of issue 7"
awk -v a="${rate[bib]}" -v b="$(awk -v n="$records" -v w="$wall" 'BEGIN{print n / w}')" 'BEGIN{
  printf "\natip import --dry-run .bib (parse, tag, identify, store) vs bibtexparser (parse only): %.2fx the rate\n", a / b }'
