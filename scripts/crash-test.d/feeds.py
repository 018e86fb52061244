#!/usr/bin/env python3
"""Feeds for scripts/crash-test, as they stand after round R.

Usage: feeds.py DIR FEEDS ROUND [--expect FILE]

Writes DIR/feedNN.xml (RSS 2.0). Feeds only grow: round R adds two entries to every feed and
renames a few older ones, so each round has something new to store and something to update,
and nothing a killed fetch missed ever leaves a feed. Every fifth entry of feed f is also
carried by feed f+1 under the same link (one document, two sightings). With --expect, writes
what the catalogue must hold once a fetch of round R has completed: the links, the (feed,
guid) pairs and each link's current title.
"""
import json
import sys
from email.utils import formatdate
from xml.sax.saxutils import escape

BASE_ENTRIES = 15
PER_ROUND = 2
DAY = 86400
START = 1262304000  # 2010-01-01


def word(n):
    """A pronounceable word unique to n, so titles never look alike to the identity rules."""
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    out = ""
    n += 1
    while n:
        n, c = divmod(n, len(consonants))
        n, v = divmod(n, len(vowels))
        out += consonants[c] + vowels[v]
    return out.capitalize()


def entries(feed, round_no):
    count = BASE_ENTRIES + PER_ROUND * round_no
    out = []
    for i in range(count):
        uid = feed * 10000 + i
        link = f"https://example.org/f{feed}/report-{i}"
        # Every fifth entry of the previous feed reappears here under its own link.
        shared = feed > 0 and i % 5 == 0
        if shared:
            uid = (feed - 1) * 10000 + i
            link = f"https://example.org/f{feed - 1}/report-{i}"
        # An entry is renamed every seventh round after it appeared (a correction).
        revision = max(0, (round_no - i // PER_ROUND) // 7) if uid % 3 == 0 else 0
        title = f"{word(uid + 1000)} {word(uid * 31 + 5000)} {word(uid * 97 + 70000)} labour review"
        if revision:
            title += f" (revised {word(revision)})"
        out.append({"guid": f"urn:crash:{feed}:{i}", "link": link, "title": title,
                    "date": START + (uid % 5000) * DAY})
    return out


def rss(feed, items):
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
             f"<title>Crash feed {feed}</title><link>https://example.org/f{feed}/</link>",
             "<description>generated</description>"]
    for e in items:
        parts.append(
            f"<item><guid isPermaLink=\"false\">{escape(e['guid'])}</guid><link>{escape(e['link'])}</link>"
            f"<title>{escape(e['title'])}</title><description>{escape(e['title'])}: findings and "
            f"recommendations.</description><pubDate>{formatdate(e['date'], usegmt=True)}</pubDate></item>")
    parts.append("</channel></rss>\n")
    return "".join(parts)


def main():
    args = sys.argv[1:]
    expect = None
    if "--expect" in args:
        k = args.index("--expect")
        expect = args[k + 1]
        del args[k:k + 2]
    out_dir, feeds, round_no = args[0], int(args[1]), int(args[2])
    links, sightings, titles = set(), [], {}
    for f in range(feeds):
        items = entries(f, round_no)
        with open(f"{out_dir}/feed{f:02d}.xml", "w", encoding="utf-8") as fh:
            fh.write(rss(f, items))
        for e in items:
            links.add(e["link"])
            sightings.append([f, e["guid"]])
            titles[e["link"]] = e["title"]
    if expect:
        with open(expect, "w", encoding="utf-8") as fh:
            json.dump({"documents": len(links), "sightings": len(sightings), "titles": titles}, fh)


main()
