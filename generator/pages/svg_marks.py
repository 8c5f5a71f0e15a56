"""The marks of a static SVG chart: symbols, lines, bands, bars, shapes, notes and the legend (see ``svg.py``)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .escape import text as esc

# Light-scheme colours (wres.css, [data-md-color-scheme="default"]).
COLOURS = {"white": "#12436d", "bme": "#f46a25", "white_national": "#12436d", "bme_national": "#f46a25",
           "white_comparator": "#12436d", "bme_comparator": "#f46a25", "ratio": "#12436d", "published": "#12436d",
           "workforce": "#12436d", "board": "#f46a25", "executive": "#801650", "band": "#12436d", "target": "#801650",
           "interval": "#12436d"}
INK, BACKGROUND, GRID, EQUITY = "#1f1f1f", "#ffffff", "#d9d9d9", "#28a197"
DASHES = {"solid": "", "dot": "2 4", "dash": "7 4", "longdash": "12 4", "dashdot": "7 3 2 3"}
LAYOUTS = {"wide": (640, 14, 260), "narrow": (300, 13, 220)}  # width, font size, plot height


@dataclass(frozen=True)
class Frame:
    width: float
    font: float
    left: float
    top: float
    right: float
    bottom: float  # of the plot area

    def char(self, count: int) -> float:
        return text_width(count, self.font)


def text_width(count: int, font: float) -> float:
    """The width of ``count`` characters: a generous average for a sans-serif font (DejaVu's digits are 0.64 em, "%" 0.95 em)."""
    return count * font * 0.68


def num(value: float) -> str:
    out = f"{value:.1f}"
    return out[:-2] if out.endswith(".0") else out


def attrs(**attrs: Any) -> str:
    return "".join(f' {k.rstrip("_").replace("_", "-")}="{v}"' for k, v in attrs.items() if v not in (None, ""))


def text_at(x: float, y: float, words: str, font: float, *, anchor: str = "start", weight: str = "", extra: str = "") -> str:
    return (f'<text{attrs(x=num(x), y=num(y), font_size=num(font), text_anchor=anchor if anchor != "start" else "", font_weight=weight)}'
            f' fill="{INK}" class="wres-svg-ink"{extra}>{esc(words)}</text>')


def _wrap(words: str, limit: int) -> list[str]:
    lines: list[str] = []
    for word in words.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _symbol(symbol: str, x: float, y: float, size: float, role: str) -> str:
    """A marker: filled, or an open shape on the background, in the role's colour."""
    name, is_open = symbol.removesuffix("-open"), symbol.endswith("-open")
    colour = COLOURS.get(role, INK)
    paint = (f' fill="{BACKGROUND}" stroke="{colour}" class="wres-svg-open wres-r-{role}"' if is_open
             else f' fill="{colour}" stroke="{colour}" class="wres-svg-solid wres-r-{role}"')
    r = size / 2
    if name == "circle":
        return f'<circle{attrs(cx=num(x), cy=num(y), r=num(r))} stroke-width="2"{paint}/>'
    if name == "square":
        return f'<rect{attrs(x=num(x - r * 0.9), y=num(y - r * 0.9), width=num(r * 1.8), height=num(r * 1.8))} stroke-width="2"{paint}/>'
    if name == "star":
        points = [(x + (r if i % 2 == 0 else r * 0.45) * 1.3 * math.sin(i * math.pi / 5),
                   y - (r if i % 2 == 0 else r * 0.45) * 1.3 * math.cos(i * math.pi / 5)) for i in range(10)]
    elif name.startswith("triangle"):
        turn = -1 if name == "triangle-down" else 1
        points = [(x, y - turn * r * 1.2), (x + r * 1.1, y + turn * r * 0.8), (x - r * 1.1, y + turn * r * 0.8)]
    else:  # diamond, and any other symbol: a shape unlike the circle and the square
        points = [(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)]
    return f'<polygon points="{" ".join(f"{num(a)},{num(b)}" for a, b in points)}" stroke-width="2"{paint}/>'


def _stroke(role: str, dash: str, width: float = 2.5) -> str:
    return (f' fill="none" stroke="{COLOURS.get(role, INK)}" stroke-width="{num(width)}"'
            f'{attrs(stroke_dasharray=DASHES.get(dash, ""))} class="wres-svg-line wres-r-{role}"')


class Axes:
    """Where a value, a category or a "paper" fraction lands in the plot area."""

    def __init__(self, frame: Frame, categories: list[str], ticks: list[float], *, horizontal: bool = False,
                 x_range: tuple[float, float] | None = None) -> None:
        self.frame, self.categories, self.ticks, self.horizontal = frame, categories, ticks, horizontal
        self.x_range = x_range  # a time axis: years placed by their number, so a gap year leaves a gap

    def value(self, v: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        f = self.frame
        share = (v - low) / (high - low)
        return f.left + share * (f.right - f.left) if self.horizontal else f.bottom - share * (f.bottom - f.top)

    def category(self, c: Any) -> float:
        f = self.frame
        if self.x_range is not None:
            low, high = self.x_range
            return f.left + (float(c) - low) / (high - low) * (f.right - f.left)
        index = self.categories.index(c) if isinstance(c, str) and c in self.categories else float(c)
        size = ((f.bottom - f.top) if self.horizontal else (f.right - f.left)) / max(len(self.categories), 1)
        return (f.top if self.horizontal else f.left) + (index + 0.5) * size

    def x(self, v: Any, ref: str = "x") -> float:
        if ref == "paper":
            return self.frame.left + float(v) * (self.frame.right - self.frame.left)
        return self.value(float(v)) if self.horizontal else self.category(v)

    def y(self, v: Any, ref: str = "y") -> float:
        if ref == "paper":
            return self.frame.bottom - float(v) * (self.frame.bottom - self.frame.top)
        return self.category(v) if self.horizontal else self.value(float(v))



def _segments(ys: list[Any]) -> list[list[int]]:
    """Runs of positions with a value: no line joins across a gap (connectgaps is off)."""
    runs: list[list[int]] = [[]]
    for i, v in enumerate(ys):
        if isinstance(v, (int, float)):
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _points(axes: Axes, xs: list[Any], ys: list[Any], run: list[int]) -> str:
    return " ".join(f"{num(axes.x(xs[i]))},{num(axes.y(ys[i]))}" for i in run)


def _band(axes: Axes, xs: list[Any], upper: list[Any], lower: list[Any]) -> list[str]:
    """A filled interval between two traces; a lone year gets a short bar of its own."""
    both = [u if isinstance(u, (int, float)) and isinstance(lo, (int, float)) else None for u, lo in zip(upper, lower)]
    paint = f' fill="{COLOURS["interval"]}" fill-opacity="0.2" stroke="none" class="wres-svg-interval"'
    out = []
    for run in _segments(both):
        if len(run) == 1:
            i, half = run[0], axes.frame.font * 0.6
            x, top, bottom = axes.x(xs[i]), axes.y(upper[i]), axes.y(lower[i])
            out.append(f'<rect{attrs(x=num(x - half), y=num(top), width=num(half * 2), height=num(max(bottom - top, 1)))}{paint}/>')
        else:
            outline = _points(axes, xs, upper, run) + " " + _points(axes, xs, lower, run[::-1])
            out.append(f'<polygon points="{outline}"{paint}/>')
    return out


def _gapped(x: float, y0: float, y1: float, gaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches of a vertical line from ``y0`` to ``y1`` that run between the labels it would cross."""
    top, bottom = min(y0, y1), max(y0, y1)
    runs, start = [], top
    for g0, g1 in sorted(gaps):
        if g1 > start and g0 < bottom:
            if g0 > start:
                runs.append((start, g0))
            start = max(start, g1)
    return runs + ([(start, bottom)] if start < bottom else [])


def draw_shapes(figure: dict[str, Any], axes: Axes, layer: str,
                labels: list[tuple[float, float, float, float]] = ()) -> list[str]:
    """Rectangles and lines; a vertical line stops short of each label box (x0, x1, y0, y1) in ``labels``
    it would cross, so a reference line never runs through a word."""
    out = []
    for shape in figure["layout"].get("shapes", ()):
        if (shape.get("layer") == "below") != (layer == "below"):
            continue
        x0, x1 = axes.x(shape["x0"], shape.get("xref", "x")), axes.x(shape["x1"], shape.get("xref", "x"))
        y0, y1 = axes.y(shape["y0"], shape.get("yref", "y")), axes.y(shape["y1"], shape.get("yref", "y"))
        if shape.get("type") == "rect":
            out.append(f'<rect{attrs(x=num(min(x0, x1)), y=num(min(y0, y1)), width=num(abs(x1 - x0)), height=num(abs(y1 - y0)))}'
                       f' fill="{EQUITY}" fill-opacity="0.25" stroke="none" class="wres-svg-equity"/>')
        else:
            line = shape.get("line", {})
            crossed = [(b0 - 3, b1 + 3) for a0, a1, b0, b1 in labels if x0 == x1 and a0 - 3 <= x0 <= a1 + 3]
            runs = _gapped(x0, y0, y1, crossed) if x0 == x1 else [(y0, y1)]
            out += [f'<line{attrs(x1=num(x0), x2=num(x1), y1=num(r0), y2=num(r1))} stroke="{INK}"'
                    f' stroke-width="{num(line.get("width", 1.5))}"{attrs(stroke_dasharray=DASHES.get(line.get("dash", ""), ""))}'
                    ' class="wres-svg-rule"/>' for r0, r1 in runs]
    return out


def draw_notes(figure: dict[str, Any], axes: Axes) -> list[str]:
    """Annotations, kept inside the picture: one that would run off the right edge ends there instead."""
    out, f = [], axes.frame
    for note in figure["layout"].get("annotations", ()):
        x = axes.x(note["x"], note.get("xref", "x"))
        y = axes.y(note["y"], note.get("yref", "y"))
        words = str(note.get("text", ""))
        anchor = {"left": "start", "right": "end"}.get(note.get("xanchor", ""), "middle")
        size = f.font
        wide = len(words) * size * 0.58
        start = x if anchor == "start" else x - wide if anchor == "end" else x - wide / 2
        if start + wide > f.width - 2:
            anchor, x = "end", f.width - 2
        elif start < 2:
            anchor, x = "start", 2
        # a note hung below a line (yanchor "top") starts a few units under it, so the line never touches its letters
        baseline = y - 4 if note.get("yanchor") == "bottom" else y + size * 1.2 if note.get("yanchor") == "top" else y + size * 0.35
        out.append(text_at(x + (4 if anchor == "start" and note.get("xref") != "paper" else 0), baseline, words, size, anchor=anchor))
    return out


def draw_scatter(figure: dict[str, Any], axes: Axes) -> list[str]:
    out = draw_shapes(figure, axes, "below")
    traces = figure["data"]
    for before, trace in zip([None, *traces], traces):
        if trace.get("fill") == "tonexty" and before is not None:
            out += _band(axes, trace["x"], before["y"], trace["y"])
    for trace in traces:
        mode, role, xs, ys = trace.get("mode", "lines+markers"), trace.get("meta", ""), trace.get("x") or [], trace.get("y") or []
        if trace.get("fill") or trace.get("visible") is False:
            continue
        if "lines" in mode:
            line = trace.get("line", {})
            out += [f'<polyline points="{_points(axes, xs, ys, run)}"{_stroke(role, line.get("dash", "solid"), line.get("width", 2.5))}/>'
                    for run in _segments(ys) if len(run) > 1]
        if "markers" in mode:
            marker = trace.get("marker", {})
            out += [_symbol(marker.get("symbol", "circle"), axes.x(xs[i]), axes.y(ys[i]), min(marker.get("size", 10), 14), role)
                    for run in _segments(ys) for i in run]
        if "text" in mode:
            out += [text_at(axes.x(x), axes.y(y) - axes.frame.font * 0.9, str(t), axes.frame.font, anchor="middle")
                    for x, y, t in zip(xs, ys, trace.get("text") or ()) if isinstance(y, (int, float)) and t]
    return out + draw_shapes(figure, axes, "above") + draw_notes(figure, axes)


def _rules_at(figure: dict[str, Any], axes: Axes) -> list[float]:
    """Where the vertical reference lines of a bar chart (the whole workforce's share) cross the value axis."""
    return [axes.value(float(s["x0"])) for s in figure["layout"].get("shapes", ())
            if s.get("type") == "line" and s.get("xref") == "x" and s["x0"] == s["x1"]]


def _label_x(end: float, width: float, rules: list[float]) -> float:
    """Where a bar's value label starts: just after the bar, or just after a reference line it would touch."""
    x = end + 4
    for rule in sorted(rules):
        if x - 4 <= rule <= x + width + 4:
            x = rule + 5
    return x


def draw_bars(figure: dict[str, Any], axes: Axes) -> list[str]:
    """Horizontal bars, each with its category written above it, so long labels fit a phone; no label and no
    reference line cross: a value label moves past the line, and the line stops short of a category's name."""
    out, f = draw_shapes(figure, axes, "below"), axes.frame
    row = (f.bottom - f.top) / max(len(axes.categories), 1)
    rules, boxes = _rules_at(figure, axes), []  # boxes: (x0, x1, y0, y1) of each word in the plot

    def word(x: float, baseline: float, words: str, **style: str) -> None:
        out.append(text_at(x, baseline, words, f.font, **style))
        boxes.append((x, x + text_width(len(words), f.font), baseline - f.font, baseline + f.font * 0.3))

    for trace in figure["data"]:
        role = trace.get("meta", "band")
        for i, (value, category) in enumerate(zip(trace.get("x") or [], trace.get("y") or [])):
            middle = axes.category(category)
            word(f.left, middle - row * 0.12, str(category), weight="600")
            if not isinstance(value, (int, float)):
                continue
            end = axes.value(value)
            out.append(f'<rect{attrs(x=num(f.left), y=num(middle + row * 0.02), width=num(max(end - f.left, 1)), height=num(row * 0.32))}'
                       f' fill="{COLOURS.get(role, INK)}" fill-opacity="0.35" stroke="{COLOURS.get(role, INK)}"'
                       f' stroke-width="1.5" class="wres-svg-bar wres-r-{role}"/>')
            labels = trace.get("text") or []
            if i < len(labels) and labels[i]:
                out.append(text_at(_label_x(end, text_width(len(str(labels[i])), f.font), rules),
                                   middle + row * 0.28, str(labels[i]), f.font))
    notes = figure["layout"].get("annotations", ())
    # the interactive chart's column of values and its names above the bars (charts.bands_chart): here each value
    # is beside its bar, and each name is written above it with the bar
    notes = [n for n in notes if n.get("name") not in ("value", "category")]
    withheld = [n for n in notes if n.get("yref") == "y"]
    others = {**figure, "layout": {**figure["layout"], "annotations": [n for n in notes if n.get("yref") != "y"]}}
    for n in withheld:
        word(f.left, axes.category(n["y"]) + row * 0.28, str(n["text"]), extra=' font-style="italic"')
    return out + draw_shapes(figure, axes, "above", boxes) + draw_notes(others, axes)


def _sample(trace: dict[str, Any], x: float, y: float, size: float) -> list[str]:
    role, mode = trace.get("meta", ""), trace.get("mode", "")
    if trace.get("type") == "bar" or trace.get("fill"):
        kind = "wres-svg-bar" if trace.get("type") == "bar" else "wres-svg-interval"
        opacity = "0.35" if trace.get("type") == "bar" else "0.2"
        return [f'<rect{attrs(x=num(x), y=num(y - size * 0.45), width=num(size * 2.4), height=num(size * 0.9))}'
                f' fill="{COLOURS.get(role, INK)}" fill-opacity="{opacity}" stroke="none" class="{kind} wres-r-{role}"/>']
    out = []
    if "lines" in mode:
        line = trace.get("line", {})
        out.append(f'<line{attrs(x1=num(x), x2=num(x + size * 2.4), y1=num(y), y2=num(y))}{_stroke(role, line.get("dash", "solid"))}/>')
    if "markers" in mode:
        out.append(_symbol(trace.get("marker", {}).get("symbol", "circle"), x + size * 1.2, y, 10, role))
    return out


def draw_legend(figure: dict[str, Any], frame: Frame, top: float) -> tuple[list[str], float]:
    """One entry per series: its line style and marker beside its name, flowing into rows; returns the SVG height."""
    entries = [t for t in figure["data"] if t.get("name") and t.get("showlegend") is not False]
    size, x, y, out = frame.font, 0.0, top + frame.font * 0.6, []
    for trace in entries:
        lines = _wrap(str(trace["name"]), int((frame.width - size * 3.2) / (size * 0.58)))
        width = size * 3.2 + max(len(line) for line in lines) * size * 0.58 + size
        if x > 0 and x + width > frame.width:
            x, y = 0.0, y + size * 1.7
        out += _sample(trace, x + 1, y, size)
        out += [text_at(x + size * 3.2, y + size * 0.35 + n * size * 1.25, line, size) for n, line in enumerate(lines)]
        x += width
        if len(lines) > 1:
            x, y = frame.width, y + (len(lines) - 1) * size * 1.25
    return out, y + frame.font * 1.2
