"""Rows from figures typed in from a printed report: published figures, national and comparator figures.

Each keeps the decimal places it was printed with (``Row.decimals``), so the
site shows it as printed. Figures computed from them (a relative likelihood from
two published likelihoods, a difference) are the engine's own: source
``computed``, shown with the usual rounding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..data.model import Indicator1Published, Strict
from ..data.printed import decimals_of
from .row import Row

SHARES = ("white_share", "bme_share", "unknown_share")
# The benchmark block's key -> (breakdown, measure) of the table, for indicators 1, 2-4 and 9.
BENCHMARK_MEASURES: dict[str, tuple[str, str]] = {
    "bme_share": ("overall", "bme_share"),
    "white_share": ("overall", "white_share"),
    "likelihood_white": ("", "likelihood_white"),
    "likelihood_bme": ("", "likelihood_bme"),
    "relative_likelihood": ("", "relative_likelihood"),
    "voting_bme_share": ("voting", "board_bme_share"),
    "executive_bme_share": ("executive", "board_bme_share"),
}


def typed_row(year: int, indicator: int, breakdown: str, measure: str, value: float, source: str) -> Row:
    """A figure as the trust typed it, with the precision it was printed with."""
    return Row(year, indicator, breakdown, measure, float(value), source=source, decimals=decimals_of(value))


def _shares(year: int, number: int, breakdown: str, shares: Strict) -> Iterator[Row]:
    for measure in SHARES:
        value = getattr(shares, measure)
        if value is not None:
            yield typed_row(year, number, breakdown, measure, value, "published")


def indicator_1_published_rows(year: int, published: Indicator1Published, number: int) -> Iterator[Row]:
    """Overall, staff-group and senior-band shares as published (the senior label is read from the data by the pages)."""
    yield from _shares(year, number, "overall", published)
    if published.by_group is not None:
        for group in ("non_clinical", "clinical", "medical_and_dental"):
            shares = getattr(published.by_group, group)
            if shares is not None:
                yield from _shares(year, number, group, shares)
    if published.senior is not None:
        yield from _shares(year, number, "senior", published.senior)


def benchmark_rows(year: int, indicator: int, block: Strict) -> Iterator[Row]:
    """``national_<measure>`` and ``comparator_<measure>`` rows of the kinds that have them."""
    for prefix in ("national", "comparator"):
        figures = getattr(block, prefix, None)
        if figures is None:
            continue
        for key in type(figures).model_fields:
            value = getattr(figures, key)
            if value is not None:
                breakdown, measure = BENCHMARK_MEASURES[key]
                yield typed_row(year, indicator, breakdown, f"{prefix}_{measure}", value, "benchmark")
