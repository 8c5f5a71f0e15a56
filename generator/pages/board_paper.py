"""What the board paper (the year's PDF) opens with: the cover sheet, the nine indicators on one page, key findings.

NHS boards read a paper's first two pages and decide whether to read on: the cover
sheet says which meeting it is for, why and what the board is asked to decide; the
summary table gives the nine indicators, this year against the last, with the verdict
of the direction of travel and the national figure; the key findings are one short
numbered statement each. Every figure and every verdict word is read from the site's
own :class:`~generator.pages.figures.FigureTable` and wording, never typed again, so the
paper and the website cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data import INDICATORS
from .figures import Figure, FigureTable, Headline, cell_text
from .travel import short_words
from .wording import points, ratio, score

# The national figure beside each kind of headline: the same measures the site's "National and comparator
# figures" line reads (FigureTable.benchmarks). Indicator 9's headline is the gap between board and workforce;
# NHS England publishes the board's share, so that is what stands beside it, said in words.
NATIONAL = {"representation": ("national_bme_share", "overall", ""),
            "likelihood": ("national_relative_likelihood", "", ""),
            "survey": ("national_bme", "", ""),
            "score": ("national_score_bme", "", ""),
            "board": ("national_board_bme_share", "voting", " of voting board members")}


@dataclass(frozen=True)
class SummaryRow:
    """One indicator's line in the summary table."""

    number: str  # the indicator as its standard numbers it: "3", "4a(i)"
    title: str
    this_year: str
    last_year: str
    movement: str
    verdict: str
    national: str


def movement(previous: Figure, current: Figure) -> str:
    """How far the figure moved, in its own unit, and which way: "0.53 lower", "2.1 percentage points higher".

    Computed from the unrounded values and rounded only here; whether the move is better or worse, or only
    chance, is the verdict's job (the direction of travel), not this column's.
    """
    change = current.value - previous.value
    if current.measure.endswith("relative_likelihood"):
        size = ratio(abs(change))
    elif current.measure.startswith("score_"):
        size = score(abs(change))
    else:
        size = points(abs(change), sign=False)
    if size in ("0.00", "0.0", "0.0 percentage points"):
        return "No change"
    return f"{size} {'higher' if change > 0 else 'lower'}"


def _verdict(h: Headline) -> str:
    if not h.available or not h.direction:
        return "No earlier figure" if h.available else "Not compared"
    return short_words(h.direction)


def _national(table: FigureTable, year: int, number: int) -> str:
    measure, breakdown, words = NATIONAL[INDICATORS[number].kind]
    figure = table.get(year, number, measure, breakdown)
    return figure.shown + words if figure is not None and figure.has_value else "Not given"


def summary_rows(table: FigureTable, year: int) -> list[SummaryRow]:
    """The nine indicators of ``year``: its headline, the latest earlier one, how far it moved, the verdict, national."""
    rows = []
    for number, spec in table.standard.indicators.items():
        if spec.kind == "narrative":  # words, not a figure: its own section gives them
            continue
        h = table.headline(number, year)
        previous = h.previous
        this_year = cell_text(h.figure, spec) if h.available else h.status_text
        if previous is None:
            last_year = "No earlier figure"
        elif previous.year == year - 1:
            last_year = cell_text(previous, spec)
        else:  # the latest earlier year with the figure, named, so a gap year is never read as last year
            last_year = f"{cell_text(previous, spec)} ({table.year_label(previous.year)})"
        moved = movement(previous, h.figure) if previous is not None and h.available else "Not compared"
        rows.append(SummaryRow(spec.id, spec.short_title, this_year, last_year, moved, _verdict(h),
                               _national(table, year, number)))
    return rows


def finding(h: Headline) -> str:
    """One indicator's key finding: its plain sentence (which holds the figure) and the verdict against its year."""
    if not h.available:
        return h.sentence
    if not h.direction:
        return f"{h.sentence} There is no earlier figure to compare it with."
    return f"{h.sentence} {short_words(h.direction)} since {h.compared_label}."
