"""Lighthouse scores (mobile preset) for the home, two indicators, a year and the action-plan page.

Slow (about 20 s a page a run), so not part of `make test`: run `make lighthouse`, or
`python -m tests.lighthouse_check --runs 3` for the median of three runs. Builds the example
site, serves it on 127.0.0.1 and runs the lighthouse of package.json (npm ci) with Debian's
Chromium. Exits 1 if any page scores below 100 for accessibility, or below the performance
target: 95 on an indicator page, 98 on every other page.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from tests.browser.conftest import ARGS, CHROMIUM, ROOT, QuietHandler
from tests.site_helpers import build_example

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "indicator 2": "indicators/indicator-2/", "indicator 5": "indicators/indicator-5/",
         "year 2024": "years/2024/", "action plan": "action-plan/"}


def target(name: str) -> int:
    return 95 if name.startswith("indicator") else 98


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
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run 'npm ci'", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_example(Path(tmp) / "site")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        failed = False
        print("| page | performance (median) | runs | accessibility | target |\n| --- | --- | --- | --- | --- |")
        for name, path in PAGES.items():
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
