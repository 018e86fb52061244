#!/usr/bin/env python3
"""Writes synthetic ~20 MB feeds for `scripts/bench parse`: RSS 2.0 and Atom, English and
Spanish, HTML summaries with entities, deterministic (fixed seed). Usage: gen_feeds.py DIR [MB]"""
import os
import random
import sys

WORDS = {
    "en": "trafficking persons victims report labour exploitation border police court survivors "
          "recruitment debt bondage forced migrant smuggling protection shelter prosecution".split(),
    "es": "trata personas víctimas informe explotación laboral frontera policía tribunal "
          "sobrevivientes captación deuda servidumbre migrante niñas protección fiscalía".split(),
}
DAYS = {"en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "es": ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]}
MONTHS = {"en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
          "es": "ene feb mar abr may jun jul ago sep oct nov dic".split()}


def sentence(rng, lang, n):
    return " ".join(rng.choice(WORDS[lang]) for _ in range(n))


def summary_html(rng, lang):
    paras = []
    for _ in range(rng.randint(2, 4)):
        paras.append(f"<p>{sentence(rng, lang, 25)} &amp; <b>{sentence(rng, lang, 3)}</b> "
                     f"&ldquo;{sentence(rng, lang, 4)}&rdquo;&nbsp;<a href=\"https://example.org/"
                     f"{rng.randint(1, 10**6)}\">{sentence(rng, lang, 2)}</a></p>")
    return "".join(paras)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss_item(rng, lang, i):
    d, m = rng.randint(1, 28), rng.randint(0, 11)
    return (f"<item><title>{esc(sentence(rng, lang, 8))}</title>"
            f"<link>https://example.org/{lang}/news/{i}.html</link>"
            f"<guid isPermaLink=\"false\">{lang}-{i}</guid>"
            f"<pubDate>{DAYS[lang][i % 7]}, {d:02d} {MONTHS[lang][m]} 2026 10:{i % 60:02d}:00 -0300</pubDate>"
            f"<dc:creator>{sentence(rng, lang, 2)}</dc:creator>"
            f"<category>{rng.choice(WORDS[lang])}</category>"
            f"<description>{esc(summary_html(rng, lang))}</description></item>\n")


def atom_entry(rng, lang, i):
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return (f"<entry><title type=\"html\">{esc(sentence(rng, lang, 8))}</title>"
            f"<link rel=\"alternate\" href=\"/{lang}/news/{i}.html\"/>"
            f"<id>tag:example.org,2026:{lang}-{i}</id>"
            f"<published>2026-{m:02d}-{d:02d}T10:{i % 60:02d}:00-03:00</published>"
            f"<updated>2026-{m:02d}-{d:02d}T11:{i % 60:02d}:00.25Z</updated>"
            f"<author><name>{sentence(rng, lang, 2)}</name></author>"
            f"<category term=\"{rng.choice(WORDS[lang])}\"/>"
            f"<summary type=\"html\"><![CDATA[{summary_html(rng, lang)}]]></summary></entry>\n")


def write(path, head, tail, item, lang, size):
    rng = random.Random(42)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        written, i = len(head), 0
        while written < size:
            chunk = item(rng, lang, i)
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
            i += 1
        f.write(tail)


def main():
    out = sys.argv[1]
    size = int(float(sys.argv[2]) * 1024 * 1024) if len(sys.argv) > 2 else 20 * 1024 * 1024
    os.makedirs(out, exist_ok=True)
    for lang in ("en", "es"):
        write(os.path.join(out, f"rss2_{lang}.xml"),
              '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title>'
              f'<link>https://example.org/</link><language>{lang}</language>\n',
              "</channel></rss>\n", rss_item, lang, size)
        write(os.path.join(out, f"atom_{lang}.xml"),
              '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
              f'xml:base="https://example.org/" xml:lang="{lang}"><title>Bench</title>'
              '<id>tag:example.org,2026:bench</id><updated>2026-11-01T00:00:00Z</updated>\n',
              "</feed>\n", atom_entry, lang, size)


if __name__ == "__main__":
    main()
