"""The site works under a strict Content-Security-Policy: no inline script, no eval, every chart shown as an SVG
without a click, and drawn interactively (plotly.js loaded on request) when its button is pressed."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from generator.site.config import CSP

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


def test_every_page_works_under_a_strict_content_security_policy(browser, strict_url, page_paths):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    problems = []
    try:
        for path in page_paths:
            page = context.new_page()
            refused = []
            page.on("console", lambda msg, out=refused: out.append(msg.text) if "Content Security Policy" in msg.text else None)
            page.goto(strict_url + path, wait_until="load")
            charts = page.locator("[data-wres-chart]").count()
            page.wait_for_function(CHARTS_READY)
            static = page.evaluate("document.querySelectorAll('.wres-chart svg.wres-svg').length")
            if static != 2 * charts:
                problems.append(f"{path}: {static} static SVGs for {charts} charts before any click")
            if page.evaluate("!!window.Plotly || !!document.querySelector('script[src*=plotly]')"):
                problems.append(f"{path}: plotly.js loaded before anyone asked for it")
            if charts and draw_charts(page) != charts:
                problems.append(f"{path}: not every chart has its button")
            page.wait_for_timeout(0)
            violations = page.evaluate("window.__csp")
            problems += [f"{path}: {v}" for v in violations + refused]
            page.close()
    finally:
        context.close()
    assert not problems, f"{len(problems)} violations:\n" + "\n".join(problems[:60])


def test_every_built_page_carries_the_policy(site_dir):
    from ..site_helpers import html_pages

    tag = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    for page in html_pages(site_dir):
        text = page.read_text()
        assert tag in text, page
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", text), f"{page}: an inline script"
