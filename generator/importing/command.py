"""``wres import KIND FILE --year YEAR``: check everything, count, write one block of one year file, or nothing.

Everything is checked before anything is written, as a build does: the project's files,
``data/import_mapping.yaml``, the extract (every value that cannot be placed), and the year
file as it would be written (validated like ``wres check`` does). A published year changes
only with ``--correction WHY``, which records a correction for every indicator whose
published figures the new counts change.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
import tempfile
from pathlib import Path

import click
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..data import INDICATORS, DataError, Dataset, Problem, Project, load_dataset, load_project
from ..data.yamlfile import display_path
from ..metrics import compute_metrics
from ..site.published import year_figures
from ..site.scaffold import year_text
from .columns import KINDS, parse_maps
from .counting import Counted, count
from .mapping_file import load_mapping
from .reading import read_extract
from .writing import apply, edit_block, problems_at, provenance_lines, write_atomically

WORKFORCE_NOTE = {
    1: "Indicators 3 and 4 take their workforce from these counts.",
    3: "The workforce (the denominator) is the year's indicator 1 counts.",
    4: "The workforce (the denominator) is the year's indicator 1 counts.",
}


def run_import(project: Project, kind_name: str, file: Path, year: int, maps: tuple[str, ...], sheet: str | None,
               correction: str | None, today: dt.date) -> list[str]:
    """Import ``file`` into ``years/<year>.yaml``; returns the lines to show. Raises DataError or ClickException, having written nothing."""
    kind = KINDS[kind_name]
    chosen = parse_maps(maps)
    problems: list[Problem] = []
    mapping = load_mapping(project.data_dir, problems)
    try:
        dataset = load_project(project, drafts=True, require_years=False)
    except DataError as exc:
        raise DataError([*exc.problems, *problems]) from None
    if problems:
        raise DataError(problems)
    extract = read_extract(file, kind, chosen, sheet)
    counted, problems = count(kind_name, extract, mapping, display_path(file))
    if counted is None:
        raise DataError(problems)

    year_file = project.data_dir / "years" / f"{year}.yaml"
    existing = next((y for y in dataset.years if y.year == year), None)
    before = year_file.read_text(encoding="utf-8") if year_file.exists() else year_text(dataset, year)
    published = existing is not None and existing.status == "published"
    if published and not correction:
        raise click.ClickException(
            f"{year} is published, so its figures are frozen; nothing was written. If the extract corrects them, run the "
            f'import again with --correction "why the figures changed": the correction is recorded in '
            f"{display_path(year_file)} and shown on the site.")
    key = f"indicator_{kind.indicator}"
    provenance = provenance_lines(kind_name, extract.name, extract.sha256, extract.rows, extract.columns.described(),
                                  mapping.source, WORKFORCE_NOTE.get(kind.indicator))
    text = edit_block(before, key, lambda block: apply(block, counted), provenance)
    after = _validated(project, year, text)
    _check_workforce(after, year, kind.indicator, year_file)
    notes = []
    if published:
        changed = _changed_indicators(dataset, after, year)
        if changed:
            text = edit_block(text, "corrections", lambda seq: _add_correction(seq, today, kind.indicator, changed, correction))
            _validated(project, year, text)
        else:
            notes.append("The published figures did not change, so no correction was recorded.")
    elif correction:
        notes.append(f"{year} is a draft, so --correction was not needed and nothing was recorded for it.")
    if text == before and year_file.exists():
        return [f"{display_path(year_file)} already holds these counts from this file; nothing changed.", *notes]
    write_atomically(year_file, text)
    created = "a new draft, " if existing is None else ""
    return [f"Wrote {display_path(year_file)} ({created}indicator {kind.indicator}) from {extract.name}: "
            f"{extract.rows:,} rows, {_summary(counted)}.", *notes,
            "The extract was read and not copied. It holds personal data: keep it out of the project folder."]


def _summary(counted: Counted) -> str:
    totals: dict[str, dict[str, int]] = {}
    if counted.by_group is not None:
        staff = {"white": 0, "bme": 0, "unknown": 0}
        for bands in counted.by_group.values():
            for counts in bands.values():
                for group, n in counts.items():
                    staff[group] += n
        totals["staff in post"] = staff
    totals.update(counted.counts or {})
    return "; ".join(f"{what} {c['white']:,} White, {c['bme']:,} BME, {c['unknown']:,} unknown" for what, c in totals.items())


def _validated(project: Project, year: int, text: str) -> Dataset:
    """The project's data with the year file as it would be written, validated as ``wres check`` does."""
    real = display_path(project.data_dir / "years" / f"{year}.yaml")
    with tempfile.TemporaryDirectory(prefix="wres-import-") as folder:
        data = Path(folder)
        for sub in ("years", "action_plans"):
            if (project.data_dir / sub).is_dir():
                shutil.copytree(project.data_dir / sub, data / sub)
        (data / "years").mkdir(exist_ok=True)
        target = data / "years" / f"{year}.yaml"
        target.write_text(text, encoding="utf-8")
        try:
            return load_dataset(data, project.config_file, drafts=True, base=project.base_dir,
                                site_allowed=project.mkdocs_file is None)
        except DataError as exc:
            found = problems_at(exc.problems, display_path(target), real)
            raise DataError([*found, Problem(real, 1, "", "the import would leave these problems in the year file")]) from None


def _check_workforce(dataset: Dataset, year: int, indicator: int, year_file: Path) -> None:
    spec = INDICATORS[indicator]
    if spec.kind != "likelihood" or spec.denominator_key != "workforce":
        return
    chosen = next(y for y in dataset.years if y.year == year)
    block = chosen.indicator(indicator)
    has_staff = chosen.indicator_1 is not None and bool(chosen.indicator_1.groups())
    if not has_staff and getattr(block, "workforce", None) is None:
        raise DataError([Problem(display_path(year_file), 1, f"indicator_{indicator}", (
            f"indicator {indicator} takes its workforce from the year's staff in post (indicator 1), and {year} has none "
            f"yet: import the staff in post first (wres import staff FILE --year {year}). Nothing was written."))])


def _changed_indicators(before: Dataset, after: Dataset, year: int) -> list[int]:
    was, now = year_figures(compute_metrics(before), year), year_figures(compute_metrics(after), year)

    def differs(a: float | None, b: float | None) -> bool:
        return (a is None) != (b is None) or (a is not None and b is not None and not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12))
    return sorted({key[0] for key in set(was) | set(now)
                   if any(differs(x, y) for x, y in zip(was.get(key, (None,) * 3), now.get(key, (None,) * 3)))})


def _add_correction(corrections: CommentedSeq, today: dt.date, indicator: int, changed: list[int], why: str) -> None:
    named = ", ".join(str(n) for n in changed[:-1]) + (" and " if len(changed) > 1 else "") + str(changed[-1])
    entry = CommentedMap()
    entry["date"] = today
    entry["indicators"] = CommentedSeq(changed)
    entry["indicators"].fa.set_flow_style()
    entry["what"] = (f"The indicator {indicator} counts were imported again from a corrected extract; "
                     f"the published figures of indicator{'s' if len(changed) > 1 else ''} {named} changed.")
    entry["why"] = why
    if not any(dict(c) == dict(entry) for c in corrections if isinstance(c, CommentedMap)):
        corrections.append(entry)
