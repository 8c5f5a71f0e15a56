"""Every page without JavaScript, at 320 px and 200% zoom, and its charts in both colour schemes;
headings, tables and links; screenshots for a person to look at."""

from __future__ import annotations

import re

import pytest

from .conftest import CHARTS_READY as WAIT_FOR_CHARTS
from .conftest import SCHEMES, WIDTHS, open_page


def test_without_javascript_every_figure_is_still_readable(browser, base_url, page_paths):
    with_js = browser.new_page()
    context = browser.new_context(java_script_enabled=False)
    no_js = context.new_page()
    failures = []
    for path in page_paths:
        open_page(with_js, base_url + path)
        no_js.goto(base_url + path, wait_until="load")  # no script runs: loaded is ready
        tables = with_js.locator(".wres-table table").all_inner_texts()
        if no_js.locator(".wres-table table").all_inner_texts() != tables:
            failures.append(f"{path}: tables differ without JavaScript")
        for selector in (".wres-figure figcaption", ".wres-card", ".wres-headline", ".wres-action"):
            expected = with_js.locator(selector).all_inner_texts()
            if no_js.locator(selector).all_inner_texts() != expected:
                failures.append(f"{path}: {selector} differs without JavaScript")
        hidden = no_js.evaluate("""() => Array.from(document.querySelectorAll('.wres-table, .wres-figure figcaption, .wres-card'))
            .filter(e => !e.checkVisibility()).length""")
        if hidden:
            failures.append(f"{path}: {hidden} tables or captions are not visible without JavaScript")
        # every chart is drawn (its static SVG), and no button that would do nothing is offered
        shown = no_js.evaluate("""() => Array.from(document.querySelectorAll('.wres-chart')).map(c =>
            Array.from(c.querySelectorAll('svg.wres-svg')).filter(s => s.checkVisibility()).length)""")
        if any(n != 1 for n in shown):
            failures.append(f"{path}: without JavaScript, charts show {shown} drawings instead of one each")
        if no_js.locator("[data-wres-explore]").filter(visible=True).count():
            failures.append(f"{path}: an explore button shows without JavaScript")
    context.close()
    with_js.close()
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("width", "zoom", "scheme"),
                         [(w, 1, s) for w in (320, 375, 768, 1280) for s in ("light", "dark")] + [(1280, 2, "light")])
def test_reflow_nothing_but_a_wide_table_or_chart_scrolls_sideways(browser, base_url, page_paths, width, zoom, scheme):
    # Every page at phone, small-phone, tablet and desktop widths in both colour schemes, and 200% zoom of a
    # 1280 px window (a 640 CSS px viewport at twice the pixel density).
    context = browser.new_context(viewport={"width": width // zoom, "height": 800}, device_scale_factor=zoom,
                                  color_scheme=scheme)
    page = context.new_page()
    failures = []
    for path in page_paths:
        page.goto(base_url + path, wait_until="load")
        page.wait_for_function(WAIT_FOR_CHARTS)
        result = page.evaluate("""() => {
            const width = document.documentElement.clientWidth;
            const page = document.documentElement.scrollWidth;
            const wide = Array.from(document.querySelectorAll('.md-content *')).filter(e => {
                const r = e.getBoundingClientRect();
                return r.right > width + 1 && !e.closest('.wres-table, .wres-chart') && e.checkVisibility();
            }).map(e => e.tagName + '.' + e.className).slice(0, 3);
            const tables = Array.from(document.querySelectorAll('.md-content table')).filter(t => {
                const box = t.closest('.wres-table');
                return !box || box.getAttribute('role') !== 'region' || box.tabIndex !== 0
                    || !document.getElementById(box.getAttribute('aria-labelledby'));
            }).length;
            // every word of a static chart inside the chart: an axis label cut at the edge reads wrong ("0%" for "40%")
            const cut = [];
            document.querySelectorAll('svg.wres-svg').forEach(svg => {
                if (!svg.checkVisibility()) return;
                const box = svg.getBoundingClientRect();
                svg.querySelectorAll('text').forEach(t => { const r = t.getBoundingClientRect();
                    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                        cut.push(t.textContent); });
            });
            return {width, page, wide, tables, cut: cut.slice(0, 3)};
        }""")
        if result["page"] > result["width"] + 1:
            failures.append(f"{path}: the page scrolls sideways ({result['page']} px in {result['width']} px)")
        if result["wide"]:
            failures.append(f"{path}: wider than the screen: {result['wide']}")
        if result["cut"]:
            failures.append(f"{path}: chart text cut off at the chart's edge: {result['cut']}")
        if result["tables"]:
            failures.append(f"{path}: {result['tables']} tables are not in a labelled, focusable scroll box")
    context.close()
    assert not failures, "\n".join(failures)


CONTRAST = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const probe = document.createElement('div');
  probe.style.color = getComputedStyle(document.body).getPropertyValue('--md-default-bg-color');
  document.body.appendChild(probe);
  const bg = parse(getComputedStyle(probe).color);
  probe.remove();
  const out = [];
  // the static SVG shown at this width: every line and marker, by its series role
  document.querySelectorAll('.wres-chart svg.wres-svg').forEach(svg => {
    if (!svg.checkVisibility()) return;
    const chart = svg.closest('.wres-chart');
    svg.querySelectorAll('.wres-svg-line, .wres-svg-solid, .wres-svg-open').forEach(mark => {
      const stroke = parse(getComputedStyle(mark).stroke);
      if (!stroke || stroke.a === 0) return;
      const role = Array.from(mark.classList).find(c => c.startsWith('wres-r-'));
      out.push({chart: chart.id, trace: role, ratio: ratio(stroke, bg)});
    });
  });
  return out;
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_charts_have_names_tables_and_colours_with_contrast(browser, base_url, page_paths, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    failures, checked = [], 0
    for path in page_paths:
        open_page(page, base_url + path)
        for width in (375, 1280):  # the narrow and the wide drawing
            page.set_viewport_size({"width": width, "height": 900})
            for item in page.evaluate(CONTRAST):
                checked += 1
                if item["ratio"] < 3:
                    failures.append(f"{path}: {item['chart']} {item['trace']} has contrast {item['ratio']:.2f}:1 "
                                    f"in {scheme} at {width} px")
        charts = page.evaluate("""() => Array.from(document.querySelectorAll('.wres-chart')).map(c => {
            const figure = c.closest('figure');
            const next = figure.nextElementSibling;
            return {id: c.id, name: c.getAttribute('aria-label'), role: c.getAttribute('role'),
                    summary: figure.querySelector('.wres-figure__summary').textContent,
                    tableNext: !!next && next.matches('.wres-table') && !!next.querySelector('table caption'),
                    drawn: !!c.querySelector('svg')};
        })""")
        for chart in charts:
            if not (chart["name"] and chart["role"] == "img" and len(chart["summary"]) > 20 and chart["tableNext"] and chart["drawn"]):
                failures.append(f"{path}: chart {chart['id']} lacks a name, summary, drawing or its table: {chart}")
    context.close()
    assert checked > 30, "no chart series were measured"
    assert not failures, "\n".join(failures)


def test_series_never_differ_by_colour_alone(site_dir):
    import json

    for page in site_dir.rglob("*.html"):
        for blob in re.findall(r'<script type="application/json" id="chart-[^"]+">(.*?)</script>', page.read_text()):
            # the interval is a shaded area, not a series with a marker or a line
            traces = [t for t in json.loads(blob.replace("<\\/", "</"))["data"]
                      if t.get("type") == "scatter" and t.get("meta") != "interval"]
            # a series split at a series break is one series: its parts share a legend group and a style
            series = {t.get("legendgroup") or t.get("name"): t for t in traces}.values()
            styles = [(t.get("marker", {}).get("symbol"), t.get("line", {}).get("dash") if "lines" in t["mode"] else None)
                      for t in series]
            assert len(set(styles)) == len(styles), f"{page}: two series share a marker and line style: {styles}"


def test_headings_tables_and_links(browser, base_url, page_paths):
    page = browser.new_page()
    failures = []
    for path in page_paths:
        open_page(page, base_url + path)
        report = page.evaluate("""() => {
            const levels = Array.from(document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3, .md-content h4, .md-content h5, .md-content h6'))
                .map(h => Number(h.tagName[1]));
            const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1).length;
            const tables = Array.from(document.querySelectorAll('.md-content table'));
            const noCaption = tables.filter(t => !t.querySelector('caption')).length;
            const wresTables = tables.filter(t => t.closest('.wres-table'));
            const noScope = wresTables.filter(t => t.querySelectorAll('th:not([scope])').length).length;
            const vague = Array.from(document.querySelectorAll('.md-content a')).map(a => a.textContent.trim().toLowerCase())
                .filter(t => ['here', 'click here', 'more', 'read more', 'link', ''].includes(t)).length;
            return {first: levels[0], ones: levels.filter(l => l === 1).length, skips, noCaption, noScope, vague};
        }""")
        if report["first"] != 1 or report["ones"] != 1 or report["skips"]:
            failures.append(f"{path}: headings out of order {report}")
        if report["noScope"] or report["vague"]:
            failures.append(f"{path}: tables without header scopes or links that do not say where they go {report}")
        if report["noCaption"]:
            failures.append(f"{path}: a table has no caption")
    page.close()
    assert not failures, "\n".join(failures)


SCREENSHOTS = {"home": "", "indicator-2": "indicators/indicator-2/", "year-2024": "years/2024/", "action-plan": "action-plan/"}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots_for_people_to_look_at(browser, base_url, artifacts, width):
    page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900})
    for name, path in SCREENSHOTS.items():
        open_page(page, base_url + path)
        target = artifacts / f"{name}-{width}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    page.close()
