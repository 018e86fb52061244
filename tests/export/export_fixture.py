"""A catalogue for the export checks: the feeds in tests/export/data/ served by
atip-test-server on 127.0.0.1, added and fetched by the built atip, in a temporary folder.
Shared by validate_exports.py and chromium_digest.py."""
import os
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FEEDS = ("hostile.rss", "citations.rss")


class Catalogue:
    def __init__(self, atip, server):
        self.atip = atip
        self.tmp = tempfile.TemporaryDirectory(prefix="atip-export-")
        self.dir = self.tmp.name
        self.env = dict(os.environ, ATIP_DB=os.path.join(self.dir, "catalogue.db"), HOME=self.dir,
                        ATIP_NOW="2026-11-27T12:00:00Z", NO_COLOR="1")
        self.env.pop("ATIP_VOCABULARY", None)
        self.env.pop("XDG_CONFIG_HOME", None)
        port_file = os.path.join(self.dir, "port")
        self.server = subprocess.Popen([server, "--dir", os.path.join(HERE, "data"), "--host", "127.0.0.1",
                                        "--port", "0", "--port-file", port_file, "--max-seconds", "120"])
        for _ in range(200):  # bounded: at most 10 s for the server to say its port
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.05)
        port = open(port_file).read().strip()
        for name in FEEDS:
            self.run("feeds", "add", f"http://127.0.0.1:{port}/{name}")
        self.run("fetch")

    def run(self, *args):
        r = subprocess.run([self.atip, *args], env=self.env, capture_output=True, timeout=60)
        if r.returncode != 0:
            raise AssertionError(f"atip {' '.join(args)} exited {r.returncode}: {r.stderr.decode()}")
        return r.stdout

    def export(self, fmt, *extra):
        return self.run("export", "--all", "--format", fmt, *extra)

    def close(self):
        self.server.terminate()
        self.server.wait(timeout=10)
        self.tmp.cleanup()
