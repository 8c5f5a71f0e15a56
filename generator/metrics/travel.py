"""Direction of travel: each headline figure against the previous year that has it.

- Relative likelihoods (2-4): distance from equity, |ln RL|; closer is improved.
- Survey indicators 5, 6, 8: the BME percentage, lower is improved; 7: higher is improved.
- Indicator 9: the shortfall below parity, max(0, -difference); smaller is improved.
- Indicator 1: neutral, "up" or "down".
A change no larger than the organisation's ``no_change`` tolerance is ``no_change``.
Suppressed or missing figures are never compared, in either year.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from ..data import INDICATORS

if TYPE_CHECKING:
    from ..data import Settings
    from .row import Row

# Floating-point slack so that a change of exactly the tolerance (31.0 -> 32.0) is "no change".
EPSILON = 1e-9


def headline_key(number: int) -> tuple[int, str, str]:
    spec = INDICATORS[number]
    return number, spec.headline_breakdown, spec.headline_measure


def judged_value(number: int, value: float) -> float | None:
    """The quantity whose change is judged; lower is better except for 1 (neutral) and 7."""
    kind = INDICATORS[number].kind
    if kind == "likelihood":
        return abs(math.log(value)) if value > 0 else None
    if kind == "board":
        return max(0.0, -value)
    if kind == "survey" and INDICATORS[number].higher_is_better:
        return -value
    return value


def direction(number: int, previous: float, current: float, settings: Settings) -> str:
    """The direction of travel from ``previous`` to ``current`` for indicator ``number``."""
    kind = INDICATORS[number].kind
    tolerance = settings.no_change.relative_likelihood if kind == "likelihood" else settings.no_change.percentage_points
    before, after = judged_value(number, previous), judged_value(number, current)
    if before is None or after is None:
        return ""
    change = after - before
    if abs(change) <= tolerance + EPSILON:
        return "no_change"
    if kind == "representation":
        return "down" if change < 0 else "up"
    return "improved" if change < 0 else "deteriorated"


def add_directions(rows: list[Row], settings: Settings) -> list[Row]:
    """Rows with ``direction`` and ``compared_with`` filled on each headline row."""
    keys = {headline_key(n) for n in INDICATORS}
    last_seen: dict[tuple[int, str, str], Row] = {}
    out: list[Row] = []
    for row in sorted(rows, key=lambda r: r.year):  # stable: keeps each year's own order
        key = (row.indicator, row.breakdown, row.measure)
        if key in keys and row.value is not None:
            previous = last_seen.get(key)
            judged = direction(row.indicator, previous.value, row.value, settings) if previous else ""
            if judged:
                row = replace(row, direction=judged, compared_with=previous.year)
            last_seen[key] = row
        out.append(row)
    return out
