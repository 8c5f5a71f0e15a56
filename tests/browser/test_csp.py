"""The site works under a strict Content-Security-Policy: no inline script, no inline style, no data: image, no eval,
on every page at 320, 375, 768 and 1280 px in both colour schemes; every chart shown as an SVG without a click, and
drawn interactively (plotly.js loaded on request) when its button is pressed."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from generator.site.settings import CSP

from .conftest import CHARTS_READY, draw_charts

assert CSP == "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'"


class StrictHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        pass


@pytest.fixture(scope="module")
def strict_url(site_dir):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StrictHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample || ''}`));
"""


# Every width a reader may use (phones from 320 px: Material's drawer and search icons show there) in both colour
# schemes: Material picks its palette from prefers-color-scheme until the reader toggles it.
VIEWS = [(width, scheme) for width in (320, 375, 768, 1280) for scheme in ("light", "dark")]


@pytest.mark.parametrize(("width", "scheme"), VIEWS, ids=[f"{w}px-{s}" for w, s in VIEWS])
def test_every_page_works_under_a_strict_content_security_policy(browser, strict_url, page_paths, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    context.add_init_script(LISTEN)
    problems = []
    try:
        for path in page_paths:
            page = context.new_page()
            refused = []
            page.on("console", lambda msg, out=refused: out.append(msg.text) if "Content Security Policy" in msg.text else None)
            page.goto(strict_url + path, wait_until="load")
            expected = "slate" if scheme == "dark" else "default"
            if page.evaluate("document.body.getAttribute('data-md-color-scheme')") != expected:
                problems.append(f"{path}: not in the {scheme} scheme")
            charts = page.locator("[data-wres-chart]").count()
            page.wait_for_function(CHARTS_READY)
            static = page.evaluate("document.querySelectorAll('.wres-chart svg.wres-svg').length")
            if static != 2 * charts:
                problems.append(f"{path}: {static} static SVGs for {charts} charts before any click")
            if page.evaluate("!!window.Plotly || !!document.querySelector('script[src*=plotly]')"):
                problems.append(f"{path}: plotly.js loaded before anyone asked for it")
            # drawing every chart is slow: once per scheme, at the desktop width
            if charts and width == 1280 and draw_charts(page) != charts:
                problems.append(f"{path}: not every chart has its button")
            page.wait_for_timeout(0)
            violations = page.evaluate("window.__csp")
            problems += [f"{path}: {v}" for v in violations + refused]
            page.close()
    finally:
        context.close()
    assert not problems, f"{len(problems)} violations at {width} px, {scheme}:\n" + "\n".join(problems[:60])


def test_an_aligned_table_in_a_content_page_keeps_its_alignment(browser, strict_url):
    """The example's about page has a table with a right-aligned column: aligned by a class, not a style attribute."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(strict_url + "about/", wait_until="load")
        cell = page.locator(".md-typeset table td.wres-align-right").first
        assert cell.evaluate("c => getComputedStyle(c).textAlign") == "right"
        assert page.locator(".md-typeset [style]").count() == 0
    finally:
        page.close()


def test_every_built_page_carries_the_policy(site_dir):
    from ..site_helpers import html_pages

    tag = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    for page in html_pages(site_dir):
        text = page.read_text()
        assert tag in text, page
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", text), f"{page}: an inline script"
        assert not re.search(r"<[a-zA-Z][^<>]*\sstyle=", text), f"{page}: an inline style"
