"""No chart label overlaps a reference line or another label, measured by the browser that draws it.

Every static chart of every page (both layouts, narrow and wide) is drawn on one page, and Chromium's
own box of each ``<text>`` (turned with a turned year label) is compared with every other and with the
reference lines (parity, the whole workforce, zero, series breaks); then plotly draws the interactive
charts of the pages with bars, ratios and a board, at a phone's and a laptop's width, and they are
measured the same way.
"""

from __future__ import annotations

import re

import pytest

from ..site_helpers import html_pages
from .conftest import draw_charts, open_page

# Two boxes meet when they overlap by more than this (px or SVG units) along every axis: glyph boxes include
# the line's leading, so two labels set one above the other may touch without their letters meeting.
SLACK = 1.0

# Each label as the four corners of its box on the screen, each reference line as a thin box along it; two
# shapes meet when no axis separates them by more than `slack` (the separating axis theorem, convex shapes).
GEOMETRY = """
  const corners = t => {
    const b = t.getBBox(), m = t.getScreenCTM();
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  const axes = shape => shape.map((p, i) => { const q = shape[(i + 1) % shape.length];
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1; return [(p[1] - q[1]) / len, (q[0] - p[0]) / len]; });
  const span = (shape, [ax, ay]) => { const d = shape.map(([x, y]) => x * ax + y * ay); return [Math.min(...d), Math.max(...d)]; };
  const meet = (a, b) => [...axes(a), ...axes(b)].every(axis => {
    const [a0, a1] = span(a, axis), [b0, b1] = span(b, axis); return Math.min(a1, b1) - Math.max(a0, b0) > slack; });
  const box = r => [[r.left - 1, r.top - 1], [r.right + 1, r.top - 1], [r.right + 1, r.bottom + 1], [r.left - 1, r.bottom + 1]];
  // a label on a box of its own (a band's name: the line runs under the box and stops at its edge) is not crossed
  const clashes = (texts, lines) => {
    const found = [];
    texts.forEach((a, i) => {
      texts.slice(i + 1).forEach(b => { if (meet(a.shape, b.shape)) found.push(`"${a.text}" overlaps "${b.text}"`); });
      if (!a.covers) lines.forEach(l => { if (meet(a.shape, l)) found.push(`"${a.text}" is crossed by a reference line`); });
    });
    return found;
  };
  // plotly.js draws notes above the shapes: a note's text covers a line if its opaque box holds the text's box
  const covers = t => {
    const bg = t.closest('.annotation') && t.closest('.annotation').querySelector('rect.bg');
    if (!bg) return false;
    const style = getComputedStyle(bg), box = bg.getBoundingClientRect(), own = t.getBoundingClientRect();
    const clear = style.fill === 'none' || style.fill.endsWith(', 0)') || +style.fillOpacity === 0;
    return !clear && box.left <= own.left && box.right >= own.right && box.top <= own.top && box.bottom >= own.bottom;
  };
"""

MEASURE_STATIC = "(slack) => {" + GEOMETRY + """
  return Array.from(document.querySelectorAll('svg.wres-svg')).flatMap(svg => clashes(
    Array.from(svg.querySelectorAll('text')).map(t => ({text: t.textContent, shape: corners(t)})),
    Array.from(svg.querySelectorAll('line.wres-svg-rule')).map(l => box(l.getBoundingClientRect()))
  ).map(f => `${svg.dataset.where}: ${f}`));
}"""

MEASURE_PLOTLY = "(slack) => {" + GEOMETRY + """
  return Array.from(document.querySelectorAll('.wres-chart--drawn')).flatMap(chart => clashes(
    Array.from(chart.querySelectorAll('.annotation-text, .bartext, .textpoint text, .ytick text, .xtick text, .legendtext'))
      .filter(t => t.textContent.trim()).map(t => ({text: t.textContent, shape: corners(t), covers: covers(t)})),
    Array.from(chart.querySelectorAll('.shapelayer path')).map(p => p.getBoundingClientRect())
      .filter(r => r.width < 4 || r.height < 4).map(box)
  ).map(f => `${chart.id}: ${f}`));
}"""


def static_charts(site) -> str:
    """Every static chart of the site on one page, each marked with where it comes from."""
    out = []
    for page in html_pages(site):
        for n, svg in enumerate(re.findall(r'<svg[^>]*class="wres-svg .*?</svg>', page.read_text(encoding="utf-8"), re.S)):
            where = f"{page.relative_to(site).parent.as_posix()} chart {n // 2 + 1} ({'narrow' if n % 2 == 0 else 'wide'})"
            out.append(svg.replace("<svg ", f'<svg data-where="{where}" ', 1))
    return "<!doctype html><html><body>" + "".join(out) + "</body></html>"


def test_no_static_chart_label_meets_a_reference_line_or_another_label(browser, site_dir):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_content(static_charts(site_dir))
    count = page.locator("svg.wres-svg").count()
    found = page.evaluate(MEASURE_STATIC, SLACK)
    page.close()
    charts = sum(p.read_text(encoding="utf-8").count('class="wres-chart"') for p in html_pages(site_dir))
    assert count == 2 * charts > 0  # every chart of the example, in both layouts
    assert not found, "\n".join(found)


@pytest.mark.parametrize("width", [375, 1280])
def test_no_interactive_chart_label_meets_a_reference_line_or_another_label(browser, base_url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = []
    for path in ("indicators/indicator-1/", "indicators/indicator-3/", "indicators/indicator-4/", "indicators/indicator-9/"):
        open_page(page, base_url + path)
        assert draw_charts(page)
        found += [f"{path} {f}" for f in page.evaluate(MEASURE_PLOTLY, SLACK)]
    page.close()
    assert not found, "\n".join(found)


# The pages with a bar chart of bands: indicator 1's and WDES metric 1's, three each (staff groups).
BAND_PAGES = ("indicators/indicator-1/", "wdes/metrics/metric-1/")

PLOT_WIDTHS = """() => Array.from(document.querySelectorAll('.wres-chart--drawn'))
  .filter(chart => chart.data.some(trace => trace.type === 'bar'))
  .map(chart => ({id: chart.id, chart: chart.getBoundingClientRect().width,
                  area: chart.querySelector('.nsewdrag').getBoundingClientRect().width,
                  names: Array.from(chart.querySelectorAll('.annotation-text')).map(t => t.textContent)}))"""


def test_a_band_charts_plot_keeps_most_of_a_phones_width_with_every_band_named(browser, base_url, site_dir):
    """Band names run to 35 characters: as tick labels beside the bars they left a 343 px chart 64 px to draw in."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    seen = []
    for path in BAND_PAGES:
        open_page(page, base_url + path)
        draw_charts(page)
        seen += [{**chart, "path": path} for chart in page.evaluate(PLOT_WIDTHS)]
    page.close()
    assert len(seen) == 6
    narrow = [f"{c['path']} {c['id']}: plot {c['area']:.0f} of {c['chart']:.0f} px" for c in seen if c["area"] < 0.55 * c["chart"]]
    assert not narrow, "\n".join(narrow)
    medical = next(c for c in seen if c["id"] == "chart-indicator-1-medical-and-dental")
    assert {"Consultants", "Specialty and specialist grades", "Doctors in training", "Other medical and dental"} <= set(medical["names"])
    clusters = next(c for c in seen if c["id"] == "chart-metric-1-non-clinical")
    assert "Cluster 4 (Bands 8c to 9 and VSM)" in clusters["names"]
