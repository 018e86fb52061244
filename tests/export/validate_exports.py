#!/usr/bin/python3
"""Parses every export format of a catalogue with special and hostile titles back with
independent readers from Debian's packages: bibtexparser (BibTeX), a RIS reader written to the
RIS specification, jsonschema with the shape of the CSL-JSON schema (CSL-JSON), feedparser and
atip parse (Atom), Python's csv and json modules, and ElementTree (OPML).
Usage: validate_exports.py ATIP ATIP_TEST_SERVER. Prints 'N passed, 0 failed'."""
import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET

import bibtexparser
import feedparser
import jsonschema
from bibtexparser.bparser import BibTexParser

from export_fixture import Catalogue

checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        raise AssertionError(what)


# The inverse of lib/export/bibtex_writer.cpp's bibtex_escape.
LATEX = [("\\textbraceleft{}", "{"), ("\\textbraceright{}", "}"), ("\\textbackslash{}", "\\"),
         ("\\textasciicircum{}", "^"), ("\\textasciitilde{}", "~"), ("\\&", "&"), ("\\%", "%"),
         ("\\#", "#"), ("\\_", "_"), ("\\$", "$")]


def unlatex(s):
    out, i = "", 0
    while i < len(s):
        for code, char in LATEX:
            if s.startswith(code, i):
                out += char
                i += len(code)
                break
        else:
            out += s[i]
            i += 1
    return out


def one_line(s):
    return " ".join(s.replace("\r", " ").replace("\n", " ").replace("\t", " ").split(" ")).strip()


def parse_ris(text):
    """RIS per the specification: 'XY  - value' lines, a record from TY to ER."""
    records, current = [], None
    for line in text.split("\r\n"):
        if not line:
            continue
        m = re.fullmatch(r"([A-Z][A-Z0-9])  - ?(.*)", line)
        check(m is not None, f"not a RIS line: {line!r}")
        tag, value = m.group(1), m.group(2)
        if tag == "TY":
            check(current is None, "TY inside a record")
            current = {"TY": [value]}
        elif tag == "ER":
            check(current is not None, "ER outside a record")
            records.append(current)
            current = None
        else:
            check(current is not None, f"{tag} outside a record")
            current.setdefault(tag, []).append(value)
    check(current is None, "unterminated record")
    return records


# The shape of CSL-JSON (citation-style-language/schema, csl-data.json) for the fields atip writes.
NAME = {"type": "object", "additionalProperties": False,
        "properties": {"family": {"type": "string"}, "given": {"type": "string"}, "literal": {"type": "string"}},
        "anyOf": [{"required": ["family"]}, {"required": ["literal"]}]}
DATE = {"type": "object", "required": ["date-parts"], "additionalProperties": False,
        "properties": {"date-parts": {"type": "array", "minItems": 1, "maxItems": 2,
                                      "items": {"type": "array", "minItems": 1, "maxItems": 3,
                                                "items": {"type": "integer"}}}}}
CSL_TYPES = ["article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
             "chapter", "dataset", "document", "entry", "figure", "graphic", "interview", "legal_case",
             "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
             "paper-conference", "patent", "personal_communication", "post", "post-weblog", "report", "review",
             "software", "speech", "standard", "thesis", "treaty", "webpage"]
CSL_SCHEMA = {"type": "array", "items": {
    "type": "object", "required": ["id", "type"], "additionalProperties": False,
    "properties": {"id": {"type": "string"}, "type": {"enum": CSL_TYPES}, "title": {"type": "string"},
                   "author": {"type": "array", "items": NAME}, "issued": DATE, "accessed": DATE,
                   "publisher": {"type": "string"}, "container-title": {"type": "string"},
                   "genre": {"type": "string"}, "URL": {"type": "string"}, "DOI": {"type": "string"},
                   "language": {"type": "string"}, "abstract": {"type": "string"}, "keyword": {"type": "string"}}}}


def main(atip, server):
    cat = Catalogue(atip, server)
    try:
        docs = json.loads(cat.export("json"))
        n = len(docs)
        check(n == 8, f"expected the 8 fixture works, got {n}")
        titles = [d["title"] for d in docs]
        special = next(t for t in titles if t.startswith("Global Report on Trafficking in Persons 2026"))
        for c in "&%{}#_\"":
            check(c in special, f"fixture title lost {c!r}: {special}")
        check(any("<script>" in d["summary"] for d in docs), "the hostile summary kept its <script> text")

        # JSON Lines: the same documents, one per line.
        lines = cat.export("jsonl").decode().splitlines()
        check([json.loads(l) for l in lines] == docs, "jsonl differs from json")

        # BibTeX through bibtexparser.
        parser = BibTexParser(common_strings=False)
        parser.ignore_nonstandard_types = False
        bib = bibtexparser.loads(cat.export("bibtex").decode(), parser=parser)
        check(len(bib.entries) == n, f"bibtexparser read {len(bib.entries)} of {n} entries")
        keys = [e["ID"] for e in bib.entries]
        check(len(set(keys)) == n, f"duplicate keys: {keys}")
        check(all(re.fullmatch(r"[a-z]+[0-9]{4}[a-z0-9]*", k) for k in keys), f"unreadable keys: {keys}")
        check("pereznunez2026global" in keys, f"no key pereznunez2026global: {keys}")
        check("unodc2026global" in keys, f"no key unodc2026global: {keys}")
        check([unlatex(e["title"]) for e in bib.entries] == [one_line(t) for t in titles], "BibTeX titles differ")
        by_key = {e["ID"]: e for e in bib.entries}
        glob = by_key["pereznunez2026global"]
        bib_types = {"report": "report", "policy": "report", "training": "report", "article": "article",
                     "news": "online", "law": "legislation", "case": "jurisdiction", "data": "dataset"}
        check([e["ENTRYTYPE"] for e in bib.entries] == [bib_types.get(d["type"], "online") for d in docs],
              "BibTeX types do not follow the document types")
        check(glob["author"] == "Pérez-Núñez, Ana María and Soto, Juan", glob["author"])
        check(glob.get("institution", glob.get("organization")) == "UNODC Publications", str(glob))
        check(glob["date"] == "2026-10-01" and glob["langid"] == "english", str(glob))
        check(glob.get("doi") == docs[keys.index("pereznunez2026global")]["doi"], str(glob.get("doi")))
        check(glob["url"] == "https://www.unodc.example/reports/glotip-2026.html", glob["url"])
        check({e["ENTRYTYPE"] for e in bib.entries} <= {"report", "article", "online", "legislation", "jurisdiction",
                                                       "dataset"}, "unexpected entry type")

        # RIS: a round trip through a reader of the specification.
        ris = parse_ris(cat.export("ris").decode())
        check(len(ris) == n, f"RIS read {len(ris)} of {n}")
        check([r["TI"][0] for r in ris] == [one_line(t) for t in titles], "RIS titles differ")
        check([r["ID"][0] for r in ris] == keys, "RIS and BibTeX keys differ")
        r = ris[keys.index("pereznunez2026global")]
        ris_types = {"report": "RPRT", "policy": "RPRT", "training": "RPRT", "article": "JOUR", "news": "NEWS",
                     "law": "STAT", "case": "CASE", "data": "DATA"}
        check([rec["TY"][0] for rec in ris] == [ris_types.get(d["type"], "ELEC") for d in docs], "RIS types")
        works = {"policy": "Policy document", "training": "Training material"}
        check([rec.get("M3", [None])[0] for rec in ris] == [works.get(d["type"]) for d in docs], "RIS M3")
        check(r["AU"] == ["Pérez-Núñez, Ana María", "Soto, Juan"], str(r))
        check(r["DA"] == ["2026/10/01"] and r["PY"] == ["2026"] and r["LA"] == ["en"], str(r))
        check(all(u.startswith(("http://", "https://")) for rec in ris for u in rec.get("UR", [])), "non-http UR")

        # CSL-JSON against the schema's shape.
        csl = json.loads(cat.export("csljson"))
        jsonschema.validate(csl, CSL_SCHEMA)
        check([c["title"] for c in csl] == titles, "CSL titles differ")
        check([c["id"] for c in csl] == keys, "CSL and BibTeX ids differ")
        c = csl[keys.index("pereznunez2026global")]
        check(c["author"] == [{"family": "Pérez-Núñez", "given": "Ana María"}, {"family": "Soto", "given": "Juan"}],
              str(c["author"]))
        check(c["issued"] == {"date-parts": [[2026, 10, 1]]}, str(c))
        check([x.get("URL") for x in csl] == [d["link"] if d["link"].startswith("http") else None for d in docs],
              "CSL URLs: every http(s) link, nothing else")

        # Atom through feedparser and atip parse.
        atom = cat.export("atom")
        fp = feedparser.parse(atom)
        check(not fp.bozo, f"feedparser: {fp.get('bozo_exception')}")
        check(fp.version == "atom10", fp.version)
        check(len(fp.entries) == n, f"feedparser read {len(fp.entries)} of {n}")
        check([e.title for e in fp.entries] == titles, "Atom titles differ")
        check(all(not e.get("link", "").startswith(("javascript", "data")) for e in fp.entries), "bad link")
        check(len({e.id for e in fp.entries}) == n, "Atom ids not unique")
        atom_file = f"{cat.dir}/export.atom"
        open(atom_file, "wb").write(atom)
        parsed = json.loads(cat.run("parse", "--format", "json", atom_file))
        check(parsed["format"] == "atom1.0", parsed.get("format"))
        check([e["title"] for e in parsed["entries"]] == titles, "atip parse titles differ")

        # CSV and TSV.
        raw = cat.export("csv", "--bom")
        check(raw.startswith(b"\xef\xbb\xbf"), "no BOM")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        check(len(rows) == n + 1 and len(set(map(len, rows))) == 1, "CSV rows")
        check(rows[0][:3] == ["id", "date", "title"], str(rows[0]))
        check([row[2].removeprefix("'") for row in rows[1:]] == titles, "CSV titles differ")
        check(all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row[1:16]), "formula cell")
        tsv = cat.export("tsv").decode().split("\n")
        check(len(tsv) == n + 2 and tsv[-1] == "" and all(l.count("\t") == 17 for l in tsv[:-1]), "TSV shape")

        # OPML: both feeds carried selected works.
        opml = ET.fromstring(cat.export("opml"))
        urls = sorted(o.get("xmlUrl").rsplit("/", 1)[1] for o in opml.iter("outline") if o.get("xmlUrl"))
        check(urls == ["citations.rss", "hostile.rss"], str(urls))
        # Filters narrow every format the same way.
        check(len(json.loads(cat.export("csljson", "--lang", "pt"))) == 1, "--lang pt")
    finally:
        cat.close()
    print(f"validate_exports: {checks} passed, 0 failed")


if __name__ == "__main__":
    try:
        main(sys.argv[1], sys.argv[2])
    except Exception as e:  # noqa: BLE001 - any failure is reported the same way
        print(f"validate_exports: FAILED after {checks} checks: {e}")
        print(f"{checks} passed, 1 failed")
        sys.exit(1)
