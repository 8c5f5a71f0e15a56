"""Rules that compare one figure with another, checked on the raw file data.

They run on the plain data rather than the validated model so that a file with
a typo in one place still has its other mistakes reported in the same run.
Values of the wrong type are skipped here: the shape check reports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .indicators import INDICATORS, WRES
from .yamlfile import Loc

Finding = tuple[Loc, str]
GROUPS = ("white", "bme", "unknown")

SURVEY_REQUIRED = ("white", "bme")
# the representation indicator: its staff groups' counts add up to the workforce the likelihoods may divide by
REPRESENTATION = next(spec for spec in WRES.indicators.values() if spec.kind == "representation")


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _counts(block: Any) -> dict[str, int | None] | None:
    """A counts mapping with usable numbers (missing unknown counts as 0, missing white as None), else None."""
    if not isinstance(block, dict):
        return None
    out = {g: _count(block.get(g, 0 if g == "unknown" else None)) for g in GROUPS}
    if out["bme"] is None or out["unknown"] is None or ("white" in block and out["white"] is None):
        return None
    return out


def indicator_1_total(block: Any) -> dict[str, int] | None:
    """Sum of every band of every staff group, if all are usable."""
    if not isinstance(block, dict):
        return None
    total = dict.fromkeys(GROUPS, 0)
    found = False
    for group in REPRESENTATION.count_keys:
        bands = block.get(group)
        if bands is None:
            continue
        if not isinstance(bands, dict):
            return None
        for counts in bands.values():
            usable = _counts(counts)
            if usable is None or usable["white"] is None:
                return None
            found = True
            for g in GROUPS:
                total[g] += usable[g]
    return total if found else None


def check_organisation(data: dict[str, Any]) -> Iterator[Finding]:
    band = (data.get("settings") or {}).get("equity_band") if isinstance(data.get("settings"), dict) else None
    if isinstance(band, list) and len(band) == 2 and all(isinstance(x, (int, float)) for x in band):
        low, high = band
        if not (0 < low < 1 < high):
            yield ("settings", "equity_band"), f"must be two numbers with 1 between them, lowest first (found {low} and {high})"


def check_year(data: dict[str, Any], file_year: int | None) -> Iterator[Finding]:
    year = data.get("year")
    if file_year is not None and isinstance(year, int) and year != file_year:
        yield ("year",), f"says {year} but the file is named {file_year}.yaml; they must agree"
    survey = data.get("survey_year")
    if isinstance(year, int) and isinstance(survey, int) and survey > year:
        yield ("survey_year",), f"the staff survey ({survey}) cannot be later than the WRES year ({year})"
    workforce = data.get(REPRESENTATION.key)
    for number, spec in WRES.indicators.items():
        key = spec.key
        block = data.get(key)
        if isinstance(block, dict):
            yield from _check_block(number, key, block, workforce)
            yield from _check_not_empty(key, block)
            if spec.kind == "likelihood":
                yield from _check_proportions(number, key, block, workforce)
    if isinstance(data.get("narrative"), dict):
        yield from _check_narrative(data["narrative"], year)


def _check_narrative(narrative: dict[str, Any], year: Any) -> Iterator[Finding]:
    if narrative.get("foreword_signatory") is not None and not narrative.get("foreword"):
        yield ("narrative", "foreword_signatory"), "there is no foreword to sign: add the foreword, or remove its signatory"
    approved = narrative.get("board_approved")
    if isinstance(approved, dt.date) and isinstance(year, int) and approved < dt.date(year, 3, 31):
        yield ("narrative", "board_approved"), (f"{approved} is before 31 March {year}, the date of the figures the board "
                                                "approved; check the year")


# The survey's comparator_average is older than the comparator name was required: files that give it
# without a name keep loading (the site then says "Comparator"). The newer comparator blocks need the name.
COMPARATOR_KEYS = ("comparator",)


def check_comparator_named(data: dict[str, Any], comparator: str | None) -> Iterator[Finding]:
    """Comparator figures need the comparator group's name, or readers cannot tell what they are compared with."""
    if comparator:
        return
    for spec in WRES.indicators.values():
        key = spec.key
        block = data.get(key)
        if isinstance(block, dict):
            for found in (k for k in COMPARATOR_KEYS if k in block):
                yield (key, found), ("comparator figures need the comparator group's name: set comparator in "
                                     "data/organisation.yaml, e.g. comparator: Acute trusts in London")


def _check_not_empty(key: str, block: dict[str, Any]) -> Iterator[Finding]:
    """A published, national or comparator block needs at least one figure: an empty one is a half-finished edit."""
    for part in ("published", "national", "comparator"):
        inner = block.get(part)
        if isinstance(inner, dict) and not [k for k in inner if k != "source"]:
            yield (key, part), "has no figures: give at least one, or remove it"


def _gives_the_ratio(number: int, block: dict[str, Any], indicator_1: Any) -> bool:
    """Whether the counts alone give the relative likelihood, so a published one would contradict them."""
    spec = INDICATORS[number]
    denominator = spec.denominator_key
    has_denominator = denominator in block or (denominator == "workforce" and indicator_1_total(indicator_1) is not None)
    return spec.numerator_key in block and has_denominator


def _check_block(number: int, key: str, block: dict[str, Any], indicator_1: Any) -> Iterator[Finding]:
    spec = INDICATORS[number]
    figure_keys = spec.count_keys or ("white", "bme", "responses", "national_average", "comparator_average")
    figures = [k for k in figure_keys if k in block]
    if "not_available" in block and (figures or "published" in block):
        shown = ", ".join(figures + (["published"] if "published" in block else []))
        yield (key, "not_available"), f"the indicator is marked not available but also has figures ({shown}); keep one or the other"
        return
    # Partial counts of indicators 2-4 may stand beside published figures; counts that give the ratio may not.
    partial_ok = spec.kind == "likelihood" and not _gives_the_ratio(number, block, indicator_1)
    if "published" in block and figures and not partial_ok:
        yield (key, "published"), f"give counts or published figures, not both (counts found: {', '.join(figures)})"
        return
    if "not_available" in block or "published" in block or "missing_reason" in block:
        return
    if spec.required_counts:
        required = spec.required_counts
        for missing in (k for k in required if k not in block):
            yield (key,), (f"{missing} is missing: give {' and '.join(required)}, or published figures, "
                           "or not_available or missing_reason with a reason")
    elif spec.kind == "survey":
        if "bme" not in block:
            yield (key,), ("bme is missing: give the BME percentage (and the White one if it was published), "
                           "or not_available or missing_reason with a reason")
    elif spec.kind == "representation" and not figures:
        yield (key,), "give counts for at least one staff group, or published figures, or not_available with a reason"


def _check_proportions(number: int, key: str, block: dict[str, Any], indicator_1: Any) -> Iterator[Finding]:
    """A numerator can never exceed its denominator, group by group.

    A missing workforce is not a mistake: the metrics say which figures cannot be computed without it.
    """
    if "not_available" in block:
        return
    spec = INDICATORS[number]
    denominator_key, numerator_key, words = spec.denominator_key, spec.numerator_key, spec.exceeds
    numerator = _counts(block.get(numerator_key))
    if numerator is None:
        return
    denominator = _counts(block.get(denominator_key))
    from_indicator_1 = False
    if denominator is None and denominator_key == "workforce" and "workforce" not in block:
        denominator = indicator_1_total(indicator_1)
        from_indicator_1 = True
    if denominator is None:
        return
    for group in GROUPS:
        n, d = numerator[group], denominator[group]
        if n is not None and d is not None and n > d:
            message = words.format(n=n, d=d)
            if from_indicator_1:
                message += " (the workforce is taken from the indicator 1 totals)"
            yield (key, numerator_key, group), message
