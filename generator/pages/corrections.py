"""Corrections to published years: the notice on each page affected, and the corrections log.

As GOV.UK's Ethnicity facts and figures does, a correction says when, what and why, on
the year's report and on each indicator it changed, and every correction is listed on
one page, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..data import Correction, Dataset, Year
from .sections import safe_markdown
from .wording import long_date


@dataclass(frozen=True)
class Entry:
    year: Year
    correction: Correction

    @property
    def date_text(self) -> str:
        return long_date(self.correction.date)


def entries(dataset: Dataset, *, year: int | None = None, indicator: int | None = None) -> list[Entry]:
    """Corrections newest first, optionally only those of one year or touching one indicator."""
    found = [Entry(y, c) for y in dataset.years for c in y.corrections
             if (year is None or y.year == year) and (indicator is None or indicator in c.indicators)]
    return sorted(found, key=lambda e: (e.correction.date, e.year.year), reverse=True)


def indicators_text(correction: Correction) -> str:
    numbers = sorted(set(correction.indicators))
    words = ", ".join(str(n) for n in numbers[:-1]) + (" and " if len(numbers) > 1 else "") + str(numbers[-1])
    return f"indicator{'s' if len(numbers) > 1 else ''} {words}"


def notice(entry: Entry, root: str, *, show_year: bool = True) -> Markup:
    """One correction as a notice: a labelled box, with the editor's words sanitised."""
    where = f" to the {escape(entry.year.display_label)} figures" if show_year else ""
    title = f"Correction{where}, {entry.date_text} ({indicators_text(entry.correction)})"
    link = f'<p><a href="{root}corrections/">All corrections</a></p>'
    return Markup(
        f'<div class="wres-correction" role="note" aria-label="Correction">\n'
        f'<p class="wres-correction__title"><strong>{escape(title)}</strong></p>\n'
        f'<div class="wres-editor">\n<p><strong>What changed</strong></p>\n{safe_markdown(entry.correction.what)}\n'
        f"<p><strong>Why</strong></p>\n{safe_markdown(entry.correction.why)}\n</div>\n{link}\n</div>")
