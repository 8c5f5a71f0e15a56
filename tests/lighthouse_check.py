"""Lighthouse scores (mobile preset) for the home, two indicators, a year and the action-plan page (or --page ...).

Slow (about 20 s a page a run), so not part of `make test`: run `make lighthouse`, or
`python -m tests.lighthouse_check --runs 3` for the median of three runs. Builds the example
site, serves it on 127.0.0.1 gzip-compressed, as GitHub Pages, Netlify and nginx serve text
(`--plain` serves it uncompressed, as `python -m http.server` does), and runs the lighthouse
of package.json (npm ci) with Debian's Chromium. Exits 1 if any page scores below 100 for accessibility, or below the performance
target: 95 on an indicator page, 98 on every other page.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from generator.data import Project
from generator.pages.tested_with import TESTED_WITH
from generator.site import build_site
from tests.browser.conftest import ARGS, CHROMIUM, ROOT, QuietHandler

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_VERSION = TESTED_WITH["Lighthouse"]
PAGES = {"home": "", "indicator 2": "indicators/indicator-2/", "indicator 5": "indicators/indicator-5/",
         "year 2024": "years/2024/", "action plan": "action-plan/"}


class GzipHandler(QuietHandler):
    """Text files gzip-compressed when the browser accepts it, as a real host sends them."""

    def do_GET(self):  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        text = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml")
        if not path.is_file() or not text or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()  # images, redirects and 404s as the stdlib sends them
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def target(name: str) -> int:
    """An indicator's or a WDES metric's page (charts, long tables) 95; every other page 98."""
    return 95 if name.startswith(("indicator", "metric")) else 98


def run(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *ARGS])
    subprocess.run([str(LIGHTHOUSE), url, "--only-categories=accessibility,performance", "--output=json",
                    f"--output-path={out}", "--quiet", f"--chrome-flags={flags}"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is reported")
    parser.add_argument("--site", type=Path, help="an already built site to measure (default: build the example)")
    parser.add_argument("--plain", action="store_true", help="serve without compression")
    parser.add_argument("--page", action="append", metavar="NAME=PATH",
                        help="measure this page instead of the usual five (repeatable), e.g. 'metric 1=wdes/metrics/metric-1/';"
                             " a name starting 'indicator' or 'metric' has the target 95")
    args = parser.parse_args(argv)
    pages = dict(page.split("=", 1) for page in args.page) if args.page else PAGES
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run 'npm ci'", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        if args.site is None:  # built as 'wres build' builds it: this is no test session (site_helpers logs into one)
            build_site(Project.folder(ROOT), Path(tmp) / "site")
        site = args.site or Path(tmp) / "site"
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler if args.plain else GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        failed = False
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, {args.runs} run(s) a page, served {'plain' if args.plain else 'gzip'}\n")
        print("| page | performance (median) | runs | accessibility | target |\n| --- | --- | --- | --- | --- |")
        for name, path in pages.items():
            performance, accessibility, failing = [], [], set()
            for _ in range(args.runs):
                report = run(base + path, Path(tmp) / "report.json")
                scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
                performance.append(scores["performance"])
                accessibility.append(scores["accessibility"])
                audits = {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]}
                failing |= {i for i in audits if report["audits"][i].get("score") == 0}
            median = statistics.median(performance)
            print(f"| {name} | {median:g} | {', '.join(map(str, performance))} | {min(accessibility)} | {target(name)} |"
                  + (f" failing: {sorted(failing)}" if failing else ""), flush=True)
            failed |= min(accessibility) < 100 or median < target(name)
        server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
