"""``wres check`` refuses a project folder holding an HR extract: they hold personal data and must not be committed.

A file is taken for an extract when it is a spreadsheet or CSV whose first row names a column
an extract has: one the import reads (ethnicity, staff group, pay band) or one that identifies a
person (assignment number, date of birth, name). The figures ``wres metrics`` writes and the
frozen ``data/published/`` files name none of them. Only the first row of each file is read.

Skipped: hidden folders, the built site and the preview's files (``site/``, ``build/``),
``node_modules/``, virtual environments, and a folder holding :data:`SYNTHETIC_MARKER`, which
says that its extracts are made up (this repository's ``example_extracts/``). No pandas here.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from ..data.errors import Problem
from ..data.yamlfile import display_path
from .codes import words
from .columns import DEFAULT_COLUMNS

SYNTHETIC_MARKER = "SYNTHETIC.md"
SPREADSHEETS = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".ods"}
PERSONAL = ("Assignment Number", "Employee Number", "Staff Number", "Person Number", "NI Number",
            "National Insurance Number", "Date of Birth", "DOB", "Full Name", "First Name", "Forename",
            "Surname", "Last Name", "Applicant Name", "Applicant ID", "Application ID", "Candidate ID")
RECOGNISED = {words(c) for c in (*PERSONAL, *(c for cs in DEFAULT_COLUMNS.values() for c in cs if c != "Grade"))}
SKIPPED = {"site", "build", "node_modules", "__pycache__"}


def _header(path: Path) -> list[str] | None:
    """The first row's cells, or None when the file cannot be read (an old .xls or .ods counts as an extract)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx_header(path)
        if suffix in (".xls", ".ods"):
            return None
        with path.open("rb") as file:
            first = file.read(8192).split(b"\n", 1)[0].decode("utf-8-sig", errors="replace")
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    for sep in (",", ";", "\t", "|"):
        first = first.replace(sep, "\x00")
    return [cell.strip().strip('"') for cell in first.split("\x00")]


def _xlsx_header(path: Path) -> list[str] | None:
    from openpyxl import load_workbook  # only when a workbook is in the project

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for row in book.worksheets[0].iter_rows(max_row=1, values_only=True):
            return [str(cell) for cell in row if cell is not None]
        return []
    finally:
        book.close()


def extracts_in(root: Path) -> list[Problem]:
    """A problem for each extract found in the project folder ``root``."""
    found = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED
                         and not (here / d / "pyvenv.cfg").exists() and not (here / d / SYNTHETIC_MARKER).exists())
        for name in sorted(files):
            path = here / name
            if path.suffix.lower() not in SPREADSHEETS or name.startswith(".") or path.is_symlink():
                continue
            header = _header(path)
            named = [cell for cell in header or [] if words(cell) in RECOGNISED]
            if header is None:
                why = "a spreadsheet that wres cannot look inside"
            elif named:
                why = f"an HR extract (its columns include {', '.join(repr(c) for c in named[:3])})"
            else:
                continue
            found.append(Problem(display_path(path), 1, "", (
                f"this looks like {why}. Extracts hold personal data: keep them outside the project folder, "
                "where they cannot be committed or published, and import them from there with 'wres import'")))
    return found
