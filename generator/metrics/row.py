"""One figure of the metrics table: the shape every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = ["year", "indicator", "breakdown", "measure", "value", "ci_low", "ci_high", "direction", "source", "note"]
# Kept in the table for the site, left out of the published CSV.
EXTRA_COLUMNS = ["compared_with", "in_equity_band", "decimals", "base", "z", "direction_note"]


@dataclass(frozen=True)
class Row:
    year: int
    indicator: int
    breakdown: str
    measure: str
    value: float | None
    ci_low: float | None = None
    ci_high: float | None = None
    direction: str = ""
    source: str = ""
    note: str = ""
    compared_with: int | None = None
    in_equity_band: bool | None = None
    # decimal places a typed figure was printed with, so the site shows "1.5" as 1.5; None: the usual rounding
    decimals: int | None = None
    # the number of people a percentage is of (staff, respondents, board members), for the tests of direction
    base: int | None = None
    # the test statistic behind ``direction``, and why a change was not tested or not compared
    z: float | None = None
    direction_note: str = ""
