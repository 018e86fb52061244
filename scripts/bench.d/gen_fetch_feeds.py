#!/usr/bin/env python3
"""Writes the feeds for `scripts/bench fetch`: FEEDS RSS 2.0 files of ENTRIES items each, spread
over HOSTS folders (DIR/h1 … DIR/hHOSTS, one per loopback address), with unique GUIDs and links,
plus the subscription lists each tool reads: DIR/feeds.opml (atip), DIR/urls (newsboat) and
DIR/sfeedrc.feeds (sfeed). Deterministic. Usage: gen_fetch_feeds.py DIR FEEDS ENTRIES HOSTS PORT"""
import os
import random
import sys

WORDS = ("trafficking persons victims report labour exploitation border police court survivors "
         "recruitment debt bondage forced migrant protection shelter prosecution").split()


def feed(rng, i, entries):
    items = []
    for j in range(entries):
        title = f"Publisher {i} report {j}: " + " ".join(rng.choice(WORDS) for _ in range(6))
        summary = " ".join(rng.choice(WORDS) for _ in range(40))
        items.append(f"<item><title>{title}</title><link>https://pub{i}.example/news/{j}</link>"
                     f"<guid isPermaLink=\"false\">urn:bench:{i}:{j}</guid>"
                     f"<pubDate>Mon, {1 + j % 28:02d} Nov 2026 {j % 24:02d}:00:00 GMT</pubDate>"
                     f"<description>{summary}</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            f"<title>Publisher {i}</title><link>https://pub{i}.example/</link>"
            f"<description>bench feed {i}</description>" + "".join(items) + "</channel></rss>\n")


def main():
    out, feeds, entries, hosts, port = sys.argv[1], *map(int, sys.argv[2:6])
    rng = random.Random(4)
    urls = []
    for i in range(feeds):
        host = i % hosts + 1
        os.makedirs(f"{out}/h{host}", exist_ok=True)
        with open(f"{out}/h{host}/feed-{i:03d}.rss", "w") as f:
            f.write(feed(rng, i, entries))
        urls.append(f"http://127.0.0.{host}:{port}/feed-{i:03d}.rss")
    with open(f"{out}/feeds.opml", "w") as f:
        f.write("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>bench</title></head><body>\n")
        f.writelines(f"<outline type=\"rss\" text=\"f{i:03d}\" xmlUrl=\"{u}\"/>\n" for i, u in enumerate(urls))
        f.write("</body></opml>\n")
    with open(f"{out}/urls", "w") as f:
        f.writelines(u + "\n" for u in urls)
    with open(f"{out}/sfeedrc.feeds", "w") as f:
        f.write("feeds() {\n")
        f.writelines(f"\tfeed \"f{i:03d}\" \"{u}\"\n" for i, u in enumerate(urls))
        f.write("}\n")


if __name__ == "__main__":
    main()
