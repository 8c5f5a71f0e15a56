"""Rules that compare one figure with another, checked on the raw file data.

They run on the plain data rather than the validated model so that a file with
a typo in one place still has its other mistakes reported in the same run.
Values of the wrong type are skipped here: the shape check reports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .indicators import STANDARDS, Indicator, Standard
from .model import Organisation, Terminology
from .yamlfile import Loc

Finding = tuple[Loc, str]
# the engine's names for a standard's groups: the reference group, the focus group and the unknown
GROUPS = ("white", "bme", "unknown")
ROLES = {"white": "reference", "bme": "focus", "unknown": "unknown"}


@dataclass(frozen=True)
class Section:
    """One standard's part of a year's raw data: the top level for the WRES, ``wdes:`` for the WDES."""

    standard: Standard
    data: dict[str, Any]
    at: Loc  # where its blocks are: () or ("wdes",)
    keys: dict[str, str]  # the engine's group name -> the key the file uses ("bme" -> "disabled")
    words: Terminology  # the groups in the standard's default words, for messages

    @property
    def representation(self) -> Indicator | None:
        """The standard's workforce indicator: its counts are the workforce the likelihoods may divide by."""
        return next((s for s in self.standard.indicators.values() if s.kind == "representation"), None)

    def block(self, spec: Indicator) -> Any:
        return self.data.get(spec.key)


def _sections(data: dict[str, Any]) -> Iterator[Section]:
    """Each standard the year's file gives, as a :class:`Section`; a section of the wrong type is the shape check's."""
    # The checks run before the organisation's own words are known (its file may have mistakes), so messages
    # use each standard's default words: "BME" and "White", "Disabled" and "non-disabled".
    defaults = Organisation.model_construct()
    for standard in STANDARDS.values():
        part = data.get(standard.section) if standard.section else data
        if isinstance(part, dict):
            at = (standard.section,) if standard.section else ()
            keys = {group: standard.groups[role] for group, role in ROLES.items()}
            yield Section(standard, part, at, keys, defaults.terminology_for(standard.id))


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _counts(block: Any, keys: dict[str, str]) -> dict[str, int | None] | None:
    """A counts mapping with usable numbers (missing unknown counts as 0, missing reference as None), else None.

    Read with the file's keys (``keys``), returned under the engine's names.
    """
    if not isinstance(block, dict):
        return None
    out = {g: _count(block.get(keys[g], 0 if g == "unknown" else None)) for g in GROUPS}
    if out["bme"] is None or out["unknown"] is None or (keys["white"] in block and out["white"] is None):
        return None
    return out


def representation_total(block: Any, keys: dict[str, str], count_keys: tuple[str, ...]) -> dict[str, int] | None:
    """Sum of every band of every staff group of a representation block, if all are usable."""
    if not isinstance(block, dict):
        return None
    total = dict.fromkeys(GROUPS, 0)
    found = False
    for group in count_keys:
        bands = block.get(group)
        if bands is None:
            continue
        if not isinstance(bands, dict):
            return None
        for counts in bands.values():
            usable = _counts(counts, keys)
            if usable is None or usable["white"] is None:
                return None
            found = True
            for g in GROUPS:
                total[g] += usable[g]
    return total if found else None


def _workforce(section: Section) -> dict[str, int] | None:
    """The total of the section's representation counts, if it gives usable ones."""
    spec = section.representation
    if spec is None:
        return None
    return representation_total(section.block(spec), section.keys, spec.count_keys)


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
    for section in _sections(data):
        if section.at and not section.data:
            yield section.at, (f"has no figures: give the {section.standard.short_name} {section.standard.noun}s, "
                               "or remove the section")
        for spec in section.standard.indicators.values():
            block = section.block(spec)
            if isinstance(block, dict):
                at = (*section.at, spec.key)
                yield from _check_block(section, spec, at, block)
                yield from _check_not_empty(at, block)
                if spec.kind == "likelihood":
                    yield from _check_proportions(section, spec, at, block)
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
    for section in _sections(data):
        for spec in section.standard.indicators.values():
            block = section.block(spec)
            if isinstance(block, dict):
                for found in (k for k in COMPARATOR_KEYS if k in block):
                    yield (*section.at, spec.key, found), ("comparator figures need the comparator group's name: set comparator in "
                                                          "data/organisation.yaml, e.g. comparator: Acute trusts in London")


def _check_not_empty(at: Loc, block: dict[str, Any]) -> Iterator[Finding]:
    """A published, national or comparator block needs at least one figure: an empty one is a half-finished edit."""
    for part in ("published", "national", "comparator"):
        inner = block.get(part)
        if isinstance(inner, dict) and not [k for k in inner if k != "source"]:
            yield (*at, part), "has no figures: give at least one, or remove it"


def _gives_the_ratio(section: Section, spec: Indicator, block: dict[str, Any]) -> bool:
    """Whether the counts alone give the relative likelihood, so a published one would contradict them."""
    denominator = spec.denominator_key
    has_denominator = denominator in block or (denominator == "workforce" and _workforce(section) is not None)
    return spec.numerator_key in block and has_denominator


def _check_block(section: Section, spec: Indicator, at: Loc, block: dict[str, Any]) -> Iterator[Finding]:
    keys, words = section.keys, section.words
    focus, reference = keys["bme"], keys["white"]
    figure_keys = spec.count_keys or (reference, focus, "overall", "responses", "national_average", "comparator_average")
    figures = [k for k in figure_keys if k in block]
    if "not_available" in block and (figures or "published" in block):
        shown = ", ".join(figures + (["published"] if "published" in block else []))
        yield (*at, "not_available"), (f"the {spec.noun} is marked not available but also has figures ({shown}); "
                                       "keep one or the other")
        return
    if spec.focus_only:
        yield from _check_focus_only(section, spec, at, block)
    # Partial counts of the likelihoods may stand beside published figures; counts that give the ratio may not.
    partial_ok = spec.kind == "likelihood" and not _gives_the_ratio(section, spec, block)
    if "published" in block and figures and not partial_ok:
        yield (*at, "published"), f"give counts or published figures, not both (counts found: {', '.join(figures)})"
        return
    if "not_available" in block or "published" in block or "missing_reason" in block:
        return
    if spec.required_counts:
        required = spec.required_counts
        for missing in (k for k in required if k not in block):
            yield at, (f"{missing} is missing: give {' and '.join(required)}, or published figures, "
                       "or not_available or missing_reason with a reason")
    elif spec.kind in ("survey", "score"):
        if focus not in block:
            what = "percentage" if spec.kind == "survey" else "engagement score"
            also = "" if spec.focus_only else f" (and the {words.white} one if it was published)"
            yield at, (f"{focus} is missing: give the {words.bme} {what}{also}, "
                       "or not_available or missing_reason with a reason")
    elif spec.kind == "representation" and not figures:
        yield at, "give counts for at least one staff group, or published figures, or not_available with a reason"


def _check_focus_only(section: Section, spec: Indicator, at: Loc, block: dict[str, Any]) -> Iterator[Finding]:
    """A question asked of the focus group only (WDES metric 8) has no figure for the reference group."""
    reference = section.keys["white"]
    why = (f"{spec.label.lower()} is asked of {section.words.bme} staff only, so there is no "
           f"{section.words.white} figure: remove it")
    if reference in block:
        yield (*at, reference), why
    for part in ("responses", "national_average", "comparator_average"):
        inner = block.get(part)
        if isinstance(inner, dict) and reference in inner:
            yield (*at, part, reference), why


def _check_proportions(section: Section, spec: Indicator, at: Loc, block: dict[str, Any]) -> Iterator[Finding]:
    """A numerator can never exceed its denominator, group by group.

    A missing workforce is not a mistake: the metrics say which figures cannot be computed without it.
    """
    if "not_available" in block:
        return
    keys = section.keys
    denominator_key, numerator_key, words = spec.denominator_key, spec.numerator_key, spec.exceeds
    numerator = _counts(block.get(numerator_key), keys)
    if numerator is None:
        return
    denominator = _counts(block.get(denominator_key), keys)
    from_representation = False
    if denominator is None and denominator_key == "workforce" and "workforce" not in block:
        denominator = _workforce(section)
        from_representation = True
    if denominator is None:
        return
    for group in GROUPS:
        n, d = numerator[group], denominator[group]
        if n is not None and d is not None and n > d:
            message = words.format(n=n, d=d)
            if from_representation and section.representation is not None:
                message += f" (the workforce is taken from the {section.representation.label.lower()} totals)"
            yield (*at, numerator_key, keys[group]), message
