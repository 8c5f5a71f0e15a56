"""Lighthouse accessibility scores for the home, an indicator, a year and the action-plan page.

Slow (about 20 s a page), so not part of `make test`: run `make lighthouse`. Builds the example
site, serves it on 127.0.0.1 and runs npm's lighthouse with Debian's Chromium. Exits 1 if any
page scores below 100 for accessibility.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from generator.pages.tested_with import TESTED_WITH
from tests.browser.conftest import ARGS, CHROMIUM, QuietHandler
from tests.site_helpers import build_example

LIGHTHOUSE = f"lighthouse@{TESTED_WITH['Lighthouse']}"
PAGES = {"home": "", "indicator 2": "indicators/indicator-2/", "year 2024": "years/2024/", "action plan": "action-plan/"}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = build_example(Path(tmp) / "site")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        flags = " ".join(["--headless=new", *ARGS])
        failed = False
        for name, path in PAGES.items():
            out = Path(tmp) / "report.json"
            subprocess.run(["npx", "--yes", LIGHTHOUSE, base + path, "--only-categories=accessibility,performance",
                            "--output=json", f"--output-path={out}", "--quiet", f"--chrome-flags={flags}"],
                           check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
            report = json.loads(out.read_text())
            scores = {k: v["score"] for k, v in report["categories"].items()}
            audits = {ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]}
            failing = sorted(i for i in audits if report["audits"][i].get("score") == 0)
            print(f"{name:12} accessibility {scores['accessibility'] * 100:.0f}  performance {scores['performance'] * 100:.0f}"
                  + (f"  failing: {failing}" if failing else ""))
            failed |= scores["accessibility"] < 1
        server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
