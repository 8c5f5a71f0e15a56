"""The representation indicator's rows: the organisation, its staff groups and their bands, with what is
withheld for privacy (WRES indicator 1, WDES metric 1), and the WDES declaration gap beside them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..data.indicators import Standard
from ..data.model import Counts, Indicator1, Settings, Year
from .disclosure import CATEGORIES, Pattern, protect
from .formulas import Figure, percentage
from .published import benchmark_rows, indicator_1_published_rows, typed_row
from .row import Row
from .rows import figure_row as _row
from .rows import not_available_row as _not_available
from .rows import suppressed_row as _suppressed
from .status import Status

# --- indicator 1 -----------------------------------------------------------


def _representation_rows(year: int, number: int, breakdown: str, counts: Counts, row: str, pattern: Pattern, *,
                         overall: bool, round_headcount: bool = False) -> Iterator[Row]:
    """The shares and headcount of one band, group or the organisation; ``pattern`` says which are withheld."""
    why = "no staff are recorded here"
    for category in CATEGORIES:
        measure = f"{category}_share"
        if pattern.cell(row, category):
            yield _suppressed(year, number, breakdown, measure)
        else:
            # base: the number behind the share, for the direction-of-travel test (never when the headcount is withheld)
            share = percentage(getattr(counts, category), counts.total, why_empty=why)
            yield replace(_row(year, number, breakdown, measure, share, "counts"),
                          base=None if row in pattern.headcounts else counts.total)
    if row in pattern.headcounts:
        yield _suppressed(year, number, breakdown, "headcount")
    else:
        # rounding half up to the nearest 5 (Python's round() would round half to even)
        shown = 5 * ((counts.total + 2) // 5) if round_headcount else counts.total
        yield Row(year, number, breakdown, "headcount", float(shown), source="counts")
    if overall:
        # (White + BME) / all gives the unknown count back, so any withheld cell withholds it
        if pattern.any_cell(row):
            yield _suppressed(year, number, breakdown, "declaration_rate")
        else:
            declared = percentage(counts.white + counts.bme, counts.total, why_empty=why)
            yield _row(year, number, breakdown, "declaration_rate", declared, "counts")


def _cells(counts: Counts) -> dict[str, int]:
    return {c: getattr(counts, c) for c in CATEGORIES}


def withheld_workforce(block: Indicator1 | None, settings: Settings) -> frozenset[str]:
    """The organisation's counts that indicator 1 withholds: indicators 3 and 4 must not use them to give them back."""
    total = block.total() if block is not None and block.published is None and not block.not_available else None
    if total is None:
        return frozenset()
    pattern = _overall_pattern(total, settings.suppression_threshold)
    return frozenset(c for c in CATEGORIES if pattern.cell("overall", c))


def _overall_pattern(total: Counts, threshold: int) -> Pattern:
    """The organisation's own row: no column sums around it, so a withheld count needs only a partner in the row."""
    return protect({"overall": _cells(total)}, threshold, column_totals=False)


def indicator_1_rows(year: int, block: Indicator1, settings: Settings, number: int = 1) -> Iterator[Row]:
    """The representation rows: the organisation, its staff groups and their bands, with what is withheld."""
    if block.not_available:
        yield _not_available(year, number, "overall", "bme_share", block.not_available)
        return
    yield from benchmark_rows(year, number, block)
    if block.published is not None:
        yield from indicator_1_published_rows(year, block.published, number)
        return
    total = block.total()
    if total is None:
        return
    threshold = settings.suppression_threshold
    # three tables: the organisation alone; the groups, which sum to it; each group's bands, which sum to the group
    overall_pattern = _overall_pattern(total, threshold)
    yield from _representation_rows(year, number, "overall", total, "overall", overall_pattern, overall=True,
                                    round_headcount=settings.round_headcounts)
    groups = block.groups()
    group_totals = {group: sum(bands.values(), Counts(white=0, bme=0, unknown=0)) for group, bands in groups.items()}
    # each level's rows must not add up again to what the level above withholds (its counts and its headcount)
    group_pattern = protect({group: _cells(counts) for group, counts in group_totals.items()}, threshold,
                            linked=frozenset(c for c in CATEGORIES if overall_pattern.cell("overall", c)),
                            total_linked="overall" in overall_pattern.headcounts)
    for group, bands in groups.items():
        yield from _representation_rows(year, number, group, group_totals[group], group, group_pattern, overall=False,
                                        round_headcount=settings.round_headcounts)
        linked = frozenset(c for c in CATEGORIES if group_pattern.cell(group, c))
        band_pattern = protect({label: _cells(counts) for label, counts in bands.items()}, threshold, linked=linked,
                               total_linked=group in group_pattern.headcounts)
        for label, counts in bands.items():
            yield from _representation_rows(year, number, f"{group}/{label}", counts, label, band_pattern, overall=False,
                                            round_headcount=settings.round_headcounts)


# --- the declaration gap (WDES) ------------------------------------------


def declaration_rows(year: Year, standard: Standard, number: int, rows: list[Row]) -> Iterator[Row]:
    """The share declaring the focus group in the staff survey beside the share on ESR, and the gap between them.

    Only a standard whose section gives ``survey_declaration`` has them (the WDES): far fewer staff declare a
    disability on ESR than in the survey, which weakens every workforce metric.
    """
    section = getattr(year, standard.section, None) if standard.section else None
    declared = getattr(section, "survey_declaration", None)
    if declared is None:
        return
    survey = replace(typed_row(year.year, number, "overall", "survey_declared_share", declared.share, "survey"),
                     base=declared.responses)
    yield survey
    esr = next((r for r in rows if r.indicator == number and r.breakdown == "overall" and r.measure == "bme_share"), None)
    if esr is None or esr.status is Status.NOT_AVAILABLE:
        yield _row(year.year, number, "overall", "declaration_gap",
                   Figure.cannot("there is no share declared on ESR this year"), "computed")
    elif esr.status is Status.SUPPRESSED:
        yield _suppressed(year.year, number, "overall", "declaration_gap", "computed")
    elif esr.value is not None:
        yield Row(year.year, number, "overall", "declaration_gap", survey.value - esr.value, source="computed")
