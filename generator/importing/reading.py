"""Reading an extract: checked by size and first bytes before pandas sees it, then only the needed columns.

A CSV (UTF-8, or Windows-1252 as Excel saves it; comma, semicolon or tab) or an Excel workbook
(``.xlsx``, read by pandas with openpyxl). Anything else is refused with what it looks like.
Rows are numbered as a spreadsheet shows them: the header is row 1, the first person row 2.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..data.errors import DataError, Problem
from ..data.yamlfile import display_path
from .columns import Columns, Kind, resolve

MAX_BYTES = 100_000_000  # a trust of 30,000 staff is about 3 MB of CSV; 1 GB is a wrong file, not an extract
XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True)
class Extract:
    """The needed columns of one extract (every cell as text), and what the provenance says of the file."""

    frame: pd.DataFrame
    columns: Columns
    name: str
    sha256: str
    rows: int


def _refuse(path: Path, message: str) -> DataError:
    return DataError([Problem(display_path(path), 1, "", message)])


def _raw(path: Path) -> bytes:
    if not path.is_file():
        raise _refuse(path, "there is no such file" if not path.exists() else "this is a folder, not a spreadsheet")
    size = path.stat().st_size
    if size > MAX_BYTES:
        shown = f"{size / 1_000_000_000:.1f} GB" if size >= 1_000_000_000 else f"{size / 1_000_000:.0f} MB"
        raise _refuse(path, f"the file is {shown}; an extract can be at most {MAX_BYTES // 1_000_000} MB (30,000 staff make about 3 MB). "
                      "Is it the right file? Export only the columns the import needs.")
    if size == 0:
        raise _refuse(path, "the file is empty: export the extract again")
    return path.read_bytes()


def _csv_encoding(raw: bytes, path: Path) -> str:
    head = raw[:65536]
    if b"\x00" in head or head.startswith(b"%PDF"):
        raise _refuse(path, "this is not a spreadsheet: save the extract as CSV or as an Excel workbook (.xlsx)")
    try:
        raw.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        raise _refuse(path, "this is not a spreadsheet: its text is neither UTF-8 nor Windows-1252; "
                            "save the extract as CSV (UTF-8) or as an Excel workbook (.xlsx)") from None


def _separator(raw: bytes) -> str:
    first = raw.split(b"\n", 1)[0]
    return max((",", ";", "\t"), key=lambda sep: first.count(sep.encode()))


def read_extract(path: Path, kind: Kind, maps: dict[str, str], sheet: str | None, wdes: bool = False) -> Extract:
    """The extract's needed columns, or a :class:`DataError` saying every reason it cannot be read.

    ``wdes``: the project publishes the WDES, so a disability column is read when the extract has one.
    """
    raw = _raw(path)
    where = display_path(path)
    try:
        if raw.startswith(XLSX_MAGIC):
            header, read = _excel(raw, path, sheet)
        elif raw.startswith(OLD_EXCEL_MAGIC):
            raise _refuse(path, "this is an old Excel workbook (.xls): save it as .xlsx or CSV and import that")
        else:
            if sheet is not None:
                raise _refuse(path, f"--sheet {sheet}: a CSV file has no sheets; leave --sheet out")
            header, read = _csv(raw, path)
    except (pd.errors.ParserError, ValueError) as exc:
        raise _refuse(path, f"this CSV cannot be read: {str(exc).strip().splitlines()[-1]}") from None
    columns, missing = resolve(kind, header, maps, wdes)
    if columns is None:
        shown = ", ".join(f'"{c}"' for c in header[:40]) + (" ..." if len(header) > 40 else "")
        raise DataError([Problem(where, 1, "", f"{m} (the file's columns are {shown})") for m in missing])
    try:
        frame = read(columns.wanted()).fillna("")
    except (pd.errors.ParserError, ValueError) as exc:
        raise _refuse(path, f"this CSV cannot be read: {str(exc).strip().splitlines()[-1]}") from None
    if frame.empty:
        raise _refuse(path, "the file has a header but no rows: export the extract again")
    return Extract(frame, columns, path.name, hashlib.sha256(raw).hexdigest(), len(frame))


def _csv(raw: bytes, path: Path):  # noqa: ANN202 - (header, reader of the named columns)
    encoding, sep = _csv_encoding(raw, path), _separator(raw)
    try:
        header = [str(c) for c in pd.read_csv(io.BytesIO(raw), sep=sep, encoding=encoding, nrows=0).columns]
    except pd.errors.EmptyDataError:
        raise _refuse(path, "the file is empty: export the extract again") from None

    def read(wanted: list[str]) -> pd.DataFrame:
        return pd.read_csv(io.BytesIO(raw), sep=sep, encoding=encoding, usecols=wanted, dtype=str,
                           keep_default_na=False, engine="c")
    return header, read


def _excel(raw: bytes, path: Path, sheet: str | None):  # noqa: ANN202
    try:
        book = pd.ExcelFile(io.BytesIO(raw), engine="openpyxl")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise _refuse(path, "this is not a spreadsheet: it is a zip file but not an Excel workbook (.xlsx)") from None
    names = [str(n) for n in book.sheet_names]
    if sheet is not None and sheet not in names:
        raise _refuse(path, f"there is no sheet named \"{sheet}\"; the sheets are {', '.join(repr(n) for n in names)}")
    chosen = sheet if sheet is not None else names[0]
    header = [str(c) for c in pd.read_excel(book, sheet_name=chosen, nrows=0).columns]

    def read(wanted: list[str]) -> pd.DataFrame:
        return pd.read_excel(book, sheet_name=chosen, usecols=lambda c: str(c) in wanted, dtype=str, keep_default_na=False)
    return header, read
