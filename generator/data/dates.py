"""Dates written another way than YYYY-MM-DD: spotted, read, and shown back the way to write them.

Free text such as "Quarterly" or "Ongoing" is allowed where a timescale may be text;
text that is plainly a date in another form (31/07/2025, 31.07.25, July 31 2025) is
a mistake, because it could never be judged overdue.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
NUMERIC = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")  # day first, as the NHS writes dates
ISO_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})$", re.I)
MONTH_DAY = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$", re.I)


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) if ``text`` is a date written in a way other than YYYY-MM-DD."""
    text = text.strip()
    if match := NUMERIC.match(text):
        day, month, year = match.groups()
        return _year(year), int(month), int(day)
    if match := ISO_SLASHED.match(text):
        year, month, day = match.groups()
        return int(year), int(month), int(day)
    if match := DAY_MONTH.match(text):
        day, month, year = match.groups()
        return int(year), MONTHS[month.lower()], int(day)
    if match := MONTH_DAY.match(text):
        month, day, year = match.groups()
        return int(year), MONTHS[month.lower()], int(day)
    return None


def as_iso(text: str) -> str | None:
    """``text`` rewritten as YYYY-MM-DD, when it is a real date written another way."""
    parts = _parts(text)
    try:
        return dt.date(*parts).isoformat() if parts else None
    except ValueError:
        return None


def miswritten_date(text: str) -> str | None:
    """A plain-English correction when ``text`` looks like a date not written as YYYY-MM-DD, else None."""
    if _parts(text) is None:
        return None
    iso = as_iso(text)
    if iso is None:
        return f"'{text}' looks like a date but is not a real one; write dates as YYYY-MM-DD, e.g. 2025-07-31"
    return f"'{text}' looks like a date: write it as {iso} (YYYY-MM-DD) so it can be judged overdue"
