"""A trust's label is text in the interactive chart: plotly.js's label markup (links, bold, templates) is escaped.

Planted: ``terminology.bme`` holding a link, bold and a ``%{meta}`` template. The static
SVG escapes it for XML; plotly.js reads its own HTML-like syntax in every text field, so
the figure written for it escapes that too.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from ..site_helpers import built_once
from .conftest import QuietHandler, draw_charts

HOSTILE = '<a href="https://evil.example/">x</a><b>y</b> %{meta}'
PAGE = "indicators/indicator-1/"  # the bands chart: the label is in the bar's name, the axis title and the hover label


@pytest.fixture(scope="module")
def hostile_url():
    site = built_once("hostile-plotly", _plant)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _plant(data: Path) -> None:
    config = data / "organisation.yaml"
    text, found = re.subn(r"(?m)^  bme: .*$", "  bme: '" + HOSTILE + "'", config.read_text(encoding="utf-8"))
    assert found == 1
    config.write_text(text, encoding="utf-8")


def test_a_label_with_markup_shows_as_text_in_the_interactive_chart(browser, hostile_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(hostile_url + PAGE, wait_until="load")
        assert draw_charts(page) >= 2
        # no link and no bold anywhere in a drawn chart: not in a legend, an axis, a note
        assert page.locator(".wres-chart--drawn svg.main-svg a").count() == 0
        assert page.locator(".wres-chart--drawn tspan[style*='bold']").count() == 0
        trend, bands = page.locator(".wres-chart--drawn").nth(0), page.locator(".wres-chart--drawn").nth(1)
        assert f"{HOSTILE} share of the workforce" in trend.locator(".legend").text_content()
        assert f"{HOSTILE} share (%)" in bands.locator(".xtitle").text_content()
        # the hover label names the trace through plotly's own field, never by pasting the label into the template
        trend.scroll_into_view_if_needed()
        box = trend.locator(".nsewdrag").first.bounding_box()
        hover = trend.locator(".hoverlayer")
        # onto a marker of the trust's own line (years sit on a time axis, so a fixed spot may fall between them)
        points = trend.locator(".scatterlayer .trace path.point")
        for index in range(min(points.count(), 12)):
            mark = points.nth(index).bounding_box()
            if mark is None:
                continue
            page.mouse.move(mark["x"] + mark["width"] / 2 + 1, mark["y"] + mark["height"] / 2 + 1)
            page.mouse.move(mark["x"] + mark["width"] / 2, mark["y"] + mark["height"] / 2)
            if "share of the workforce" in (hover.text_content() or ""):
                break
        assert box is not None
        hover.locator("text").first.wait_for(timeout=5000)
        assert f"{HOSTILE} share of the workforce: " in hover.text_content()
        assert hover.locator("a, tspan[style*='bold']").count() == 0
    finally:
        page.close()


def test_the_chart_json_cannot_end_its_script_block():
    """A label's ``</script>`` stays inside the chart's JSON block; JSON.parse gives plotly.js the escaped label."""
    import json

    from generator.pages.charts import lines_chart

    chart = lines_chart("c", "Title", "Summary.", ["2023"], [("</script><b>%{x}</b>", "bme", [1.0])], "Share")
    text = str(chart.json())
    assert "<" not in text and ">" not in text
    assert json.loads(text)["data"][0]["name"] == "&lt;/script&gt;&lt;b&gt;&#37;{x}&lt;/b&gt;"
    # the static SVG beside it escapes the same label for XML
    assert "<b>" not in chart.svg() and "</script>" not in chart.svg()
