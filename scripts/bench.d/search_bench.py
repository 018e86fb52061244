#!/usr/bin/env python3
"""Times `atip search` per query (process start included) against grep -i over sfeed's TSV files
and LIKE over a newsboat-shaped cache. See search.sh. Usage: ATIP OUT_DIR VOCABULARY N PEER_N"""
import glob
import os
import datetime
import random
import sqlite3
import statistics
import subprocess
import sys
import time

atip, out, vocab, n, peer_n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(5)


def terms(family, file):
    by_lang = {}
    for line in open(os.path.join(vocab, file), encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(cols) < 4 or cols[0] != family:
            continue
        if len(cols) == 5 and "need=" in cols[4]:
            continue
        if cols[3].isupper():  # acronyms such as TIP: not what people type
            continue
        by_lang.setdefault(cols[2], []).append(cols[3])
    return by_lang


topics = terms("topic", "topics.tsv")
countries = terms("country", "countries.tsv")
common = {"en": ["shelter", "survivors", "report", "police", "border", "children", "workers"],
          "es": ["albergue", "informe", "policía", "frontera", "niños", "víctimas", "rescate"],
          "pt": ["relatório", "polícia", "fronteira", "crianças", "vítimas", "resgate"],
          "fr": ["rapport", "police", "frontière", "enfants", "victimes", "réseau"]}
langs = ["en", "es", "pt", "fr"]
# Dates relative to the catalogue's newest document, not to today: the generated catalogue's
# dates end where its generator put them, and "--since 6m" found nothing once today had moved
# past them. A closed month a year back is the monthly digest's question.
with sqlite3.connect(f"file:{os.path.join(out, 'catalogue.db')}?mode=ro", uri=True) as db:
    newest = db.execute("SELECT max(coalesce(published, first_seen)) FROM document").fetchone()[0]
last = datetime.datetime.fromtimestamp(newest, datetime.timezone.utc).date()
recent = (last - datetime.timedelta(days=182)).isoformat()
month = (last.replace(day=1) - datetime.timedelta(days=365)).replace(day=1)
month_end = ((month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1))
filters = [["--lang", "es"], ["--lang", "en"], ["--topic", "forced_labour"],
           ["--topic", "sex_trafficking"], ["--country", "MX"], ["--country", "BR"],
           ["--type", "report"], ["--since", recent], ["--since", "2024-01-01"], ["--state", "new"],
           ["--since", month.isoformat(), "--until", month_end.isoformat()]]


def one_word(lang):
    pool = [t for t in topics.get(lang, []) if " " not in t] + \
           [c for c in countries.get("*", []) + countries.get(lang, []) if " " not in c] + common[lang]
    return rng.choice(pool)


def make_query():
    lang = rng.choice(langs)
    kind = rng.random()
    if kind < 0.35:
        words = [one_word(lang)]
    elif kind < 0.55:
        words = rng.choice(topics[lang]).split()[:3]
    elif kind < 0.75:
        words = [rng.choice(topics[lang]).split()[-1], rng.choice(countries.get("*", []) or countries[lang]).split()[0]]
    elif kind < 0.85:
        words = ['"' + " ".join(rng.choice([t for t in topics[lang] if " " in t]).split()[:3]) + '"']
    elif kind < 0.92:
        w = one_word(lang)
        words = [w[:max(4, len(w) - 3)] + "*"]
    else:
        words = [one_word(lang), one_word(lang), one_word(lang)]
    return words, (rng.choice(filters) if rng.random() < 0.5 else [])


queries = [make_query() for _ in range(n)]


def run(cmd):
    # The CPU time is printed beside the elapsed time: on a machine shared with other work the
    # elapsed time also counts waiting for a core.
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"search bench: {cmd} failed: {err.decode(errors='replace')}")
    return elapsed, usage.ru_utime + usage.ru_stime


db = os.path.join(out, "catalogue.db")


def atip_cmd(words, flt):
    return [atip, "--db", db, "search", *words, *flt, "--format", "tsv"]


for words, flt in queries:  # warm-up pass: every page the queries need is in the page cache
    run(atip_cmd(words, flt))
times, cpus, by_kind = [], [], {"plain": [], "filtered": [], "  a month": []}
for words, flt in queries:
    t, c = run(atip_cmd(words, flt))
    times.append(t)
    cpus.append(c)
    by_kind["filtered" if flt else "plain"].append(t)
    if "--until" in flt:  # a subset of "filtered", shown apart
        by_kind["  a month"].append(t)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def ms(v):
    return v * 1000


slow = sorted(zip(times, queries), reverse=True)[:5]
print(f"\natip search, {len(times)} queries, process start included (ms):")
print(f"{'set':<10} {'n':>5} {'median':>8} {'p90':>8} {'p99':>8} {'max':>8}")
for name, vals in [("all", times)] + list(by_kind.items()):
    if vals:
        print(f"{name:<10} {len(vals):>5} {ms(statistics.median(vals)):>8.1f} {ms(pct(vals, 90)):>8.1f} "
              f"{ms(pct(vals, 99)):>8.1f} {ms(max(vals)):>8.1f}")
print(f"{'cpu':<10} {len(cpus):>5} {ms(statistics.median(cpus)):>8.1f} {ms(pct(cpus, 90)):>8.1f} "
      f"{ms(pct(cpus, 99)):>8.1f} {ms(max(cpus)):>8.1f}   (user + system time of the same runs)")
print("slowest:", "; ".join(f"{ms(t):.0f} ms {' '.join(q[0] + q[1])}" for t, q in slow))
start = [run([atip, "--version"])[0] for _ in range(20)]
print(f"atip --version (process start alone): median {ms(statistics.median(start)):.1f} ms")

# Peers: the same words, no filters (neither tool has them), no ranking.
files = sorted(glob.glob(os.path.join(out, "sfeed", "*")))
cache = os.path.join(out, "newsboat-cache.db")
peer = [q for q in queries if not any(w.endswith("*") for w in q[0])][:peer_n]
grep_t, like_t, atip_t = [], [], []


def plain_words(words):
    return [w.strip('"') for w in words]


for words, flt in peer:
    ws = plain_words(words)
    pipeline = "grep -i -h -F -- " + subprocess.list2cmdline([ws[0]]) + " " + " ".join(
        subprocess.list2cmdline([f]) for f in files)
    for w in ws[1:]:
        pipeline += " | grep -i -F -- " + subprocess.list2cmdline([w])
    grep_t.append(run(["bash", "-c", pipeline + " > /dev/null"])[0])
    cond = " AND ".join("(title LIKE '%{0}%' OR content LIKE '%{0}%')".format(w.replace("'", "''")) for w in ws)
    like_t.append(run(["sqlite3", cache, f"SELECT id, title, url FROM rss_item WHERE {cond} AND deleted = 0 "
                                         "ORDER BY pubDate DESC, id DESC"])[0])
    atip_t.append(run(atip_cmd(words, []))[0])
ga, la, aa = statistics.median(grep_t), statistics.median(like_t), statistics.median(atip_t)
print(f"\npeers, the same {len(peer)} queries without filters (median ms): atip {ms(aa):.1f}, "
      f"grep -i over sfeed TSV {ms(ga):.1f}, LIKE over newsboat cache {ms(la):.1f}")
print(f"ratios: atip {ga / aa:.0f}x faster than grep -i, {la / aa:.0f}x faster than LIKE")
med, p99 = statistics.median(times), pct(times, 99)
ok = med < 0.010 and p99 < 0.050
print(f"targets: median < 10 ms {'ok' if med < 0.010 else 'MISS'} ({ms(med):.1f}); "
      f"p99 < 50 ms {'ok' if p99 < 0.050 else 'MISS'} ({ms(p99):.1f})")
sys.exit(0 if ok else 1)
