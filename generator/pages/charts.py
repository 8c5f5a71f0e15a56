"""Charts defined once, as a plotly ``Figure``, shown two ways.

Each chart is a :class:`Chart`: a title, a sentence saying what it shows, a summary
of the figures, an accessible name and the figure, a ``plotly.graph_objects.Figure``
that plotly validated when it was built (a misspelt or invalid property fails the
build with plotly's own message). The page shows it as a static SVG made at build time
from the figure's dict (``svg.py``: no JavaScript needed, nothing to download); a button
loads plotly.js and ``wres-charts.js`` to draw the same figure, from the JSON plotly
writes for it, interactively. Colours
are not fixed here: every trace carries a role in ``meta`` (``white``, ``bme``,
``target`` ...) painted from CSS custom properties, so the light and the dark scheme
each use colours with 3:1 contrast. Series never differ by colour alone: each role
also has its own marker symbol and line style, and national and comparator figures
are reference marks (open markers, no line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .chart_cache import Validated, kept_svg

if TYPE_CHECKING:
    import plotly.graph_objects as go

# Marker and line style per role: the non-colour half of telling series apart.
STYLES: dict[str, dict[str, Any]] = {
    "white": {"symbol": "circle", "dash": "solid"},
    "bme": {"symbol": "square", "dash": "dash"},
    "white_national": {"symbol": "circle-open", "dash": "dot"},
    "bme_national": {"symbol": "square-open", "dash": "dot"},
    # reference marks have no line, so the comparator's shapes differ from the national ones
    "white_comparator": {"symbol": "triangle-up-open", "dash": "dashdot"},
    "bme_comparator": {"symbol": "triangle-down-open", "dash": "dashdot"},
    "ratio": {"symbol": "circle", "dash": "solid"},
    "published": {"symbol": "diamond-open", "dash": "solid"},
    "board": {"symbol": "square", "dash": "dash"},
    "executive": {"symbol": "triangle-up", "dash": "dashdot"},
    "workforce": {"symbol": "circle", "dash": "solid"},
    "band": {"symbol": "square", "dash": "solid"},
    "target": {"symbol": "star", "dash": "solid"},
}


@dataclass(frozen=True)
class Chart:
    chart_id: str
    title: str
    summary: str
    validated: Validated
    shows: str = ""  # one sentence: what the chart shows, before the summary of its figures

    def __post_init__(self) -> None:
        # a trust's own label ("global majority share of each band") may start the title: a capital there
        object.__setattr__(self, "title", self.title[:1].upper() + self.title[1:])

    @property
    def caption(self) -> str:
        return f"{self.shows} {self.summary}" if self.shows else self.summary

    @property
    def accessible_name(self) -> str:
        return f"{self.title}. {self.caption} The figures are in the table that follows."

    @property
    def figure(self) -> go.Figure:
        """The chart as a ``plotly.graph_objects.Figure`` (made again from plotly's own dict of it)."""
        import plotly.graph_objects as go

        return go.Figure(self.spec)

    @property
    def spec(self) -> dict[str, Any]:
        """The figure as plotly's plain dict (``data`` and ``layout``): what both drawings read."""
        return self.validated.spec

    def svg(self, layout: str = "wide") -> Markup:
        """The chart as a static ``<svg>`` ("wide" or "narrow"): no script, no inline style, light colours by default.

        Kept between builds beside what plotly made (``chart_cache.kept_svg``).
        """
        return Markup(kept_svg(self.validated, layout, self.title))

    def json(self) -> Markup:
        """The figure as plotly writes it, for ``<script type="application/json">`` (see :class:`Validated`)."""
        return Markup(self.validated.json)


def _layout(y_title: str, *, percent: bool = False, categories: bool = False,
            time: dict[str, float] | None = None) -> dict[str, Any]:
    # every value axis starts at 0, so gaps are not exaggerated (a ratio of 2 is drawn twice as high as 1)
    yaxis: dict[str, Any] = {"title": {"text": y_title}, "zeroline": False, "automargin": True, "rangemode": "tozero"}
    if percent:
        yaxis.update(ticksuffix="%")
    xaxis: dict[str, Any] = {"automargin": True, "type": "category"}
    if time:
        # a time scale: each year at its number, labelled as the trust writes it, so a gap year leaves a gap
        # and a target two years on sits two years on (a category axis spaces them all one apart)
        places = sorted(time.items(), key=lambda item: item[1])
        # on a phone the years are turned 45 (or 90) degrees, never plotly's first choice of 30, where they overlap
        xaxis = {"automargin": True, "type": "linear", "tickmode": "array", "tickvals": [v for _, v in places],
                 "ticktext": [label for label, _ in places], "range": [places[0][1] - 0.5, places[-1][1] + 0.5],
                 "showgrid": False, "zeroline": False, "autotickangles": [0, 45, 90]}
    return {
        # on a time axis plotly turns crowded years 30 degrees to the right: room for the last one to show whole
        "margin": {"l": 56, "r": 48 if time else 16, "t": 16, "b": 48},
        "height": 360,
        "showlegend": True,
        # "normal": plotly reverses the legend of a chart with a filled band; the static chart reads top down
        # at the foot of the whole chart ("container"), so the years and the axis title above it never meet it
        "legend": {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        # "closest": reference marks sit a little either side of their year (OFFSETS), which "x unified" would split
        "hovermode": "closest",
        "xaxis": xaxis,
        "yaxis": yaxis,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }


# On a time axis, national and comparator marks sit a little either side of their year, so they never hide
# the trust's own marker or each other (years apart: a tenth of a year, 10 px on a phone's chart).
OFFSETS = {"_national": -0.14, "_comparator": 0.14}


def _placed(years: list[str], at: dict[str, float] | None, role: str = "") -> list[Any]:
    """The x of each year: its label on a category axis, its number on a time axis (a reference mark offset)."""
    if not at:
        return years
    shift = next((v for suffix, v in OFFSETS.items() if role.endswith(suffix)), 0.0)
    return [round(at[y] + shift, 4) for y in years]


def reference(role: str) -> bool:
    """National and comparator figures are reference marks: open markers without a connecting line."""
    return role.endswith(("_national", "_comparator"))


Trace = dict[str, Any]


def _trace(kind: str, **props: Any) -> Trace:
    """One trace as a plain dict: plotly validates it once, with the whole figure (see :func:`figure`)."""
    return {"type": kind, **props}


def line(name: str, role: str, x: list[str], y: list[float | None], *, hover: str = "%{y}") -> Trace:
    style = STYLES[role]
    return _trace("scatter",
        x=x, y=y, name=name, meta=role, mode="markers" if reference(role) else "lines+markers", connectgaps=False,
        line={"dash": style["dash"], "width": 2.5},
        marker={"symbol": style["symbol"], "size": 10, "line": {"width": 2}},
        # the name through plotly's own field: the template stays ours, and the name stays text (plotly_text.py)
        hovertemplate=f"%{{fullData.name}}: {hover}<extra></extra>",
    )


def interval(x: list[str], low: list[float | None], high: list[float | None]) -> list[Trace]:
    """A 95% interval as a light shaded band: the upper edge, then the lower edge filled up to it."""
    edge = {"x": x, "meta": "interval", "mode": "lines", "connectgaps": False, "line": {"width": 0}, "hoverinfo": "skip"}
    return [_trace("scatter", y=high, name="95% interval, upper", showlegend=False, **edge),
            _trace("scatter", y=low, name="95% confidence interval", fill="tonexty", **edge)]


def figure(traces: list[Trace], layout: dict[str, Any], shapes: list[dict] | None = None,
           annotations: list[dict] | None = None) -> Validated:
    """The chart's figure, every property validated by plotly: an invalid one raises ``ValueError``.

    One ``go.Figure`` of plain dicts per chart, validated in one pass (under 2 ms of CPU
    time), rather than a ``go.Scatter`` per trace and an update per property; what plotly
    made of it is kept (:class:`Validated`), so a build whose charts did not change does not
    import plotly at all (measured: about 0.1 s of CPU a build).
    """
    # "none": plotly's own theme would colour the charts; wres-charts.js paints them from the page's scheme
    layout = {**layout, "template": "none"}
    if shapes:
        layout["shapes"] = shapes
    if annotations:
        layout["annotations"] = annotations
    return Validated.of(traces, layout)


def ratio_chart(chart_id: str, title: str, summary: str, years: list[str], counted: list[float | None],
                low: list[float | None], high: list[float | None], published: list[float | None],
                band: tuple[float, float], ratio_name: str, targets: list[tuple[str, float, str]] = (),
                benchmarks: list[tuple[str, str, list[float | None]]] = (), shows: str = "",
                at: dict[str, float] | None = None) -> Chart:
    """Relative likelihoods as a plain line on a linear axis from 0: the interval a light band, the equity band
    shaded, parity at 1 labelled. ``benchmarks`` are (name, role, values) of national and comparator figures.
    ``at``: each year label's place on a time axis (also the targets' years); without it, a category axis."""
    x = _placed(years, at)
    traces = interval(x, low, high) if any(v is not None for v in low) else []
    traces.append(line(ratio_name, "ratio", x, counted, hover="%{y:.2f}"))
    if any(v is not None for v in published):
        traces.append(line("Published figure (no interval)", "published", x, published, hover="%{y:.2f}"))
    traces.extend(line(name, role, _placed(years, at, role), values, hover="%{y:.2f}") for name, role, values in benchmarks)
    traces.extend(_target_traces(targets, "%{y:.2f}", at))
    layout = _layout("Relative likelihood", time=at)
    shapes = [
        {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": band[0], "y1": band[1],
         "line": {"width": 0}, "layer": "below", "name": "equity-band"},
        {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": 1, "y1": 1,
         "line": {"dash": "dash", "width": 1.5}, "name": "parity"},
    ]
    annotations = [
        {"xref": "paper", "x": 0, "xanchor": "left", "yref": "y", "y": band[1], "yanchor": "bottom",
         "text": f"Equity band {band[0]:.2f} to {band[1]:.2f}", "showarrow": False, "name": "band-label"},
        # below the parity line, so it never meets the band's label above the band
        {"xref": "paper", "x": 0, "xanchor": "left", "yref": "y", "y": 1, "yanchor": "top",
         "text": "1 = equally likely", "showarrow": False, "name": "parity-label"},
    ]
    return Chart(chart_id, title, summary, figure(traces, layout, shapes, annotations), shows)


def _target_traces(targets: list[tuple[str, float, str]], hover: str, at: dict[str, float] | None = None) -> list[Trace]:
    out = []
    for x, y, label in targets:
        trace = _trace("scatter", x=_placed([x], at), y=[y], name=label, meta="target", mode="markers+text", text=["Target"],
                           textposition="top center", marker={"symbol": "star", "size": 16},
                           cliponaxis=False,  # "Target" above a star at the top of the axis shows whole
                           hovertemplate=f"%{{fullData.name}}: {hover}<extra></extra>")
        out.append(trace)
    return out


def lines_chart(chart_id: str, title: str, summary: str, years: list[str], series: list[tuple[str, str, list[float | None]]],
                y_title: str, *, percent: bool = True, zero_line: bool = False,
                targets: list[tuple[str, float, str]] = (), shows: str = "", at: dict[str, float] | None = None) -> Chart:
    """Several series over the years (survey percentages, board against workforce): national and comparator
    figures are reference marks, so a survey indicator is a pair of lines, White and BME. ``at``: as for
    :func:`ratio_chart`."""
    traces = [line(name, role, _placed(years, at, role), values, hover="%{y:.1f}" + ("%" if percent else ""))
              for name, role, values in series]
    traces.extend(_target_traces(targets, "%{y:.1f}%", at))
    shapes = []
    if zero_line:
        shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": 0, "y1": 0,
                       "line": {"dash": "dash", "width": 1.5}, "name": "parity"})
    layout = _layout(y_title, percent=percent, time=at)
    return Chart(chart_id, title, summary, figure(traces, layout, shapes), shows)


# A band's row of the bar chart, in the axis' units (a category's row runs from -0.5 to +0.5 about its place, top
# down): its name in the upper half, its bar in the lower half, its value level with the bar.
BAR_OFFSET, BAR_WIDTH = 0.04, 0.38
BAR_MIDDLE = BAR_OFFSET + BAR_WIDTH / 2
ROW_HEIGHT = 46  # px: half a row holds a line of 13 px text


def bands_chart(chart_id: str, title: str, summary: str, bands: list[str], shares: list[float | None],
                overall: float | None, bme_label: str, shows: str = "") -> Chart:
    """Share of each band, as horizontal bars against the overall share, each band's name written above its bar.

    Names above the bars, not beside them as tick labels: band names run to 35 characters ("Cluster 4 (Bands 8c
    to 9 and VSM)"), which left a phone's interactive chart a fifth of its width to draw in. The static chart
    draws the same rows (svg_marks.draw_bars). Each bar's value is written beside it by the static chart, which
    knows its width and moves a label past the whole workforce's line when they would meet. plotly.js cannot be
    told that, and its chart is as wide as the reader's screen, so the interactive chart writes the values in a
    column of their own, right of the plot, where no line runs: it shows the same figures at any width. The names
    are "category" notes on a box of the page's colour (wres-charts.js), so the whole workforce's line stops at a
    name it would cross, as in the static chart."""
    values = [f"{s:.1f}%" if s is not None else "" for s in shares]
    bar = _trace("bar",
        y=bands, x=shares, orientation="h", name=f"{bme_label} share of the band", meta="band",
        offset=BAR_OFFSET, width=BAR_WIDTH,
        marker={"line": {"width": 1.5}}, text=values, textposition="none", cliponaxis=False,
        hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
    )
    layout = _layout("", categories=True)
    layout["xaxis"] = {"title": {"text": f"{bme_label} share (%)"}, "ticksuffix": "%", "automargin": True, "rangemode": "tozero"}
    # no tick labels: the names are notes placed by each band's place on the axis (0 at the top)
    layout["yaxis"] = {"type": "category", "autorange": "reversed", "showticklabels": False, "showgrid": False,
                       "ticks": ""}
    layout["height"] = ROW_HEIGHT * len(bands) + 120
    shapes, annotations = [], []
    if overall is not None:
        shapes.append({"type": "line", "yref": "paper", "y0": 0, "y1": 1, "xref": "x", "x0": overall, "x1": overall,
                       "line": {"dash": "dash", "width": 2}, "name": "overall"})
        annotations.append({"yref": "paper", "y": 1, "yanchor": "bottom", "xref": "x", "x": overall,
                            "text": f"Whole workforce {overall:.1f}%", "showarrow": False, "name": "overall-label"})
    # each band's name at the foot of its row's upper half, from the plot's left edge
    annotations.extend({"xref": "paper", "x": 0, "xanchor": "left", "yref": "y", "y": i, "yanchor": "bottom",
                        "text": band, "showarrow": False, "borderpad": 1, "name": "category"} for i, band in enumerate(bands))
    # a withheld band says so in the chart, not only by a missing bar
    # (hidden from plotly, whose column of values says so: the static chart writes it in the bar's place)
    annotations.extend({"xref": "x", "x": 0, "xanchor": "left", "yref": "y", "y": band, "text": "withheld",
                        "showarrow": False, "name": "withheld", "visible": False}
                       for band, share in zip(bands, shares) if share is None)
    annotations.extend({"xref": "paper", "x": 1, "xanchor": "left", "xshift": 6, "yref": "y", "y": i + BAR_MIDDLE,
                        "text": value or "withheld", "showarrow": False, "name": "value"} for i, value in enumerate(values))
    layout["margin"] = {"l": 8, "r": 72, "t": 28, "b": 48}
    return Chart(chart_id, title, summary, figure([bar], layout, shapes, annotations), shows)


def with_breaks(chart: Chart, breaks: list[tuple[int, str, str]], at: list[float] | None = None) -> Chart:
    """The chart with a dashed vertical line just before the first year of each new series, labelled
    "Series break", and the reason in its summary (so it is in the accessible name too).

    ``breaks`` are (position of the year among the years, year label, the trust's reason); ``at``, on a time
    axis, each year's number (the line then sits halfway between the year and the one before).
    """
    if not breaks:
        return chart
    def place(i: int) -> float:
        if not at:
            return i - 0.5
        return (at[i - 1] + at[i]) / 2 if i > 0 else at[i] - 0.5

    layout = dict(chart.spec["layout"])
    data = [part for trace in chart.spec["data"] for part in _split_at(trace, [i for i, _, _ in breaks])]
    layout["shapes"] = list(layout.get("shapes", ())) + [
        {"type": "line", "xref": "x", "x0": place(i), "x1": place(i), "yref": "paper", "y0": 0, "y1": 1,
         "line": {"dash": "dash", "width": 2}, "name": "series-break"} for i, _, _ in breaks]
    layout["annotations"] = list(layout.get("annotations", ())) + [
        {"xref": "x", "x": place(i), "xanchor": "left", "yref": "paper", "y": 1, "yanchor": "bottom",
         "text": "Series break", "showarrow": False, "name": "series-break-label"} for i, _, _ in breaks]
    layout["margin"] = {**layout.get("margin", {}), "t": 32}  # room for the label above the plot
    words = " ".join(f"The dashed line before {label} marks a series break: {reason}" for _, label, reason in breaks)
    return Chart(chart.chart_id, chart.title, f"{chart.summary} {words}", figure(data, layout), chart.shows)


def _split_at(trace: dict[str, Any], starts: list[int]) -> list[dict[str, Any]]:
    """A line trace as one trace per series, so no line joins figures across a break.

    The later parts share the first part's legend entry (``legendgroup``), style and role.
    """
    y = trace.get("y")
    if trace.get("meta") in ("target", "interval") or not y or "lines" not in trace.get("mode", ""):
        return [trace]
    edges = [0, *sorted(starts), len(y)]
    parts = []
    for n, (start, end) in enumerate(zip(edges, edges[1:])):
        if not any(v is not None for v in y[start:end]):
            continue
        part = {**trace, "y": [v if start <= i < end else None for i, v in enumerate(y)], "legendgroup": trace.get("name")}
        if parts:
            part["showlegend"] = False
        parts.append(part)
    return parts or [trace]

