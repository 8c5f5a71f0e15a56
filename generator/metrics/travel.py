"""Direction of travel: each headline figure against the previous year that has it.

Two things are said of every comparison:

- ``movement``: which way the figure moved, whatever the test says: ``improved``,
  ``deteriorated`` or ``no_change`` (a change no larger than the ``no_change`` tolerance);
  indicator 1, which is neutral, ``up``, ``down`` or ``no_change``.
- ``direction``: the verdict. For figures from samples and processes (2-8), a change is
  ``improved`` or ``worsened`` only when it is statistically significant at
  ``settings.significance_level`` (two-sided) AND larger than the tolerance; otherwise
  ``no_significant_change``. The tests:

  - Relative likelihoods (2-4) are judged on their distance from equity, |ln RL|, so the
    test is on that distance: z = (|ln RL2| - |ln RL1|) / sqrt(SE1^2 + SE2^2), each SE read
    back from the Katz 95% interval, SE = (ln high - ln low) / (2 x 1.959964). A ratio that
    crosses 1 by the same distance has not moved away from or towards equity.
  - Survey indicators (5-8): the BME percentage with its BME response counts, the pooled
    two-proportion z-test.

  Indicators 1 (the whole workforce) and 9 (every board member) are counts of everyone,
  not samples: there is no chance to test against, so the verdict is the movement itself
  (``up``, ``down``, ``improved``, ``worsened`` or ``no_change``), with no test.

Which way is better: relative likelihoods on their distance from equity |ln RL|; 5, 6, 8
lower is better, 7 higher; 9 the shortfall below parity.

Figures of 2-8 without counts or intervals (published figures, computed ones, a likelihood
with a zero count) are ``not_tested``, with the reason in ``direction_note``; their
movement is still given. Across a series break (``series_break`` on the first year of the
new series) the value is ``not_comparable``, with no movement, and ``direction_note``
carries the trust's reason. Suppressed or missing figures are never compared, in either year.
"""

from __future__ import annotations

import math
from dataclasses import replace
from statistics import NormalDist
from typing import TYPE_CHECKING

from ..data import INDICATORS
from .formulas import Z_95

if TYPE_CHECKING:
    from ..data import Settings
    from .row import Row

# Floating-point slack so that a change of exactly the tolerance (31.0 -> 32.0) is within it.
EPSILON = 1e-9

NOT_TESTED_WHY = {
    "published": "published figures without counts cannot be tested",
    "interval": "a figure without a confidence interval (a count of zero) cannot be tested",
    "responses": "survey percentages without response counts cannot be tested",
    "counts": "figures without the counts behind them cannot be tested",
    "score": "engagement scores are published without the spread behind them, so a change cannot be tested",
}

# a change larger than chance, but too small to call: said in words so "no significant change" is not misread
WITHIN_TOLERANCE = "the change is statistically significant but no larger than the tolerance for no change"
# representation and board indicators count everyone: the verdict is the movement, with why there is no test
COUNTED = {
    "representation": "a count of the whole workforce, not a sample, so no test is needed",
    "board": "a count of every board member, not a sample, so no test is needed",
}



def headline_key(number: int) -> tuple[int, str, str]:
    spec = INDICATORS[number]
    return number, spec.headline_breakdown, spec.headline_measure


def judged_value(number: int, value: float) -> float | None:
    """The quantity whose change is judged: lower is better, except representation (neutral) and what the definitions say is better higher."""
    kind = INDICATORS[number].kind
    if kind == "likelihood":
        return abs(math.log(value)) if value > 0 else None
    if kind == "board":
        return max(0.0, -value)
    if kind in ("survey", "score") and INDICATORS[number].higher_is_better:
        return -value
    return value


def critical_z(settings: Settings) -> float:
    """The two-sided critical value of the configured significance level (1.96 at 0.05)."""
    return NormalDist().inv_cdf(1 - settings.significance_level / 2)


def log_se(row: Row) -> float | None:
    """The standard error of ln RL, read back from the Katz 95% interval."""
    if row.ci_low is None or row.ci_high is None or row.ci_low <= 0 or row.value is None or row.value <= 0:
        return None
    return (math.log(row.ci_high) - math.log(row.ci_low)) / (2 * Z_95)


def pooled_variance(p1: float, n1: int, p2: float, n2: int) -> float:
    """Variance of p2 - p1 (proportions 0-1) under no change, from the pooled proportion."""
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    return pooled * (1 - pooled) * (1 / n1 + 1 / n2)


def z_of_proportions(p1: float, n1: int, p2: float, n2: int) -> float:
    """Two-proportion pooled z of a change from ``p1`` of ``n1`` to ``p2`` of ``n2`` (percentages 0-100)."""
    variance = pooled_variance(p1 / 100, n1, p2 / 100, n2)
    if variance == 0:  # both 0% or both 100%: no change at all
        return 0.0
    return (p2 - p1) / 100 / math.sqrt(variance)


def z_of_ratios(previous: Row, current: Row) -> float:
    """z of the change in the distance from equity, |ln RL|, of two relative likelihoods."""
    se1, se2 = log_se(previous), log_se(current)
    return (abs(math.log(current.value)) - abs(math.log(previous.value))) / math.sqrt(se1 ** 2 + se2 ** 2)


def z_statistic(number: int, previous: Row, current: Row) -> tuple[float | None, str]:
    """(z, "") for a change of a sampled figure (2-8) that can be tested, else (None, why not)."""
    kind = INDICATORS[number].kind
    if kind == "score":
        return None, NOT_TESTED_WHY["score"]
    if previous.source not in ("counts", "survey") or current.source not in ("counts", "survey"):
        return None, NOT_TESTED_WHY["published"]
    if kind == "likelihood":
        if log_se(previous) is None or log_se(current) is None:
            return None, NOT_TESTED_WHY["interval"]
        return z_of_ratios(previous, current), ""
    if not previous.base or not current.base:
        return None, NOT_TESTED_WHY["responses"]
    return z_of_proportions(previous.value, previous.base, current.value, current.base), ""


def tolerance(number: int, settings: Settings) -> float:
    no_change, kind = settings.no_change, INDICATORS[number].kind
    if kind == "likelihood":
        return no_change.relative_likelihood
    return no_change.score if kind == "score" else no_change.percentage_points


def movement(number: int, previous: Row, current: Row, settings: Settings) -> str:
    """Which way the figure moved, tested or not: improved / deteriorated / no_change (up / down for indicator 1)."""
    before, after = judged_value(number, previous.value), judged_value(number, current.value)
    if before is None or after is None:
        return ""
    change = after - before
    if abs(change) <= tolerance(number, settings) + EPSILON:
        return "no_change"
    if INDICATORS[number].kind == "representation":
        return "down" if change < 0 else "up"
    return "improved" if change < 0 else "deteriorated"


def direction(number: int, previous: Row, current: Row, settings: Settings,
              ) -> tuple[str, float | None, str]:
    """(direction, z, why) of the change from ``previous`` to ``current`` for indicator ``number``."""
    kind = INDICATORS[number].kind
    moved = movement(number, previous, current, settings)
    if not moved:
        return "", None, ""
    if kind in COUNTED:
        return {"deteriorated": "worsened"}.get(moved, moved), None, COUNTED[kind]
    z, why = z_statistic(number, previous, current)
    if z is None:
        return "not_tested", None, why
    if abs(z) < critical_z(settings):
        return "no_significant_change", z, ""
    if moved == "no_change":
        return "no_significant_change", z, WITHIN_TOLERANCE
    return ("improved" if moved == "improved" else "worsened"), z, ""


def add_directions(rows: list[Row], settings: Settings, breaks: dict[tuple[int, int], str] | None = None) -> list[Row]:
    """Rows with ``direction``, ``movement``, ``compared_with``, ``z`` and ``direction_note`` on each headline row.

    ``breaks`` maps (year, indicator) to the reason of a series break starting that year.
    """
    breaks = breaks or {}
    keys = {headline_key(n) for n in INDICATORS}
    last_seen: dict[tuple[int, str, str], Row] = {}
    out: list[Row] = []
    for row in sorted(rows, key=lambda r: r.year):  # stable: keeps each year's own order
        key = (row.indicator, row.breakdown, row.measure)
        if key in keys and row.value is not None:
            previous = last_seen.get(key)
            if previous is not None:
                crossed = [breaks[(y, row.indicator)] for y in range(previous.year + 1, row.year + 1)
                           if (y, row.indicator) in breaks]
                if crossed:
                    row = replace(row, direction="not_comparable", compared_with=previous.year, direction_note=crossed[-1])
                else:
                    judged, z, why = direction(row.indicator, previous, row, settings)
                    if judged:
                        row = replace(row, direction=judged, compared_with=previous.year, z=z, direction_note=why,
                                      movement=movement(row.indicator, previous, row, settings))
            last_seen[key] = row
        out.append(row)
    return out
