"""One figure of the metrics table, and the table itself: the shape every later stage reads."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from ..data.indicators import INDICATORS, STANDARDS
from .status import Status, note_text

COLUMNS = ["year", "indicator", "breakdown", "measure", "value", "ci_low", "ci_high", "direction", "movement", "source",
           "note"]
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
    # which way the figure moved, tested or not (improved, deteriorated, no_change; up, down for indicator 1)
    movement: str = ""
    source: str = ""
    # shown, or why not (withheld, not available, cannot be computed), in the reader's order of concern;
    # ``reason`` says why in words (the trust's, or the engine's)
    status: Status = Status.SHOWN
    reason: str = ""
    compared_with: int | None = None
    in_equity_band: bool | None = None
    # decimal places a typed figure was printed with, so the site shows "1.5" as 1.5, or that likelihoods from counts
    # need to divide to the ratio shown (indicator 3: 0.20% and 0.15%, 1.33); None: the usual rounding
    decimals: int | None = None
    # the number of people a percentage is of (staff, respondents, board members), for the tests of direction
    base: int | None = None
    # the test statistic behind ``direction``, and why a change was not tested or not compared
    z: float | None = None
    direction_note: str = ""


    @property
    def note(self) -> str:
        """The published CSV's note: the status and reason as one text (``suppressed``, ``not_available: why``...)."""
        return note_text(self.status, self.reason)


FLOATS = ("value", "ci_low", "ci_high", "z")
INTEGERS = ("compared_with", "decimals", "base")


def _float(value: float | None) -> float | None:
    """A number as a float; no number (None or NaN) as None, so "no value" has one spelling everywhere."""
    return None if value is None or math.isnan(value) else float(value)


def normalised(row: Row) -> Row:
    """``row`` with every field of its declared type: figures as floats, counts as ints, a missing one as None."""
    if _is_normal(row):  # most rows are already (a copy of each was a fifth of computing the figures)
        return row
    return replace(row, year=int(row.year), indicator=int(row.indicator),
                   **{name: _float(getattr(row, name)) for name in FLOATS},
                   **{name: None if getattr(row, name) is None else int(getattr(row, name)) for name in INTEGERS},
                   in_equity_band=None if row.in_equity_band is None else bool(row.in_equity_band))


def _is_normal(row: Row) -> bool:
    return (type(row.year) is int and type(row.indicator) is int
            and all((v := getattr(row, name)) is None or (type(v) is float and v == v) for name in FLOATS)  # not NaN
            and all((v := getattr(row, name)) is None or type(v) is int for name in INTEGERS)
            and (row.in_equity_band is None or type(row.in_equity_band) is bool))


def csv_number(value: float | None) -> str:
    """A figure in a CSV: unrounded (the shortest text that reads back as the same float), empty for none."""
    return "" if value is None or math.isnan(value) else repr(float(value))


class Metrics:
    """Every figure, one :class:`Row` each, in a stable order; immutable. Filter with :meth:`where`."""

    __slots__ = ("_index", "rows")

    def __init__(self, rows: Iterable[Row]) -> None:
        self.rows: tuple[Row, ...] = tuple(rows)
        self._index: dict[str, dict[object, list[Row]]] = {}  # rows by one field's value, made on first use

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def where(self, **equal: object) -> Metrics:
        """The rows whose named fields equal the values given, e.g. ``where(year=2024, indicator=3)``.

        The first field's rows are looked up in an index of the table by that field (the pages ask for each
        indicator's rows and each year's, and scanning the whole table each time was a tenth of the pages' time).
        """
        if not equal:
            return self
        (first, wanted), *rest = equal.items()
        index = self._index.get(first)
        if index is None:
            index = self._index[first] = {}
            for r in self.rows:
                index.setdefault(getattr(r, first), []).append(r)
        return Metrics(r for r in index.get(wanted, ()) if all(getattr(r, name) == value for name, value in rest))

    def up_to(self, year: int) -> Metrics:
        """The figures of ``year`` and the years before it."""
        return Metrics(r for r in self.rows if r.year <= year)

    def column(self, name: str) -> list[object]:
        """One field of every row, in order."""
        return [getattr(r, name) for r in self.rows]

    def to_csv(self, *, standard_column: bool = False) -> str:
        """The published CSV: exactly :data:`COLUMNS`, figures unrounded, empty cells for no value.

        Each row names its indicator and measure as its standard does ("4a(i)", "disabled_share");
        ``standard_column`` puts the standard first, for a file that holds more than one.
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["standard", *COLUMNS] if standard_column else COLUMNS)
        named: dict[tuple[int, str], tuple[str, str, str]] = {}  # (indicator, measure) -> the standard's names
        for r in self.rows:
            names = named.get((r.indicator, r.measure))
            if names is None:
                spec = INDICATORS[r.indicator]
                standard = STANDARDS[spec.standard]
                names = named[(r.indicator, r.measure)] = (standard.short_name, spec.id, standard.csv_measure(r.measure))
            cells = [r.year, names[1], r.breakdown, names[2], csv_number(r.value),
                     csv_number(r.ci_low), csv_number(r.ci_high), r.direction, r.movement, r.source, r.note]
            writer.writerow([names[0], *cells] if standard_column else cells)
        return out.getvalue()

