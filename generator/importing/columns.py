"""The five kinds of extract, the fields each needs, and which column holds each field.

Defaults follow ESR's staff-in-post export ("Ethnic Origin", "Disability", "Staff Group",
"Pay Band", "Grade"); ``--map FIELD=COLUMN`` names another column. Column names are compared
as words (case and spacing do not matter). Only these columns are ever read.

Disability is optional for the kinds that count a WRES indicator: it is read, and the kind's
WDES metric written too, when the extract has the column and the project publishes the WDES
(or ``--map disability=COLUMN`` asks for it); see :func:`resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from .codes import words

FIELDS = ("ethnicity", "disability", "staff_group", "band", "shortlisted", "appointed")
DISABILITY = "disability"
DEFAULT_COLUMNS = {
    "ethnicity": ("Ethnic Origin", "Ethnicity", "Ethnic Group", "Ethnic Category"),
    DISABILITY: ("Disability", "Disability Status", "Disability Flag"),
    "staff_group": ("Staff Group",),
    "band": ("Pay Band", "Grade"),  # both when both are there: see Columns.band_for_medical
    "shortlisted": ("Shortlisted",),
    "appointed": ("Appointed",),
}


@dataclass(frozen=True)
class Kind:
    name: str
    row: str  # what one row of the extract is
    indicator: int | None  # the WRES indicator counted by ethnicity, if any
    fields: tuple[str, ...]  # the fields it needs
    wdes_metric: str | None = None  # the key of the WDES metric counted by disability (in the year file's wdes:), if any

    @property
    def disability_optional(self) -> bool:
        """Whether a disability column is read when there is one, as well as the fields it needs."""
        return self.wdes_metric is not None and DISABILITY not in self.fields


KINDS = {
    "staff": Kind("staff", "a person in post at 31 March", 1, ("ethnicity", "staff_group", "band"), "metric_1"),
    "recruitment": Kind("recruitment", "an application", 2, ("ethnicity", "shortlisted", "appointed"), "metric_2"),
    "disciplinary": Kind("disciplinary", "a case entering the formal disciplinary process", 3, ("ethnicity",)),
    "training": Kind("training", "a person who accessed non-mandatory training or CPD", 4, ("ethnicity",)),
    "capability": Kind("capability", "a member of staff entering the formal capability process on the grounds of "
                       "performance", None, (DISABILITY,), "metric_3"),
}


@dataclass(frozen=True)
class Columns:
    """The column of each field; for staff without ``--map band=``, "Pay Band" and "Grade" may both be read.

    ESR gives Agenda for Change staff a pay band and doctors a grade, so a doctor's band is read from
    "Grade" and everyone else's from "Pay Band"; an extract with only one of them uses it for everyone.
    """

    of: dict[str, str]  # field -> column as the file names it
    band_for_medical: str | None = None
    unread_disability: str | None = None  # a disability column left unread: the project does not publish the WDES

    def wanted(self) -> list[str]:
        return sorted({*self.of.values(), *([self.band_for_medical] if self.band_for_medical else [])})

    def described(self, without: str | None = None) -> str:
        """The columns read, as the provenance comment says them; ``without`` leaves out the other standard's grouping."""
        parts = []
        for name, column in self.of.items():
            if name == without:
                continue
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


def resolve(kind: Kind, header: list[str], maps: dict[str, str], wdes: bool = False) -> tuple[Columns | None, list[str]]:
    """Each field's column in ``header``, or a sentence per field that has none.

    A kind's optional disability column is read when ``--map disability=`` names it (then it must be
    there) or when ``wdes`` (the project publishes the WDES) and the extract has one of its default
    columns. Otherwise it is left unread, so a WRES-only trust whose ESR export has a disability
    column sees no WDES figures appear; the command says how to import them.
    """
    by_words = {}
    for column in header:
        by_words.setdefault(words(str(column)), column)
    found: dict[str, str] = {}
    missing = []
    band_for_medical = None
    unread = None
    fields = kind.fields
    if kind.disability_optional:
        default = next((by_words[words(c)] for c in DEFAULT_COLUMNS[DISABILITY] if words(c) in by_words), None)
        if DISABILITY in maps or (wdes and default is not None):
            fields = (fields[0], DISABILITY, *fields[1:])
        else:
            unread = default
    for name in fields:
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
    return Columns(found, band_for_medical, unread), []
