"""From an extract's rows to the WRES counts: each distinct value placed once, every value that cannot be placed reported.

A value the tables cannot place is a problem naming the value and the first rows where it
occurs, and how to place it (``data/import_mapping.yaml``). All of them are reported at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data.errors import Problem
from . import codes
from .codes import BANDS, GROUPS, MEDICAL, MEDICAL_GROUPS
from .mapping_file import MAPPING_NAME, Mapping
from .reading import Extract

SHOWN_ROWS = 5
STAFF_GROUP_ORDER = (codes.NON_CLINICAL, codes.CLINICAL, MEDICAL)

Counts = dict[str, int]  # white, bme, unknown


@dataclass(frozen=True)
class Counted:
    """What the import writes: ``indicator_1`` groups of bands, or the named counts of indicators 2-4."""

    by_group: dict[str, dict[str, Counts]] | None = None  # staff: group -> band label -> counts
    counts: dict[str, Counts] | None = None  # e.g. {"shortlisted": ..., "appointed": ...}


def shown_value(value: str) -> str:
    """A cell as a message may show it: in quotes, control characters made visible, long text cut."""
    text = "".join(ch if ch.isprintable() else "?" for ch in value)
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def rows_text(rows: np.ndarray) -> str:
    first = [str(r) for r in rows[:SHOWN_ROWS]]
    more = len(rows) - len(first)
    if len(rows) == 1:
        return f"row {first[0]}"
    listed = ", ".join(first[:-1]) + f" and {first[-1]}" if not more else ", ".join(first) + f" and {more} more"
    return f"rows {listed}"


class Placer:
    """Places a column's distinct values with one of :mod:`.codes`' functions and collects the problems."""

    def __init__(self, extract: Extract, where: str) -> None:
        self.extract, self.where, self.problems = extract, where, []

    def place(self, column: str, field: str, place: Callable[[str], object], why: Callable[[str], str],
              mask: np.ndarray | None = None) -> pd.Series:
        series = self.extract.frame[column]
        values = series if mask is None else series[mask]
        table = {value: place(value) for value in pd.unique(values)}
        for value, placed in table.items():
            if placed is None:
                rows = np.flatnonzero((series == value).to_numpy() & (True if mask is None else mask)) + 2
                self.problems.append(Problem(self.where, int(rows[0]), f'{field} (column "{column}")',
                                             f"{why(value)} ({rows_text(rows)})"))
        return series.map(table)


def _group_counts(groups: pd.Series) -> Counts:
    found = groups.value_counts()
    return {g: int(found.get(g, 0)) for g in GROUPS}


def _ethnicity(placer: Placer, mapping: Mapping) -> pd.Series:
    column = placer.extract.columns.of["ethnicity"]
    return placer.place(column, "ethnicity", lambda v: codes.ethnic_group(v, mapping.ethnicity), lambda v: (
        f"{shown_value(v)} is not an ethnic category the import can place. Add it to data/{MAPPING_NAME} "
        f"under ethnicity: as white, bme or unknown"))


def count(kind: str, extract: Extract, mapping: Mapping, where: str) -> tuple[Counted | None, list[Problem]]:
    placer = Placer(extract, where)
    ethnicity = _ethnicity(placer, mapping)
    counted = None
    if kind == "staff":
        counted = _staff(placer, ethnicity, mapping)
    elif kind == "recruitment":
        counted = _recruitment(placer, ethnicity)
    else:
        counted = Counted(counts={"entered" if kind == "disciplinary" else "accessed": _group_counts(ethnicity)})
    return (None, placer.problems) if placer.problems else (counted, [])


def _staff(placer: Placer, ethnicity: pd.Series, mapping: Mapping) -> Counted:
    cols = placer.extract.columns
    group = placer.place(cols.of["staff_group"], "staff group", lambda v: codes.staff_group(v, mapping.staff_groups),
                         lambda v: "has no staff group")
    medical = (group == MEDICAL).to_numpy()
    band = pd.Series([None] * len(group), index=group.index, dtype=object)
    grade_column = cols.band_for_medical or cols.of["band"]
    if medical.any():
        band[medical] = placer.place(grade_column, "band", lambda v: codes.medical_grade(v, mapping.medical_grades),
                                     lambda v: "a medical and dental member of staff has no grade", mask=medical)[medical]
    if (~medical).any():
        band[~medical] = placer.place(cols.of["band"], "band", lambda v: codes.pay_band(v, mapping.bands), lambda v: (
            "has no pay band" if not v.strip() else
            f"{shown_value(v)} is not an Agenda for Change band (Band 1 to Band 9, Band 8a to 8d, or VSM). "
            f"Add it to data/{MAPPING_NAME} under bands:, e.g. {shown_value(v)}: VSM"), mask=~medical)[~medical]
    if placer.problems:
        return Counted()
    table = pd.DataFrame({"group": group, "band": band, "ethnicity": ethnicity}).value_counts()
    by_group: dict[str, dict[str, Counts]] = {}
    for staff_group in STAFF_GROUP_ORDER:
        labels = MEDICAL_GROUPS if staff_group == MEDICAL else BANDS
        bands = {}
        for label in labels:
            counts = {g: int(table.get((staff_group, label, g), 0)) for g in GROUPS}
            if sum(counts.values()):
                bands[label] = counts
        if bands:
            by_group[staff_group] = bands
    return Counted(by_group=by_group)


def _recruitment(placer: Placer, ethnicity: pd.Series) -> Counted:
    cols = placer.extract.columns
    flags = {}
    for field in ("shortlisted", "appointed"):
        flags[field] = placer.place(cols.of[field], field, codes.yes_no, lambda v, f=field: (
            f"{shown_value(v)} is neither yes nor no; {f} must be Yes or No (Y/N, True/False, 1/0; an empty cell is No)"))
    if placer.problems:
        return Counted()
    shortlisted = flags["shortlisted"].astype(bool)
    appointed = flags["appointed"].astype(bool)
    stray = np.flatnonzero((appointed & ~shortlisted).to_numpy()) + 2
    if len(stray):
        placer.problems.append(Problem(placer.where, int(stray[0]), f'appointed (column "{cols.of["appointed"]}")',
                                       f"appointed but not shortlisted ({rows_text(stray)}); indicator 2 counts "
                                       "appointments from shortlisting: correct these rows"))
        return Counted()
    return Counted(counts={"shortlisted": _group_counts(ethnicity[shortlisted]),
                           "appointed": _group_counts(ethnicity[appointed])})
