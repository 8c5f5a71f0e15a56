"""Static SVG charts (generator/pages/svg.py): well-formed, inside their frame, honest axes, told apart without colour."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.pages import charts
from generator.pages.svg import nice_ticks, render

NS = {"svg": "http://www.w3.org/2000/svg"}
YEARS = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]


def survey() -> charts.Chart:
    return charts.lines_chart("chart-x", "Harassment from staff, by year", "Summary.", YEARS,
                              [("White", "white", [20.0, 22.5, None, 24.0, 23.0]), ("BME", "bme", [30.0, 31.0, None, 28.0, 29.5]),
                               ("National average, White", "white_national", [21.0, 21.0, 22.0, 22.0, 23.0]),
                               ("National average, BME", "bme_national", [27.0, 28.0, 28.0, 29.0, 29.0])],
                              "Percentage of respondents", targets=[("2023/24", 25.0, "Target 25%")])


def likelihood() -> charts.Chart:
    return charts.ratio_chart("chart-r", "Appointment from shortlisting", "Summary.", YEARS,
                              [None, None, 1.9, 2.2, 1.7], [None, None, 1.7, 1.95, 1.5], [None, None, 2.1, 2.5, 1.9],
                              [1.6, 1.5, None, None, None], (0.8, 1.25), "Relative likelihood",
                              benchmarks=[("National average", "white_national", [None, None, 1.6, 1.6, 1.59])])


def bands(bme: str = "BME") -> charts.Chart:
    return charts.bands_chart("chart-b", "Share of each band", "Summary.", ["Band 2", "Band 3", "Band 8d"],
                              [29.3, 26.7, None], 32.5, bme)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def plot_area(root: ET.Element) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the plot, read from the grid lines."""
    grid = root.findall("svg:line[@class='wres-svg-grid']", NS)
    ys = [float(g.get("y1")) for g in grid]
    return float(grid[0].get("x1")), min(ys), float(grid[0].get("x2")), max(ys)


@pytest.mark.parametrize("chart", [survey, likelihood, bands])
@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_every_chart_is_well_formed_svg_without_style_or_script(chart, layout):
    svg = str(chart().svg(layout))
    root = parse(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert f"wres-svg--{layout}" in root.get("class")
    assert not re.search(r"\sstyle=|<script|\son\w+=", svg, re.I)
    width = float(root.get("viewBox").split()[2])
    assert width == {"wide": 640, "narrow": 300}[layout]
    # effective text size: the narrow drawing is shown about 288 px wide on a 320 px phone, the wide one 568 px or more
    shown = {"wide": 568, "narrow": 288}[layout]
    sizes = [float(t.get("font-size")) * shown / width for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sizes and min(sizes) >= 12


@pytest.mark.parametrize("layout", ["wide", "narrow"])
def test_points_land_inside_the_plot_area(layout):
    root = parse(str(survey().svg(layout)))
    left, top, right, bottom = plot_area(root)
    points = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    for line in root.iter("{http://www.w3.org/2000/svg}polyline"):
        points += [tuple(map(float, p.split(","))) for p in line.get("points").split()]
    legend_top = bottom + 20
    plotted = [(x, y) for x, y in points if y < legend_top]
    assert len(plotted) >= 10
    for x, y in plotted:
        assert left <= x <= right and top - 0.5 <= y <= bottom + 0.5


def test_a_percentage_axis_starts_at_0_with_a_percent_sign():
    root = parse(str(survey().svg()))
    ticks = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("text-anchor") == "end" and "%" in (t.text or "")]
    assert ticks[0] == "0%" and all(t.endswith("%") for t in ticks)
    assert float(ticks[-1].rstrip("%")) >= 31


def test_a_gap_breaks_the_line():
    root = parse(str(survey().svg()))
    white = [p for p in root.iter("{http://www.w3.org/2000/svg}polyline") if "wres-r-white" in p.get("class")]
    # 2021/22 is missing, and the legend has its own short line: two pieces of the plotted line
    assert sorted(len(p.get("points").split()) for p in white) == [2, 2]


def test_reference_figures_are_open_markers_without_a_line():
    chart = survey()
    national = [t for t in chart.spec["data"] if t["meta"].endswith("_national")]
    assert national and all(t["mode"] == "markers" and t["marker"]["symbol"].endswith("-open") for t in national)
    root = parse(str(chart.svg()))
    assert not [p for p in root.iter("{http://www.w3.org/2000/svg}polyline") if "national" in p.get("class")]
    assert [c for c in root.iter("{http://www.w3.org/2000/svg}circle") if "wres-svg-open" in c.get("class")]


def test_legend_entries_differ_by_symbol_or_dash_not_colour_alone():
    root = parse(str(survey().svg()))
    elements = list(root)
    names = ["White", "BME", "National average, White", "National average, BME", "Target 25%"]
    looks = []
    for name in names:
        at = next(i for i, e in enumerate(elements) if e.tag.endswith("text") and e.text == name)
        sample = [e for e in elements[max(0, at - 2):at] if not e.tag.endswith("text")]
        looks.append(tuple((e.tag.split("}")[1], e.get("stroke-dasharray"), "open" in (e.get("class") or "")) for e in sample))
    assert len(set(looks)) == len(looks), looks


def test_likelihood_is_a_plain_line_with_a_shaded_interval_and_labelled_parity():
    chart = likelihood()
    spec = chart.spec
    assert spec["layout"]["yaxis"].get("type") != "log" and not any("error_y" in t for t in spec["data"])
    svg = str(chart.svg())
    root = parse(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "1 = equally likely" in texts and "Equity band 0.80 to 1.25" in texts
    assert root.findall("svg:rect[@class='wres-svg-equity']", NS)
    assert root.findall("svg:polygon[@class='wres-svg-interval']", NS)
    assert "Published figure (no interval)" in texts
    published = [e for e in root.iter() if "wres-r-published" in (e.get("class") or "")]
    assert any(e.tag.endswith("polygon") and "wres-svg-open" in e.get("class") for e in published)  # open diamonds


def test_withheld_bands_say_so():
    texts = [t.text for t in parse(str(bands().svg("narrow"))).iter("{http://www.w3.org/2000/svg}text")]
    assert "withheld" in texts and "Band 8d" in texts and "29.3%" in texts


def test_typed_strings_are_escaped():
    hostile = '<script>alert(1)</script> & "quoted" ]]>'
    svg = str(bands(hostile).svg())
    root = parse(svg)
    assert "<script" not in svg
    assert any(hostile in (t.text or "") for t in root.iter("{http://www.w3.org/2000/svg}text"))
    chart = charts.Chart("c", hostile, "s", survey().validated)
    assert parse(str(chart.svg())).find("svg:title", NS).text == hostile


def test_the_same_chart_gives_the_same_bytes():
    assert str(likelihood().svg()) == str(likelihood().svg())
    assert str(survey().svg("narrow")) == str(survey().svg("narrow"))


def test_a_series_break_is_a_dashed_line_with_its_label():
    chart = charts.with_breaks(survey(), [(3, "2022/23", "New survey questions.")])
    root = parse(str(chart.svg()))
    rules = root.findall("svg:line[@class='wres-svg-rule']", NS)
    assert any(r.get("x1") == r.get("x2") and r.get("stroke-dasharray") for r in rules)
    assert "Series break" in [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_long_years_turn_on_a_narrow_chart():
    root = parse(str(survey().svg("narrow")))
    assert any("rotate(-45" in (t.get("transform") or "") for t in root.iter("{http://www.w3.org/2000/svg}text"))


@pytest.mark.parametrize(("low", "high", "expected"), [(0, 31, [0, 10, 20, 30, 40]), (0, 2.5, [0, 0.5, 1, 1.5, 2, 2.5]),
                                                      (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1])])
def test_nice_ticks(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_render_takes_the_figure_dict_plotly_gives():
    chart = survey()
    assert render(chart.figure.to_dict(), "narrow", chart.title) == str(chart.svg("narrow"))
