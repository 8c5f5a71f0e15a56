"""Rows of the metrics table made from a figure: shown, withheld for privacy, or not available."""

from __future__ import annotations

from .formulas import Figure
from .row import Row
from .status import Status


def figure_row(year: int, indicator: int, breakdown: str, measure: str, figure: Figure, source: str) -> Row:
    return Row(year, indicator, breakdown, measure, figure.value, figure.ci_low, figure.ci_high,
               source=source, status=figure.status, reason=figure.reason)


def suppressed_row(year: int, indicator: int, breakdown: str, measure: str, source: str = "counts") -> Row:
    return Row(year, indicator, breakdown, measure, None, source=source, status=Status.SUPPRESSED)


def not_available_row(year: int, indicator: int, breakdown: str, measure: str, reason: str) -> Row:
    return Row(year, indicator, breakdown, measure, None, status=Status.NOT_AVAILABLE, reason=reason)
