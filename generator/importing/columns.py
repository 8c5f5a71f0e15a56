"""The four kinds of extract, the fields each needs, and which column holds each field.

Defaults follow ESR's staff-in-post export ("Ethnic Origin", "Staff Group", "Pay Band",
"Grade"); ``--map FIELD=COLUMN`` names another column. Column names are compared as
words (case and spacing do not matter). Only these columns are ever read.
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from .codes import words

FIELDS = ("ethnicity", "staff_group", "band", "shortlisted", "appointed")
DEFAULT_COLUMNS = {
    "ethnicity": ("Ethnic Origin", "Ethnicity", "Ethnic Group", "Ethnic Category"),
    "staff_group": ("Staff Group",),
    "band": ("Pay Band", "Grade"),  # both when both are there: see Columns.band_for_medical
    "shortlisted": ("Shortlisted",),
    "appointed": ("Appointed",),
}


@dataclass(frozen=True)
class Kind:
    name: str
    row: str  # what one row of the extract is
    indicator: int
    fields: tuple[str, ...]


KINDS = {
    "staff": Kind("staff", "a person in post at 31 March", 1, ("ethnicity", "staff_group", "band")),
    "recruitment": Kind("recruitment", "an application", 2, ("ethnicity", "shortlisted", "appointed")),
    "disciplinary": Kind("disciplinary", "a case entering the formal disciplinary process", 3, ("ethnicity",)),
    "training": Kind("training", "a person who accessed non-mandatory training or CPD", 4, ("ethnicity",)),
}


@dataclass(frozen=True)
class Columns:
    """The column of each field; for staff without ``--map band=``, "Pay Band" and "Grade" may both be read.

    ESR gives Agenda for Change staff a pay band and doctors a grade, so a doctor's band is read from
    "Grade" and everyone else's from "Pay Band"; an extract with only one of them uses it for everyone.
    """

    of: dict[str, str]  # field -> column as the file names it
    band_for_medical: str | None = None

    def wanted(self) -> list[str]:
        return sorted({*self.of.values(), *([self.band_for_medical] if self.band_for_medical else [])})

    def described(self) -> str:
        parts = []
        for name, column in self.of.items():
            if name == "band" and self.band_for_medical and self.band_for_medical != column:
                parts.append(f'band = "{column}" (medical and dental: "{self.band_for_medical}")')
            else:
                parts.append(f'{name} = "{column}"')
        return ", ".join(parts)


def parse_maps(maps: tuple[str, ...]) -> dict[str, str]:
    """``--map FIELD=COLUMN`` options as a dict, or a ClickException naming the one that is wrong."""
    chosen: dict[str, str] = {}
    for item in maps:
        name, sep, column = item.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or not column:
            raise click.ClickException(f'--map {item}: write FIELD=COLUMN, e.g. --map ethnicity="Ethnic Group"; nothing was written.')
        if name not in FIELDS:
            raise click.ClickException(f"--map {item}: there is no field '{name}'; the fields are {', '.join(FIELDS)}. Nothing was written.")
        chosen[name] = column
    return chosen


def resolve(kind: Kind, header: list[str], maps: dict[str, str]) -> tuple[Columns | None, list[str]]:
    """Each field's column in ``header``, or a sentence per field that has none."""
    by_words = {}
    for column in header:
        by_words.setdefault(words(str(column)), column)
    found: dict[str, str] = {}
    missing = []
    band_for_medical = None
    for name in kind.fields:
        candidates = (maps[name],) if name in maps else DEFAULT_COLUMNS[name]
        present = [by_words[words(c)] for c in candidates if words(c) in by_words]
        if present:
            found[name] = present[0]
            if name == "band" and name not in maps:
                band_for_medical = present[-1]  # "Grade" when the extract has it
            continue
        named = " or ".join(f'"{c}"' for c in candidates)
        how = "" if name in maps else f"; name the column that holds it with --map {name}=COLUMN"
        missing.append(f"there is no column {named} for {name.replace('_', ' ')}{how}")
    if missing:
        return None, missing
    return Columns(found, band_for_medical), []
