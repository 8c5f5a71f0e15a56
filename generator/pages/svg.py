"""Static SVG charts made at build time from the same figure the interactive chart draws.

A chart is defined once, as a plotly ``Figure`` (see ``charts.py``), and drawn here from
its dict (``Figure.to_dict()``). We use a small subset of plotly: line and marker traces
with gaps, open and filled symbols, dash styles, filled interval bands, horizontal bars
with text labels, rectangle and line shapes, annotations, a category axis and a linear
value axis. This module draws that subset as an ``<svg>`` string: pure Python, the same
bytes for the same figure, no script and no ``style=`` attribute (the
site's Content-Security-Policy forbids inline styles), so it works in the page, without
JavaScript, and in a PDF made by WeasyPrint. (plotly's own static export, Kaleido, runs a
headless Chromium for every image, writes inline styles and paints one fixed colour
scheme: too slow for a build and against the site's policy, hence this small renderer.)

Colours are presentation attributes in the light scheme (each with 3:1 contrast against
white); class names let ``wres.css`` repaint them from the page's colour scheme. Two
layouts: "wide" (640 units, 14-unit text) and "narrow" (300 units, 13-unit text, drawn
about 288 px wide on a 320 px phone, so text stays at 12 px or more). Every typed string
goes through :func:`escape.text`.
"""

from __future__ import annotations

import math
from typing import Any

from .escape import text as esc
from .svg_marks import GRID, INK, LAYOUTS, Axes, Frame, attrs, draw_bars, draw_legend, draw_scatter, num, text_at, text_width

# the charts' text, on the site and in the report PDF (whose cache key names the fonts it resolves to: site/pdf_fonts.py)
FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values from ``low`` (kept) up to at least ``high``."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw - 1e-12)
    first = math.floor(low / step + 1e-9) * step
    ticks, value = [], first
    while value < high - 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks + [round(value, 10)]


def _decimals(ticks: list[float]) -> int:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    return next((d for d in range(4) if abs(round(step, d) - step) < 1e-9), 3)


def _values(figure: dict[str, Any], key: str) -> list[float]:
    out = [v for t in figure["data"] for v in t.get(key) or () if isinstance(v, (int, float))]
    ref = key[0]
    for shape in figure["layout"].get("shapes", ()):
        if shape.get(f"{ref}ref") == ref:
            out += [shape[f"{ref}0"], shape[f"{ref}1"]]
    return out


def _categories(figure: dict[str, Any], key: str) -> list[str]:
    out: list[str] = []
    for trace in sorted(figure["data"], key=lambda t: -len(t.get(key) or ())):
        out += [c for c in trace.get(key) or () if c not in out]
    return out


def render(figure: dict[str, Any], layout: str = "wide", title: str = "") -> str:
    """The figure as an ``<svg>`` element: ``layout`` is "wide" or "narrow"."""
    width, font, plot_height = LAYOUTS[layout]
    spec = figure["layout"]
    horizontal = any(t.get("type") == "bar" and t.get("orientation") == "h" for t in figure["data"])
    value_axis = spec.get("xaxis" if horizontal else "yaxis", {})
    suffix = value_axis.get("ticksuffix", "")
    values = _values(figure, "x" if horizontal else "y")
    low = min(0.0, min(values, default=0.0))  # Plotly's "tozero": the axis takes in 0, and any value below it
    ticks = nice_ticks(low, max(values, default=1.0) * (1.12 if horizontal else 1.0))
    # a note set above a value at the top of the axis (the equity band's label) gets a step of room inside the
    # plot, rather than sitting above it, on the axis title
    if not horizontal and any(a.get("yref") == "y" and a.get("yanchor") == "bottom" and a["y"] >= ticks[-1] - (ticks[-1] - ticks[0]) / 10
                              for a in spec.get("annotations", ())):
        ticks.append(round(2 * ticks[-1] - ticks[-2], 10))
    places = _decimals(ticks)
    labels = [f"{t:.{places}f}{suffix}" for t in ticks]
    axis_title = (value_axis.get("title") or {}).get("text", "")
    has_top_notes = any(a.get("yref") == "paper" and a.get("y", 0) >= 1 for a in spec.get("annotations", ()))
    top = (font * 1.6 if axis_title and not horizontal else 0) + (font * 1.5 if has_top_notes else 0) + font * 0.8
    if horizontal:
        categories = _categories(figure, "y")
        frame = Frame(width, font, font * 1.2, top, width - text_width(7, font), top + len(categories) * font * 3.4)
        axes = Axes(frame, categories, ticks, horizontal=True)
        body = draw_bars(figure, axes)
        bottom = frame.bottom + font * 1.6
        for tick, label in zip(ticks, labels):
            body.append(text_at(axes.value(tick), bottom, label, font, anchor="middle"))
        if axis_title:
            bottom += font * 1.6
            body.append(text_at(frame.left, bottom, axis_title, font))
    else:
        xaxis = spec.get("xaxis", {})
        # a time axis (charts.py: years at their number, labelled by tick) or plotly's category axis
        timed = xaxis.get("type") == "linear" and xaxis.get("tickvals")
        names = list(zip(xaxis["tickvals"], xaxis["ticktext"])) if timed else [(c, str(c)) for c in _categories(figure, "x")]
        categories = [label for _, label in names]
        left = text_width(max(len(s) for s in labels), font) + 10
        longest = text_width(max((len(str(c)) for c in categories), default=1), font)
        left = max(left, longest * 0.75 + 6 - (width - left) / max(len(categories), 1) / 2 + 4)  # room for a turned first year
        frame = Frame(width, font, left, top, width - 12, top + plot_height)
        axes = Axes(frame, categories, ticks, x_range=tuple(xaxis["range"]) if timed else None)
        body = [f'<line{attrs(x1=num(frame.left), x2=num(frame.right), y1=num(axes.value(t)), y2=num(axes.value(t)))}'
                f' stroke="{GRID}" stroke-width="1" class="wres-svg-grid"/>' for t in ticks]
        body += [text_at(frame.left - 6, axes.value(t) + font * 0.35, label, font, anchor="end") for t, label in zip(ticks, labels)]
        if axis_title:
            body.append(text_at(0, font * 1.1, axis_title, font))
        body += draw_scatter(figure, axes)
        bottom = frame.bottom + _category_labels(body, axes, names)
    body.append(f'<line{attrs(x1=num(frame.left), x2=num(frame.right), y1=num(frame.bottom), y2=num(frame.bottom))}'
                f' stroke="{INK}" stroke-width="1" class="wres-svg-axis"/>')
    legend, height = draw_legend(figure, frame, bottom + font * 0.8)
    body += legend
    heading = f"<title>{esc(title)}</title>" if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="wres-svg wres-svg--{layout}" viewBox="0 0 {num(width)} {num(height)}"'
            f' width="{num(width)}" height="{num(height)}" font-family="{FONT_FAMILY}"'
            f' aria-hidden="true">{heading}' + "".join(body) + "</svg>")


def _category_labels(body: list[str], axes: Axes, names: list[tuple[Any, str]]) -> float:
    """The years under the plot, turned 45 degrees when they do not fit side by side; returns the height used.

    ``names``: (where, label) of each year: a category, or a year's number on a time axis."""
    frame = axes.frame
    places = sorted(axes.category(c) for c, _ in names)
    room = min((b - a for a, b in zip(places, places[1:])), default=frame.right - frame.left)
    longest = frame.char(max((len(label) for _, label in names), default=1))
    if longest <= room - 4:
        body += [text_at(axes.category(c), frame.bottom + frame.font * 1.4, label, frame.font, anchor="middle") for c, label in names]
        return frame.font * 1.8
    for c, label in names:
        x, y = axes.category(c), frame.bottom + frame.font * 0.9
        body.append(text_at(x, y, label, frame.font, anchor="end", extra=f' transform="rotate(-45 {num(x)} {num(y)})"'))
    return longest * 0.72 + frame.font * 1.4
