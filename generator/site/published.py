"""The publishing lifecycle: ``wres publish YEAR`` freezes a year's figures; a later change needs a correction.

``data/published/<YYYY>.csv`` holds every figure of the year as it was published
(the value and its interval, unrounded). It is committed with the data. Every
build compares the figures it computes with it: a published figure that changed
without a correction in the year file stops the build, saying which figure changed
and how to record a correction. With a correction dated on or after the freeze,
the build goes on, and the site shows the correction where the figure appears.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

import click
from ruamel.yaml.comments import CommentedMap

from ..data import INDICATORS, DataError, Dataset, Problem, Project, Terminology, Year, load_project
from ..data.indicators import STANDARDS
from ..data.yamlfile import display_path, new_yaml, read_yaml
from ..metrics import Metrics, compute_metrics, csv_number

FIELDS = ["indicator", "breakdown", "measure", "value", "ci_low", "ci_high"]
HEADER = re.compile(r"^# published (\d{4}-\d{2}-\d{2})")
MEASURE_WORDS = {
    "relative_likelihood": "relative likelihood", "likelihood_white": "likelihood ({white})", "likelihood_bme": "likelihood ({bme})",
    "likelihood_unknown": "likelihood ({unknown})", "white": "{white} percentage", "bme": "{bme} percentage", "gap": "gap",
}


@dataclass(frozen=True)
class Frozen:
    on: dt.date
    figures: dict[tuple[int, str, str], tuple[float | None, float | None, float | None]]


@dataclass(frozen=True)
class Change:
    indicator: int
    breakdown: str
    measure: str
    was: float | None
    now: float | None

    def describe(self, terms: Terminology) -> str:
        """In the trust's own words for the groups, e.g. "likelihood (ethnically diverse) was 30.11 ..."."""
        what = MEASURE_WORDS.get(self.measure, self.measure.replace("_", " ")).format(
            white=terms.white, bme=terms.bme, unknown=terms.unknown)
        where = f" ({self.breakdown.replace('_', ' ').replace('/', ', ')})" if self.breakdown else ""

        def shown(value: float | None) -> str:
            return "not shown" if value is None else f"{value:.4g}"
        return f"{what}{where} was {shown(self.was)} when published and is now {shown(self.now)}"


def _number(text: str) -> float | None:
    return float(text) if text else None


def year_figures(metrics: Metrics, year: int) -> dict[tuple[int, str, str], tuple[float | None, float | None, float | None]]:
    return {(row.indicator, row.breakdown, row.measure): (row.value, row.ci_low, row.ci_high) for row in metrics.where(year=year)}


def frozen_text(year: Year, figures: dict, on: dt.date) -> str:
    out = io.StringIO()
    out.write(f"# published {on.isoformat()}: the figures of {year.display_label} as 'wres publish {year.year}' froze them.\n")
    out.write(f"# Do not edit. A change to one of these figures needs a correction in years/{year.year}.yaml.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    for (indicator, breakdown, measure), values in sorted(figures.items()):
        writer.writerow([_frozen_key(indicator), breakdown, measure, *(csv_number(v) for v in values)])
    return out.getvalue()


def read_frozen(path: Path) -> Frozen:
    text = path.read_text(encoding="utf-8")
    match = HEADER.match(text)
    if not match:
        raise DataError([Problem(display_path(path), 1, "", "this file was changed by hand; restore it from version control, or run 'wres publish' again")])
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    figures = {}
    for row in csv.DictReader(lines):
        figures[(_indicator_of(row["indicator"]), row["breakdown"], row["measure"])] = (
            _number(row["value"]), _number(row["ci_low"]), _number(row["ci_high"]))
    return Frozen(dt.date.fromisoformat(match.group(1)), figures)


def _frozen_key(number: int) -> str:
    """A WRES indicator by its number, as these files always had it; another standard's as "wdes:4a(i)"."""
    spec = INDICATORS[number]
    return spec.id if spec.standard == "wres" else f"{spec.standard}:{spec.id}"


def _indicator_of(key: str) -> int:
    return next(n for n in INDICATORS if _frozen_key(n) == key)


def _differs(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    return not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def changes(frozen: Frozen, now: dict) -> list[Change]:
    """The figures that differ from the frozen ones, in the standards that were published then: a standard the
    trust adds to an earlier year later (its first WDES figures) was never published, so nothing of it changed."""
    found = []
    frozen_standards = {INDICATORS[key[0]].standard for key in frozen.figures}
    now = {key: values for key, values in now.items() if INDICATORS[key[0]].standard in frozen_standards}
    for key in sorted(set(frozen.figures) | set(now)):
        was, current = frozen.figures.get(key, (None, None, None)), now.get(key, (None, None, None))
        if _differs(was[0], current[0]) or _differs(was[1], current[1]) or _differs(was[2], current[2]):
            found.append(Change(*key, was[0], current[0]))
    return found


def check_published(project: Project, dataset: Dataset, metrics: Metrics) -> None:
    """Stop the build when a published figure changed without a correction that covers it."""
    problems = []
    for year in dataset.years:
        path = project.published_dir / f"{year.year}.csv"
        if year.status != "published" or not path.exists():
            continue
        frozen = read_frozen(path)
        covered = {n for c in year.corrections if c.date >= frozen.on for n in c.indicators}
        uncovered = [c for c in changes(frozen, year_figures(metrics, year.year)) if c.indicator not in covered]
        if not uncovered:
            continue
        doc, _ = read_yaml(project.data_dir / "years" / f"{year.year}.yaml")
        for change in uncovered:
            spec = INDICATORS[change.indicator]
            key = spec.key
            where = (spec.section, key) if spec.section else (key,)
            if spec.section:
                # corrections name WRES indicators (1-9) only: say so, never an entry the contract would refuse
                words = change.describe(dataset.organisation.terminology_for(spec.standard))
                message = (f"a published figure changed: {spec.label.lower()} {words} ({year.display_label} was "
                           f"published on {frozen.on.isoformat()}). A {STANDARDS[spec.standard].short_name} figure "
                           "cannot be recorded as a correction yet (corrections name WRES indicators only): put the "
                           "figure back as it was published.")
                problems.append(doc.problem(where, message) if doc else Problem(display_path(path), 1, key, message))
                continue
            early = [c for c in year.corrections if change.indicator in c.indicators and c.date < frozen.on]
            if early:
                message = (f"a published figure changed: indicator {change.indicator} {change.describe(dataset.organisation.terminology)}. The correction "
                           f"dated {early[-1].date.isoformat()} is earlier than the day the figures were frozen "
                           f"({frozen.on.isoformat()}), so it cannot be the correction of this change: give it a date on or "
                           f"after {frozen.on.isoformat()}.")
                problems.append(doc.problem((key,), message) if doc else Problem(display_path(path), 1, key, message))
                continue
            message = (f"a published figure changed: indicator {change.indicator} {change.describe(dataset.organisation.terminology)} "
                       f"({year.display_label} was published on {frozen.on.isoformat()}). If this is a correction, record it under "
                       f"'corrections:' in this file (date: YYYY-MM-DD, on or after {frozen.on.isoformat()}, "
                       f"indicators: [{change.indicator}], what: ..., why: ...); the site will show the correction. "
                       "If not, put the figure back.")
            problems.append(doc.problem((key,), message) if doc else Problem(display_path(path), 1, key, message))
    if problems:
        raise DataError(problems)


def publish_year(project: Project, year_number: int, on: dt.date) -> list[Path]:
    """Mark the year published in its file and freeze its figures. Refuses a year with any problem."""
    dataset = load_project(project, drafts=True)
    year = next((y for y in dataset.years if y.year == year_number), None)
    year_file = project.data_dir / "years" / f"{year_number}.yaml"
    if year is None:
        raise click.ClickException(f"{display_path(year_file)} does not exist; start it with 'wres new-year {year_number}'.")
    metrics = compute_metrics(dataset)
    check_published(project, dataset, metrics)
    written = []
    if year.status != "published":
        yaml = new_yaml()
        yaml.preserve_quotes, yaml.width = True, 4096  # change one line, not the file's quoting or wrapping
        data = yaml.load(year_file.read_text(encoding="utf-8"))
        if isinstance(data, CommentedMap):
            data["status"] = "published"
            out = io.StringIO()
            yaml.dump(data, out)
            year_file.write_text(out.getvalue(), encoding="utf-8")
            written.append(year_file)
    target = project.published_dir / f"{year_number}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(frozen_text(year, year_figures(metrics, year_number), on), encoding="utf-8")
    written.append(target)
    return written


def unfrozen_years(project: Project, dataset: Dataset) -> list[int]:
    """Published years with no frozen figures yet (files written before drafts existed, or never published)."""
    return [y.year for y in dataset.years
            if y.status == "published" and not (project.published_dir / f"{y.year}.csv").exists()]
