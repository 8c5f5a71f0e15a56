"""Questions for values that are valid but look wrong: warnings, shown by ``wres check`` and the preview, never errors.

A figure pasted as a proportion (0.412 for 41.2%), an empty owner, shares that do not add up to
about 100% or a year-on-year jump no real workforce makes are all valid data, so nothing stops a
build; but each is far more often a slip than the truth, so the editor is asked to look again,
at the file and line. Checked on the files as written (``YamlDocument``), like ``checks``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from .errors import Problem
from .indicators import WRES
from .loading import year_files
from .model import Dataset
from .project import Project
from .yamlfile import Loc, YamlDocument, read_yaml

# the WRES's survey indicators, from the definitions (the WDES section is not questioned yet)
SURVEY = tuple(spec for spec in WRES.indicators.values() if spec.kind == "survey")
GROUPS = ("white", "bme")
SHARES = ("bme_share", "white_share", "unknown_share")
# Shares printed as whole numbers are each up to 0.5 off, so three of them may add up to 98.5 or 101.5.
SHARE_TOLERANCE = 1.5

Question = tuple[Loc, str]


def questions(project: Project, dataset: Dataset) -> list[Problem]:
    """Every value of the project's years and plans (those in ``dataset``) that looks wrong, as a warning with its line."""
    threshold = dataset.organisation.settings.implausible_change
    wanted = {year.year for year in dataset.years}
    found: list[Problem] = []
    previous: dict[str, Any] | None = None
    for year, path in year_files(project.data_dir, [], "years", required=False):
        doc = _doc(path) if year in wanted else None
        if doc is None:
            continue
        proportions = list(_proportions(doc.data))
        found.extend(doc.problem(loc, message) for loc, message in proportions)
        found.extend(doc.problem(loc, message) for loc, message in _shares(doc.data))
        if previous is not None and not proportions:
            found.extend(doc.problem(loc, message) for loc, message in _changes(previous, doc.data, threshold))
        previous = doc.data
    plan_years = {plan.year for plan in dataset.plans}
    for year, path in year_files(project.data_dir, [], "action_plans", required=False):
        if year in plan_years and (doc := _doc(path)) is not None:
            found.extend(doc.problem(loc, message) for loc, message in _empty_words(doc.data))
    return found


def _doc(path: Any) -> YamlDocument | None:
    doc = read_yaml(path)[0]
    return doc if doc is not None and isinstance(doc.data, dict) else None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _survey_figures(data: dict[str, Any]) -> Iterator[tuple[Loc, float]]:
    for spec in SURVEY:
        block = data.get(spec.key)
        if isinstance(block, dict):
            for group in GROUPS:
                if (value := _number(block.get(group))) is not None:
                    yield (spec.key, group), value


def _proportions(data: dict[str, Any]) -> Iterator[Question]:
    """Every survey figure of the year below 1, and one above 0: written as proportions, not percentages."""
    figures = list(_survey_figures(data))
    if figures and all(value < 1 for _, value in figures) and any(value > 0 for _, value in figures):
        loc, value = next((loc, value) for loc, value in figures if value > 0)
        written = Decimal(str(value))
        percent = f"{written * 100:f}"
        percent = percent.rstrip("0").rstrip(".") if "." in percent else percent
        yield loc, (f"every survey figure of this year is below 1, so these look like proportions; write percentages: "
                    f"{percent}, not {written}")


def _share_sets(data: dict[str, Any]) -> Iterator[tuple[Loc, dict[str, Any]]]:
    block = data.get("indicator_1")
    if not isinstance(block, dict):
        return
    for part in ("published", "national", "comparator"):
        inner = block.get(part)
        if isinstance(inner, dict):
            yield ("indicator_1", part), inner
            for name in ("by_group", "senior"):
                nested = inner.get(name)
                if name == "senior" and isinstance(nested, dict):
                    yield ("indicator_1", part, "senior"), nested
                elif isinstance(nested, dict):
                    for group, shares in nested.items():
                        if isinstance(shares, dict):
                            yield ("indicator_1", part, name, group), shares


def _shares(data: dict[str, Any]) -> Iterator[Question]:
    """A set of shares of one whole (BME, White, unknown) that does not add up to about 100%."""
    for loc, block in _share_sets(data):
        given = {key: value for key in SHARES if (value := _number(block.get(key))) is not None}
        total = sum(given.values())
        complete = len(given) == len(SHARES)
        if (complete and abs(total - 100) > SHARE_TOLERANCE) or (not complete and total > 100 + SHARE_TOLERANCE):
            names = ", ".join(list(given)[:-1]) + " and " + list(given)[-1] if len(given) > 1 else next(iter(given))
            expected = "about 100%" if complete else "no more than 100%"
            yield (*loc, next(iter(given))), (f"{names} add up to {round(total, 1):g}%, where they should make "
                                              f"{expected}: check them against the report")


def _changes(before: dict[str, Any], after: dict[str, Any], threshold: float) -> Iterator[Question]:
    """A survey figure or published share that moves more than ``threshold`` percentage points in a year."""
    earlier = dict(_comparable(before))
    for loc, value in _comparable(after):
        block = after.get(loc[0])
        if loc not in earlier or (isinstance(block, dict) and block.get("series_break")):
            continue
        change = abs(value - earlier[loc])
        if change > threshold:
            yield loc, (f"{earlier[loc]:g} the year before and {value:g} this year, a change of {change:.1f} percentage "
                        f"points; more than {threshold:g} is rarely real (settings.implausible_change): check the figure")


def _comparable(data: dict[str, Any]) -> Iterator[tuple[Loc, float]]:
    yield from _survey_figures(data)
    published = (data.get("indicator_1") or {}).get("published") if isinstance(data.get("indicator_1"), dict) else None
    if isinstance(published, dict):
        for key in SHARES:
            if (value := _number(published.get(key))) is not None:
                yield ("indicator_1", "published", key), value


def _empty_words(data: dict[str, Any]) -> Iterator[Question]:
    """An owner, update or title given but empty: the site would show an empty cell or heading."""
    if _blank(data.get("title")):
        yield ("title",), 'is empty: write the plan\'s title, or remove the line (the site then says "WRES action plan YEAR")'
    for i, theme in _items(data, "themes"):
        if _blank(theme.get("title")):
            yield ("themes", i, "title"), "is empty: write the theme's heading"
    for i, action in _items(data, "actions"):
        owner = action.get("owner")
        owners = owner if isinstance(owner, list) else [owner]
        for j, name in enumerate(owners):
            if _blank(name):
                loc = ("actions", i, "owner", j) if isinstance(owner, list) else ("actions", i, "owner")
                yield loc, "is empty: name who is responsible, or remove the line (the site then says no owner is given)"
        for j, update in _items(action, "updates"):
            if _blank(update.get("text")):
                yield ("actions", i, "updates", j, "text"), "is empty: say what happened, or remove the update"


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()
