"""The metrics engine: one pure function from a validated :class:`Dataset` to a tidy table.

Every figure the site shows is a row of this table, computed on unrounded
values. Disclosure control happens here, so a suppressed figure has no value
anywhere downstream.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..data import INDICATORS
from ..data.indicators import STANDARDS, Indicator, Standard
from ..data.model import (
    Counts,
    Dataset,
    Indicator9,
    Organisation,
    Settings,
    SurveyIndicator,
    Terminology,
    Year,
)
from .formulas import (
    Figure,
    in_band,
    is_small,
    percentage,
    places_that_divide,
    relative_likelihood,
)
from .published import benchmark_rows, typed_row
from .representation import declaration_rows, indicator_1_rows, withheld_workforce
from .row import Metrics, Row, normalised
from .rows import figure_row as _row
from .rows import not_available_row as _not_available
from .rows import suppressed_row as _suppressed
from .status import Status
from .travel import add_directions

# --- indicators 2-4 --------------------------------------------------------


def _representation(spec: Indicator) -> Indicator:
    """The representation indicator of ``spec``'s standard: its counts are the workforce."""
    return next(s for s in STANDARDS[spec.standard].indicators.values() if s.kind == "representation")


def _people(group: str, spec: Indicator, terms: Terminology) -> str:
    """"White applicants", in the organisation's own words; the unknown group reads as the standard's phrase."""
    if group == "unknown":
        return STANDARDS[spec.standard].unknown_people.format(people=spec.people)
    return f"{terms.white if group == 'white' else terms.bme} {spec.people}"


def likelihood_rows(year: int, number: int, block, workforce: Counts | None, settings: Settings,
                    terms: Terminology, withheld: frozenset[str] = frozenset()) -> Iterator[Row]:
    """Likelihoods and the relative likelihood: from counts where they allow, else as published, else why not."""
    if block.not_available:
        yield _not_available(year, number, "", "relative_likelihood", block.not_available)
        return
    yield from benchmark_rows(year, number, block)
    rows = dict(_counted_likelihoods(year, number, block, workforce, settings, terms, withheld))
    published = block.published
    if published is not None:
        for measure in LIKELIHOOD_MEASURES:
            value = getattr(published, measure, None)
            if value is not None:
                rows[measure] = typed_row(year, number, "", measure, value, "published")
        if "relative_likelihood" not in rows or rows["relative_likelihood"].value is None:
            computed = _ratio_of_likelihoods(year, number, rows)
            if computed is not None:
                rows["relative_likelihood"] = computed
    _show_likelihoods_that_divide(number, rows)
    for measure in (*LIKELIHOOD_MEASURES[:2], "likelihood_unknown", "relative_likelihood"):
        if measure in rows:
            row = rows[measure]
            if measure == "relative_likelihood" and row.value is not None:
                row = replace(row, in_equity_band=in_band(row.value, settings.equity_band))
            yield row


LIKELIHOOD_MEASURES = ("likelihood_white", "likelihood_bme", "relative_likelihood")


def _show_likelihoods_that_divide(number: int, rows: dict[str, Row]) -> None:
    """Give the likelihoods computed from counts the decimal places at which they divide to the ratio shown."""
    spec = INDICATORS[number]
    top, bottom = rows.get(f"likelihood_{spec.top_group}"), rows.get(f"likelihood_{spec.bottom_group}")
    rl = rows.get("relative_likelihood")
    if any(r is None or r.value is None or r.source != "counts" for r in (top, bottom, rl)):
        return
    places = places_that_divide(top.value, bottom.value, rl.value)
    for measure in ("likelihood_white", "likelihood_bme", "likelihood_unknown"):
        if measure in rows and rows[measure].value is not None and rows[measure].source == "counts":
            rows[measure] = replace(rows[measure], decimals=places)


def _ratio_of_likelihoods(year: int, number: int, rows: dict[str, Row]) -> Row | None:
    """The relative likelihood from two likelihoods that were published (or computed), when no ratio was given."""
    spec = INDICATORS[number]
    top, bottom = rows.get(f"likelihood_{spec.top_group}"), rows.get(f"likelihood_{spec.bottom_group}")
    if top is None or bottom is None or top.value is None or bottom.value is None:
        return None
    if bottom.value == 0:
        return _row(year, number, "", "relative_likelihood", Figure.cannot("the lower likelihood is 0"), "computed")
    return Row(year, number, "", "relative_likelihood", top.value / bottom.value, source="computed")


def _counted_likelihoods(year: int, number: int, block, workforce: Counts | None, settings: Settings,
                         terms: Terminology, withheld: frozenset[str]) -> Iterator[tuple[str, Row]]:
    spec = INDICATORS[number]
    counted_in = "were shortlisted" if spec.denominator_key == "shortlisted" else "were in the workforce"
    events = getattr(block, spec.numerator_key)
    population = getattr(block, spec.denominator_key) if spec.denominator_key != "workforce" else (block.workforce or workforce)
    if events is None:
        return
    # a workforce count indicator 1 withholds stays withheld here: a likelihood over it would lead back to it
    from_indicator_1 = spec.denominator_key == "workforce" and block.workforce is None
    if population is None:
        # Partial counts: say why nothing can be computed from them, rather than refusing the file.
        why = (f"the workforce is not given and {_representation(spec).label.lower()} has no counts this year"
               if spec.denominator_key == "workforce"
               else f"the {spec.denominator_key} counts are not given")
        for measure in LIKELIHOOD_MEASURES:
            yield measure, _row(year, number, "", measure, Figure.cannot(why), "counts")
        return
    threshold = settings.suppression_threshold
    hidden, absent = {}, {}
    for group in ("white", "bme", "unknown"):
        n, d = getattr(events, group), getattr(population, group)
        measure = f"likelihood_{group}"
        absent[group] = n is None or d is None
        if absent[group]:
            yield measure, _row(year, number, "", measure, Figure.cannot(f"no {terms.white if group == 'white' else terms.bme} count was given"), "counts")
            continue
        hidden[group] = is_small(n, threshold) or is_small(d, threshold) or (from_indicator_1 and group in withheld)
        if hidden[group]:
            yield measure, _suppressed(year, number, "", measure)
        else:
            why = f"no {_people(group, spec, terms)} {counted_in}"
            yield measure, _row(year, number, "", measure, percentage(n, d, why_empty=why), "counts")
    if absent["white"] or absent["bme"]:
        missing = terms.white if absent["white"] else terms.bme
        yield "relative_likelihood", _row(year, number, "", "relative_likelihood",
                                          Figure.cannot(f"no {missing} count was given"), "counts")
        return
    if hidden["white"] or hidden["bme"]:
        yield "relative_likelihood", _suppressed(year, number, "", "relative_likelihood")
        return
    top, bottom = spec.top_group, spec.bottom_group
    figure = relative_likelihood(
        getattr(events, top), getattr(population, top), getattr(events, bottom), getattr(population, bottom),
        why=(f"no {_people(top, spec, terms)} {counted_in}",
             f"no {_people(bottom, spec, terms)} {counted_in}",
             f"no {_people(bottom, spec, terms)} {spec.event}, so there is nothing to compare with"),
    )
    yield "relative_likelihood", _row(year, number, "", "relative_likelihood", figure, "counts")


# --- indicators 5-8 --------------------------------------------------------


def survey_rows(year: int, number: int, block: SurveyIndicator, terms: Terminology) -> Iterator[Row]:
    if block.not_available:
        yield _not_available(year, number, "", "bme", block.not_available)
        return
    if block.white is not None:
        yield typed_row(year, number, "", "white", block.white, "survey")
    if block.bme is not None:
        yield replace(typed_row(year, number, "", "bme", block.bme, "survey"),
                      base=block.responses.bme if block.responses is not None else None)
        if block.white is not None:
            yield Row(year, number, "", "gap", block.bme - block.white, source="survey")
        elif not INDICATORS[number].focus_only:  # a question asked of one group has no gap to compute
            yield _row(year, number, "", "gap", Figure.cannot(f"no {terms.white} percentage was given"), "survey")
    if block.responses is not None:
        for group in ("white", "bme"):
            if getattr(block.responses, group) is not None:
                yield Row(year, number, "", f"responses_{group}", float(getattr(block.responses, group)), source="survey")
    for prefix, averages in (("national", block.national_average), ("comparator", block.comparator_average)):
        if averages is not None:
            for group in ("white", "bme"):
                if getattr(averages, group) is not None:
                    yield typed_row(year, number, "", f"{prefix}_{group}", getattr(averages, group), "survey")


# --- scores (WDES 9a) -----------------------------------------------------


def score_rows(year: int, number: int, block, terms: Terminology) -> Iterator[Row]:
    """Engagement scores (0-10) as the survey published them, and the gap between the groups' scores."""
    if block.not_available:
        yield _not_available(year, number, "", "score_bme", block.not_available)
        return
    for group in ("white", "bme", "overall"):
        if getattr(block, group) is not None:
            yield typed_row(year, number, "", f"score_{group}", getattr(block, group), "survey")
    if block.bme is not None:
        if block.white is not None:
            yield Row(year, number, "", "score_gap", block.bme - block.white, source="survey")
        else:
            yield _row(year, number, "", "score_gap", Figure.cannot(f"no {terms.white} score was given"), "survey")
    if block.national_average is not None:
        for group in ("white", "bme"):
            if getattr(block.national_average, group) is not None:
                yield typed_row(year, number, "", f"national_score_{group}", getattr(block.national_average, group), "survey")


# --- indicator 9 -----------------------------------------------------------


def board_rows(year: int, block: Indicator9, workforce_share: Row | None, terms: Terminology,
               number: int) -> Iterator[Row]:
    if block.not_available:
        yield _not_available(year, number, "voting", "difference", block.not_available)
        return
    yield from benchmark_rows(year, number, block)
    published = block.published
    if published is not None and published.workforce_bme_share is not None:
        # the share the report compared its board with wins over indicator 1's
        workforce_share = typed_row(year, number, "overall", "workforce_bme_share", published.workforce_bme_share, "published")
        yield workforce_share
    elif workforce_share is not None:
        workforce_share = replace(workforce_share, indicator=number, measure="workforce_bme_share", direction="", movement="",
                                  compared_with=None)
        yield workforce_share
    shares: list[tuple[str, Figure, Row | None]] = []
    if published is not None:
        for breakdown in ("voting", "executive"):
            value = getattr(published, f"{breakdown}_bme_share")
            if value is not None:
                shares.append((breakdown, Figure(float(value)), typed_row(year, number, breakdown, "board_bme_share", value, "published")))
    else:
        for breakdown in ("voting", "executive"):
            counts: Counts | None = getattr(block, breakdown)
            if counts is not None:
                why = f"no {breakdown} board members are recorded"
                shares.append((breakdown, percentage(counts.bme, counts.total, why_empty=why), None))
    for breakdown, share, typed in shares:
        base = getattr(getattr(block, breakdown), "total", None) if typed is None else None
        yield typed or replace(_row(year, number, breakdown, "board_bme_share", share, "counts"), base=base)
        # only counts on both sides make a difference "from counts"; anything else is computed from published figures
        both_counts = typed is None and getattr(workforce_share, "source", "") == "counts"
        diff_source = "counts" if both_counts else "computed"
        if workforce_share is None or workforce_share.status is Status.NOT_AVAILABLE:
            yield _row(year, number, breakdown, "difference",
                       Figure.cannot(f"the workforce {terms.bme} share ({_representation(INDICATORS[number]).label.lower()}) "
                                     "is not available this year"), diff_source)
        elif workforce_share.status is Status.SUPPRESSED:
            yield _suppressed(year, number, breakdown, "difference", diff_source)
        elif share.value is None or workforce_share.value is None:
            yield _row(year, number, breakdown, "difference", _reason_of(share, workforce_share), diff_source)
        else:
            yield Row(year, number, breakdown, "difference", share.value - workforce_share.value, source=diff_source)


def _reason_of(share: Figure, workforce_share: Row) -> Figure:
    """No difference: for the reason the board share has none, else the reason the workforce share has none."""
    missing = share if share.status is not Status.SHOWN else workforce_share
    return Figure(None, status=missing.status, reason=missing.reason)


# --- the table -------------------------------------------------------------


def year_rows(year: Year, organisation: Organisation) -> list[Row]:
    """Every figure of one year: each standard's indicators in its order, each computed as its kind says."""
    return [row for standard in STANDARDS.values() for row in standard_rows(year, standard, organisation)]


def standard_rows(year: Year, standard: Standard, organisation: Organisation) -> list[Row]:
    settings, terms = organisation.settings, organisation.terminology_for(standard.id)
    rows: list[Row] = []
    indicators = standard.indicators
    representation = next((n for n, spec in indicators.items() if spec.kind == "representation"), None)
    workforce_block = year.indicator(representation) if representation is not None else None
    workforce = workforce_block.total() if workforce_block is not None else None
    withheld = withheld_workforce(workforce_block, settings)
    for number, spec in indicators.items():
        block = year.indicator(number)
        if block is None:
            continue
        if spec.kind == "representation":
            rows.extend(indicator_1_rows(year.year, block, settings, number))
            rows.extend(declaration_rows(year, standard, number, rows))
        elif spec.kind == "likelihood":
            rows.extend(likelihood_rows(year.year, number, block, workforce, settings, terms, withheld))
        elif spec.kind == "survey":
            rows.extend(survey_rows(year.year, number, block, terms))
        elif spec.kind == "score":
            rows.extend(score_rows(year.year, number, block, terms))
        elif spec.kind == "board":
            overall_share = next((r for r in rows if r.indicator == representation
                                  and r.breakdown == "overall" and r.measure == "bme_share"), None)
            rows.extend(board_rows(year.year, block, overall_share, terms, number))
        # a narrative indicator has no figures: the pages show the organisation's words
    return rows


def compute_metrics(dataset: Dataset) -> Metrics:
    """Every figure for every year, one row each, in a stable order."""
    settings = dataset.organisation.settings
    rows = [row for year in dataset.years for row in year_rows(year, dataset.organisation)]
    breaks = {(year.year, number): reason for year in dataset.years for number in INDICATORS
              if (reason := getattr(year.indicator(number), "series_break", None))}
    return Metrics(normalised(row) for row in add_directions(rows, settings, breaks))


def write_csv(metrics: Metrics, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(metrics.to_csv(), encoding="utf-8")
