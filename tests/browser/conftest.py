"""A real browser on the real site: build the example, serve it on 127.0.0.1, drive Debian's Chromium.

Playwright's own browser download cannot work here; `make test` installs Debian's
`chromium` and this launches it by path.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from ..conftest import ROOT
from ..site_helpers import example_site, html_pages

CHROMIUM = os.environ.get("WRES_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-extensions"]
ARTIFACTS = ROOT / "test-artifacts"
WIDTHS = {"desktop": 1280, "mobile": 375}
SCHEMES = ("light", "dark")
# Every chart is in the page as two static SVGs (narrow and wide), and the chart script has shown its button.
# (A function, not an expression: Playwright evaluates a bare expression with eval, which a strict policy refuses.)
CHARTS_READY = ("() => Array.from(document.querySelectorAll('.wres-chart')).every(c => c.querySelectorAll('svg.wres-svg').length === 2)"
                " && Array.from(document.querySelectorAll('.wres-chart__explore')).every(p => !p.hidden)")


# What the tests read is there: the page loaded (scripts, styles, pictures), its fonts, and its charts ready.
PAGE_READY = f"() => document.fonts.status === 'loaded' && ({CHARTS_READY})()"


def open_page(page, url: str) -> None:
    """Go to ``url`` and wait until the page is ready to read (``PAGE_READY``). Not for the network to go idle:
    that costs at least half a second a page, and what a test reads does not depend on it."""
    page.goto(url, wait_until="load")
    page.wait_for_function(PAGE_READY)


def draw_charts(page, timeout: float = 20000) -> int:
    """Press every chart's "Explore this chart interactively" button; wait until plotly has drawn them all."""
    page.wait_for_function(CHARTS_READY)
    buttons = page.locator("[data-wres-explore]")
    count = buttons.count()
    for i in range(count):
        button = buttons.nth(i)
        if button.is_visible():
            button.click()
            page.wait_for_function(f"() => document.getElementById({button.get_attribute('data-wres-explore')!r})"
                                   ".classList.contains('wres-chart--drawn')", timeout=timeout)
    if count:
        page.wait_for_function(f"() => document.querySelectorAll('.wres-chart--drawn svg.main-svg').length >= {count}",
                               timeout=timeout)
    return count


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return example_site()


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def page_paths(site_dir) -> list[str]:
    """Every page of the built site, walked from the files MkDocs wrote (not a hand-kept list)."""
    paths = []
    for page in html_pages(site_dir):
        rel = page.relative_to(site_dir).as_posix()
        paths.append(rel.removesuffix("index.html"))
    return paths


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium package")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
