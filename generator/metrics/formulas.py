"""The WRES formulas, on plain numbers. Everything is unrounded; rounding is for display only.

Each function returns a :class:`Figure`: a value, or the reason it cannot be
computed. Nothing here raises for a zero denominator or returns an infinity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .status import Status, note_text

Z_95 = 1.959963984540054  # two-sided 95% normal quantile


@dataclass(frozen=True)
class Figure:
    value: float | None
    ci_low: float | None = None
    ci_high: float | None = None
    status: Status = Status.SHOWN
    reason: str = ""

    @classmethod
    def cannot(cls, reason: str) -> Figure:
        return cls(None, status=Status.CANNOT_COMPUTE, reason=reason)

    @property
    def note(self) -> str:
        return note_text(self.status, self.reason)


def is_small(count: int, threshold: int) -> bool:
    """A count that could identify people: from 1 to threshold - 1. Zero never is."""
    return 0 < count < threshold


def percentage(part: int | float, whole: int | float, *, why_empty: str) -> Figure:
    """``part`` as a percentage (0-100) of ``whole``."""
    if whole == 0:
        return Figure.cannot(why_empty)
    return Figure(100.0 * part / whole)


def relative_likelihood(a: int, n1: int, c: int, n2: int, *, z: float = Z_95,
                        why: tuple[str, str, str] = ("", "", "")) -> Figure:
    """(a / n1) / (c / n2) with a Katz 95% confidence interval on log RL.

    ``a`` of ``n1`` is the group on top of the ratio, ``c`` of ``n2`` the group
    below. ``why`` words the three reasons it can fail: the top group's
    denominator is zero, the bottom group's denominator is zero, the bottom
    group's numerator is zero (so the ratio would be infinite).
    SE(ln RL) = sqrt(1/a - 1/n1 + 1/c - 1/n2).
    """
    no_top, no_bottom, none_below = why
    if n1 == 0:
        return Figure.cannot(no_top)
    if n2 == 0:
        return Figure.cannot(no_bottom)
    if c == 0:
        return Figure.cannot(none_below)
    rl = (a / n1) / (c / n2)
    if a == 0:
        return Figure(rl, status=Status.NO_INTERVAL, reason="a count of zero")
    se = math.sqrt(max(0.0, 1 / a - 1 / n1 + 1 / c - 1 / n2))
    log_rl = math.log(rl)
    return Figure(rl, math.exp(log_rl - z * se), math.exp(log_rl + z * se))


def in_band(value: float, band: tuple[float, float]) -> bool:
    low, high = band
    return low <= value <= high


def places_that_divide(top: float, bottom: float, ratio: float, *, least: int = 1, most: int = 4) -> int:
    """Decimal places for two likelihoods (percentages) so that, as shown, they divide to the ratio as shown (2 places).

    Indicator 3's likelihoods are small (0.2% and 0.15%): at 1 place they would divide to 2.0 beside a
    ratio of 1.33. The fewest places from ``least`` that agree, at most ``most``.
    """
    shown_ratio = round(ratio, 2)
    for places in range(least, most + 1):
        t, b = round(top, places), round(bottom, places)
        if b > 0 and round(t / b, 2) == shown_ratio:
            return places
    return most
