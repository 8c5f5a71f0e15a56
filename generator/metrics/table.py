"""The metrics engine: one pure function from a validated :class:`Dataset` to a tidy table.

Every figure the site shows is a row of this table, computed on unrounded
values. Disclosure control happens here, so a suppressed figure has no value
anywhere downstream.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path

import pandas as pd

from ..data import INDICATORS
from ..data.model import Counts, Dataset, Indicator1, Indicator9, Organisation, Settings, SurveyIndicator, Terminology, Year
from .formulas import Figure, in_band, is_small, percentage, relative_likelihood
from .row import COLUMNS, EXTRA_COLUMNS, Row
from .travel import add_directions

SUPPRESSED = "suppressed"



def _row(year: int, indicator: int, breakdown: str, measure: str, figure: Figure, source: str) -> Row:
    return Row(year, indicator, breakdown, measure, figure.value, figure.ci_low, figure.ci_high,
               source=source, note=figure.note)


def _suppressed(year: int, indicator: int, breakdown: str, measure: str, source: str = "counts") -> Row:
    return Row(year, indicator, breakdown, measure, None, source=source, note=SUPPRESSED)


def _not_available(year: int, indicator: int, breakdown: str, measure: str, reason: str) -> Row:
    return Row(year, indicator, breakdown, measure, None, note=f"not_available: {reason}")


def _any_small(counts: Counts, threshold: int) -> bool:
    return any(is_small(n, threshold) for n in (counts.white, counts.bme, counts.unknown))


# --- indicator 1 -----------------------------------------------------------


def _representation_rows(year: int, breakdown: str, counts: Counts, threshold: int, *, overall: bool) -> Iterator[Row]:
    hidden = _any_small(counts, threshold)
    why = "no staff are recorded here"
    for measure, part in (("white_share", counts.white), ("bme_share", counts.bme), ("unknown_share", counts.unknown)):
        if hidden:
            yield _suppressed(year, 1, breakdown, measure)
        else:
            yield _row(year, 1, breakdown, measure, percentage(part, counts.total, why_empty=why), "counts")
    if is_small(counts.total, threshold):
        yield _suppressed(year, 1, breakdown, "headcount")
    else:
        yield Row(year, 1, breakdown, "headcount", float(counts.total), source="counts")
    if overall:
        if hidden:
            yield _suppressed(year, 1, breakdown, "declaration_rate")
        else:
            declared = percentage(counts.white + counts.bme, counts.total, why_empty=why)
            yield _row(year, 1, breakdown, "declaration_rate", declared, "counts")


def indicator_1_rows(year: int, block: Indicator1, settings: Settings) -> Iterator[Row]:
    if block.not_available:
        yield _not_available(year, 1, "overall", "bme_share", block.not_available)
        return
    if block.published is not None:
        if block.published.white_share is not None:
            yield Row(year, 1, "overall", "white_share", block.published.white_share, source="published")
        yield Row(year, 1, "overall", "bme_share", block.published.bme_share, source="published")
        return
    total = block.total()
    if total is None:
        return
    threshold = settings.suppression_threshold
    yield from _representation_rows(year, "overall", total, threshold, overall=True)
    for group, bands in block.groups().items():
        group_total = Counts(white=0, bme=0, unknown=0)
        for counts in bands.values():
            group_total = group_total + counts
        yield from _representation_rows(year, group, group_total, threshold, overall=False)
        for label, counts in bands.items():
            yield from _representation_rows(year, f"{group}/{label}", counts, threshold, overall=False)


# --- indicators 2-4 --------------------------------------------------------


def _people(group: str, people: str, terms: Terminology) -> str:
    """"White applicants", in the organisation's own words; unknown ethnicity reads as a phrase."""
    if group == "unknown":
        return f"{people} of unknown ethnicity"
    return f"{terms.white if group == 'white' else terms.bme} {people}"


def likelihood_rows(year: int, number: int, block, workforce: Counts | None, settings: Settings,  # noqa: ANN001
                    terms: Terminology) -> Iterator[Row]:
    spec = INDICATORS[number]
    counted_in = "were shortlisted" if spec.denominator_key == "shortlisted" else "were in the workforce"
    if block.not_available:
        yield _not_available(year, number, "", "relative_likelihood", block.not_available)
        return
    if block.published is not None:
        value = block.published.relative_likelihood
        yield Row(year, number, "", "relative_likelihood", value, source="published",
                  in_equity_band=in_band(value, settings.equity_band))
        return
    events: Counts | None = getattr(block, spec.numerator_key)
    population: Counts | None = getattr(block, spec.denominator_key) if spec.denominator_key != "workforce" else (block.workforce or workforce)
    if events is None or population is None:
        return
    threshold = settings.suppression_threshold
    hidden = {}
    for group in ("white", "bme", "unknown"):
        n, d = getattr(events, group), getattr(population, group)
        hidden[group] = is_small(n, threshold) or is_small(d, threshold)
        measure = f"likelihood_{group}"
        if hidden[group]:
            yield _suppressed(year, number, "", measure)
        else:
            why = f"no {_people(group, spec.people, terms)} {counted_in}"
            yield _row(year, number, "", measure, percentage(n, d, why_empty=why), "counts")
    if hidden["white"] or hidden["bme"]:
        yield _suppressed(year, number, "", "relative_likelihood")
        return
    top, bottom = spec.top_group, spec.bottom_group
    figure = relative_likelihood(
        getattr(events, top), getattr(population, top), getattr(events, bottom), getattr(population, bottom),
        why=(f"no {_people(top, spec.people, terms)} {counted_in}",
             f"no {_people(bottom, spec.people, terms)} {counted_in}",
             f"no {_people(bottom, spec.people, terms)} {spec.event}, so there is nothing to compare with"),
    )
    row = _row(year, number, "", "relative_likelihood", figure, "counts")
    if figure.value is not None:
        row = replace(row, in_equity_band=in_band(figure.value, settings.equity_band))
    yield row


# --- indicators 5-8 --------------------------------------------------------


def survey_rows(year: int, number: int, block: SurveyIndicator) -> Iterator[Row]:
    if block.not_available:
        yield _not_available(year, number, "", "bme", block.not_available)
        return
    if block.white is None or block.bme is None:
        return
    yield Row(year, number, "", "white", block.white, source="survey")
    yield Row(year, number, "", "bme", block.bme, source="survey")
    yield Row(year, number, "", "gap", block.bme - block.white, source="survey")
    for prefix, averages in (("national", block.national_average), ("comparator", block.comparator_average)):
        if averages is not None:
            yield Row(year, number, "", f"{prefix}_white", averages.white, source="survey")
            yield Row(year, number, "", f"{prefix}_bme", averages.bme, source="survey")


# --- indicator 9 -----------------------------------------------------------


def board_rows(year: int, block: Indicator9, workforce_share: Row | None, terms: Terminology) -> Iterator[Row]:
    if block.not_available:
        yield _not_available(year, 9, "voting", "difference", block.not_available)
        return
    if workforce_share is not None:
        yield replace(workforce_share, indicator=9, measure="workforce_bme_share", direction="", compared_with=None)
    shares: list[tuple[str, Figure, str]] = []
    if block.published is not None:
        shares.append(("voting", Figure(block.published.voting_bme_share), "published"))
        if block.published.executive_bme_share is not None:
            shares.append(("executive", Figure(block.published.executive_bme_share), "published"))
    else:
        for breakdown in ("voting", "executive"):
            counts: Counts | None = getattr(block, breakdown)
            if counts is not None:
                why = f"no {breakdown} board members are recorded"
                shares.append((breakdown, percentage(counts.bme, counts.total, why_empty=why), "counts"))
    for breakdown, share, source in shares:
        yield _row(year, 9, breakdown, "board_bme_share", share, source)
        diff_source = "published" if "published" in (source, getattr(workforce_share, "source", "")) else "counts"
        if workforce_share is None or workforce_share.note.startswith("not_available"):
            yield _row(year, 9, breakdown, "difference",
                       Figure.cannot(f"the workforce {terms.bme} share (indicator 1) is not available this year"), diff_source)
        elif workforce_share.note == SUPPRESSED:
            yield _suppressed(year, 9, breakdown, "difference", diff_source)
        elif share.value is None or workforce_share.value is None:
            yield _row(year, 9, breakdown, "difference", Figure(None, note=share.note or workforce_share.note), diff_source)
        else:
            yield Row(year, 9, breakdown, "difference", share.value - workforce_share.value, source=diff_source)


# --- the table -------------------------------------------------------------


def year_rows(year: Year, organisation: Organisation) -> list[Row]:
    settings, terms = organisation.settings, organisation.terminology
    rows: list[Row] = []
    if year.indicator_1 is not None:
        rows.extend(indicator_1_rows(year.year, year.indicator_1, settings))
    workforce = year.indicator_1.total() if year.indicator_1 is not None else None
    for number in (2, 3, 4):
        block = year.indicator(number)
        if block is not None:
            rows.extend(likelihood_rows(year.year, number, block, workforce, settings, terms))
    for number in (5, 6, 7, 8):
        block = year.indicator(number)
        if block is not None:
            rows.extend(survey_rows(year.year, number, block))  # type: ignore[arg-type]
    if year.indicator_9 is not None:
        overall_share = next((r for r in rows if r.indicator == 1 and r.breakdown == "overall" and r.measure == "bme_share"), None)
        rows.extend(board_rows(year.year, year.indicator_9, overall_share, terms))
    return rows


def compute_metrics(dataset: Dataset) -> pd.DataFrame:
    """Every figure for every year, one row each, in a stable order."""
    settings = dataset.organisation.settings
    rows = [row for year in dataset.years for row in year_rows(year, dataset.organisation)]
    rows = add_directions(rows, settings)
    frame = pd.DataFrame([asdict(r) for r in rows], columns=COLUMNS + EXTRA_COLUMNS)
    frame = frame.astype({"year": "int64", "indicator": "int64", "value": "float64", "ci_low": "float64", "ci_high": "float64"})
    frame["compared_with"] = frame["compared_with"].astype("Int64")
    frame["in_equity_band"] = frame["in_equity_band"].astype("boolean")
    return frame


def to_csv(frame: pd.DataFrame) -> str:
    """The published CSV: exactly :data:`COLUMNS`, unrounded, empty cells for no value."""
    return frame[COLUMNS].to_csv(index=False, lineterminator="\n", na_rep="")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv(frame), encoding="utf-8")
