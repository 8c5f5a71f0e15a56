"""From an extract's rows to the counts: each distinct value placed once, every value that cannot be placed reported.

The same rows are counted by ethnicity (the WRES) and, when the extract has a disability column,
by disability (the WDES): staff group, band and the recruitment outcomes are placed once for both.

A value the tables cannot place is a problem naming the value and the first rows where it
occurs, and how to place it (``data/import_mapping.yaml``). All of them are reported at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..data.errors import Problem
from . import codes
from .codes import AFC_CLUSTERS, BANDS, CLUSTER_OF, DISABILITY_GROUPS, GROUPS, MEDICAL, MEDICAL_CLUSTERS, MEDICAL_GROUPS
from .columns import DISABILITY, Kind
from .mapping_file import MAPPING_NAME, Mapping
from .reading import Extract

SHOWN_ROWS = 5
STAFF_GROUP_ORDER = (codes.NON_CLINICAL, codes.CLINICAL, MEDICAL)

Counts = dict[str, int]  # white, bme, unknown; or disabled, non_disabled, unknown


@dataclass(frozen=True)
class Counted:
    """What the import writes into one block: a representation indicator's groups of bands, or a likelihood's named counts."""

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


@dataclass(frozen=True)
class Grouping:
    """Each row's group in one standard's terms, and the keys its counts are written with, in order."""

    by: str  # ethnicity, disability: the field the rows are grouped by
    groups: pd.Series
    keys: tuple[str, ...]
    # staff: the pay groups the standard reports, per staff group in display order (WDES: clusters of bands)
    pay_groups: dict[str, tuple[str, ...]] = field(default_factory=lambda: {MEDICAL: MEDICAL_GROUPS, "": BANDS})
    pay_group_of: dict[str, str] | None = None  # band or medical group -> its pay group; None: the band itself


def _group_counts(grouping: Grouping, rows: pd.Series | None = None) -> Counts:
    found = (grouping.groups if rows is None else grouping.groups[rows]).value_counts()
    return {g: int(found.get(g, 0)) for g in grouping.keys}


def _ethnicity(placer: Placer, mapping: Mapping) -> Grouping:
    column = placer.extract.columns.of["ethnicity"]
    return Grouping("ethnicity", placer.place(column, "ethnicity", lambda v: codes.ethnic_group(v, mapping.ethnicity), lambda v: (
        f"{shown_value(v)} is not an ethnic category the import can place. Add it to data/{MAPPING_NAME} "
        f"under ethnicity: as white, bme or unknown")), GROUPS)


def _disability(placer: Placer, mapping: Mapping) -> Grouping:
    column = placer.extract.columns.of[DISABILITY]
    return Grouping(DISABILITY, placer.place(column, DISABILITY, lambda v: codes.disability_group(v, mapping.disability), lambda v: (
        f"{shown_value(v)} is not a disability status the import can place (Yes, No, Not Declared or Prefer Not To "
        f"Answer). Add it to data/{MAPPING_NAME} under disability: as disabled, non_disabled or unknown")),
        DISABILITY_GROUPS, {MEDICAL: tuple(MEDICAL_CLUSTERS), "": tuple(AFC_CLUSTERS)}, CLUSTER_OF)


def count(kind: Kind, extract: Extract, mapping: Mapping, where: str,
          event_keys: dict[str, str]) -> tuple[dict[str, Counted] | None, list[Problem]]:
    """The counts of each grouping the extract has (``ethnicity``, ``disability``), or every problem found.

    ``event_keys`` names, for each grouping, the counts of a kind whose rows are the events themselves
    ("entered", "accessed"): the indicator's numerator.
    """
    placer = Placer(extract, where)
    groupings = []
    if "ethnicity" in extract.columns.of:
        groupings.append(_ethnicity(placer, mapping))
    if DISABILITY in extract.columns.of:
        groupings.append(_disability(placer, mapping))
    if kind.name == "staff":
        counted = _staff(placer, groupings, mapping)
    elif kind.name == "recruitment":
        counted = _recruitment(placer, groupings)
    else:
        counted = {g.by: Counted(counts={event_keys[g.by]: _group_counts(g)}) for g in groupings}
    return (None, placer.problems) if placer.problems else (counted, [])


def _staff(placer: Placer, groupings: list[Grouping], mapping: Mapping) -> dict[str, Counted]:
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
        return {}
    return {g.by: _by_band(group, band, g) for g in groupings}


def _by_band(group: pd.Series, band: pd.Series, grouping: Grouping) -> Counted:
    pay = band if grouping.pay_group_of is None else band.map(grouping.pay_group_of)
    table = pd.DataFrame({"group": group, "band": pay, "who": grouping.groups}).value_counts()
    by_group: dict[str, dict[str, Counts]] = {}
    for staff_group in STAFF_GROUP_ORDER:
        labels = grouping.pay_groups.get(staff_group, grouping.pay_groups[""])
        bands = {}
        for label in labels:
            counts = {g: int(table.get((staff_group, label, g), 0)) for g in grouping.keys}
            if sum(counts.values()):
                bands[label] = counts
        if bands:
            by_group[staff_group] = bands
    return Counted(by_group=by_group)


def _recruitment(placer: Placer, groupings: list[Grouping]) -> dict[str, Counted]:
    cols = placer.extract.columns
    flags = {}
    for field in ("shortlisted", "appointed"):
        flags[field] = placer.place(cols.of[field], field, codes.yes_no, lambda v, f=field: (
            f"{shown_value(v)} is neither yes nor no; {f} must be Yes or No (Y/N, True/False, 1/0; an empty cell is No)"))
    if placer.problems:
        return {}
    shortlisted = flags["shortlisted"].astype(bool)
    appointed = flags["appointed"].astype(bool)
    stray = np.flatnonzero((appointed & ~shortlisted).to_numpy()) + 2
    if len(stray):
        placer.problems.append(Problem(placer.where, int(stray[0]), f'appointed (column "{cols.of["appointed"]}")',
                                       f"appointed but not shortlisted ({rows_text(stray)}); indicator 2 counts "
                                       "appointments from shortlisting: correct these rows"))
        return {}
    return {g.by: Counted(counts={"shortlisted": _group_counts(g, shortlisted), "appointed": _group_counts(g, appointed)})
            for g in groupings}
