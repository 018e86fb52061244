#!/usr/bin/python3
"""Renders HTML digests in Debian's headless Chromium: a screenshot of the digest of the fixture
catalogue (the PNG must exist and be a real picture), and the DOM Chromium built from a digest
of hostile feed text, which must hold no script, no event handler attribute, no link other than
http(s), no style beyond atip's own, and show the hostile strings as text.
Chromium runs headless, without sandbox (CI runs as root), with a throw-away profile, a time
limit and every host name unresolvable, so nothing leaves the machine.
Usage: chromium_digest.py ATIP ATIP_TEST_SERVER [SCREENSHOT.png]. Prints 'N passed, 0 failed'."""
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

from export_fixture import Catalogue

checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        raise AssertionError(what)


def chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError("chromium is not installed (scripts/setup installs Debian's package)")


def run_chromium(args, profile):
    cmd = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
           "--disable-background-networking", "--disable-sync", "--disable-default-apps", "--mute-audio",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", f"--user-data-dir={profile}",
           *args]
    return subprocess.run(cmd, capture_output=True, timeout=90)


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.bad, self.text, self.styles, self.hrefs = [], [], [], [], []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("script", "iframe", "img", "object", "embed", "link", "base", "meta") and tag != "meta":
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            if name == "style":
                self.bad.append(f"{tag} style=")
            if name in ("href", "src", "xlink:href", "action", "formaction") and value is not None:
                if tag == "a" and value.startswith(("http://", "https://")):
                    self.hrefs.append(value)
                else:
                    self.bad.append(f"{tag} {name}={value}")
        if tag == "style":
            self._in_style = True
            self.styles.append("")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles[-1] += data
        else:
            self.text.append(data)


def main(atip, server, screenshot):
    cat = Catalogue(atip, server)
    profile = tempfile.mkdtemp(prefix="atip-chromium-")
    try:
        docs = json.loads(cat.export("json"))
        page = os.path.join(cat.dir, "digest.html")
        open(page, "wb").write(cat.export("html", "--month", "2026-10"))
        url = "file://" + page

        # The page renders: a phone-sized screenshot that is a real PNG of that size.
        r = run_chromium([f"--screenshot={screenshot}", "--window-size=412,1600", "--hide-scrollbars", url], profile)
        check(os.path.exists(screenshot), f"no screenshot: {r.stderr.decode()[-500:]}")
        png = open(screenshot, "rb").read()
        check(png.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG")
        width, height = struct.unpack(">II", png[16:24])
        check((width, height) == (412, 1600), f"PNG is {width}x{height}")
        check(len(png) > 20000, f"PNG of {len(png)} bytes is too small to show a digest")

        # The DOM Chromium built from hostile text: nothing active, everything as text.
        r = run_chromium(["--dump-dom", "--virtual-time-budget=2000", url], profile)
        check(r.returncode == 0, f"chromium --dump-dom failed: {r.stderr.decode()[-500:]}")
        dom_html = r.stdout.decode()
        check("</html>" in dom_html, "no DOM dumped")
        dom = Dom()
        dom.feed(dom_html)
        check(dom.bad == [], f"active or injected markup in the DOM: {dom.bad}")
        check(dom.tags.count("style") == 1, f"{dom.tags.count('style')} style elements")
        check("display:none" not in dom.styles[0].replace(" ", ""), "feed CSS inside atip's style")
        check("svg" in dom.tags and dom.tags.count("svg") == 3, "three inline SVG charts")
        check(all(h.startswith(("http://", "https://")) for h in dom.hrefs) and len(dom.hrefs) >= 4, "links")
        text = "".join(dom.text)
        for needle in ("<script>alert('feed')</script>", "<script>alert(10)</script>",
                       "</style><style>body{display:none}</style>", "expression(alert(3))",
                       "url(javascript:alert(4))", '" onmouseover="alert(6)" x="'):
            check(needle in text, f"hostile text not shown as text: {needle}")
        october = [d for d in docs if d["published"] and d["published"].startswith("2026-10")]
        for d in october:
            check(d["title"] in text, f"title missing: {d['title']}")
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        cat.close()
    print(f"chromium_digest: screenshot {screenshot}; {checks} passed, 0 failed")


if __name__ == "__main__":
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(tempfile.gettempdir(), "atip-digest.png")
    try:
        main(sys.argv[1], sys.argv[2], out)
    except Exception as e:  # noqa: BLE001 - any failure is reported the same way
        print(f"chromium_digest: FAILED after {checks} checks: {e}")
        print(f"{checks} passed, 1 failed")
        sys.exit(1)
