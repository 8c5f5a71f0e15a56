"""Page types found in the built site, their weight as a browser loads them, and their Lighthouse scores.

Page types are discovered, not listed: the home page, then one type per top-level
folder of the site (``indicators/``, ``years/``, ``action-plan/`` ...) and one per
single page (``data/``, ``methodology/`` ...). Every page is weighed and each type
is reported by its heaviest page (which Lighthouse then measures), so a renamed or
new page type shows up without a change here.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import statistics
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from tests.browser.conftest import QuietHandler

KINDS = {".html": "html", ".js": "js", ".css": "css", ".json": "json", ".svg": "svg", ".csv": "csv"}


def page_types(site: Path) -> dict[str, list[str]]:
    """Type name -> the site paths of its pages (``""`` is the home page)."""
    types: dict[str, list[str]] = {}
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        name = "home" if rel == "" else rel.split("/", 1)[0]
        types.setdefault(name, []).append(rel)
    return types


@contextlib.contextmanager
def served(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def weights(site: Path, types: dict[str, list[str]], chromium: str) -> dict[str, tuple[str, dict[str, dict[str, int]]]]:
    """Per type: its heaviest page (by gzip total) and that page's bytes by kind (html, js, css, json ...), raw and
    gzip (level 6), of everything it fetched in Chromium (mobile viewport) until the network was idle: lazily loaded
    scripts and the search index included."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import ARGS

    out: dict[str, tuple[str, dict[str, dict[str, int]]]] = {}
    with served(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        for name, path in ((name, path) for name, paths in types.items() for path in paths):
            page = browser.new_page(viewport={"width": 375, "height": 812})
            fetched: list[str] = []
            page.on("requestfinished", lambda request, into=fetched: into.append(request.url))
            page.goto(base + path, wait_until="networkidle")
            page.mouse.wheel(0, 100_000)  # scroll to the end, so anything loaded when it nears the viewport loads
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)  # a bench, not a test: a moment for lazy loads to start
            page.wait_for_load_state("networkidle")
            page.close()
            sizes: dict[str, dict[str, int]] = {}
            for url in dict.fromkeys(fetched):
                local = urlsplit(url).path.lstrip("/")
                file = site / local / "index.html" if local == "" or local.endswith("/") else site / local
                if not url.startswith(base) or not file.is_file():
                    continue
                data = file.read_bytes()
                kind = KINDS.get(file.suffix, "other")
                entry = sizes.setdefault(kind, {"raw": 0, "gzip": 0, "files": 0})
                entry["raw"] += len(data)
                entry["gzip"] += len(gzip.compress(data, compresslevel=6, mtime=0))
                entry["files"] += 1
            total = sum(entry["gzip"] for entry in sizes.values())
            if name not in out or total > sum(entry["gzip"] for entry in out[name][1].values()):
                out[name] = (path, sizes)
        browser.close()
    return out


def lighthouse(site: Path, types: dict[str, str], work: Path, runs: int = 3) -> dict[str, dict[str, float]] | str:
    """Per type: Lighthouse mobile performance (median of ``runs``) and accessibility (the lowest), or why it could not
    run. Served gzip-compressed, as GitHub Pages, Netlify and nginx send text, by the same server and runner as
    ``python -m tests.lighthouse_check``."""
    from tests.lighthouse_check import LIGHTHOUSE, GzipHandler, run

    if not LIGHTHOUSE.exists():
        return f"{LIGHTHOUSE} is not installed (make browser-deps)"
    out: dict[str, dict[str, float]] = {}
    with served(site, GzipHandler) as base:
        for name, path in types.items():
            scores = []
            for n in range(runs):
                try:
                    categories = run(base + path, work / f"lighthouse-{name}-{n}.json")["categories"]
                except (subprocess.CalledProcessError, OSError, ValueError) as exc:
                    return f"Lighthouse did not run ({type(exc).__name__})"
                scores.append({k: round(v["score"] * 100) for k, v in categories.items()})
            out[name] = {"performance": statistics.median(s["performance"] for s in scores),
                         "accessibility": min(s["accessibility"] for s in scores)}
    return out
