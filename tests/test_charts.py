"""The chart model (generator/pages/charts.py): each chart is a plotly Figure, and the page carries what plotly writes."""

from __future__ import annotations

import re
import os
import subprocess
import sys

import plotly.graph_objects as go
import pytest

from generator.metrics import compute_metrics
from generator.pages import charts, render_pages, svg

from .conftest import ROOT, load_example


@pytest.fixture(scope="module")
def drawn() -> tuple[list[charts.Chart], dict[str, str]]:
    """Every chart the example's pages embed, and the pages (path: text)."""
    made: list[charts.Chart] = []
    original = charts.Chart.json

    def recording(chart: charts.Chart):
        made.append(chart)
        return original(chart)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts.Chart, "json", recording)
        dataset = load_example()
        pages = {page.path: page.text for page in render_pages(dataset, compute_metrics(dataset))}
    return made, pages


def embedded(pages: dict[str, str], chart_id: str) -> str:
    """The text of the chart's ``<script type="application/json">`` block, from whichever page holds it."""
    found = [m.group(1) for text in pages.values()
             for m in re.finditer(rf'<script type="application/json" id="{re.escape(chart_id)}-data">(.*?)</script>', text, re.S)]
    assert len(found) == 1, f"{chart_id}: {len(found)} blocks"
    return found[0]


def test_every_chart_is_a_plotly_figure_and_the_page_holds_what_plotly_writes(drawn):
    made, pages = drawn
    assert len({c.chart_id for c in made}) >= 12  # nine trend charts and the bands charts of indicator 1
    for chart in made:
        assert isinstance(chart.figure, go.Figure)
        # the example's labels hold no plotly markup, so escaping them for plotly.js changes nothing: the block is
        # plotly's own JSON for the figure, with "&" written as a JSON escape too (plotly escapes "<", ">" and "/")
        assert embedded(pages, chart.chart_id) == chart.figure.to_json(engine="json").replace("&", "\\u0026")


def test_the_static_svg_is_drawn_from_the_same_figure(drawn):
    made, pages = drawn
    chart = next(c for c in made if c.chart_id == "chart-indicator-2-trend")
    assert chart.spec == chart.figure.to_dict()
    page = pages["indicators/indicator-2.md"]
    assert str(chart.svg("wide")) in page and str(chart.svg("narrow")) in page


def test_plotly_refuses_an_invalid_property():
    trace = {"type": "scatter", "x": ["2023/24"], "y": [1.0], "colour": "red"}
    with pytest.raises(ValueError, match="Invalid property specified for object of type plotly.graph_objs.Scatter: 'colour'"):
        charts.figure([trace], {})
    with pytest.raises(ValueError, match="Invalid value of type 'builtins.str' received for the 'mode' property of scatter"):
        charts.figure([{"type": "scatter", "mode": "line"}], {})
    with pytest.raises(ValueError, match="received for the 'orientation' property of layout.legend"):
        charts.figure([], {"legend": {"orientation": "sideways"}})


def test_the_json_is_the_same_whatever_order_the_properties_came_in():
    chart = charts.lines_chart("c", "Title", "Summary.", ["2022/23", "2023/24"],
                               [("BME", "bme", [12.5, 0.1 + 0.2])], "Share")
    spec = chart.figure.to_dict()
    backwards = charts.figure([dict(reversed(t.items())) for t in spec["data"]], dict(reversed(spec["layout"].items())))
    assert backwards.json == str(chart.json())
    # numbers as Python writes them (the shortest form that reads back the same), no rounding on the way
    assert '"y":[12.5,0.30000000000000004]' in str(chart.json())


def test_plotly_is_not_imported_until_a_chart_is_made_and_not_again_for_the_same_chart(tmp_path):
    code = ("import sys, generator.pages, generator.site, generator.cli; print('plotly' in sys.modules)\n"
            "from generator.pages import charts; charts.figure([], {'title': {'text': 'T'}}); print('plotly' in sys.modules)")
    env = {**os.environ, "WRES_CACHE_DIR": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env).stdout
    assert first.split() == ["False", "True"]
    # what plotly made of that figure is kept: the next build with the same chart does not import plotly at all
    again = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env).stdout
    assert again.split() == ["False", "False"]
    assert len(list((tmp_path / "charts").glob("*.figure"))) == 1


def test_a_static_chart_is_drawn_once_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("WRES_CACHE_DIR", str(tmp_path))
    chart = charts.lines_chart("c", "Title", "Summary.", ["2022/23", "2023/24"], [("BME", "bme", [12.5, 14.0])], "Share")
    drawn = str(chart.svg("narrow"))
    assert drawn == svg.render(chart.spec, "narrow", chart.title)
    drawings = []
    monkeypatch.setattr(svg, "render", lambda *args: drawings.append(args) or "<svg>again</svg>")
    assert str(chart.svg("narrow")) == drawn and not drawings  # the next build reads it back
    assert str(chart.svg("wide")) == "<svg>again</svg>" and len(drawings) == 1  # another layout is its own drawing
    retitled = charts.lines_chart("c", "Another title", "Summary.", ["2022/23", "2023/24"], [("BME", "bme", [12.5, 14.0])], "Share")
    assert str(retitled.svg("narrow")) == "<svg>again</svg>"  # the title is drawn in the chart: a new entry
