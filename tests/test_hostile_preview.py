"""The preview lists a data mistake as text, under the built site's Content-Security-Policy.

Planted: a band named with an image whose ``onerror`` runs script and a ``<script>``
block, written while ``wres serve`` runs. The problem quotes the band's name; the page
must show it as characters, and the page open in a browser reloads itself (its live
reload is a script file the policy allows) without running any of it.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from generator.site.settings import CSP

from .browser.conftest import ARGS, CHROMIUM
from .site_helpers import copy_data
from .test_serve import fetch, start_serve, wait_for

BAND = "<img src=x onerror=alert(1)><script>alert(2)</script>"
PROBLEM = f"data/years/2023.yaml:11: indicator_1.non_clinical.{BAND}: must be a block of 'key: value' lines, not 5"
LISTEN = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def test_a_hostile_value_in_a_problem_shows_as_text_in_the_preview(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make test', which installs Debian's chromium package")
    data = copy_data(tmp_path / "project")
    year = data / "years" / "2023.yaml"
    server, url = start_serve(data.parent)
    try:
        assert wait_for(url, "At a glance", 60), "the preview did not start"
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in fetch(url)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            page = browser.new_page()
            page.add_init_script(LISTEN)
            dialogs = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(url, wait_until="load")
            page.wait_for_timeout(500)  # the live reload has asked which build this page is
            text = year.read_text(encoding="utf-8")
            year.write_text(text.replace('    "Band 2": {white: 455', f'    "{BAND}": 5\n    "Band 2": {{white: 455', 1),
                            encoding="utf-8")
            # the open page reloads itself and lists the problem, its quoted value as text
            page.wait_for_selector(".wres-problems li", timeout=30000)
            page.wait_for_load_state("load")  # the live-reload script comes last in the body: the page is read to its end
            problems = page.locator(".wres-problems li").all_text_contents()
            assert len(problems) == 1 and problems[0].endswith(PROBLEM), problems
            assert page.locator(".wres-problems img, .wres-problems script").count() == 0
            assert dialogs == []
            # the one thing the policy refuses is MkDocs' own inline live-reload script (wres-livereload.js, a file,
            # does its work): every inline script on the page is that one, and nothing else was refused
            inline = page.evaluate("[...document.querySelectorAll('script:not([src]):not([type=\"application/json\"])')]"
                                   ".map(s => s.textContent)")
            assert inline and all("livereload" in script for script in inline), inline
            assert set(page.evaluate("window.__csp")) <= {"script-src-elem inline"}
            browser.close()
        html = fetch(url)
        assert "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
        assert "<script>alert" not in html and "<img src=x" not in html
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=20)
