"""axe-core on every page, light and dark, desktop and mobile: zero violations, no console
errors, and no request to any host but the site's own."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ..conftest import ROOT
from .conftest import SCHEMES, WIDTHS, draw_charts, open_page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(", ".join(n["target"]) + " " + n.get("failureSummary", "").replace("\n", " ")[:160]
                            for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_passes_axe_without_errors_or_outside_requests(browser, base_url, page_paths, width, scheme):
    assert AXE.exists(), "node_modules/axe-core is missing: run 'make test'"
    # bypass_csp: the pages carry a strict policy (tests/browser/test_csp.py checks it); axe is injected as a test tool
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900}, color_scheme=scheme,
                                  reduced_motion="reduce", bypass_csp=True)
    page = context.new_page()
    own_host = urlsplit(base_url).netloc
    failures: list[str] = []
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url)
            if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != own_host else None)
    for path in page_paths:
        errors.clear()
        outside.clear()
        open_page(page, base_url + path)
        scheme_now = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert scheme_now == ("slate" if scheme == "dark" else "default"), path
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
        if result["violations"]:
            failures.append(f"{path or '/'}:\n{describe(result['violations'])}")
        if path.startswith("indicators/"):
            # and once every chart is interactive: plotly's drawing, the focus moved to it
            draw_charts(page)
            result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
            if result["violations"]:
                failures.append(f"{path} (interactive charts):\n{describe(result['violations'])}")
        if errors:
            failures.append(f"{path or '/'}: console errors: {errors}")
        if outside:
            failures.append(f"{path or '/'}: requests to other hosts: {outside}")
    context.close()
    assert not failures, "\n\n".join(failures)
