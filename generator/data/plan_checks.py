"""Rules for action plans that compare one field with another, on the raw file data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from .checks import Finding
from .dates import miswritten_date
from .value_hints import theme_hint
from .indicators import INDICATORS, MEASURES, STAFF_GROUP_TITLES
from .yamlfile import DATE_LIKE


def _items(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def check_plan(data: dict[str, Any], file_year: int | None) -> Iterator[Finding]:
    year = data.get("year")
    if file_year is not None and isinstance(year, int) and year != file_year:
        yield ("year",), f"says {year} but the file is named {file_year}.yaml; they must agree"
    period = data.get("period")
    if isinstance(period, dict) and isinstance(period.get("start"), dt.date) and isinstance(period.get("end"), dt.date):
        if period["end"] < period["start"]:
            yield ("period", "end"), f"the plan ends ({period['end']}) before it starts ({period['start']})"
    yield from _check_themes(data)
    yield from _check_actions(data)
    yield from _check_targets(data)


def _check_themes(data: dict[str, Any]) -> Iterator[Finding]:
    seen: set[str] = set()
    for i, theme in _items(data, "themes"):
        theme_id = theme.get("id")
        if isinstance(theme_id, str):
            if theme_id in seen:
                yield ("themes", i, "id"), f'the theme id "{theme_id}" is used twice; each theme needs its own id'
            seen.add(theme_id)


def _check_actions(data: dict[str, Any]) -> Iterator[Finding]:
    themes = [t.get("id") for _, t in _items(data, "themes") if isinstance(t.get("id"), str)]
    as_of = data.get("as_of") if isinstance(data.get("as_of"), dt.date) else None
    seen: set[str] = set()
    for i, action in _items(data, "actions"):
        action_id = action.get("id")
        if isinstance(action_id, (str, int)) and not isinstance(action_id, bool):
            key = str(action_id)
            if key in seen:
                yield ("actions", i, "id"), f'the id "{key}" is used by another action too; each action needs its own id'
            seen.add(key)
        theme = action.get("theme")
        if isinstance(theme, str):
            if not themes:
                yield ("actions", i, "theme"), "this plan has no themes: add it under themes, or remove theme from the action"
            elif theme not in themes:
                yield ("actions", i, "theme"), (f"\"{theme}\" is not one of this plan's themes ({', '.join(themes)})"
                                                 + theme_hint(theme, themes))
        due = action.get("due")
        if isinstance(due, str) and DATE_LIKE.match(due.strip()):
            yield ("actions", i, "due"), f"{due} is not a real date"
        elif isinstance(due, str) and (correction := miswritten_date(due)):
            yield ("actions", i, "due"), correction
        yield from _check_updates(i, action, as_of)


def _check_updates(i: int, action: dict[str, Any], as_of: dt.date | None) -> Iterator[Finding]:
    previous: dt.date | None = None
    for j, update in _items(action, "updates"):
        when = update.get("date")
        if not isinstance(when, dt.date):
            continue
        if previous is not None and when < previous:
            yield ("actions", i, "updates", j, "date"), f"updates must be oldest first, but {when} comes after {previous}"
        if as_of is not None and when > as_of:
            yield ("actions", i, "updates", j, "date"), f"{when} is after as_of ({as_of}); an update cannot be later than the review date"
        previous = when


def _check_targets(data: dict[str, Any]) -> Iterator[Finding]:
    for i, target in _items(data, "targets"):
        indicator, measure, breakdown = target.get("indicator"), target.get("measure"), target.get("breakdown")
        if not isinstance(indicator, int) or indicator not in MEASURES or not isinstance(measure, str):
            continue
        if measure not in MEASURES[indicator]:
            yield ("targets", i, "measure"), (f"indicator {indicator} has no figure called \"{measure}\"; "
                                              f"choose one of: {', '.join(MEASURES[indicator])}")
            continue
        if breakdown is None:
            continue
        problem = _breakdown_problem(indicator, measure, str(breakdown))
        if problem:
            yield ("targets", i, "breakdown"), problem


def _breakdown_problem(indicator: int, measure: str, breakdown: str) -> str:
    kind = INDICATORS[indicator].kind
    groups = tuple(STAFF_GROUP_TITLES)
    if kind == "representation":
        group = breakdown.split("/", 1)[0]
        if breakdown == "overall" or group in groups:
            return ""
        return f"must be overall, a staff group ({', '.join(groups)}) or group/band, not \"{breakdown}\""
    if kind == "board":
        allowed = ("overall",) if measure == "workforce_bme_share" else INDICATORS[indicator].count_keys
        return "" if breakdown in allowed else f"must be {' or '.join(allowed)} for {measure}, not \"{breakdown}\""
    return "" if breakdown == "" else f"indicator {indicator} has no breakdowns; remove it"